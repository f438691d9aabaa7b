/**
 * Positions: the maximal title phrase attached to a person, split at 、 and 兼
 * (上海市普陀区委副书记、区长肖文高 → 上海市普陀区委副书记 | 区长 | person 肖文高),
 * or a title word right after the name (肖文高区长, 习近平总书记).
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { titleEndingAt, titleStartingAt } from './persons';
import { extendLeft, phraseToken, type Interval } from './spanUtil';

export interface PositionSpan extends Interval { person: Interval }

const MAX_POSITION_LEN = 30;
const CHAIN_SEPARATORS = new Set(['、', '兼']);

/** Title phrase ending at `end` (after its last title word), or null. */
function phraseEndingAt(text: string, tokens: readonly Token[], tokIdx: Int32Array, end: number, floor: number, data: NerData): Interval | null {
  const tl = titleEndingAt(text, end, data);
  if (!tl) return null;
  let start = end - tl;
  // The title may begin inside a token (区委书记 → 书记): take that token whole when it is phrase-like.
  const k = tokIdx[start];
  if (k >= 0 && tokens[k].start < start && tokens[k].start >= floor && phraseToken(tokens[k])) start = tokens[k].start;
  start = extendLeft(text, tokens, tokIdx, start, floor, MAX_POSITION_LEN);
  return { start, end };
}

export function findPositions(text: string, tokens: readonly Token[], tokIdx: Int32Array, persons: readonly Interval[], data: NerData): PositionSpan[] {
  const out: PositionSpan[] = [];
  const sorted = [...persons].sort((a, b) => a.start - b.start);
  sorted.forEach((person, i) => {
    const floor = i > 0 ? Math.max(sorted[i - 1].end, 0) : 0;
    let end = person.start;
    for (;;) {
      const p = phraseEndingAt(text, tokens, tokIdx, end, floor, data);
      if (!p) break;
      out.push({ ...p, person });
      if (p.start - 1 <= floor || !CHAIN_SEPARATORS.has(text[p.start - 1])) break;
      end = p.start - 1;
    }
    const tl = titleStartingAt(text, person.end, data);
    const next = sorted[i + 1];
    if (tl && (!next || next.start >= person.end + tl)) out.push({ start: person.end, end: person.end + tl, person });
  });
  return out;
}
