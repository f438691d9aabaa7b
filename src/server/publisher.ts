/**
 * Sends analyses to the client as deltas against what it last sent for the same document, so an
 * edit costs the client (and the wire) only what changed; a large analysis goes out in pages of
 * bounded size, so no single message blocks the extension host for long.
 */
import type { Converter } from '../core/engines';
import type { ArticleAnalysis } from '../core/types';
import { diffAnalysis, EMPTY_ANALYSIS, pageAnalysis, type AnalysisListDeltas } from '../shared/analysisDelta';
import type { AnalysisUpdate, EntityForms } from '../shared/protocol';
import { newForms } from './entityForms';
import type { CachedAnalysis } from './documentAnalyses';

/** Items of one list per update: a page of entities is a few hundred kilobytes of JSON. */
export const UPDATE_PAGE_ITEMS = 1000;

interface Sent {
  seq: number;
  result: CachedAnalysis;
  analysis: ArticleAnalysis;
  textLength: number;
  /** Keys of the entity forms the client has (see EntityForms). */
  forms: Set<string>;
}

export class AnalysisPublisher {
  private readonly sent = new Map<string, Sent>();
  private seq = 0;

  constructor(
    private readonly send: (update: AnalysisUpdate) => void,
    private readonly converter: () => Converter,
  ) {}

  /** Sends `result` as updates against the last one sent for its document. */
  publish(result: CachedAnalysis): void {
    const previous = this.sent.get(result.uri);
    const before = previous?.analysis ?? EMPTY_ANALYSIS;
    const textLength = result.textLength ?? 0;
    const shift = previous ? textLength - previous.textLength : 0;
    const lists = diffAnalysis(before, result.analysis, shift);
    const forms = previous?.forms ?? new Set<string>();
    const formsToSend = this.forms(lists, forms);
    const pages = pageAnalysis(lists, UPDATE_PAGE_ITEMS);
    let base = previous?.seq ?? 0;
    for (const [i, page] of pages.entries()) {
      const seq = ++this.seq;
      this.send({
        uri: result.uri,
        version: result.version,
        seq,
        base,
        ...(i < pages.length - 1 ? { partial: true } : {}),
        script: result.analysis.script,
        date: result.analysis.date,
        lists: page,
        ...(i === 0 && formsToSend ? { forms: formsToSend } : {}),
        ...(result.skipped ? { skipped: result.skipped } : {}),
        ...(result.timings ? { timings: result.timings } : {}),
      });
      base = seq;
    }
    this.sent.set(result.uri, { seq: base, result, analysis: result.analysis, textLength, forms });
  }

  /** The sequence number of `result` if it is the one last sent for its document. */
  seqOf(result: CachedAnalysis): number | undefined {
    const s = this.sent.get(result.uri);
    return s?.result === result ? s.seq : undefined;
  }

  /** All forms of the entities of `analysis` (for a whole result sent as a request's answer). */
  allForms(analysis: ArticleAnalysis): EntityForms | undefined {
    return newForms(analysis.entities, this.converter(), new Set());
  }

  /** Marks `result` as what the client has now (it received it whole, as a request's answer). */
  sentWhole(result: CachedAnalysis, forms: EntityForms | undefined): number {
    const seq = ++this.seq;
    this.sent.set(result.uri, { seq, result, analysis: result.analysis, textLength: result.textLength ?? 0, forms: new Set(Object.keys(forms ?? {})) });
    return seq;
  }

  forget(uri: string): void {
    this.sent.delete(uri);
  }

  private forms(lists: AnalysisListDeltas, known: Set<string>): EntityForms | undefined {
    const inserted = lists.entities?.insert;
    if (!inserted?.length) return undefined;
    try {
      return newForms(inserted, this.converter(), known);
    } catch {
      return undefined; // forms are a nicety: a broken converter must not stop the analysis reaching the client
    }
  }
}
