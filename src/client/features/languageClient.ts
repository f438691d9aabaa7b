import * as vscode from 'vscode';
import { onEveryOpenDocument } from '../openDocuments';
import type { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import {
  AnalysisUpdateMethod,
  AnalysisRequestMethod,
  AnnotateFilesRequestMethod,
  DictionaryChangedMethod,
  LargeOpenMethod,
  OpenChunkMethod,
  ServerStatusMethod,
  type DictionaryChangedParams,
  type AnalysisParams,
  type AnalysisPublished,
  type AnalysisResult,
  type AnalysisUpdate,
  type AnnotateFilesParams,
  type AnnotateFilesResult,
  type ServerStatusParams,
  type LargeOpenParams,
  type OpenChunkParams,
} from '../../shared/protocol';
import { CLIENT_ID, LANGUAGE_ID, WORKSPACE_DIR } from '../constants';
import type { AnalysisStore } from '../analysisStore';
import { SETTINGS_SECTION } from '../../core/settings';

export type ServerState = ServerStatusParams['state'] | 'stopped' | 'starting';

/** Documents longer than this (characters) are sent to the server in chunks (see LargeOpenMethod). */
const LARGE_OPEN_CHARS = 200_000;
const OPEN_CHUNK_CHARS = 50_000;

/** Resolves after the tasks already queued (I/O, timers, VS Code's events) have run. */
const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Resolves in the event loop's next timers phase: timers due by then (and the I/O before them) run first. */
const afterDueTimers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
    // Not inside the event that asked for the server (a document opening): VS Code's own work on a
    // large document and ours (loading the client library, then creating the client) run as
    // separate tasks, so neither lengthens the other's block of the extension host.
    await afterDueTimers();
    // Lazy: keeps the language client library off the activation path.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lc = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
    await afterDueTimers();
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
      // Hovers are answered here, from the store (see features/hovers.ts): the server offers none.
      initializationOptions: { extensionPath: this.context.extensionPath, clientHovers: true },
      errorHandler: {
        error: () => ({ action: lc.ErrorAction.Continue }),
        closed: () => this.onServerClosed(lc),
      },
      middleware: {
        didOpen: (document, next) => (document.getText().length > LARGE_OPEN_CHARS ? this.openInChunks(document, next) : next(document)),
        // Changes and the close of a document still being sent follow its last chunk.
        didChange: (event, next) => this.afterOpening(event.document.uri.toString(), () => next(event)),
        didClose: (document, next) => this.afterOpening(document.uri.toString(), () => next(document)),
      },
    };
    const client = new lc.LanguageClient(CLIENT_ID, vscode.l10n.t('Chinese Policy Annotator'), serverOptions, clientOptions);
    this.client = client;
    this.disposables.push(
      client.onNotification(AnalysisUpdateMethod, (update: AnalysisUpdate) => {
        // An update that does not build on what the store has (a restart, a lost page): fetch the whole result.
        if (!this.store.applyUpdate(update)) void this.resync(update.uri);
      }),
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

  /** Documents whose text is being sent in chunks, until the last chunk is sent. */
  private readonly opening = new Map<string, Promise<void>>();

  /**
   * A large document: didOpen with an empty text, then the text in chunks, one per macrotask, so
   * serialising it never blocks the extension host for long.
   */
  private openInChunks(document: vscode.TextDocument, next: (document: vscode.TextDocument) => Promise<void>): Promise<void> {
    const uri = document.uri.toString();
    const text = document.getText();
    const version = document.version;
    const chunks: string[] = [];
    for (let i = 0; i < text.length; i += OPEN_CHUNK_CHARS) chunks.push(text.slice(i, i + OPEN_CHUNK_CHARS));
    const empty = { uri: document.uri, languageId: document.languageId, version, getText: () => '' } as unknown as vscode.TextDocument;
    const sending = (async () => {
      const client = this.client!;
      await client.sendNotification(LargeOpenMethod, { uri, version, chunks: chunks.length } satisfies LargeOpenParams);
      await next(empty);
      for (const [index, chunk] of chunks.entries()) {
        await nextMacrotask();
        await client.sendNotification(OpenChunkMethod, { uri, index, text: chunk } satisfies OpenChunkParams);
      }
    })().finally(() => {
      if (this.opening.get(uri) === sending) this.opening.delete(uri);
    });
    this.opening.set(uri, sending);
    return sending;
  }

  private afterOpening(uri: string, send: () => Promise<void>): Promise<void> {
    const opening = this.opening.get(uri);
    return opening ? opening.then(send, send) : send();
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
      return this.store.get(key);
    }
    const stored = this.store.get(key);
    if (stored && stored.version === answer.version && this.store.seqOf(key) === answer.seq) return stored;
    // The store lost it (cleared by a restart in between): ask for the whole result.
    return this.resync(key);
  }

  private readonly resyncing = new Map<string, Promise<AnalysisResult | undefined>>();

  /** Replaces the store's analysis of `uri` by the server's whole current result. */
  private resync(uri: string): Promise<AnalysisResult | undefined> {
    let pending = this.resyncing.get(uri);
    if (!pending) {
      pending = (async () => {
        try {
          const full = await this.client!.sendRequest<AnalysisResult | null>(AnalysisRequestMethod, { uri, resync: true } satisfies AnalysisParams);
          if (full) this.store.set(full);
          return full ? this.store.get(uri) : undefined;
        } finally {
          this.resyncing.delete(uri);
        }
      })();
      this.resyncing.set(uri, pending);
    }
    return pending;
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
