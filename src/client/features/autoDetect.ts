import * as vscode from 'vscode';
import { onEveryOpenDocument } from '../openDocuments';
import { SETTING_KEYS } from '../../core/settings';
import { LANGUAGE_ID, STATIC_FILENAME_PATTERNS } from '../constants';
import { matchesAny } from '../glob';
import { looksChinese } from '../hanRatio';
import { affects, settingsFor } from '../settings';

/** Characters of the head examined by auto-detection. */
const HEAD_LENGTH = 500;
/** Untitled documents are decided once they hold this much text. */
const MIN_UNTITLED_LENGTH = 50;

/**
 * Gives plain-text articles the zh-policy language: files matching `policyAnnotator.filePatterns`,
 * and (with `policyAnnotator.autoDetect`) files whose head is mostly Han. Each document is
 * decided once per session, so a user who switches the language back is not overridden.
 */
export class LanguageAutoDetect {
  private readonly decided = new Set<string>();

  async consider(doc: vscode.TextDocument): Promise<boolean> {
    const key = doc.uri.toString();
    if (this.decided.has(key)) return false;
    if (doc.languageId === LANGUAGE_ID) return this.reconsiderStatic(doc);
    if (doc.languageId !== 'plaintext') return false;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return false;
    const settings = settingsFor(doc);
    const matchesPattern = doc.uri.scheme === 'file' && matchesAny(doc.uri.path, settings.filePatterns);
    let chinese = false;
    if (!matchesPattern && settings.autoDetect) {
      if (doc.isUntitled && doc.getText().length < MIN_UNTITLED_LENGTH) return false; // decide when text arrives
      const end = doc.positionAt(HEAD_LENGTH); // clamps: no copy of a huge document
      chinese = looksChinese(doc.getText(new vscode.Range(new vscode.Position(0, 0), end)), HEAD_LENGTH);
    }
    this.decided.add(key);
    if (!matchesPattern && !chinese) return false;
    await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    return true;
  }

  /** A file given zh-policy only by the static filename pattern, which the settings no longer claim, goes back to plain text. */
  private async reconsiderStatic(doc: vscode.TextDocument): Promise<boolean> {
    if (doc.uri.scheme !== 'file' || !matchesAny(doc.uri.path, STATIC_FILENAME_PATTERNS)) return false;
    this.decided.add(doc.uri.toString());
    const settings = settingsFor(doc);
    if (matchesAny(doc.uri.path, settings.filePatterns)) return false;
    const head = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(HEAD_LENGTH)));
    if (settings.autoDetect && looksChinese(head, HEAD_LENGTH)) return false;
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    return true;
  }

  /** Re-decide documents after a settings change (patterns may now match). */
  forgetUndecided(): void {
    this.decided.clear();
  }
}

export function registerAutoDetect(deps: { detector: LanguageAutoDetect }): vscode.Disposable {
  const { detector } = deps;
  const consider = (doc: vscode.TextDocument) => void detector.consider(doc).catch(() => false);
  return vscode.Disposable.from(
    onEveryOpenDocument(consider),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.isUntitled && e.document.languageId === 'plaintext') consider(e.document);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, SETTING_KEYS.filePatterns) || affects(e, SETTING_KEYS.autoDetect)) {
        detector.forgetUndecided();
        vscode.workspace.textDocuments.forEach(consider);
      }
    }),
  );
}
