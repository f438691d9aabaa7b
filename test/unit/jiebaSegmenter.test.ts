import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { join, resolve } from 'node:path';
import { JiebaSegmenter, probeTagSpans, type NodeJieba } from '../../src/core/jiebaSegmenter';
import type { Token } from '../../src/core/engines';

const root = resolve(__dirname, '../../..');
const dataDir = join(root, 'data');
const fast = JiebaSegmenter.load({ dataDir });
const stock = JiebaSegmenter.load({ dataDir, stockTagging: true });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodejieba = require('nodejieba') as NodeJieba;

const EDGE_CASES = [
  '',
  '𠮷野家在北京开店，𠮷𠮷。',
  '第一行\r\n第二行\r\n\r\n国务院总理李强\r\n',
  'a\uD800中国\uDC00人民\uD83D',
  '\uFFFD测试\uFFFD',
  '  2020年6月5日 GDP增长6.1% abc123 ',
];

/** [word, tag, start, end] per token, for comparing whole segmentations. */
const rows = (tokens: Token[]) => tokens.map((t) => [t.word, t.tag, t.start, t.end]);

function assertCovers(text: string, tokens: Token[]): void {
  let pos = 0;
  for (const t of tokens) {
    assert.equal(t.start, pos, `gap before ${JSON.stringify(t)}`);
    assert.equal(text.slice(t.start, t.end), t.word);
    pos = t.end;
  }
  assert.equal(pos, text.length);
}

test('the installed nodejieba is the patched build with tagSpans', () => {
  assert.equal(probeTagSpans(nodejieba), true, 'run "npm run rebuild:native" (postinstall builds it)');
  assert.equal(fast.usesTagSpans, true);
  assert.equal(stock.usesTagSpans, false);
});

test('tagSpans gives UTF-16 offsets: astral characters count two units, lone surrogates one', () => {
  const spans = (text: string) => {
    const a = nodejieba.tagSpans!(text);
    const names = nodejieba.tagNames!();
    return Array.from({ length: a.length / 3 }, (_, i) => [text.slice(a[i * 3], a[i * 3 + 1]), names[a[i * 3 + 2]], a[i * 3], a[i * 3 + 1]]);
  };
  assert.deepEqual(spans(''), []);
  assert.deepEqual(spans('𠮷在北京').slice(0, 2), [['𠮷', 'x', 0, 2], ['在', 'p', 2, 3]]);
  assert.deepEqual(spans('北京\r\n上海').map((r) => r[0]), ['北京', '\r', '\n', '上海']);
  const lone = spans('a\uD800中国');
  assert.deepEqual(lone.map((r) => [r[2], r[3]]), [[0, 1], [1, 2], [2, 4]]);
  assert.equal(lone[1][0], '\uD800');
  assert.deepEqual(lone[2], ['中国', 'ns', 2, 4]);
});

test('fast and stock tagging give the same tokens on the seeds and edge cases', () => {
  const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
  for (const text of [...EDGE_CASES, ...seeds]) {
    const got = fast.tag(text);
    assertCovers(text, got);
    assert.deepEqual(rows(got), rows(stock.tag(text)), `differs on ${JSON.stringify(text.slice(0, 40))}`);
  }
});

test('user words segment as one token with their type tag on both paths', () => {
  const text = '推进数字长三角和城市数字孪生底座建设';
  assert.ok(!fast.tag(text).some((t) => t.word === '城市数字孪生底座'));
  fast.addTerms([{ term: '城市数字孪生底座', type: 'organization' }]);
  stock.addTerms([{ term: '城市数字孪生底座', type: 'organization' }]);
  for (const seg of [fast, stock]) {
    const hit = seg.tag(text).find((t) => t.word === '城市数字孪生底座');
    const at = text.indexOf('城市数字孪生底座');
    assert.deepEqual(hit && [hit.tag, hit.start, hit.end], ['nt', at, at + 8]);
  }
});

test('repeated lines come from the cache with their own offsets', () => {
  const line = '国务院总理李强在北京会见外宾。';
  const text = `${line}\n${line}\r\n${line}`;
  const tokens = fast.tag(text);
  assertCovers(text, tokens);
  const firsts = tokens.filter((t) => t.word === '国务院').map((t) => t.start);
  assert.deepEqual(firsts, [0, line.length + 1, 2 * line.length + 3]);
});

test('a build without a working tagSpans is detected (stock binary, or patched index.js over it)', () => {
  const base = { tag: () => [], insertWord: () => true, load: () => true };
  assert.equal(probeTagSpans(base), false);
  const patchedJsStockBinary = {
    ...base,
    tagSpans: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'apply')");
    },
    tagNames: () => [],
  };
  assert.equal(probeTagSpans(patchedJsStockBinary), false);
  assert.equal(probeTagSpans({ ...base, tagSpans: () => new Int32Array([0, 3]), tagNames: () => [] }), false);
});

test('worker threads share the loaded dictionaries: a word inserted on one thread segments on another', async () => {
  const word = '沪苏浙皖共治样板区';
  const text = `建设${word}的方案`;
  assert.ok(!fast.tag(text).some((t) => t.word === word), 'the word must be new to the dictionaries');
  fast.addTerms([{ term: word, type: 'place' }]);
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const nodejieba = require(workerData.module);
    nodejieba.load(workerData.files);
    const spans = nodejieba.tagSpans(workerData.text);
    const names = nodejieba.tagNames();
    const words = [];
    for (let i = 0; i < spans.length; i += 3) words.push([workerData.text.slice(spans[i], spans[i + 1]), names[spans[i + 2]]]);
    parentPort.postMessage(words);`;
  const files = JiebaSegmenter.dictFiles(dataDir);
  const words = await new Promise<Array<[string, string]>>((resolvePromise, reject) => {
    const worker = new Worker(code, { eval: true, workerData: { module: require.resolve('nodejieba'), files, text } });
    worker.once('message', resolvePromise);
    worker.once('error', reject);
  });
  assert.deepEqual(words.find(([w]) => w === word), [word, 'ns']);
});

test('a locative jieba\'s HMM glued to the next character after a noun is a word of its own (会议|上|作)', () => {
  const text = '李强在全国人大会议上作政府工作报告。';
  for (const seg of [fast, stock]) {
    const got = seg.tag(text);
    assertCovers(text, got);
    const at = got.findIndex((t) => t.word === '会议');
    assert.deepEqual(rows(got.slice(at, at + 3)), [['会议', 'n', 7, 9], ['上', 'f', 9, 10], ['作', 'x', 10, 11]]);
  }
});

test('lines tagged ahead on another thread give the same tokens as tagging them here', () => {
  const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, 'seeds', f), 'utf8'));
  // A fresh segmenter: nothing cached, so every line comes from the thread.
  const text = [...seeds, ...EDGE_CASES].join('\n') + '\n' + '国务院召开常务会议。'.repeat(400);
  const here = JiebaSegmenter.load({ dataDir }).tag(text);
  const seg = JiebaSegmenter.load({ dataDir });
  // Every piece cut on this thread goes through nodejieba.tagSpans: count them.
  const calls: string[] = [];
  const tagSpans = nodejieba.tagSpans!;
  nodejieba.tagSpans = (t) => (calls.push(t), tagSpans(t));
  const ahead = seg.tagAhead(text);
  try {
    assert.deepEqual(rows(seg.tag(text)), rows(here));
  } finally {
    ahead.dispose();
    nodejieba.tagSpans = tagSpans;
  }
  // The long line (over 2000 units) was cut into pieces, and none was tagged on this thread.
  assert.deepEqual(calls, []);
});

test('pieces tagged ahead are let go on dispose and after new user words; tag() then cuts them here', () => {
  const seg = JiebaSegmenter.load({ dataDir });
  const text = '推进数字长三角和城市大脑中枢平台建设\n国务院总理李强在北京会见外宾。';
  const ahead = seg.tagAhead(text);
  seg.addTerms([{ term: '城市大脑中枢平台', type: 'organization' }]);
  assert.ok(seg.tag(text).some((t) => t.word === '城市大脑中枢平台' && t.tag === 'nt'), 'cut with the new word, not by the batch started before it');
  ahead.dispose();
  const seg2 = JiebaSegmenter.load({ dataDir });
  seg2.tagAhead('新华社北京3月5日电\n国务院召开常务会议。').dispose();
  assert.deepEqual(rows(seg2.tag('国务院召开常务会议。')), rows(JiebaSegmenter.load({ dataDir }).tag('国务院召开常务会议。')));
});
