import * as vscode from 'vscode';
import type { AnalysisResult } from '../shared/protocol';

/**
 * The latest analysis the server reported for each document (keyed by URI string).
 * Features read it and listen to `onDidChange`; the language client feature fills it.
 */
export class AnalysisStore implements vscode.Disposable {
  private readonly results = new Map<string, AnalysisResult>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document URI whose analysis changed (or was removed). */
  readonly onDidChange = this.changed.event;

  set(result: AnalysisResult): void {
    const previous = this.results.get(result.uri);
    if (previous && previous.version > result.version) return; // a late, older answer
    this.results.set(result.uri, result);
    this.changed.fire(vscode.Uri.parse(result.uri));
  }

  get(uri: vscode.Uri | string): AnalysisResult | undefined {
    return this.results.get(typeof uri === 'string' ? uri : uri.toString());
  }

  /** Result whose version matches the document, i.e. whose offsets are valid for its current text. */
  current(document: vscode.TextDocument): AnalysisResult | undefined {
    const result = this.get(document.uri);
    return result && result.version === document.version ? result : undefined;
  }

  delete(uri: vscode.Uri): void {
    if (this.results.delete(uri.toString())) this.changed.fire(uri);
  }

  all(): AnalysisResult[] {
    return [...this.results.values()];
  }

  clear(): void {
    const uris = [...this.results.keys()];
    this.results.clear();
    for (const u of uris) this.changed.fire(vscode.Uri.parse(u));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
