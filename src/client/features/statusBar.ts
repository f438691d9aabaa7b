import * as vscode from 'vscode';
import type { AnalysisStore } from '../analysisStore';
import { COMMANDS, LANGUAGE_ID } from '../constants';
import type { AnalysisServer } from './languageClient';
import type { AnalysisResult } from '../../shared/protocol';
import type { Script } from '../../core/types';

const SCRIPT_LABEL: Record<Script, string> = { simplified: '简', traditional: '繁', mixed: '混' };

/**
 * Status bar item for the active article: script (简/繁/混), entity and event counts and
 * server state; clicking converts (Traditional/mixed → Simplified, Simplified → Traditional).
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('policyAnnotator.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly store: AnalysisStore, private readonly server: AnalysisServer) {
    this.item.name = vscode.l10n.t('Chinese Policy Annotator');
  }

  /** The text currently shown (for tests). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const state = this.server.state;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      if (state === 'error') this.showServerError();
      else this.item.hide();
      return;
    }
    if (state === 'error') return this.showServerError();
    const result = this.store.get(doc.uri);
    if (state === 'starting' || state === 'loading' || (!result && state !== 'stopped')) {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Annotating…')}`;
      this.item.tooltip = this.server.message ?? vscode.l10n.t('The analysis server is loading its dictionaries.');
      this.item.command = COMMANDS.showOutput;
      this.item.backgroundColor = undefined;
      return this.item.show();
    }
    if (result?.skipped) return this.showSkipped(result);
    const analysis = result?.analysis;
    const script = analysis?.script;
    this.item.text = [
      script ? SCRIPT_LABEL[script] : '—',
      `$(symbol-field) ${analysis?.entities.length ?? 0}`,
      `$(history) ${analysis?.events.length ?? 0}`,
      state === 'degraded' ? '$(warning)' : '',
    ].filter(Boolean).join('  ');
    const tip = new vscode.MarkdownString();
    tip.appendText(
      vscode.l10n.t('Script: {0} · {1} entities · {2} events', script ?? '—', analysis?.entities.length ?? 0, analysis?.events.length ?? 0),
    );
    if (this.server.message) tip.appendMarkdown(state === 'degraded' ? '\n\n$(warning) ' : '\n\n$(info) ').appendText(this.server.message);
    tip.appendMarkdown('\n\n').appendText(
      script === 'simplified' ? vscode.l10n.t('Click to convert to Traditional.') : vscode.l10n.t('Click to convert to Simplified.'),
    );
    tip.supportThemeIcons = true;
    this.item.tooltip = tip;
    this.item.command = script === 'simplified' ? COMMANDS.convertToTraditional : COMMANDS.convertToSimplified;
    this.item.backgroundColor = undefined;
    this.item.show();
  }

  private showSkipped(result: AnalysisResult): void {
    const reason = result.skipped!.reason;
    const why =
      reason === 'tooLarge'
        ? vscode.l10n.t('Not annotated: the file is larger than policyAnnotator.maxFileSize.')
        : reason === 'binary'
          ? vscode.l10n.t('Not annotated: the file looks binary or is not UTF-8 text.')
          : vscode.l10n.t('Not annotated: annotations are disabled.');
    this.item.text = `$(circle-slash) ${vscode.l10n.t('Not annotated')}`;
    this.item.tooltip = result.skipped!.detail ? `${why}\n${result.skipped!.detail}` : why;
    this.item.command = COMMANDS.showOutput;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
    this.item.show();
  }

  private showServerError(): void {
    this.item.text = `$(error) ${vscode.l10n.t('Policy Annotator')}`;
    this.item.tooltip = this.server.message ?? vscode.l10n.t('The analysis server is not running.');
    this.item.command = COMMANDS.restartServer;
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

export function registerStatusBar(deps: { statusBar: StatusBar; store: AnalysisStore; server: AnalysisServer }): vscode.Disposable {
  const { statusBar, store, server } = deps;
  statusBar.update();
  // Say once per document (not on every edit) that it was skipped, and why.
  const toldSkipped = new Set<string>();
  const tellIfSkipped = (uri: vscode.Uri) => {
    const result = store.get(uri);
    if (!result?.skipped || toldSkipped.has(result.uri) || result.skipped.reason === 'disabled') return;
    toldSkipped.add(result.uri);
    const name = uri.path.split('/').pop() ?? result.uri;
    const detail = result.skipped.detail ? ` (${result.skipped.detail})` : '';
    if (result.skipped.reason === 'tooLarge') {
      const open = vscode.l10n.t('Open Settings');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('{0} was not annotated: it is larger than the policyAnnotator.maxFileSize setting{1}. The file was not changed.', name, detail), open)
        .then((choice) => {
          if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'policyAnnotator.maxFileSize');
        });
    } else {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('{0} was not annotated: it looks binary or is not UTF-8 text{1}. The file was not changed.', name, detail),
      );
    }
  };
  return vscode.Disposable.from(
    statusBar,
    store.onDidChange((uri) => (statusBar.update(), tellIfSkipped(uri))),
    server.onDidChangeState(() => statusBar.update()),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
  );
}
