/**
 * CLI worker thread: loads its own segmenter (nodejieba keeps one instance per thread) and
 * analyses the texts the main thread sends, answering in the order asked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle, type AnalyzeOptions } from '../core/analyze';
import { createDeps } from './analyzerSetup';

export interface WorkerTask {
  id: number;
  text: string;
  fileName?: string;
  conventions?: AnalyzeOptions['conventions'];
}
export type WorkerReply = { id: number; analysis: import('../core/types').ArticleAnalysis } | { id: number; error: string };

if (parentPort) {
  const port = parentPort;
  const { dataDir } = (workerData ?? {}) as { dataDir?: string };
  const deps = createDeps(dataDir, (msg) => port.postMessage({ id: -1, error: msg } satisfies WorkerReply));
  port.on('message', (task: WorkerTask) => {
    try {
      port.postMessage({ id: task.id, analysis: analyzeArticle(task.text, deps, { fileName: task.fileName, conventions: task.conventions }) } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ id: task.id, error: (err as Error).message } satisfies WorkerReply);
    }
  });
}
