/**
 * Rules for People's Daily / MSRA BIO conventions (recognizeEntities' bioConventions).
 * There, an organisation led by its country or city is one name (美国财政部, 印度外交部, 武汉电视台),
 * a title after it is not part of it (外交部|长, 县委|书记), and 政府 is never annotated (印度|政府).
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { nerDataLines, perDataDir } from './nerDataFile';
import { LEX } from './charTagger';
import { noParticularTown } from './places';

/** One-character country abbreviations (中, 美, 俄, 印, 巴…) from data/ner/countries.tsv. */
export const countryAbbreviations: (dataDir: string) => ReadonlySet<string> = perDataDir((dataDir) => {
  const out = new Set<string>();
  for (const l of nerDataLines(dataDir, 'countries.tsv')) for (const s of (l.split('\t')[1] ?? '').split(',')) if (s.length === 1) out.add(s);
  // 新 (new) and 南 (south) start far more words than they abbreviate Singapore / South Africa.
  out.delete('新');
  out.delete('南');
  return out;
});

/**
 * Characters a one-character place can be under People's Daily conventions: a country's or
 * province's short form or first character (俄, 罗 of 罗马尼亚, 陕), or a region's (亚, 欧, 淮).
 * Anything else the tagger reads as a place alone (党|和政府, 地|方政府) is part of a word.
 */
export const placeInitials: (dataDir: string) => ReadonlySet<string> = perDataDir((dataDir) => {
  const out = new Set<string>([...REGION_ABBREVIATIONS, ...'华拉黄淮江汉新南']);
  for (const l of nerDataLines(dataDir, 'countries.tsv')) {
    const [name = '', short = ''] = l.split('\t');
    if (name) out.add(name[0]);
    for (const s of short.split(',')) if (s.length === 1) out.add(s);
  }
  for (const l of nerDataLines(dataDir, 'province-abbreviations.tsv')) {
    const [abbreviation = '', province = ''] = l.split('\t');
    if (abbreviation.length === 1) out.add(abbreviation);
    if (province) out.add(province[0]);
  }
  return out;
});

/** Drops one-character places whose character abbreviates nothing (see placeInitials). */
export function withoutStrayPlaceCharacters<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, dataDir: string): S[] {
  const initials = placeInitials(dataDir);
  return spans.filter((s) => s.type !== 'LOC' || s.end - s.start !== 1 || initials.has(text[s.start]));
}

/** What follows a pair of countries written as abbreviations (中美关系, 印巴两国, 日俄首脑). */
const PAIR_CONTEXT = /^(?:两国|关系|双方|首脑|之间|间|高层|和约|联合|合作|友好|三个|两个|和平|经济|核|就|在|加强|禁毒|战略|贸易|会谈|谈判|边境|外长|领导人|元首|建交|对话|争端|冲突|边界|友谊)/;

/**
 * Countries written as a run of one-character abbreviations before a relation word (中美|关系,
 * 印巴|两国): People's Daily annotates each character as a place.
 */
export function findAbbreviationPairs(text: string, abbreviations: ReadonlySet<string>): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (!abbreviations.has(text[i]) || !abbreviations.has(text[i + 1]) || text[i] === text[i + 1]) continue;
    let end = i + 2;
    if (end < text.length && abbreviations.has(text[end]) && !PAIR_CONTEXT.test(text.slice(end))) end++;
    if (!PAIR_CONTEXT.test(text.slice(end)) || abbreviations.has(text[i - 1] ?? '')) continue;
    for (let j = i; j < end; j++) out.push({ start: j, end: j + 1 });
    i = end - 1;
  }
  return out;
}

export interface OrgHeadWords { common: ReadonlySet<string>; classes: ReadonlySet<string>; extra: ReadonlySet<string> }
/** data/ner/common-org-heads.tsv: common nouns with an organisation ending, and class words. */
export const orgHeadWords: (dataDir: string) => OrgHeadWords = perDataDir((dataDir) => {
  const kinds = new Map<string, string[]>();
  for (const l of nerDataLines(dataDir, 'common-org-heads.tsv')) {
    const [kind, list = ''] = l.split('\t');
    kinds.set(kind, list.trim().split(/\s+/).filter(Boolean));
  }
  return { common: new Set(kinds.get('common')), classes: new Set(kinds.get('class')), extra: new Set(kinds.get('head')) };
});

/** `unit`: the end was grown over a sub-unit ending in a unit head (省委|宣传部): it is not cut back. */
export type TaggedSpan = { type: 'PER' | 'LOC' | 'ORG'; start: number; end: number; unit?: boolean };

/** Tags of words that start no name: verbs, adverbs, prepositions, conjunctions, unknown debris. */
const NOT_NAME_START_TAGS = new Set(['v', 'vn', 'vd', 'd', 'p', 'c', 'x', 'nr', 'm', 'ul', 'uj']);

/** Whether the text ends with an organisation suffix (部, 委员会, 日报社…) after at least one character. */
export function endsWithOrgSuffix(name: string, data: NerData): boolean {
  return data.orgSuffixList.some(([s]) => name.length > s.length && name.endsWith(s));
}

/** A complete organisation name: a lexicon organisation (联合国, jieba nt words) or one ending with a suffix. */
export function completeName(name: string, data: NerData): boolean {
  return !!(data.lexicon.dict.get(name) & LEX.org) || endsWithOrgSuffix(name, data);
}

/** Whether a token names a place (jieba ns or a gazetteer / lexicon place). */
function placeToken(t: Token | undefined, data: NerData): boolean {
  return !!t && (t.tag === 'ns' || data.lexicon.places.has(t.word));
}

/**
 * The end of an organisation once a title read into it is cut off: 县委书记 → 县委, 司法部长 → 司法部,
 * 澳门日报社长 → 澳门日报社. Only when what is left ends with an organisation suffix.
 */
const VERB_TAGS = new Set(['v', 'vn', 'vd', 'l', 'i']);

/**
 * A tagger organisation that runs past a complete name into other words (中国队|组队, 国民议会|两院,
 * 南开中学|同学录) ends with that name: an organisation ends with its head.
 */
export function cutAfterCompleteName(text: string, start: number, end: number, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, heads?: OrgHeadWords): number {
  // A name ending on a verb or idiom (中国队|组队参加) is not complete even when its last character is a head.
  const last = tokens[tokIdx[end - 1]];
  // (A three-character word ending in a head is a body whatever jieba tags it: 禁毒署/v.)
  const verbEnd = last && last.end >= end && VERB_TAGS.has(last.tag) && !(last.word.length >= 3 && endsWithOrgSuffix(last.word, data));
  // 组织 after a name is its head (欧佩克|组织, 伊斯兰会议|组织).
  if (last && last.word === '组织' && last.end === end && last.start - start >= 2 && tokens[tokIdx[last.start - 1]]?.tag !== 'v') return end;
  if (completeName(text.slice(start, end), data) && !verbEnd) return end;
  // A sub-unit word after the name (中央电视台|心连心|艺术团, 北京大学|中文系) ends it as well.
  if (heads && last && last.end === end && last.start > start && unitWord(last, data, heads)) return end;
  for (let k = tokIdx[end - 1]; k >= 0 && tokens[k].start > start; k--) {
    const cut = tokens[k].start;
    if (cut - start >= 2 && tokens[k - 1]?.end === cut && completeName(text.slice(start, cut), data)) return cut;
  }
  return end;
}

export function trimTitleEnd(text: string, start: number, end: number, data: NerData): number {
  const name = text.slice(start, end);
  for (const title of data.titleList) {
    if (!name.endsWith(title)) continue;
    const rest = name.slice(0, name.length - title.length);
    if (rest.length >= 2 && endsWithOrgSuffix(rest, data)) return end - title.length;
    // 部长 after 司法: the head 部 belongs to the organisation, 长 is the title.
    if (title.length === 2 && title[1] === '长' && rest.length >= 1 && data.lexicon.orgSuffixes.has(title[0])) return end - 1;
  }
  return end;
}

/** Last characters of administrative units (…镇, …县, …村). */
const ADMIN_UNIT_END = /[省市县区镇乡村州]$/;
const ADMIN_UNIT_START = /^[省市县区镇乡村州]/;

/**
 * A name the tagger started on a verb or other non-name word before a proper organisation word
 * (宣传|党中央, 东道主|法国队, 首破|五牛队): the organisation starts at that word.
 */
export function trimNonNameStart(start: number, end: number, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): number {
  for (let k = tokIdx[start]; k >= 0 && k < tokens.length && tokens[k].end < end; k++) {
    const t = tokens[k];
    if (t.start < start || !NOT_NAME_START_TAGS.has(t.tag) || data.lexicon.places.has(t.word) || data.lexicon.orgs.has(t.word)) return start;
    // A "name" ending in an administrative unit (…镇/nr 党委) or before one (石岗/nr 镇党委) is the
    // place that leads the organisation.
    if (t.tag === 'nr' && ((t.word.length >= 3 && ADMIN_UNIT_END.test(t.word))
      || (tokens[k + 1]?.start === t.end && tokens[k + 1].word.length >= 3 && ADMIN_UNIT_START.test(tokens[k + 1].word)))) return start;
    const next = tokens[k + 1];
    if (!next || next.start !== t.end) return start;
    // What is left must read as a name: an nt word, or a place word leading an organisation suffix.
    if (next.tag === 'nt' || next.tag === 'j' || (placeToken(next, data) && end - next.start > next.word.length)) return next.start;
  }
  return start;
}

/** An ordinal session written before a body (第九届|全国人民代表大会, 六届|人大常委会). */
const SESSION_BEFORE = /第?[一二三四五六七八九十百零〇\d０-９]+届$/;

/**
 * The start of an organisation once the session written right before it is taken in: People's Daily
 * annotates 第二届全国人民代表大会 and 六届人大常委会 as one name.
 */
export function extendSessionStart(text: string, start: number): number {
  const m = SESSION_BEFORE.exec(text.slice(Math.max(0, start - 6), start));
  return m ? start - m[0].length : start;
}

/**
 * A place the tagger read right before an organisation (印度|外交部, 古巴|代表团) is its leading part:
 * the two become one organisation, unless the organisation names its own place first
 * (长沙市|芙蓉区人民法院, 南京|美国圣公会: an address before a full name).
 */
export function mergePlaceLedOrganizations(spans: readonly TaggedSpan[], tokens: readonly Token[], tokIdx: Int32Array, data: NerData): TaggedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: TaggedSpan[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i], next = sorted[i + 1];
    // (Not a place read out of the end of a word: 访|华 before 新华社.)
    const inWord = (tokens[tokIdx[s.start]]?.start ?? s.start) < s.start;
    if (s.type === 'LOC' && next && next.type === 'ORG' && next.start === s.end && !inWord && !startsWithPlace(next, tokens, tokIdx, data)) {
      out.push({ type: 'ORG', start: s.start, end: next.end });
      i++;
      continue;
    }
    out.push(s);
  }
  return out;
}

function startsWithPlace(s: TaggedSpan, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): boolean {
  const first = tokens[tokIdx[s.start]];
  return !!first && first.start === s.start && first.end < s.end && placeToken(first, data);
}

/** Suffixes that do not make an organisation after a place under these conventions (印度|政府, 中国|保险). */
const NOT_BIO_HEADS = new Set(['政府', '人民政府', '网', '保险', '证券', '基金', '控股', '处', '办', '党']);
/** Longest run of words between the place and the head (古巴|代表团, 法国|雇主|协会, 北京市|劳动争议仲裁|委员会). */
const MAX_LEAD_WORDS = 4;

/** Words that end the run after the place: another place or a name, numbers (一家, 第二), measure words. */
const LEAD_STOP_TAGS = new Set(['ns', 'nr', 'nrt', 'm', 'q', 'mq']);

const ASPECT = new Set(['了', '着', '过', '的', '到', '出', '在']);

/** Whether a word ends with a common noun that only looks like a head (后备干部, 美国军队). */
function commonHeadEnd(word: string, heads: OrgHeadWords): boolean {
  for (let k = Math.max(0, word.length - 3); k < word.length - 1; k++) if (heads.common.has(word.slice(k))) return true;
  return false;
}

/**
 * The organisation part of one word written with its head's title (银行行长 → 银行, 商务部长 → 商务部,
 * 党组书记 → 党组): its length, or 0 when the word is no body + title.
 */
function bodyBeforeTitle(word: string, data: NerData, heads: OrgHeadWords): number {
  for (const title of data.titleList) {
    if (title.length >= word.length || !word.endsWith(title)) continue;
    const body = word.slice(0, word.length - title.length);
    if (body.length >= 2 && (bioHead(body, data, heads) || SUB_UNIT_END.test(body)) && !heads.common.has(body) && !heads.classes.has(body)) return body.length;
    // 部长 after 商务: the head 部 belongs to the body, 长 is the title.
    if (title.length === 2 && title[1] === '长' && body.length >= 1 && data.lexicon.orgSuffixes.has(title[0])) return body.length + 1;
  }
  return 0;
}

/** Diplomatic missions a place leads (斯特拉斯堡|总领事馆, 泰国|驻华使馆). */
const MISSION_END = /(?:使馆|领事馆|代表处)$/;

/** Whether a word ends with an organisation head a place may lead. */
function bioHead(word: string, data: NerData, heads: OrgHeadWords): boolean {
  if (MISSION_END.test(word)) return true;
  for (const [s] of data.orgSuffixList) if (word.endsWith(s)) return !NOT_BIO_HEADS.has(s);
  return heads.extra.has(word[word.length - 1]);
}

/**
 * The end of a body once a unit named right after its head is taken in (吉林省高等学校|工作|委员会):
 * one or two name words, the last ending in a head (a class word too: 工作|委员会) that is no title.
 */
function unitAfter(end: number, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, heads: OrgHeadWords): number {
  let k = tokIdx[end];
  if (k < 0 || tokens[k]?.start !== end) return end;
  for (let n = 0; n < 2 && k < tokens.length; n++, k++) {
    const t = tokens[k];
    if (!SUBUNIT_WORD_TAGS.has(t.tag) || data.lexicon.titles.has(t.word) || heads.common.has(t.word) || commonHeadEnd(t.word, heads)) return end;
    if (t.word.length >= 2 && bioHead(t.word, data, heads) && !data.titleList.some((title) => t.word.endsWith(title))) return t.end;
  }
  return end;
}

/**
 * Organisations led by a place the tagger read alone (古巴|代表团, 武汉|电视台, 美国|前|商务部,
 * 法国|雇主|协会): the place and up to four name words up to the first organisation head. A generic
 * head right after a country (美国|公司, 中国|大学) is a class of things, not a name.
 */
export function findPlaceLedOrganizations(spans: readonly TaggedSpan[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, heads: OrgHeadWords, phraseToken: (t: Token) => boolean): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    if (s.type !== 'LOC' || s.end - s.start < 2) continue;
    // One word holding the place and the head (哥伦比亚队/n, 天津市妇联/nt).
    const word = tokens[tokIdx[s.start]];
    if (word && word.start === s.start && word.end > s.end && !heads.common.has(word.word.slice(s.end - s.start))) {
      if (bioHead(word.word, data, heads) && !heads.classes.has(word.word.slice(s.end - s.start))) out.push({ start: s.start, end: word.end });
      continue;
    }
    // 哥伦比亚|队以/x: a team whose 队 jieba glued to the next character.
    if (text[s.end] === '队' && tokens[tokIdx[s.end]]?.tag === 'x' && tokens[tokIdx[s.end]].start === s.end) {
      out.push({ start: s.start, end: s.end + 1 });
      continue;
    }
    let k = tokIdx[s.end];
    if (k < 0 || tokens[k]?.start !== s.end) continue;
    for (let n = 0; n < MAX_LEAD_WORDS && k < tokens.length; n++, k++) {
      const t = tokens[k];
      // 黄石|单板|厂/zg: a one-character head jieba read alone ends the name whatever its tag.
      if (n > 0 && t.word.length === 1 && (heads.extra.has(t.word) || data.lexicon.orgSuffixes.has(t.word)) && !NOT_BIO_HEADS.has(t.word)) {
        if (!spans.some((o) => o !== s && o.start >= s.end && o.start < t.end)) out.push({ start: s.start, end: t.end });
        break;
      }
      // Verbs name what a body does (雇主/v 协会, 统计/v 委员会) unless an aspect particle or object follows.
      const verbInName = (t.tag === 'v' || t.tag === 'vn') && t.word.length === 2 && !ASPECT.has(tokens[k + 1]?.word ?? '');
      // A longer word ending in a head is a body whatever jieba tags it (郑州|蝶阀厂/v).
      const headWord = t.word.length >= 3 && bioHead(t.word, data, heads);
      // 非洲|发展|银行行长, 美国|前|商务部长: the body ends inside the word, before its head's title.
      const body = n > 0 || t.word.length >= 4 ? bodyBeforeTitle(t.word, data, heads) : 0;
      if (body && !spans.some((o) => o !== s && o.start >= s.end && o.start < t.start + body)) {
        out.push({ start: s.start, end: t.start + body });
        break;
      }
      if (!(phraseToken(t) || verbInName || headWord) || LEAD_STOP_TAGS.has(t.tag) || commonHeadEnd(t.word, heads)) break;
      if ((!verbInName || headWord) && bioHead(t.word, data, heads)) {
        // Another name read after the place (杜塞尔多夫|战胜|捷克队, 马赛|战胜|南非队): the place ends a phrase.
        const otherName = spans.some((o) => o !== s && o.start >= s.end && o.start < t.end);
        if (!(n === 0 && heads.classes.has(t.word)) && !otherName) out.push({ start: s.start, end: unitAfter(t.end, tokens, tokIdx, data, heads) });
        break;
      }
    }
  }
  return out;
}

/** Endings of jieba nt words that are not organisations under these conventions (印度政府, 中美关系). */
const NOT_ORG_NT_END = /(?:政府|关系|当局)$/;

/**
 * jieba's organisation words (伊朗议会/nt, 国民议会/nt, 中国足协/nt) the tagger missed or read as a
 * place: an nt word is an organisation unless it ends like 政府 / 关系, is a common noun
 * (党组织, 民间组织 end in no head and hold no place), or is a place + class word (美国公司).
 */
export function findNtOrganizations(text: string, tokens: readonly Token[], data: NerData, heads: OrgHeadWords): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (const t of tokens) {
    if (t.tag !== 'nt' || t.word.length < 2 || NOT_ORG_NT_END.test(t.word) || heads.common.has(t.word)) continue;
    const classWord = [...heads.classes].find((c) => t.word.endsWith(c));
    if (classWord && data.lexicon.places.has(t.word.slice(0, t.word.length - classWord.length))) continue;
    // A proper name needs a head (部, 议会…), a place inside it, or to be a known organisation.
    const named = endsWithOrgSuffix(t.word, data) || data.lexicon.orgs.has(t.word) || placePrefix(t.word, data);
    if (named) out.push({ start: t.start, end: t.end });
  }
  return out;
}

function placePrefix(word: string, data: NerData): boolean {
  for (let k = 1; k < word.length; k++) if (data.lexicon.places.has(word.slice(0, k))) return true;
  return false;
}

/** Tags of a word that can name a ministry's field (农林/n, 石油/n). */
const NAME_WORD_TAGS = new Set(['n', 'nz', 'j']);

/** One word holding an organisation and the title of its head (司法部长, 县委书记, 农林部长). */
const TITLED_ORG_WORD = /^(.+[部委])(?:长|书记|副书记|常委)$/;

/**
 * Organisations written into their head's title as one word: People's Daily annotates the body in
 * 司法部长 (司法部) and 县委书记 (县委), with a place before it (芬兰|农林部长 → 芬兰农林部). A bare
 * 党委 (党委书记) names no particular body and 副部长 / 新部长 no body at all.
 */
export function findTitledOrganizations(tokens: readonly Token[], data: NerData): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  tokens.forEach((t, k) => {
    // 农林/n 部长/n: the body's name is the word before a separate 部长.
    const before = tokens[k - 1];
    if (t.word === '部长' && before && before.end === t.start && before.word.length >= 2 && NAME_WORD_TAGS.has(before.tag) && !/[部副]$/.test(before.word)) {
      let first = k - 1;
      // 产业/n 资源/n 部长: up to two field words; a body named before them owns the title (内务部 代理 部长).
      if (tokens[first - 1] && NAME_WORD_TAGS.has(tokens[first - 1].tag) && tokens[first - 1].word.length >= 2 && !placeToken(tokens[first - 1], data)) first--;
      const lead = tokens[first - 1];
      if (lead && endsWithOrgSuffix(lead.word, data)) return;
      out.push({ start: lead && lead.end === tokens[first].start && placeToken(lead, data) ? lead.start : tokens[first].start, end: t.start + 1 });
      return;
    }
    const m = TITLED_ORG_WORD.exec(t.word);
    if (!m || m[1].length < 2 || m[1] === '党委' || /^[副新正代原前各本该]/.test(m[1])) return;
    const prev = tokens[k - 1];
    const start = prev && prev.end === t.start && placeToken(prev, data) ? prev.start : t.start;
    out.push({ start, end: t.start + m[1].length });
  });
  return out;
}

/** Words after a surname that address or refer to the person without the given name (胡老, 陈小姐, 王某). */
const SURNAME_ADDRESS = /^(?:老|某|小姐|先生|女士|夫人|太太|师傅|大爷|大妈|大娘|老师|同志|知县)$/;
/** Last characters of place names a tagger "person" may end with (莱克伍德县, 高升镇, 克里姆林宫). */
const PLACE_HEAD_END = /[县镇乡村宫堡州省市湖]$/;

/**
 * Person spans under People's Daily conventions: a surname + form of address is the surname alone
 * (胡|老, 陈|小姐), and a "name" ending in an administrative or building head is a place.
 */
export function reviewPersons(spans: readonly TaggedSpan[], text: string, data: NerData): TaggedSpan[] {
  return spans.map((s) => {
    if (s.type !== 'PER') return s;
    const name = text.slice(s.start, s.end);
    const surLen = data.lexicon.compoundSurnames.has(name.slice(0, 2)) ? 2 : data.lexicon.surnames.has(name[0]) ? 1 : 0;
    if (surLen && SURNAME_ADDRESS.test(name.slice(surLen))) return { ...s, end: s.start + surLen };
    if (name.length >= 3 && PLACE_HEAD_END.test(name)) return { ...s, type: 'LOC' };
    return s;
  });
}

/** Heads People's Daily keeps inside a place name (张家口|市 → 张家口市, 加沙|机场 → 加沙机场). */
const PLACE_HEAD_CHARS = new Set([...'市县区乡镇村州省港岛']);
const PLACE_HEAD_WORDS = new Set(['机场', '特区', '海峡', '公园', '新区', '大桥', '植物园']);

/**
 * The end of a tagger place once a head written right after it is taken in: a one-character head that
 * jieba reads alone or inside the place's word (not 市场, 市长), or a head word (机场, 海峡).
 */
export function extendPlaceHead(text: string, end: number, tokens: readonly Token[], tokIdx: Int32Array): number {
  const at = tokens[tokIdx[end]];
  if (!at) return end;
  if (PLACE_HEAD_CHARS.has(text[end]) && ((at.start === end && at.end === end + 1) || (at.start < end && at.end === end + 1))) return end + 1;
  if (at.start === end && PLACE_HEAD_WORDS.has(at.word)) return at.end;
  return end;
}

/** Tags of the words a sub-unit's name is made of (农村/n 科技司/n, 新闻/n 处, 禁毒署/v). */
const SUBUNIT_WORD_TAGS = new Set(['n', 'nt', 'nz', 'j', 'vn', 'v', 'nr']);
/** Words between an organisation and its sub-unit, at most (科学技术部|农村|科技司). */
const MAX_SUBUNIT_WORDS = 2;

/**
 * An organisation followed by one of its units (科学技术部|农村科技司, 联合国|禁毒署, 省委|宣传部,
 * 福州市国税局|党组): People's Daily annotates the chain as one organisation. The unit is one or two
 * name words, the last ending in an organisation head, not a title (署长, 部长) or common noun (干部).
 */
export function extendOrganizationUnits(spans: readonly TaggedSpan[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, heads: OrgHeadWords): TaggedSpan[] {
  return spans.map((s) => {
    if (s.type !== 'ORG') return s;
    let k = tokIdx[s.end];
    if (k < 0 || tokens[k]?.start !== s.end || tokIdx[s.end - 1] === k) return s;
    for (let n = 0; n < MAX_SUBUNIT_WORDS && k < tokens.length; n++, k++) {
      const t = tokens[k];
      if (!SUBUNIT_WORD_TAGS.has(t.tag) || data.lexicon.titles.has(t.word) || commonHeadEnd(t.word, heads) || heads.common.has(t.word)) return s;
      if (t.word.length >= (t.tag === 'v' ? 3 : 2) && bioHead(t.word, data, heads) && !heads.classes.has(t.word) && !data.titleList.some((title) => t.word.endsWith(title))) {
        return { ...s, end: t.end, unit: true };
      }
      // A verb may only be the unit's head word itself (禁毒署/v), not a word before it.
      if (t.tag === 'v') return s;
    }
    return s;
  });
}

/** A word naming a sub-unit (艺术团, 中文系, 宣教科): two characters or more ending in a unit head, no common noun or title. */
function unitWord(t: Token, data: NerData, heads: OrgHeadWords): boolean {
  return t.word.length >= 2 && SUB_UNIT_END.test(t.word) && SUB_UNIT_TAGS.has(t.tag) && !heads.common.has(t.word)
    && !commonHeadEnd(t.word, heads) && !data.lexicon.titles.has(t.word);
}

/** One-character level words People's Daily keeps at the front of an organisation (市|青年志愿者协会, 乡|卫生院, 村|党支部). */
const LEVEL_PREFIX = new Set(['市', '县', '乡', '镇', '村', '省', '区']);
/** Unit heads that end a sub-unit after an organisation (外交部|新闻司, 研究室, 宣教科, 企业管理系, 话剧团). */
const SUB_UNIT_END = /[司室科系组团社厂校所站台部局处署会院委队]$/;
/** A numbered military or administrative unit (第96军, 第3绥靖区, 第二野战军). */
const NUMBERED_UNIT = /^第[0-9０-９一二三四五六七八九十百零〇]+(?:集团军|野战军|纵队|支队|军|师|旅|团|兵团|舰队|绥靖区|战区|军分区)/;
/** Tags of words a sub-unit name is made of. */
const SUB_UNIT_TAGS = new Set(['n', 'nt', 'nz', 'ns', 'j', 'vn', 'b', 'm', 'ng', 'nrt', 'an', 'eng', 's', 'f']);
const MAX_SUB_UNIT_TOKENS = 3, MAX_SUB_UNIT_LEN = 8;

/**
 * People's Daily annotates an organisation with its sub-units as one name (省委|宣传部, 福州市国税局|党组,
 * 中央电视台|心连心|艺术团) and keeps a level word before it (市|青年志愿者协会): tagger organisations
 * grow over a following run of name words that ends with a unit head, and over such a level word.
 */
export function extendOrganizationChains(spans: readonly TaggedSpan[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, heads: OrgHeadWords): TaggedSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: TaggedSpan[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    if (s.type !== 'ORG') { out.push(s); continue; }
    let { start, end } = s;
    let unit = !!s.unit;
    const before = tokens[tokIdx[start] - 1];
    if (tokens[tokIdx[start]]?.start === start && before && before.end === start && before.word.length === 1 && LEVEL_PREFIX.has(before.word)
      && !out.some((o) => o.end > before.start)) start = before.start;
    for (let grown = true; grown;) {
      grown = false;
      let k = tokIdx[end], len = 0;
      if (k < 0 || tokens[k]?.start !== end) break;
      for (let m = 0; m < MAX_SUB_UNIT_TOKENS && k + m < tokens.length; m++) {
        const t = tokens[k + m];
        if (!SUB_UNIT_TAGS.has(t.tag) || heads.common.has(t.word) || data.lexicon.titles.has(t.word)) break;
        // 福州市国税局|党组书记: a unit written with its head's title ends the chain inside the word.
        const body = bodyBeforeTitle(t.word, data, heads);
        if (body && len + body >= 2) { end = t.start + body; unit = true; break; }
        len += t.word.length;
        if (len > MAX_SUB_UNIT_LEN) break;
        if (len >= 2 && SUB_UNIT_END.test(t.word)) { end = t.end; grown = unit = true; break; }
      }
    }
    // A numbered unit after it (国民党|第96军, 南京军区|第3绥靖区).
    const numbered = NUMBERED_UNIT.exec(text.slice(end, end + 12));
    const unitEnd = numbered ? end + numbered[0].length : -1;
    if (numbered && (unitEnd === text.length || tokens[tokIdx[unitEnd]]?.start === unitEnd)) { end = unitEnd; unit = true; }
    // Places and organisations it now covers (北京市 of …促进委员会北京市分会) are part of it; a person is not.
    if (sorted.some((o, j) => j > i && o.start < end && o.type === 'PER')) { end = s.end; unit = !!s.unit; }
    while (i + 1 < sorted.length && sorted[i + 1].start < end) {
      if (sorted[i + 1].end > end) end = sorted[i + 1].end;
      i++;
    }
    out.push(unit ? { type: 'ORG', start, end, unit } : { type: 'ORG', start, end });
  }
  return out;
}

/** Verbs of going to or being in a country that take its one-character abbreviation (访|华, 驻|京, 赴|法, 侵|华). */
const VISIT_VERBS = new Set(['访', '驻', '赴', '抵', '离', '侵', '反']);
/** What is stationed in a country after 驻 + its abbreviation (驻华|大使, 驻京|办事处): not a longer name (驻华盛顿). */
const STATIONED = /^(?:大使|使馆|使节|使团|机构|记者|代表|办事|领事|总领事|部队|武官|联络)/;
/** Places 来 / 在 take as abbreviations (来|华, 在|京): with other characters these read as words (来日, 在中). */
const HOME_ABBREVIATIONS = new Set(['华', '京', '沪', '港', '澳', '台']);
/** Words starting with 方 after an abbreviation that is not a country's side (中|方面, 集中|方式). */
const NOT_SIDE = /^方[面法式针向案便位圆言阵块略]/;

/**
 * One-character country or city abbreviations used on their own: 中|方, 美|方 (a country's side) and
 * after verbs of visiting (访|华, 驻|华, 离|京, 赴|法). People's Daily annotates them as places.
 * `abbreviations` are the country abbreviations; 华 and the province abbreviations count too.
 */
export function findAbbreviationUses(text: string, tokens: readonly Token[], tokIdx: Int32Array, abbreviations: ReadonlySet<string>, data: NerData): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 1; i < text.length; i++) {
    const c = text[i], prev = text[i - 1], t = tokens[tokIdx[i]];
    if (!t || !(abbreviations.has(c) || c === '华' || data.provinceAbbreviations.has(c))) continue;
    // 中方 / 美方 starting a word (not 其中|方): the country's side.
    const side = abbreviations.has(c) && t.start === i && text[i + 1] === '方' && !NOT_SIDE.test(text.slice(i + 1));
    // 访华 / 驻京 ending a word (not 来日方长), unless a lexicon word starts here (华盛顿, 日本, 京城).
    const lexiconWord = data.lexicon.dict.get(text.slice(i, i + 2)) || data.lexicon.dict.get(text.slice(i, i + 3));
    // (驻华大使/n, 驻京办事处: jieba may read 驻 + the abbreviation + what is stationed as one word.)
    const stationed = prev === '驻' && STATIONED.test(text.slice(i + 1, i + 4));
    const visit = c !== '中' && (!lexiconWord || stationed) && (t.end === i + 1 || (prev === '驻' && t.start === i - 1)) && t.start >= i - 1
      && (VISIT_VERBS.has(prev) || ((prev === '来' || prev === '在') && HOME_ABBREVIATIONS.has(c)));
    if (side || visit) out.push({ start: i, end: i + 1 });
  }
  return out;
}

/** data/ner/bare-institutions.txt: institutions annotated as organisations even when written bare (国会, 海军). */
export const bareInstitutions: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'bare-institutions.txt').flatMap((l) => l.trim().split(/\s+/))),
);

/** jieba words that are a bare institution (国会, 内阁, 足协): organisations, competing last with longer names. */
export function findBareInstitutions(tokens: readonly Token[], words: ReadonlySet<string>): Array<{ start: number; end: number }> {
  return tokens.filter((t) => words.has(t.word)).map((t) => ({ start: t.start, end: t.end }));
}

/** Abbreviations that start more ordinary words than compounds (东方, 西药, 古人, 新药, 外资, 亚军). */
const NOT_COMPOUND_HEADS = new Set([...'东西南北古新外亚']);
const COMPOUND_NOT_TAGS = new Set(['v', 'vd', 'vn', 'd', 'a', 'ad', 'c', 'p']);
/** data/ner/abbreviation-compounds.tsv: tail character → heads it takes ('*' for every abbreviation). */
export const abbreviationCompoundTails: (dataDir: string) => ReadonlyMap<string, string> = perDataDir((dataDir) => {
  const out = new Map<string, string>();
  for (const l of nerDataLines(dataDir, 'abbreviation-compounds.tsv')) {
    const [tail, heads = '*'] = l.split('\t');
    if (tail.length === 1) out.set(tail, heads.trim());
  }
  return out;
});

/**
 * Place abbreviations leading a two-character compound word (中医, 华侨, 京剧, 美军, 台资): the
 * abbreviation is a place under People's Daily conventions. The compound must be how jieba reads
 * the text (a word starting there) and not the start of a lexicon name (中药厂 is still 中).
 */
export function findAbbreviationCompounds(text: string, tokens: readonly Token[], tokIdx: Int32Array, abbreviations: ReadonlySet<string>, tails: ReadonlyMap<string, string>, data: NerData): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text[i], heads = tails.get(text[i + 1]);
    if (heads === undefined || NOT_COMPOUND_HEADS.has(c)) continue;
    const known = abbreviations.has(c) || c === '华' || data.provinceAbbreviations.has(c);
    if (!known || (heads !== '*' && !heads.includes(c))) continue;
    const t = tokens[tokIdx[i]];
    // A verb or adverb reading (加剧/v) is no compound.
    if (!t || t.start !== i || t.end < i + 2 || COMPOUND_NOT_TAGS.has(t.tag) || (data.lexicon.dict.get(text.slice(i, i + 2)) & LEX.place)) continue;
    out.push({ start: i, end: i + 1 });
  }
  return out;
}

/** Forms of address and titles written right after a bare surname (陈|老师, 毛|主席, 吕|老, 王|局长). */
const ADDRESS_AFTER_SURNAME = /^(?:老师|老|某|先生|女士|小姐|夫人|太太|师傅|大爷|大妈|大娘|同志|主席|总理|书记|局长|厂长|校长|县长|市长|乡长|村长|教授|大夫|医生|经理|主任|部长|省长|司令|将军)/;
/** Tags of a one-character token that cannot be a bare surname (向/p, 对/p, 只/d). */
const NOT_SURNAME_TAGS = new Set(['p', 'd', 'c', 'v', 'u', 'uj', 'ul', 'r', 'm', 'q', 'f', 'a']);

/**
 * A frequent surname written alone before a form of address or title (陈|老师, 毛|主席): People's
 * Daily annotates the surname as the person. The surname must be a one-character word of its own
 * (not 各位|老师, 向/p 老师) after a character that ends no name (punctuation, 的, 和…).
 */
export function findSurnameAddresses(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < text.length; i++) {
    if (data.lexicon.surnameRank[text.charCodeAt(i)] !== 1) continue;
    const t = tokens[tokIdx[i]];
    if (!t || t.start !== i || NOT_SURNAME_TAGS.has(t.tag)) continue;
    const address = ADDRESS_AFTER_SURNAME.exec(text.slice(i + 1, i + 4));
    // jieba often reads the pair as one word (陈老师/nr, 毛主席/n): the word is then surname + address.
    if (!address || (t.end > i + 1 && t.end - i > 1 + address[0].length + 1)) continue;
    const prev = tokens[tokIdx[i - 1] ?? -1];
    if (prev && prev.end === i && prev.word.length === 1 && data.lexicon.surnameRank[prev.word.charCodeAt(0)]) continue;
    out.push({ start: i, end: i + 1 });
  }
  return out;
}

/** A government after its place (香港特区|政府, 自治区|人民政府). */
const GOVERNMENT_END = /(?:人民)?政府$/;
const PLACE_LEVEL_END = /(?:[省市县区州镇乡村]|特区|自治区)$/;

/**
 * People's Daily never annotates a government (印度|政府): a tagger organisation ending in 政府 is the
 * place before it when that reads as a place (香港特区|政府 → 香港特区), and nothing otherwise (临时政府).
 */
export function governmentsAsPlaces(spans: readonly TaggedSpan[], text: string, data: NerData): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const s of spans) {
    const name = text.slice(s.start, s.end);
    const m = s.type === 'ORG' ? GOVERNMENT_END.exec(name) : null;
    if (!m) { out.push(s); continue; }
    const place = name.slice(0, m.index);
    if (place.length >= 2 && (data.lexicon.places.has(place) || data.placeIndex.has(place) || PLACE_LEVEL_END.test(place))) out.push({ type: 'LOC', start: s.start, end: s.start + place.length });
  }
  return out;
}

/** Heads of a newspaper or magazine title (费加罗报, 经济周刊, 新英格兰医学杂志). */
const PUBLICATION_TITLE = /^[^《》“”、，。！？；：\s]{1,12}(?:报|周刊|杂志|月刊|画报|半月刊|季刊)$/;
/** A class word written after a title that makes it a publication (《时代》周刊, 《科学》杂志). */
const PUBLICATION_AFTER = /^(?:周刊|杂志|月刊|画报|半月刊|季刊)/;

/**
 * Newspapers and magazines under People's Daily conventions: the title inside the book marks
 * (《费加罗报》 → 费加罗报); with a place right before it the place, the marks and a class word after
 * them are one organisation (美国《时代》周刊, 华北《人民日报》), and so is a title with a class word
 * after it (《时代潮》杂志).
 */
export function findPublications(spans: readonly TaggedSpan[], text: string, data: NerData): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let open = text.indexOf('《'); open >= 0; open = text.indexOf('《', open + 1)) {
    const close = text.indexOf('》', open + 1);
    if (close < 0) break;
    const title = text.slice(open + 1, close);
    const after = PUBLICATION_AFTER.exec(text.slice(close + 1));
    if (!after && !PUBLICATION_TITLE.test(title)) continue;
    if (title.length === 0 || /[《“”、，。！？；：]/.test(title)) continue;
    const place = spans.find((s) => s.end === open && s.end - s.start >= 2 && (s.type === 'LOC' || (s.type === 'ORG' && data.lexicon.places.has(text.slice(s.start, s.end)))));
    const end = close + 1 + (after ? after[0].length : 0);
    if (place) out.push({ start: place.start, end });
    else if (after) out.push({ start: open, end });
    else out.push({ start: open + 1, end: close });
  }
  return out;
}

/** A count of provinces or cities after a place (山东|三省): no part of the name. */
const COUNTED_LEVEL = /^[一二两三四五六七八九十几数\d]+[省市县国区]$/;
/** Administrative ends of a place written after another (辽宁|沈阳市). */
const ADMIN_END = /[省市县区州镇乡村旗盟]$/;

/** A generic place word or two of them (港口|城市). */
function genericPlace(word: string, generic: ReadonlySet<string>): boolean {
  if (generic.has(word)) return true;
  for (let k = 2; k <= word.length - 2; k++) if (generic.has(word.slice(0, k)) && generic.has(word.slice(k))) return true;
  return false;
}

/** A name the gazetteer or the place lexicon knows. */
export function knownPlace(name: string, data: NerData): boolean {
  return data.placeIndex.has(name) || data.lexicon.places.has(name);
}

/**
 * People's Daily keeps adjacent places apart (辽宁|沈阳市, 北京|人民大会堂): a tagger place made of a
 * known place and, on a word boundary, another known place (or an administrative unit jieba reads as
 * a place) becomes two; one made of a known place and a generic or counted word (大连|农村, 山东|三省)
 * or a generic word and a place (港口城市|德班) keeps the place alone; a river's mouth is the river.
 */
export function splitPlaceChains(spans: readonly TaggedSpan[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, generic: ReadonlySet<string>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const s0 of spans) {
    // The mouth of a river is the river (北仑河|口, 鸭绿江|口).
    const s = s0.type === 'LOC' && s0.end - s0.start >= 4 && /[河江]口$/.test(text.slice(s0.start, s0.end)) ? { ...s0, end: s0.end - 1 } : s0;
    if (s.type !== 'LOC' || s.end - s.start < 4) { out.push(s); continue; }
    let done = false;
    for (let k = tokIdx[s.start]; k < tokens.length && tokens[k].end < s.end && !done; k++) {
      const b = tokens[k].end;
      if (b - s.start < 2 || tokens[k + 1]?.start !== b) continue;
      const left = text.slice(s.start, b), right = text.slice(b, s.end);
      const rightToken = tokens[k + 1].end === s.end ? tokens[k + 1] : undefined;
      if (knownPlace(left, data)) {
        if (right.length >= 2 && (knownPlace(right, data) || (rightToken?.tag === 'ns' && ADMIN_END.test(right)))) {
          out.push({ type: 'LOC', start: s.start, end: b }, { type: 'LOC', start: b, end: s.end });
          done = true;
        } else if (genericPlace(right, generic) || COUNTED_LEVEL.test(right)) {
          out.push({ type: 'LOC', start: s.start, end: b });
          done = true;
        }
      } else if (genericPlace(left, generic) && right.length >= 2 && knownPlace(right, data)) {
        out.push({ type: 'LOC', start: b, end: s.end });
        done = true;
      }
    }
    if (!done) out.push(s);
  }
  return out;
}

/** Heavenly bodies People's Daily annotates as places (地球, 月球, 太阳, 银河). */
const CELESTIAL = new Set(['地球', '月球', '太阳', '火星', '水星', '金星', '木星', '土星', '天王星', '海王星', '冥王星', '银河', '银河系']);

/** Heavenly bodies written as words of their own (利用月球引力, 土星之旅): places under these conventions. */
export function findCelestialPlaces(tokens: readonly Token[]): Array<{ start: number; end: number }> {
  return tokens.filter((t) => CELESTIAL.has(t.word)).map((t) => ({ start: t.start, end: t.end }));
}

/** Tags of a word jieba did not know or took for a common noun that may be a village or town name. */
const VILLAGE_WORD_TAGS = new Set(['x', 'n', 'nz', 'ns', 'nr']);

/**
 * Villages and towns written as one word of three or four characters ending in 村, 镇 or 乡 that
 * jieba did not know (陇穷村/x, 下叔村/n): places, unless the word is a kind of place (农村, 新农村, 城镇).
 */
export function findVillageWords(tokens: readonly Token[], generic: ReadonlySet<string>): Array<{ start: number; end: number }> {
  return tokens.filter((t) => t.word.length >= 3 && t.word.length <= 4 && /[村镇乡]$/.test(t.word) && VILLAGE_WORD_TAGS.has(t.tag)
    && /^[\u4e00-\u9fff]+$/.test(t.word) && !noParticularTown(t.word, generic))
    .map((t) => ({ start: t.start, end: t.end }));
}

/** data/ner/companies.txt: companies and brands written bare (丰田, 摩托罗拉, 海尔). */
export const companyNames: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'companies.txt').flatMap((l) => l.trim().split(/\s+/)).filter(Boolean)),
);

/** A tagger "person" that is a company written bare (摩托罗拉, 夏普) is the company. */
export function companiesReadAsPersons(spans: readonly TaggedSpan[], text: string, companies: ReadonlySet<string>): TaggedSpan[] {
  return spans.map((s) => (s.type === 'PER' && companies.has(text.slice(s.start, s.end)) ? { ...s, type: 'ORG' as const } : s));
}

/** What ends a list of teams: a team word after the last one (等强队, 队) or a group before the first (e组的). */
const TEAM_LIST_END = /^(?:等)?(?:强队|队)/;
const TEAM_LIST_START = /[a-hA-Hａ-ｈＡ-Ｈ]组的$|小组的$/;

/**
 * Countries listed as teams (美国和俄罗斯队, 中国、丹麦、韩国等强队, e组的美国、俄罗斯): People's Daily
 * annotates each as an organisation. A run of tagger places joined by 、 / 和 / 与 whose last member
 * is a team (…队) or is followed by a team word, or that follows a group label, becomes organisations.
 */
export function teamLists(spans: readonly TaggedSpan[], text: string): TaggedSpan[] {
  const out = [...spans].sort((a, b) => a.start - b.start);
  for (let i = 0; i < out.length; i++) {
    if (out[i].type !== 'LOC') continue;
    let j = i;
    while (j + 1 < out.length && out[j + 1].start === out[j].end + 1 && /[、和与]/.test(text[out[j].end])
      && (out[j + 1].type === 'LOC' || (out[j + 1].type === 'ORG' && text[out[j + 1].end - 1] === '队'))) j++;
    const last = out[j];
    const teams = (j > i && last.type === 'ORG') || (j > i && TEAM_LIST_END.test(text.slice(last.end)))
      || TEAM_LIST_START.test(text.slice(Math.max(0, out[i].start - 4), out[i].start));
    if (teams) for (let k = i; k <= j; k++) if (out[k].type === 'LOC') out[k] = { ...out[k], type: 'ORG' };
    i = j;
  }
  return out;
}

/** One-character names of continents and regions written in pairs (亚欧, 欧美, 港台). */
const REGION_ABBREVIATIONS = new Set([...'亚欧非美港澳台']);

/**
 * A tagger place of two one-character abbreviations (港台, 中西, 中非 before 合作) is two places under
 * People's Daily conventions; a known two-character place (中非 alone, 西欧) stays whole unless a
 * relation word follows it, and so does a word jieba reads as a common word (美德/n, not 华: 中华).
 */
export function splitAbbreviationPairs(spans: readonly TaggedSpan[], text: string, tokens: readonly Token[], tokIdx: Int32Array, abbreviations: ReadonlySet<string>, data: NerData): TaggedSpan[] {
  const isAbbr = (c: string) => abbreviations.has(c) || REGION_ABBREVIATIONS.has(c) || data.provinceAbbreviations.has(c);
  const out: TaggedSpan[] = [];
  for (const s of spans) {
    const name = text.slice(s.start, s.end);
    const word = tokens[tokIdx[s.start]];
    const commonWord = !!word && word.start === s.start && word.end === s.end && !/^(?:ns|j|nz|x)$/.test(word.tag);
    if (s.type === 'LOC' && name.length === 2 && name[0] !== name[1] && isAbbr(name[0]) && isAbbr(name[1]) && !commonWord
      && (!(data.placeIndex.has(name) || data.lexicon.places.has(name)) || PAIR_CONTEXT.test(text.slice(s.end)))) {
      out.push({ type: 'LOC', start: s.start, end: s.start + 1 }, { type: 'LOC', start: s.start + 1, end: s.end });
      continue;
    }
    out.push(s);
  }
  return out;
}
