import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle, prepareText, type AnalyzerDeps } from '../../src/core/analyze';
import { IncrementalAnalyzer } from '../../src/core/incremental';
import { eventBlocks, paragraphSpans, recognizeByParagraph } from '../../src/core/paragraphs';
import { recognizeEntities } from '../../src/core/entities/recognize';
import { detectArticleDate } from '../../src/core/articleDate';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import { findDataDir } from '../../src/core/resources';

const root = resolve(__dirname, '../../..');
const dataDir = findDataDir(root);
const seedFiles = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const seed = (f: string) => readFileSync(join(root, 'seeds', f), 'utf8');

let depsCache: AnalyzerDeps | undefined;
function deps(): AnalyzerDeps {
  return (depsCache ??= { segmenter: JiebaSegmenter.load({ dataDir }), converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } });
}

test('paragraphSpans: non-empty lines, long lines cut after sentence punctuation, nothing lost', () => {
  const text = seed(seedFiles[1]);
  const spans = paragraphSpans(text, 300);
  assert.ok(spans.length > 3);
  for (const s of spans) {
    assert.ok(s.end - s.start <= 301 && s.end > s.start);
    assert.ok(!text.slice(s.start, s.end).includes('\n'));
  }
  // Every non-newline character is in exactly one span, in order.
  const covered = spans.map((s) => text.slice(s.start, s.end)).join('');
  assert.equal(covered, text.replace(/\n/g, ''));
  const cutInside = spans.filter((s, i) => i + 1 < spans.length && spans[i + 1].start === s.end);
  for (const s of cutInside) assert.match(text[s.end - 1], /[。！？；!?;]/u, `cut inside a sentence at ${s.end}`);
});

test('recognition paragraph by paragraph agrees with recognition of the whole seed', () => {
  // Not identical by design: the recogniser sees one paragraph, so a tagger decision at a line edge
  // can differ. Nearly all mentions must be the same (type, span).
  for (const f of seedFiles) {
    const p = prepareText(seed(f), deps().converter);
    const text = p.analysisText;
    const input = { text, tokens: deps().segmenter.tag(text), skip: p.skip, articleDate: detectArticleDate(text, f) };
    const key = (m: { type: string; start: number; end: number }) => `${m.type}:${m.start}-${m.end}`;
    const byParagraph = new Set(recognizeByParagraph(input, deps().resources).map(key));
    const whole = new Set(recognizeEntities(input, deps().resources).map(key));
    const shared = [...whole].filter((k) => byParagraph.has(k)).length;
    const agreement = shared / Math.max(1, new Set([...whole, ...byParagraph]).size);
    assert.ok(whole.size > 0 && agreement >= 0.9, `${f}: only ${(agreement * 100).toFixed(1)}% of mentions agree`);
  }
});

test('the incremental analyzer gives exactly analyzeArticle\'s result, before and after edits', () => {
  const analyzer = new IncrementalAnalyzer();
  for (const f of seedFiles) {
    let text = seed(f);
    assert.deepEqual(analyzer.analyze(text, deps(), { fileName: f }).analysis, analyzeArticle(text, deps(), { fileName: f }), f);
    // Edit a paragraph in the middle, delete a line, and insert a new paragraph: caches must not leak stale results.
    const mid = text.indexOf('\n', Math.floor(text.length / 2));
    text = `${text.slice(0, mid)}国务院总理李强在北京会见了美国国务卿。${text.slice(mid)}`;
    assert.deepEqual(analyzer.analyze(text, deps(), { fileName: f }).analysis, analyzeArticle(text, deps(), { fileName: f }), `${f} after insert`);
    const lineStart = text.indexOf('\n', 10) + 1;
    text = text.slice(0, lineStart) + text.slice(text.indexOf('\n', lineStart) + 1);
    assert.deepEqual(analyzer.analyze(text, deps(), { fileName: f }).analysis, analyzeArticle(text, deps(), { fileName: f }), `${f} after line deletion`);
  }
});

test('a changed ignore list invalidates cached paragraphs', () => {
  const analyzer = new IncrementalAnalyzer();
  const text = seed(seedFiles[1]);
  const before = analyzer.analyze(text, deps()).analysis;
  const word = before.entities.find((e) => e.type !== 'date')!.canonical;
  const withIgnore: AnalyzerDeps = { ...deps(), resources: { ...deps().resources, ignored: new Set([word]) } };
  const after = analyzer.analyze(text, withIgnore).analysis;
  assert.ok(before.entities.some((e) => e.canonical === word));
  assert.ok(!after.entities.some((e) => e.canonical === word), `${word} still reported after being ignored`);
});

test('sliced analysis yields to the event loop and stops when the document is stale', async () => {
  const text = seedFiles.map(seed).join('\n').repeat(3);
  const analyzer = new IncrementalAnalyzer();
  let ticks = 0;
  const timer = setInterval(() => ticks++, 0);
  const done = await analyzer.analyzeInSlices(text, deps(), { sliceMs: 1 });
  clearInterval(timer);
  assert.ok(done, 'analysis did not finish');
  assert.deepEqual(done.analysis, analyzeArticle(text, deps()));
  assert.ok(ticks > 0, 'the analysis never let a timer run');
  let checks = 0;
  const stale = await new IncrementalAnalyzer().analyzeInSlices(text, deps(), { sliceMs: 0, isStale: () => ++checks > 2 });
  assert.equal(stale, undefined);
  assert.equal(checks, 3);
});

test('event blocks: one block for an article, whole paragraphs for a long text', () => {
  const article = seed(seedFiles[0]);
  assert.deepEqual(eventBlocks(article), [{ start: 0, end: article.length }]);
  const long = seedFiles.map(seed).join('\n').repeat(4);
  const blocks = eventBlocks(long, 5000);
  assert.ok(blocks.length > 3);
  assert.equal(blocks[0].start, 0);
  assert.equal(blocks[blocks.length - 1].end, long.length);
  for (let i = 1; i < blocks.length; i++) {
    assert.ok(blocks[i].start >= blocks[i - 1].end);
    assert.equal(long.slice(blocks[i - 1].end, blocks[i].start).trim(), '', 'text between blocks');
  }
});
