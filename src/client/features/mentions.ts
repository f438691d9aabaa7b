import * as vscode from 'vscode';
import type { Entity } from '../../core/types';
import type { Articles } from '../articles';
import type { AnalysisServer } from './languageClient';
import { revealSpan } from './eventTree';

/** All mentions of `canonical` in the article at `uri`, in document order. */
async function mentionsOf(articles: Articles, server: AnalysisServer, uri: vscode.Uri, canonical: string): Promise<Entity[]> {
  let article = articles.find(uri);
  if (!article) {
    await vscode.workspace.openTextDocument(uri);
    const result = await server.requestAnalysis(uri).catch(() => undefined);
    if (result && !result.skipped) article = articles.find(uri) ?? { uri, analysis: result.analysis, text: () => undefined, open: true };
  }
  return (article?.analysis.entities ?? []).filter((e) => e.canonical === canonical).sort((a, b) => a.start - b.start);
}

/** Show Mentions (hover link, entity view): a peek of every mention of the entity in the article. */
export async function showMentions(articles: Articles, server: AnalysisServer, uriArg: string | vscode.Uri, canonical: string): Promise<number> {
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
  const mentions = await mentionsOf(articles, server, uri, canonical);
  if (mentions.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No mentions of {0} found.', canonical));
    return 0;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const locations = mentions.map((m) => new vscode.Location(uri, new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end))));
  const at = editor.selection.active;
  await vscode.commands.executeCommand('editor.action.showReferences', uri, at, locations);
  return mentions.length;
}

/**
 * Selects the next mention of `canonical` after the cursor (wrapping around), so repeated
 * clicks in the Entities view step through them; stateless, driven by the selection.
 */
export async function revealNextMention(articles: Articles, server: AnalysisServer, uriArg: string | vscode.Uri, canonical: string): Promise<Entity | undefined> {
  const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg) : uriArg;
  const mentions = await mentionsOf(articles, server, uri, canonical);
  if (mentions.length === 0) return undefined;
  const editor = vscode.window.activeTextEditor;
  const after =
    editor && editor.document.uri.toString() === uri.toString() ? editor.document.offsetAt(editor.selection.start) : -1;
  const next = mentions.find((m) => m.start > after) ?? mentions[0];
  await revealSpan(uri, next.start, next.end);
  const index = mentions.indexOf(next) + 1;
  vscode.window.setStatusBarMessage(vscode.l10n.t('{0}: mention {1} of {2}', canonical, index, mentions.length), 3000);
  return next;
}
