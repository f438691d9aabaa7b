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
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readSettings, SETTINGS_SECTION, DEFAULT_SETTINGS } from '../core/settings';
import { termProblem } from '../core/userDictionary';
import { ENTITY_TYPES, type EntityType, type TextIssue } from '../core/types';
import type { UserTerm } from '../core/engines';
import {
  AnalysisReadyMethod,
  AnalysisRequestMethod,
  AnnotateFilesRequestMethod,
  DictionaryChangedMethod,
  ServerStatusMethod,
  type AnalysisParams,
  type AnalysisPublished,
  type AnalysisResult,
  type AnnotateFilesParams,
  type DictionaryChangedParams,
} from '../shared/protocol';
import { AnalysisEngine } from './engine';
import { DocumentAnalyses, toWire, type CachedAnalysis, type DocumentSettings } from './documentAnalyses';
import { issuesToDiagnostics } from './diagnostics';
import { codeActionsFor } from './codeActions';
import { entityAt, hoverMarkdown, warmUpHover } from './hover';
import { annotateFiles } from './annotateFiles';
import { setServerLocale, t } from './messages';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const engine = new AnalysisEngine();
let configurationSupported = false;
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
 * Issues last sent as diagnostics per document, so a re-analysis of the same text (dictionary or
 * settings change) sends none; after an edit the positions moved and they are always sent.
 */
const sentDiagnostics = new Map<string, { version: number; issues: readonly TextIssue[] }>();

function sameIssues(a: readonly TextIssue[], b: readonly TextIssue[]): boolean {
  return a.length === b.length && a.every((x, i) => x.kind === b[i].kind && x.start === b[i].start && x.end === b[i].end && x.detail === b[i].detail);
}

function publish(doc: TextDocument, result: CachedAnalysis): void {
  try {
    // The analysis first: it is what the client's underlines and pending requests wait for.
    void connection.sendNotification(AnalysisReadyMethod, toWire(result));
  } catch (err) {
    log(`publishing ${doc.uri} failed: ${(err as Error).message}`);
  }
  // Diagnostics (hundreds in a glossed article) a tick later, after the answer to a waiting
  // request; skipped when a newer version arrived meanwhile (its own diagnostics follow).
  setImmediate(() => {
    try {
      if (documents.get(doc.uri) !== doc || doc.version !== result.version) return;
      const sent = sentDiagnostics.get(doc.uri);
      if (sent?.version === result.version && sameIssues(sent.issues, result.analysis.issues)) return;
      sentDiagnostics.set(doc.uri, { version: result.version, issues: result.analysis.issues });
      const diagnostics = issuesToDiagnostics(doc, result.analysis.issues);
      void connection.sendDiagnostics({ uri: doc.uri, version: result.version, diagnostics });
    } catch (err) {
      log(`publishing diagnostics of ${doc.uri} failed: ${(err as Error).message}`);
    }
  });
}

const analyses = new DocumentAnalyses(engine, settingsFor, publish, log);

connection.onInitialize((params: InitializeParams): InitializeResult => {
  configurationSupported = !!params.capabilities.workspace?.configuration;
  setServerLocale(params.locale);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    },
    serverInfo: { name: 'policy-annotator' },
  };
});

connection.onInitialized(() => {
  void connection.sendNotification(ServerStatusMethod, { state: 'loading' });
  void engine.load().then((status) => {
    if (status.message) log(`engine: ${status.state}: ${status.message}`);
    warmUpHover(engine.converter());
    void connection.sendNotification(ServerStatusMethod, status);
  });
});

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  for (const doc of documents.all()) analyses.schedule(doc, { immediate: true, invalidate: true });
});

documents.onDidOpen((e) => analyses.schedule(e.document, { immediate: true }));
documents.onDidChangeContent((e) => analyses.schedule(e.document));
documents.onDidClose((e) => {
  analyses.close(e.document.uri);
  settingsCache.delete(e.document.uri);
  sentDiagnostics.delete(e.document.uri);
  void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onHover(async (params) => {
  try {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
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
  const doc = documents.get(params?.uri);
  if (!doc) return null;
  const result = await analyses.get(doc);
  // The analysisReady notification with this very result went out before this answer: don't send it twice.
  if (params.acceptPublished && analyses.wasPublished(result)) return { uri: result.uri, version: result.version, published: true };
  return toWire(result);
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
    for (const doc of documents.all()) analyses.schedule(doc, { immediate: true, invalidate: true });
  } catch (err) {
    log(`dictionary update failed: ${(err as Error).stack ?? String(err)}`);
  }
});

documents.listen(connection);
connection.listen();
