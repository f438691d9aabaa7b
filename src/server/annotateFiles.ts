/** The `policyAnnotator/annotateFiles` request: reads files from disk and analyses them in order. */
import type { CancellationToken } from 'vscode-languageserver/node';
import { basename } from 'node:path';
import { readUtf8File } from '../core/dictionaries';
import { analyzeArticle } from '../core/analyze';
import type { AnnotateFilesParams, AnnotateFilesResult } from '../shared/protocol';
import type { AnalysisEngine } from './engine';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function annotateFiles(
  params: AnnotateFilesParams,
  engine: AnalysisEngine,
  /** The size limit (characters, 0 = none) that applies to a file: a resource setting. */
  maxFileSizeFor: (path: string) => number | Promise<number>,
  token?: CancellationToken,
): Promise<AnnotateFilesResult> {
  await engine.load();
  const results: AnnotateFilesResult['results'] = [];
  const paths = Array.isArray(params?.paths) ? params.paths : [];
  for (const path of paths) {
    // Let a $/cancelRequest in; a cancelled request returns the files done so far.
    await yieldToEventLoop();
    if (token?.isCancellationRequested) break;
    if (typeof path !== 'string') {
      results.push({ path: String(path), error: 'not a file path' });
      continue;
    }
    const maxFileSize = await maxFileSizeFor(path);
    // UTF-8 Chinese is 3 bytes a character: the character limit bounds the bytes read.
    const read = readUtf8File(path, { allowEmpty: true, maxBytes: maxFileSize > 0 ? maxFileSize * 4 : undefined });
    if ('error' in read) {
      results.push({ path, error: read.error });
      continue;
    }
    if (maxFileSize > 0 && read.text.length > maxFileSize) {
      results.push({ path, error: `file is too large (${read.text.length} characters, limit ${maxFileSize})` });
      continue;
    }
    try {
      results.push({ path, analysis: analyzeArticle(read.text, engine.deps(), { fileName: basename(path) }) });
    } catch (err) {
      results.push({ path, error: `analysis failed: ${(err as Error).message}` });
    }
  }
  return { results };
}
