/**
 * Per-document analysis cache (keyed by uri + version) with debounced re-analysis.
 * Requests for the current version wait for a pending analysis instead of starting another.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePrepared, prepareText, type PreparedText } from '../core/analyze';
import { detectScript } from '../core/script';
import type { ArticleAnalysis } from '../core/types';
import type { AnalysisResult } from '../shared/protocol';
import type { AnalysisEngine } from './engine';

export interface DocumentSettings {
  maxFileSize: number;
  debounceMs: number;
}

export interface CachedAnalysis extends AnalysisResult {
  prepared?: PreparedText;
}

interface Entry {
  version: number;
  result?: CachedAnalysis;
  pending?: Promise<CachedAnalysis>;
  timer?: NodeJS.Timeout;
}

export function emptyAnalysis(text: string): ArticleAnalysis {
  let script: ArticleAnalysis['script'] = 'simplified';
  try {
    script = detectScript(text.slice(0, 20000)).script;
  } catch {
    /* keep the default */
  }
  return { script, date: null, entities: [], events: [], issues: [] };
}

/** Analyses one text, or says why it was skipped. Never throws. */
export function analyzeDocumentText(
  text: string,
  uri: string,
  version: number,
  engine: AnalysisEngine,
  settings: DocumentSettings,
  log: (msg: string) => void,
): CachedAnalysis {
  if (text.includes('\u0000')) {
    return { uri, version, analysis: emptyAnalysis(''), skipped: { reason: 'binary', detail: 'the document contains NUL bytes' } };
  }
  if (settings.maxFileSize > 0 && text.length > settings.maxFileSize) {
    return {
      uri,
      version,
      analysis: emptyAnalysis(text),
      skipped: { reason: 'tooLarge', detail: `${text.length} characters, limit ${settings.maxFileSize}` },
    };
  }
  const fileName = uri.split('/').pop();
  let prepared: PreparedText | undefined;
  try {
    prepared = prepareText(text, engine.converter());
    const { analysis } = analyzePrepared(prepared, engine.deps(), { fileName: fileName && decodeURIComponent(fileName) });
    return { uri, version, analysis, prepared };
  } catch (err) {
    log(`analysis of ${uri} failed: ${(err as Error).stack ?? String(err)}`);
    // Keep what the normaliser found so diagnostics still work.
    const analysis = emptyAnalysis(text);
    if (prepared) {
      analysis.script = prepared.script;
      analysis.issues = prepared.normalized.issues;
    }
    return { uri, version, analysis, prepared };
  }
}

export class DocumentAnalyses {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly engine: AnalysisEngine,
    private readonly settingsFor: (uri: string) => Promise<DocumentSettings>,
    private readonly onAnalysis: (doc: TextDocument, result: CachedAnalysis) => void,
    private readonly log: (msg: string) => void,
  ) {}

  /** Cached result for exactly this version, if any. */
  cached(doc: TextDocument): CachedAnalysis | undefined {
    const e = this.entries.get(doc.uri);
    return e?.result && e.result.version === doc.version ? e.result : undefined;
  }

  /** Latest result of any version (for hovers while typing). */
  latest(uri: string): CachedAnalysis | undefined {
    return this.entries.get(uri)?.result;
  }

  /** Schedules a re-analysis after the debounce delay; `immediate` for open / dictionary changes. */
  schedule(doc: TextDocument, immediate = false): void {
    const entry = this.entry(doc);
    if (entry.timer) clearTimeout(entry.timer);
    entry.version = doc.version;
    void this.settingsFor(doc.uri).then((settings) => {
      if (entry.version !== doc.version) return;
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        void this.run(doc);
      }, immediate ? 0 : settings.debounceMs);
    });
  }

  /** The analysis of `doc` at its current version, waiting for (or starting) it. */
  async get(doc: TextDocument): Promise<CachedAnalysis> {
    const entry = this.entry(doc);
    if (entry.result?.version === doc.version) return entry.result;
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    return this.run(doc);
  }

  close(uri: string): void {
    const e = this.entries.get(uri);
    if (e?.timer) clearTimeout(e.timer);
    this.entries.delete(uri);
  }

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    if (!e) {
      e = { version: doc.version };
      this.entries.set(doc.uri, e);
    }
    return e;
  }

  private run(doc: TextDocument): Promise<CachedAnalysis> {
    const entry = this.entry(doc);
    const version = doc.version;
    if (entry.pending && entry.version === version) return entry.pending;
    entry.version = version;
    // The document object is updated in place on edits: take the text of this version now.
    const text = doc.getText();
    const pending = (async () => {
      await this.engine.load();
      const settings = await this.settingsFor(doc.uri);
      const result = analyzeDocumentText(text, doc.uri, version, this.engine, settings, this.log);
      // A newer version is already scheduled: keep the result but do not publish stale positions.
      if (this.entries.get(doc.uri) === entry && doc.version === version) {
        entry.result = result;
        this.onAnalysis(doc, result);
      }
      return result;
    })();
    entry.pending = pending;
    void pending.finally(() => {
      if (entry.pending === pending) entry.pending = undefined;
    });
    return pending;
  }
}
