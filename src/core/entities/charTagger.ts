/**
 * Averaged-perceptron character tagger (BIO over PER/LOC/ORG) with first-order Viterbi decoding.
 * Features: character n-grams, the jieba token around each character (word, POS, position in word,
 * neighbouring words) and lexicon matches (places, organisations, surnames, titles, org suffixes).
 * The model is a plain JSON data file (data/ner/tagger-model.json) trained by scripts/train-ner.mjs.
 */
import type { Token } from '../engines';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG'] as const;
const N = TAGS.length;

/** Lexicons the features look up; built once per data folder. */
export interface TaggerLexicon {
  places: ReadonlySet<string>;
  orgs: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  compoundSurnames: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  orgSuffixes: ReadonlySet<string>;
  /** Longest entry length of places/orgs, bounds the lexicon scan. */
  maxLen: number;
}

export interface TaggerModelData {
  tags: readonly string[];
  /** feature → weights per tag (same order as `tags`); transitions are features "T:<prev>". */
  weights: Record<string, number[]>;
}

const MAX_WORD_FEATURE_LEN = 6;

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

/** Marks lexicon matches: for each char, the role (B/I/E/S) in the longest match starting at or covering it. */
function lexiconRoles(text: string, set: ReadonlySet<string>, maxLen: number, minLen = 2): string[] {
  const roles: string[] = new Array(text.length).fill('');
  const lengths = lengthsByFirstChar(set);
  let i = 0;
  while (i < text.length) {
    let found = 0;
    for (const len of lengths.get(text[i]) ?? []) {
      if (len <= maxLen && len >= minLen && i + len <= text.length && set.has(text.slice(i, i + len))) { found = len; break; }
    }
    if (found) {
      if (found === 1) roles[i] = 'S';
      else for (let k = 0; k < found; k++) roles[i + k] = k === 0 ? 'B' : k === found - 1 ? 'E' : 'I';
      i += found;
    } else i++;
  }
  return roles;
}

/** Feature strings for every character of `text`; `tokens` must cover `text`. */
export function charFeatures(text: string, tokens: readonly Token[], lex: TaggerLexicon): string[][] {
  const n = text.length;
  const c = (i: number) => (i < 0 ? '^' : i >= n ? '$' : text[i]);
  const tokIdx = new Int32Array(n).fill(-1);
  tokens.forEach((t, k) => { for (let i = t.start; i < t.end && i < n; i++) tokIdx[i] = k; });
  const placeRole = lexiconRoles(text, lex.places, lex.maxLen);
  const orgRole = lexiconRoles(text, lex.orgs, lex.maxLen);
  const titleRole = lexiconRoles(text, lex.titles, 6);
  const feats: string[][] = [];
  for (let i = 0; i < n; i++) {
    const c0 = c(i), cm1 = c(i - 1), cp1 = c(i + 1), cm2 = c(i - 2), cp2 = c(i + 2);
    const f = [
      'b', 'c0' + c0, 'c-1' + cm1, 'c1' + cp1, 'c-2' + cm2, 'c2' + cp2,
      'bm' + cm1 + c0, 'bp' + c0 + cp1, 'bmm' + cm2 + cm1, 'bpp' + cp1 + cp2, 'tr' + cm1 + c0 + cp1,
      'tm' + cm2 + cm1 + c0, 'tp' + c0 + cp1 + cp2,
    ];
    const k = tokIdx[i];
    if (k >= 0) {
      const t = tokens[k];
      const len = t.end - t.start;
      const pos = len === 1 ? 'S' : i === t.start ? 'B' : i === t.end - 1 ? 'E' : 'M';
      f.push('p' + t.tag + pos, 'pl' + t.tag + Math.min(len, 4) + pos);
      if (len <= MAX_WORD_FEATURE_LEN) f.push('w' + t.word + pos);
      const prev = tokens[k - 1], next = tokens[k + 1];
      f.push('pw' + (prev ? prev.word : '^'), 'nw' + (next ? next.word : '$'));
      f.push('pp' + (prev ? prev.tag : '^') + t.tag + pos, 'np' + t.tag + pos + (next ? next.tag : '$'));
      f.push('pwp' + (prev ? prev.word : '^') + pos, 'nwp' + (next ? next.word : '$') + pos);
      if (next && lex.orgSuffixes.has(next.word)) f.push('nsuf' + pos);
      if (lex.orgSuffixes.has(t.word) && len > 0) f.push('suf' + pos);
      // Suffix of the token itself (…部, …委员会) for words the dictionary knows as a whole.
      for (let s = Math.min(3, len - 1); s >= 1; s--) {
        if (lex.orgSuffixes.has(t.word.slice(len - s))) { f.push('wsuf' + pos); break; }
      }
      if (prev && lex.titles.has(prev.word)) f.push('ptitle' + pos);
      if (next && lex.titles.has(next.word)) f.push('ntitle' + pos);
    }
    if (placeRole[i]) f.push('lp' + placeRole[i]);
    if (orgRole[i]) f.push('lo' + orgRole[i]);
    if (titleRole[i]) f.push('lt' + titleRole[i]);
    if (lex.surnames.has(c0)) f.push('sur');
    if (lex.compoundSurnames.has(c0 + cp1)) f.push('sur2');
    if (c0 === '·' || cm1 === '·' || cp1 === '·') f.push('dot' + (c0 === '·' ? 0 : cm1 === '·' ? -1 : 1));
    feats.push(f);
  }
  return feats;
}

const allowed = (prev: number, cur: number): boolean => {
  const t = TAGS[cur];
  if (!t.startsWith('I-')) return true;
  const p = prev < 0 ? 'O' : TAGS[prev];
  return p.slice(2) === t.slice(2) && p !== 'O';
};

/** Weights lookup that may be a trained model or the in-training averaged copy. */
type Lookup = (feature: string) => ArrayLike<number> | undefined;

function viterbi(feats: string[][], lookup: Lookup): number[] {
  const n = feats.length;
  if (n === 0) return [];
  const emit = new Float64Array(n * N);
  for (let i = 0; i < n; i++) {
    for (const f of feats[i]) {
      const w = lookup(f);
      if (w) for (let t = 0; t < N; t++) emit[i * N + t] += w[t];
    }
  }
  const trans: Array<ArrayLike<number> | undefined> = [];
  for (let p = -1; p < N; p++) trans.push(lookup('T' + (p < 0 ? '^' : TAGS[p])));
  const score = new Float64Array(n * N);
  const back = new Int8Array(n * N);
  for (let t = 0; t < N; t++) score[t] = allowed(-1, t) ? emit[t] + (trans[0]?.[t] ?? 0) : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < N; t++) {
      let best = -Infinity, arg = 0;
      for (let p = 0; p < N; p++) {
        if (!allowed(p, t)) continue;
        const s = score[(i - 1) * N + p] + (trans[p + 1]?.[t] ?? 0);
        if (s > best) { best = s; arg = p; }
      }
      score[i * N + t] = best + emit[i * N + t];
      back[i * N + t] = arg;
    }
  }
  let best = -Infinity, arg = 0;
  for (let t = 0; t < N; t++) if (score[(n - 1) * N + t] > best) { best = score[(n - 1) * N + t]; arg = t; }
  const path = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) { path[i] = arg; arg = back[i * N + arg]; }
  return path;
}

export class CharTagger {
  private readonly weights: Map<string, ArrayLike<number>>;
  constructor(data: TaggerModelData) {
    this.weights = new Map(Object.entries(data.weights));
  }
  /** Tag sequence (indices into TAGS) for precomputed features. */
  decode(feats: string[][]): number[] {
    return viterbi(feats, (f) => this.weights.get(f));
  }
}

/** Turns a tag path into spans. */
export function pathToSpans(path: readonly number[]): Array<{ type: 'PER' | 'LOC' | 'ORG'; start: number; end: number }> {
  const spans: Array<{ type: 'PER' | 'LOC' | 'ORG'; start: number; end: number }> = [];
  let open: { type: 'PER' | 'LOC' | 'ORG'; start: number } | null = null;
  path.forEach((t, i) => {
    const tag = TAGS[t];
    if (tag === 'O' || tag.startsWith('B-')) {
      if (open) spans.push({ ...open, end: i });
      open = tag === 'O' ? null : { type: tag.slice(2) as 'PER' | 'LOC' | 'ORG', start: i };
    }
  });
  if (open) spans.push({ ...(open as { type: 'PER' | 'LOC' | 'ORG'; start: number }), end: path.length });
  return spans;
}

/** Averaged structured perceptron training; used by scripts/train-ner.mjs and the cross-validation run. */
export function trainTagger(
  data: ReadonlyArray<{ feats: string[][]; gold: number[] }>,
  epochs = 8,
  minWeight = 0.01,
): TaggerModelData {
  const w = new Map<string, Float64Array>();
  const acc = new Map<string, Float64Array>(); // sum of (step * update) for averaging
  let step = 1;
  const get = (m: Map<string, Float64Array>, f: string) => {
    let v = m.get(f);
    if (!v) { v = new Float64Array(N); m.set(f, v); }
    return v;
  };
  const update = (f: string, t: number, delta: number) => {
    get(w, f)[t] += delta;
    get(acc, f)[t] += step * delta;
  };
  // Deterministic shuffle so runs are reproducible.
  const order = data.map((_, i) => i);
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
    for (const idx of order) {
      const { feats, gold } = data[idx];
      const pred = viterbi(feats, (f) => w.get(f));
      for (let i = 0; i < gold.length; i++) {
        const g = gold[i], p = pred[i];
        const gp = i === 0 ? '^' : TAGS[gold[i - 1]];
        const pp = i === 0 ? '^' : TAGS[pred[i - 1]];
        if (g !== p || gp !== pp) {
          update('T' + gp, g, 1);
          update('T' + pp, p, -1);
        }
        if (g !== p) for (const f of feats[i]) { update(f, g, 1); update(f, p, -1); }
      }
      step++;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, v] of w) {
    const a = acc.get(f)!;
    const avg = Array.from(v, (x, t) => Math.round((x - a[t] / step) * 1000) / 1000);
    if (avg.some((x) => Math.abs(x) >= minWeight)) weights[f] = avg;
  }
  return { tags: [...TAGS], weights };
}
