/**
 * Averaged-perceptron character tagger (BIOES over PER/LOC/ORG) with constrained first-order
 * Viterbi decoding. Features: character n-grams, the jieba token around each character (word, POS,
 * position in word, neighbours, the organisation suffix a run of name-like tokens leads to), and
 * lexicon matches over jieba's own dictionary (ns/nt/nr/nrt/nz words), the gazetteer, organisations,
 * titles, org suffixes, surnames and given-name characters. The model is a data file
 * (data/ner/tagger-model.json) trained by `node scripts/eval-ner.mjs --train`.
 *
 * Speed: features are integer tuples hashed without building strings, weights live in a compact
 * open-addressing table (the per-feature lookups are cache-miss bound), lexicon matches walk a
 * trie over code units, and buffers are reused between calls. The per-character loop (hashing,
 * lookups, Viterbi) also exists in C++ (native/tagger, loaded by nativeTagger.ts): tag() runs it
 * there when the addon is available, on the arrays prepareFeatures() fills here.
 */
import type { Token } from '../engines';
import { CharTrie } from './charTrie';

export type NerType = 'PER' | 'LOC' | 'ORG';
const TYPES: readonly NerType[] = ['PER', 'LOC', 'ORG'];
export const TAGS: readonly string[] = ['O', ...TYPES.flatMap((t) => ['B-' + t, 'I-' + t, 'E-' + t, 'S-' + t])];
const N = TAGS.length; // 13: the Viterbi below relies on this layout

/** Lexicon entry kinds (bit flags in TaggerLexicon.dict). */
export const LEX = { place: 1, org: 2, person: 4, foreign: 8, proper: 16, title: 32, orgSuffix: 64 } as const;
const LEX_FLAGS = [LEX.place, LEX.org, LEX.person, LEX.foreign, LEX.proper, LEX.title, LEX.orgSuffix];

/** Lexicons the features and rules look up; built once per data folder (nerData.ts). */
export interface TaggerLexicon {
  places: ReadonlySet<string>;
  orgs: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  compoundSurnames: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  orgSuffixes: ReadonlySet<string>;
  /** Longest entry length of places/orgs, bounds the lexicon scan. */
  maxLen: number;
  /** Every lexicon word (2+ chars) → LEX kind flags. */
  dict: CharTrie;
  dictMaxLen: number;
  /** Tries of the place names, organisation names, titles and reversed titles (rule scans). */
  placeTrie: CharTrie;
  orgTrie: CharTrie;
  titleTrie: CharTrie;
  titleReverseTrie: CharTrie;
  /** Given-name frequency bucket 1..3 per UTF-16 code unit (0: not a given-name character). */
  givenNameBucket: Uint8Array;
  /** Surname rank per code unit: 1 for the 100 most frequent, 2 for the others, 0 none. */
  surnameRank: Uint8Array;
  /** Compound surnames as first * 65536 + second code unit. */
  compoundSurnameCodes: ReadonlySet<number>;
}

/**
 * A trained model: hashed feature keys (see featureKeys) and their sparse weights. Binary arrays
 * are base64 (little-endian) so the file stays JSON and loads without parsing a million numbers.
 */
export interface TaggerModelData {
  format: 'hashed-sparse-1';
  tags: readonly string[];
  /** Int32 pairs (h1, h2) per feature. */
  keys: string;
  /** Uint8 count of non-zero weights per feature. */
  counts: string;
  /** Uint8 tag index per weight (indices into `tags`). */
  tagOf: string;
  /** Int16 weight × 100 per weight. */
  weights: string;
}

const MAX_WORD_FEATURE_LEN = 6;

/*
 * Feature templates. A feature is a template id and up to three integer parts (code units, classes,
 * small numbers, or string hashes of words and POS tags), hashed into two keys (h1 32 bits, h2 21
 * bits): no feature strings are built while tagging. A change to the templates, hashes or decoding
 * must be made in native/tagger/tagger.cc too, with NATIVE_TAGGER_VERSION bumped there and in
 * nativeTagger.ts (test/unit/nativeTagger.test.ts compares the two on the dev set).
 */
export const TEMPLATES = ['b', 'c0', 'c-1', 'c1', 'bm', 'bp', 'bmm', 'bpp', 'tr', 'p', 'pl', 'w', 'pw', 'nw', 'pp', 'np', 'pwp', 'nwp', 'nsuf', 'suf', 'wsuf', 'ptitle',
  'ntitle', 'Ds', 'De', 'Dm', 'Dn', 'Dp', 'sur', 'gn', 'sur2', 'dot', 'T', 'oa', 'oas', 'cp'] as const;
// Template ids as plain constants (TEMPLATES[id] is the name).
const F_B = 0;
const F_C0 = 1;
const F_CM1 = 2;
const F_C1 = 3;
const F_BM = 4;
const F_BP = 5;
const F_BMM = 6;
const F_BPP = 7;
const F_TR = 8;
const F_P = 9;
const F_PL = 10;
const F_W = 11;
const F_PW = 12;
const F_NW = 13;
const F_PP = 14;
const F_NP = 15;
const F_PWP = 16;
const F_NWP = 17;
const F_NSUF = 18;
const F_SUF = 19;
const F_WSUF = 20;
const F_PTITLE = 21;
const F_NTITLE = 22;
const F_LS = 23;
const F_LE = 24;
const F_LM = 25;
const F_LN = 26;
const F_LP = 27;
const F_SUR = 28;
const F_GN = 29;
const F_SUR2 = 30;
const F_DOT = 31;
const F_T = 32;
const F_OA = 33;
const F_OAS = 34;
const F_CP = 35;
/** Tokens an organisation name runs across on its way to its suffix, at most. */
const MAX_ORG_RUN = 6;

/** FNV-1a over the UTF-16 code units of a string. */
export function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 16777619);
  return h;
}

/** First key of feature (template, a, b, c): 32 bits, also picks the hash-table slot. */
function hash1(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(Math.imul(Math.imul(Math.imul(0x2545f491 ^ t, 0x01000193) ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193);
  h ^= h >>> 15; h = Math.imul(h, 0x2c1b3c6d); h ^= h >>> 12; h = Math.imul(h, 0x297a2d39);
  return h ^ (h >>> 15);
}
/** Second key: an independent 21-bit hash (a collision needs both to agree). */
function hash2(t: number, a: number, b: number, c: number): number {
  // (x + a) | 0 is what Math.imul reads of x + a anyway; the | 0 keeps the sums in int32 registers.
  let g = Math.imul((Math.imul((Math.imul((Math.imul(0x6a09e667 ^ t, 0x5bd1e995) + a) | 0, 0x5bd1e995) + b) | 0, 0x5bd1e995) + c) | 0, 0x5bd1e995);
  g ^= g >>> 13; g = Math.imul(g, 0x85ebca6b);
  return (g ^ (g >>> 16)) & 0x1fffff;
}

/** Hashed keys of a feature, for tests and tools. */
export function featureKey(t: number, a = 0, b = 0, c = 0): [number, number] {
  return [hash1(t, a, b, c), hash2(t, a, b, c)];
}

/** The features of one character as (h1, h2) pairs, refilled for every character. */
class FeatureBuffer {
  keys = new Int32Array(256);
  count = 0;
  constructor(private readonly on: readonly boolean[] | null) {}
  put(t: number, a: number, b: number, c: number): void {
    if (this.on !== null && !this.on[t]) return;
    const m = this.count;
    this.keys[m] = hash1(t, a, b, c);
    this.keys[m + 1] = hash2(t, a, b, c);
    this.count = m + 2;
  }
}

const sharedFeatureBuffer = new FeatureBuffer(null);

/** One number per feature (exact in a double), for training. */
const packKey = (h1: number, h2: number) => (h1 >>> 0) * 0x200000 + h2;

const CHAR_CLASS_BOUNDARY_START = 1, CHAR_CLASS_BOUNDARY_END = 2;
function charClass(code: number): number {
  if (code === 94) return CHAR_CLASS_BOUNDARY_START; // '^'
  if (code === 36) return CHAR_CLASS_BOUNDARY_END; // '$'
  if (code >= 0x3400 && code <= 0x9fff) return 3;
  if ((code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) return 4;
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a)) return 5;
  if (code === 0xb7 || code === 0x2022 || code === 0x30fb) return 6;
  return 7;
}
const DOT = 0xb7;
const POS_S = 1, POS_B = 2, POS_E = 3, POS_M = 4;

/** Int32 values per token for the native tagger: start, end, word hash, tag hash, flags, org lookahead, org suffix hash, run start. */
const NATIVE_TOKEN_INTS = 8;

/**
 * The native build of CharTagger.tag's per-character loop (native/tagger): the same features,
 * sums and Viterbi over the arrays prepared here, writing the tag path into `path`.
 */
export interface NativeTaggerBinding {
  tag(
    n: number, codes: Int32Array, tokIdx: Int32Array, tokInfo: Int32Array, startLen: Uint8Array, endLen: Uint8Array, inside: Uint16Array,
    sur2: Uint8Array, givenNameBucket: Uint8Array, surnameRank: Uint8Array, checks: Int32Array, weights: Int16Array, filter: Int32Array,
    mask: number, trans: Float64Array, path: Uint8Array,
  ): void;
  /** lexiconMatches() below over codes (text at codes[i + 2]) and a CharTrie's tables(); the outputs start zeroed. */
  lexiconMatches(
    n: number, codes: Int32Array, rootNext: Int32Array, slots: Int32Array, mask: number, flagsOf: Int32Array, maxLen: number,
    startLen: Uint8Array, endLen: Uint8Array, inside: Uint16Array, secondSteps: Uint32Array,
  ): void;
}

/** Reused scratch buffers (tagging runs synchronously, one call at a time). */
let scratch = { n: -1, codes: new Int32Array(0), tokIdx: new Int32Array(0), startLen: new Uint8Array(0), endLen: new Uint8Array(0), inside: new Uint16Array(0), sur2: new Uint8Array(0) };
/** Per-token scratch arrays, grown as needed (a sentence has at most as many tokens as characters). */
let tokenScratch = makeTokenScratch(256);
function makeTokenScratch(cap: number) {
  return {
    cap, wordH: new Int32Array(cap), tagH: new Int32Array(cap), flagsT: new Uint8Array(cap), orgAhead: new Int8Array(cap), orgSuffixH: new Int32Array(cap),
    runStart: new Uint8Array(cap), nameLike: new Uint8Array(cap),
    /** The per-token facts packed for the native tagger, NATIVE_TOKEN_INTS per token. */
    tokInfo: new Int32Array(cap * NATIVE_TOKEN_INTS),
  };
}
function buffers(n: number) {
  if (scratch.codes.length < n + 4) {
    const cap = Math.max(n + 4, scratch.codes.length * 2);
    scratch = { n, codes: new Int32Array(cap), tokIdx: new Int32Array(cap), startLen: new Uint8Array(cap * LEX_FLAGS.length), endLen: new Uint8Array(cap * LEX_FLAGS.length), inside: new Uint16Array(cap), sur2: new Uint8Array(cap) };
  }
  scratch.n = n;
  scratch.startLen.fill(0, 0, n * LEX_FLAGS.length);
  scratch.endLen.fill(0, 0, n * LEX_FLAGS.length);
  scratch.inside.fill(0, 0, n);
  scratch.tokIdx.fill(-1, 0, n);
  return scratch;
}

/**
 * Longest lexicon match of each kind starting at / ending at each character, and whether a
 * character lies strictly inside one: one trie walk per start position.
 */
export function lexiconMatches(text: string, lex: TaggerLexicon, startLen: Uint8Array, endLen: Uint8Array, inside: Uint16Array): void {
  const n = text.length, K = LEX_FLAGS.length, dict = lex.dict;
  for (let i = 0; i < n; i++) {
    let node = dict.next(0, text.charCodeAt(i));
    for (let len = 2; node >= 0 && len <= lex.dictMaxLen && i + len <= n; len++) {
      node = dict.next(node, text.charCodeAt(i + len - 1));
      if (node < 0) break;
      const flags = dict.flags(node);
      if (!flags) continue;
      for (let k = 0; k < K; k++) {
        if (!(flags & LEX_FLAGS[k])) continue;
        startLen[i * K + k] = len;
        const e = (i + len - 1) * K + k;
        if (endLen[e] < len) endLen[e] = len;
        for (let j = i + 1; j < i + len - 1; j++) inside[j] |= LEX_FLAGS[k];
      }
    }
  }
}

/**
 * Organisation suffixes (flag 1) and titles (flag 2) of a lexicon as a trie, and the first code
 * units of its compound surnames: token words and their endings are looked up without slicing.
 */
const tokenLexicons = new WeakMap<TaggerLexicon, { trie: CharTrie; compoundFirst: Uint8Array }>();
function tokenLexicon(lex: TaggerLexicon): { trie: CharTrie; compoundFirst: Uint8Array } {
  let t = tokenLexicons.get(lex);
  if (!t) {
    const trie = new CharTrie();
    for (const w of lex.orgSuffixes) trie.add(w, 1);
    for (const w of lex.titles) trie.add(w, 2);
    trie.compact();
    const compoundFirst = new Uint8Array(65536);
    for (const code of lex.compoundSurnameCodes) compoundFirst[Math.floor(code / 65536)] = 1;
    t = { trie, compoundFirst };
    tokenLexicons.set(lex, t);
  }
  return t;
}

/** Whether code units `first`, `second` spell a compound surname (欧阳, 司马): most first units rule it out without a set look-up. */
export function compoundSurnameAt(lex: TaggerLexicon, first: number, second: number): boolean {
  return tokenLexicon(lex).compoundFirst[first] === 1 && lex.compoundSurnameCodes.has(first * 65536 + second);
}

/** Per-token facts the features read, computed once per token instead of once per character. */
const tagHashes = new Map<string, number>();
const tagHash = (tag: string) => { let h = tagHashes.get(tag); if (h === undefined) { h = stringHash(tag); tagHashes.set(tag, h); } return h; };
const START_WORD = stringHash('^'), END_WORD = stringHash('$');

/** Tags of tokens that may stand inside an organisation name (nouns, places, names, new words, numbers). */
const NAME_LIKE_TAGS = new Set(['n', 'ns', 'nt', 'nz', 'nr', 'nrt', 'nrfg', 'ng', 'j', 'x', 'vn', 'b', 'an', 'eng', 'm', 'q', 's', 'f']);
function isNameLikeToken(t: Token, text: string): boolean {
  if (!NAME_LIKE_TAGS.has(t.tag)) return false;
  const c = text.charCodeAt(t.start);
  return charClass(c) !== 7;
}

/** Feature sink: character index and its features as `count` Int32 values, (h1, h2) pairs. */
export type FeatureSink = (i: number, keys: Int32Array, count: number) => void;

/**
 * What the features of `text` read besides its characters: code units with two boundary characters
 * each side (codes[i + 2] is text[i]), the token of each character, the per-token facts (in
 * tokenScratch) and the lexicon matches. Fills and returns the reused scratch buffers.
 */
function prepareFeatures(text: string, tokens: readonly Token[], lex: TaggerLexicon, native?: NativeTaggerBinding) {
  const n = text.length;
  const buf = buffers(n);
  const { codes, tokIdx, startLen, endLen, inside } = buf;
  // codes[i + 2] is text[i]; two boundary characters each side.
  codes[0] = codes[1] = 94; codes[n + 2] = codes[n + 3] = 36;
  for (let i = 0; i < n; i++) codes[i + 2] = text.charCodeAt(i);
  const T = tokens.length;
  if (tokenScratch.cap < T) tokenScratch = makeTokenScratch(Math.max(T, tokenScratch.cap * 2));
  const { wordH, tagH, flagsT, orgAhead, orgSuffixH, runStart, nameLike } = tokenScratch;
  const { trie: tokenTrie } = tokenLexicon(lex);
  for (let k = 0; k < T; k++) {
    const t = tokens[k], word = t.word;
    for (let i = t.start; i < t.end && i < n; i++) tokIdx[i] = k;
    wordH[k] = stringHash(word);
    tagH[k] = tagHash(t.tag);
    const len = word.length;
    let f = tokenTrie.get(word) & 3;
    for (let s = Math.min(3, len - 1); s >= 1; s--) if (tokenTrie.flagsAt(word, len - s, len) & 1) { f |= s << 2; break; }
    flagsT[k] = f;
  }
  // Organisation lookahead: tokens from each token to the next org-suffix token (党委, …公司, nt
  // words) over a run of name-like tokens, and that suffix word; −1 when no such run.
  for (let k = 0; k < T; k++) nameLike[k] = isNameLikeToken(tokens[k], text) ? 1 : 0;
  for (let k = T - 1; k >= 0; k--) {
    const suffix = (flagsT[k] & ~2) !== 0 || tokens[k].tag === 'nt';
    if (suffix && nameLike[k]) { orgAhead[k] = 0; orgSuffixH[k] = wordH[k]; }
    else if (nameLike[k] && k + 1 < T && orgAhead[k + 1] >= 0 && orgAhead[k + 1] < MAX_ORG_RUN) { orgAhead[k] = orgAhead[k + 1] + 1; orgSuffixH[k] = orgSuffixH[k + 1]; }
    else { orgAhead[k] = -1; orgSuffixH[k] = 0; }
  }
  for (let k = 0; k < T; k++) runStart[k] = k === 0 || !nameLike[k - 1] ? 1 : 0;
  if (native) {
    const d = lex.dict.tables();
    native.lexiconMatches(n, codes, d.rootNext, d.slots, d.mask, d.flagsOf, lex.dictMaxLen, startLen, endLen, inside, d.secondSteps);
  } else lexiconMatches(text, lex, startLen, endLen, inside);
  return buf;
}

/**
 * Calls `sink` for every feature of every character; `tokens` must cover `text`. Templates whose
 * names are in `drop` are skipped (ablation in scripts/eval-ner.mjs).
 */
export function forEachFeature(text: string, tokens: readonly Token[], lex: TaggerLexicon, sink: FeatureSink, drop?: ReadonlySet<string>): void {
  const n = text.length;
  const K = LEX_FLAGS.length;
  const T = tokens.length;
  const { codes, tokIdx, startLen, endLen, inside } = prepareFeatures(text, tokens, lex);
  const { wordH, tagH, flagsT, orgAhead, orgSuffixH, runStart } = tokenScratch;
  const { compoundFirst } = tokenLexicon(lex);
  const gnB = lex.givenNameBucket, surR = lex.surnameRank;
  const gn = (i: number) => (i >= 0 && i < n ? gnB[codes[i + 2]] : 0);
  const sur = (i: number) => (i >= 0 && i < n ? surR[codes[i + 2]] : 0);
  const fb = drop && drop.size ? new FeatureBuffer(TEMPLATES.map((t) => !drop.has(t))) : sharedFeatureBuffer;
  for (let i = 0; i < n; i++) {
    fb.count = 0;
    const x = i + 2;
    const c0 = codes[x], cm1 = codes[x - 1], cp1 = codes[x + 1], cm2 = codes[x - 2], cp2 = codes[x + 2];
    fb.put(F_B, 0, 0, 0);
    fb.put(F_C0, c0, 0, 0); fb.put(F_CM1, cm1, 0, 0); fb.put(F_C1, cp1, 0, 0);
    fb.put(F_BM, cm1, c0, 0); fb.put(F_BP, c0, cp1, 0); fb.put(F_BMM, cm2, cm1, 0); fb.put(F_BPP, cp1, cp2, 0);
    fb.put(F_TR, cm1, c0, cp1);
    const k = tokIdx[i];
    if (k >= 0) {
      const t = tokens[k];
      const len = t.end - t.start;
      const pos = len === 1 ? POS_S : i === t.start ? POS_B : i === t.end - 1 ? POS_E : POS_M;
      const hasPrev = k > 0, hasNext = k + 1 < T;
      const tag = tagH[k], ptag = hasPrev ? tagH[k - 1] : START_WORD, ntag = hasNext ? tagH[k + 1] : END_WORD;
      const pword = hasPrev ? wordH[k - 1] : START_WORD, nword = hasNext ? wordH[k + 1] : END_WORD;
      fb.put(F_P, tag, pos, 0);
      fb.put(F_CP, c0, tag, pos); // the character as part of a word of this POS (京/ns vs 京/j)
      fb.put(F_PL, tag, Math.min(len, 4), pos);
      if (len <= MAX_WORD_FEATURE_LEN) fb.put(F_W, wordH[k], pos, 0);
      fb.put(F_PW, pword, 0, 0);
      fb.put(F_NW, nword, 0, 0);
      fb.put(F_PP, ptag, tag, pos);
      fb.put(F_NP, tag, pos, ntag);
      fb.put(F_PWP, pword, pos, 0);
      fb.put(F_NWP, nword, pos, 0);
      if (hasNext && flagsT[k + 1] & 1) fb.put(F_NSUF, pos, 0, 0);
      if (flagsT[k] & 1) fb.put(F_SUF, pos, 0, 0);
      const ws = flagsT[k] >> 2;
      if (ws) fb.put(F_WSUF, ws, pos, 0);
      if (hasPrev && flagsT[k - 1] & 2) fb.put(F_PTITLE, pos, 0, 0);
      if (hasNext && flagsT[k + 1] & 2) fb.put(F_NTITLE, pos, 0, 0);
      const oa = orgAhead[k];
      if (oa >= 0) {
        fb.put(F_OA, oa, pos, runStart[k]);
        fb.put(F_OAS, orgSuffixH[k], Math.min(oa, 3), 0);
      }
    }
    // Lexicon matches: longest of each kind starting here, ending here, or covering this char.
    for (let q = 0; q < K; q++) {
      const s = startLen[i * K + q], e = endLen[i * K + q];
      if (s) fb.put(F_LS, q, Math.min(s, 6), 0);
      if (e) fb.put(F_LE, q, Math.min(e, 6), 0);
      if (inside[i] & LEX_FLAGS[q]) fb.put(F_LM, q, 0, 0);
      // What the neighbours start / end (a place ending right before an org suffix, …).
      if (i + 1 < n && startLen[(i + 1) * K + q]) fb.put(F_LN, q, 0, 0);
      if (i > 0 && endLen[(i - 1) * K + q]) fb.put(F_LP, q, 0, 0);
    }
    // Name shape: surname rank and given-name-likeness of the next characters.
    const s0 = sur(i), g0 = gn(i);
    if (s0) fb.put(F_SUR, s0, gn(i + 1), gn(i + 2));
    if (g0) fb.put(F_GN, g0, sur(i - 1), sur(i - 2));
    if (compoundFirst[c0] && lex.compoundSurnameCodes.has(c0 * 65536 + cp1)) fb.put(F_SUR2, 0, 0, 0);
    if (c0 === DOT || cm1 === DOT || cp1 === DOT) fb.put(F_DOT, c0 === DOT ? 1 : cm1 === DOT ? 2 : 3, 0, 0);
    sink(i, fb.keys, fb.count);
  }
}

/** Feature keys (packed h1/h2 numbers) of every character of `text`, for training and tests. */
export function charFeatures(text: string, tokens: readonly Token[], lex: TaggerLexicon, drop?: ReadonlySet<string>): number[][] {
  const feats: number[][] = Array.from({ length: text.length }, () => []);
  forEachFeature(text, tokens, lex, (i, keys, count) => {
    for (let m = 0; m < count; m += 2) feats[i].push(packKey(keys[m], keys[m + 1]));
  }, drop);
  return feats;
}

/** allowed[prev * N + cur]; prev = N stands for the sentence start. */
const ALLOWED = (() => {
  const a = new Uint8Array((N + 1) * N);
  for (let p = 0; p <= N; p++) {
    const pt = p === N ? 'O' : TAGS[p];
    const open = pt.startsWith('B-') || pt.startsWith('I-');
    for (let t = 0; t < N; t++) {
      const ct = TAGS[t];
      const cont = ct.startsWith('I-') || ct.startsWith('E-');
      a[p * N + t] = open ? (cont && ct.slice(2) === pt.slice(2) ? 1 : 0) : (cont ? 0 : 1);
    }
  }
  return a;
})();
const CAN_END = TAGS.map((t) => (t.startsWith('B-') || t.startsWith('I-') ? 0 : 1));

/*
 * Tag layout: 0 = O, then per type y (PER, LOC, ORG) B = 1 + 4y, I = 2 + 4y, E = 3 + 4y, S = 4 + 4y.
 * "Closed" tags (O, E, S) may be followed by O, B or S; open tags (B, I) only by I or E of their type.
 */
const CLOSED = [0, 3, 4, 7, 8, 11, 12];
const STARTING = [0, 1, 4, 5, 8, 9, 12];

/** Reused Viterbi buffers. */
let vScore = new Float64Array(0), vBack = new Uint8Array(0);
const vTc = new Float64Array(49), vTo = new Float64Array(12);

/** Constrained Viterbi over emission scores emit[i * N + t] and transitions trans[(prev) * N + t] (prev N = start). */
function viterbi(emit: ArrayLike<number>, n: number, trans: Float64Array): number[] {
  const path = new Uint8Array(n);
  viterbiInto(emit, n, trans, path);
  return Array.from(path);
}

/** Tag viterbi() picks for each of the n characters into path[0..n). */
function viterbiInto(emit: ArrayLike<number>, n: number, trans: Float64Array, path: Uint8Array): void {
  if (n === 0) return;
  if (vScore.length < n * N) { vScore = new Float64Array(n * N * 2); vBack = new Uint8Array(n * N * 2); }
  const score = vScore, back = vBack;
  // tc[k * 7 + j]: transition CLOSED[j] → STARTING[k]; to[y * 4 + …]: B→I, I→I, B→E, I→E of type y.
  const tc = vTc, to = vTo;
  for (let k = 0; k < 7; k++) for (let j = 0; j < 7; j++) tc[k * 7 + j] = trans[CLOSED[j] * N + STARTING[k]];
  for (let y = 0; y < 3; y++) {
    const B = 1 + 4 * y, I = B + 1, E = B + 2;
    to[y * 4] = trans[B * N + I]; to[y * 4 + 1] = trans[I * N + I]; to[y * 4 + 2] = trans[B * N + E]; to[y * 4 + 3] = trans[I * N + E];
  }
  for (let t = 0; t < N; t++) score[t] = ALLOWED[N * N + t] ? emit[t] + trans[N * N + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    const o = i * N, po = o - N;
    const p0 = score[po], p3 = score[po + 3], p4 = score[po + 4], p7 = score[po + 7], p8 = score[po + 8], p11 = score[po + 11], p12 = score[po + 12];
    for (let k = 0; k < 7; k++) {
      const r = k * 7;
      let best = p0 + tc[r], arg = 0, v = p3 + tc[r + 1];
      if (v > best) { best = v; arg = 3; }
      v = p4 + tc[r + 2]; if (v > best) { best = v; arg = 4; }
      v = p7 + tc[r + 3]; if (v > best) { best = v; arg = 7; }
      v = p8 + tc[r + 4]; if (v > best) { best = v; arg = 8; }
      v = p11 + tc[r + 5]; if (v > best) { best = v; arg = 11; }
      v = p12 + tc[r + 6]; if (v > best) { best = v; arg = 12; }
      const t = STARTING[k];
      score[o + t] = best + emit[o + t];
      back[o + t] = arg;
    }
    for (let y = 0; y < 3; y++) {
      const B = 1 + 4 * y, I = B + 1, E = B + 2, q = y * 4;
      const pb = score[po + B], pi = score[po + I];
      let a = pb + to[q], b = pi + to[q + 1];
      score[o + I] = (a >= b ? a : b) + emit[o + I]; back[o + I] = a >= b ? B : I;
      a = pb + to[q + 2]; b = pi + to[q + 3];
      score[o + E] = (a >= b ? a : b) + emit[o + E]; back[o + E] = a >= b ? B : I;
    }
  }
  let best = -Infinity, arg = 0;
  for (let t = 0; t < N; t++) if (CAN_END[t] && score[(n - 1) * N + t] > best) { best = score[(n - 1) * N + t]; arg = t; }
  for (let i = n - 1; i >= 0; i--) { path[i] = arg; arg = back[i * N + arg]; }
}

const toBase64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function fromBase64<T>(s: string, make: (b: ArrayBuffer) => T): T {
  const buf = Buffer.from(s, 'base64');
  return make(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer);
}

/**
 * Open-addressing table from a feature's hash pair to its weights. A slot is 32 bytes (half a cache
 * line): a 32-bit check value (h2 and the top bits of h1; the slot itself comes from h1's low bits),
 * the feature's weight × 100 for each of the 13 tags as int16, and an occupied flag, so a hit costs
 * one cache line and the scores add up in registers. Most misses never reach the table: a 64 KB bit
 * set over the check values (it fits in L2) rules them out first.
 */
const SLOT_I16 = 16; // int16 per slot: check (2), 13 weights, occupied flag
const OCCUPIED = 15;
const FILTER_BITS = 19;
class WeightTable {
  readonly mask: number;
  readonly checks: Int32Array;
  readonly weights: Int16Array;
  /** One bit per (check value & FILTER_MASK) of an occupied slot: a lookup whose bit is clear misses. */
  readonly filter: Int32Array;
  /** Feature index per slot (−1: none), to read the sparse weights at load time. */
  private readonly featureOf: Int32Array;
  constructor(keys: Int32Array, counts: Uint8Array, private readonly entries: Int32Array, private readonly firsts: Int32Array) {
    const F = counts.length;
    let cap = 1024;
    while (cap < F * 1.4) cap *= 2;
    this.mask = cap - 1;
    this.checks = new Int32Array(cap * (SLOT_I16 / 2));
    this.weights = new Int16Array(this.checks.buffer);
    this.featureOf = new Int32Array(cap).fill(-1);
    const w = this.weights, sums = new Int32Array(N);
    for (let f = 0; f < F; f++) {
      const h1 = keys[f * 2], check = checkValue(h1, keys[f * 2 + 1]);
      let slot = h1 & this.mask;
      while (w[slot * SLOT_I16 + OCCUPIED] !== 0 && this.checks[slot * (SLOT_I16 / 2)] !== check) slot = (slot + 1) & this.mask;
      // A later feature with the same check replaces the slot, as a lookup only ever sees one.
      const first = firsts[f], c = counts[f], o = slot * SLOT_I16;
      sums.fill(0);
      for (let q = first; q < first + c; q++) sums[entries[q] >>> 16] += (entries[q] << 16) >> 16;
      for (let t = 0; t < N; t++) {
        if (sums[t] !== (sums[t] << 16) >> 16) throw new Error('tagger model: a feature repeats a tag beyond the int16 range');
        w[o + 2 + t] = sums[t];
      }
      this.checks[slot * (SLOT_I16 / 2)] = check;
      // Occupied as the sparse layout read it: a first weight entry that is non-zero.
      w[o + OCCUPIED] = c > 0 && entries[first] !== 0 ? 1 : 0;
      this.featureOf[slot] = f;
    }
    this.filter = new Int32Array(1 << (FILTER_BITS - 5));
    for (let slot = 0; slot < cap; slot++) {
      if (w[slot * SLOT_I16 + OCCUPIED] === 0) continue;
      const b = this.checks[slot * (SLOT_I16 / 2)] & FILTER_MASK;
      this.filter[b >>> 5] |= 1 << (b & 31);
    }
  }
  /** Slot of a feature, or −1. */
  find(h1: number, h2: number): number {
    const checks = this.checks, w = this.weights, mask = this.mask, check = checkValue(h1, h2);
    let slot = h1 & mask;
    for (;;) {
      if (w[slot * SLOT_I16 + OCCUPIED] === 0) return -1;
      if (checks[slot * (SLOT_I16 / 2)] === check) return slot;
      slot = (slot + 1) & mask;
    }
  }
  /** The sparse (tag, weight × 100) entries of the feature in `slot`, in model order. */
  forEntries(slot: number, f: (tag: number, w: number) => void): void {
    const feature = this.featureOf[slot];
    const first = this.firsts[feature], end = this.firsts[feature + 1];
    for (let q = first; q < end; q++) if (this.entries[q]) f(this.entries[q] >>> 16, (this.entries[q] << 16) >> 16);
  }
}
const FILTER_MASK = (1 << FILTER_BITS) - 1;
const checkValue = (h1: number, h2: number) => (h2 | (h1 & 0xffe00000)) | 0;

export class CharTagger {
  private readonly table: WeightTable;
  /** Transition weights × 100. */
  private readonly trans = new Float64Array((N + 1) * N);
  /** Emission scores × 100 (integer sums), reused between calls. */
  private emit = new Int32Array(0);
  /** Path buffer, reused between calls. */
  private path = new Uint8Array(0);
  /** The addon's binding (native/tagger) when tag() runs the per-character loop natively. */
  private native: NativeTaggerBinding | null = null;
  constructor(data: TaggerModelData) {
    if (data.format !== 'hashed-sparse-1') throw new Error('tagger model: unknown format ' + String(data.format));
    const order = data.tags.map((t) => TAGS.indexOf(t));
    if (order.some((i) => i < 0) || data.tags.length !== N) throw new Error('tagger model: unexpected tag set ' + data.tags.join(','));
    const keys = fromBase64(data.keys, (b) => new Int32Array(b));
    const counts = fromBase64(data.counts, (b) => new Uint8Array(b));
    const tagOf = fromBase64(data.tagOf, (b) => new Uint8Array(b));
    const w16 = fromBase64(data.weights, (b) => new Int16Array(b));
    if (keys.length !== counts.length * 2 || tagOf.length !== w16.length) throw new Error('tagger model: inconsistent arrays');
    // Weights as (tag << 16) | (weight × 100 as int16); firsts[f]: the first entry of feature f.
    const entries = new Int32Array(w16.length);
    for (let q = 0; q < w16.length; q++) entries[q] = (order[tagOf[q]] << 16) | (w16[q] & 0xffff);
    const firsts = new Int32Array(counts.length + 1);
    for (let f = 0; f < counts.length; f++) firsts[f + 1] = firsts[f] + counts[f];
    this.table = new WeightTable(keys, counts, entries, firsts);
    for (let p = 0; p <= N; p++) {
      const slot = this.table.find(hash1(F_T, p, 0, 0), hash2(F_T, p, 0, 0));
      if (slot < 0) continue;
      this.table.forEntries(slot, (t, w) => { this.trans[p * N + t] = w; });
    }
  }
  /** Adds the weights of features keys[0..count) (h1, h2 pairs) to emit[base..base + N). */
  private accumulate(emit: Int32Array | Float64Array, base: number, keys: Int32Array, count: number): void {
    const table = this.table, checks = table.checks, w = table.weights, filter = table.filter, mask = table.mask;
    // The 13 scores stay in locals (registers) until the character is done.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0, s9 = 0, s10 = 0, s11 = 0, s12 = 0;
    for (let m = 0; m < count; m += 2) {
      const h1 = keys[m], check = checkValue(h1, keys[m + 1]);
      const b = check & FILTER_MASK;
      if ((filter[b >>> 5] & (1 << (b & 31))) === 0) continue;
      let slot = h1 & mask, o = -1;
      for (;;) {
        if (w[slot * SLOT_I16 + OCCUPIED] === 0) break;
        if (checks[slot * (SLOT_I16 / 2)] === check) { o = slot * SLOT_I16 + 2; break; }
        slot = (slot + 1) & mask;
      }
      if (o < 0) continue;
      s0 += w[o]; s1 += w[o + 1]; s2 += w[o + 2]; s3 += w[o + 3]; s4 += w[o + 4]; s5 += w[o + 5]; s6 += w[o + 6];
      s7 += w[o + 7]; s8 += w[o + 8]; s9 += w[o + 9]; s10 += w[o + 10]; s11 += w[o + 11]; s12 += w[o + 12];
    }
    emit[base] += s0; emit[base + 1] += s1; emit[base + 2] += s2; emit[base + 3] += s3; emit[base + 4] += s4; emit[base + 5] += s5;
    emit[base + 6] += s6; emit[base + 7] += s7; emit[base + 8] += s8; emit[base + 9] += s9; emit[base + 10] += s10; emit[base + 11] += s11;
    emit[base + 12] += s12;
  }
  /** Runs tag()'s per-character loop in the native addon from now on (null: in JavaScript). */
  useNative(native: NativeTaggerBinding | null): void {
    this.native = native;
  }
  /** The addon binding tag() uses, or null when it tags in JavaScript. */
  nativeBinding(): NativeTaggerBinding | null {
    return this.native;
  }
  /** Entity spans of `text`. */
  tag(text: string, tokens: readonly Token[], lex: TaggerLexicon): Array<{ type: NerType; start: number; end: number }> {
    return this.native ? this.tagNative(this.native, text, tokens, lex) : this.tagJs(text, tokens, lex);
  }
  /** tag() with the per-character loop in JavaScript (the reference, and the fallback without the addon). */
  tagJs(text: string, tokens: readonly Token[], lex: TaggerLexicon): Array<{ type: NerType; start: number; end: number }> {
    const n = text.length;
    if (this.emit.length < n * N) this.emit = new Int32Array(n * N * 2);
    if (this.path.length < n) this.path = new Uint8Array(n * 2);
    const emit = this.emit;
    emit.fill(0, 0, n * N);
    forEachFeature(text, tokens, lex, (i, keys, count) => this.accumulate(emit, i * N, keys, count));
    viterbiInto(emit, n, this.trans, this.path);
    return pathToSpans(this.path, n);
  }
  /** tag() with the per-character loop in the native addon. */
  private tagNative(native: NativeTaggerBinding, text: string, tokens: readonly Token[], lex: TaggerLexicon): Array<{ type: NerType; start: number; end: number }> {
    const n = text.length;
    if (this.path.length < n) this.path = new Uint8Array(n * 2);
    const { codes, tokIdx, startLen, endLen, inside, sur2 } = prepareFeatures(text, tokens, lex, native);
    const T = tokens.length;
    const { wordH, tagH, flagsT, orgAhead, orgSuffixH, runStart, tokInfo } = tokenScratch;
    for (let k = 0, o = 0; k < T; k++, o += NATIVE_TOKEN_INTS) {
      tokInfo[o] = tokens[k].start; tokInfo[o + 1] = tokens[k].end; tokInfo[o + 2] = wordH[k]; tokInfo[o + 3] = tagH[k];
      tokInfo[o + 4] = flagsT[k]; tokInfo[o + 5] = orgAhead[k]; tokInfo[o + 6] = orgSuffixH[k]; tokInfo[o + 7] = runStart[k];
    }
    const { compoundFirst } = tokenLexicon(lex);
    for (let i = 0; i < n; i++) {
      const c0 = codes[i + 2];
      sur2[i] = compoundFirst[c0] && lex.compoundSurnameCodes.has(c0 * 65536 + codes[i + 3]) ? 1 : 0;
    }
    const t = this.table;
    native.tag(n, codes, tokIdx, tokInfo.subarray(0, T * NATIVE_TOKEN_INTS), startLen, endLen, inside, sur2, lex.givenNameBucket, lex.surnameRank,
      t.checks, t.weights, t.filter, t.mask, this.trans, this.path);
    return pathToSpans(this.path, n);
  }
  /** Tag sequence (indices into TAGS) for precomputed features (charFeatures). */
  decode(feats: number[][]): number[] {
    const emit = new Float64Array(feats.length * N);
    feats.forEach((fs, i) => {
      const keys = Int32Array.from(fs.flatMap((f) => [unpackH1(f), f % 0x200000]));
      this.accumulate(emit, i * N, keys, keys.length);
    });
    return viterbi(emit, feats.length, this.trans);
  }
}

const unpackH1 = (f: number) => Math.floor(f / 0x200000) | 0;

/** Kind (0 O, 1 B, 2 I, 3 E, 4 S) and type of each tag index, so decoding a path builds no strings. */
const TAG_KIND = TAGS.map((t) => 'OBIES'.indexOf(t[0]));
const TAG_TYPE = TAGS.map((t) => t.slice(2) as NerType);

/** Turns a tag path into spans (B…E and S; a stray I/E without B is read as continuing or starting a span). */
export function pathToSpans(path: ArrayLike<number>, length = path.length): Array<{ type: NerType; start: number; end: number }> {
  const spans: Array<{ type: NerType; start: number; end: number }> = [];
  let openType: NerType | '' = '', openStart = -1;
  for (let i = 0; i < length; i++) {
    const kind = TAG_KIND[path[i]], type = TAG_TYPE[path[i]];
    if (openStart >= 0 && (kind === 0 || kind === 1 || kind === 4 || type !== openType)) { spans.push({ type: openType as NerType, start: openStart, end: i }); openStart = -1; }
    if (kind === 4) spans.push({ type, start: i, end: i + 1 });
    else if (kind === 1 || ((kind === 2 || kind === 3) && openStart < 0)) { openType = type; openStart = i; }
    if (kind === 3 && openStart >= 0) { spans.push({ type: openType as NerType, start: openStart, end: i + 1 }); openStart = -1; }
  }
  if (openStart >= 0) spans.push({ type: openType as NerType, start: openStart, end: length });
  return spans;
}

/** Gold tag indices for a sentence of `length` characters. */
export function spansToTags(length: number, spans: ReadonlyArray<{ type: string; start: number; end: number }>): number[] {
  const g = new Array<number>(length).fill(0);
  for (const sp of spans) {
    if (sp.end - sp.start === 1) { g[sp.start] = TAGS.indexOf('S-' + sp.type); continue; }
    for (let i = sp.start; i < sp.end; i++) g[i] = TAGS.indexOf((i === sp.start ? 'B-' : i === sp.end - 1 ? 'E-' : 'I-') + sp.type);
  }
  return g;
}

/**
 * Averaged structured perceptron training over interned feature ids; used by scripts/eval-ner.mjs
 * (--train, --cv) and the unit tests. Deterministic (seeded shuffle). Features seen fewer than
 * `minCount` times are not learnt; averaged weights are rounded to 0.01 and those under `minWeight` pruned.
 */
export function trainTagger(
  data: ReadonlyArray<{ feats: number[][]; gold: number[] }>,
  epochs = 10,
  minWeight = 0.05,
  minCount = 1,
): TaggerModelData {
  // Features seen fewer than minCount times are left out: they mostly memorise single sentences.
  const seen = new Map<number, number>();
  if (minCount > 1) for (const { feats } of data) for (const fs of feats) for (const f of fs) seen.set(f, (seen.get(f) ?? 0) + 1);
  const ids = new Map<number, number>();
  const intern = (f: number) => { let id = ids.get(f); if (id === undefined) { id = ids.size; ids.set(f, id); } return id; };
  for (let p = 0; p <= N; p++) intern(packKey(hash1(F_T, p, 0, 0), hash2(F_T, p, 0, 0)));
  const seqs = data.map(({ feats, gold }) => {
    const offsets = new Int32Array(feats.length + 1);
    const flat: number[] = [];
    feats.forEach((fs, i) => { for (const f of fs) if (minCount <= 1 || (seen.get(f) ?? 0) >= minCount) flat.push(intern(f)); offsets[i + 1] = flat.length; });
    return { offsets, flat: Int32Array.from(flat), gold };
  });
  const F = ids.size;
  const w = new Float64Array(F * N), acc = new Float64Array(F * N); // acc: sum of step * update, for averaging
  let step = 1;
  const upd = (id: number, t: number, d: number) => { w[id * N + t] += d; acc[id * N + t] += step * d; };
  const trans = new Float64Array((N + 1) * N);
  const order = data.map((_, i) => i);
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const idx of order) {
      const { offsets, flat, gold } = seqs[idx];
      const n = gold.length;
      const emit = new Float64Array(n * N);
      for (let i = 0; i < n; i++) for (let q = offsets[i]; q < offsets[i + 1]; q++) for (let t = 0, o = flat[q] * N; t < N; t++) emit[i * N + t] += w[o + t];
      for (let p = 0; p <= N; p++) for (let t = 0; t < N; t++) trans[p * N + t] = w[p * N + t]; // transition ids are 0..N
      const pred = viterbi(emit, n, trans);
      for (let i = 0; i < n; i++) {
        const g = gold[i], p = pred[i];
        const gp = i === 0 ? N : gold[i - 1], pp = i === 0 ? N : pred[i - 1];
        if (g !== p || gp !== pp) { upd(gp, g, 1); upd(pp, p, -1); }
        if (g !== p) for (let q = offsets[i]; q < offsets[i + 1]; q++) { upd(flat[q], g, 1); upd(flat[q], p, -1); }
      }
      step++;
    }
  }
  const keys: number[] = [], counts: number[] = [], tagOf: number[] = [], weights: number[] = [];
  for (const [f, id] of ids) {
    const cents = Array.from({ length: N }, (_, t) => Math.round((w[id * N + t] - acc[id * N + t] / step) * 100));
    if (!cents.some((x) => Math.abs(x) >= minWeight * 100)) continue;
    let count = 0;
    cents.forEach((x, t) => {
      if (x === 0) return;
      tagOf.push(t);
      weights.push(Math.max(-32768, Math.min(32767, x)));
      count++;
    });
    keys.push(unpackH1(f), f % 0x200000);
    counts.push(count);
  }
  return {
    format: 'hashed-sparse-1',
    tags: [...TAGS],
    keys: toBase64(Int32Array.from(keys)),
    counts: toBase64(Uint8Array.from(counts)),
    tagOf: toBase64(Uint8Array.from(tagOf)),
    weights: toBase64(Int16Array.from(weights)),
  };
}
