/**
 * Messages between the extension client and the analysis language server.
 * Both sides import this file; it must stay free of `vscode` and of nodejieba.
 */
import type { ArticleAnalysis } from '../core/types';

/** Client → server request: the cached analysis of an open document (waits for a pending one). */
export const AnalysisRequestMethod = 'policyAnnotator/analysis';
export interface AnalysisParams {
  uri: string;
  /**
   * The caller keeps the analysisReady notifications: when the answer is exactly what the server
   * already notified (sent before this response, so already received), reply with an
   * AnalysisPublished reference instead of sending the whole analysis again.
   */
  acceptPublished?: boolean;
}
export interface AnalysisResult {
  uri: string;
  version: number;
  analysis: ArticleAnalysis;
  /** Set when analysis was skipped (too large, binary…): the reason, localised by the client. */
  skipped?: { reason: 'tooLarge' | 'binary' | 'disabled'; detail?: string };
  /** Server-side cost of this analysis (excluding debounce and transport). */
  timings?: { analysisMs: number };
}
/** Answer to an AnalysisRequest with `acceptPublished`: "the analysisReady for this version is the answer". */
export interface AnalysisPublished {
  uri: string;
  version: number;
  published: true;
}

/** Server → client notification: a new analysis is ready for `uri` at `version`. */
export const AnalysisReadyMethod = 'policyAnnotator/analysisReady';
export type AnalysisReadyParams = AnalysisResult;

/** Server → client notification: engine state, shown in the status bar. */
export const ServerStatusMethod = 'policyAnnotator/status';
export interface ServerStatusParams {
  state: 'loading' | 'ready' | 'degraded' | 'error';
  message?: string;
}

/** Client → server request: annotate files on disk (workspace annotation); results in order. */
export const AnnotateFilesRequestMethod = 'policyAnnotator/annotateFiles';
export interface AnnotateFilesParams {
  paths: string[];
}
export interface AnnotateFilesResult {
  results: Array<{ path: string; analysis?: ArticleAnalysis; error?: string }>;
}

/**
 * Client → server notification: the workspace dictionary (.policy-annotator/dictionary.tsv, already
 * parsed and validated) and ignore list changed; the server re-analyses open documents.
 */
export const DictionaryChangedMethod = 'policyAnnotator/dictionaryChanged';
export interface DictionaryChangedParams {
  terms: import('../core/engines').UserTerm[];
  ignored: string[];
}
