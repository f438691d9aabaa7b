import * as vscode from 'vscode';
import { eventsToCsv, toBrat, toConll, toJsonRecord } from '../../core/exportFormats';
import type { Article, Articles } from '../articles';
import { baseName } from '../labels';

export type ExportFormat = 'json' | 'brat' | 'conll';

const EXTENSION: Record<ExportFormat, string> = { json: 'json', brat: 'ann', conll: 'conll' };

/** The export file content of one article. */
export function exportContent(format: ExportFormat, article: Article, text: string): string {
  switch (format) {
    case 'json':
      return JSON.stringify(toJsonRecord(vscode.workspace.asRelativePath(article.uri, false), article.analysis), null, 2) + '\n';
    case 'brat':
      return toBrat(text, article.analysis);
    case 'conll':
      return toConll(text, article.analysis);
  }
}

function stem(uri: vscode.Uri): string {
  return baseName(uri).replace(/\.[^.]*$/, '');
}

async function write(uri: vscode.Uri, content: string): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/** Writes the export of `article` to `target`; brat also gets its `.txt` twin when missing. */
export async function exportArticle(format: ExportFormat, article: Article, target: vscode.Uri): Promise<void> {
  const text = article.text();
  if (text === undefined) throw new Error(vscode.l10n.t('The text of {0} is no longer available.', baseName(article.uri)));
  await write(target, exportContent(format, article, text));
  if (format === 'brat') {
    const twin = target.with({ path: target.path.replace(/\.ann$/, '') + '.txt' });
    if (twin.toString() !== article.uri.toString() && !(await exists(twin))) await write(twin, text);
  }
}

/**
 * Export Annotations: format QuickPick, then one article (save dialog) or every analysed
 * article (folder picker, one file per article).
 */
export async function exportAnnotations(articles: Articles, annotateWorkspace: () => Promise<unknown>): Promise<number> {
  const format = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: vscode.l10n.t('entities, events and issues, as the CLI prints them'), format: 'json' as const },
      { label: 'brat standoff (.ann)', description: vscode.l10n.t('entities and events, code-point offsets'), format: 'brat' as const },
      { label: 'CoNLL BIO', description: vscode.l10n.t('one character per line with BIO tags'), format: 'conll' as const },
    ],
    { title: vscode.l10n.t('Export annotations as') },
  );
  if (!format) return 0;
  const activeDoc = vscode.window.activeTextEditor?.document;
  const active = activeDoc && articles.openArticle(activeDoc);
  const scope = await vscode.window.showQuickPick(
    [
      ...(active ? [{ label: vscode.l10n.t('This article'), description: baseName(active.uri), scope: 'article' as const }] : []),
      {
        label: vscode.l10n.t('All articles in the workspace'),
        description: articles.workspaceCount > 0 ? vscode.l10n.t('{0} annotated', articles.all().length) : vscode.l10n.t('runs Annotate Workspace first'),
        scope: 'workspace' as const,
      },
    ],
    { title: vscode.l10n.t('Export which articles?') },
  );
  if (!scope) return 0;
  if (scope.scope === 'article' && active) {
    const target = await vscode.window.showSaveDialog({
      defaultUri: active.uri.with({ path: active.uri.path.replace(/[^/]*$/, `${stem(active.uri)}.${EXTENSION[format.format]}`) }),
      filters: { [format.label]: [EXTENSION[format.format]] },
      title: vscode.l10n.t('Export annotations'),
    });
    if (!target) return 0;
    await exportArticle(format.format, active, target);
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported annotations to {0}.', vscode.workspace.asRelativePath(target)));
    return 1;
  }
  if (articles.workspaceCount === 0) await annotateWorkspace();
  const all = articles.all();
  if (all.length === 0) return 0;
  const folder = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: vscode.l10n.t('Export here'),
    title: vscode.l10n.t('Folder for the exported annotations'),
  });
  if (!folder?.[0]) return 0;
  const used = new Set<string>();
  for (const article of all) {
    let name = stem(article.uri);
    for (let n = 2; used.has(name); n++) name = `${stem(article.uri)}-${n}`;
    used.add(name);
    await exportArticle(format.format, article, vscode.Uri.joinPath(folder[0], `${name}.${EXTENSION[format.format]}`));
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} articles to {1}.', all.length, folder[0].fsPath));
  return all.length;
}

/** Export Events: one CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) of every analysed article. */
export async function exportEvents(articles: Articles, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const all = articles.all(vscode.window.activeTextEditor?.document.uri);
  if (all.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No analysed articles: open an article or run Annotate Workspace.'));
    return undefined;
  }
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: vscode.workspace.workspaceFolders?.[0] && vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'events.csv'),
      filters: { CSV: ['csv'] },
      title: vscode.l10n.t('Export events'),
    }));
  if (!uri) return undefined;
  const csv = eventsToCsv(
    all.map((a) => ({ file: vscode.workspace.asRelativePath(a.uri, false), analysis: a.analysis, original: a.text() })),
  );
  await write(uri, '\uFEFF' + csv);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported events of {0} articles to {1}.', all.length, vscode.workspace.asRelativePath(uri)));
  return uri;
}
