/** Bits of CharTrie.secondStepFilter (2^20: 128 KB). */
const SECOND_STEP_BITS = 20;
const SECOND_STEP_WORDS = (1 << SECOND_STEP_BITS) / 32;

/** The filter bit of child `code` of `node`: the top bits of the slot hash. The native scan computes the same. */
export function secondStepBit(node: number, code: number): number {
  return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> (32 - SECOND_STEP_BITS);
}

/**
 * Trie over UTF-16 code units with a flag word per node, for lexicon scans over running text
 * without slicing substrings: the children of all nodes live in one open-addressing table keyed by
 * (node, code unit).
 */
export class CharTrie {
  /** Flags of the word ending at each node (0: no word ends there). */
  private flagsOf: Int32Array;
  private nodes = 1;
  private mask: number;
  /** Slots of three int32: parent node (−1: empty), code unit, child node; one cache line per probe. */
  private slots: Int32Array;
  /** Children of the root by code unit, direct (most walks end after one or two steps). */
  private readonly rootNext = new Int32Array(65536).fill(-1);
  /** secondStepFilter()'s bits, built on first use and dropped when a word is added. */
  private secondSteps: Uint32Array | null = null;
  /** Longest word in code units. */
  maxLen = 0;
  size = 0;

  constructor(expectedChars = 1024) {
    let cap = 1024;
    while (cap < expectedChars * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3).fill(-1);
    this.flagsOf = new Int32Array(Math.max(16, expectedChars + 1));
  }

  static of(words: Iterable<string>, flag = 1): CharTrie {
    const list = [...words];
    const trie = new CharTrie(list.reduce((a, w) => a + w.length, 0));
    for (const w of list) trie.add(w, flag);
    return trie.compact();
  }

  /** Child of `node` by code unit `code`, or −1. */
  next(node: number, code: number): number {
    if (node === 0) return this.rootNext[code];
    const slots = this.slots, mask = this.mask;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    for (;;) {
      const o = slot * 3, k = slots[o];
      if (k === -1) return -1;
      if (k === node && slots[o + 1] === code) return slots[o + 2];
      slot = (slot + 1) & mask;
    }
  }

  /**
   * Shrinks the table to the smallest power of two at most half full (the constructor sizes it from
   * an upper bound): a smaller table stays in cache during scans. Returns this.
   */
  compact(): this {
    let cap = 1024;
    while (cap < this.nodes * 2) cap *= 2;
    if (cap < this.mask + 1) this.rehash(cap);
    if (this.flagsOf.length > this.nodes + 1) this.flagsOf = this.flagsOf.slice(0, this.nodes + 1);
    return this;
  }

  /** The lookup tables as they are, for a native scan that walks the trie the way next() does (read-only). */
  tables(): { rootNext: Int32Array; slots: Int32Array; mask: number; flagsOf: Int32Array; secondSteps: Uint32Array } {
    return { rootNext: this.rootNext, slots: this.slots, mask: this.mask, flagsOf: this.flagsOf, secondSteps: this.secondStepFilter() };
  }

  /**
   * A bit set over (child of the root, code unit) pairs, set for every such pair that has a child
   * (secondStepBit): most walks over running text end at their second step, and a clear bit says
   * so from 128 KB that stay in cache, where the slot table is megabytes. A set bit may be a
   * collision; the slot table then decides.
   */
  secondStepFilter(): Uint32Array {
    if (!this.secondSteps) {
      const bits = new Uint32Array(SECOND_STEP_WORDS);
      const rootChild = new Uint8Array(this.nodes);
      const slots = this.slots;
      for (let o = 0; o < slots.length; o += 3) if (slots[o] === 0) rootChild[slots[o + 2]] = 1;
      for (let o = 0; o < slots.length; o += 3) {
        if (slots[o] <= 0 || !rootChild[slots[o]]) continue;
        const bit = secondStepBit(slots[o], slots[o + 1]);
        bits[bit >>> 5] |= 1 << (bit & 31);
      }
      this.secondSteps = bits;
    }
    return this.secondSteps;
  }

  /** Flags of the word ending at `node`. */
  flags(node: number): number {
    return this.flagsOf[node];
  }

  /** ORs `flag` into the flags of `word`. */
  add(word: string, flag = 1): void {
    if (!word) return;
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      let c = this.next(node, code);
      if (c < 0) c = this.insert(node, code);
      node = c;
    }
    if (!this.flagsOf[node]) this.size++;
    this.flagsOf[node] |= flag;
    if (word.length > this.maxLen) this.maxLen = word.length;
  }

  /** Flags of `word` (0 when absent). */
  get(word: string): number {
    return this.flagsAt(word, 0, word.length);
  }

  has(word: string): boolean {
    return this.get(word) !== 0;
  }

  /** Flags of text[start, end) (0 when absent). */
  flagsAt(text: string, start: number, end: number): number {
    let node = 0;
    for (let i = start; i < end; i++) {
      node = this.next(node, text.charCodeAt(i));
      if (node < 0) return 0;
    }
    return this.flagsOf[node];
  }

  /** Length of the longest word starting at `start` (at most `maxLen` units), or 0. */
  longestAt(text: string, start: number, maxLen = this.maxLen): number {
    let node = 0, best = 0;
    const stop = Math.min(text.length, start + maxLen);
    for (let i = start; i < stop; i++) {
      node = this.next(node, text.charCodeAt(i));
      if (node < 0) break;
      if (this.flagsOf[node]) best = i + 1 - start;
    }
    return best;
  }

  private insert(node: number, code: number): number {
    this.secondSteps = null;
    if ((this.nodes + 1) * 2 > this.mask) this.rehash((this.mask + 1) * 2);
    const id = this.nodes++;
    if (id >= this.flagsOf.length) {
      const f = new Int32Array(this.flagsOf.length * 2);
      f.set(this.flagsOf);
      this.flagsOf = f;
    }
    this.place(node, code, id);
    if (node === 0) this.rootNext[code] = id;
    return id;
  }

  private place(node: number, code: number, child: number): void {
    const slots = this.slots, mask = this.mask;
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & mask;
    while (slots[slot * 3] !== -1) slot = (slot + 1) & mask;
    slots[slot * 3] = node;
    slots[slot * 3 + 1] = code;
    slots[slot * 3 + 2] = child;
  }

  private rehash(cap: number): void {
    const old = this.slots;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 3).fill(-1);
    for (let o = 0; o < old.length; o += 3) if (old[o] !== -1) this.place(old[o], old[o + 1], old[o + 2]);
  }
}
