/**
 * People's Daily conventions added for issue #3: abbreviation compounds (华|侨, 京|剧), bare
 * institutions (国会), a surname before a form of address (陈|老师), organisation units (联合国|禁毒署)
 * and more place-led heads (山西省|残联). Sentences are written for these tests in news style.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataDir } from '../../src/core/resources';
import { recognizeEntities } from '../../src/core/entities/recognize';
import { loadNerData } from '../../src/core/entities/nerData';
import { phraseToken, tokenIndex } from '../../src/core/entities/spanUtil';
import {
  abbreviationCompoundTails, bareInstitutions, countryAbbreviations, extendOrganizationUnits, findAbbreviationCompounds, findBareInstitutions,
  findPlaceLedOrganizations, findSurnameAddresses, orgHeadWords, type TaggedSpan,
} from '../../src/core/entities/bioConventions';
import { jiebaTokens } from './helpers/jiebaTokens';

const dataDir = findDataDir(__dirname);
const data = loadNerData(dataDir);
const heads = orgHeadWords(dataDir);

const names = (text: string, spans: ReadonlyArray<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end));
const compounds = (text: string) => {
  const tokens = jiebaTokens(text);
  return names(text, findAbbreviationCompounds(text, tokens, tokenIndex(text.length, tokens), countryAbbreviations(dataDir), abbreviationCompoundTails(dataDir), data));
};

test('a place abbreviation leading a compound is a place (华|侨, 京|剧, 美|军), not in verbs or ordinary words', () => {
  assert.deepEqual(compounds('许多华侨回乡投资，晚上大家一起看京剧。'), ['华', '京']);
  assert.deepEqual(compounds('美军昨天撤出了这一地区。'), ['美']);
  // 加剧 is a verb, 西药 / 新药 / 亚军 start with abbreviations that mostly start other words.
  for (const other of ['两国矛盾进一步加剧。', '医院同时使用西药和新药。', '她获得了女子单打亚军。']) assert.deepEqual(compounds(other), [], other);
});

test('bare institutions are organisations (国会, 内阁) and win only where nothing longer reads', () => {
  const text = '国会昨天通过了这项预算，内阁表示欢迎。';
  assert.deepEqual(names(text, findBareInstitutions(jiebaTokens(text), bareInstitutions(dataDir))), ['国会', '内阁']);
  const ms = recognizeEntities({ text, tokens: jiebaTokens(text), skip: [], articleDate: null }, { dataDir, userTerms: [] },
    { types: new Set(['person', 'place', 'organization'] as const), bioConventions: true });
  for (const o of ['国会', '内阁']) assert.ok(ms.some((m) => m.type === 'organization' && m.canonical === o), `${o}: ${JSON.stringify(ms)}`);
});

test('a frequent surname before a form of address is the person (陈|老师, 毛|主席), not 各位|老师', () => {
  const surnames = (text: string) => { const tokens = jiebaTokens(text); return names(text, findSurnameAddresses(text, tokens, tokenIndex(text.length, tokens), data)); };
  assert.deepEqual(surnames('每年春节都会收到陈老师寄来的贺卡。'), ['陈']);
  assert.deepEqual(surnames('大家认真学习毛主席的著作。'), ['毛']);
  assert.deepEqual(surnames('各位老师辛苦了，我们要向老师学习。'), []);
});

test('an organisation followed by one of its units is one organisation (联合国|禁毒署), a team verb is not (中国队|组队)', () => {
  const extend = (text: string, org: string) => {
    const tokens = jiebaTokens(text), start = text.indexOf(org);
    const s: TaggedSpan = { type: 'ORG', start, end: start + org.length };
    const [out] = extendOrganizationUnits([s], text, tokens, tokenIndex(text.length, tokens), data, heads);
    return text.slice(out.start, out.end);
  };
  assert.equal(extend('联合国禁毒署署长在记者会上表示，禁毒任重道远。', '联合国'), '联合国禁毒署');
  assert.equal(extend('而中国队组队才有半年，还需要时间磨合。', '中国队'), '中国队');
});

test('a place leads organisations with the heads 联, 所, 协 (山西省|残联, 成都|地质所)', () => {
  const led = (text: string, place: string) => {
    const tokens = jiebaTokens(text), start = text.indexOf(place);
    return names(text, findPlaceLedOrganizations([{ type: 'LOC', start, end: start + place.length }], text, tokens, tokenIndex(text.length, tokens), data, heads, phraseToken));
  };
  assert.deepEqual(led('山西省残联积极帮助残疾人就业。', '山西省'), ['山西省残联']);
  assert.deepEqual(led('专家们来到成都地质所参观。', '成都'), ['成都地质所']);
  // A common word ending in a head character (场所) is no organisation.
  assert.deepEqual(led('北京场所众多。', '北京'), []);
});
