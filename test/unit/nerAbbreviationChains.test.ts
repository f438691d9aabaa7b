/**
 * People's Daily conventions: one-character country abbreviations used on their own (中方, 访华, 离京),
 * and organisation chains with sub-units and level words (全国人大常委会法工委研究室, 市青年志愿者协会).
 * Sentences are written for these tests in the style of news text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataDir } from '../../src/core/resources';
import { loadNerData } from '../../src/core/entities/nerData';
import { tokenIndex } from '../../src/core/entities/spanUtil';
import { countryAbbreviations, extendOrganizationChains, findAbbreviationUses, orgHeadWords, type TaggedSpan } from '../../src/core/entities/bioConventions';
import { jiebaTokens } from './helpers/jiebaTokens';

const dataDir = findDataDir(__dirname);
const data = loadNerData(dataDir);

const uses = (text: string) => {
  const tokens = jiebaTokens(text);
  return findAbbreviationUses(text, tokens, tokenIndex(text.length, tokens), countryAbbreviations(dataDir), data).map((s) => text.slice(s.start, s.end) + '@' + s.start);
};

test('abbreviations: a country side and the object of a visit are places', () => {
  assert.deepEqual(uses('公司向中方提供了设备。'), ['中@3']);
  assert.deepEqual(uses('所以美方对其安全表示关切。'), ['美@2']);
  assert.deepEqual(uses('今天离京前往马来西亚访问。'), ['京@3']);
});

test('abbreviations: words that only start with one are left alone', () => {
  assert.deepEqual(uses('其中方面的问题很多。'), []);
  assert.deepEqual(uses('他在华盛顿会见了议员。'), []);
  assert.deepEqual(uses('来日方长，不必着急。'), []);
  assert.deepEqual(uses('美国方面表示欢迎。'), []);
});

const chain = (text: string, org: string) => {
  const tokens = jiebaTokens(text);
  const start = text.indexOf(org);
  const spans: TaggedSpan[] = [{ type: 'ORG', start, end: start + org.length }];
  return extendOrganizationChains(spans, text, tokens, tokenIndex(text.length, tokens), data, orgHeadWords(dataDir))
    .map((s) => text.slice(s.start, s.end));
};

test('organisation chains: a following sub-unit and a leading level word join the organisation', () => {
  assert.deepEqual(chain('全国人大常委会法工委研究室主任出席。', '全国人大常委会法工委'), ['全国人大常委会法工委研究室']);
  assert.deepEqual(chain('他参加了市青年志愿者协会的活动。', '青年志愿者协会'), ['市青年志愿者协会']);
});

test('organisation chains: titles and common nouns after an organisation stay outside', () => {
  assert.deepEqual(chain('外交部发言人今天表示。', '外交部'), ['外交部']);
  assert.deepEqual(chain('联合国部队进驻该地区。', '联合国'), ['联合国']);
});

