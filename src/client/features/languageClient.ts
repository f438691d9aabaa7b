import * as vscode from 'vscode';
import { onEveryOpenDocument } from '../openDocuments';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import {
  AnalysisReadyMethod,
  AnalysisRequestMethod,
  AnnotateFilesRequestMethod,
  DictionaryChangedMethod,
  ServerStatusMethod,
  type DictionaryChangedParams,
  type AnalysisParams,
  type AnalysisPublished,
  type AnalysisResult,
  type AnnotateFilesParams,
  type AnnotateFilesResult,
  type ServerStatusParams,
} from '../../shared/protocol';
import { CLIENT_ID, HOVER_COMMANDS, LANGUAGE_ID, WORKSPACE_DIR } from '../constants';
import type { AnalysisStore } from '../analysisStore';
import { SETTINGS_SECTION } from '../../core/settings';

export type ServerState = ServerStatusParams['state'] | 'stopped' | 'starting';

/** Restarts allowed inside RESTART_WINDOW_MS before giving up. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60_000;

/**
 * Owns the LanguageClient for `dist/server.js`. The client (and so the 250 MB server) starts
 * only when a zh-policy document is open or a feature needs the server, never on the
 * activation path itself: `ensureStarted()` returns at once and `whenReady()` waits.
 */
export class AnalysisServer implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<void> | undefined;
  private crashes: number[] = [];
  private toldUserAboutCrash = false;
  private stateValue: ServerState = 'stopped';
  private stateMessage: string | undefined;
  private dictionary: DictionaryChangedParams | undefined;
  private readonly stateChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.stateChanged];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly store: AnalysisStore,
    private readonly output: vscode.OutputChannel,
  ) {}

  get state(): ServerState {
    return this.stateValue;
  }
  get message(): string | undefined {
    return this.stateMessage;
  }

  private setState(state: ServerState, message?: string): void {
    this.stateValue = state;
    this.stateMessage = message;
    this.stateChanged.fire();
  }

  /** Starts the client if needed; does not wait for the server. */
  ensureStarted(): void {
    void this.whenReady().catch(() => undefined);
  }

  /** Resolves once the server answered `initialize` (starts it if needed); rejects if it cannot start. */
  whenReady(): Promise<void> {
    if (!this.starting) {
      this.starting = this.start().catch((err: unknown) => {
        this.starting = undefined;
        const text = err instanceof Error ? err.message : String(err);
        this.output.appendLine(`[client] server failed to start: ${text}`);
        this.setState('error', text);
        throw err;
      });
    }
    return this.starting;
  }

  private async start(): Promise<void> {
    // Lazy: keeps the language client library off the activation path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lc = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: lc.TransportKind.ipc },
      debug: { module: serverModule, transport: lc.TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_DIR}/*`);
    this.disposables.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: LANGUAGE_ID, scheme: 'file' },
        { language: LANGUAGE_ID, scheme: 'untitled' },
      ],
      synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watcher },
      outputChannel: this.output,
      initializationOptions: { extensionPath: this.context.extensionPath },
      errorHandler: {
        error: () => ({ action: lc.ErrorAction.Continue }),
        closed: () => this.onServerClosed(lc),
      },
      middleware: {
        // LSP hovers arrive untrusted; trust exactly our own command links so they are clickable.
        provideHover: async (document, position, token, next) => {
          const hover = await next(document, position, token);
          for (const content of hover?.contents ?? []) {
            if (content instanceof vscode.MarkdownString) content.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
          }
          return hover;
        },
      },
    };
    const client = new lc.LanguageClient(CLIENT_ID, vscode.l10n.t('Chinese Policy Annotator'), serverOptions, clientOptions);
    this.client = client;
    this.disposables.push(
      client.onNotification(AnalysisReadyMethod, (result: AnalysisResult) => this.store.set(result)),
      client.onNotification(ServerStatusMethod, (status: ServerStatusParams) => this.setState(status.state, status.message)),
      client.onDidChangeState((e) => {
        if (e.newState === lc.State.Starting) this.setState('starting');
        else if (e.newState === lc.State.Stopped) this.setState('stopped');
        else if (e.newState === lc.State.Running) {
          if (this.stateValue === 'starting') this.setState('ready'); // the server's own status notifications refine this
          this.sendDictionary();
        }
      }),
    );
    this.setState('starting');
    await client.start();
  }

  private onServerClosed(lc: typeof import('vscode-languageclient/node')) {
    const now = Date.now();
    this.crashes = this.crashes.filter((t) => now - t < RESTART_WINDOW_MS);
    this.crashes.push(now);
    this.store.clear();
    if (this.crashes.length > MAX_RESTARTS) {
      const msg = vscode.l10n.t('The Chinese Policy Annotator server crashed {0} times in a few minutes and was not restarted. Run "Restart Analysis Server" after fixing the cause (see the output).', this.crashes.length);
      this.setState('error', msg);
      void vscode.window.showErrorMessage(msg);
      return { action: lc.CloseAction.DoNotRestart, handled: true };
    }
    if (!this.toldUserAboutCrash) {
      this.toldUserAboutCrash = true;
      void vscode.window.showWarningMessage(vscode.l10n.t('The Chinese Policy Annotator server stopped unexpectedly and was restarted.'));
    }
    this.output.appendLine('[client] server connection closed; restarting');
    return { action: lc.CloseAction.Restart, handled: true };
  }

  /** The cached analysis of an open document (the server waits for a pending run). */
  async requestAnalysis(uri: vscode.Uri): Promise<AnalysisResult | undefined> {
    await this.whenReady();
    const key = uri.toString();
    // The server usually answers "the analysisReady you just received": the store has it already.
    const params: AnalysisParams = { uri: key, acceptPublished: true };
    const answer = await this.client!.sendRequest<AnalysisResult | AnalysisPublished | null>(AnalysisRequestMethod, params);
    if (!answer) return undefined;
    if (!('published' in answer)) {
      this.store.set(answer);
      return answer;
    }
    const stored = this.store.get(key);
    if (stored && stored.version === answer.version) return stored;
    // The store lost it (cleared by a restart in between): ask for the whole result.
    const full = await this.client!.sendRequest<AnalysisResult | null>(AnalysisRequestMethod, { uri: key } satisfies AnalysisParams);
    if (full) this.store.set(full);
    return full ?? undefined;
  }

  async annotateFiles(paths: string[], token?: vscode.CancellationToken): Promise<AnnotateFilesResult> {
    await this.whenReady();
    const params: AnnotateFilesParams = { paths };
    return this.client!.sendRequest<AnnotateFilesResult>(AnnotateFilesRequestMethod, params, token);
  }

  /** Remembers the workspace dictionary and sends it now if the server runs, else whenever it (re)starts. */
  setDictionary(params: DictionaryChangedParams): void {
    this.dictionary = params;
    this.sendDictionary();
  }

  private sendDictionary(): void {
    if (!this.dictionary || !this.client?.isRunning()) return;
    this.client.sendNotification(DictionaryChangedMethod, this.dictionary).catch((err: unknown) => {
      this.output.appendLine(`[client] could not send the dictionary: ${String(err)}`);
    });
  }

  async restart(): Promise<void> {
    this.crashes = [];
    this.store.clear();
    if (this.client && this.starting) {
      this.setState('starting');
      await this.client.restart();
    } else {
      await this.whenReady();
    }
  }

  /** Appends a line to the extension's output channel. */
  log(line: string): void {
    this.output.appendLine(line);
  }

  showOutput(): void {
    this.output.show(true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.client?.stop().catch(() => undefined);
  }
}

/** Starts the server as soon as a zh-policy document is (or becomes) open. */
export function registerLanguageClient(deps: { server: AnalysisServer; store: AnalysisStore }): vscode.Disposable {
  const { server, store } = deps;
  const startIfArticle = (doc: vscode.TextDocument) => {
    if (doc.languageId === LANGUAGE_ID) server.ensureStarted();
  };
  // Deferred: loading the client library and forking the server must not happen inside activate().
  return vscode.Disposable.from(
    server,
    onEveryOpenDocument(startIfArticle),
    vscode.workspace.onDidCloseTextDocument((doc) => store.delete(doc.uri)),
  );
}
