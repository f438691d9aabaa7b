/**
 * CLI worker thread: warms up its own tables, takes the segmenter over the dictionary the main
 * thread has built (the patched nodejieba shares it per process), then claims tasks from the
 * shared queue until it is empty, posting each analysis, or its output block, with its time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { analyzeArticle, type AnalyzeOptions } from '../core/analyze';
import type { ArticleAnalysis } from '../core/types';
import { createDeps } from './analyzerSetup';
import { SharedTaskQueue } from './taskQueue';
import { outputBlock, type OutputSpec } from './outputBlocks';

export interface WorkerTask {
  text: string;
  path?: string;
  fileName?: string;
  conventions?: AnalyzeOptions['conventions'];
}
export interface WorkerInput {
  dataDir: string;
  tasks: WorkerTask[];
  queue: SharedArrayBuffer;
  /** Post each file's output block instead of its analysis (see outputBlocks). */
  output?: OutputSpec;
}
/** id -1: a load warning; id -2: the queue is empty, this worker is done. `at`/`ms`: when the analysis began (epoch ms) and how long it took. */
export type WorkerReply =
  | { id: number; analysis: ArticleAnalysis; at: number; ms: number }
  | { id: number; block: string; at: number; ms: number }
  | { id: number; error: string; at?: number; ms?: number }
  | { id: -2 };

if (parentPort) {
  const port = parentPort;
  const { dataDir, tasks, queue, output } = workerData as WorkerInput;
  void (async () => {
    const deps = await createDeps(dataDir, (msg) => port.postMessage({ id: -1, error: msg } satisfies WorkerReply), { warmUpFirst: true });
    const claims = new SharedTaskQueue(queue);
    for (let id = claims.claim(); id >= 0; id = claims.claim()) {
      const task = tasks[id];
      const t0 = performance.now();
      try {
        const analysis = analyzeArticle(task.text, deps, { fileName: task.fileName, conventions: task.conventions });
        const at = performance.timeOrigin + t0;
        if (output) {
          const block = outputBlock(output, task.path ?? '', task.text, analysis);
          port.postMessage({ id, block, at, ms: performance.now() - t0 } satisfies WorkerReply);
        } else {
          port.postMessage({ id, analysis, at, ms: performance.now() - t0 } satisfies WorkerReply);
        }
      } catch (err) {
        port.postMessage({ id, error: (err as Error).message, at: performance.timeOrigin + t0, ms: performance.now() - t0 } satisfies WorkerReply);
      }
    }
    port.postMessage({ id: -2 } satisfies WorkerReply);
  })();
}
