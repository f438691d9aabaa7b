import * as vscode from 'vscode';
import type { CoreLoader } from '../coreLoader';
import { LANGUAGE_ID, PREVIEW_SCHEME } from '../constants';
import { settingsFor } from '../settings';

/**
 * Read-only "Simplified preview" of an article: gloss-free, mojibake-free, Simplified text,
 * served by a TextDocumentContentProvider and refreshed (debounced) while the source is edited.
 */
export class SimplifiedPreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly core: CoreLoader) {}

  static previewUri(source: vscode.Uri): vscode.Uri {
    const base = source.path.split('/').pop() || 'untitled';
    return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${base} (${vscode.l10n.t('Simplified')})`, query: source.toString() });
  }

  static sourceUri(preview: vscode.Uri): vscode.Uri {
    return vscode.Uri.parse(preview.query);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const source = SimplifiedPreviewProvider.sourceUri(uri).toString();
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === source);
    if (!doc) return vscode.l10n.t('The article {0} is no longer open.', source);
    const readable = this.core.normalize().normalize(doc.getText()).text;
    return this.core.converter().toSimplified(readable).text;
  }

  /** Schedules a refresh of the preview of `source`, if one is open. */
  sourceChanged(source: vscode.TextDocument): void {
    const preview = SimplifiedPreviewProvider.previewUri(source.uri);
    const key = preview.toString();
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(preview);
      }, settingsFor(source).debounceMs),
    );
  }

  async open(editor = vscode.window.activeTextEditor): Promise<vscode.TextEditor | undefined> {
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to preview.'));
      return undefined;
    }
    const uri = SimplifiedPreviewProvider.previewUri(editor.document.uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.changed.dispose();
  }
}

export function registerSimplifiedPreview(deps: { preview: SimplifiedPreviewProvider }): vscode.Disposable {
  const { preview } = deps;
  return vscode.Disposable.from(
    preview,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, preview),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme !== PREVIEW_SCHEME && e.contentChanges.length > 0) preview.sourceChanged(e.document);
    }),
  );
}
