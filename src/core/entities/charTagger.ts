/**
 * Averaged-perceptron character tagger (BIOES over PER/LOC/ORG) with constrained first-order
 * Viterbi decoding. Features: character n-grams and classes, the jieba token around each character
 * (word, POS, position in word, neighbours), and lexicon matches over jieba's own dictionary
 * (ns/nt/nr/nrt/nz words), the gazetteer, organisations, titles, org suffixes, surnames and
 * given-name characters. The model is a data file (data/ner/tagger-model.json) trained by
 * `node scripts/eval-ner.mjs --train`.
 */
import type { Token } from '../engines';

export type NerType = 'PER' | 'LOC' | 'ORG';
const TYPES: readonly NerType[] = ['PER', 'LOC', 'ORG'];
export const TAGS: readonly string[] = ['O', ...TYPES.flatMap((t) => ['B-' + t, 'I-' + t, 'E-' + t, 'S-' + t])];
const N = TAGS.length;

/** Lexicon entry kinds (bit flags in TaggerLexicon.dict). */
export const LEX = { place: 1, org: 2, person: 4, foreign: 8, proper: 16, title: 32, orgSuffix: 64, prefix: 1 << 10 } as const;
const LEX_LETTERS: Array<[number, string]> = [[LEX.place, 'P'], [LEX.org, 'O'], [LEX.person, 'N'], [LEX.foreign, 'T'], [LEX.proper, 'Z'], [LEX.title, 'H'], [LEX.orgSuffix, 'U']];

/** Lexicons the features look up; built once per data folder (nerData.ts). */
export interface TaggerLexicon {
  places: ReadonlySet<string>;
  orgs: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  compoundSurnames: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  orgSuffixes: ReadonlySet<string>;
  /** Longest entry length of places/orgs, bounds the lexicon scan. */
  maxLen: number;
  /** Every lexicon word (2+ chars) → LEX kind flags; proper prefixes carry LEX.prefix. */
  dict: ReadonlyMap<string, number>;
  dictMaxLen: number;
  /** Given-name character → frequency bucket 1..3. */
  givenNames: ReadonlyMap<string, number>;
  /** Surname → 1 for the 100 most frequent, 2 for the others. */
  surnameRank: ReadonlyMap<string, number>;
}

export interface TaggerModelData {
  tags: readonly string[];
  /** feature → weights per tag (same order as `tags`); transitions are features "T<prev tag>". */
  weights: Record<string, number[]>;
}

const MAX_WORD_FEATURE_LEN = 6;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Entry lengths per first character, longest first, so lookups only try lengths that exist. */
const lengthIndexes = new WeakMap<ReadonlySet<string>, Map<string, number[]>>();
export function lengthsByFirstChar(set: ReadonlySet<string>): Map<string, number[]> {
  let idx = lengthIndexes.get(set);
  if (!idx) {
    idx = new Map();
    for (const w of set) {
      const l = idx.get(w[0]) ?? [];
      if (!l.includes(w.length)) l.push(w.length);
      idx.set(w[0], l);
    }
    for (const l of idx.values()) l.sort((a, b) => b - a);
    lengthIndexes.set(set, idx);
  }
  return idx;
}

const charClass = (ch: string): string => {
  if (ch === '^' || ch === '$') return ch;
  const code = ch.charCodeAt(0);
  if (code >= 0x3400 && code <= 0x9fff) return 'H';
  if (/[0-9０-９]/.test(ch)) return 'D';
  if (/[A-Za-zＡ-Ｚａ-ｚ]/.test(ch)) return 'L';
  if (ch === '·' || ch === '•' || ch === '・') return '.';
  return 'P';
};

/**
 * Longest lexicon match of each kind starting at / ending at each character, and whether a
 * character lies strictly inside one. One pass: each start tries lengths until no entry has that prefix.
 */
function lexiconMatches(text: string, lex: TaggerLexicon): { startLen: Uint8Array; endLen: Uint8Array; inside: Uint16Array } {
  const n = text.length;
  const K = LEX_LETTERS.length;
  const startLen = new Uint8Array(n * K), endLen = new Uint8Array(n * K), inside = new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    for (let len = 2; len <= lex.dictMaxLen && i + len <= n; len++) {
      const flags = lex.dict.get(text.slice(i, i + len));
      if (flags === undefined) break;
      for (let k = 0; k < K; k++) {
        if (!(flags & LEX_LETTERS[k][0])) continue;
        startLen[i * K + k] = len;
        const e = (i + len - 1) * K + k;
        if (endLen[e] < len) endLen[e] = len;
        for (let j = i + 1; j < i + len - 1; j++) inside[j] |= LEX_LETTERS[k][0];
      }
      if (!(flags & LEX.prefix)) break;
    }
  }
  return { startLen, endLen, inside };
}

/**
 * Feature sink: a feature of character i is the concatenation prefix + a + b + c + d. Passing the
 * parts lets the tagger hash them without building strings (CharTagger.tag).
 */
export type FeatureSink = (i: number, prefix: string, a?: string, b?: string, c?: string, d?: string) => void;

/** Calls `emit` for every feature of every character; `tokens` must cover `text`. */
export function forEachFeature(text: string, tokens: readonly Token[], lex: TaggerLexicon, emit: FeatureSink): void {
  const n = text.length;
  const c = (i: number) => (i < 0 ? '^' : i >= n ? '$' : text[i]);
  const tokIdx = new Int32Array(n).fill(-1);
  tokens.forEach((t, k) => { for (let i = t.start; i < t.end && i < n; i++) tokIdx[i] = k; });
  const { startLen, endLen, inside } = lexiconMatches(text, lex);
  const K = LEX_LETTERS.length;
  const gn = (i: number) => DIGITS[i >= 0 && i < n ? lex.givenNames.get(text[i]) ?? 0 : 0];
  const sur = (i: number) => DIGITS[i >= 0 && i < n ? lex.surnameRank.get(text[i]) ?? 0 : 0];
  for (let i = 0; i < n; i++) {
    const c0 = c(i), cm1 = c(i - 1), cp1 = c(i + 1), cm2 = c(i - 2), cp2 = c(i + 2);
    emit(i, 'b');
    emit(i, 'c0', c0); emit(i, 'c-1', cm1); emit(i, 'c1', cp1); emit(i, 'c-2', cm2); emit(i, 'c2', cp2);
    emit(i, 'bm', cm1, c0); emit(i, 'bp', c0, cp1); emit(i, 'bmm', cm2, cm1); emit(i, 'bpp', cp1, cp2);
    emit(i, 'tr', cm1, c0, cp1);
    emit(i, 'cc', charClass(cm1), charClass(c0), charClass(cp1));
    const k = tokIdx[i];
    if (k >= 0) {
      const t = tokens[k];
      const len = t.end - t.start;
      const pos = len === 1 ? 'S' : i === t.start ? 'B' : i === t.end - 1 ? 'E' : 'M';
      const prev = tokens[k - 1], next = tokens[k + 1];
      const ptag = prev ? prev.tag : '^', ntag = next ? next.tag : '$';
      emit(i, 'p', t.tag, pos);
      emit(i, 'pl', t.tag, DIGITS[Math.min(len, 4)], pos);
      if (len <= MAX_WORD_FEATURE_LEN) emit(i, 'w', t.word, pos);
      emit(i, 'pw', prev ? prev.word : '^');
      emit(i, 'nw', next ? next.word : '$');
      emit(i, 'pp', ptag, t.tag, pos);
      emit(i, 'np', t.tag, pos, ntag);
      emit(i, 'pwp', prev ? prev.word : '^', pos);
      emit(i, 'nwp', next ? next.word : '$', pos);
      if (next && lex.orgSuffixes.has(next.word)) emit(i, 'nsuf', pos);
      if (lex.orgSuffixes.has(t.word)) emit(i, 'suf', pos);
      for (let s = Math.min(3, len - 1); s >= 1; s--) {
        if (lex.orgSuffixes.has(t.word.slice(len - s))) { emit(i, 'wsuf', DIGITS[s], pos); break; }
      }
      if (prev && lex.titles.has(prev.word)) emit(i, 'ptitle', pos);
      if (next && lex.titles.has(next.word)) emit(i, 'ntitle', pos);
    }
    // Lexicon matches: longest of each kind starting here, ending here, or covering this char.
    for (let q = 0; q < K; q++) {
      const letter = LEX_LETTERS[q][1];
      const s = startLen[i * K + q], e = endLen[i * K + q];
      if (s) emit(i, 'Ds', letter, DIGITS[Math.min(s, 6)]);
      if (e) emit(i, 'De', letter, DIGITS[Math.min(e, 6)]);
      if (inside[i] & LEX_LETTERS[q][0]) emit(i, 'Dm', letter);
      // What the neighbours start / end (a place ending right before an org suffix, …).
      if (i + 1 < n && startLen[(i + 1) * K + q]) emit(i, 'Dn', letter);
      if (i > 0 && endLen[(i - 1) * K + q]) emit(i, 'Dp', letter);
    }
    // Name shape: surname rank and given-name-likeness of the next characters.
    const s0 = sur(i), g0 = gn(i);
    if (s0 !== '0') emit(i, 'sur', s0, ':', gn(i + 1), gn(i + 2));
    if (g0 !== '0') emit(i, 'gn', g0, ':', sur(i - 1), sur(i - 2));
    if (lex.compoundSurnames.has(c0 + cp1)) emit(i, 'sur2');
    if (c0 === '·' || cm1 === '·' || cp1 === '·') emit(i, 'dot', c0 === '·' ? '0' : cm1 === '·' ? '-1' : '1');
  }
}

/** Feature strings for every character of `text` (training and tests). */
export function charFeatures(text: string, tokens: readonly Token[], lex: TaggerLexicon): string[][] {
  const feats: string[][] = Array.from({ length: text.length }, () => []);
  forEachFeature(text, tokens, lex, (i, p, a = '', b = '', c = '', d = '') => feats[i].push(p + a + b + c + d));
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

/** Constrained Viterbi over emission scores emit[i * N + t] and transitions trans[(prev) * N + t] (prev N = start). */
function viterbi(emit: Float64Array, n: number, trans: Float64Array): number[] {
  if (n === 0) return [];
  const score = new Float64Array(n * N);
  const back = new Int8Array(n * N);
  for (let t = 0; t < N; t++) score[t] = ALLOWED[N * N + t] ? emit[t] + trans[N * N + t] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < N; t++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < N; p++) {
        if (!ALLOWED[p * N + t]) continue;
        const s = score[(i - 1) * N + p] + trans[p * N + t];
        if (s > best) { best = s; arg = p; }
      }
      score[i * N + t] = best + emit[i * N + t];
      back[i * N + t] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let t = 0; t < N; t++) if (CAN_END[t] && score[(n - 1) * N + t] > best) { best = score[(n - 1) * N + t]; arg = t; }
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) { path[i] = arg; arg = back[i * N + arg]; }
  return path;
}

const transitionFeature = (p: number) => 'T' + (p === N ? '^' : TAGS[p]);

/*
 * Feature keys for decoding: two string hashes over the feature's UTF-16 code units (FNV-1a 32 bit
 * and a 21-bit multiplicative one), computed from the parts without concatenating them. A collision
 * needs both hashes to agree: practically never.
 */
let h1 = 0, h2 = 0;
function foldPart(s: string): void {
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    h1 = Math.imul(h1 ^ code, 16777619);
    h2 = (Math.imul(h2, 31) + code) & 0x1fffff;
  }
}
export function featureKey(feature: string): [number, number] {
  h1 = 0x811c9dc5 | 0; h2 = 7;
  foldPart(feature);
  return [h1, h2];
}

/** Open-addressing table from feature hash pair to weight row (no allocation per lookup). */
class WeightTable {
  private readonly mask: number;
  private readonly k1: Int32Array;
  private readonly k2: Int32Array;
  private readonly row: Int32Array;
  readonly weights: Float32Array;
  private count = 0;
  constructor(size: number) {
    let cap = 1024;
    while (cap < size * 2) cap *= 2;
    this.mask = cap - 1;
    this.k1 = new Int32Array(cap);
    this.k2 = new Int32Array(cap).fill(-1);
    this.row = new Int32Array(cap);
    this.weights = new Float32Array((size + 1) * N);
  }
  add(key1: number, key2: number, w: ArrayLike<number>): void {
    let slot = key1 & this.mask;
    while (this.k2[slot] !== -1 && !(this.k1[slot] === key1 && this.k2[slot] === key2)) slot = (slot + 1) & this.mask;
    if (this.k2[slot] === -1) { this.k1[slot] = key1; this.k2[slot] = key2; this.row[slot] = this.count++; }
    this.weights.set(w, this.row[slot] * N);
  }
  /** Row offset into `weights`, or −1. */
  find(key1: number, key2: number): number {
    let slot = key1 & this.mask;
    for (;;) {
      const k = this.k2[slot];
      if (k === -1) return -1;
      if (k === key2 && this.k1[slot] === key1) return this.row[slot] * N;
      slot = (slot + 1) & this.mask;
    }
  }
}

export class CharTagger {
  private readonly rows = new Map<string, Float32Array>();
  private readonly table: WeightTable;
  private readonly trans = new Float64Array((N + 1) * N);
  constructor(data: TaggerModelData) {
    const order = data.tags.map((t) => TAGS.indexOf(t));
    if (order.some((i) => i < 0) || data.tags.length !== N) throw new Error('tagger model: unexpected tag set ' + data.tags.join(','));
    const entries = Object.entries(data.weights);
    this.table = new WeightTable(entries.length);
    for (const [f, w] of entries) {
      const row = new Float32Array(N);
      w.forEach((x, t) => { row[order[t]] = x; });
      this.rows.set(f, row);
      const [k1, k2] = featureKey(f);
      this.table.add(k1, k2, row);
    }
    for (let p = 0; p <= N; p++) {
      const row = this.rows.get(transitionFeature(p));
      if (row) for (let t = 0; t < N; t++) this.trans[p * N + t] = row[t];
    }
  }
  /** Entity spans of `text`. */
  tag(text: string, tokens: readonly Token[], lex: TaggerLexicon): Array<{ type: NerType; start: number; end: number }> {
    const emit = new Float64Array(text.length * N);
    const table = this.table, weights = table.weights;
    forEachFeature(text, tokens, lex, (i, p, a, b, c, d) => {
      h1 = 0x811c9dc5 | 0; h2 = 7;
      foldPart(p);
      if (a) foldPart(a);
      if (b) foldPart(b);
      if (c) foldPart(c);
      if (d) foldPart(d);
      const r = table.find(h1, h2);
      if (r >= 0) for (let t = 0, o = i * N; t < N; t++) emit[o + t] += weights[r + t];
    });
    return pathToSpans(viterbi(emit, text.length, this.trans));
  }
  /** Tag sequence (indices into TAGS) for precomputed features. */
  decode(feats: string[][]): number[] {
    const emit = new Float64Array(feats.length * N);
    feats.forEach((fs, i) => {
      for (const f of fs) {
        const w = this.rows.get(f);
        if (w) for (let t = 0; t < N; t++) emit[i * N + t] += w[t];
      }
    });
    return viterbi(emit, feats.length, this.trans);
  }
}

/** Turns a tag path into spans (B…E and S; a stray I/E without B is read as continuing or starting a span). */
export function pathToSpans(path: readonly number[]): Array<{ type: NerType; start: number; end: number }> {
  const spans: Array<{ type: NerType; start: number; end: number }> = [];
  let open: { type: NerType; start: number } | null = null;
  path.forEach((t, i) => {
    const tag = TAGS[t];
    const kind = tag[0], type = tag.slice(2) as NerType;
    if (open && (kind === 'O' || kind === 'B' || kind === 'S' || type !== open.type)) { spans.push({ ...open, end: i }); open = null; }
    if (kind === 'S') spans.push({ type, start: i, end: i + 1 });
    else if (kind === 'B' || ((kind === 'I' || kind === 'E') && !open)) open = { type, start: i };
    if (kind === 'E' && open) { spans.push({ ...open, end: i + 1 }); open = null; }
  });
  if (open) spans.push({ ...(open as { type: NerType; start: number }), end: path.length });
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
 * (--train, --cv) and the unit tests. Weights under `minWeight` after averaging are pruned.
 */
export function trainTagger(
  data: ReadonlyArray<{ feats: string[][]; gold: number[] }>,
  epochs = 10,
  minWeight = 0.05,
): TaggerModelData {
  const ids = new Map<string, number>();
  const intern = (f: string) => { let id = ids.get(f); if (id === undefined) { id = ids.size; ids.set(f, id); } return id; };
  for (let p = 0; p <= N; p++) intern(transitionFeature(p));
  const seqs = data.map(({ feats, gold }) => {
    const offsets = new Int32Array(feats.length + 1);
    const flat: number[] = [];
    feats.forEach((fs, i) => { for (const f of fs) flat.push(intern(f)); offsets[i + 1] = flat.length; });
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
  const weights: Record<string, number[]> = {};
  for (const [f, id] of ids) {
    const avg = Array.from({ length: N }, (_, t) => Math.round((w[id * N + t] - acc[id * N + t] / step) * 100) / 100);
    if (avg.some((x) => Math.abs(x) >= minWeight)) weights[f] = avg;
  }
  return { tags: [...TAGS], weights };
}
