import * as vscode from 'vscode';
import type { CoreLoader } from '../coreLoader';
import { deletionsProduce, mergeSpans, minimalReplacement } from '../textEdits';

/**
 * Clean Article: removes pinyin glosses, mojibake remnants and boilerplate lines in ONE edit.
 * Uses the removed spans as deletions (cursor and undo stay precise); falls back to a
 * single trimmed replacement if the core's text is not exactly "original minus removed".
 */
export async function cleanActiveArticle(core: CoreLoader, editor = vscode.window.activeTextEditor): Promise<boolean> {
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to clean.'));
    return false;
  }
  const doc = editor.document;
  const original = doc.getText();
  const { text, removed } = core.normalize().cleanArticle(original);
  if (text === original) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Nothing to clean: no pinyin glosses, mojibake or boilerplate found.'));
    return false;
  }
  const ok = deletionsProduce(original, removed, text)
    ? await editor.edit((b) => {
        for (const s of mergeSpans(removed)) b.delete(new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end)));
      })
    : await editor.edit((b) => {
        const change = minimalReplacement(original, text)!;
        b.replace(new vscode.Range(doc.positionAt(change.start), doc.positionAt(change.end)), change.text);
      });
  if (ok) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Cleaned the article: removed {0} characters. Undo restores them.', original.length - text.length),
    );
  }
  return ok;
}
