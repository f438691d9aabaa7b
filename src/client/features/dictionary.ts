import * as vscode from 'vscode';
import type { UserTerm } from '../../core/engines';
import { formatUserTerm, parseIgnoreList, parseUserDictionary, termProblem, type LineProblem } from '../../core/userDictionary';
import { ENTITY_TYPES, type EntityType } from '../../core/types';
import { DICTIONARY_FILE, IGNORE_FILE, WORKSPACE_DIR } from '../constants';
import type { AnalysisServer } from './languageClient';

const RELOAD_DELAY_MS = 200;

/**
 * The workspace dictionaries `.policy-annotator/dictionary.tsv` and `ignore.txt` of every folder:
 * read, validated by core (bad lines become Problems), merged and sent to the server; the
 * Add to Dictionary / Ignore commands append to them. Not loaded in untrusted workspaces.
 */
export class WorkspaceDictionary implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('policyAnnotator.dictionary');
  private terms: UserTerm[] = [];
  private ignored: string[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly server: AnalysisServer) {}

  get userTerms(): readonly UserTerm[] {
    return this.terms;
  }
  get ignoredTexts(): readonly string[] {
    return this.ignored;
  }

  scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  async reload(): Promise<void> {
    const terms: UserTerm[] = [];
    const ignored = new Set<string>();
    const seen = new Set<string>();
    this.diagnostics.clear();
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        const dictUri = fileIn(folder, DICTIONARY_FILE);
        const dictText = await readText(dictUri);
        if (dictText !== undefined) {
          const parsed = parseUserDictionary(dictText);
          for (const t of parsed.terms) if (!seen.has(t.term)) (seen.add(t.term), terms.push(t));
          this.report(dictUri, parsed.problems);
        }
        const ignoreUri = fileIn(folder, IGNORE_FILE);
        const ignoreText = await readText(ignoreUri);
        if (ignoreText !== undefined) {
          const parsed = parseIgnoreList(ignoreText);
          parsed.ignored.forEach((t) => ignored.add(t));
          this.report(ignoreUri, parsed.problems);
        }
      }
    }
    this.terms = terms;
    this.ignored = [...ignored];
    this.server.setDictionary({ terms: this.terms, ignored: this.ignored });
    this.changed.fire();
  }

  private report(uri: vscode.Uri, problems: readonly LineProblem[]): void {
    if (problems.length === 0) return;
    this.diagnostics.set(
      uri,
      problems.map((p) => {
        const line = Math.max(0, p.line - 1);
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.message, vscode.DiagnosticSeverity.Warning);
        d.source = 'policy-annotator';
        return d;
      }),
    );
  }

  /** Appends `term` to dictionary.tsv of the folder holding `near` (or the first folder). Returns the file. */
  async addTerm(term: UserTerm, near?: vscode.Uri): Promise<vscode.Uri> {
    const file = fileIn(targetFolder(near), DICTIONARY_FILE);
    await appendLine(file, formatUserTerm(term));
    await this.reload();
    return file;
  }

  async addIgnored(canonical: string, near?: vscode.Uri): Promise<vscode.Uri> {
    const file = fileIn(targetFolder(near), IGNORE_FILE);
    await appendLine(file, canonical.replace(/[\r\n]+/g, ' ').trim());
    await this.reload();
    return file;
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

function fileIn(folder: vscode.WorkspaceFolder, name: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, WORKSPACE_DIR, name);
}

function targetFolder(near?: vscode.Uri): vscode.WorkspaceFolder {
  const folder = (near && vscode.workspace.getWorkspaceFolder(near)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error(vscode.l10n.t('Open a folder first: the dictionary lives in its .policy-annotator folder.'));
  return folder;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // missing file: nothing to load
  }
}

/** Appends one line, creating the folder and file when missing and never gluing onto a last line without newline. */
async function appendLine(file: vscode.Uri, line: string): Promise<void> {
  const existing = (await readText(file)) ?? '';
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const separator = existing === '' || /\n$/.test(existing) ? '' : eol;
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`${existing}${separator}${line}${eol}`));
}

export function registerDictionary(deps: { dictionary: WorkspaceDictionary }): vscode.Disposable {
  const { dictionary } = deps;
  const reload = () => dictionary.scheduleReload();
  const listeners: vscode.Disposable[] = [];
  // Deferred: the first file watcher of the extension host costs ~20 ms, too much for activate().
  const init = setTimeout(() => {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_DIR}/{${DICTIONARY_FILE},${IGNORE_FILE}}`);
    listeners.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload));
    dictionary.scheduleReload();
  }, 0);
  return vscode.Disposable.from(
    new vscode.Disposable(() => {
      clearTimeout(init);
      listeners.forEach((d) => d.dispose());
    }),
    dictionary,
    vscode.workspace.onDidChangeWorkspaceFolders(reload),
    vscode.workspace.onDidGrantWorkspaceTrust(reload),
  );
}

/** What Add to Dictionary / Ignore may receive: nothing (selection), a string (hover link), a view node. */
export function termFromArgument(arg: unknown): { term?: string; type?: string } {
  if (typeof arg === 'string') return { term: arg };
  // The editor context menu passes the document's URI: the term is the selection.
  if (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri)) {
    const o = arg as Record<string, unknown>;
    const term = [o.canonical, o.term, o.text].find((v): v is string => typeof v === 'string');
    return { term, type: typeof o.type === 'string' ? o.type : undefined };
  }
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : undefined;
  return { term: selected || undefined };
}

/** Add to Dictionary: term (argument, selection or input) → type QuickPick → optional gloss → dictionary.tsv. */
export async function promptAddToDictionary(
  dictionary: WorkspaceDictionary,
  typeLabel: (type: EntityType) => string,
  arg?: unknown,
  typeArg?: unknown,
): Promise<UserTerm | undefined> {
  const fromArg = termFromArgument(arg);
  const term =
    fromArg.term ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('Add to dictionary'),
      prompt: vscode.l10n.t('Term to add'),
      validateInput: (v) => termProblem(v.trim()) ?? undefined,
    }))?.trim();
  if (!term) return undefined;
  const problem = termProblem(term);
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot add "{0}": {1}', term, problem));
    return undefined;
  }
  const suggested = typeof typeArg === 'string' ? typeArg : fromArg.type;
  const picked = await vscode.window.showQuickPick(
    ENTITY_TYPES.map((type) => ({ label: typeLabel(type), description: type, type, picked: type === suggested })).sort(
      (a, b) => Number(b.type === suggested) - Number(a.type === suggested),
    ),
    { title: vscode.l10n.t('Type of "{0}"', term) },
  );
  if (!picked) return undefined;
  const gloss = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add to dictionary'),
    prompt: vscode.l10n.t('Optional gloss shown in the hover (Enter to skip)'),
  });
  if (gloss === undefined) return undefined;
  const entry: UserTerm = gloss.trim() ? { term, type: picked.type, gloss: gloss.trim() } : { term, type: picked.type };
  if (dictionary.userTerms.some((t) => t.term === term)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('"{0}" is already in the dictionary; the first definition is used.', term));
  }
  const file = await dictionary.addTerm(entry, vscode.window.activeTextEditor?.document.uri);
  const open = vscode.l10n.t('Open Dictionary');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Added "{0}" ({1}) to {2}.', term, picked.type, vscode.workspace.asRelativePath(file)), open)
    .then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(file);
    });
  return entry;
}

/** Ignore Entity: appends the canonical text (argument or selection) to ignore.txt. */
export async function promptIgnore(dictionary: WorkspaceDictionary, arg?: unknown): Promise<string | undefined> {
  const term = termFromArgument(arg).term;
  if (!term) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the text to ignore, or use the hover or the Entities view.'));
    return undefined;
  }
  if (dictionary.ignoredTexts.includes(term)) return term;
  const file = await dictionary.addIgnored(term, vscode.window.activeTextEditor?.document.uri);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Ignoring "{0}" (listed in {1}).', term, vscode.workspace.asRelativePath(file)), 4000);
  return term;
}
