/**
 * Analyses texts in-process (jobs = 1) or on the main thread plus jobs - 1 worker threads, results
 * in input order. The main thread works too (2 jobs = 2 isolates, not 3), and the patched
 * nodejieba shares its dictionaries between threads, so a worker costs no second dictionary load.
 * Each worker keeps PREFETCH tasks queued so it never waits for the main thread, which only hands
 * out work between its own tasks. Tasks held by a worker that fails are redone on the main thread.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { analyzeArticle, type AnalyzeOptions, type AnalyzerDeps } from '../core/analyze';
import type { ArticleAnalysis } from '../core/types';
import { createDeps } from './analyzerSetup';
import type { WorkerReply, WorkerTask } from './worker';

export type AnalysisOutcome = { analysis: ArticleAnalysis } | { error: string };
type Task = { text: string } & AnalyzeOptions;

/** Tasks queued per worker: enough that it never waits while the main thread runs a task of its own. */
const PREFETCH = 4;

function analyzeOne(task: Task, deps: AnalyzerDeps): AnalysisOutcome {
  try {
    return { analysis: analyzeArticle(task.text, deps, { fileName: task.fileName, conventions: task.conventions }) };
  } catch (err) {
    return { error: `analysis failed: ${(err as Error).message}` };
  }
}

/** Lets queued worker messages run between two tasks of the main thread. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function analyzeAll(
  tasks: ReadonlyArray<Task>,
  opts: { jobs: number; dataDir: string; warn: (msg: string) => void },
): Promise<AnalysisOutcome[]> {
  if (tasks.length === 0) return [];
  const jobs = Math.max(1, Math.min(opts.jobs, tasks.length));
  const results: AnalysisOutcome[] = new Array(tasks.length);
  let next = 0;
  const orphaned: number[] = [];
  // Every thread reports the same load problems: say each once.
  const said = new Set<string>();
  const warnOnce = (msg: string) => {
    if (!said.has(msg)) opts.warn(msg);
    said.add(msg);
  };

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(join(__dirname, 'worker.js'), { workerData: { dataDir: opts.dataDir } });
      const pending = new Set<number>();
      let stopping = false;
      const finish = () => {
        if (stopping) return;
        stopping = true;
        void worker.terminate().then(() => resolve());
      };
      const feed = () => {
        while (pending.size < PREFETCH && next < tasks.length) {
          const id = next++;
          pending.add(id);
          worker.postMessage({ id, ...tasks[id] } satisfies WorkerTask);
        }
        if (pending.size === 0) finish();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.id === -1) {
          if ('error' in reply) warnOnce(reply.error);
          return;
        }
        pending.delete(reply.id);
        results[reply.id] = 'analysis' in reply ? { analysis: reply.analysis } : { error: `analysis failed: ${reply.error}` };
        feed();
      });
      worker.on('error', (err) => {
        // The main thread analyses what the worker held; the error is said once.
        warnOnce(`warning: a worker thread failed (${err.message}); continuing on the main thread`);
        orphaned.push(...pending);
        pending.clear();
        resolve();
      });
      worker.on('exit', () => {
        orphaned.push(...pending);
        pending.clear();
        resolve();
      });
      feed();
    });

  const workers = Array.from({ length: jobs - 1 }, runWorker);
  // The main thread takes tasks from the same queue while the workers load and run.
  const deps = createDeps(opts.dataDir, warnOnce);
  while (next < tasks.length) {
    const id = next++;
    results[id] = analyzeOne(tasks[id], deps);
    if (workers.length) await yieldToEvents();
  }
  await Promise.all(workers);
  for (const id of orphaned) results[id] ??= analyzeOne(tasks[id], deps);
  // Safety net: every task has an outcome.
  for (let i = 0; i < tasks.length; i++) results[i] ??= { error: 'not analysed (worker stopped)' };
  return results;
}
