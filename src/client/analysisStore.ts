import * as vscode from 'vscode';
import type { AnalysisResult, AnalysisUpdate, EntityForms } from '../shared/protocol';
import { applyAnalysis, EMPTY_ANALYSIS } from '../shared/analysisDelta';
import type { ArticleAnalysis } from '../core/types';

interface Entry {
  /** The latest complete analysis. */
  result?: AnalysisResult;
  /** Sequence number of the update `result` equals (undefined: not part of the server's update chain). */
  seq?: number;
  /** A large analysis arriving in pages: what the pages so far built, not shown yet. */
  pending?: { seq: number; analysis: ArticleAnalysis };
  /** Traditional and pinyin forms of the document's entities (for hovers). */
  forms: Map<string, [string, string]>;
}

/**
 * The client's mirror of the server's analyses: the latest complete analysis for each document
 * (keyed by URI string), kept current by the server's analysis updates (deltas). Features read it
 * and listen to `onDidChange`; the language client feature fills it.
 */
export class AnalysisStore implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires with the document URI whose analysis changed (or was removed). */
  readonly onDidChange = this.changed.event;

  /** Stores a whole result (a request's answer). */
  set(result: AnalysisResult): void {
    const entry = this.entry(result.uri);
    if (entry.result && entry.result.version > result.version) return; // a late, older answer
    const { forms, ...rest } = result;
    entry.result = rest;
    entry.seq = result.seq;
    entry.pending = undefined;
    if (forms) mergeForms(entry.forms, forms);
    this.changed.fire(vscode.Uri.parse(result.uri));
  }

  /**
   * Applies an analysis update. False when the update does not build on what the store has (the
   * caller then asks the server for the whole result).
   */
  applyUpdate(update: AnalysisUpdate): boolean {
    const entry = this.entry(update.uri);
    let base: ArticleAnalysis | undefined;
    let ownLists = false;
    if (update.base === 0) {
      base = EMPTY_ANALYSIS;
      entry.forms.clear();
    } else if (entry.pending?.seq === update.base) {
      base = entry.pending.analysis;
      ownLists = true; // pages so far: nobody else sees them yet
    } else if (entry.seq === update.base && entry.result) base = entry.result.analysis;
    if (!base) return false;
    // In place: the store owns its analyses and keeps only the latest (features read it afresh on
    // each change), and a multi-MB article's moved tail would otherwise be copied item by item.
    // Not when more pages follow an update of the analysis shown: that one stays as it is meanwhile.
    const analysis = applyAnalysis(base, update.lists, update, ownLists ? 'list' : !update.partial);
    if (update.forms) mergeForms(entry.forms, update.forms);
    if (update.partial) {
      entry.pending = { seq: update.seq, analysis };
      return true;
    }
    entry.pending = undefined;
    entry.seq = update.seq;
    entry.result = {
      uri: update.uri,
      version: update.version,
      analysis,
      ...(update.skipped ? { skipped: update.skipped } : {}),
      ...(update.timings ? { timings: update.timings } : {}),
    };
    this.changed.fire(vscode.Uri.parse(update.uri));
    return true;
  }

  /** Sequence number of the stored result of `uri` (see AnalysisUpdate). */
  seqOf(uri: string): number | undefined {
    return this.entries.get(uri)?.seq;
  }

  /** Traditional and pinyin forms the server sent for `key` (formsKey) of a document's entity. */
  forms(uri: vscode.Uri | string, key: string): [string, string] | undefined {
    return this.entries.get(typeof uri === 'string' ? uri : uri.toString())?.forms.get(key);
  }

  get(uri: vscode.Uri | string): AnalysisResult | undefined {
    return this.entries.get(typeof uri === 'string' ? uri : uri.toString())?.result;
  }

  /** Result whose version matches the document, i.e. whose offsets are valid for its current text. */
  current(document: vscode.TextDocument): AnalysisResult | undefined {
    const result = this.get(document.uri);
    return result && result.version === document.version ? result : undefined;
  }

  delete(uri: vscode.Uri): void {
    const had = !!this.entries.get(uri.toString())?.result;
    this.entries.delete(uri.toString());
    if (had) this.changed.fire(uri);
  }

  all(): AnalysisResult[] {
    return [...this.entries.values()].flatMap((e) => (e.result ? [e.result] : []));
  }

  clear(): void {
    const uris = [...this.entries.keys()];
    this.entries.clear();
    for (const u of uris) this.changed.fire(vscode.Uri.parse(u));
  }

  dispose(): void {
    this.changed.dispose();
  }

  private entry(uri: string): Entry {
    let e = this.entries.get(uri);
    if (!e) {
      e = { forms: new Map() };
      this.entries.set(uri, e);
    }
    return e;
  }
}

function mergeForms(into: Map<string, [string, string]>, forms: EntityForms): void {
  for (const [key, value] of Object.entries(forms)) into.set(key, value);
}
