/**
 * Messages between the extension client and the analysis language server.
 * Both sides import this file; it must stay free of `vscode` and of nodejieba.
 */
import type { ArticleAnalysis } from '../core/types';
import type { AnalysisListDeltas } from './analysisDelta';

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
  /**
   * The caller lost track of the updates (one did not fit what it has): answer with the whole
   * result, which later updates then build on.
   */
  resync?: boolean;
}
export interface AnalysisResult {
  uri: string;
  version: number;
  analysis: ArticleAnalysis;
  /** Set when analysis was skipped (too large, binary…): the reason, localised by the client. */
  skipped?: { reason: 'tooLarge' | 'binary' | 'disabled'; detail?: string };
  /** Server-side cost of this analysis (excluding debounce and transport). */
  timings?: { analysisMs: number };
  /** The analysisUpdate sequence number this result equals, when it is the one last published. */
  seq?: number;
  /** Traditional and pinyin forms of the entities (see EntityForms). */
  forms?: EntityForms;
}

/**
 * Forms a hover shows that need the server's converter and pinyin tables, per entity
 * `formsKey(type, canonical)`: [traditional, pinyin ('' for dates)].
 */
export type EntityForms = Record<string, [traditional: string, pinyin: string]>;

export function formsKey(type: string, canonical: string): string {
  return `${type}\u0001${canonical}`;
}
/** Answer to an AnalysisRequest with `acceptPublished`: "the analysisReady for this version is the answer". */
export interface AnalysisPublished {
  uri: string;
  version: number;
  /** Sequence number of the update that completed this result. */
  seq: number;
  published: true;
}

/**
 * Server → client notification: the analysis of `uri` at `version`, as list deltas against the
 * update `base` (0: the empty analysis; otherwise the `seq` of the previous update for this uri).
 * A large analysis comes as several updates of the same version, all but the last `partial`.
 * The client keeps the analysis it has and applies each update to it (see src/shared/analysisDelta.ts);
 * an update whose base it does not have is answered by asking for the whole result.
 */
export const AnalysisUpdateMethod = 'policyAnnotator/analysisUpdate';
export interface AnalysisUpdate {
  uri: string;
  version: number;
  seq: number;
  base: number;
  partial?: boolean;
  script: ArticleAnalysis['script'];
  date: ArticleAnalysis['date'];
  lists: AnalysisListDeltas;
  /** Forms of entities new since the base (merged into what the client has). */
  forms?: EntityForms;
  skipped?: AnalysisResult['skipped'];
  timings?: AnalysisResult['timings'];
}

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

/**
 * Client → server notifications: a large document opened. Sending its whole text in the didOpen
 * notification would block the extension host while it is serialised, so the client announces it
 * (LargeOpen), sends didOpen with an empty text, then the text in chunks (OpenChunk, in order);
 * the server analyses (and answers requests about) the document once the last chunk arrived.
 * Changes to the document follow the last chunk.
 */
export const LargeOpenMethod = 'policyAnnotator/largeOpen';
export interface LargeOpenParams {
  uri: string;
  version: number;
  chunks: number;
}
export const OpenChunkMethod = 'policyAnnotator/openChunk';
export interface OpenChunkParams {
  uri: string;
  index: number;
  text: string;
}
