/**
 * Analyses texts in-process (jobs = 1) or on the main thread plus jobs - 1 worker threads, results
 * in input order. The main thread works too (2 jobs = 2 isolates, not 3), and the patched
 * nodejieba shares its dictionaries between threads, so a worker costs no second dictionary load:
 * every thread warms up its other tables while the dictionary is built on a libuv thread.
 * Every thread claims tasks from one SharedTaskQueue (longest text first); workers get all texts
 * up front and post each result when done. Tasks a failed worker left undone are redone on the
 * main thread. POLICY_CLI_TRACE=1 prints per-thread task counts and busy time on stderr.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeArticle, type AnalyzeOptions, type AnalyzerDeps } from '../core/analyze';
import type { ArticleAnalysis } from '../core/types';
import { createDeps } from './analyzerSetup';
import { SharedTaskQueue } from './taskQueue';
import { tuneV8ForJobs } from './jitBudget';
import { outputBlock, type OutputSpec } from './outputBlocks';
import type { WorkerInput, WorkerReply } from './worker';

/** An analysis, or with an output spec the file's output block (see outputBlocks), or why it failed. */
export type AnalysisOutcome = { analysis: ArticleAnalysis } | { block: string } | { error: string };
/** `path`: the file as named in the output (with an output spec). */
type Task = { text: string; path?: string } & AnalyzeOptions;

function analyzeOne(task: Task, deps: AnalyzerDeps, output: OutputSpec | undefined): AnalysisOutcome {
  try {
    const analysis = analyzeArticle(task.text, deps, { fileName: task.fileName, conventions: task.conventions });
    return output ? { block: outputBlock(output, task.path ?? '', task.text, analysis) } : { analysis };
  } catch (err) {
    return { error: `analysis failed: ${(err as Error).message}` };
  }
}

/** Lets queued worker results in between two tasks of the main thread. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Per-thread numbers for POLICY_CLI_TRACE, in ms since the process started. */
class ThreadTrace {
  tasks = 0;
  busyMs = 0;
  firstMs = Infinity;
  lastMs = 0;
  /** A task that began at `at` (epoch ms) and took `ms`. */
  record(at: number, ms: number): void {
    const start = at - performance.timeOrigin;
    this.tasks++;
    this.busyMs += ms;
    this.firstMs = Math.min(this.firstMs, start);
    this.lastMs = Math.max(this.lastMs, start + ms);
  }
  line(name: string): string {
    const r = Math.round;
    return `${name}: ${this.tasks} tasks, busy ${r(this.busyMs)} ms, from ${r(this.firstMs)} to ${r(this.lastMs)} ms`;
  }
}

/**
 * Analyses every task; each outcome goes to `onResult` as soon as it is done (any order), or, without
 * it, into the returned array (input order), which then holds every analysis at once.
 */
export async function analyzeAll(
  tasks: ReadonlyArray<Task>,
  opts: {
    jobs: number;
    dataDir: string;
    warn: (msg: string) => void;
    /** Format each file on the thread that analysed it: outcomes are blocks, not analyses. */
    output?: OutputSpec;
    onResult?: (index: number, outcome: AnalysisOutcome) => void;
  },
): Promise<AnalysisOutcome[]> {
  if (tasks.length === 0) return [];
  const jobs = Math.max(1, Math.min(opts.jobs, tasks.length));
  // Before any thread runs the analysis code (see jitBudget).
  tuneV8ForJobs(jobs);
  const results: AnalysisOutcome[] = new Array(tasks.length);
  const done = new Uint8Array(tasks.length);
  const settle = (id: number, outcome: AnalysisOutcome) => {
    done[id] = 1;
    if (opts.onResult) opts.onResult(id, outcome);
    else results[id] = outcome;
  };
  const queue = jobs > 1 ? SharedTaskQueue.longestFirst(tasks.map((t) => t.text.length)) : SharedTaskQueue.inOrder(tasks.length);
  const traces: ThreadTrace[] = [];
  // Every thread reports the same load problems: say each once.
  const said = new Set<string>();
  const warnOnce = (msg: string) => {
    if (!said.has(msg)) opts.warn(msg);
    said.add(msg);
  };

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const input: WorkerInput = {
        dataDir: opts.dataDir,
        tasks: tasks.map((t) => ({ text: t.text, fileName: t.fileName, conventions: t.conventions, path: t.path })),
        output: opts.output,
        queue: queue.buffer,
      };
      const worker = new Worker(join(__dirname, 'worker.js'), { workerData: input });
      const trace = new ThreadTrace();
      traces.push(trace);
      worker.on('message', (reply: WorkerReply) => {
        if (reply.id === -2) {
          void worker.terminate().then(() => resolve());
        } else if (reply.id === -1) {
          if ('error' in reply) warnOnce(reply.error);
        } else if ('analysis' in reply) {
          trace.record(reply.at, reply.ms);
          settle(reply.id, { analysis: reply.analysis });
        } else if ('block' in reply) {
          trace.record(reply.at, reply.ms);
          settle(reply.id, { block: reply.block });
        } else if ('error' in reply) {
          trace.record(reply.at ?? performance.timeOrigin + performance.now(), reply.ms ?? 0);
          settle(reply.id, { error: `analysis failed: ${reply.error}` });
        }
      });
      worker.on('error', (err) => {
        // The main thread analyses what the worker claimed and left undone; the error is said once.
        warnOnce(`warning: a worker thread failed (${err.message}); continuing on the main thread`);
        resolve();
      });
      worker.on('exit', () => resolve());
    });

  const workers = Array.from({ length: jobs - 1 }, runWorker);
  // The main thread has the shared dictionary built (on a libuv thread, while it and the workers
  // load their other tables), then claims tasks too.
  const deps = await createDeps(opts.dataDir, warnOnce, { preload: true, warmUpFirst: true });
  const mainTrace = new ThreadTrace();
  for (let id = queue.claim(); id >= 0; id = queue.claim()) {
    const t0 = performance.now();
    settle(id, analyzeOne(tasks[id], deps, opts.output));
    mainTrace.record(performance.timeOrigin + t0, performance.now() - t0);
    if (workers.length) await yieldToEvents();
  }
  await Promise.all(workers);
  // Tasks claimed by a worker that stopped before answering.
  for (let i = 0; i < tasks.length; i++) if (!done[i]) settle(i, analyzeOne(tasks[i], deps, opts.output));
  if (process.env.POLICY_CLI_TRACE) {
    opts.warn([mainTrace.line('main'), ...traces.map((t, i) => t.line(`worker ${i + 1}`))].join('\n'));
  }
  return results;
}
