import * as vscode from 'vscode';
import type { ArticleAnalysis } from '../core/types';
import type { AnalysisStore } from './analysisStore';
import { LANGUAGE_ID } from './constants';

/** One analysed article: an open document, or a file annotated by Annotate Workspace. */
export interface Article {
  uri: vscode.Uri;
  analysis: ArticleAnalysis;
  /** The text the offsets refer to (undefined if no longer available). */
  text(): string | undefined;
  /** Whether this article is open in the editor (its analysis follows edits). */
  open: boolean;
}

/**
 * Every analysed article the views and exports can show: open zh-policy documents (from the
 * server's live analyses) first, then workspace results not open in the editor.
 */
export class Articles implements vscode.Disposable {
  private readonly workspace = new Map<string, { uri: vscode.Uri; analysis: ArticleAnalysis; text: string }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: AnalysisStore) {
    this.subscription = store.onDidChange(() => this.changed.fire());
  }

  /** Stores Annotate Workspace results (text kept for sentences and exports). */
  setWorkspaceResults(results: ReadonlyArray<{ uri: vscode.Uri; analysis: ArticleAnalysis; text: string }>): void {
    for (const r of results) this.workspace.set(r.uri.toString(), r);
    this.changed.fire();
  }

  clearWorkspaceResults(): void {
    this.workspace.clear();
    this.changed.fire();
  }

  get workspaceCount(): number {
    return this.workspace.size;
  }

  /** The open article for `uri`, when it is analysed and its analysis matches the text. */
  openArticle(document: vscode.TextDocument): Article | undefined {
    const result = this.store.current(document);
    if (!result || result.skipped) return undefined;
    return { uri: document.uri, analysis: result.analysis, text: () => document.getText(), open: true };
  }

  find(uri: vscode.Uri | string): Article | undefined {
    const key = uri.toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc) {
      const open = this.openArticle(doc);
      if (open) return open;
    }
    const stored = this.workspace.get(key);
    return stored && { uri: stored.uri, analysis: stored.analysis, text: () => stored.text, open: false };
  }

  /** Active article first, then other open articles, then workspace-only results. */
  all(active?: vscode.Uri): Article[] {
    const out: Article[] = [];
    const seen = new Set<string>();
    const docs = vscode.workspace.textDocuments.filter((d) => d.languageId === LANGUAGE_ID);
    const activeKey = active?.toString();
    docs.sort((a, b) => Number(b.uri.toString() === activeKey) - Number(a.uri.toString() === activeKey));
    for (const doc of docs) {
      const article = this.openArticle(doc);
      if (!article) continue;
      out.push(article);
      seen.add(doc.uri.toString());
    }
    for (const [key, r] of this.workspace) {
      if (!seen.has(key)) out.push({ uri: r.uri, analysis: r.analysis, text: () => r.text, open: false });
    }
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
