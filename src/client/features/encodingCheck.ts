import * as vscode from 'vscode';
import { onEveryOpenDocument } from '../openDocuments';
import { LANGUAGE_ID } from '../constants';
import { ENCODING_SAMPLE_LENGTH, guessChineseEncoding, looksMisdecoded, replacementStats } from '../encodingGuess';
import { baseName } from '../labels';

/** Encodings under which VS Code shows a legacy-encoded file as U+FFFD soup. */
const UTF8_ENCODINGS = new Set(['utf8', 'utf8bom']);

/**
 * Warns when an article opened as UTF-8 is full of U+FFFD (a GBK or Big5 file), names the likely
 * encoding and offers to reopen the document with it. Never writes the file: reopening only
 * changes how VS Code decodes it.
 */
export class EncodingCheck {
  private readonly warned = new Set<string>();

  /** Checks `doc` once per URI and encoding; resolves to the message shown, if any (for tests). */
  async check(doc: vscode.TextDocument): Promise<string | undefined> {
    if (doc.languageId !== LANGUAGE_ID || doc.uri.scheme !== 'file') return undefined;
    if (!UTF8_ENCODINGS.has(doc.encoding)) return undefined;
    const key = `${doc.uri.toString()}#${doc.encoding}`;
    if (this.warned.has(key)) return undefined;
    const sample = doc.getText(new vscode.Range(new vscode.Position(0, 0), doc.positionAt(ENCODING_SAMPLE_LENGTH)));
    if (!looksMisdecoded(sample)) return undefined;
    this.warned.add(key);
    const bad = replacementStats(sample).replacements;
    let guess: ReturnType<typeof guessChineseEncoding>;
    try {
      guess = guessChineseEncoding(await vscode.workspace.fs.readFile(doc.uri));
    } catch {
      guess = undefined; // unreadable now: still say it is not UTF-8
    }
    const name = baseName(doc.uri);
    const message = guess
      ? vscode.l10n.t(
          '{0} does not look like UTF-8: {1} characters could not be decoded. It was probably saved as {2}: reopen it with that encoding (the file itself is not changed).',
          name, bad, guess.label,
        )
      : vscode.l10n.t(
          '{0} does not look like UTF-8: {1} characters could not be decoded. Reopen it with its encoding (the file itself is not changed).',
          name, bad,
        );
    const reopen = guess && vscode.l10n.t('Reopen as {0}', guess.label);
    const choose = vscode.l10n.t('Choose Encoding…');
    void vscode.window.showWarningMessage(message, ...(reopen ? [reopen] : []), choose).then(async (choice) => {
      try {
        if (choice && choice === reopen && guess) await reopenWithEncoding(doc.uri, guess.encoding);
        else if (choice === choose) {
          await vscode.window.showTextDocument(doc, { preview: false });
          await vscode.commands.executeCommand('workbench.action.editor.changeEncoding');
        }
      } catch (err) {
        void vscode.window.showErrorMessage(
          vscode.l10n.t('Could not reopen {0}: {1}', name, err instanceof Error ? err.message : String(err)),
        );
      }
    });
    return message;
  }
}

/** Decodes the file again with `encoding` and shows it; an unsaved document cannot be reopened (VS Code throws). */
export async function reopenWithEncoding(uri: vscode.Uri, encoding: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri, { encoding });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function registerEncodingCheck(deps: { check: EncodingCheck }): vscode.Disposable {
  const { check } = deps;
  const consider = (doc: vscode.TextDocument) => void check.check(doc).catch(() => undefined);
  // A language change re-fires onDidOpen, so this also sees documents that become articles.
  return onEveryOpenDocument(consider);
}
