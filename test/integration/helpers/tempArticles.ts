import * as assert from 'assert';
import * as vscode from 'vscode';

/**
 * Articles written for one test into a scratch folder inside the test workspace (itself a temp
 * copy of seeds/), so the repository's seeds are never touched.
 */
export const SCRATCH_DIR = 'scratch-h10';

function folder(): vscode.Uri {
  const ws = vscode.workspace.workspaceFolders?.[0];
  assert.ok(ws, 'no test workspace folder');
  return vscode.Uri.joinPath(ws.uri, SCRATCH_DIR);
}

/** Writes `content` (a string is UTF-8 encoded as is: CRLF and astral characters kept) and returns its URI. */
export async function writeArticle(name: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(folder(), name);
  await vscode.workspace.fs.createDirectory(folder());
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return uri;
}

export async function readBytes(uri: vscode.Uri): Promise<Uint8Array> {
  return vscode.workspace.fs.readFile(uri);
}

export async function readUtf8(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function openArticle(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function removeScratch(): Promise<void> {
  await vscode.workspace.fs.delete(folder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/** A simplified article with CRLF line ends and astral characters (𠮷, U+20BB7) before its entities. */
export const CRLF_ASTRAL_ARTICLE =
  '𠮷祥新闻\r\n' +
  '2023年5月6日，国务院总理李强在北京主持召开国务院常务会议，研究部署推动长三角一体化发展。\r\n' +
  '会议由𠮷林省代表参加，上海市委书记陈吉宁出席。\r\n';

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
