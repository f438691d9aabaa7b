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
  private keyNode: Int32Array;
  private keyCode: Uint16Array;
  private child: Int32Array;
  /** Children of the root by code unit, direct (most walks end after one or two steps). */
  private readonly rootNext = new Int32Array(65536).fill(-1);
  /** Longest word in code units. */
  maxLen = 0;
  size = 0;

  constructor(expectedChars = 1024) {
    let cap = 1024;
    while (cap < expectedChars * 2) cap *= 2;
    this.mask = cap - 1;
    this.keyNode = new Int32Array(cap).fill(-1);
    this.keyCode = new Uint16Array(cap);
    this.child = new Int32Array(cap);
    this.flagsOf = new Int32Array(Math.max(16, expectedChars + 1));
  }

  static of(words: Iterable<string>, flag = 1): CharTrie {
    const list = [...words];
    const trie = new CharTrie(list.reduce((a, w) => a + w.length, 0));
    for (const w of list) trie.add(w, flag);
    return trie;
  }

  /** Child of `node` by code unit `code`, or −1. */
  next(node: number, code: number): number {
    if (node === 0) return this.rootNext[code];
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.mask;
    for (;;) {
      const k = this.keyNode[slot];
      if (k === -1) return -1;
      if (k === node && this.keyCode[slot] === code) return this.child[slot];
      slot = (slot + 1) & this.mask;
    }
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
    if ((this.nodes + 1) * 2 > this.mask) this.grow();
    const id = this.nodes++;
    if (id >= this.flagsOf.length) {
      const f = new Int32Array(this.flagsOf.length * 2);
      f.set(this.flagsOf);
      this.flagsOf = f;
    }
    let slot = (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) & this.mask;
    while (this.keyNode[slot] !== -1) slot = (slot + 1) & this.mask;
    this.keyNode[slot] = node;
    this.keyCode[slot] = code;
    this.child[slot] = id;
    if (node === 0) this.rootNext[code] = id;
    return id;
  }

  private grow(): void {
    const { keyNode, keyCode, child } = this;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.keyNode = new Int32Array(cap).fill(-1);
    this.keyCode = new Uint16Array(cap);
    this.child = new Int32Array(cap);
    for (let s = 0; s < keyNode.length; s++) {
      if (keyNode[s] === -1) continue;
      let slot = (Math.imul(keyNode[s], 0x9e3779b1) ^ Math.imul(keyCode[s], 0x85ebca6b)) & this.mask;
      while (this.keyNode[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keyNode[slot] = keyNode[s];
      this.keyCode[slot] = keyCode[s];
      this.child[slot] = child[s];
    }
  }
}
