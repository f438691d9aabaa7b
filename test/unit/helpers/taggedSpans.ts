import assert from 'node:assert/strict';
import type { TaggedSpan } from '../../../src/core/entities/bioConventions';

/** The text of each span. */
export const names = (text: string, spans: ReadonlyArray<{ start: number; end: number }>): string[] => spans.map((s) => text.slice(s.start, s.end));

/** A tagger span over the first occurrence of `name`. */
export function span(text: string, type: TaggedSpan['type'], name: string): TaggedSpan {
  const start = text.indexOf(name);
  assert.ok(start >= 0, `${name} not in ${text}`);
  return { type, start, end: start + name.length };
}
