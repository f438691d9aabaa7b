import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../../src/client/api';
import type { ArticleAnalysis } from '../../../src/core/types';
import { repoRoot } from './paths';

export const EXTENSION_ID = 'zh-policy.zh-policy-annotator';

/** Activates the extension (timing the call if it was not active yet) and returns its API. */
export async function getApi(): Promise<{ api: PolicyAnnotatorApi; activateCallMs: number | null }> {
  const ext = vscode.extensions.getExtension<PolicyAnnotatorApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in the extension host`);
  let activateCallMs: number | null = null;
  if (!ext.isActive) {
    const t0 = Date.now();
    await ext.activate();
    activateCallMs = Date.now() - t0;
  }
  assert.ok(ext.exports, 'activate() returned no API object');
  return { api: ext.exports, activateCallMs };
}

/** Seed file names from the repository (the workspace opened for the tests is a copy of seeds/). */
export function seedNames(): string[] {
  return fs.readdirSync(path.join(repoRoot, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
}

export function workspaceSeed(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace (a copy of seeds/) is not open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openSeed(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceSeed(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Polls `probe` until it returns a truthy value or `timeoutMs` passes. */
export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function analysisOf(api: PolicyAnnotatorApi, doc: vscode.TextDocument): Promise<ArticleAnalysis> {
  const analysis = await api.getAnalysis(doc.uri);
  assert.ok(analysis, `no analysis for ${path.basename(doc.uri.path)}`);
  return analysis;
}

/** Closes all editors and drops unsaved changes, so each test starts from the files on disk. */
export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor').then(undefined, () => undefined);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
