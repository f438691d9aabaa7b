/**
 * Command line: `annotate` files to JSON / brat / CoNLL, and `eval-ner` against a BIO file.
 * Inputs are only read, never written. Errors: one line on stderr, non-zero exit.
 */
import { basename } from 'node:path';
import { cpus } from 'node:os';
import { findDataDir } from '../core/resources';
import { parseBio, scoreNer } from '../core/nerEval';
import { readInput } from './inputFiles';
import { analyzeAll, type AnalysisOutcome } from './pool';
import { OrderedOutput, type OutputSpec } from './outputBlocks';
import pkg from '../../package.json';

const HELP = `Chinese Policy Annotator ${pkg.version}

Usage:
  node dist/cli.js annotate FILE... [--format json|brat|conll] [--jobs N]
  node dist/cli.js eval-ner --bio FILE [--jobs N]
  node dist/cli.js --help | --version

annotate   Annotates UTF-8 text files and prints the result on stdout.
           json (default): one object per file: a single object for one FILE,
             a JSON array of objects (in argument order) for several FILEs.
             Offsets are UTF-16 offsets of the original text.
           brat: brat standoff (.ann) with code-point offsets.
           conll: character BIO (char<TAB>B-type|I-type|O), blank line between sentences.
           With several FILEs, brat and conll output is preceded by "==> FILE <==" per file.
eval-ner   Scores person/place/organization against a character BIO file (PER/LOC/ORG):
           per-type lines, then last "P=0.xxx R=0.xxx F1=0.xxx". One character per
           line, its tag in the last column (BIO, BIOES or BMES; MSRA's NR/NS/NT too).
--jobs N   Analyse on N threads: this one and N-1 workers, which share the loaded
           dictionaries (default 1).

Unusable inputs (missing, unreadable, directory, binary, not UTF-8) are reported on stderr,
one line each; the other files are still annotated and the exit code is 1.
Exit codes: 0 ok, 1 some input unusable, 2 usage error.`;

class UsageError extends Error {}

interface Options {
  command: string;
  files: string[];
  format: 'json' | 'brat' | 'conll';
  jobs: number;
  bio?: string;
}

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version') || argv.includes('-v')) return 'version';
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('no command given (try --help)');
  const opts: Options = { command, files: [], format: 'json', jobs: 1 };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (name: string) => {
      const eq = arg.indexOf('=');
      if (eq >= 0) return arg.slice(eq + 1);
      const v = rest[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'json' && f !== 'brat' && f !== 'conll') throw new UsageError(`unknown format "${f}" (json, brat or conll)`);
      opts.format = f;
    } else if (arg === '--jobs' || arg.startsWith('--jobs=') || arg === '-j') {
      const n = Number(value('--jobs'));
      if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs needs a positive integer');
      opts.jobs = Math.min(n, Math.max(1, cpus().length * 2));
    } else if (arg === '--bio' || arg.startsWith('--bio=')) {
      opts.bio = value('--bio');
    } else if (arg === '--') {
      opts.files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      opts.files.push(arg);
    }
  }
  return opts;
}

const warn = (msg: string) => process.stderr.write(`${msg}\n`);

function dataDir(): string {
  return findDataDir(__dirname);
}

async function annotate(opts: Options): Promise<number> {
  if (opts.files.length === 0) throw new UsageError('annotate needs at least one FILE');
  const inputs = opts.files.map(readInput);
  let failed = false;
  for (const input of inputs) {
    if ('error' in input) {
      warn(`error: ${input.path}: ${input.error}`);
      failed = true;
    }
  }
  const good = inputs.filter((i): i is { path: string; text: string } => 'text' in i);
  // Each file's output is written as soon as it and every file before it are done, so thousands
  // of files never sit in memory at once (nor in one output string, which has a length limit).
  const spec: OutputSpec = { format: opts.format, severalFiles: opts.files.length > 1 };
  const output = new OrderedOutput(spec, (text) => process.stdout.write(text));
  const inOrder = new InOrder<AnalysisOutcome>((i, outcome) => {
    if ('error' in outcome) {
      warn(`error: ${good[i].path}: ${outcome.error}`);
      failed = true;
    } else if ('block' in outcome) output.add(outcome.block);
  });
  await analyzeAll(
    good.map((g) => ({ text: g.text, fileName: basename(g.path), path: g.path })),
    { jobs: opts.jobs, dataDir: dataDir(), warn, output: spec, onResult: (i, outcome) => inOrder.add(i, outcome) },
  );
  await writeStdout(output.closing);
  return failed ? 1 : 0;
}

/** Hands items to `emit` in index order (0, 1, 2, …) whatever order they arrive in. */
class InOrder<T> {
  private next = 0;
  private readonly waiting = new Map<number, T>();
  constructor(private readonly emit: (index: number, item: T) => void) {}
  add(index: number, item: T): void {
    this.waiting.set(index, item);
    while (this.waiting.has(this.next)) {
      const ready = this.waiting.get(this.next) as T;
      this.waiting.delete(this.next);
      this.emit(this.next++, ready);
    }
  }
}

async function evalNer(opts: Options): Promise<number> {
  const path = opts.bio ?? opts.files[0];
  if (!path) throw new UsageError('eval-ner needs --bio FILE');
  const input = readInput(path);
  if ('error' in input) {
    warn(`error: ${path}: ${input.error}`);
    return 1;
  }
  const sentences = parseBio(input.text);
  if (sentences.length === 0) {
    warn(`error: ${path}: no BIO sentences found`);
    return 1;
  }
  // People's Daily conventions: the BIO file tags the places and organisations inside title phrases.
  const outcomes = await analyzeAll(sentences.map((s) => ({ text: s.text, conventions: 'bio' as const })), { jobs: opts.jobs, dataDir: dataDir(), warn });
  const predicted = outcomes.map((o) => ('analysis' in o ? o.analysis.entities : []));
  const score = scoreNer(sentences.map((s) => s.spans), predicted);
  const f = (n: number) => n.toFixed(3);
  const lines: string[] = [`sentences=${sentences.length}`];
  for (const type of ['PER', 'LOC', 'ORG']) {
    const s = score.perType[type];
    if (s) lines.push(`${type} P=${f(s.p)} R=${f(s.r)} F1=${f(s.f1)} tp=${s.tp} fp=${s.fp} fn=${s.fn}`);
  }
  const o = score.overall;
  lines.push(`P=${f(o.p)} R=${f(o.r)} F1=${f(o.f1)}`);
  await writeStdout(lines.join('\n') + '\n');
  return 0;
}

function writeStdout(text: string): Promise<void> {
  return new Promise((resolve) => (text ? process.stdout.write(text, () => resolve()) : resolve()));
}

async function main(argv: string[]): Promise<number> {
  const opts = parseArgs(argv);
  if (opts === 'help') {
    await writeStdout(HELP + '\n');
    return 0;
  }
  if (opts === 'version') {
    await writeStdout(`${pkg.version}\n`);
    return 0;
  }
  switch (opts.command) {
    case 'annotate':
      return annotate(opts);
    case 'eval-ner':
      return evalNer(opts);
    default:
      throw new UsageError(`unknown command "${opts.command}" (annotate or eval-ner; try --help)`);
  }
}

// The reader went away (`… | head`): stop quietly, as Unix tools do, instead of an EPIPE stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      warn(`error: ${err.message}`);
      process.exitCode = 2;
    } else {
      warn(`error: ${(err as Error).message ?? String(err)}`);
      process.exitCode = 1;
    }
  },
);
