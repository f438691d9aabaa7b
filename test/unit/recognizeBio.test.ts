/**
 * People's Daily / MSRA conventions (recognizeEntities with bioConventions): place-led organisations,
 * titles written into organisation words, country abbreviations in pairs, forms of address after a
 * surname. Sentences are news sentences written for these tests in the style of the dev set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataDir } from '../../src/core/resources';
import { recognizeEntities } from '../../src/core/entities/recognize';
import { loadNerData } from '../../src/core/entities/nerData';
import { phraseToken, tokenIndex } from '../../src/core/entities/spanUtil';
import { findGazetteerPlaces } from '../../src/core/entities/places';
import {
  countryAbbreviations, cutAfterCompleteName, placeInitials, withoutStrayPlaceCharacters, extendPlaceHead, findAbbreviationPairs, findNtOrganizations, findPlaceLedOrganizations,
  findTitledOrganizations, mergePlaceLedOrganizations, orgHeadWords, reviewPersons, trimNonNameStart, trimTitleEnd, type TaggedSpan,
} from '../../src/core/entities/bioConventions';
import type { RecognizerInput } from '../../src/core/types';
import { jiebaTokens } from './helpers/jiebaTokens';
import { names, span } from './helpers/taggedSpans';

const dataDir = findDataDir(__dirname);
const data = loadNerData(dataDir);
const heads = orgHeadWords(dataDir);

const input = (text: string): RecognizerInput => ({ text, tokens: jiebaTokens(text), skip: [], articleDate: null });
const bio = { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true };

test('country abbreviations before a relation word are one place each (中|美 关系, 印|巴 两国)', () => {
  const abbr = countryAbbreviations(dataDir);
  const text = '双方一致认为，发展健康稳定的中美关系符合两国人民的根本利益，印巴两国应通过对话解决分歧。';
  assert.deepEqual(names(text, findAbbreviationPairs(text, abbr)), ['中', '美', '印', '巴']);
  const ms = recognizeEntities(input(text), { dataDir, userTerms: [] }, bio);
  for (const c of ['中', '美', '印', '巴']) assert.ok(ms.some((m) => m.type === 'place' && m.canonical === c), `${c}: ${JSON.stringify(ms)}`);
  // Not in other words: 金大中新政府 (a name and 新), 日本以2∶1 (以 before a score), 美德 (virtue).
  for (const other of ['金大中新政府成立后推出改革措施。', '日本队以2∶1战胜对手。', '弘扬中华民族传统美德建设文明家庭。']) {
    assert.deepEqual(findAbbreviationPairs(other, abbr), [], other);
  }
});

test('a one-character place abbreviates a country, province or region; other characters are parts of words (党|和政府)', () => {
  const initials = placeInitials(dataDir);
  // Short forms and first characters of countries and provinces, and regions.
  for (const c of ['中', '俄', '罗', '叙', '陕', '沪', '欧', '淮']) assert.ok(initials.has(c), c);
  for (const c of ['党', '和', '地', '谷', '雅']) assert.ok(!initials.has(c), c);
  const text = '损害了党和政府在人民群众中的威信，罗政府同国际货币基金组织达成协议。';
  const at = (c: string): TaggedSpan => ({ type: 'LOC', start: text.indexOf(c), end: text.indexOf(c) + 1 });
  const org: TaggedSpan = { type: 'ORG', start: text.indexOf('国际'), end: text.indexOf('达成') };
  const kept = withoutStrayPlaceCharacters([at('党'), at('和'), at('罗'), org], text, dataDir);
  assert.deepEqual(kept.map((s) => text.slice(s.start, s.end)), ['罗', '国际货币基金组织']);
});

test('a title written into an organisation word is cut off (外交部|长, 县委|书记)', () => {
  const text = '外交部长会见了来访的客人，县委书记主持了会议。';
  const cut = (name: string) => { const s = text.indexOf(name); return text.slice(s, trimTitleEnd(text, s, s + name.length, data)); };
  assert.equal(cut('外交部长'), '外交部');
  assert.equal(cut('县委书记'), '县委');
  // A bare title has no organisation to keep.
  assert.equal(cut('部长'), '部长');
});

test('organisations named only inside a title word: 司法部长 → 司法部, with the country before it', () => {
  const text = '芬兰农林部长在会上说，司法部长和党委书记也出席了会议，新部长表示赞同。';
  const tokens = jiebaTokens(text);
  const found = names(text, findTitledOrganizations(tokens, data));
  assert.ok(found.includes('司法部'), found.join(' '));
  assert.ok(found.some((n) => n.endsWith('农林部')), found.join(' '));
  // 党委书记 names no particular body; 新部长 none at all.
  assert.ok(!found.includes('党委') && !found.some((n) => n.startsWith('新')), found.join(' '));
});

test('a tagger place right before a tagger organisation leads it (印度|外交部), unless it names its own place', () => {
  const text = '印度外交部发言人说，长沙市芙蓉区人民法院已受理此案。';
  const tokens = jiebaTokens(text);
  const tokIdx = tokenIndex(text.length, tokens);
  const merged = mergePlaceLedOrganizations([
    span(text, 'LOC', '印度'), span(text, 'ORG', '外交部'), span(text, 'LOC', '长沙市'), span(text, 'ORG', '芙蓉区人民法院'),
  ], tokens, tokIdx, data);
  assert.deepEqual(merged.map((s) => `${s.type}:${text.slice(s.start, s.end)}`), ['ORG:印度外交部', 'LOC:长沙市', 'ORG:芙蓉区人民法院']);
});

test('a place followed by name words and an organisation head is one organisation (古巴|代表团, 法国|雇主|协会)', () => {
  const cases: Array<[string, string, string | null]> = [
    ['古巴代表团团长在会上发言。', '古巴', '古巴代表团'],
    ['法国雇主协会发表声明表示反对。', '法国', '法国雇主协会'],
    ['武汉电视台播出了这部纪录片。', '武汉', '武汉电视台'],
    // Common nouns and classes of things after a country are no organisation.
    ['美国军队撤出了这一地区。', '美国', null],
    ['美国公司在华投资增长较快。', '美国', null],
    ['印度当局宣布了新的措施。', '印度', null],
  ];
  for (const [text, place, org] of cases) {
    const tokens = jiebaTokens(text);
    const found = names(text, findPlaceLedOrganizations([span(text, 'LOC', place)], text, tokens, tokenIndex(text.length, tokens), data, heads, phraseToken));
    assert.deepEqual(found, org ? [org] : [], text);
  }
});

test('tagger organisation edges: verbs before the name, words after a complete name', () => {
  const text = '要把宣传党中央的方针政策与实际工作结合起来。';
  const tokens = jiebaTokens(text);
  const tokIdx = tokenIndex(text.length, tokens);
  const s = text.indexOf('宣传党中央');
  assert.equal(text.slice(trimNonNameStart(s, s + 5, tokens, tokIdx, data), s + 5), '党中央');
  const cutName = (sentence: string, name: string) => {
    const tokens2 = jiebaTokens(sentence);
    const s2 = sentence.indexOf(name);
    return sentence.slice(s2, cutAfterCompleteName(sentence, s2, s2 + name.length, tokens2, tokenIndex(sentence.length, tokens2), data));
  };
  assert.equal(cutName('总统会见了国民议会两院议长。', '国民议会两院'), '国民议会');
  // Ending on a verb whose last character looks like a head (组队 ends in 队): cut before it.
  assert.equal(cutName('这次比赛中国队组队参加，实力很强。', '中国队组队参加'), '中国队');
  // A complete name is kept whole.
  assert.equal(cutName('国民议会通过了决议。', '国民议会'), '国民议会');
});

test('jieba organisation words: proper names kept, 政府 / 关系 and common nouns not', () => {
  const text = '伊朗议会通过了法案，伊朗政府表示欢迎，这有利于中美关系的发展。';
  const found = names(text, findNtOrganizations(text, jiebaTokens(text), data, heads));
  assert.deepEqual(found, ['伊朗议会']);
});

test('persons: a surname with a form of address is the surname, a "name" ending in 县 / 宫 a place', () => {
  const text = '陈小姐告诉记者，胡老在莱克伍德县住了多年。';
  const out = reviewPersons([span(text, 'PER', '陈小姐'), span(text, 'PER', '胡老'), span(text, 'PER', '莱克伍德县')], text, data);
  assert.deepEqual(out.map((s) => `${s.type}:${text.slice(s.start, s.end)}`), ['PER:陈', 'PER:胡', 'LOC:莱克伍德县']);
  // A plain name is left alone.
  const plain = '王小明说';
  assert.deepEqual(reviewPersons([span(plain, 'PER', '王小明')], plain, data).map((s) => plain.slice(s.start, s.end)), ['王小明']);
});

test('guidelines mode keeps its own reading: no abbreviation-pair places or title-word organisations', () => {
  const text = '双方认为中美关系十分重要，司法部长出席了会议。';
  const ms = recognizeEntities(input(text), { dataDir, userTerms: [] });
  assert.ok(!ms.some((m) => m.source === 'abbreviation pair' || m.source === 'title word' || m.source === 'place-led'), JSON.stringify(ms));
});

test('a place takes in the head written after it (张家口|市, 加沙|机场), not a word starting with it (市场, 市长)', () => {
  const ext = (text: string, place: string) => {
    const tokens = jiebaTokens(text);
    const s = text.indexOf(place);
    return text.slice(s, extendPlaceHead(text, s + place.length, tokens, tokenIndex(text.length, tokens)));
  };
  assert.equal(ext('张家口市今年夏粮丰收。', '张家口'), '张家口市');
  assert.equal(ext('飞机降落在加沙机场。', '加沙'), '加沙机场');
  assert.equal(ext('北京市场供应充足。', '北京'), '北京');
  assert.equal(ext('北京市长会见了客人。', '北京'), '北京');
});

test('gazetteer: direction words (北部/f, 西部/f) are not places', () => {
  const text = '新疆北部、甘肃西部有大风。';
  const found = names(text, findGazetteerPlaces(text, jiebaTokens(text), data));
  assert.ok(!found.includes('北部') && !found.includes('西部'), found.join(' '));
});

test('gazetteer: the short form of a province or city jieba reads as a place word (进军|福建), not a ship\'s name', () => {
  const found = (text: string) => names(text, findGazetteerPlaces(text, jiebaTokens(text), data));
  assert.deepEqual(found('参加了解放上海、进军福建等战役。'), ['上海', '福建']);
  assert.deepEqual(found('他把母亲接回了固原。'), ['固原']);
  // 青岛 is a city, but “青岛”号 is a destroyer.
  assert.deepEqual(found('由“青岛”号导弹驱逐舰护航。'), []);
});

test('a person read once is the same person where the name is written again (扎加洛…扎加洛)', () => {
  for (const options of [bio, {}]) {
    // The second 扎加洛 stands where the tagger alone does not take it for a name.
    for (const [text, name] of [['巴西足球队教练扎加洛今天说，扎加洛对球队很满意。', '扎加洛'], ['市长龚卫东到场讲话，龚卫东对工作表示满意。', '龚卫东']]) {
      const persons = recognizeEntities(input(text), { dataDir, userTerms: [] }, options).filter((m) => m.type === 'person');
      assert.deepStrictEqual(persons.map((p) => [text.slice(p.start, p.end), p.start]), [[name, text.indexOf(name)], [name, text.lastIndexOf(name)]], text);
    }
  }
});
