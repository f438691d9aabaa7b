import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnalyzerDeps } from '../../src/core/analyze';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import type { ArticleAnalysis } from '../../src/core/types';
import { applyAnalysis, diffAnalysis, EMPTY_ANALYSIS, pageAnalysis } from '../../src/shared/analysisDelta';

const root = resolve(__dirname, '../../..');
const dataDir = join(root, 'data');
const deps: AnalyzerDeps = { segmenter: JiebaSegmenter.load({ dataDir }), converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } };
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const readSeed = (f: string) => readFileSync(join(root, 'seeds', f), 'utf8');

/**
 * Applies the deltas page by page, as the client's store does with the server's updates: copies,
 * or (the store) moving items in place and inserting later pages into the lists the first one made.
 */
function applyPaged(before: ArticleAnalysis, after: ArticleAnalysis, shift: number, pageSize: number, asStore = false): ArticleAnalysis {
  let out = asStore ? structuredClone(before) : before;
  for (const [i, page] of pageAnalysis(diffAnalysis(before, after, shift), pageSize).entries()) {
    out = applyAnalysis(out, page, after, asStore ? (i === 0 ? true : 'list') : false);
  }
  return out;
}

/** Edits of a seed: an insertion and a deletion in the middle, a line prepended, a paragraph dropped. */
function edits(text: string): string[] {
  const mid = Math.floor(text.length / 2);
  const firstBreak = text.indexOf('\n', 10);
  const secondBreak = text.indexOf('\n', firstBreak + 1);
  return [
    text.slice(0, mid) + '的' + text.slice(mid),
    text.slice(0, mid) + text.slice(mid + 3),
    '新华社北京电\n' + text,
    secondBreak > 0 ? text.slice(0, firstBreak) + text.slice(secondBreak) : text + '\n国务院总理李强出席会议。',
  ];
}

for (const seed of seeds) {
  test(`analysis deltas on ${seed}: applying diff(old, new) to old gives new, whole and in pages`, () => {
    const analyzer = new IncrementalAnalyzer();
    const text = readSeed(seed);
    const before = analyzer.analyze(text, deps).analysis;
    assert.deepEqual(applyPaged(EMPTY_ANALYSIS, before, 0, 1_000_000), before, 'from the empty analysis');
    assert.deepEqual(applyPaged(EMPTY_ANALYSIS, before, 0, 7), before, 'from the empty analysis, 7 items per page');
    assert.deepEqual(applyPaged(EMPTY_ANALYSIS, before, 0, 7, true), before, 'from the empty analysis in pages, in place');
    for (const edited of edits(text)) {
      const after = analyzer.analyze(edited, deps).analysis;
      const shift = edited.length - text.length;
      const deltas = diffAnalysis(before, after, shift);
      assert.deepEqual(applyAnalysis(before, deltas, after), after);
      assert.deepEqual(applyPaged(before, after, shift, 5), after, 'in pages of 5');
      assert.deepEqual(applyPaged(before, after, shift, 5, true), after, 'in pages of 5, in place');
      // A local edit keeps most entities: the delta re-sends only those near the edit.
      if (before.entities.length > 50) {
        const inserted = deltas.entities?.insert.length ?? 0;
        assert.ok(inserted < before.entities.length / 2, `${inserted} of ${after.entities.length} entities re-sent`);
      }
    }
  });
}

test('analysis deltas: the old analysis is left as it was, unless applied in place', () => {
  const analyzer = new IncrementalAnalyzer();
  const text = readSeed(seeds[0]);
  const before = analyzer.analyze(text, deps).analysis;
  const snapshot = JSON.parse(JSON.stringify(before)) as ArticleAnalysis;
  const after = analyzer.analyze('序言。\n' + text, deps).analysis;
  const deltas = diffAnalysis(before, after, 4);
  applyAnalysis(before, deltas, after);
  assert.deepEqual(before, snapshot);
  // In place (the client's store, which keeps only the latest): the same result, without copies.
  const moved = applyAnalysis(before, deltas, after, true);
  assert.deepEqual(moved, after);
  assert.equal(moved.entities.at(-1), before.entities.at(-1), 'the moved tail is the same objects');
});

test('analysis deltas: an unchanged analysis gives no list deltas; a wrong base is refused', () => {
  const analyzer = new IncrementalAnalyzer();
  const a = analyzer.analyze(readSeed(seeds[1]), deps).analysis;
  assert.deepEqual(diffAnalysis(a, a, 0), {});
  const grown = diffAnalysis(EMPTY_ANALYSIS, a, 0);
  assert.throws(() => applyAnalysis({ ...a, entities: a.entities.slice(0, 1) }, { entities: { keep: 3, tail: 0, shift: 0, insert: [] } }, a));
  assert.equal(grown.entities?.insert.length, a.entities.length);
});
