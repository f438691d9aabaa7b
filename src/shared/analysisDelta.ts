/**
 * Analyses travel from the server to the client as deltas: after an edit most entities, events and
 * issues are unchanged, either in place (before the edit) or moved by the edit's length change
 * (after it). A list delta says how many items to keep from each end of the old list, by how much
 * the kept tail moved, and which new items go between. Pure: no vscode, no nodejieba.
 */
import type { ArticleAnalysis } from '../core/types';

export interface ListDelta<T> {
  /** Items kept as they are from the start of the old list. */
  keep: number;
  /** Items kept from the end of the old list, their offsets moved by `shift`. */
  tail: number;
  shift: number;
  /** New items between the kept head and the kept tail. */
  insert: T[];
}

/**
 * Whether `a` moved by `shift` equals `b`. Offsets are the numeric `start`/`end` of an item and of
 * the spans one level down (an event's trigger and sentence); everything else must be equal.
 */
export function sameShifted(a: unknown, b: unknown, shift: number, depth = 0): boolean {
  if (a === b) return shift === 0 || depth > 1 || typeof a !== 'object' || a === null || !hasOffsets(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameShifted(x, bb[i], 0, 2));
  }
  const ao = a as Record<string, unknown>, bo = b as Record<string, unknown>;
  // for…in without key arrays: the server compares every item of a large analysis after each edit.
  let count = 0;
  for (const k in ao) {
    count++;
    const x = ao[k], y = bo[k];
    if (depth <= 1 && (k === 'start' || k === 'end') && typeof x === 'number') {
      if (x + shift !== y) return false;
    } else if (!sameShifted(x, y, depth === 0 ? shift : 0, depth === 0 ? 1 : 2)) {
      return false;
    }
  }
  for (const _ in bo) count--;
  return count === 0;
}

function hasOffsets(x: object): boolean {
  if (Array.isArray(x)) return false;
  const o = x as Record<string, unknown>;
  if (typeof o.start === 'number') return true;
  return Object.values(o).some((v) => v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>).start === 'number');
}

/** A copy of `item` with its offsets (see sameShifted) moved by `shift`. */
export function shifted<T>(item: T, shift: number): T {
  if (shift === 0) return item;
  const out = { ...(item as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) {
    if ((k === 'start' || k === 'end') && typeof v === 'number') out[k] = v + shift;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>).start === 'number') {
      const span = { ...(v as Record<string, unknown>) };
      span.start = (span.start as number) + shift;
      if (typeof span.end === 'number') span.end += shift;
      out[k] = span;
    }
  }
  return out as T;
}

/** The delta turning `before` into `after`, where text after the edit moved by `shift`. */
export function diffList<T>(before: readonly T[], after: readonly T[], shift: number): ListDelta<T> {
  const max = Math.min(before.length, after.length);
  let keep = 0;
  while (keep < max && sameShifted(before[keep], after[keep], 0)) keep++;
  let tail = 0;
  while (tail < max - keep && sameShifted(before[before.length - 1 - tail], after[after.length - 1 - tail], shift)) tail++;
  return { keep, tail, shift: tail ? shift : 0, insert: after.slice(keep, after.length - tail) };
}

/** Keys of `item` whose values are spans (an event's trigger and sentence): shifted with the item. */
function spanKeys(item: unknown): string[] {
  const o = item as Record<string, unknown>;
  return Object.keys(o).filter((k) => {
    const v = o[k];
    return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as Record<string, unknown>).start === 'number';
  });
}

/**
 * Moves the offsets (see sameShifted) of `items[from..]` by `shift`, in place. The items of one
 * list have the same span-valued keys, so those are found once, on the first item.
 */
function shiftAllInPlace(items: readonly unknown[], from: number, shift: number): void {
  if (!shift || from >= items.length) return;
  const keys = spanKeys(items[from]);
  for (let i = from; i < items.length; i++) {
    const o = items[i] as Record<string, unknown> & { start?: number; end?: number };
    if (typeof o.start === 'number') o.start += shift;
    if (typeof o.end === 'number') o.end += shift;
    for (const k of keys) {
      const span = o[k] as { start?: number; end?: number } | null | undefined;
      if (span && typeof span.start === 'number') span.start += shift;
      if (span && typeof span.end === 'number') span.end += shift;
    }
  }
}

/**
 * `before` with `delta` applied, as a new array sharing the kept items. Moved items are copies,
 * unless `inPlace`: then they are moved where they are (no allocation per item; for the owner of
 * `before`, who no longer needs it as it was); with 'list', `before` itself may be the result.
 */
export function applyList<T>(before: readonly T[], delta: ListDelta<T>, inPlace: boolean | 'list' = false): T[] {
  const { keep, tail, shift, insert } = delta;
  if (keep < 0 || tail < 0 || keep + tail > before.length) throw new Error(`delta does not fit a list of ${before.length}`);
  // 'list': the array itself is the caller's too (a page of a large analysis, not shown yet): insert
  // into it rather than copying it for each page.
  if (inPlace === 'list' && keep + tail === before.length && !shift) {
    const list = before as T[];
    if (tail === 0) for (const x of insert) list.push(x);
    else for (let i = 0; i < insert.length; i += 10_000) list.splice(keep + i, 0, ...insert.slice(i, i + 10_000));
    return list;
  }
  if (inPlace) {
    shiftAllInPlace(before, before.length - tail, shift);
    return before.slice(0, keep).concat(insert, before.slice(before.length - tail));
  }
  const out = before.slice(0, keep).concat(insert);
  for (let i = before.length - tail; i < before.length; i++) out.push(shifted(before[i], shift));
  return out;
}

/**
 * Splits a delta into consecutive deltas of at most `size` inserted items each, so no message (and
 * no step applying it) grows with the document. Applying them in order equals applying `delta`.
 */
export function pageList<T>(delta: ListDelta<T>, size: number): Array<ListDelta<T>> {
  if (delta.insert.length <= size) return [delta];
  const pages: Array<ListDelta<T>> = [];
  for (let from = 0; from < delta.insert.length; from += size) {
    const insert = delta.insert.slice(from, from + size);
    // The first page also moves the tail; later ones append after what earlier pages inserted.
    pages.push(from === 0 ? { ...delta, insert } : { keep: delta.keep + from, tail: delta.tail, shift: 0, insert });
  }
  return pages;
}

/** The lists of an analysis that travel as deltas. */
export const DELTA_LISTS = ['entities', 'events', 'issues'] as const;
export type DeltaList = (typeof DELTA_LISTS)[number];

export type AnalysisListDeltas = { [K in DeltaList]?: ListDelta<ArticleAnalysis[K][number]> };

/** Deltas of each list from `before` to `after`; a list left out is unchanged. */
export function diffAnalysis(before: ArticleAnalysis, after: ArticleAnalysis, shift: number): AnalysisListDeltas {
  const out: AnalysisListDeltas = {};
  for (const key of DELTA_LISTS) {
    const d = diffList<unknown>(before[key], after[key], shift);
    if (d.insert.length || d.keep + d.tail !== before[key].length || (d.tail && d.shift)) (out as Record<string, unknown>)[key] = d;
  }
  return out;
}

/** `before` with the list deltas applied (and `head`'s script and date); `inPlace`: see applyList. */
export function applyAnalysis(
  before: ArticleAnalysis,
  deltas: AnalysisListDeltas,
  head: Pick<ArticleAnalysis, 'script' | 'date'>,
  inPlace: boolean | 'list' = false,
): ArticleAnalysis {
  const list = <K extends DeltaList>(key: K): ArticleAnalysis[K] => {
    const d = deltas[key] as ListDelta<unknown> | undefined;
    return (d ? applyList<unknown>(before[key], d, inPlace) : before[key]) as ArticleAnalysis[K];
  };
  return { script: head.script, date: head.date, entities: list('entities'), events: list('events'), issues: list('issues') };
}

/** Splits list deltas into pages of at most `size` inserted items per list, applied in order. */
export function pageAnalysis(deltas: AnalysisListDeltas, size: number): AnalysisListDeltas[] {
  const perList = DELTA_LISTS.map((key) => [key, deltas[key] ? pageList<unknown>(deltas[key] as ListDelta<unknown>, size) : []] as const);
  const count = Math.max(1, ...perList.map(([, pages]) => pages.length));
  const pages: AnalysisListDeltas[] = [];
  for (let i = 0; i < count; i++) {
    const page: Record<string, unknown> = {};
    for (const [key, list] of perList) if (list[i]) page[key] = list[i];
    pages.push(page as AnalysisListDeltas);
  }
  return pages;
}

export const EMPTY_ANALYSIS: ArticleAnalysis = Object.freeze({ script: 'simplified', date: null, entities: [], events: [], issues: [] }) as ArticleAnalysis;
