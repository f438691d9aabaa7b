/**
 * Events on held-out People's Daily (1998) sentences, annotated by us (not shared gold) following
 * ../shared/gold/GUIDELINES.md: test/fixtures/events-heldout/peoples-daily-1998.json. Each sentence
 * is analysed as its own one-line article through the full pipeline and scored with the gold scorer.
 * The floors sit a little under the measured score (P 0.880, R 0.910, date 0.988, place 0.951;
 * participants P 0.851, R 0.925).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDataDir } from '../../src/core/resources';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import { analyzeArticle } from '../../src/core/analyze';
import { scoreEvents, sumEventScores, toGoldEvents, type EventScore, type GoldEvent } from '../../src/core/goldEval';

const dataDir = findDataDir(__dirname);
const fixture = join(dirname(dataDir), 'test', 'fixtures', 'events-heldout', 'peoples-daily-1998.json');
const FLOOR = { precision: 0.85, recall: 0.88, dateAccuracy: 0.95, placeAccuracy: 0.88 };

interface HeldOutSentence { id: string; text: string; events: GoldEvent[] }

test('held-out People\'s Daily sentences: events stay above the floor (our own annotation)', () => {
  const { sentences } = JSON.parse(readFileSync(fixture, 'utf8')) as { sentences: HeldOutSentence[] };
  assert.ok(sentences.length >= 100 && sentences.some((s) => s.events.length === 0), 'events and deliberate negatives');
  const converter = new OpenccConverter();
  const deps = { segmenter: JiebaSegmenter.load({ dataDir }), converter, resources: { dataDir, userTerms: [] } };
  const scores: EventScore[] = [];
  const misses: string[] = [];
  for (const s of sentences) {
    const predicted = toGoldEvents(analyzeArticle(s.text + '\n', deps).events);
    const score = scoreEvents(s.events, predicted);
    scores.push(score);
    for (const i of score.missed) misses.push(`${s.id} MISS ${s.events[i].type} ${s.events[i].trigger}`);
    for (const i of score.spurious) misses.push(`${s.id} FP ${predicted[i].type} ${predicted[i].trigger} ${predicted[i].object ?? ''}`);
  }
  const t = sumEventScores(scores);
  const summary = `P=${t.p.toFixed(3)} R=${t.r.toFixed(3)} date=${t.dateAccuracy.toFixed(3)} place=${t.placeAccuracy.toFixed(3)} participants P=${t.participants.p.toFixed(3)} R=${t.participants.r.toFixed(3)}\n${misses.join('\n')}`;
  if (process.env.HELDOUT_VERBOSE) console.log(summary);
  assert.ok(t.p >= FLOOR.precision, `precision below floor: ${summary}`);
  assert.ok(t.r >= FLOOR.recall, `recall below floor: ${summary}`);
  assert.ok(t.dateAccuracy >= FLOOR.dateAccuracy, `date accuracy below floor: ${summary}`);
  assert.ok(t.placeAccuracy >= FLOOR.placeAccuracy, `place accuracy below floor: ${summary}`);
});
