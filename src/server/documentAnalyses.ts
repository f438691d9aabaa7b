/**
 * Per-document analysis cache (keyed by uri + version) with debounced re-analysis.
 * Requests for the current version wait for a pending analysis instead of starting another.
 * Each document keeps an IncrementalAnalyzer: an edit re-analyses only the paragraphs it touched,
 * and the work runs in slices that yield to the event loop and stop when a newer version arrives.
 */
import { performance } from 'node:perf_hooks';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzePrepared, prepareText, type PreparedText } from '../core/analyze';
import { IncrementalAnalyzer } from '../core/incremental';
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
  /** The entry's generation the result was computed in (see Entry.generation). */
  generation?: number;
  /** Length of the analysed text (analysis updates move kept items by the change of length). */
  textLength?: number;
}

/** What goes over the wire: the result without the server-side extras. */
export function toWire(result: CachedAnalysis): AnalysisResult {
  const { prepared: _prepared, generation: _generation, textLength: _textLength, ...wire } = result;
  return wire;
}

export interface ScheduleOptions {
  /** Analyse without the debounce delay (document opened, dictionary or settings changed). */
  immediate?: boolean;
  /** The inputs changed (dictionary, settings): a result for the current version is outdated too. */
  invalidate?: boolean;
}

interface Entry {
  version: number;
  /**
   * Bumped when the dictionary or the settings change: a result (or pending run) of an older
   * generation is outdated even for the same document version.
   */
  generation: number;
  analyzer: IncrementalAnalyzer;
  result?: CachedAnalysis;
  pending?: Promise<CachedAnalysis>;
  /** Version and generation the pending analysis is for. */
  pendingVersion?: number;
  pendingGeneration?: number;
  /** The last result handed to `onAnalysis` (sent to the client). */
  published?: CachedAnalysis;
  timer?: NodeJS.Timeout;
  /** Callers of a run that stopped for a newer version, waiting for the next stored result. */
  waiters: Array<(result: CachedAnalysis) => void>;
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
  const skipped = skipReason(text, uri, version, settings);
  if (skipped) return skipped;
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

/** Why a text is not analysed at all (binary, too large), or undefined. */
function skipReason(text: string, uri: string, version: number, settings: DocumentSettings): CachedAnalysis | undefined {
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
  return undefined;
}

/**
 * analyzeDocumentText, incrementally and in slices: undefined when `isStale()` turned true
 * (a newer version arrived) before the analysis finished. Never throws.
 */
export async function analyzeDocumentIncrementally(
  text: string,
  uri: string,
  version: number,
  engine: AnalysisEngine,
  settings: DocumentSettings,
  analyzer: IncrementalAnalyzer,
  isStale: () => boolean,
  log: (msg: string) => void,
): Promise<CachedAnalysis | undefined> {
  const skipped = skipReason(text, uri, version, settings);
  if (skipped) return skipped;
  const fileName = uri.split('/').pop();
  try {
    const done = await analyzer.analyzeInSlices(text, engine.deps(), { fileName: fileName && decodeURIComponent(fileName), isStale });
    return done && { uri, version, analysis: done.analysis, prepared: done.prepared };
  } catch (err) {
    log(`analysis of ${uri} failed: ${(err as Error).stack ?? String(err)}`);
    // Fall back to the one-shot path, which keeps what the normaliser found for diagnostics.
    return analyzeDocumentText(text, uri, version, engine, settings, log);
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

  /** Cached result for exactly this version (and the current dictionary and settings), if any. */
  cached(doc: TextDocument): CachedAnalysis | undefined {
    const e = this.entries.get(doc.uri);
    return e && this.isCurrent(e, e.result, doc.version) ? e.result : undefined;
  }

  /** Whether `result` is what `onAnalysis` last sent for its document. */
  wasPublished(result: CachedAnalysis): boolean {
    return this.entries.get(result.uri)?.published === result;
  }

  private isCurrent(entry: Entry, result: CachedAnalysis | undefined, version: number): result is CachedAnalysis {
    return !!result && result.version === version && (result.generation ?? 0) === entry.generation;
  }

  /** Latest result of any version (for hovers while typing). */
  latest(uri: string): CachedAnalysis | undefined {
    return this.entries.get(uri)?.result;
  }

  /** Schedules a re-analysis after the debounce delay (or at once: see ScheduleOptions). */
  schedule(doc: TextDocument, options: ScheduleOptions = {}): void {
    const { immediate = false, invalidate = false } = options;
    const entry = this.entry(doc);
    if (entry.timer) clearTimeout(entry.timer);
    entry.version = doc.version;
    if (invalidate) entry.generation++;
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
    if (this.isCurrent(entry, entry.result, doc.version)) return entry.result;
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
    for (const resolve of e?.waiters.splice(0) ?? []) resolve(e!.result ?? { uri, version: e!.version, analysis: emptyAnalysis('') });
  }

  private entry(doc: TextDocument): Entry {
    let e = this.entries.get(doc.uri);
    if (!e) {
      e = { version: doc.version, generation: 0, analyzer: new IncrementalAnalyzer(), waiters: [] };
      this.entries.set(doc.uri, e);
    }
    return e;
  }

  private run(doc: TextDocument): Promise<CachedAnalysis> {
    const entry = this.entry(doc);
    const version = doc.version;
    const generation = entry.generation;
    if (entry.pending && entry.pendingVersion === version && entry.pendingGeneration === generation) return entry.pending;
    // A debounce timer firing after a request already analysed this version: nothing to do.
    if (this.isCurrent(entry, entry.result, version)) return Promise.resolve(entry.result);
    entry.version = version;
    // The document object is updated in place on edits: take the text of this version now.
    const text = doc.getText();
    const pending = (async () => {
      await this.engine.load();
      const settings = await this.settingsFor(doc.uri);
      const isStale = () => this.entries.get(doc.uri) !== entry || doc.version !== version || entry.generation !== generation;
      const started = performance.now();
      const result = await analyzeDocumentIncrementally(text, doc.uri, version, this.engine, settings, entry.analyzer, isStale, this.log);
      if (result) {
        result.generation = generation;
        result.textLength = text.length;
        result.timings = { analysisMs: Math.round((performance.now() - started) * 10) / 10 };
      }
      if (!result) {
        // Stopped for a newer version: answer with the next result (its debounced run, or one started now).
        if (this.entries.get(doc.uri) !== entry) return entry.result ?? { uri: doc.uri, version, analysis: emptyAnalysis('') };
        if (entry.timer) return new Promise<CachedAnalysis>((resolve) => entry.waiters.push(resolve));
        return this.get(doc);
      }
      // A newer version is already scheduled: keep the result but do not publish stale positions.
      if (this.entries.get(doc.uri) === entry && doc.version === version && entry.generation === generation) {
        entry.result = result;
        entry.published = result;
        this.onAnalysis(doc, result);
        for (const resolve of entry.waiters.splice(0)) resolve(result);
      }
      return result;
    })();
    entry.pending = pending;
    entry.pendingVersion = version;
    entry.pendingGeneration = generation;
    void pending.finally(() => {
      if (entry.pending === pending) {
        entry.pending = undefined;
        entry.pendingVersion = undefined;
        entry.pendingGeneration = undefined;
      }
    });
    return pending;
  }
}
