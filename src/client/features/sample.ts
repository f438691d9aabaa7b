import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';

const TITLE_LENGTH = 40;

/** Open Sample Article (walkthrough): pick one of the bundled seed articles and open it as zh-policy. */
export async function openSample(context: vscode.ExtensionContext, pick = true): Promise<vscode.TextEditor | undefined> {
  const folder = vscode.Uri.file(context.asAbsolutePath('seeds'));
  const entries = await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][]);
  const files = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.txt')).map(([name]) => name).sort();
  if (files.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The sample articles are not bundled with this installation.'));
    return undefined;
  }
  let chosen = files[0];
  if (pick && files.length > 1) {
    const items = await Promise.all(
      files.map(async (name) => {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
        const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 600));
        const title = head.split(/\r?\n/).find((l) => l.trim() !== '')?.trim() ?? '';
        return { label: title.slice(0, TITLE_LENGTH) || name, description: name, name };
      }),
    );
    const choice = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Open a sample article') });
    if (!choice) return undefined;
    chosen = choice.name;
  }
  let doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, chosen));
  if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  return vscode.window.showTextDocument(doc);
}
