/**
 * People's Daily conventions, more organisation and person edges: a place-led organisation stops at
 * another name read after the place (马赛|战胜|南非队). Sentences are written for these tests in news style.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataDir } from '../../src/core/resources';
import { loadNerData } from '../../src/core/entities/nerData';
import { phraseToken, tokenIndex } from '../../src/core/entities/spanUtil';
import { findPlaceLedOrganizations, orgHeadWords, type TaggedSpan } from '../../src/core/entities/bioConventions';
import { jiebaTokens } from './helpers/jiebaTokens';

const dataDir = findDataDir(__dirname);
const data = loadNerData(dataDir);
const heads = orgHeadWords(dataDir);
const names = (text: string, spans: ReadonlyArray<{ start: number; end: number }>) => spans.map((s) => text.slice(s.start, s.end));
const span = (text: string, type: TaggedSpan['type'], name: string): TaggedSpan => {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `${name} not in ${text}`);
  return { type, start, end: start + name.length };
};

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
