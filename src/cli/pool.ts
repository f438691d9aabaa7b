/** Analyses texts in-process (jobs = 1) or on N worker threads, results in input order. */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { analyzeArticle, type AnalyzeOptions } from '../core/analyze';
import type { ArticleAnalysis } from '../core/types';
import { createDeps } from './analyzerSetup';
import type { WorkerReply, WorkerTask } from './worker';

export type AnalysisOutcome = { analysis: ArticleAnalysis } | { error: string };

export async function analyzeAll(
  tasks: ReadonlyArray<{ text: string } & AnalyzeOptions>,
  opts: { jobs: number; dataDir: string; warn: (msg: string) => void },
): Promise<AnalysisOutcome[]> {
  if (tasks.length === 0) return [];
  const jobs = Math.max(1, Math.min(opts.jobs, tasks.length));
  if (jobs <= 1) {
    const deps = createDeps(opts.dataDir, opts.warn);
    return tasks.map((t) => {
      try {
        return { analysis: analyzeArticle(t.text, deps, { fileName: t.fileName, conventions: t.conventions }) };
      } catch (err) {
        return { error: `analysis failed: ${(err as Error).message}` };
      }
    });
  }
  const results: AnalysisOutcome[] = new Array(tasks.length);
  let next = 0;
  let warned = false;
  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(join(__dirname, 'worker.js'), { workerData: { dataDir: opts.dataDir } });
      let current = -1;
      const feed = () => {
        if (next >= tasks.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ id: current, ...tasks[current] } satisfies WorkerTask);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.id === -1) {
          if (!warned && 'error' in reply) opts.warn(reply.error);
          warned = true;
          return;
        }
        results[reply.id] = 'analysis' in reply ? { analysis: reply.analysis } : { error: `analysis failed: ${reply.error}` };
        feed();
      });
      worker.on('error', (err) => {
        if (current >= 0 && !results[current]) results[current] = { error: `worker failed: ${err.message}` };
        resolve();
      });
      worker.on('exit', () => resolve());
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, runWorker));
  // Tasks left by a crashed worker.
  for (let i = 0; i < tasks.length; i++) results[i] ??= { error: 'not analysed (worker stopped)' };
  return results;
}
