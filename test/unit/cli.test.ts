import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync, statSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeAll } from '../../src/cli/pool';
import { SharedTaskQueue } from '../../src/cli/taskQueue';
import { v8FlagsForJobs } from '../../src/cli/jitBudget';

const root = resolve(__dirname, '../../..');
const cli = join(root, 'dist', 'cli.js');
const seedsDir = join(root, 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort().map((f) => join(seedsDir, f));
const tmp = mkdtempSync(join(tmpdir(), 'pa-cli-'));

function run(...args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}

interface Rec {
  file: string;
  script: string;
  date: string | null;
  entities: Array<{ type: string; text: string; canonical: string; start: number; end: number }>;
  events: Array<{ type: string; trigger: { text: string; start: number; end: number }; sentence: { start: number; end: number } }>;
  issues: Array<{ kind: string; start: number; end: number }>;
}

test('dist/cli.js exists (npm run build)', () => assert.ok(existsSync(cli)));

test('V8 compiles less only when every core analyses, with a flag this Node knows', () => {
  assert.deepEqual(v8FlagsForJobs(1, 2), []);
  assert.deepEqual(v8FlagsForJobs(1, 1), []);
  assert.deepEqual(v8FlagsForJobs(2, 8), [], 'a spare core is left for the compiler');
  const [flag] = v8FlagsForJobs(2, 2);
  assert.match(flag, /^--interrupt-budget=\d+$/);
  assert.deepEqual(v8FlagsForJobs(4, 4), [flag]);
  // v8.setFlagsFromString ignores unknown flags silently; the command line rejects them.
  const r = spawnSync(process.execPath, [flag, '-e', '0'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const bogus = spawnSync(process.execPath, ['--interrupt-budgets=1', '-e', '0'], { encoding: 'utf8' });
  assert.notEqual(bogus.status, 0, 'the command line must reject an unknown V8 flag for the check above to mean anything');
});

test('annotate: valid JSON for all five seeds, spans on the original text, inputs untouched', () => {
  const before = seeds.map((s) => [readFileSync(s), statSync(s).mtimeMs] as const);
  const r = run('annotate', ...seeds);
  assert.equal(r.status, 0, r.stderr);
  const records = JSON.parse(r.stdout) as Rec[];
  assert.equal(records.length, 5);
  records.forEach((rec, i) => {
    assert.equal(rec.file, seeds[i]);
    assert.ok(['simplified', 'traditional', 'mixed'].includes(rec.script));
    const text = readFileSync(seeds[i], 'utf8');
    assert.ok(rec.entities.length > 0);
    for (const e of rec.entities) assert.equal(text.slice(e.start, e.end), e.text);
    for (const ev of rec.events) assert.equal(text.slice(ev.trigger.start, ev.trigger.end), ev.trigger.text);
    for (const iss of rec.issues) assert.deepEqual(Object.keys(iss), ['kind', 'start', 'end']);
  });
  // Written file by file, the output is still exactly JSON.stringify(records, null, 2).
  assert.equal(r.stdout, `${JSON.stringify(records, null, 2)}\n`);
  seeds.forEach((s, i) => {
    assert.deepEqual(readFileSync(s), before[i][0]);
    assert.equal(statSync(s).mtimeMs, before[i][1]);
  });
  // Gloss and mojibake issues are reported at original offsets.
  const all = records.map((rec, i) => ({ rec, text: readFileSync(seeds[i], 'utf8') }));
  const slices = (kind: string) => all.flatMap(({ rec, text }) => rec.issues.filter((x) => x.kind === kind).map((x) => text.slice(x.start, x.end)));
  assert.ok(slices('pinyin-gloss').includes('(chuàng)'));
  assert.ok(slices('mojibake').includes('?! ?/p>'));
});

test('annotate one file prints one object; --jobs 2 gives the same result', () => {
  const one = run('annotate', seeds[1]);
  assert.equal(one.status, 0, one.stderr);
  const obj = JSON.parse(one.stdout) as Rec;
  assert.equal(Array.isArray(obj), false);
  assert.equal(obj.file, seeds[1]);
  const seq = run('annotate', seeds[0], seeds[1]);
  const par = run('annotate', '--jobs', '2', seeds[0], seeds[1]);
  assert.equal(par.status, 0, par.stderr);
  assert.deepEqual(JSON.parse(par.stdout), JSON.parse(seq.stdout));
});

test('--jobs 3 over more files than workers keeps argument order and matches one process', () => {
  const files = [...seeds, ...seeds.slice().reverse()];
  const seq = run('annotate', ...files);
  const par = run('annotate', '--jobs', '3', ...files);
  assert.equal(par.status, 0, par.stderr);
  assert.equal(par.stderr, '');
  const records = JSON.parse(par.stdout) as Rec[];
  assert.deepEqual(records.map((r) => r.file), files);
  assert.deepEqual(records, JSON.parse(seq.stdout));
});

test('--jobs 2 prints byte-identical output to --jobs 1 on the seeds (json, brat, conll)', () => {
  // Seeds twice: both threads see the same texts, and each thread's line cache gets hits.
  const files = [...seeds, ...seeds];
  for (const format of ['json', 'brat', 'conll']) {
    const one = run('annotate', '--format', format, '--jobs', '1', ...files);
    const two = run('annotate', '--format', format, '--jobs', '2', ...files);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(two.status, 0, two.stderr);
    assert.equal(two.stderr, '');
    assert.ok(one.stdout.length > 1000, format);
    assert.ok(two.stdout === one.stdout, `--jobs 2 differs from --jobs 1 in ${format} output`);
  }
});

test('the shared task queue hands out every task once, longest text first', () => {
  const lengths = [5, 40, 5, 0, 40, 12];
  const queue = SharedTaskQueue.longestFirst(lengths);
  // A second view over the same buffer (as a worker gets it) claims from the same sequence.
  const other = new SharedTaskQueue(queue.buffer);
  const claimed = [queue.claim(), other.claim(), queue.claim(), other.claim(), queue.claim(), other.claim()];
  assert.deepEqual(claimed, [1, 4, 5, 0, 2, 3]);
  assert.equal(queue.claim(), -1);
  assert.equal(other.claim(), -1);
  const inOrder = SharedTaskQueue.inOrder(3);
  assert.deepEqual([inOrder.claim(), inOrder.claim(), inOrder.claim(), inOrder.claim()], [0, 1, 2, -1]);
});

test('annotate --format brat and conll', () => {
  const brat = run('annotate', '--format', 'brat', seeds[0]);
  assert.equal(brat.status, 0, brat.stderr);
  assert.match(brat.stdout, /^T1\t(person|position|organization|place|date|document|policy) \d+ \d+\t/);
  assert.match(brat.stdout, /^E\d+\t\w+:T\d+/m);
  const conll = run('annotate', '--format=conll', seeds[1]);
  assert.equal(conll.status, 0, conll.stderr);
  assert.match(conll.stdout, /^长\tB-place$/m);
});

function expectInputError(file: string, pattern: RegExp) {
  const r = run('annotate', file);
  assert.equal(r.status, 1, `exit code for ${file}`);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
}

test('missing, directory, binary and GBK inputs: one-line error, exit 1', () => {
  expectInputError(join(tmp, 'missing.txt'), /^error: .*missing\.txt: file not found$/);
  mkdirSync(join(tmp, 'folder.txt'));
  expectInputError(join(tmp, 'folder.txt'), /folder\.txt: is a directory/);
  const bin = join(tmp, 'binary.txt');
  writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
  expectInputError(bin, /binary\.txt: binary data/);
  const gbk = join(tmp, 'gbk.txt');
  const gbkBytes = Buffer.from([0xb3, 0xa4, 0xc8, 0xfd, 0xbd, 0xc7, 0xd2, 0xbb, 0xcc, 0xe5, 0xbb, 0xaf]); // 长三角一体化
  writeFileSync(gbk, gbkBytes);
  expectInputError(gbk, /gbk\.txt: not valid UTF-8/);
  assert.deepEqual(readFileSync(gbk), gbkBytes);
});

test('one bad file among good ones: the good ones are still annotated, exit 1', () => {
  const r = run('annotate', seeds[1], join(tmp, 'nope.txt'));
  assert.equal(r.status, 1);
  assert.equal((JSON.parse(r.stdout) as Rec[]).length, 1);
  assert.match(r.stderr, /nope\.txt: file not found/);
  // A bad file between good ones: the array stays well formed.
  const middle = run('annotate', seeds[0], join(tmp, 'nope.txt'), seeds[2], '--jobs', '2');
  assert.equal(middle.status, 1);
  const records = JSON.parse(middle.stdout) as Rec[];
  assert.deepEqual(records.map((rec) => rec.file), [seeds[0], seeds[2]]);
  assert.equal(middle.stdout, `${JSON.stringify(records, null, 2)}\n`);
});

test('empty file is annotated as an empty article', () => {
  const empty = join(tmp, 'empty.txt');
  writeFileSync(empty, '');
  const r = run('annotate', empty);
  assert.equal(r.status, 0, r.stderr);
  const rec = JSON.parse(r.stdout) as Rec;
  assert.deepEqual([rec.entities, rec.events, rec.issues], [[], [], []]);
});

test('usage: --help, --version, unknown option and command', () => {
  const help = run('--help');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /JSON array/);
  const version = run('--version');
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  assert.equal(run('annotate', '--bogus', seeds[0]).status, 2);
  assert.equal(run('frobnicate').status, 2);
  assert.equal(run('annotate', '--format', 'xml', seeds[0]).status, 2);
});

test('eval-ner prints per-type lines and a final P/R/F1 line', () => {
  const dev = readFileSync('/work/shared/data/peoples-daily-ner-dev.bio', 'utf8').split(/\r?\n\s*\r?\n/).slice(0, 60).join('\n\n');
  const bio = join(tmp, 'small.bio');
  writeFileSync(bio, dev + '\n');
  const r = run('eval-ner', '--bio', bio);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines.at(-1)!, /^P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3}$/);
  assert.ok(lines.some((l) => /^PER P=/.test(l)));
  const f1 = Number(/F1=(\d\.\d+)/.exec(lines.at(-1)!)![1]);
  assert.ok(f1 > 0.3, `F1 ${f1} on 60 dev sentences`);
  assert.equal(run('eval-ner', '--bio', join(tmp, 'none.bio')).status, 1);
});

test('a worker thread that cannot start loses no file: the main thread analyses its tasks', async () => {
  // Bundled into out/test/unit, the pool looks for out/test/unit/worker.js, which does not exist.
  assert.equal(existsSync(join(__dirname, 'worker.js')), false);
  const texts = seeds.slice(0, 3).map((f) => readFileSync(f, 'utf8'));
  const warnings: string[] = [];
  const tasks = [...texts, ...texts].map((text, i) => ({ text, fileName: `f${i}.txt` }));
  const outcomes = await analyzeAll(tasks, { jobs: 2, dataDir: join(root, 'data'), warn: (m) => warnings.push(m) });
  const single = await analyzeAll(tasks, { jobs: 1, dataDir: join(root, 'data'), warn: () => {} });
  assert.deepEqual(outcomes, single);
  assert.ok(outcomes.every((o) => 'analysis' in o && o.analysis.entities.length > 0));
  assert.equal(warnings.filter((w) => /worker thread failed/.test(w)).length, 1, warnings.join('\n'));
});

test('a reader that stops early (| head) ends the CLI quietly with status 0', () => {
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  // The JSON of all seeds is far more than a pipe holds: the CLI is still writing when head exits.
  const script = `${[process.execPath, cli, 'annotate', ...seeds].map(quote).join(' ')} 2>${quote(join(tmp, 'epipe.err'))} | head -c 1 >/dev/null; echo "\${PIPESTATUS[0]}"`;
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.stdout.trim(), '0');
  assert.equal(readFileSync(join(tmp, 'epipe.err'), 'utf8'), '');
});
