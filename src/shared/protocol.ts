/**
 * Messages between the extension client and the analysis language server.
 * Both sides import this file; it must stay free of `vscode` and of nodejieba.
 */
import type { ArticleAnalysis } from '../core/types';

/** Client → server request: the cached analysis of an open document (waits for a pending one). */
export const AnalysisRequestMethod = 'policyAnnotator/analysis';
export interface AnalysisParams {
  uri: string;
}
export interface AnalysisResult {
  uri: string;
  version: number;
  analysis: ArticleAnalysis;
  /** Set when analysis was skipped (too large, binary…): the reason, localised by the client. */
  skipped?: { reason: 'tooLarge' | 'binary' | 'disabled'; detail?: string };
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
