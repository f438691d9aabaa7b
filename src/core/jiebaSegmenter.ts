/**
 * nodejieba behind the Segmenter interface.
 * nodejieba holds one C++ Jieba per thread (the patched build: one per process, shared by worker
 * threads) and aborts the process on a bad dictionary file, so every file is validated first and
 * the library is loaded once.
 * Tokens carry exact UTF-16 offsets. The patched nodejieba (patches/nodejieba+3.5.8.patch, built
 * at install) answers tagSpans(text) with [start, end, tagId] triples in one Int32Array: no
 * per-token strings cross N-API. The stock build only has tag(), which returns words (lone
 * surrogates replaced by U+FFFD): offsets are then recovered by scanning forward in the text.
 */
import { dirname, join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { Segmenter, Token, UserTerm } from './engines';
import { checkDictionaryFiles, formatProblem, type DictionaryKind } from './dictionaries';
import { isHan } from './entities/spanUtil';

export interface NodeJieba {
  load(opts: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): unknown;
  /** Patched build only: builds the dictionaries on a worker thread; load() with the same files then takes them. */
  preload?(opts: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): Promise<boolean>;
  tag(text: string): Array<{ word: string; tag: string }>;
  insertWord(word: string, tag?: string): boolean;
  /** Patched build only: [start, end, tagId] per word, UTF-16 offsets; names from tagNames(). */
  tagSpans?(text: string): Int32Array;
  tagNames?(): string[];
  /** Patched build only: tagSpans of every piece on a thread of its own; takeSpans(batch, i) waits for piece i. */
  tagSpansAhead?(pieces: string[]): TagBatch;
  takeSpans?(batch: TagBatch, index: number): Int32Array;
  /** Stops the batch's thread and waits for it; its pieces can no longer be taken. */
  cancelSpans?(batch: TagBatch): void;
  DEFAULT_DICT?: string;
  DEFAULT_HMM_DICT?: string;
  DEFAULT_IDF_DICT?: string;
  DEFAULT_STOP_WORD_DICT?: string;
}

/** An opaque handle to pieces being tagged ahead (patched build). */
export type TagBatch = { readonly __tagBatch: unique symbol };

export interface JiebaDictFiles {
  dict: string;
  hmmDict: string;
  idfDict: string;
  stopWordDict: string;
  userDict: string;
}

/** POS tag given to inserted user terms, by entity type. */
const TAG_BY_TYPE: Record<string, string> = { person: 'nr', place: 'ns', organization: 'nt', position: 'n', document: 'nz', policy: 'nz', date: 't' };

/** Longest piece handed to nodejieba in one call: long lines are cut after sentence punctuation. */
const MAX_CHUNK = 2000;
/** Per-line token cache: re-analysing an edited document re-tags only the changed lines. */
const CACHE_LIMIT = 20000;

let jieba: NodeJieba | null = null;
let loadedKey: string | null = null;
let fastTagging: boolean | null = null;

/** Whether `lib` has a working tagSpans (the patched build); the stock build, or a patched index.js over a stock binary, has not. */
export function probeTagSpans(lib: NodeJieba): boolean {
  try {
    const spans = typeof lib.tagSpans === 'function' ? lib.tagSpans('国务院') : undefined;
    return spans instanceof Int32Array && spans.length > 0 && spans.length % 3 === 0 && Array.isArray(lib.tagNames?.());
  } catch {
    return false;
  }
}

/** Throws a normal Error listing the problems of the dictionary files (nodejieba would abort on them). */
function checkFiles(files: JiebaDictFiles): void {
  const kinds: Array<{ file: string; kind: DictionaryKind }> = [
    { file: files.dict, kind: 'main' },
    { file: files.hmmDict, kind: 'hmm' },
    { file: files.idfDict, kind: 'idf' },
    { file: files.stopWordDict, kind: 'stopWords' },
    { file: files.userDict, kind: 'user' },
  ];
  // nodejieba's own dictionaries ship inside its package: only files from elsewhere are checked
  // (reading and checking the 5 MB main dictionary costs ~0.4 s per process and worker).
  const bundled = safeDefaultDictDir();
  const problems = checkDictionaryFiles(kinds.filter((k) => !bundled || dirname(k.file) !== bundled || !existsSync(k.file)));
  if (problems.length > 0) {
    throw new Error(`jieba dictionary problem: ${problems.slice(0, 5).map(formatProblem).join('; ')}`);
  }
}

/** probeTagSpans once per process, saying once when the fast path is missing. */
function hasTagSpans(lib: NodeJieba, warn: (msg: string) => void): boolean {
  if (fastTagging === null) {
    fastTagging = probeTagSpans(lib);
    if (!fastTagging) warn('nodejieba: the patched build (tagSpans) is not installed; using the slower stock tag(). Run "npm run rebuild:native".');
  }
  return fastTagging;
}

/** Piece-relative [start, end, tagIndex] triples: the cached, compact form of a tagged piece. */
type Spans = Int32Array;

function requireNodejieba(): NodeJieba {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('nodejieba') as NodeJieba;
  } catch (err) {
    throw new Error(`nodejieba could not be loaded: ${(err as Error).message}`);
  }
}

/** Where nodejieba's own dictionaries are (inside its package). */
export function defaultJiebaDictDir(): string {
  try {
    return join(dirname(require.resolve('nodejieba/package.json')), 'submodules', 'cppjieba', 'dict');
  } catch {
    const mod = requireNodejieba();
    if (mod.DEFAULT_DICT) return dirname(mod.DEFAULT_DICT);
    throw new Error('nodejieba dictionaries not found');
  }
}

function safeDefaultDictDir(): string | null {
  try {
    return defaultJiebaDictDir();
  } catch {
    return null;
  }
}

/** Terms (and aliases) of data/policy-glossary.tsv: `term<TAB>gloss<TAB>aliases<TAB>flags`. */
export function glossaryWords(dataDir: string): string[] {
  const file = join(dataDir, 'policy-glossary.tsv');
  if (!existsSync(file)) return [];
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const words: string[] = [];
  for (const line of content.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [term, , aliases, flags] = line.split('\t');
    if (term === 'term') continue; // header row
    // Generic-looking formulas (flag "quoted") only count inside quotes: do not force them on jieba.
    if ((flags ?? '').split(',').some((f) => f.trim() === 'quoted')) continue;
    for (const w of [term, ...(aliases ?? '').split(/[,，、]/)]) {
      const word = (w ?? '').trim();
      if (word && !/\s/.test(word)) words.push(word);
    }
  }
  return words;
}

export class JiebaSegmenter implements Segmenter {
  private readonly cache = new Map<string, Spans>();
  /** Pieces being tagged ahead (tagAhead): their batch and index in it, until taken. */
  private readonly pending = new Map<string, { batch: TagBatch; index: number }>();
  /** Tag names by index: nodejieba's table (fast path) or our own (stock tag()). */
  private tagNames: string[] = [];
  private readonly tagIndex = new Map<string, number>();

  private constructor(
    private readonly lib: NodeJieba,
    private readonly fast: boolean,
  ) {}

  /** True when tokens come from the patched nodejieba's tagSpans (false: stock tag() + alignment). */
  get usesTagSpans(): boolean {
    return this.fast;
  }

  /**
   * Validates every dictionary file, then loads nodejieba once per process.
   * Throws a normal Error listing the problems (file:line: message); never lets nodejieba abort.
   */
  static load(opts: {
    dataDir: string;
    userTerms?: readonly UserTerm[];
    files?: Partial<JiebaDictFiles>;
    /** Told once per process when the patched build is missing (default: console.warn). */
    warn?: (msg: string) => void;
    /** Tests: use the stock tag() even when tagSpans exists. */
    stockTagging?: boolean;
  }): JiebaSegmenter {
    const files = JiebaSegmenter.dictFiles(opts.dataDir, opts.files);
    const key = JSON.stringify(files);
    // Loading again with other files replaces nodejieba's global instance (rare: tests, settings).
    if (!jieba || loadedKey !== key) {
      checkFiles(files);
      const lib = requireNodejieba();
      lib.load(files);
      for (const word of glossaryWords(opts.dataDir)) lib.insertWord(word, 'nz');
      jieba = lib;
      loadedKey = key;
    }
    const fast = !opts.stockTagging && hasTagSpans(jieba, opts.warn ?? ((msg) => console.warn(msg)));
    const seg = new JiebaSegmenter(jieba, fast);
    if (opts.userTerms?.length) seg.addTerms(opts.userTerms);
    return seg;
  }

  /**
   * `load`, with the patched nodejieba building its dictionaries on a libuv thread (about 0.17 s)
   * while `meanwhile` runs on this one (the caller's other tables). The files are validated before
   * the build, as for `load`; a problem is thrown by the `load` that follows, as without the
   * preload. Without a build that can preload, `meanwhile` runs and then `load` builds as usual.
   */
  static async loadWhile(opts: Parameters<typeof JiebaSegmenter.load>[0], meanwhile: () => void): Promise<JiebaSegmenter> {
    const preload = JiebaSegmenter.preload(opts).catch(() => undefined);
    meanwhile();
    await preload;
    return JiebaSegmenter.load(opts);
  }

  /** Validates the files and has nodejieba build their dictionaries on a libuv thread (see loadWhile). */
  private static async preload(opts: { dataDir: string; files?: Partial<JiebaDictFiles> }): Promise<void> {
    const files = JiebaSegmenter.dictFiles(opts.dataDir, opts.files);
    if (jieba && loadedKey === JSON.stringify(files)) return;
    checkFiles(files);
    const lib = requireNodejieba();
    if (typeof lib.preload === 'function') await lib.preload(files);
  }

  static dictFiles(dataDir: string, override: Partial<JiebaDictFiles> = {}): JiebaDictFiles {
    const needDefault = !override.dict || !override.hmmDict || !override.idfDict || !override.stopWordDict;
    const dir = needDefault ? defaultJiebaDictDir() : '';
    return {
      dict: override.dict ?? join(dir, 'jieba.dict.utf8'),
      hmmDict: override.hmmDict ?? join(dir, 'hmm_model.utf8'),
      // Keyword extraction (the only reader of the idf table) is never used: a one-entry table
      // saves ~20 MB and ~0.25 s per load.
      idfDict: override.idfDict ?? (existsSync(join(dataDir, 'jieba', 'idf.min.utf8')) ? join(dataDir, 'jieba', 'idf.min.utf8') : join(dir, 'idf.utf8')),
      stopWordDict: override.stopWordDict ?? join(dir, 'stop_words.utf8'),
      userDict: override.userDict ?? join(dataDir, 'jieba', 'policy.dict.utf8'),
    };
  }

  /** Inserts workspace terms so they segment as one word (invalid terms are skipped). */
  addTerms(terms: readonly UserTerm[]): void {
    let added = false;
    for (const t of terms) {
      const word = t.term.trim();
      if (!word || /\s/.test(word)) continue;
      this.lib.insertWord(word, TAG_BY_TYPE[t.type] ?? 'nz');
      added = true;
    }
    if (added) {
      this.cache.clear();
      // Pieces tagged ahead may have been cut before the new words were in.
      for (const batch of new Set([...this.pending.values()].map((p) => p.batch))) this.lib.cancelSpans?.(batch);
      this.pending.clear();
    }
  }

  /**
   * Has the patched nodejieba tag the lines of `text` not yet cached on a thread of its own, in
   * order, while the caller works on the lines already taken (segmentation is about a fifth of an
   * analysis: it then costs the caller's thread little more than building the tokens).
   */
  tagAhead(text: string): { dispose(): void } {
    const lib = this.lib;
    if (!this.fast || !lib.tagSpansAhead || !lib.takeSpans || !lib.cancelSpans) return { dispose: () => undefined };
    const pieces: string[] = [];
    const seen = new Set<string>();
    for (const { start, end } of pieceSpans(text)) {
      if (start === end) continue;
      const piece = text.slice(start, end);
      if (seen.has(piece) || this.cache.has(piece) || this.pending.has(piece)) continue;
      seen.add(piece);
      pieces.push(piece);
    }
    if (pieces.length === 0) return { dispose: () => undefined };
    let batch: TagBatch;
    try {
      batch = lib.tagSpansAhead(pieces);
    } catch {
      return { dispose: () => undefined }; // no thread to be had: tag() works on this one
    }
    pieces.forEach((piece, index) => this.pending.set(piece, { batch, index }));
    return {
      dispose: () => {
        lib.cancelSpans!(batch);
        for (const piece of pieces) if (this.pending.get(piece)?.batch === batch) this.pending.delete(piece);
      },
    };
  }

  tag(text: string): Token[] {
    const tokens: Token[] = [];
    for (const { start: s, end: e, newline } of pieceSpans(text)) {
      const spans = s < e ? this.spansOf(text.slice(s, e)) : NO_SPANS;
      const names = this.tagNames;
      for (let i = 0; i < spans.length; i += 3) {
        const start = spans[i] + s;
        const end = spans[i + 1] + s;
        const tag = names[spans[i + 2]];
        // 会议|上作/x 政府: jieba's HMM glues a locative after a noun to the next character; the
        // locative is a word of its own (会议|上|作).
        if (tag === 'x' && end - start === 2 && LOCATIVES.has(text[start]) && i > 0 && /^[nj]/.test(names[spans[i - 1]]) && isHan(text[start + 1])) {
          tokens.push({ word: text[start], tag: 'f', start, end: start + 1 }, { word: text[start + 1], tag: 'x', start: start + 1, end });
          continue;
        }
        tokens.push({ word: text.slice(start, end), tag, start, end });
      }
      if (newline >= 0) tokens.push({ word: '\n', tag: 'x', start: newline, end: newline + 1 });
    }
    return tokens;
  }

  private spansOf(piece: string): Spans {
    const hit = this.cache.get(piece);
    if (hit) return hit;
    let spans: Spans;
    if (this.fast) {
      spans = this.takeAhead(piece) ?? this.lib.tagSpans!(piece);
      // nodejieba's table only grows: refresh our copy when a new tag appears.
      for (let i = 2; i < spans.length; i += 3) {
        if (spans[i] >= this.tagNames.length) {
          this.tagNames = this.lib.tagNames!();
          break;
        }
      }
    } else {
      const tokens = alignTokens(piece, this.lib.tag(piece));
      spans = new Int32Array(tokens.length * 3);
      tokens.forEach((t, i) => {
        spans[i * 3] = t.start;
        spans[i * 3 + 1] = t.end;
        spans[i * 3 + 2] = this.localTagIndex(t.tag);
      });
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(piece, spans);
    return spans;
  }

  /** The piece's spans from a tagAhead batch (waiting for them if need be), or undefined. */
  private takeAhead(piece: string): Spans | undefined {
    const ahead = this.pending.get(piece);
    if (!ahead) return undefined;
    this.pending.delete(piece);
    try {
      return this.lib.takeSpans!(ahead.batch, ahead.index);
    } catch {
      return undefined; // the batch failed or was cancelled: tag here
    }
  }

  private localTagIndex(tag: string): number {
    let i = this.tagIndex.get(tag);
    if (i === undefined) {
      i = this.tagNames.length;
      this.tagNames.push(tag);
      this.tagIndex.set(tag, i);
    }
    return i;
  }
}

/** Locatives jieba's HMM glues to the next character (会议上作 → 上作/x). */
const LOCATIVES = new Set(['上', '下', '中', '里', '内', '外']);

const NO_SPANS: Spans = new Int32Array(0);

/**
 * The pieces nodejieba is handed for `text`: each line cut into chunks (an empty line is one empty
 * piece); `newline` is the offset of the newline after the last piece of a line, else -1.
 */
function* pieceSpans(text: string): Generator<{ start: number; end: number; newline: number }> {
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let last: [number, number] | undefined;
    for (const chunk of chunks(text, lineStart, lineEnd)) {
      if (last) yield { start: last[0], end: last[1], newline: -1 };
      last = chunk;
    }
    yield { start: last![0], end: last![1], newline: lineEnd < text.length ? lineEnd : -1 };
    lineStart = lineEnd + 1;
  }
}

/** Splits [start, end) into pieces of at most MAX_CHUNK units, preferring to cut after 。！？；. */
function* chunks(text: string, start: number, end: number): Generator<[number, number]> {
  let s = start;
  while (end - s > MAX_CHUNK) {
    let cut = -1;
    for (let i = s + MAX_CHUNK - 1; i > s + MAX_CHUNK / 2; i--) {
      if ('。！？；!?;'.includes(text[i])) {
        cut = i + 1;
        break;
      }
    }
    if (cut < 0) {
      cut = s + MAX_CHUNK;
      // Never cut a surrogate pair in half.
      if (/[\uD800-\uDBFF]/.test(text[cut - 1]) && /[\uDC00-\uDFFF]/.test(text[cut])) cut++;
    }
    yield [s, cut];
    s = cut;
  }
  yield [s, end];
}

/**
 * Places the words nodejieba returned onto `text`: each word is matched at the current position;
 * a replaced character (U+FFFD for a lone surrogate) consumes one unit; anything skipped becomes an
 * 'x' token, so the result always covers `text` exactly.
 */
export function alignTokens(text: string, words: ReadonlyArray<{ word: string; tag: string }>): Token[] {
  const out: Token[] = [];
  let pos = 0;
  const gap = (to: number) => {
    if (to > pos) out.push({ word: text.slice(pos, to), tag: 'x', start: pos, end: to });
    pos = to;
  };
  for (const { word, tag } of words) {
    if (word === '' || pos >= text.length) continue;
    if (text.startsWith(word, pos)) {
      out.push({ word, tag, start: pos, end: pos + word.length });
      pos += word.length;
      continue;
    }
    if (word === '\uFFFD') {
      out.push({ word: text[pos], tag: 'x', start: pos, end: pos + 1 });
      pos += 1;
      continue;
    }
    const found = text.indexOf(word, pos);
    if (found >= 0 && found - pos < 16) {
      gap(found);
      out.push({ word, tag, start: pos, end: pos + word.length });
      pos += word.length;
    }
    // Otherwise the word is not in the text (altered by nodejieba): the gap logic picks the text up.
  }
  gap(text.length);
  return out;
}

/**
 * Segmenter used when nodejieba is unavailable: one token per Han character, per run of Latin
 * letters, of digits, of whitespace, and per other symbol. Rules keyed on characters still work.
 */
export class CharRunSegmenter implements Segmenter {
  tag(text: string): Token[] {
    const out: Token[] = [];
    const re = /[A-Za-z]+|[0-9０-９]+(?:\.[0-9]+)?|[ \t\u3000]+|\r?\n|[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const w = m[0];
      const tag = /^[A-Za-z]/.test(w) ? 'eng' : /^[0-9０-９]/.test(w) ? 'm' : /^\p{Script=Han}/u.test(w) ? 'zg' : 'x';
      out.push({ word: w, tag, start: m.index, end: m.index + w.length });
    }
    return out;
  }
}
