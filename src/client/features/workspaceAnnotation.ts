import * as vscode from 'vscode';
import type { ArticleAnalysis } from '../../core/types';
import type { Articles } from '../articles';
import { matchesAny, searchGlob } from '../glob';
import { settingsFor } from '../settings';
import type { AnalysisServer } from './languageClient';

const BATCH_SIZE = 8;
const MAX_FILES = 5000;

export interface WorkspaceAnnotationSummary {
  files: number;
  annotated: number;
  failed: Array<{ path: string; error: string }>;
  skipped: number;
  cancelled: boolean;
}

/** Article files of every workspace folder, per that folder's `filePatterns` on absolute paths (files.exclude applies). */
export async function findArticleFiles(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const patterns = settingsFor(folder).filePatterns;
    const glob = searchGlob(patterns);
    if (!glob) continue;
    // exclude undefined → the user's files.exclude is respected. Patterns apply to absolute paths.
    for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), undefined, MAX_FILES, token)) {
      if (matchesAny(uri.path, patterns)) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Annotate Workspace: finds the article files, sends them to the server in batches under a
 * cancellable progress notification, and feeds the results to the Events view and exports.
 */
export async function annotateWorkspace(server: AnalysisServer, articles: Articles): Promise<WorkspaceAnnotationSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Annotating workspace'), cancellable: true },
    async (progress, token) => {
      const summary: WorkspaceAnnotationSummary = { files: 0, annotated: 0, failed: [], skipped: 0, cancelled: false };
      progress.report({ message: vscode.l10n.t('Finding articles…') });
      const all = await findArticleFiles(token);
      // Only files on disk can be read by the server; respect each file's size limit up front.
      const files: vscode.Uri[] = [];
      for (const uri of all) {
        if (uri.scheme !== 'file') continue;
        const size = await vscode.workspace.fs.stat(uri).then((s) => s.size, () => -1);
        // maxFileSize counts characters; a UTF-8 character takes at most 4 bytes (Chinese: 3), so only
        // files beyond 4 bytes per allowed character are surely too large. The server checks the rest exactly.
        if (size < 0 || size > settingsFor(uri).maxFileSize * 4) summary.skipped++;
        else files.push(uri);
      }
      summary.files = files.length;
      if (files.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('No article files found. Check the policyAnnotator.filePatterns setting.'),
        );
        return summary;
      }
      await server.whenReady();
      for (let i = 0; i < files.length; i += BATCH_SIZE) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        const batch = files.slice(i, i + BATCH_SIZE);
        progress.report({
          message: vscode.l10n.t('{0} of {1} files', Math.min(i + batch.length, files.length), files.length),
          increment: (batch.length / files.length) * 100,
        });
        let response;
        try {
          response = await server.annotateFiles(batch.map((u) => u.fsPath), token);
        } catch (err) {
          if (token.isCancellationRequested) {
            summary.cancelled = true;
            break;
          }
          throw err;
        }
        const ok: Array<{ uri: vscode.Uri; analysis: ArticleAnalysis; text: string }> = [];
        for (const [j, r] of response.results.entries()) {
          const uri = batch[j] ?? vscode.Uri.file(r.path);
          if (r.analysis) {
            const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
            ok.push({ uri, analysis: r.analysis, text });
          } else summary.failed.push({ path: r.path, error: r.error ?? 'unknown error' });
        }
        summary.annotated += ok.length;
        articles.setWorkspaceResults(ok);
      }
      const events = articles.all().reduce((n, a) => n + a.analysis.events.length, 0);
      const message = summary.cancelled
        ? vscode.l10n.t('Annotation cancelled after {0} of {1} files.', summary.annotated, summary.files)
        : vscode.l10n.t('Annotated {0} files: {1} events. {2} failed, {3} skipped (too large).', summary.annotated, events, summary.failed.length, summary.skipped);
      void vscode.window.showInformationMessage(message);
      if (summary.failed.length > 0) reportFailures(server, summary.failed);
      return summary;
    },
  );
}

/** How many failed files the warning names; the output channel lists all of them. */
const NAMED_FAILURES = 3;

/** Says which files were not annotated and why (binary, not UTF-8, unreadable): never silently. */
function reportFailures(server: AnalysisServer, failed: ReadonlyArray<{ path: string; error: string }>): void {
  for (const f of failed) server.log(`[workspace] not annotated: ${f.path}: ${f.error}`);
  const named = failed.slice(0, NAMED_FAILURES).map((f) => `${f.path.split(/[\\/]/).pop()} (${f.error})`);
  const list = named.join('; ') + (failed.length > NAMED_FAILURES ? '; …' : '');
  const show = vscode.l10n.t('Show Output');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('{0} files were not annotated and were left unchanged: {1}', failed.length, list), show)
    .then((choice) => {
      if (choice === show) server.showOutput();
    });
}
