/**
 * `npm run bench`: throughput of every pipeline stage against raw nodejieba and the peers
 * (Debian's python3-jieba and opencc CLI), CLI batch throughput, memory, and the editor budgets
 * measured by the integration suite. Medians of several runs; results in bench-results/.
 */
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus, loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pinyin } from 'pinyin-pro';
import { normalize } from '../../src/core/normalize';
import { OpenccConverter } from '../../src/core/script';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { extractEvents } from '../../src/core/events';
import { eventBlocks, extractInBlock, recognizeByParagraph } from '../../src/core/paragraphs';
import { analyzeArticle } from '../../src/core/analyze';
import { detectArticleDate } from '../../src/core/articleDate';
import { findDataDir } from '../../src/core/resources';
import type { RecognizerInput } from '../../src/core/types';
import { loadNerData } from '../../src/core/entities/nerData';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const root = resolve(__dirname, '../..');
const shared = process.env.POLICY_SHARED_DIR ?? resolve(root, '../shared');
const outDir = join(root, 'bench-results');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = fn();
  return { ms: performance.now() - t0, value };
}

function medianMs(fn: () => unknown, runs = RUNS): number {
  fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(time(fn).ms);
  return median(xs);
}

/** About 1 MB of simplified news text: the seeds (simplified reading) and the People's Daily dev sentences. */
function buildCorpus(converter: OpenccConverter): { simplified: string; traditionalGlossed: string } {
  const seeds = readdirSync(join(root, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => converter.toSimplified(normalize(readFileSync(join(root, 'seeds', f), 'utf8')).text).text);
  const bio = readFileSync(join(shared, 'data', 'peoples-daily-ner-dev.bio'), 'utf8');
  const sentences = bio.split(/\n\s*\n/).map((block) =>
    block.split('\n').map((l) => l.split(' ')[0]).join(''),
  );
  const parts: string[] = [];
  let size = 0;
  let i = 0;
  while (size < 1_000_000) {
    const piece = i % 10 === 0 ? seeds[(i / 10) % seeds.length] : sentences.slice((i * 20) % sentences.length, (i * 20) % sentences.length + 20).join('');
    parts.push(piece);
    size += piece.length;
    i++;
  }
  const simplified = parts.join('\n').slice(0, 1_000_000);
  // The traditional copy carries seed-style pinyin glosses after every seventh Han character.
  const trad = converter.toTraditional(simplified, 't').text;
  let n = 0;
  const traditionalGlossed = trad.replace(/[\u4e00-\u9fff]/g, (ch) => (++n % 7 === 0 ? `${ch}(${pinyin(ch, { toneType: 'symbol' })})` : ch));
  return { simplified, traditionalGlossed };
}

/** The peers come from Debian; install them when we may (root, apt available), else say what is missing. */
function ensurePeers(): void {
  const haveJieba = spawnSync('/usr/bin/python3', ['-c', 'import jieba.posseg']).status === 0;
  const haveOpencc = spawnSync('which', ['opencc']).status === 0;
  if (haveJieba && haveOpencc) return;
  if (process.getuid?.() !== 0 || spawnSync('which', ['apt-get']).status !== 0) {
    console.warn('bench: peers missing and apt-get unavailable; install python3-jieba and opencc to compare');
    return;
  }
  console.log('bench: installing peers python3-jieba and opencc with apt-get');
  spawnSync('apt-get', ['install', '-y', '-q', 'python3-jieba', 'opencc'], { stdio: 'inherit' });
}

function python(): string | undefined {
  for (const p of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(p, ['-c', 'import jieba.posseg'], { encoding: 'utf8' });
    if (r.status === 0) return p;
  }
  return undefined;
}

/**
 * Contenders timed in rounds, each once per round, in turn; medians over the rounds, and ratios as
 * the median of the per-round ratios. This machine's speed drifts by a third within minutes: two
 * medians taken minutes apart carry that drift into their ratio, two runs of one round do not.
 * A contender returns its own time in ms (a peer process times itself, without its start-up).
 */
function pairedRounds(contenders: Record<string, () => number>, rounds: number): { ms: Record<string, number>; ratio: (a: string, b: string) => number } {
  const times: Record<string, number[]> = {};
  for (const name of Object.keys(contenders)) times[name] = [];
  for (let r = 0; r < rounds; r++) for (const [name, run] of Object.entries(contenders)) times[name].push(run());
  const ms: Record<string, number> = {};
  for (const [name, xs] of Object.entries(times)) ms[name] = Math.round(median(xs));
  return { ms, ratio: (a, b) => Math.round(median(times[a].map((t, i) => t / times[b][i])) * 100) / 100 };
}

function pythonJieba(py: string, file: string, runs = Math.min(RUNS, 3)): { loadMs: number; medianMs: number } {
  const script = `
import sys, time, jieba, jieba.posseg as pseg, logging
jieba.setLogLevel(logging.ERROR)
text = open(sys.argv[1], encoding='utf-8').read()
t0 = time.perf_counter(); jieba.initialize(); load = (time.perf_counter() - t0) * 1000
runs = []
for i in range(int(sys.argv[2])):
    t0 = time.perf_counter(); n = sum(1 for _ in pseg.cut(text)); runs.append((time.perf_counter() - t0) * 1000)
runs.sort(); print(load, runs[len(runs)//2])
`;
  const out = execFileSync(py, ['-c', script, file, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const [loadMs, med] = out.trim().split(/\s+/).map(Number);
  return { loadMs, medianMs: med };
}

function openccCli(file: string): number | undefined {
  if (spawnSync('opencc', ['--version']).status !== 0 && spawnSync('which', ['opencc']).status !== 0) return undefined;
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync('opencc', ['-c', 's2twp.json', '-i', file, '-o', join(tmpdir(), 'bench-opencc-out.txt')]);
    if (r.status !== 0) return undefined;
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

/** CPU time (user + system, ms) of this process's waited-for children so far (Linux; 10 ms ticks). */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/**
 * The CLI on a folder of files with 1 and 2 jobs, measured the same way: whole process wall time
 * (start-up, dictionary load, analysis, output), runs of the two modes interleaved so that load
 * from other processes hits both alike, medians of RUNS. Start-up alone (one short file) is
 * measured the same way, so the rate after start-up can be read off too.
 */
function cliBatch(dir: string): Record<string, number | string> {
  const files = readdirSync(dir).map((f) => join(dir, f));
  const tiny = join(tmpdir(), 'bench-cli-tiny.txt');
  writeFileSync(tiny, '国务院召开常务会议。\n');
  const cpu: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const runCli = (inputs: string[], jobs: number, cpuTimes?: number[]) => {
    const cpu0 = childrenCpuMs();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'annotate', ...inputs, '--jobs', String(jobs)], { maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
    const wall = performance.now() - t0;
    const cpu1 = childrenCpuMs();
    if (cpuTimes && cpu0 !== undefined && cpu1 !== undefined) cpuTimes.push(cpu1 - cpu0);
    return wall;
  };
  // What any other layout could reach on this machine: two independent single-job CLI processes,
  // each on half the files, both at once (and, for reference, one after the other).
  const halves = [files.slice(0, files.length >> 1), files.slice(files.length >> 1)];
  const cliCommand = (inputs: string[]) => [process.execPath, join(root, 'dist', 'cli.js'), 'annotate', ...inputs, '--jobs', '1'].map((a) => `'${a}'`).join(' ');
  const runTwoProcessesAtOnce = () => {
    const t0 = performance.now();
    execFileSync('bash', ['-c', halves.map((h) => `${cliCommand(h)} >/dev/null &`).join(' ') + ' wait'], { maxBuffer: 1 << 20 });
    return performance.now() - t0;
  };
  const wall: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const startup: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const halvesInTurn: number[] = [];
  const halvesAtOnce: number[] = [];
  const loadBefore = loadavg()[0];
  for (let i = 0; i < RUNS; i++) {
    for (const jobs of [1, 2] as const) {
      wall[jobs].push(runCli(files, jobs, cpu[jobs]));
      startup[jobs].push(runCli([tiny, tiny], jobs));
    }
    halvesInTurn.push(runCli(halves[0], 1) + runCli(halves[1], 1));
    halvesAtOnce.push(runTwoProcessesAtOnce());
  }
  const rate = (ms: number) => Math.round((files.length / (ms / 1000)) * 10) / 10;
  const w1 = median(wall[1]);
  const w2 = median(wall[2]);
  const s1 = median(startup[1]);
  const s2 = median(startup[2]);
  return {
    files: files.length,
    runsPerMode: RUNS,
    cpus: cpus().length,
    loadAverageBefore: Math.round(loadBefore * 100) / 100,
    loadAverageAfter: Math.round(loadavg()[0] * 100) / 100,
    wallMsSingle: Math.round(w1),
    wallMsParallel2: Math.round(w2),
    filesPerSecSingle: rate(w1),
    filesPerSecParallel2: rate(w2),
    speedup: Math.round((w1 / w2) * 100) / 100,
    startupMsSingle: Math.round(s1),
    startupMsParallel2: Math.round(s2),
    filesPerSecAfterStartupSingle: rate(w1 - s1),
    filesPerSecAfterStartupParallel2: rate(w2 - s2),
    speedupAfterStartup: Math.round(((w1 - s1) / (w2 - s2)) * 100) / 100,
    twoProcessesInTurnMs: Math.round(median(halvesInTurn)),
    twoProcessesAtOnceMs: Math.round(median(halvesAtOnce)),
    // Against one single-job process on all the files, as `speedup` is: start-up is in both once.
    twoProcessesSpeedup: Math.round((w1 / median(halvesAtOnce)) * 100) / 100,
    // CPU time (all threads) of the whole runs: a single-job process already keeps more than one
    // core busy (V8 compiles hot code and collects garbage on background threads), and a second
    // isolate compiles its own code again, so 2 jobs cannot halve the wall time.
    ...(cpu[1].length && cpu[2].length
      ? {
          cpuMsSingle: Math.round(median(cpu[1])),
          cpuMsParallel2: Math.round(median(cpu[2])),
          coresUsedSingle: Math.round((median(cpu[1]) / w1) * 100) / 100,
          coresUsedParallel2: Math.round((median(cpu[2]) / w2) * 100) / 100,
        }
      : {}),
  };
}

/**
 * How this machine scales memory-bound work over 2 cores: a random-access loop over a 16 MB array
 * (the size class of jieba's dictionary trie and our lexicon tables) alone and as two concurrent
 * processes, and a compute-only loop (six independent integer chains, enough to fill a core's
 * execution units) likewise. When either slows run twice at once, the two vCPUs do not give two
 * cores' worth of work, and no thread layout of the CLI can reach 2x on this machine.
 */
function machineScaling(): Record<string, number> {
  const loop = (kind: 'memory' | 'compute') => kind === 'memory'
    ? `(()=>{const n=1<<22,a=new Int32Array(n).map((_,i)=>i);let x=1,s=0;const t=performance.now();for(let i=0;i<1e8;i++){x=(Math.imul(x,1103515245)+12345)|0;s=(s+a[(x>>>5)&(n-1)])|0}console.log(performance.now()-t,s)})()`
    : `(()=>{let a=1,b=2,c=3,d=4,e=5,f=6;const t=performance.now();for(let i=0;i<2e8;i++){a=((a+i)^(a>>>3))|0;b=((b+i)^(b>>>5))|0;c=((c+i)^(c>>>7))|0;d=((d^i)+(d<<1))|0;e=((e^i)+(e<<2))|0;f=((f^i)+(f>>>9))|0}console.log(performance.now()-t,a^b^c^d^e^f)})()`;
  const run = (kind: 'memory' | 'compute', copies: number) => {
    const script = Array.from({ length: copies }, () => `node -e '${loop(kind)}' &`).join(' ') + ' wait';
    const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' });
    // Two at once are done when the slower is: on this VM one copy is often held back more than the other.
    return Math.max(...out.trim().split('\n').map((l) => Number(l.split(' ')[0])));
  };
  const result: Record<string, number> = {};
  for (const kind of ['memory', 'compute'] as const) {
    const one = median(Array.from({ length: 3 }, () => run(kind, 1)));
    const two = median(Array.from({ length: 3 }, () => run(kind, 2)));
    result[`${kind}LoopMsAlone`] = Math.round(one);
    result[`${kind}LoopMsTwoAtOnce`] = Math.round(two);
    result[`${kind}LoopSlowdownTwoAtOnce`] = Math.round((two / one) * 100) / 100;
  }
  return result;
}

/** The CLI batch: 200 article files of 4 000 characters cut from the simplified corpus. */
function writeBatchFiles(simplified: string): string {
  const batchDir = join(tmpdir(), 'bench-cli-files');
  rmSync(batchDir, { recursive: true, force: true });
  mkdirSync(batchDir, { recursive: true });
  for (let i = 0; i < 200; i++) writeFileSync(join(batchDir, `a${i}.txt`), simplified.slice(i * 4000, i * 4000 + 4000));
  return batchDir;
}

/**
 * The same comparison on a batch ten times as large (2000 files: each of the 200 ten times, as
 * links), as users annotate thousands of files: start-up and V8's warm-up compilation are paid
 * once per thread, so the second thread's share of the work grows with the batch.
 */
function cliLargeBatch(dir: string): Record<string, number> {
  const largeDir = `${dir}-large`;
  rmSync(largeDir, { recursive: true, force: true });
  mkdirSync(largeDir, { recursive: true });
  for (let copy = 0; copy < 10; copy++) {
    for (const f of readdirSync(dir)) symlinkSync(join(dir, f), join(largeDir, `${copy}-${f}`));
  }
  const files = readdirSync(largeDir).map((f) => join(largeDir, f));
  const runs = Math.min(RUNS, 3);
  const wall: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let i = 0; i < runs; i++) {
    for (const jobs of [1, 2] as const) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'annotate', ...files, '--jobs', String(jobs)], { maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
      wall[jobs].push(performance.now() - t0);
    }
  }
  const w1 = median(wall[1]);
  const w2 = median(wall[2]);
  return { files: files.length, runsPerMode: runs, wallMsSingle: Math.round(w1), wallMsParallel2: Math.round(w2), speedup: Math.round((w1 / w2) * 100) / 100 };
}

/** `BENCH_ONLY=cli`: just the CLI batch, 1 vs 2 jobs (bench-results/bench-cli.json; bench.json is left alone). */
function mainCliOnly(): void {
  const dir = writeBatchFiles(buildCorpus(new OpenccConverter()).simplified);
  const cli = { ...cliBatch(dir), large: cliLargeBatch(dir), machine: machineScaling() };
  console.log(JSON.stringify(cli, null, 2));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bench-cli.json'), JSON.stringify({ date: new Date().toISOString(), cli }, null, 2));
}

/** The idle probe's longest gap over the 5 MB test's measured phases (see perf.test.ts), as text. */
function probeStall(perf5MB: { machineProbeByPhase?: Record<string, { longestGap: { ms: number } | null }> } | undefined): string {
  const phases = perf5MB?.machineProbeByPhase;
  if (!phases) return 'not measured';
  // The probe records only gaps over 20 ms.
  const longest = Math.max(...['firstAnalysis', 'scroll', 'edit'].map((p) => phases[p]?.longestGap?.ms ?? 0));
  return longest > 0 ? `${longest} ms` : 'under 20 ms';
}

function mb(bytes: number): number {
  return Math.round((bytes / 1048576) * 10) / 10;
}

/** The targets, each with the measured value (met is null when not measured in this run, or for an informational row). */
function checkTargets(r: {
  stages: Array<{ stage: string; corpus: string; ms: number }>;
  peers: Record<string, unknown>;
  cli: Record<string, unknown>;
  memoryMB: { afterLoad: { rss: number } };
  editor: unknown;
}): Array<{ target: string; measured: string; met: boolean | null }> {
  const ms = (stage: string) => r.stages.find((x) => x.stage === stage && x.corpus === 'simplified')?.ms ?? NaN;
  const num = (v: unknown) => (typeof v === 'number' ? v : NaN);
  const ed = (typeof r.editor === 'object' && r.editor ? r.editor : {}) as Record<string, any>;
  const row = (target: string, value: number, ok: (v: number) => boolean, unit = '') => ({
    target,
    measured: Number.isFinite(value) ? `${Math.round(value * 100) / 100}${unit}` : 'not measured',
    met: Number.isFinite(value) ? ok(value) : null,
  });
  return [
    row('full annotate >= 0.5x raw nodejieba.tag throughput (timed in the same rounds)', num(r.peers.annotateVsRawTag), (v) => v >= 0.5, 'x'),
    // The same from the stage table's separate medians (informational: minutes apart, so machine drift is in it).
    { target: 'full annotate vs raw nodejieba.tag, stage table medians', measured: `${Math.round((ms('nodejieba.tag (raw)') / ms('annotate (full)')) * 100) / 100}x`, met: null },
    row('full annotate >= 10x jieba.posseg (Python)', num(r.peers.annotateVsPythonPosseg), (v) => v >= 10, 'x'),
    // The floor itself against the same peer: where it is under 10x, meeting the row above means
    // annotating faster than raw nodejieba.tag (informational).
    { target: 'raw nodejieba.tag vs jieba.posseg (Python)', measured: `${num(r.peers.rawTagVsPythonPosseg)}x`, met: null },
    row('opencc-js s2twp no slower than opencc CLI (1 MB)', num(r.peers.openccJs_s2twp_ms) / num(r.peers.openccCli_s2twp_ms), (v) => v <= 1, 'x CLI time'),
    row('activate() < 50 ms', num(ed.perf_activationMs ?? ed.activationMs), (v) => v < 50, ' ms'),
    row('re-analysis after an edit, 10 000 chars < 30 ms', num(ed.perf_reanalysis10kMs?.p50), (v) => v < 30, ' ms'),
    // Our hover provider in the extension host; executeHoverProvider adds the browser workbench's
    // round trips (code-server), which a desktop editor does not have: reported beside it.
    row('hover p99 < 5 ms (provider, extension host)', num(ed.perf_hoverProviderMs?.p99), (v) => v < 5, ' ms'),
    { target: 'hover p99 via vscode.executeHoverProvider (incl. workbench round trips)', measured: Number.isFinite(num(ed.perf_hoverMs?.p99)) ? `${ed.perf_hoverMs.p99} ms` : 'not measured', met: null },
    row('a 5 MB article blocks the extension host < 50 ms at a time', num(ed.perf_5MB?.extensionHostLongestBlockMs ?? ed.perf_1MB?.extensionHostLongestBlockMs), (v) => v < 50, ' ms'),
    // The same, as the main thread's own running time between two ticks: the gap above also holds
    // the time it waited for a core while other processes (the browser workbench, the server) ran.
    {
      target: '5 MB article: longest the extension host main thread ran between two 5 ms ticks (its own work)',
      measured: Number.isFinite(num(ed.perf_5MB?.extensionHostLongestMainRunMs)) ? `${ed.perf_5MB.extensionHostLongestMainRunMs} ms` : 'not measured',
      met: null,
    },
    // An idle process beside the extension host in the same phases: the machine's own stalls (informational).
    { target: '5 MB article: longest stall of an idle probe process in the same phases', measured: probeStall(ed.perf_5MB), met: null },
    row('parallel CLI >= 1.7x single (2 jobs, whole process incl. start-up)', num(r.cli.speedup), (v) => v >= 1.7, 'x'),
    // The same on 2000 files, where start-up and warm-up weigh less (informational).
    { target: 'parallel CLI on 2000 files (2 jobs vs 1)', measured: `${num((r.cli.large as Record<string, unknown> | undefined)?.speedup)}x`, met: null },
    // What the row above could reach with no threads and no shared state (informational).
    { target: 'machine: two single-job CLI processes on half the files each, at once, vs one on all', measured: `${num(r.cli.twoProcessesSpeedup)}x`, met: null },
    // Why it falls short: how many cores the single-job process already keeps busy (informational).
    { target: 'machine: cores a single-job CLI run keeps busy (CPU time / wall time), 2 jobs', measured: `${num(r.cli.coresUsedSingle)} (2 jobs: ${num(r.cli.coresUsedParallel2)})`, met: null },
    // Why the row above can fall short: the same memory-bound loop run twice at once (informational).
    { target: 'machine: 16 MB random-access loop, 2 copies at once vs alone', measured: `${num((r.cli.machine as Record<string, unknown> | undefined)?.memoryLoopSlowdownTwoAtOnce)}x slower (compute loop ${num((r.cli.machine as Record<string, unknown> | undefined)?.computeLoopSlowdownTwoAtOnce)}x)`, met: null },
    row('RSS < 300 MB with the dictionary loaded', r.memoryMB.afterLoad.rss, (v) => v < 300, ' MB'),
  ];
}

function main(): void {
  ensurePeers();
  const nodejieba = require('nodejieba');
  const memStart = process.memoryUsage();
  const dataDir = findDataDir(root);
  const loadMs = time(() => JiebaSegmenter.load({ dataDir })).ms;
  const segmenter = JiebaSegmenter.load({ dataDir });
  const converter = new OpenccConverter();
  const resources = { dataDir, userTerms: [] };
  // Everything an analysis loads lazily (conversion tables, tagger model, gazetteer, event lexicon) counts as loaded.
  analyzeArticle('2020年1月1日，國務院總理李強在北京會見美國國務卿。', { segmenter, converter, resources });
  const memLoaded = process.memoryUsage();
  const { simplified, traditionalGlossed } = buildCorpus(converter);
  const rows: Array<{ stage: string; corpus: string; ms: number; charsPerSec: number; ratioToTag?: number }> = [];
  const add = (stage: string, corpus: string, text: string, ms: number, tagMs?: number) => {
    console.error(`bench: ${stage} (${corpus}) ${Math.round(ms)} ms`);
    rows.push({ stage, corpus, ms: Math.round(ms), charsPerSec: Math.round(text.length / (ms / 1000)), ratioToTag: tagMs ? Math.round((tagMs / ms) * 100) / 100 : undefined });
  };

  // A fresh segmenter per run (nodejieba stays loaded): its per-line cache must not turn runs 2..n into cache hits.
  const freshSegmenter = () => JiebaSegmenter.load({ dataDir });
  for (const [name, text] of [['simplified', simplified], ['traditional+glosses', traditionalGlossed]] as const) {
    const rawCut = medianMs(() => nodejieba.cut(text));
    const rawTag = medianMs(() => nodejieba.tag(text));
    // The floor stays the stock API (strings and {word, tag} objects); tagSpans is the patched build's typed-array call we use.
    add('nodejieba.cut (raw)', name, text, rawCut, rawTag);
    add('nodejieba.tag (raw)', name, text, rawTag, rawTag);
    if (segmenter.usesTagSpans) add('nodejieba.tagSpans (raw, patched)', name, text, medianMs(() => nodejieba.tagSpans(text)), rawTag);
    const norm = normalize(text);
    add('normalise', name, text, medianMs(() => normalize(text)), rawTag);
    const conv = converter.toSimplified(norm.text);
    add('convert t2s', name, text, medianMs(() => converter.toSimplified(norm.text)), rawTag);
    const tokens = segmenter.tag(conv.text);
    add('segment', name, text, medianMs(() => freshSegmenter().tag(conv.text)), rawTag);
    add('segment (stock tag() + alignment)', name, text, medianMs(() => JiebaSegmenter.load({ dataDir, stockTagging: true }).tag(conv.text)), rawTag);
    const input: RecognizerInput = { text: conv.text, tokens, skip: [], articleDate: detectArticleDate(conv.text) };
    // Recognition and events as the pipeline runs them: paragraph by paragraph, events in blocks.
    const entities = recognizeByParagraph(input, resources);
    add('recognise', name, text, medianMs(() => recognizeByParagraph(input, resources)), rawTag);
    const events = () => eventBlocks(input.text).flatMap((b) => extractInBlock(input, entities, b, (i, m) => extractEvents(i, m, { dataDir })));
    add('extract events', name, text, medianMs(events), rawTag);
    add('annotate (full)', name, text, medianMs(() => analyzeArticle(text, { segmenter: freshSegmenter(), converter, resources })), rawTag);
    // What the native tagger buys: the same, with the tagger's per-character loop in JavaScript.
    const ner = loadNerData(dataDir);
    if (name === 'simplified' && ner.taggerEngine.native && ner.tagger) {
      const tagger = ner.tagger, binding = tagger.nativeBinding();
      tagger.useNative(null);
      try {
        add('annotate (full, tagger in JavaScript)', name, text, medianMs(() => analyzeArticle(text, { segmenter: freshSegmenter(), converter, resources })), rawTag);
      } finally {
        tagger.useNative(binding);
      }
    } else if (!ner.taggerEngine.native) console.warn(`bench: the native tagger is not in use (${ner.taggerEngine.problem}); annotate runs the JavaScript tagger`);
  }
  const memAnnotated = process.memoryUsage();

  // opencc-js against Debian's opencc CLI, s2twp on the same 1 MB.
  const corpusFile = join(tmpdir(), 'bench-corpus-simplified.txt');
  writeFileSync(corpusFile, simplified);
  const openccJsMs = medianMs(() => converter.toTraditional(simplified, 'twp'));
  const openccCliMs = openccCli(corpusFile);
  const peers: Record<string, unknown> = { openccJs_s2twp_ms: Math.round(openccJsMs), openccCli_s2twp_ms: openccCliMs === undefined ? 'opencc CLI not found (apt-get install opencc)' : Math.round(openccCliMs) };
  // The throughput targets: raw nodejieba.tag, our full annotate and jieba.posseg timed in the same
  // rounds (see pairedRounds); the stage table above has each alone.
  const py = python();
  const loads: number[] = [];
  const contenders: Record<string, () => number> = {
    tag: () => time(() => nodejieba.tag(simplified)).ms,
    annotate: () => time(() => analyzeArticle(simplified, { segmenter: freshSegmenter(), converter, resources })).ms,
  };
  if (py) {
    contenders.posseg = () => {
      const pj = pythonJieba(py, corpusFile, 1);
      loads.push(pj.loadMs);
      return pj.medianMs;
    };
  }
  const paired = pairedRounds(contenders, RUNS);
  peers.pairedRounds = RUNS;
  peers.pairedTag_ms = paired.ms.tag;
  peers.pairedAnnotate_ms = paired.ms.annotate;
  peers.annotateVsRawTag = paired.ratio('tag', 'annotate');
  if (py) {
    peers.pythonJiebaPosseg_ms = paired.ms.posseg;
    peers.pythonJiebaLoad_ms = Math.round(median(loads));
    peers.annotateVsPythonPosseg = paired.ratio('posseg', 'annotate');
    peers.rawTagVsPythonPosseg = paired.ratio('posseg', 'tag');
  } else peers.pythonJiebaPosseg_ms = 'python3-jieba not found (apt-get install python3-jieba)';

  const dir = writeBatchFiles(simplified);
  const cli = { ...cliBatch(dir), large: cliLargeBatch(dir), machine: machineScaling() };

  const metricsFile = join(root, 'test-results', 'integration-metrics.json');
  const editor = existsSync(metricsFile) ? JSON.parse(readFileSync(metricsFile, 'utf8')) : 'run npm run test:integration first';
  const result = {
    date: new Date().toISOString(),
    runs: RUNS,
    corpusChars: { simplified: simplified.length, traditionalGlossed: traditionalGlossed.length },
    dictionaryLoadMs: Math.round(loadMs),
    nodejiebaPatched: segmenter.usesTagSpans,
    stages: rows,
    peers,
    cli,
    memoryMB: {
      start: { rss: mb(memStart.rss), heap: mb(memStart.heapUsed) },
      afterLoad: { rss: mb(memLoaded.rss), heap: mb(memLoaded.heapUsed) },
      afterAnnotate: { rss: mb(memAnnotated.rss), heap: mb(memAnnotated.heapUsed) },
    },
    editor,
  };
  const targets = checkTargets(result);
  (result as Record<string, unknown>).targets = targets;
  console.table(rows);
  console.table(targets);
  console.log(JSON.stringify({ ...result, stages: undefined }, null, 2));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'bench.json'), JSON.stringify(result, null, 2));
  console.log(`written ${join(outDir, 'bench.json')}`);
}

if (process.env.BENCH_ONLY === 'cli') mainCliOnly();
else main();
