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

/**
 * `original` with each span replaced by its `replacement` (removed when it has none), or null when
 * the spans are not sorted and disjoint.
 */
export function applyReplacements(original: string, spans: ReadonlyArray<{ start: number; end: number; replacement?: string }>): string | null {
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end < s.start) return null;
    out += original.slice(at, s.start) + (s.replacement ?? '');
    at = s.end;
  }
  return out + original.slice(at);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
