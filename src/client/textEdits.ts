/** Pure helpers for turning a whole-text rewrite into small edits (no vscode import). */

export interface Replacement {
  /** Offsets in the old text. */
  start: number;
  end: number;
  text: string;
}

/**
 * The single replacement turning `before` into `after`, trimmed to the part that differs
 * (keeps cursors and decorations outside the change), or null when they are equal.
 * Never splits a surrogate pair.
 */
export function minimalReplacement(before: string, after: string): Replacement | null {
  if (before === after) return null;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < max - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

/** True when deleting `spans` (sorted or not, possibly overlapping) from `original` yields `expected`. */
export function deletionsProduce(original: string, spans: ReadonlyArray<{ start: number; end: number }>, expected: string): boolean {
  return applyDeletions(original, spans) === expected;
}

/** `original` with `spans` removed (overlaps merged). */
export function applyDeletions(original: string, spans: ReadonlyArray<{ start: number; end: number }>): string {
  const merged = mergeSpans(spans);
  let out = '';
  let at = 0;
  for (const s of merged) {
    out += original.slice(at, s.start);
    at = s.end;
  }
  return out + original.slice(at);
}

/** Sorted, non-overlapping, non-empty spans covering the same units. */
export function mergeSpans(spans: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const sorted = spans.filter((s) => s.end > s.start).map((s) => ({ ...s })).sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
