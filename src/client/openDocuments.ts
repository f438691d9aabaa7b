import * as vscode from 'vscode';

/**
 * Calls `visit` for every document opened from now on and, just after activation returns, for the
 * documents already open: features hook documents this way without doing work inside activate().
 */
export function onEveryOpenDocument(visit: (doc: vscode.TextDocument) => void): vscode.Disposable {
  const initial = setTimeout(() => vscode.workspace.textDocuments.forEach(visit), 0);
  return vscode.Disposable.from({ dispose: () => clearTimeout(initial) }, vscode.workspace.onDidOpenTextDocument(visit));
}
