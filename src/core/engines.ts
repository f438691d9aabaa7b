/**
 * Small interfaces the pipeline is written against, so engines can be injected
 * (real ones in the server, CLI and tests; fakes only where a test needs one).
 */
import type { OffsetMap } from './offsetMap';

export type TraditionalVariant = 'tw' | 'twp' | 'hk' | 't';

export interface Conversion {
  text: string;
  /** Maps every unit of `text` back to the input it was converted from. */
  map: OffsetMap;
}

export interface Converter {
  toSimplified(text: string): Conversion;
  toTraditional(text: string, variant: TraditionalVariant): Conversion;
}

/** A word from the segmenter, with its POS tag and its offsets in the segmented text. */
export interface Token {
  word: string;
  tag: string;
  start: number;
  end: number;
}

export interface Segmenter {
  /** Cut `text` into POS-tagged tokens covering it exactly, in order; new objects the caller may change. */
  tag(text: string): Token[];
  /**
   * Optional: `text` is about to be tagged line by line (a large article). The segmenter may tag
   * the lines ahead on a thread of its own meanwhile; tag() then takes those results. Dispose when
   * the analysis ends or is abandoned: that stops the work ahead.
   */
  tagAhead?(text: string): { dispose(): void };
}

/** A user term from `.policy-annotator/dictionary.tsv` (`term<TAB>type<TAB>gloss`). */
export interface UserTerm {
  term: string;
  type: string;
  gloss?: string;
}

/** Where user dictionary terms come from (workspace file in the server, a list in tests). */
export interface UserTermSource {
  terms(): readonly UserTerm[];
}
