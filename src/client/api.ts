/**
 * What `activate()` returns: a small API for the integration tests (and other extensions)
 * to observe real behaviour without reaching into internals.
 *
 *   const api = vscode.extensions.getExtension('zh-policy.zh-policy-annotator')!.exports as PolicyAnnotatorApi;
 *   await api.whenReady();                         // server initialised (starts it if needed)
 *   const analysis = await api.getAnalysis(doc.uri); // waits for the server's analysis of an open doc
 *   api.decorationCounts(editor).person            // underlines drawn per entity type
 *   api.eventTree.getChildren()                    // root nodes of the Events view
 */
import type * as vscode from 'vscode';
import type { ArticleAnalysis, EntityType } from '../core/types';
import type { AnalysisResult } from '../shared/protocol';
import type { EventTreeProvider } from './features/eventTree';
import type { EntityTreeProvider } from './features/entityTree';
import type { ServerState } from './features/languageClient';

export interface PolicyAnnotatorApi {
  /** Wall-clock duration of `activate()` in milliseconds. */
  readonly activationMs: number;
  /** Resolves when the language server has initialised; rejects if it cannot start. */
  whenReady(): Promise<void>;
  /** Analysis of an open zh-policy document for its current version (asks the server). */
  getAnalysis(uri: vscode.Uri): Promise<ArticleAnalysis | undefined>;
  /** The server's full answer for an open document, including why it was skipped (binary, too large). */
  getAnalysisResult(uri: vscode.Uri): Promise<AnalysisResult | undefined>;
  /** Ranges drawn per entity type in `editor` by the last decoration update. */
  decorationCounts(editor: vscode.TextEditor): Record<EntityType, number>;
  /** Server state as shown in the status bar. */
  serverState(): ServerState;
  /** Text of the status bar item. */
  statusBarText(): string;
  readonly eventTree: EventTreeProvider;
  /** The entity hover provider (answers from the client's mirror of the analyses). */
  readonly hovers: vscode.HoverProvider;
  readonly entityTree: EntityTreeProvider;
}
