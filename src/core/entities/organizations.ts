/**
 * Organisations beyond the tagger: known names and abbreviations (data/ner/organizations.tsv) and a
 * suffix grammar (…联盟, …研究所, …委员会, …公司) with place / name prefixes, plus the orgKind.
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { extendLeft, tokenBoundaries, type Interval } from './spanUtil';

export interface OrgSpan extends Interval { source: string }

const MAX_ORG_LEN = 24;
/** Tags that make a prefix specific enough to name an organisation (place, organisation, proper noun, unknown word, abbreviation). */
const NAMING_TAGS = new Set(['ns', 'nt', 'nz', 'nrt', 'x', 'j', 'eng', 'nr']);

export function orgKind(name: string, data: NerData): string {
  const known = data.orgKinds.get(name);
  if (known) return known;
  for (const [suffix, kind] of data.orgSuffixList) if (name.endsWith(suffix) && name.length > suffix.length) return kind;
  return 'other';
}

/** Longest known-organisation matches that start and end on token boundaries. */
function lexiconMatches(text: string, tokens: readonly Token[], data: NerData): OrgSpan[] {
  const { starts, ends } = tokenBoundaries(text.length, tokens);
  const out: OrgSpan[] = [];
  const trie = data.lexicon.orgTrie;
  const maxLen = Math.min(data.lexicon.maxLen, 12);
  for (let i = 0; i < text.length; i++) {
    if (!starts[i]) continue;
    let node = 0, best = 0;
    for (let j = i; j < text.length && j - i < maxLen; j++) {
      node = trie.next(node, text.charCodeAt(j));
      if (node < 0) break;
      if (j > i && trie.flags(node) && ends[j + 1]) best = j + 1 - i;
    }
    if (best) { out.push({ start: i, end: i + best, source: 'organizations.tsv' }); i += best - 1; }
  }
  return out;
}

/** Last code units of the 2+ character suffixes: most tokens are ruled out with one lookup. */
const lastCharCache = new WeakMap<NerData, Set<number>>();
function suffixLastChars(data: NerData): Set<number> {
  let set = lastCharCache.get(data);
  if (!set) {
    set = new Set(data.orgSuffixList.filter(([s]) => s.length >= 2).map(([s]) => s.charCodeAt(s.length - 1)));
    lastCharCache.set(data, set);
  }
  return set;
}

/** `<naming prefix> … <suffix word>`: 海通证券研究所, 长三角高端智库联盟, 宁波市社会科学院. */
function suffixMatches(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): OrgSpan[] {
  const out: OrgSpan[] = [];
  const lastChars = suffixLastChars(data);
  tokens.forEach((t, k) => {
    if (k === 0 || !lastChars.has(t.word.charCodeAt(t.word.length - 1))) return;
    const suffix = data.orgSuffixList.find(([s]) => s.length >= 2 && t.word.endsWith(s));
    if (!suffix) return;
    const start = extendLeft(text, tokens, tokIdx, t.start, 0, MAX_ORG_LEN);
    if (start === t.start) return;
    // Keep it only if some prefix token names something (a place, a proper noun, an unknown word).
    let named = false;
    for (let j = tokIdx[start]; j < k; j++) if (NAMING_TAGS.has(tokens[j].tag) || data.lexicon.places.has(tokens[j].word)) named = true;
    if (named) out.push({ start, end: t.end, source: 'org-suffix' });
  });
  return out;
}

export function findOrganizations(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): OrgSpan[] {
  return [...lexiconMatches(text, tokens, data), ...suffixMatches(text, tokens, tokIdx, data)];
}
