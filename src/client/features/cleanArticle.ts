import * as vscode from 'vscode';
import type { CoreLoader } from '../coreLoader';
import { applyReplacements, minimalReplacement } from '../textEdits';

/**
 * Clean Article: removes pinyin glosses, mojibake remnants and boilerplate lines, and decodes HTML
 * entities (&ldquo; → “), in ONE edit. Uses the core's spans as deletions and replacements (cursor
 * and undo stay precise); falls back to a single trimmed replacement if applying them does not give
 * exactly the core's text.
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
  const ok = applyReplacements(original, removed) === text
    ? await editor.edit((b) => {
        for (const s of removed) {
          const range = new vscode.Range(doc.positionAt(s.start), doc.positionAt(s.end));
          if (s.replacement) b.replace(range, s.replacement);
          else b.delete(range);
        }
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
