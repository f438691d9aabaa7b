/**
 * Organisations beyond the tagger: known names and abbreviations (data/ner/organizations.tsv) and a
 * suffix grammar (…联盟, …研究所, …委员会, …公司) with place / name prefixes, plus the orgKind.
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { isHan, phraseToken, tokenBoundaries, type Interval } from './spanUtil';

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

/** Last code units of the suffixes: most tokens are ruled out with one lookup. */
const lastCharCache = new WeakMap<NerData, Set<number>>();
function suffixLastChars(data: NerData): Set<number> {
  let set = lastCharCache.get(data);
  if (!set) {
    set = new Set(data.orgSuffixList.map(([s]) => s.charCodeAt(s.length - 1)));
    lastCharCache.set(data, set);
  }
  return set;
}

/** Tags a name never starts with (verbs, numerals, measure words, adjectives, adverbs). */
const NO_START_TAGS = new Set(['v', 'vn', 'vd', 'm', 'q', 'a', 'ad', 'an', 'd', 'b', 'z']);
const NUMERAL_START = /^[0-9一二三四五六七八九十百千万两几多数各]/;
const OPEN_PAREN = new Set(['(', '（']);
const CLOSE_PAREN = new Set([')', '）']);

/** Whether a token names something: a place, an organisation, a proper noun, an abbreviation run (沪苏浙皖). */
function namingToken(t: Token, data: NerData): boolean {
  // 九地/x, 八家/m count things; one abbreviation character (在沪商会) is too loose.
  if (NUMERAL_START.test(t.word) && t.tag !== 'ns' && t.tag !== 'nt') return false;
  if (t.word.length === 1 && t.tag !== 'ns' && t.tag !== 'nt') return false;
  return NAMING_TAGS.has(t.tag) || data.lexicon.places.has(t.word) || data.lexicon.orgs.has(t.word)
    || [...t.word].every((c) => data.provinceAbbreviations.has(c));
}

/**
 * Where an organisation suffix ending at `end` begins: the longest suffix whose start is a token start
 * (研究/所 → 研究所), or the start of a compound word that ends with a 2+ character suffix or is
 * tagged nt (上海市政府/nt). Returns the head token's start and whether the word itself carries a prefix.
 */
function suffixHead(text: string, tokens: readonly Token[], tokIdx: Int32Array, k: number, data: NerData): { start: number; inWord: boolean } | null {
  const end = tokens[k].end;
  for (const [s] of data.orgSuffixList) {
    const from = end - s.length;
    if (from < 0 || !text.startsWith(s, from)) continue;
    const h = tokIdx[from];
    if (h < 0) continue;
    const head = tokens[h];
    if (head.start === from) return { start: from, inWord: false };
    if (h === k && (s.length >= 2 || head.tag === 'nt')) return { start: head.start, inWord: true };
  }
  return null;
}

/**
 * The organisation chunker: [place / proper-noun prefix] [modifier words, (parenthesised part)]* suffix,
 * e.g. 长三角县市区(科技)产业协同发展联盟, 海通证券研究所, 武宁创新共同体, 上海市政府. The left edge
 * stops at punctuation, verbs, function words and listed stop words (会同, 以及, 来自), and a name
 * never starts with a verb, numeral or modifier; a name needs some naming token before its suffix.
 */
function suffixMatches(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): OrgSpan[] {
  const out: OrgSpan[] = [];
  const lastChars = suffixLastChars(data);
  const words = data.orgChunker;
  const inside = (t: Token) => !words.leftStops.has(t.word) && (words.modifiers.has(t.word) || (phraseToken(t) && t.tag !== 'm'));
  tokens.forEach((t, k) => {
    if (!lastChars.has(t.word.charCodeAt(t.word.length - 1))) return;
    const head = suffixHead(text, tokens, tokIdx, k, data);
    if (!head) return;
    // Extend left over name tokens and balanced parenthesised parts of up to 6 characters.
    // A proper noun that ends with the suffix (国家环保局/nt, 法国队/nt) is a whole name already; a
    // common compound (产业联盟/n) still takes the name before it.
    let j = tokIdx[head.start];
    let first = j;
    while (j > 0 && !(head.inWord && (t.tag === 'nt' || t.tag === 'ns'))) {
      const prev = tokens[j - 1];
      if (t.end - prev.start > MAX_ORG_LEN) break;
      if (CLOSE_PAREN.has(prev.word)) {
        let o = j - 2;
        while (o >= 0 && !OPEN_PAREN.has(tokens[o].word) && prev.start - tokens[o].end <= 6 && isHan(tokens[o].word[0])) o--;
        if (o < 1 || !OPEN_PAREN.has(tokens[o].word) || o === j - 2 || !inside(tokens[o - 1])) break;
        j = o - 1;
        first = j;
        continue;
      }
      if (!inside(prev)) break;
      j--;
      first = j;
    }
    // Trim what cannot start a name: verbs, numerals, modifiers (unless they name something).
    // Unknown words (x) at the edge are mostly segmentation debris (这支, 逼平, 由原).
    while (first < k && (OPEN_PAREN.has(tokens[first].word) || CLOSE_PAREN.has(tokens[first].word) || tokens[first].tag === 'x' || (!namingToken(tokens[first], data)
      && (NO_START_TAGS.has(tokens[first].tag) || NUMERAL_START.test(tokens[first].word) || words.modifiers.has(tokens[first].word))))) first++;
    const start = tokens[first].start;
    if (start === head.start && !head.inWord) return;
    // A one-character unit after a complete organisation is a department of it (上海发改委|长三角处).
    if (t.end - head.start === 1 && !head.inWord) {
      for (let i = first; i < tokIdx[head.start]; i++) if (endsWithSuffix(tokens[i].word, data)) return;
    }
    if (!balanced(text.slice(start, t.end))) return;
    let named = head.inWord && (tokens[k].tag === 'nt' || tokens[k].tag === 'ns');
    for (let i = first; i < tokIdx[head.start] && !named; i++) if (namingToken(tokens[i], data)) named = true;
    if (head.inWord && !named) {
      const word = tokens[k].word;
      const prefix = word.slice(0, word.length - (t.end - head.start));
      if (data.lexicon.places.has(prefix)) named = true;
    }
    if (named && !genericOrganization(text.slice(start, t.end), tokens.slice(first, k + 1), data)) out.push({ start, end: t.end, source: 'org-suffix' });
  });
  return out;
}

function endsWithSuffix(word: string, data: NerData): boolean {
  return data.orgSuffixList.some(([s]) => word.length > s.length && word.endsWith(s));
}

function balanced(name: string): boolean {
  let depth = 0;
  for (const c of name) {
    if (OPEN_PAREN.has(c)) depth++;
    else if (CLOSE_PAREN.has(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/** A name that is only a generic head (中心, 联盟) or a generic head after common words (发展联盟, 智库联盟). */
export function genericOrganization(name: string, tokens: readonly Token[], data: NerData): boolean {
  if (data.orgChunker.genericHeads.has(name)) return true;
  if (tokens.length < 2 || data.orgKinds.has(name)) return false;
  const last = tokens[tokens.length - 1];
  if (!data.orgChunker.commonHeads.has(last.word)) return false;
  return tokens.slice(0, -1).every((t) => !namingToken(t, data));
}

export function findOrganizations(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): OrgSpan[] {
  return [...lexiconMatches(text, tokens, data), ...suffixMatches(text, tokens, tokIdx, data)];
}
