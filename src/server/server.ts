/**
 * The analysis language server (IPC from the extension; --stdio for tests). It owns nodejieba
 * (loaded in the background after `initialize`), the per-document analysis cache, diagnostics,
 * quick fixes, hovers and the custom requests of src/shared/protocol.ts. It must never crash on
 * bad input: every handler catches and logs.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  ShowMessageNotification,
  MessageType,
  type InitializeParams,
  type InitializeResult,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings, SETTINGS_SECTION, DEFAULT_SETTINGS } from '../core/settings';
import { termProblem } from '../core/userDictionary';
import { ENTITY_TYPES, type EntityType } from '../core/types';
import type { UserTerm } from '../core/engines';
import {
  AnalysisUpdateMethod,
  AnalysisRequestMethod,
  AnnotateFilesRequestMethod,
  DictionaryChangedMethod,
  LargeOpenMethod,
  OpenChunkMethod,
  ServerStatusMethod,
  type AnalysisParams,
  type AnalysisPublished,
  type AnalysisResult,
  type AnnotateFilesParams,
  type DictionaryChangedParams,
  type LargeOpenParams,
  type OpenChunkParams,
} from '../shared/protocol';
import { AnalysisEngine } from './engine';
import { DocumentAnalyses, toWire, type CachedAnalysis, type DocumentSettings } from './documentAnalyses';
import { issuesToDiagnostics, sameDiagnostics } from './diagnostics';
import { codeActionsFor } from './codeActions';
import { entityAt, hoverMarkdown } from './hover';
import { warmUpForms } from './entityForms';
import { AnalysisPublisher } from './publisher';
import { LargeOpens } from './largeOpens';
import { annotateFiles } from './annotateFiles';
import { setServerLocale, t } from './messages';
import { lowerProcessPriority } from './priority';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const engine = new AnalysisEngine();
let configurationSupported = false;
/** Our extension answers hovers itself (from its mirror of the analyses): then the server offers none. */
let clientHovers = false;
const settingsCache = new Map<string, Promise<DocumentSettings>>();

const log = (msg: string) => connection.console.log(msg);

process.on('uncaughtException', (err) => log(`uncaught exception: ${err.stack ?? String(err)}`));
process.on('unhandledRejection', (err) => log(`unhandled rejection: ${(err as Error)?.stack ?? String(err)}`));

/** Settings of the resource `uri` (its folder's and the user's), asked of the client. */
async function loadSettings(uri: string): Promise<DocumentSettings> {
  if (!configurationSupported) return { maxFileSize: DEFAULT_SETTINGS.maxFileSize, debounceMs: DEFAULT_SETTINGS.debounceMs };
  try {
    const raw = ((await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })) ?? {}) as Record<string, unknown>;
    // Dotted keys ("annotations.enabled") may arrive nested.
    const get = (key: string) => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), raw) ?? raw[key];
    const settings = readSettings(get);
    return { maxFileSize: settings.maxFileSize, debounceMs: settings.debounceMs };
  } catch (err) {
    log(`reading settings failed: ${(err as Error).message}`);
    return { maxFileSize: DEFAULT_SETTINGS.maxFileSize, debounceMs: DEFAULT_SETTINGS.debounceMs };
  }
}

/** Settings of an open document, cached until the configuration changes or it closes. */
function settingsFor(uri: string): Promise<DocumentSettings> {
  let s = settingsCache.get(uri);
  if (!s) {
    s = loadSettings(uri);
    settingsCache.set(uri, s);
  }
  return s;
}

/**
 * Diagnostics last sent per document, so a re-analysis that shows the same problems at the same
 * positions (a dictionary or settings change, or an edit on a line without problems) sends none.
 */
const sentDiagnostics = new Map<string, readonly Diagnostic[]>();
const diagnosticTimers = new Map<string, NodeJS.Timeout>();

/**
 * After an edit, diagnostics wait until typing pauses: the editor moves the markers it shows along
 * with the edit meanwhile, and hundreds of diagnostics per keystroke would cost the client more
 * than the analysis itself.
 */
const DIAGNOSTICS_AFTER_EDIT_MS = 300;

const publisher = new AnalysisPublisher((update) => void connection.sendNotification(AnalysisUpdateMethod, update), () => engine.converter());

function publish(doc: TextDocument, result: CachedAnalysis): void {
  try {
    // The analysis first: it is what the client's underlines and pending requests wait for.
    publisher.publish(result);
  } catch (err) {
    log(`publishing ${doc.uri} failed: ${(err as Error).message}`);
  }
  const first = !sentDiagnostics.has(doc.uri);
  clearTimeout(diagnosticTimers.get(doc.uri));
  // Diagnostics of a newly opened document a tick later, after the answer to a waiting request;
  // skipped when a newer version arrived meanwhile (its own diagnostics follow).
  const send = () => {
    diagnosticTimers.delete(doc.uri);
    try {
      if (documents.get(doc.uri) !== doc || doc.version !== result.version) return;
      const diagnostics = issuesToDiagnostics(doc, result.analysis.issues);
      const sent = sentDiagnostics.get(doc.uri);
      if (sent && sameDiagnostics(sent, diagnostics)) return;
      sentDiagnostics.set(doc.uri, diagnostics);
      void connection.sendDiagnostics({ uri: doc.uri, version: result.version, diagnostics });
    } catch (err) {
      log(`publishing diagnostics of ${doc.uri} failed: ${(err as Error).message}`);
    }
  };
  if (first) setImmediate(send);
  else diagnosticTimers.set(doc.uri, setTimeout(send, DIAGNOSTICS_AFTER_EDIT_MS));
}

const analyses = new DocumentAnalyses(engine, settingsFor, publish, log);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  clientHovers = !!(params.initializationOptions as { clientHovers?: boolean } | undefined)?.clientHovers;
  setServerLocale(params.locale);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: !clientHovers,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'policy-annotator' },
  };
});

connection.onInitialized(() => {
  // Before the dictionary loads: analysis yields the cores to the editor (priority.ts).
  try {
    lowerProcessPriority();
  } catch (err) {
    log(`lowering the server's priority failed: ${(err as Error).message}`);
  }
  void connection.sendNotification(ServerStatusMethod, { state: 'loading' });
  void engine.load().then((status) => {
    if (status.message) log(`engine: ${status.state}: ${status.message}`);
    warmUpForms(engine.converter());
    void connection.sendNotification(ServerStatusMethod, status);
  });
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  reanalyseAll();
});

const largeOpens = new LargeOpens((uri) => documents.get(uri), (doc) => analyses.schedule(doc, { immediate: true }), log);
connection.onNotification(LargeOpenMethod, (params: LargeOpenParams) => largeOpens.announce(params));
connection.onNotification(OpenChunkMethod, (params: OpenChunkParams) => {
  try {
    largeOpens.chunk(params);
  } catch (err) {
    log(`receiving a chunk of ${params?.uri} failed: ${(err as Error).message}`);
  }
});

/** The inputs changed (settings, dictionary): every open document again, at once. */
function reanalyseAll(): void {
  for (const doc of documents.all()) if (!largeOpens.isOpening(doc.uri)) analyses.schedule(doc, { immediate: true, invalidate: true });
}

// A large document's text is still arriving in chunks: it is analysed after the last one.
documents.onDidOpen((e) => largeOpens.isOpening(e.document.uri) || analyses.schedule(e.document, { immediate: true }));
documents.onDidChangeContent((e) => largeOpens.isOpening(e.document.uri) || analyses.schedule(e.document));
documents.onDidClose((e) => {
  largeOpens.forget(e.document.uri);
  analyses.close(e.document.uri);
  publisher.forget(e.document.uri);
  settingsCache.delete(e.document.uri);
  sentDiagnostics.delete(e.document.uri);
  clearTimeout(diagnosticTimers.get(e.document.uri));
  diagnosticTimers.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover(async (params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || largeOpens.isOpening(doc.uri)) return null;
    const result = analyses.cached(doc) ?? (await analyses.get(doc));
    if (result.version !== doc.version) return null;
    const entity = entityAt(result.analysis, doc.offsetAt(params.position));
    if (!entity) return null;
    return {
      contents: { kind: 'markdown', value: hoverMarkdown(doc.uri, result.analysis, entity, engine.converter()) },
      range: { start: doc.positionAt(entity.start), end: doc.positionAt(entity.end) },
    };
  } catch (err) {
    log(`hover failed: ${(err as Error).stack ?? String(err)}`);
    return null;
  }
});

connection.onCodeAction((params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    return codeActionsFor(doc, params.range, params.context.diagnostics, analyses.cached(doc)?.analysis, () => engine.converter());
  } catch (err) {
    log(`code actions failed: ${(err as Error).message}`);
    return [];
  }
});

connection.onRequest(AnalysisRequestMethod, async (params: AnalysisParams): Promise<AnalysisResult | AnalysisPublished | null> => {
  await largeOpens.whenOpen(params?.uri);
  const doc = documents.get(params?.uri);
  if (!doc) return null;
  const result = await analyses.get(doc);
  // The analysisUpdate notifications of this very result went out before this answer: don't send it twice.
  const seq = publisher.seqOf(result);
  if (params.acceptPublished && !params.resync && seq !== undefined) return { uri: result.uri, version: result.version, seq, published: true };
  const forms = publisher.allForms(result.analysis);
  // Resync: the client replaces what it has by this answer, and later updates build on it.
  const answerSeq = params.resync ? publisher.sentWhole(result, forms) : seq;
  return { ...toWire(result), ...(answerSeq !== undefined ? { seq: answerSeq } : {}), ...(forms ? { forms } : {}) };
});

connection.onRequest(AnnotateFilesRequestMethod, async (params: AnnotateFilesParams, token) => {
  // The size limit is a resource setting: read it for each file's folder (once per folder).
  const limits = new Map<string, Promise<number>>();
  const maxFileSizeFor = (path: string): Promise<number> => {
    const dir = dirname(path);
    let limit = limits.get(dir);
    if (!limit) {
      limit = loadSettings(pathToFileURL(path).href).then((s) => s.maxFileSize);
      limits.set(dir, limit);
    }
    return limit;
  };
  return annotateFiles(params, engine, maxFileSizeFor, token);
});

/** Keeps the valid terms of a dictionary notification and reports the rest. */
function validateDictionary(params: unknown): { terms: UserTerm[]; ignored: string[]; problems: string[] } {
  const problems: string[] = [];
  const terms: UserTerm[] = [];
  const ignored: string[] = [];
  const p = (params ?? {}) as Partial<DictionaryChangedParams>;
  if (!Array.isArray(p.terms)) problems.push('terms is not a list');
  for (const [i, t] of (Array.isArray(p.terms) ? p.terms : []).entries()) {
    const term = t && typeof t === 'object' && typeof t.term === 'string' ? t.term.trim() : undefined;
    const type = t && typeof t === 'object' ? t.type : undefined;
    const problem = term === undefined ? 'not a term' : termProblem(term);
    if (problem) problems.push(`entry ${i + 1}: ${problem}`);
    else if (!(ENTITY_TYPES as readonly string[]).includes(String(type))) problems.push(`entry ${i + 1} (${term}): unknown type "${String(type)}"`);
    else terms.push({ term: term!, type: type as EntityType, ...(typeof t.gloss === 'string' && t.gloss ? { gloss: t.gloss } : {}) });
  }
  for (const s of Array.isArray(p.ignored) ? p.ignored : []) if (typeof s === 'string' && s.trim()) ignored.push(s.trim());
  return { terms, ignored, problems };
}

connection.onNotification(DictionaryChangedMethod, (params: unknown) => {
  try {
    const { terms, ignored, problems } = validateDictionary(params);
    if (problems.length) {
      const text = t(problems.length === 1 ? 'dictionary.skippedOne' : 'dictionary.skipped', [problems.length, problems.slice(0, 3).join('; ')]);
      log(text);
      // A notification (not window/showMessageRequest): nothing waits for the user.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
    }
    engine.setDictionary(terms, ignored);
    reanalyseAll();
  } catch (err) {
    log(`dictionary update failed: ${(err as Error).stack ?? String(err)}`);
  }
});

documents.listen(connection);
connection.listen();
