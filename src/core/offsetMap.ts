import type { Span } from './types';

/**
 * Maps every UTF-16 unit of a derived text (cleaned, converted) back to the
 * original span it came from. Derived unit i covers original [starts[i], ends[i]).
 * Both arrays are non-decreasing, so lookups in either direction are binary searches.
 */
export class OffsetMap {
  constructor(
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    /** Length of the original text (needed to map empty spans at the end). */
    readonly originalLength: number,
  ) {
    if (starts.length !== ends.length) throw new Error('OffsetMap: starts and ends differ in length');
  }

  static identity(length: number): OffsetMap {
    const s = new Int32Array(length);
    const e = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      s[i] = i;
      e[i] = i + 1;
    }
    return new OffsetMap(s, e, length);
  }

  get length(): number {
    return this.starts.length;
  }

  /** Original span of the derived span [start, end). */
  toOriginal(start: number, end: number): Span {
    if (start < 0 || end > this.length || start > end) {
      throw new RangeError(`OffsetMap: span [${start},${end}) outside derived text of length ${this.length}`);
    }
    if (start === end) {
      const at = start < this.length ? this.starts[start] : this.originalLength;
      return { start: at, end: at };
    }
    return { start: this.starts[start], end: this.ends[end - 1] };
  }

  /**
   * Derived index of the unit covering original offset `offset`, or the next unit after it
   * (for offsets inside removed text). Returns `length` when nothing follows.
   */
  toDerived(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Map of `inner` (derived from this map's derived text) straight to this map's original. */
  compose(inner: OffsetMap): OffsetMap {
    if (inner.originalLength !== this.length) {
      throw new Error(`OffsetMap.compose: inner map expects ${inner.originalLength} units, outer has ${this.length}`);
    }
    const n = inner.length;
    const s = new Int32Array(n);
    const e = new Int32Array(n);
    // toOriginal() inlined: a span object per unit was a megabyte article's largest allocation.
    for (let i = 0; i < n; i++) {
      const start = inner.starts[i], end = inner.ends[i];
      if (start === end) s[i] = e[i] = start < this.length ? this.starts[start] : this.originalLength;
      else {
        s[i] = this.starts[start];
        e[i] = this.ends[end - 1];
      }
    }
    return new OffsetMap(s, e, this.originalLength);
  }
}

/** Builds an OffsetMap while a derived text is assembled piece by piece. */
export class OffsetMapBuilder {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly parts: string[] = [];

  /** Append derived text `text` that stands for original [origStart, origEnd). */
  push(text: string, origStart: number, origEnd: number): void {
    this.parts.push(text);
    if (text.length === origEnd - origStart) {
      for (let i = 0; i < text.length; i++) {
        this.starts.push(origStart + i);
        this.ends.push(origStart + i + 1);
      }
    } else {
      // Length changed (phrase conversion, surrogate pair): every unit covers the whole source.
      for (let i = 0; i < text.length; i++) {
        this.starts.push(origStart);
        this.ends.push(origEnd);
      }
    }
  }

  build(originalLength: number): { text: string; map: OffsetMap } {
    return {
      text: this.parts.join(''),
      map: new OffsetMap(Int32Array.from(this.starts), Int32Array.from(this.ends), originalLength),
    };
  }
}

/**
 * Fills `starts`/`ends` from index `at` with the identity map of `text` [from, to): every unit maps
 * to itself, except that both halves of a surrogate pair map to the whole pair.
 */
export function copyIdentity(text: string, from: number, to: number, starts: Int32Array, ends: Int32Array, at: number): void {
  for (let i = from; i < to; i++, at++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        starts[at] = starts[at + 1] = i;
        ends[at] = ends[at + 1] = i + 2;
        i++;
        at++;
        continue;
      }
    }
    starts[at] = i;
    ends[at] = i + 1;
  }
}
