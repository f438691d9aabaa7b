/**
 * The seed gold (../shared/gold/seeds/*.json, or $POLICY_SHARED_DIR/gold/seeds) as a regression floor
 * for the whole pipeline (normalise → simplified → jieba → entities → events), plus the scorer itself.
 * Floors sit a little under what the pipeline reached when they were set (see `npm run eval`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { findDataDir } from '../../src/core/resources';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import { analyzeArticle } from '../../src/core/analyze';
import {
  scoreEntities, scoreEvents, sumEventScores, sumPRF, toGoldEvents, stripPinyinGlosses,
  type EntityScore, type EventScore, type GoldArticle, type GoldEvent,
} from '../../src/core/goldEval';

const dataDir = findDataDir(__dirname);
const repoRoot = dirname(dataDir);
const sharedDir = resolve(process.env.POLICY_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
const goldDir = join(sharedDir, 'gold', 'seeds');

const FLOOR = {
  // Reached when set: entity F1 0.949 (P 0.952 R 0.945); events P 1.000 R 1.000, date 1.000, place 1.000 (47 gold events).
  entityF1: 0.93,
  eventPrecision: 0.95,
  eventRecall: 0.95,
  dateAccuracy: 0.95,
  placeAccuracy: 0.95,
  // Participant names of matched events: F1 0.864 (P 0.935 R 0.804) when set.
  participantF1: 0.82,
};

function ev(partial: Partial<GoldEvent>): GoldEvent {
  return { type: 'meeting', trigger: '召开', date: null, place: null, participants: [], object: null, ...partial };
}

test('scorer: entities are sets of (type, text) per article', () => {
  const s = scoreEntities(
    [{ type: 'person', text: '杜平' }, { type: 'person', text: '杜平' }, { type: 'place', text: '上海' }],
    [{ type: 'person', text: '杜平' }, { type: 'organization', text: '上海' }],
  );
  assert.equal(s.overall.tp, 1);
  assert.equal(s.overall.fn, 1);
  assert.equal(s.overall.fp, 1);
  assert.equal(s.perType.person.f1, 1);
  assert.equal(s.perType.place.r, 0);
});

test('scorer: events match on type + trigger + overlapping object/participants, one to one', () => {
  const gold = [
    ev({ object: '首届长三角县市区高质量一体化发展研讨会', date: '--10-17', place: '上海市普陀区' }),
    ev({ object: '首届长三角县市区高质量一体化发展研讨会', date: '--10-17', place: '上海市普陀区' }), // listed twice
    ev({ type: 'speech', trigger: '主旨演讲', participants: ['杜平', '肖文高', '鲁霞光'] }),
    ev({ type: 'decision', trigger: '部署' }),
  ];
  const predicted = [
    ev({ object: '研讨会', date: '--10-17', place: '上海' }), // contained object: a match, wrong place
    ev({ type: 'speech', trigger: '主旨演讲', participants: ['肖文高'] }),
    ev({ type: 'speech', trigger: '讲话', participants: ['杜平'] }), // other trigger: no match
    ev({ type: 'decision', trigger: '部署' }), // neither has object nor participants: a match
  ];
  const s = scoreEvents(gold, predicted);
  // Duplicated gold events are separate occurrences: the second copy is a miss.
  assert.equal(s.tp, 3);
  assert.equal(s.fn, 1);
  assert.equal(s.fp, 1);
  assert.deepEqual(s.missed, [1]);
  assert.deepEqual(s.spurious, [2]);
  assert.equal(s.dateCorrect, 3);
  assert.equal(s.placeCorrect, 2);
  // Participants of the matched events: 肖文高 found, 杜平 and 鲁霞光 missed.
  assert.deepEqual([s.participants.tp, s.participants.fp, s.participants.fn], [1, 0, 2]);
});

test('scorer: the best overlap wins when several predictions compete for one gold event', () => {
  const gold = [ev({ object: '成果发布会' }), ev({ object: '长三角一体化(网上)创新成果展开幕式' })];
  const predicted = [ev({ object: '长三角一体化(网上)创新成果展开幕式' }), ev({ object: '成果发布会' })];
  const s = scoreEvents(gold, predicted);
  assert.deepEqual(s.matches.map((m) => [m.gold, m.predicted]), [[0, 1], [1, 0]]);
});

test('seed gold: the full pipeline stays above the regression floor', () => {
  assert.ok(existsSync(goldDir), `gold folder missing: ${goldDir} (set POLICY_SHARED_DIR)`);
  const segmenter = JiebaSegmenter.load({ dataDir });
  const converter = new OpenccConverter();
  const deps = { segmenter, converter, resources: { dataDir, userTerms: [] } };
  const canon = (s: string) => converter.toSimplified(stripPinyinGlosses(s)).text;
  const seedDir = join(repoRoot, 'seeds');
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  assert.ok(files.length >= 5, 'five seed gold files');
  const entityScores: EntityScore[] = [];
  const eventScores: EventScore[] = [];
  const report: string[] = [];
  for (const f of files) {
    const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldArticle;
    const seed = join(seedDir, f.replace(/\.json$/, '.txt'));
    const analysis = analyzeArticle(readFileSync(seed, 'utf8'), deps, { fileName: f.replace(/\.json$/, '.txt') });
    const es = scoreEntities(gold.entities, analysis.entities.map((e) => ({ type: e.type, text: e.canonical })));
    const vs = scoreEvents(gold.events, toGoldEvents(analysis.events, canon));
    entityScores.push(es);
    eventScores.push(vs);
    report.push(`${gold.id}: entities F1=${es.overall.f1.toFixed(3)} events P=${vs.p.toFixed(3)} R=${vs.r.toFixed(3)}`);
  }
  const entities = sumPRF(entityScores.map((s) => s.overall));
  const events = sumEventScores(eventScores);
  const summary = `${report.join('\n')}\nentities F1=${entities.f1.toFixed(3)}; events P=${events.p.toFixed(3)} R=${events.r.toFixed(3)} date=${events.dateAccuracy.toFixed(3)} place=${events.placeAccuracy.toFixed(3)}`;
  assert.ok(entities.f1 >= FLOOR.entityF1, `entity F1 below floor ${FLOOR.entityF1}\n${summary}`);
  assert.ok(events.p >= FLOOR.eventPrecision, `event precision below floor ${FLOOR.eventPrecision}\n${summary}`);
  assert.ok(events.r >= FLOOR.eventRecall, `event recall below floor ${FLOOR.eventRecall}\n${summary}`);
  assert.ok(events.dateAccuracy >= FLOOR.dateAccuracy, `event date accuracy below floor\n${summary}`);
  assert.ok(events.placeAccuracy >= FLOOR.placeAccuracy, `event place accuracy below floor\n${summary}`);
  assert.ok(events.participants.f1 >= FLOOR.participantF1, `participant F1 ${events.participants.f1.toFixed(3)} below floor\n${summary}`);
});
