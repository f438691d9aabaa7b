/**
 * Script detection and OpenCC conversion with an exact offset map.
 *
 * opencc-js converts a string to a string, so we cannot tell which input produced which output.
 * We therefore run OpenCC's own dictionaries (opencc-js `Locale.configs`) through a small
 * re-implementation of its longest-prefix trie conversion that carries, for every output unit,
 * the input span it came from. Same dictionaries, same segmentation, same results.
 */
import * as OpenCC from 'opencc-js';
import type { Conversion, Converter, TraditionalVariant } from './engines';
import { OffsetMap, copyIdentity } from './offsetMap';
import type { Script, Span } from './types';

type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];
interface LocaleConfig {
  normalizationChain?: readonly DictGroup[];
  segmentation?: DictLike | DictGroup;
  conversionChain: readonly DictGroup[];
}

/** A trie node: children by code point; `v` is the replacement when a word ends here. */
interface TrieNode {
  c: Map<number, TrieNode>;
  v?: string;
}

/**
 * Per root: 1 for every UTF-16 unit a dictionary word can start with (the high surrogate for
 * astral words). Most characters start no word (simplified text through t2s), so the passes skip
 * them with one array read instead of a trie lookup.
 */
const firstUnitsOf = new WeakMap<TrieNode, Uint8Array>();
function firstUnits(root: TrieNode): Uint8Array {
  let first = firstUnitsOf.get(root);
  if (!first) {
    first = new Uint8Array(0x10000);
    for (const cp of root.c.keys()) first[cp > 0xffff ? 0xd800 + ((cp - 0x10000) >> 10) : cp] = 1;
    firstUnitsOf.set(root, first);
  }
  return first;
}

function newNode(): TrieNode {
  return { c: new Map() };
}

function addWord(root: TrieNode, source: string, value: string): void {
  let node = root;
  for (const ch of source) {
    const cp = ch.codePointAt(0)!;
    let next = node.c.get(cp);
    if (!next) node.c.set(cp, (next = newNode()));
    node = next;
  }
  node.v = value;
}

function loadDict(root: TrieNode, dict: DictLike): void {
  if (typeof dict === 'string') {
    if (dict === '') return;
    for (const entry of dict.split('|')) {
      const sp = entry.indexOf(' ');
      if (sp > 0) addWord(root, entry.slice(0, sp), entry.slice(sp + 1));
    }
  } else {
    for (const [s, v] of dict) addWord(root, s, v);
  }
}

/** Like opencc-js `Trie.loadDictGroup`: earlier dictionaries of a group win. */
function buildTrie(group: DictGroup): TrieNode {
  const root = newNode();
  for (let i = group.length - 1; i >= 0; i--) loadDict(root, group[i]);
  return root;
}

/** Longest match of the trie at `i`, not crossing `limit`; returns end offset or 0. */
function matchPrefix(root: TrieNode, s: string, i: number, limit: number): { end: number; value: string } | null {
  let node = root;
  let end = 0;
  let value: string | undefined;
  for (let j = i; j < limit; ) {
    const cp = s.codePointAt(j)!;
    j += cp > 0xffff ? 2 : 1;
    const next = node.c.get(cp);
    if (!next) break;
    node = next;
    if (node.v !== undefined && j <= limit) {
      end = j;
      value = node.v;
    }
  }
  return end > 0 ? { end, value: value! } : null;
}

/** Text plus per-unit source spans (in the ORIGINAL input of the whole conversion). */
interface Mapped {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

function identityMapped(text: string): Mapped {
  const starts = new Int32Array(text.length);
  const ends = new Int32Array(text.length);
  copyIdentity(text, 0, text.length, starts, ends, 0);
  return { text, starts, ends };
}

/** Growable output of one conversion pass. */
class MappedWriter {
  private parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private n = 0;
  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }
  private ensure(extra: number): void {
    if (this.n + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.n + extra);
    const s = new Int32Array(size);
    const e = new Int32Array(size);
    s.set(this.starts.subarray(0, this.n));
    e.set(this.ends.subarray(0, this.n));
    this.starts = s;
    this.ends = e;
  }
  /** Copy src units [from, to) unchanged. */
  copy(src: Mapped, from: number, to: number): void {
    if (to <= from) return;
    this.ensure(to - from);
    this.parts.push(src.text.slice(from, to));
    this.starts.set(src.starts.subarray(from, to), this.n);
    this.ends.set(src.ends.subarray(from, to), this.n);
    this.n += to - from;
  }
  /** Replace src units [from, to) by `value`. */
  replace(src: Mapped, from: number, to: number, value: string): void {
    if (value.length === to - from) {
      // Same length (the usual one-to-one character or phrase conversion): keep per-unit spans.
      this.ensure(value.length);
      this.parts.push(value);
      this.starts.set(src.starts.subarray(from, to), this.n);
      this.ends.set(src.ends.subarray(from, to), this.n);
      this.n += value.length;
      return;
    }
    // Length changed (U盘→隨身碟): every output unit covers the whole source phrase.
    const s = src.starts[from];
    const e = src.ends[to - 1];
    this.ensure(value.length);
    this.parts.push(value);
    for (let k = 0; k < value.length; k++) {
      this.starts[this.n] = s;
      this.ends[this.n] = e;
      this.n++;
    }
  }
  get length(): number {
    return this.n;
  }
  result(): Mapped {
    return { text: this.parts.join(''), starts: this.starts.slice(0, this.n), ends: this.ends.slice(0, this.n) };
  }
}

/**
 * One opencc-js trie pass over `src`, never matching across segment ends `bounds` (input offsets).
 * Returns the output and the segment ends moved to output offsets.
 */
function convertPass(root: TrieNode, src: Mapped, bounds: readonly number[] | null): { out: Mapped; bounds: number[] | null } {
  const s = src.text;
  const n = s.length;
  const out = new MappedWriter(n + 16);
  const newBounds: number[] | null = bounds ? [] : null;
  const first = firstUnits(root);
  let seg = 0;
  let pending = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    // No word starts with this unit: nothing to convert here (segment ends are caught up below).
    if (first[c] === 0) {
      i++;
      continue;
    }
    let limit = n;
    if (bounds) {
      while (seg < bounds.length && bounds[seg] <= i) {
        newBounds!.push(out.length + (bounds[seg] - pending));
        seg++;
      }
      if (seg < bounds.length) limit = bounds[seg];
    }
    const m = matchPrefix(root, s, i, limit);
    if (m) {
      // A word that maps to itself (most of them, on text already in the target script) stays in
      // the pending copy: copying keeps the same per-unit spans a same-length replacement would.
      if (m.value.length !== m.end - i || !s.startsWith(m.value, i)) {
        out.copy(src, pending, i);
        out.replace(src, i, m.end, m.value);
        pending = m.end;
      }
      i = m.end;
    } else {
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
  }
  // Nothing replaced: the pass's output is its input.
  if (pending === 0) {
    if (bounds) while (seg < bounds.length) newBounds!.push(bounds[seg++]);
    return { out: src, bounds: newBounds };
  }
  out.copy(src, pending, n);
  if (bounds) while (seg < bounds.length) newBounds!.push(out.length + (bounds[seg++] - n));
  return { out: out.result(), bounds: newBounds };
}

/** Segment ends (exclusive) like opencc-js `Trie.segment`: matched words and unmatched runs. */
function segmentBounds(root: TrieNode, s: string): number[] {
  const bounds: number[] = [];
  let inRun = false;
  const first = firstUnits(root);
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    const m = first[c] === 0 ? null : matchPrefix(root, s, i, s.length);
    if (m) {
      if (inRun) bounds.push(i);
      bounds.push(m.end);
      inRun = false;
      i = m.end;
    } else {
      inRun = true;
      i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    }
  }
  if (inRun || bounds.length === 0) bounds.push(s.length);
  return bounds;
}

/** opencc-js: an array of serialized dictionaries is a group, anything else one dictionary. */
function asGroup(seg: DictLike | DictGroup): DictGroup {
  return Array.isArray(seg) && seg.every((d) => typeof d === 'string') ? (seg as DictGroup) : [seg as DictLike];
}

/** A conversion pipeline built once from an OpenCC locale config. */
class AlignedConverter {
  private readonly normalization: TrieNode[];
  private readonly segmentation: TrieNode | null;
  private readonly chain: TrieNode[];

  constructor(config: LocaleConfig) {
    this.normalization = (config.normalizationChain ?? []).map(buildTrie);
    const seg = config.segmentation;
    this.segmentation = seg === undefined ? null : buildTrie(asGroup(seg));
    this.chain = config.conversionChain.map(buildTrie);
  }

  convert(text: string): Conversion {
    let cur = identityMapped(text);
    for (const t of this.normalization) cur = convertPass(t, cur, null).out;
    let bounds = this.segmentation ? segmentBounds(this.segmentation, cur.text) : null;
    for (const t of this.chain) {
      const pass = convertPass(t, cur, bounds);
      cur = pass.out;
      bounds = pass.bounds;
    }
    return { text: cur.text, map: new OffsetMap(cur.starts, cur.ends, text.length) };
  }
}

const configs = (OpenCC as unknown as { Locale: { configs: Record<string, LocaleConfig> } }).Locale.configs;

/** Any traditional (generic, Taiwan, Hong Kong variant characters) to mainland simplified. */
function anyTraditionalToSimplifiedConfig(): LocaleConfig {
  const tw = configs.tw2s;
  const hk = configs.hk2s;
  // Undo HK and TW variant characters first (they are what t2s does not know), then t2s.
  return {
    normalizationChain: tw.normalizationChain,
    segmentation: tw.segmentation,
    conversionChain: [[...hk.conversionChain[0], ...tw.conversionChain[0]], ...tw.conversionChain.slice(1)],
  };
}

const TRADITIONAL_CONFIG: Record<TraditionalVariant, string> = { t: 's2t', tw: 's2tw', twp: 's2twp', hk: 's2hk' };

/**
 * Phrases OpenCC's simplified-to-traditional dictionaries get wrong, ahead of them: 企业|家俱|乐部 had
 * become 企業傢俱(furniture)樂部 (a club of entrepreneurs, experts, writers: X家|俱乐部).
 */
const TRADITIONAL_FIXES = '家俱乐部 家俱樂部';

/** `config` with TRADITIONAL_FIXES first in its phrase segmentation and its first conversion group. */
function withTraditionalFixes(config: LocaleConfig): LocaleConfig {
  const [first, ...rest] = config.conversionChain;
  const seg = config.segmentation;
  return {
    ...config,
    ...(seg === undefined ? {} : { segmentation: [TRADITIONAL_FIXES, ...asGroup(seg)] }),
    conversionChain: [[TRADITIONAL_FIXES, ...(first as DictGroup)], ...rest],
  };
}

const converterCache = new Map<string, AlignedConverter>();
function cached(key: string, make: () => LocaleConfig): AlignedConverter {
  let c = converterCache.get(key);
  if (!c) converterCache.set(key, (c = new AlignedConverter(make())));
  return c;
}

export class OpenccConverter implements Converter {
  toSimplified(text: string): Conversion {
    return cached('any2s', anyTraditionalToSimplifiedConfig).convert(text);
  }

  toTraditional(text: string, variant: TraditionalVariant): Conversion {
    const name = TRADITIONAL_CONFIG[variant];
    if (!name) throw new Error(`Unknown traditional variant: ${variant}`);
    return cached(name, () => withTraditionalFixes(configs[name])).convert(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Script detection: a character is traditional-only when t2s changes it and s2t does not, and
// simplified-only the other way round. Character dictionaries only, cached per code point.

let charTries: { ts: TrieNode; st: TrieNode } | null = null;
// 1 = traditional-only, 2 = simplified-only, 0 = neither. Basic-plane characters in a typed array
// (stored + 1, 0 = not yet classified): detectScript asks once per character of every analysis.
const charClassBmp = new Uint8Array(0x10000);
const charClass = new Map<number, number>();

function charTable(): { ts: TrieNode; st: TrieNode } {
  if (!charTries) {
    // Last group of t2s is [TSPhrases, TSCharacters]; of s2t [STPhrases, …, STCharacters].
    const tsGroup = configs.t2s.conversionChain[0];
    const stGroup = configs.s2t.conversionChain[0];
    charTries = { ts: buildTrie([tsGroup[tsGroup.length - 1]]), st: buildTrie([stGroup[stGroup.length - 1]]) };
  }
  return charTries;
}

function isHan(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f);
}

function classify(cp: number): number {
  if (cp <= 0xffff && charClassBmp[cp] !== 0) return charClassBmp[cp] - 1;
  let k = charClass.get(cp);
  if (k !== undefined) return k;
  const { ts, st } = charTable();
  const ch = String.fromCodePoint(cp);
  const toS = ts.c.get(cp)?.v;
  const toT = st.c.get(cp)?.v;
  const changedByT2s = toS !== undefined && toS !== ch;
  const changedByS2t = toT !== undefined && toT !== ch;
  k = changedByT2s && !changedByS2t ? 1 : changedByS2t && !changedByT2s ? 2 : 0;
  if (cp <= 0xffff) charClassBmp[cp] = k + 1;
  else charClass.set(cp, k);
  return k;
}

/** Minority share at or above which (with at least MIN_MINORITY chars) a text counts as mixed. */
const MIXED_SHARE = 0.1;
const MIN_MINORITY = 3;

export function detectScript(text: string): { script: Script; simplifiedOnly: number; traditionalOnly: number } {
  let simplifiedOnly = 0;
  let traditionalOnly = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!isHan(cp)) continue;
    const k = classify(cp);
    if (k === 1) traditionalOnly++;
    else if (k === 2) simplifiedOnly++;
  }
  const minority = Math.min(simplifiedOnly, traditionalOnly);
  const total = simplifiedOnly + traditionalOnly;
  let script: Script;
  if (minority >= MIN_MINORITY && minority / total >= MIXED_SHARE) script = 'mixed';
  else script = traditionalOnly > simplifiedOnly ? 'traditional' : 'simplified';
  return { script, simplifiedOnly, traditionalOnly };
}

/**
 * Runs of the minority script in a mixed document: from the first to the last minority-only
 * character of a stretch of Han text that holds no majority-only character. [] if not mixed.
 */
export function mixedScriptSpans(text: string): Span[] {
  const detected = detectScript(text);
  if (detected.script !== 'mixed') return [];
  const minorityKind = detected.traditionalOnly < detected.simplifiedOnly ? 1 : 2;
  const spans: Span[] = [];
  let start = -1;
  let end = -1;
  const close = () => {
    if (start >= 0) spans.push({ start, end });
    start = end = -1;
  };
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!isHan(cp)) close();
    else {
      const k = classify(cp);
      if (k === minorityKind) {
        if (start < 0) start = i;
        end = i + width;
      } else if (k !== 0) close();
    }
    i += width;
  }
  close();
  return spans;
}
