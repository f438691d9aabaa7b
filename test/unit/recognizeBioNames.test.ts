/**
 * People's Daily conventions, more organisation and person edges: a place-led organisation stops at
 * another name read after the place (马赛|战胜|南非队); a town jieba reads as a name leads its party
 * committee (…镇/nr 党委); an ordinal session is part of the body (第九届|全国人民代表大会). Sentences are written for these tests in news style.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataDir } from '../../src/core/resources';
import { loadNerData } from '../../src/core/entities/nerData';
import { phraseToken, tokenIndex } from '../../src/core/entities/spanUtil';
import {
  companiesReadAsPersons, companyNames, countryAbbreviations, cutAfterCompleteName, findSurnameAddresses, extendOrganizationChains, extendSessionStart, findAbbreviationUses, findCelestialPlaces,
  findPlaceLedOrganizations, findPublications, findVillageWords, governmentsAsPlaces, orgHeadWords, splitPlaceChains, trimNonNameStart,
  splitAbbreviationPairs, teamLists, type TaggedSpan,
} from '../../src/core/entities/bioConventions';
import { adjustTagged, recognizeEntities } from '../../src/core/entities/recognize';
import { foreignNamesAfterTitles, listedPersons, extendSurnameOnlyNames, personsReadAsPlaces, extendTransliteratedNames, extendTwoCharacterNames, findReporterCredits, placesReadAsPersons } from '../../src/core/entities/persons';
import { genericPlaces } from '../../src/core/entities/places';
import type { Token } from '../../src/core/engines';
import { jiebaTokens } from './helpers/jiebaTokens';
import { names, span } from './helpers/taggedSpans';

const dataDir = findDataDir(__dirname);
const data = loadNerData(dataDir);
const heads = orgHeadWords(dataDir);

test('a place-led organisation does not run over another name read after the place (马赛|战胜|南非队)', () => {
  const text = '法国队昨天在里昂战胜丹麦队，取得小组第一。';
  const tokens = jiebaTokens(text);
  const tagged = [span(text, 'ORG', '法国队'), span(text, 'LOC', '里昂'), span(text, 'ORG', '丹麦队')];
  const found = names(text, findPlaceLedOrganizations(tagged, text, tokens, tokenIndex(text.length, tokens), data, heads, phraseToken));
  assert.ok(!found.some((n) => n.startsWith('里昂')), found.join(' '));
  // Alone, the place still leads its organisation.
  const text2 = '古巴代表团团长在会上发言。';
  const tokens2 = jiebaTokens(text2);
  assert.deepEqual(names(text2, findPlaceLedOrganizations([span(text2, 'LOC', '古巴')], text2, tokens2, tokenIndex(text2.length, tokens2), data, heads, phraseToken)), ['古巴代表团']);
});

test('a town jieba reads as a name stays at the front of its party committee (…镇/nr 党委, 石岗/nr 镇党委)', () => {
  const tok = (words: Array<[string, string]>): Token[] => {
    let at = 0;
    return words.map(([word, tag]) => { const t = { word, tag, start: at, end: at + word.length }; at = t.end; return t; });
  };
  for (const words of [[['鹤山镇', 'nr'], ['党委', 'j']], [['石岗', 'nr'], ['镇党委', 'nt']]] as Array<Array<[string, string]>>) {
    const tokens = tok(words);
    const end = tokens[tokens.length - 1].end;
    assert.equal(trimNonNameStart(0, end, tokens, tokenIndex(end, tokens), data), 0, words.join(' '));
  }
  // A person's name before a body is still cut off (宣传/v 党中央 as before, 张明/nr 党委).
  const tokens = tok([['张明', 'nr'], ['党委', 'j']]);
  assert.equal(trimNonNameStart(0, 4, tokens, tokenIndex(4, tokens), data), 2);
});

test('an ordinal session before a body is part of it (第九届|全国人民代表大会, 七届|全国人大常委会)', () => {
  const at = (text: string, name: string) => { const s = text.indexOf(name); return text.slice(extendSessionStart(text, s), s + name.length); };
  assert.equal(at('经过第九届全国人民代表大会第一次会议选举产生。', '全国人民代表大会'), '第九届全国人民代表大会');
  assert.equal(at('七届全国人大常委会通过了这项法律。', '全国人大常委会'), '七届全国人大常委会');
  assert.equal(at('全国人大常委会通过了这项法律。', '全国人大常委会'), '全国人大常委会');
});

test('a sub-unit after an organisation stays in it (北京大学|中文系, 总政治部|歌舞团): no cut back to the complete name', () => {
  const cut = (sentence: string, name: string) => {
    const tokens = jiebaTokens(sentence);
    const s = sentence.indexOf(name);
    return sentence.slice(s, cutAfterCompleteName(sentence, s, s + name.length, tokens, tokenIndex(sentence.length, tokens), data, heads));
  };
  assert.equal(cut('北京大学中文系教授王明说，今年招生人数增加。', '北京大学中文系'), '北京大学中文系');
  assert.equal(cut('中国人民解放军总政治部歌舞团昨天在这里演出。', '中国人民解放军总政治部歌舞团'), '中国人民解放军总政治部歌舞团');
  // A common noun after the name is still cut off (中国作家协会|会员).
  assert.equal(cut('他是中国作家协会会员，写过多部小说。', '中国作家协会会员'), '中国作家协会');
  // A chain grown over a sub-unit is marked, so the recogniser keeps it whole.
  const text = '南京军区政治部文工团演出了新节目。';
  const tokens = jiebaTokens(text);
  const grown = extendOrganizationChains([span(text, 'ORG', '南京军区')], text, tokens, tokenIndex(text.length, tokens), data, heads);
  assert.deepEqual(grown.map((g) => [text.slice(g.start, g.end), g.unit]), [['南京军区政治部文工团', true]]);
  const ms = recognizeEntities({ text, tokens, skip: [], articleDate: null }, { dataDir, userTerms: [] },
    { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true });
  assert.ok(ms.some((m) => m.type === 'organization' && m.canonical === '南京军区政治部文工团'), JSON.stringify(ms));
});

test('a transliterated name cut short grows to the end of its name word (马尔蒂|尼) or over a short unknown word (赫里斯|坚科)', () => {
  const grow = (text: string, cut: string) => {
    const tokens = jiebaTokens(text);
    return extendTransliteratedNames([span(text, 'PER', cut)], text, tokens, tokenIndex(text.length, tokens)).map((s) => text.slice(s.start, s.end));
  };
  assert.deepEqual(grow('意大利后卫马尔蒂尼在比赛中受伤。', '马尔蒂'), ['马尔蒂尼']);
  assert.deepEqual(grow('伊梅尔达昨天回到了马尼拉。', '伊梅尔'), ['伊梅尔达']);
  assert.deepEqual(grow('会议任命了赫里斯坚科和另一名副总理。', '赫里斯'), ['赫里斯坚科']);
  // Chinese names and words that are not spelt in transliteration stay as they are.
  assert.deepEqual(grow('王刚昨天回到了北京。', '王刚'), ['王刚']);
  assert.deepEqual(grow('巴西外援鲁西亚努小角度将球铲入大门。', '鲁西亚'), ['鲁西亚']);
});

test('a "person" followed by an administrative head jieba reads alone (…|区, …|大区) or ending in a river head is a place', () => {
  const tok = (words: Array<[string, string]>): Token[] => {
    let at = 0;
    return words.map(([word, tag]) => { const t = { word, tag, start: at, end: at + word.length }; at = t.end; return t; });
  };
  const read = (words: Array<[string, string]>, name: string) => {
    const tokens = tok(words);
    const text = tokens.map((t) => t.word).join('');
    return placesReadAsPersons([span(text, 'PER', name)], text, tokens, tokenIndex(text.length, tokens)).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
  };
  assert.deepEqual(read([['洪水', 'n'], ['淹没', 'v'], ['了', 'ul'], ['扎克罗', 'nrt'], ['区', 'n'], ['的', 'uj'], ['农田', 'n']], '扎克罗'), ['LOC:扎克罗区']);
  assert.deepEqual(read([['议长', 'n'], ['访问', 'v'], ['了', 'ul'], ['洛林', 'nr'], ['大区', 'n']], '洛林'), ['LOC:洛林大区']);
  assert.deepEqual(read([['山洪', 'n'], ['冲毁', 'v'], ['了', 'ul'], ['卡拉巴特', 'nrt'], ['河', 'ns'], ['堤坝', 'n']], '卡拉巴特河'), ['LOC:卡拉巴特河']);
  // Titles and words that start with a head character are not heads (王刚|市长, 李明|区委).
  assert.deepEqual(read([['王刚', 'nr'], ['市长', 'n'], ['说', 'v']], '王刚'), ['PER:王刚']);
  assert.deepEqual(read([['李明', 'nr'], ['区委', 'n'], ['书记', 'n']], '李明'), ['PER:李明']);
});

test('kinds of places are no places (城镇, 海港, 平原), and People\'s Daily annotates no government (香港特区|政府)', () => {
  const generic = genericPlaces(dataDir);
  for (const w of ['小城镇', '海港', '平原', '大街']) assert.ok(generic.has(w), w);
  // The Gulf is a place in news (海湾国家, 海湾地区).
  assert.ok(!generic.has('海湾'));
  const bio = { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true };
  const text = '要保障小城镇建设的基础规划与投入，临时政府和地方政府之间的财政关系也要理顺。';
  const ms = recognizeEntities({ text, tokens: jiebaTokens(text), skip: [], articleDate: null }, { dataDir, userTerms: [] }, bio);
  assert.ok(!ms.some((m) => m.canonical.includes('城镇') || m.canonical.endsWith('政府')), JSON.stringify(ms));
  const text2 = '香港特区政府对此表示失望，临时政府宣布辞职。';
  const spans = governmentsAsPlaces([span(text2, 'ORG', '香港特区政府'), span(text2, 'ORG', '临时政府')], text2, data);
  assert.deepEqual(spans.map((s) => `${s.type}:${text2.slice(s.start, s.end)}`), ['LOC:香港特区']);
});

test('a body written with its head\'s title in one word ends before the title (美国|前|商务部长, 国税局|党组书记)', () => {
  const text = '他会见了美国前商务部长。';
  const tokens = jiebaTokens(text);
  assert.deepEqual(names(text, findPlaceLedOrganizations([span(text, 'LOC', '美国')], text, tokens, tokenIndex(text.length, tokens), data, heads, phraseToken)), ['美国前商务部']);
  const text2 = '这与南宁市国税局党组书记的努力分不开。';
  const tokens2 = jiebaTokens(text2);
  const grown = extendOrganizationChains([span(text2, 'ORG', '南宁市国税局')], text2, tokens2, tokenIndex(text2.length, tokens2), data, heads);
  assert.deepEqual(grown.map((g) => text2.slice(g.start, g.end)), ['南宁市国税局党组']);
});

test('a one-character "place" inside a longer verb or idiom word is part of the word (价廉物美/l), not after a verb of visiting', () => {
  const at = (text: string, c: string, from = 0) => {
    const tokens = jiebaTokens(text);
    const s = text.indexOf(c, from);
    return adjustTagged({ type: 'LOC', start: s, end: s + 1 }, text, tokens, tokenIndex(text.length, tokens), data, true);
  };
  assert.equal(at('顾客越来越要求价廉物美。', '美'), null);
  assert.notEqual(at('总统将于下月访华。', '华'), null);
});

test('newspapers and magazines: the title in book marks, with the place before it and a class word after it (美国《时代》周刊)', () => {
  const text = '据美国《时代》周刊报道，英国《金融时报》和《读卖新闻》都转载了《华盛顿邮报》的文章，《东方》杂志也作了评论。';
  const tagged = [span(text, 'LOC', '美国'), span(text, 'LOC', '英国')];
  assert.deepEqual(names(text, findPublications(tagged, text, data)), ['美国《时代》周刊', '英国《金融时报》', '华盛顿邮报', '《东方》杂志']);
  // A book or a law is no publication.
  assert.deepEqual(findPublications([], '他写了《平凡的世界》，并学习了《中华人民共和国教育法》。', data), []);
});

test('venues are places under People\'s Daily conventions (中国美术馆, 首都体育馆), no organisations', () => {
  const text = '画展昨天在中国美术馆开幕，颁奖仪式在首都体育馆举行。';
  const run = (options: object) => recognizeEntities({ text, tokens: jiebaTokens(text), skip: [], articleDate: null }, { dataDir, userTerms: [] }, options);
  const ms = run({ types: new Set(['person', 'place', 'organization'] as const), bioConventions: true });
  for (const v of ['中国美术馆', '首都体育馆']) {
    assert.ok(ms.some((m) => m.type === 'place' && m.canonical === v), `${v}: ${JSON.stringify(ms)}`);
    assert.ok(!ms.some((m) => m.type === 'organization' && m.canonical.includes(v)), v);
  }
});

test('adjacent places stay apart (河北|石家庄市), a generic or counted word is cut off (大连|农村), a river mouth is the river', () => {
  const split = (text: string, name: string) => {
    const tokens = jiebaTokens(text);
    return splitPlaceChains([span(text, 'LOC', name)], text, tokens, tokenIndex(text.length, tokens), data, genericPlaces(dataDir)).map((s) => text.slice(s.start, s.end));
  };
  assert.deepEqual(split('前不久，我去河北石家庄市采访。', '河北石家庄市'), ['河北', '石家庄市']);
  assert.deepEqual(split('大连农村每年有大批劳动力外出。', '大连农村'), ['大连']);
  assert.deepEqual(split('港口城市德班举行了会议。', '港口城市德班'), ['德班']);
  assert.deepEqual(split('科考队从图们江口出发。', '图们江口'), ['图们江']);
  // One name stays one (长江三角洲, 哈尔滨).
  assert.deepEqual(split('长江三角洲经济发展很快。', '长江三角洲'), ['长江三角洲']);
});

test('reporters named in a dateline credit are persons (电记者王立新、李卫东报道)', () => {
  const text = '本报开罗6月2日电记者王立新、李卫东报道：埃及政府今天宣布了新的经济措施。';
  assert.deepEqual(names(text, findReporterCredits(text, data)), ['王立新', '李卫东']);
  const ms = recognizeEntities({ text, tokens: jiebaTokens(text), skip: [], articleDate: null }, { dataDir, userTerms: [] },
    { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true });
  for (const n of ['王立新', '李卫东']) assert.ok(ms.some((m) => m.type === 'person' && m.canonical === n), n);
  // No surname, no name (记者招待会报道).
  assert.deepEqual(findReporterCredits('他在记者招待会报道了此事。', data), []);
});

test('a Chinese name cut after its first given-name character takes the second before a title or punctuation (赵国|钧 少将)', () => {
  const grow = (text: string, name: string) => {
    const tokens = jiebaTokens(text);
    return extendTwoCharacterNames([span(text, 'PER', name)], text, tokens, tokenIndex(text.length, tokens), data).map((s) => text.slice(s.start, s.end));
  };
  assert.deepEqual(grow('海军副参谋长赵国钧少将出席了仪式。', '赵国'), ['赵国钧']);
  // A verb after the name is no given-name character (王刚|说).
  assert.deepEqual(grow('王刚说，他明天去北京。', '王刚'), ['王刚']);
});

test('a name cut to its surname takes the given-name word before a particle, verb or punctuation (蒋|天才 的)', () => {
  const grow = (text: string) => {
    const tokens = jiebaTokens(text);
    return extendSurnameOnlyNames([span(text, 'PER', text[text.search(/[蒋朱郑]/)])], text, tokens, tokenIndex(text.length, tokens), data).map((s) => text.slice(s.start, s.end));
  };
  assert.deepEqual(grow('让我们都汲取教训，从蒋天才的悔悟中受到教益。'), ['蒋天才']);
  assert.deepEqual(grow('据了解，朱力行已经在国内外学术刊物上发表了70多篇论文。'), ['朱力行']);
  // Not a given name (郑|州), and a surname before a title stays as it is (朱|主任 is a form of address).
  assert.deepEqual(grow('郑州市今年新建了三座公园。'), ['郑']);
  assert.deepEqual(grow('朱主任说，项目下月开工。'), ['朱']);
});

test('a tagger place that jieba reads as a name and that is the subject of a verb is a person (克林顿|说)', () => {
  const type = (text: string, name: string) => {
    const tokens = jiebaTokens(text);
    return personsReadAsPlaces([span(text, 'LOC', name)], text, tokens, tokenIndex(text.length, tokens), data)[0].type;
  };
  assert.equal(type('关于台湾问题，克林顿说，他将向中国领导人重申美国的承诺。', '克林顿'), 'PER');
  // Places jieba also tags nr: after a verb of going, before 位于, or known to the gazetteer.
  assert.equal(type('代表团抵达卡拉奇说明了来意。', '卡拉奇'), 'LOC');
  assert.equal(type('帕塔亚位于泰国东南部。', '帕塔亚'), 'LOC');
  assert.equal(type('马德里说不上是一座古城。', '马德里'), 'LOC');
});

test('organisation edges: a known place tagged as a body before a title in book marks, 组织 after a name, numbered units', () => {
  const text = '据英国《柳叶刀》杂志报道，这项研究取得了进展。';
  assert.deepEqual(names(text, findPublications([span(text, 'ORG', '英国')], text, data)), ['英国《柳叶刀》杂志']);
  const cut = (sentence: string, name: string) => {
    const tokens = jiebaTokens(sentence);
    const s = sentence.indexOf(name);
    return sentence.slice(s, cutAfterCompleteName(sentence, s, s + name.length, tokens, tokenIndex(sentence.length, tokens), data, heads));
  };
  assert.equal(cut('会议要求欧佩克组织削减产量。', '欧佩克组织'), '欧佩克组织');
  const text2 = '1947年，国民党第74军军长张灵甫在孟良崮战役中被击毙。';
  const tokens2 = jiebaTokens(text2);
  const grown = extendOrganizationChains([span(text2, 'ORG', '国民党')], text2, tokens2, tokenIndex(text2.length, tokens2), data, heads);
  assert.deepEqual(grown.map((g) => text2.slice(g.start, g.end)), ['国民党第74军']);
});

test('places: 驻华 inside one word (驻华大使/n), heavenly bodies (月球, 土星), unknown village words (…村/x)', () => {
  const text = '他会见了即将离任的英国驻华大使。';
  const tokens = jiebaTokens(text);
  assert.deepEqual(names(text, findAbbreviationUses(text, tokens, tokenIndex(text.length, tokens), countryAbbreviations(dataDir), data)), ['华']);
  const text2 = '科学家利用月球引力改变卫星轨道，土星探测器也已升空。';
  assert.deepEqual(names(text2, findCelestialPlaces(jiebaTokens(text2))), ['月球', '土星']);
  const tok = (words: Array<[string, string]>): Token[] => {
    let at = 0;
    return words.map(([word, tag]) => { const t = { word, tag, start: at, end: at + word.length }; at = t.end; return t; });
  };
  const tokens3 = tok([['如今', 't'], ['陇西村', 'x'], ['和', 'c'], ['全村', 'n'], ['、', 'x'], ['新农村', 'n'], ['都', 'd'], ['小镇', 'n']]);
  const text3 = tokens3.map((t) => t.word).join('');
  assert.deepEqual(names(text3, findVillageWords(tokens3, genericPlaces(dataDir))), ['陇西村']);
});

test('companies written bare are organisations (诺基亚, 大众 left out as a common word)', () => {
  const companies = companyNames(dataDir);
  for (const w of ['诺基亚', '丰田', '海尔']) assert.ok(companies.has(w), w);
  for (const w of ['大众', '通用', '现代']) assert.ok(!companies.has(w), w);
  const text = '诺基亚公司宣布，诺基亚将在华增加投资。';
  const spans = companiesReadAsPersons([span(text, 'PER', '诺基亚')], text, companies);
  assert.deepEqual(spans.map((s) => s.type), ['ORG']);
  const text2 = '去年，雀巢在华销售额增长了两成。';
  const ms = recognizeEntities({ text: text2, tokens: jiebaTokens(text2), skip: [], articleDate: null }, { dataDir, userTerms: [] },
    { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true });
  assert.ok(ms.some((m) => m.type === 'organization' && m.canonical === '雀巢'), JSON.stringify(ms));
});

test('countries listed as teams are organisations (巴西和阿根廷队, 意大利、德国等强队, a组的…), regions before 球队 are not', () => {
  const read = (text: string, spans: TaggedSpan[]) => teamLists(spans, text).map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
  const t1 = '本届比赛中，巴西和阿根廷队都有夺冠实力。';
  assert.deepEqual(read(t1, [span(t1, 'LOC', '巴西'), span(t1, 'ORG', '阿根廷队')]), ['ORG:巴西', 'ORG:阿根廷队']);
  const t2 = '中国队将先后对意大利、德国等强队。';
  assert.deepEqual(read(t2, [span(t2, 'ORG', '中国队'), span(t2, 'LOC', '意大利'), span(t2, 'LOC', '德国')]), ['ORG:中国队', 'ORG:意大利', 'ORG:德国']);
  const t3 = '出线的是a组的法国、挪威。';
  assert.deepEqual(read(t3, [span(t3, 'LOC', '法国'), span(t3, 'LOC', '挪威')]), ['ORG:法国', 'ORG:挪威']);
  const t4 = '他们将同南美、非洲球队一起参赛，美国、德国的股市也在上涨。';
  assert.deepEqual(read(t4, [span(t4, 'LOC', '南美'), span(t4, 'LOC', '非洲'), span(t4, 'LOC', '美国'), span(t4, 'LOC', '德国')]),
    ['LOC:南美', 'LOC:非洲', 'LOC:美国', 'LOC:德国']);
});

test('no place in a time zone or a list of sizes (北京时间, 大、中城市), no organisation in a bare party committee or court', () => {
  const at = (text: string, name: string, type: TaggedSpan['type'] = 'LOC') => {
    const tokens = jiebaTokens(text);
    const s = text.indexOf(name);
    return adjustTagged({ type, start: s, end: s + name.length }, text, tokens, tokenIndex(text.length, tokens), data, true);
  };
  assert.equal(at('比赛将于北京时间清晨4时开始。', '北京'), null);
  assert.equal(at('洪水威胁到大、中城市的安全。', '中'), null);
  assert.notEqual(at('代表团昨天抵达北京。', '北京'), null);
  const text = '消费者起诉到法院，党委书记也作了检讨。';
  const ms = recognizeEntities({ text, tokens: jiebaTokens(text), skip: [], articleDate: null }, { dataDir, userTerms: [] },
    { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true });
  assert.ok(!ms.some((m) => m.type === 'organization' && (m.canonical === '法院' || m.canonical === '党委')), JSON.stringify(ms));
});

test('a transliterated name after a title is a person, a tagger place there too (主教练希丁克, 秘书长科菲·安南)', () => {
  const text = '荷兰队主教练希丁克今天宣布了名单，联合国秘书长科菲·安南发表讲话，总统访问了法国。';
  const tokens = jiebaTokens(text);
  const { spans, found } = foreignNamesAfterTitles([span(text, 'LOC', '希丁克'), span(text, 'LOC', '法国')], text, tokens, tokenIndex(text.length, tokens), data,
    (start, end) => ({ type: 'PER' as const, start, end }));
  assert.deepEqual(names(text, found), ['希丁克', '科菲·安南']);
  assert.deepEqual(spans.map((s) => s.type), ['PER', 'LOC']);
});

test('place-led organisations: 队 glued to the next character, a one-character head read alone, missions, a unit after the head', () => {
  const led = (text: string, place: string) => {
    const tokens = jiebaTokens(text);
    return names(text, findPlaceLedOrganizations([span(text, 'LOC', place)], text, tokens, tokenIndex(text.length, tokens), data, heads, phraseToken));
  };
  assert.deepEqual(led('在比赛中，尼日利亚队以3∶2取胜。', '尼日利亚'), ['尼日利亚队']);
  assert.deepEqual(led('襄樊单板厂的职工很着急。', '襄樊'), ['襄樊单板厂']);
  assert.deepEqual(led('这是我国在慕尼黑总领事馆开馆后的又一个领事馆。', '慕尼黑'), ['慕尼黑总领事馆']);
  assert.deepEqual(led('辽宁省高等学校工作委员会发出通知。', '辽宁省'), ['辽宁省高等学校工作委员会']);
});

test('a country read as an organisation outside a team list is a place (赴|斯洛伐克), in a team list an organisation', () => {
  const bio = { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true };
  const run = (text: string) => recognizeEntities({ text, tokens: jiebaTokens(text), skip: [], articleDate: null }, { dataDir, userTerms: [] }, bio);
  const ms = run('中国女篮明天离开北京赴匈牙利，参加将在那里举行的邀请赛。');
  assert.ok(ms.some((m) => m.type === 'place' && m.canonical === '匈牙利'), JSON.stringify(ms));
  assert.ok(!ms.some((m) => m.type === 'organization' && m.canonical === '匈牙利'), JSON.stringify(ms));
});

test('a surname before 某 is the person (同村赵某 → 赵)', () => {
  const text = '案发当晚，同村赵某找到了他。';
  const tokens = jiebaTokens(text);
  assert.deepEqual(names(text, findSurnameAddresses(text, tokens, tokenIndex(text.length, tokens), data)), ['赵']);
});

test('two one-character abbreviations read as one place are two places (港|台), not 中华 or a common word', () => {
  const split = (text: string, name: string) => {
    const tokens = jiebaTokens(text);
    return splitAbbreviationPairs([span(text, 'LOC', name)], text, tokens, tokenIndex(text.length, tokens), countryAbbreviations(dataDir), data).map((s) => text.slice(s.start, s.end));
  };
  assert.deepEqual(split('近年来，国外及港台地区的研究有了很大发展。', '港台'), ['港', '台']);
  assert.deepEqual(split('弘扬中华民族传统美德。', '中华'), ['中华']);
});

test('a transliterated name with · takes one more syllable jieba read alone before punctuation (…卡列尼|娜/ng 。)', () => {
  const words: Array<[string, string]> = [['会见', 'v'], ['了', 'ul'], ['安娜', 'nr'], ['·', 'x'], ['卡列尼', 'nr'], ['娜', 'ng'], ['。', 'x']];
  let at = 0;
  const tokens: Token[] = words.map(([word, tag]) => { const t = { word, tag, start: at, end: at + word.length }; at = t.end; return t; });
  const text = tokens.map((t) => t.word).join('');
  const grown = extendTransliteratedNames([span(text, 'PER', '安娜·卡列尼')], text, tokens, tokenIndex(text.length, tokens));
  assert.deepEqual(names(text, grown), ['安娜·卡列尼娜']);
});

test('the item after or before a listed person, a surname and given-name characters up to what ends an item, is a person too (李亚莉、曾|秀|君以…); a known place is not', () => {
  const make = (start: number, end: number) => ({ type: 'PER' as const, start, end });
  const listed = (text: string, person: string) => {
    const tokens = jiebaTokens(text);
    return names(text, listedPersons([span(text, 'PER', person)], text, tokens, tokenIndex(text.length, tokens), data, make));
  };
  assert.deepEqual(listed('中国选手李亚莉、曾秀君以11秒37、11秒49分获冠亚军。', '李亚莉'), ['李亚莉', '曾秀君']);
  assert.deepEqual(listed('观众，曾秀君、李亚莉分获冠亚军。', '李亚莉'), ['曾秀君', '李亚莉']);
  assert.deepEqual(listed('代表来自王建、武汉等地。', '王建'), ['王建']);
  // A common word (商务/n) opening the next item is no name.
  assert.deepEqual(listed('财政司司长陈茂波、商务及经济发展局局长丘应桦亦有出席。', '陈茂波'), ['陈茂波']);
});
