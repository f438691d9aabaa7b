/**
 * Person names beyond the statistical tagger: a name right after a title word (区长肖文高) or right
 * before one (肖文高区长, 习近平同志), built from the surname tables and jieba's word boundaries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { isHan, type Interval } from './spanUtil';

/** Words that follow a name and mark it as one (but are not positions). */
const NAME_FOLLOWERS = ['同志', '先生', '女士', '教授', '院士', '总书记', '主席', '总理'];

/** Tags jieba gives to words it does not take for a name (so a title is not followed by a name there). */
const NON_NAME_TAGS = new Set(['v', 'p', 'c', 'u', 'uj', 'd', 'r', 'f', 'm', 'q', 't', 'vn', 'ns', 'nt']);

/** A Chinese name starting at `at` (surname + 1–2 given-name characters), or null. */
export function nameAt(text: string, tokens: readonly Token[], tokIdx: Int32Array, at: number, data: NerData): Interval | null {
  const lex = data.lexicon;
  const k = tokIdx[at];
  if (k < 0 || tokens[k].start !== at) return null;
  const t = tokens[k];
  const surLen = lex.compoundSurnames.has(text.slice(at, at + 2)) ? 2 : lex.surnames.has(text[at]) ? 1 : 0;
  if (!surLen) return null;
  const len = t.end - t.start;
  if (len > surLen && len <= surLen + 2) {
    if (!(t.tag.startsWith('nr') || t.tag === 'x') || lex.titles.has(t.word) || lex.places.has(t.word)) return null;
    return { start: at, end: t.end };
  }
  if (len === surLen && (t.tag.startsWith('nr') || t.tag === 'x')) {
    // Surname cut off by jieba (鲁/霞光): take the next short word as the given name.
    const next = tokens[k + 1];
    if (!next || next.end - next.start > 2 || ![...next.word].every((c) => isHan(c))) return null;
    if (NON_NAME_TAGS.has(next.tag) || lex.titles.has(next.word)) return null;
    return { start: at, end: next.end };
  }
  return null;
}

/** Longest title word ending exactly at `end`. */
export function titleEndingAt(text: string, end: number, data: NerData): number {
  const trie = data.lexicon.titleReverseTrie;
  let node = 0, best = 0;
  for (let j = end - 1; j >= 0; j--) {
    node = trie.next(node, text.charCodeAt(j));
    if (node < 0) break;
    if (trie.flags(node)) best = end - j;
  }
  return best;
}

/** Longest title word starting exactly at `start`. */
export function titleStartingAt(text: string, start: number, data: NerData): number {
  return data.lexicon.titleTrie.longestAt(text, start);
}

export function findPersonsByContext(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  for (const t of tokens) {
    // title + name
    const name = titleEndingAt(text, t.start, data) ? nameAt(text, tokens, tokIdx, t.start, data) : null;
    if (name) { out.push(name); continue; }
    // name + title / 同志
    const cand = nameAt(text, tokens, tokIdx, t.start, data);
    if (cand && (titleStartingAt(text, cand.end, data) || NAME_FOLLOWERS.some((w) => text.startsWith(w, cand.end)))) {
      const after = text[cand.end - 1];
      if (isHan(after)) out.push(cand);
    }
  }
  return out;
}

const finalsCache = new Map<string, ReadonlySet<string>>();

/** Characters that end names of things, never given names (data/ner/non-name-final-chars.txt). */
export function nonNameFinalChars(dataDir: string): ReadonlySet<string> {
  let set = finalsCache.get(dataDir);
  if (!set) {
    const path = join(dataDir, 'ner', 'non-name-final-chars.txt');
    const lines = existsSync(path) ? readFileSync(path, 'utf8').split(/\r?\n/) : [];
    set = new Set(lines.map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
    finalsCache.set(dataDir, set);
  }
  return set;
}
