import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codePointIndex, csvField, eventsToCsv, toBrat, toConll, toJsonRecord } from '../../src/core/exportFormats';
import type { ArticleAnalysis, Entity } from '../../src/core/types';
import { analyzeArticle } from '../../src/core/analyze';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import { OrderedOutput, outputBlock } from '../../src/cli/outputBlocks';

const root = resolve(__dirname, '../../..');

/** Entity at the first occurrence of `text` in `original`. */
function entity(original: string, text: string, type: Entity['type'], from = 0): Entity {
  const start = original.indexOf(text, from);
  assert.ok(start >= 0, text);
  return { type, text, canonical: text, start, end: start + text.length };
}

const original = '𠮷野家报道：李强在上海\n会见了王毅，双方签署"合作,协议"。';
const li = entity(original, '李强', 'person');
const wang = entity(original, '王毅', 'person');
const shanghai = entity(original, '上海', 'place');
const trigger = original.indexOf('会见');
const sign = original.indexOf('签署');
const analysis: ArticleAnalysis = {
  script: 'simplified',
  date: '2020-06-05',
  entities: [li, shanghai, wang],
  events: [
    {
      type: 'talks',
      trigger: { text: '会见', canonical: '会见', start: trigger, end: trigger + 2 },
      date: '2020-06-05',
      place: '上海',
      participants: [{ text: '李强', type: 'person', role: 'host' }, { text: '王毅', type: 'person' }],
      object: null,
      sentence: { start: original.indexOf('李强'), end: original.length },
      summary: '李强会见王毅',
    },
    {
      type: 'signing',
      trigger: { text: '签署', canonical: '签署', start: sign, end: sign + 2 },
      date: null,
      place: null,
      participants: [],
      object: '合作,协议',
      sentence: { start: original.indexOf('李强'), end: original.length },
      summary: '签署"合作,协议"',
    },
  ],
  issues: [{ kind: 'boilerplate', start: 0, end: 3, detail: 'navigation' }],
};

test('brat offsets are code points: 𠮷 (two UTF-16 units) counts once', () => {
  const ann = toBrat(original, analysis);
  const lines = ann.trimEnd().split('\n');
  assert.equal(lines[0], `T1\tperson ${li.start - 1} ${li.end - 1}\t李强`);
  const cps = [...original];
  for (const line of lines.filter((l) => l.startsWith('T'))) {
    const [, spec, text] = line.split('\t');
    const frags = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
    assert.equal(frags.map(([s, e]) => cps.slice(s, e).join('')).join(' '), text, line);
  }
  // The 上海…会见 line break is never inside a fragment; events reference their trigger and args.
  assert.match(ann, /^E1\ttalks:T4 Participant:T1 Participant2:T3 Place:T2$/m);
  assert.match(ann, /^E2\tsigning:T5$/m);
});

test('codePointIndex handles lone surrogates as one character', () => {
  const cp = codePointIndex('a\uD800b𠮷c');
  assert.deepEqual([0, 1, 2, 3, 5, 6].map(cp), [0, 1, 2, 3, 4, 5]);
});

test('CSV follows RFC 4180: quotes doubled, commas and line breaks quoted, CRLF rows', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('x\ny'), '"x\ny"');
  const csv = eventsToCsv([{ file: 'dir/a,b.txt', analysis, original }]);
  const rows = csv.split('\r\n');
  assert.equal(rows[0], 'file,date,type,trigger,object,place,participants,sentence');
  assert.equal(rows[1], '"dir/a,b.txt",2020-06-05,talks,会见,,上海,李强(host); 王毅,"李强在上海 会见了王毅，双方签署""合作,协议""。"');
  assert.ok(rows[2].startsWith('"dir/a,b.txt",,signing,签署,"合作,协议",,,'), rows[2]);
  assert.equal(rows.at(-1), '');
});

test('CoNLL: one character per line, B-/I- tags, blank line after each sentence', () => {
  const conll = toConll(original, analysis);
  const sentences = conll.trimEnd().split('\n\n');
  assert.equal(sentences.length, 2); // split at the line break; "。" ends the second
  const lines = conll.split('\n').filter(Boolean);
  assert.equal(lines[0], '𠮷\tO');
  assert.ok(lines.includes('李\tB-person') && lines.includes('强\tI-person'));
  assert.deepEqual(lines.filter((l) => l.endsWith('-place')), ['上\tB-place', '海\tI-place']);
});

test('JSON record has the CLI fields in order, issues without details', () => {
  const rec = toJsonRecord('a.txt', analysis);
  assert.deepEqual(Object.keys(rec), ['file', 'script', 'date', 'entities', 'events', 'issues']);
  assert.deepEqual(Object.keys(rec.entities[0]), ['type', 'text', 'canonical', 'start', 'end']);
  assert.deepEqual(rec.issues, [{ kind: 'boilerplate', start: 0, end: 3 }]);
  assert.deepEqual(Object.keys(rec.events[0]), ['type', 'trigger', 'date', 'place', 'participants', 'object', 'sentence', 'summary']);
});

test('brat export of a glossed Traditional seed: every T line text matches its code-point span', () => {
  const dataDir = join(root, 'data');
  const deps = { segmenter: JiebaSegmenter.load({ dataDir }), converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } };
  const text = readFileSync(join(root, 'seeds', '000_367782aa6370fb6f.txt'), 'utf8');
  const ann = toBrat(text, analyzeArticle(text, deps));
  const cps = [...text];
  const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
  assert.ok(tLines.length > 20);
  for (const line of tLines) {
    const [, spec, t] = line.split('\t');
    const frags = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
    assert.equal(frags.map(([s, e]) => cps.slice(s, e).join('')).join(' '), t);
  }
});

test('CLI output blocks, joined as written, equal formatting every file at once (json, brat, conll; one file and several)', () => {
  const dataDir = join(root, 'data');
  const deps = { segmenter: JiebaSegmenter.load({ dataDir }), converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } };
  const files = ['000_367782aa6370fb6f.txt', '003_c6dd73ee9f6b25ea.txt'].map((name) => {
    const text = readFileSync(join(root, 'seeds', name), 'utf8');
    return { path: `seeds/${name}`, text, analysis: analyzeArticle(text, deps, { fileName: name }) };
  });
  for (const format of ['json', 'brat', 'conll'] as const) {
    for (const chosen of [files.slice(0, 1), files]) {
      const spec = { format, severalFiles: chosen.length > 1 };
      let written = '';
      const output = new OrderedOutput(spec, (text) => (written += text));
      for (const f of chosen) output.add(outputBlock(spec, f.path, f.text, f.analysis));
      written += output.closing;
      const records = chosen.map((f) => toJsonRecord(f.path, f.analysis));
      const render = format === 'brat' ? toBrat : toConll;
      const whole = format === 'json'
        ? `${JSON.stringify(spec.severalFiles ? records : records[0], null, 2)}\n`
        : chosen.map((f) => (spec.severalFiles ? `==> ${f.path} <==\n` : '') + render(f.text, f.analysis)).join('\n');
      assert.equal(written, whole, `${format}, ${chosen.length} file(s)`);
    }
  }
});
