/**
 * Entity recognition one paragraph at a time, plus the few article-level details that need the
 * whole text (a person's positions anywhere in the article, which of two same-named places is
 * meant). Per paragraph keeps memory bounded on MB-sized articles (the character tagger builds
 * feature lists per character) and lets an edited article re-recognise only what changed.
 */
import type { ArticleDate, EntityMention, RecognizerInput, Span } from './types';
import type { Segmenter, Token } from './engines';
import type { Resources } from './resources';
import { acronymAliases, companyShortNames, completePartialNames, completeNameStarts, personsOverPlaces, placesNamedLikePersons, positionsByPerson, trimRunOnNames, recognizeEntities, type RecognizeOptions } from './entities/recognize';
import { loadNerData } from './entities/nerData';
import { placeInfo } from './entities/places';

/** Lines longer than this are cut after sentence punctuation, so no unit of work grows with the article. */
export const MAX_PARAGRAPH = 4000;

const SENTENCE_END = '。！？；!?;';

/**
 * Appends the tokens of `line` (a span of lineSpans) to `tokens`, in `text` offsets, and the
 * newline after it as a token of its own: line by line this builds what segmenter.tag(text) gives.
 */
export function tagLine(segmenter: Segmenter, text: string, line: Span, tokens: Token[]): readonly Token[] {
  // The article's tokens are copies: the segmenter's, relative to the line, are what the recogniser
  // reads of a paragraph that is the whole line (ParagraphRecognizer.next), uncopied.
  const local = segmenter.tag(text.slice(line.start, line.end));
  for (let k = 0; k < local.length; k++) {
    const t = local[k];
    tokens.push({ word: t.word, tag: t.tag, start: t.start + line.start, end: t.end + line.start });
  }
  if (line.end < text.length) tokens.push({ word: '\n', tag: 'x', start: line.end, end: line.end + 1 });
  return local;
}

/** Every line of `text` (including empty ones), without its newline. */
export function* lineSpans(text: string): Generator<Span> {
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    if (end < 0) {
      yield { start, end: text.length };
      return;
    }
    yield { start, end };
    start = end + 1;
  }
}

/** Non-empty paragraphs (lines) of `text`; long lines are cut after sentence punctuation. */
export function paragraphSpans(text: string, maxLength = MAX_PARAGRAPH): Span[] {
  const out: Span[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let s = lineStart;
    while (lineEnd - s > maxLength) {
      let cut = -1;
      for (let i = s + maxLength - 1; i > s + maxLength / 2; i--) {
        if (SENTENCE_END.includes(text[i])) {
          cut = i + 1;
          break;
        }
      }
      if (cut < 0) {
        cut = s + maxLength;
        if (/[\uD800-\uDBFF]/.test(text[cut - 1])) cut++; // never split a surrogate pair
      }
      out.push({ start: s, end: cut });
      s = cut;
    }
    if (lineEnd > s) out.push({ start: s, end: lineEnd });
    lineStart = lineEnd + 1;
  }
  return out;
}

/** Cache of recognised paragraphs: key = context + paragraph text, value = mentions relative to the paragraph. */
export type ParagraphCache = Map<string, EntityMention[]>;

const CACHE_LIMIT = 20000;

function dateKey(d: ArticleDate | null): string {
  return d ? `${d.iso}|${d.year ?? ''}|${d.month ?? ''}|${d.day ?? ''}` : '-';
}

/**
 * Recognises paragraph after paragraph of one article. Call `next()` once per paragraph span
 * (in order), then `finish()` for the article-level details.
 */
export class ParagraphRecognizer {
  private tokenCursor = 0;
  private skipCursor = 0;
  private readonly mentions: EntityMention[] = [];
  private readonly dateKey: string;

  constructor(
    private readonly input: RecognizerInput,
    private readonly resources: Resources,
    private readonly cache?: ParagraphCache,
    private readonly options?: RecognizeOptions,
  ) {
    this.dateKey = dateKey(input.articleDate) + (options?.bioConventions ? '\u0002bio' : '');
  }

  /**
   * Recognises `p` (a span from paragraphSpans of the input text). `lineTokens`: the segmenter's
   * tokens of p relative to p, when p is a whole line (tagLine's result); else they are sliced from
   * the input's.
   */
  next(p: Span, lineTokens?: readonly Token[]): void {
    const { text, tokens, skip } = this.input;
    const paragraph = text.slice(p.start, p.end);
    const localSkip: Span[] = [];
    while (this.skipCursor < skip.length && skip[this.skipCursor].end <= p.start) this.skipCursor++;
    for (let k = this.skipCursor; k < skip.length && skip[k].start < p.end; k++) {
      localSkip.push({ start: Math.max(0, skip[k].start - p.start), end: Math.min(p.end, skip[k].end) - p.start });
    }
    // The key is only built when there is a cache (the editor's incremental analysis; not a batch run).
    const key = this.cache ? `${this.dateKey}\u0001${localSkip.map((s) => `${s.start}-${s.end}`).join(',')}\u0001${paragraph}` : '';
    let local = this.cache?.get(key);
    if (!local) {
      local = recognizeEntities(
        { text: paragraph, tokens: lineTokens ?? this.tokensOf(p), skip: localSkip, articleDate: this.input.articleDate },
        this.resources,
        this.options,
      );
      if (this.cache) {
        if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
        this.cache.set(key, local);
      }
    }
    for (const m of local) this.mentions.push({ ...m, start: m.start + p.start, end: m.end + p.start });
  }

  /** Tokens inside `p`, shifted to paragraph offsets (tokens never cross a line; long lines are cut where jieba cut them or split here). */
  private tokensOf(p: Span): Token[] {
    const { tokens } = this.input;
    while (this.tokenCursor < tokens.length && tokens[this.tokenCursor].end <= p.start) this.tokenCursor++;
    const out: Token[] = [];
    for (let k = this.tokenCursor; k < tokens.length && tokens[k].start < p.end; k++) {
      const t = tokens[k];
      const start = Math.max(t.start, p.start), end = Math.min(t.end, p.end);
      const word = start === t.start && end === t.end ? t.word : this.input.text.slice(start, end);
      out.push({ word, tag: t.tag, start: start - p.start, end: end - p.start });
    }
    return out;
  }

  /** All mentions, sorted, with the article-level details filled in. */
  finish(): EntityMention[] {
    return finishArticle(this.mentions, this.input.text, this.resources);
  }
}

/**
 * Article-level details the recogniser fills from the whole text: the positions a person holds
 * anywhere in the article, and the reading of a place name shared by several places (the one
 * whose province/city the article mentions).
 */
export function finishArticle(mentions: EntityMention[], text: string, resources: Resources): EntityMention[] {
  completePartialNames(mentions, text);
  completeNameStarts(mentions, text);
  mentions = acronymAliases(personsOverPlaces(mentions, text), text);
  trimRunOnNames(mentions);
  companyShortNames(mentions);
  const data = loadNerData(resources.dataDir);
  placesNamedLikePersons(mentions, data);
  const positionsOf = positionsByPerson(mentions);
  for (const m of mentions) {
    if (m.type === 'person') {
      const pos = positionsOf.get(m.canonical);
      if (pos) m.positions = pos;
      else delete m.positions;
    } else if (m.type === 'place' && m.chain && (data.placeIndex.get(m.canonical)?.length ?? 0) > 1) {
      const info = placeInfo(m.canonical, text, data);
      if (!info) continue;
      m.chain = m.canonical === info.name ? info.chain : [m.canonical, ...info.chain.slice(1)];
      if (info.code) m.code = info.code;
      else delete m.code;
      m.placeKind = info.placeKind;
    }
  }
  return mentions;
}

/** Whole-article recognition, paragraph by paragraph (what analyzeArticle runs). */
export function recognizeByParagraph(
  input: RecognizerInput,
  resources: Resources,
  cache?: ParagraphCache,
  options?: RecognizeOptions,
): EntityMention[] {
  const recognizer = new ParagraphRecognizer(input, resources, cache, options);
  for (const p of paragraphSpans(input.text)) recognizer.next(p);
  return recognizer.finish();
}

/**
 * Articles longer than this have their events extracted block by block (whole paragraphs, about
 * this many characters each): the event pass looks across the whole text it is given, so its cost
 * grows faster than the text; blocks keep a multi-MB dump linear. Normal articles are one block.
 */
export const EVENT_BLOCK = 12000;

/** Consecutive paragraphs grouped into blocks of about `size` characters, covering `text`. */
export function eventBlocks(text: string, size = EVENT_BLOCK): Span[] {
  if (text.length <= size) return [{ start: 0, end: text.length }];
  const blocks: Span[] = [];
  let start = 0;
  for (const p of paragraphSpans(text)) {
    if (p.end - start >= size) {
      blocks.push({ start, end: p.end });
      start = p.end;
    }
  }
  if (start < text.length) blocks.push({ start, end: text.length });
  return blocks;
}

/** Runs `extract` on one block of the article: text, tokens, skip spans, entities and article date shifted to the block. */
export function extractInBlock<T extends { trigger: Span; sentence: Span }>(
  input: RecognizerInput,
  mentions: readonly EntityMention[],
  block: Span,
  extract: (input: RecognizerInput, mentions: EntityMention[]) => T[],
): T[] {
  if (block.start === 0 && block.end === input.text.length) return extract(input, [...mentions]);
  const local = blockInput(input, mentions, block, input.text.slice(block.start, block.end));
  return shiftResults(extract(local.input, local.mentions), block.start);
}

/** The recogniser input and entities of one block, in block offsets (`text` is the block's slice). */
function blockInput(input: RecognizerInput, mentions: readonly EntityMention[], block: Span, text: string): { input: RecognizerInput; mentions: EntityMention[] } {
  const { start, end } = block;
  const shift = (s: Span) => ({ start: s.start - start, end: s.end - start });
  const inside = (s: Span) => s.start >= start && s.end <= end;
  const clip = (s: Span) => ({ start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start });
  // One object per token; only a token cut by the block edge gets a new word.
  const tokens: Token[] = [];
  // Index loops: this runs a few times per article, often before it is optimised, where for-of
  // allocates an iterator result per token.
  const all = input.tokens;
  for (let k = firstEndingAfter(all, start); k < all.length && all[k].start < end; k++) {
    const t = all[k];
    const s = Math.max(t.start, start), e = Math.min(t.end, end);
    tokens.push({ word: s === t.start && e === t.end ? t.word : text.slice(s - start, e - start), tag: t.tag, start: s - start, end: e - start });
  }
  const skip = input.skip.filter((s) => s.end > start && s.start < end).map(clip);
  const date = input.articleDate;
  const articleDate = date && date.span && !inside(date.span) ? { ...date, span: undefined } : date && date.span ? { ...date, span: shift(date.span) } : date;
  const local = sliceSorted(mentions, start, end).filter(inside).map((m) => ({ ...m, ...shift(m) }));
  return { input: { text, tokens, skip, articleDate }, mentions: local };
}

/** What a block's extraction was computed from, relative to the block (see BlockEventCache). */
interface BlockEntry<T> {
  /** Clipped token spans (start, end pairs), their tags and words. */
  tokenSpans: Int32Array;
  tags: string[];
  words: string[];
  /** Clipped skip spans (start, end pairs). */
  skip: Int32Array;
  date: string;
  /** The block's entities, shifted (copies: the extraction gets its own). */
  mentions: EntityMention[];
  /** What the extraction returned, in block offsets. */
  results: T[];
}

/** Texts kept: blocks are about EVENT_BLOCK characters, so this covers a 20 MB text. */
const BLOCK_CACHE_LIMIT = 2000;
/** Entries kept per block text (a dump can repeat a block, each time among other entities). */
const ENTRIES_PER_BLOCK_TEXT = 4;

/**
 * extractInBlock with what each block yielded remembered, for an article that is edited again and
 * again: when a block's text, tokens, skip spans, entities and article-date relation are all as
 * before, its events are the remembered ones, shifted; only the blocks an edit touched are
 * extracted again. Checking a block allocates nothing per token or entity, so after a
 * one-character edit a multi-MB dump costs a comparison pass instead of a whole extraction.
 */
export class BlockEventCache<T extends { trigger: Span; sentence: Span }> {
  private readonly entries = new Map<string, Array<BlockEntry<T>>>();

  extract(input: RecognizerInput, mentions: readonly EntityMention[], block: Span, extract: (input: RecognizerInput, mentions: EntityMention[]) => T[]): T[] {
    // A whole article is one block: it changes with every edit (its chunks are cached inside the extraction).
    if (block.start === 0 && block.end === input.text.length) return extractInBlock(input, mentions, block, extract);
    const text = input.text.slice(block.start, block.end);
    const list = this.entries.get(text);
    const hit = list?.find((entry) => sameBlockInputs(entry, input, mentions, block));
    if (hit) return shiftResults(hit.results, block.start);
    const local = blockInput(input, mentions, block, text);
    const saved = local.mentions.map((m) => ({ ...m }));
    const results = extract(local.input, local.mentions);
    const tokens = local.input.tokens;
    const tokenSpans = new Int32Array(tokens.length * 2);
    for (let k = 0; k < tokens.length; k++) {
      tokenSpans[2 * k] = tokens[k].start;
      tokenSpans[2 * k + 1] = tokens[k].end;
    }
    const skip = new Int32Array(local.input.skip.length * 2);
    local.input.skip.forEach((sp, k) => {
      skip[2 * k] = sp.start;
      skip[2 * k + 1] = sp.end;
    });
    const entry: BlockEntry<T> = {
      tokenSpans,
      tags: tokens.map((t) => t.tag),
      words: tokens.map((t) => t.word),
      skip,
      date: blockDateKey(input.articleDate, block),
      mentions: saved,
      results,
    };
    if (list) {
      list.unshift(entry);
      if (list.length > ENTRIES_PER_BLOCK_TEXT) list.pop();
    } else {
      if (this.entries.size >= BLOCK_CACHE_LIMIT) this.entries.clear();
      this.entries.set(text, [entry]);
    }
    return shiftResults(results, block.start);
  }

  clear(): void {
    this.entries.clear();
  }
}

/** The article date as a block sees it: without its span when the span lies outside the block. */
function blockDateKey(date: ArticleDate | null, block: Span): string {
  const span = date?.span && date.span.start >= block.start && date.span.end <= block.end ? `${date.span.start - block.start}-${date.span.end - block.start}` : '';
  return `${dateKey(date)}|${span}`;
}

function sameBlockInputs<T>(entry: BlockEntry<T>, input: RecognizerInput, mentions: readonly EntityMention[], block: Span): boolean {
  const { start, end } = block;
  const all = input.tokens;
  let n = 0;
  for (let k = firstEndingAfter(all, start); k < all.length && all[k].start < end; k++, n++) {
    if (2 * n >= entry.tokenSpans.length) return false;
    const t = all[k];
    const s = Math.max(t.start, start), e = Math.min(t.end, end);
    if (entry.tokenSpans[2 * n] !== s - start || entry.tokenSpans[2 * n + 1] !== e - start || entry.tags[n] !== t.tag) return false;
    // A clipped token's word is the text's slice, the same for the same text and span.
    if (s === t.start && e === t.end && entry.words[n] !== t.word) return false;
  }
  if (2 * n !== entry.tokenSpans.length) return false;
  n = 0;
  for (const sp of input.skip) {
    if (sp.end <= start || sp.start >= end) continue;
    if (entry.skip[2 * n] !== Math.max(sp.start, start) - start || entry.skip[2 * n + 1] !== Math.min(sp.end, end) - start) return false;
    n++;
  }
  if (2 * n !== entry.skip.length) return false;
  if (entry.date !== blockDateKey(input.articleDate, block)) return false;
  n = 0;
  for (let k = firstEndingAfter(mentions, start); k < mentions.length && mentions[k].start < end; k++) {
    const m = mentions[k];
    if (m.start < start || m.end > end) continue;
    if (n >= entry.mentions.length || !sameMention(m, entry.mentions[n], start)) return false;
    n++;
  }
  return n === entry.mentions.length;
}

/** `m` (article offsets) equals `saved` (block offsets) in every field. */
function sameMention(m: EntityMention, saved: EntityMention, shift: number): boolean {
  if (m.start - shift !== saved.start || m.end - shift !== saved.end) return false;
  let keys = 0;
  for (const key in m) {
    keys++;
    if (key === 'start' || key === 'end') continue;
    const a = (m as unknown as Record<string, unknown>)[key];
    const b = (saved as unknown as Record<string, unknown>)[key];
    if (a === b) continue;
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || a.some((x, i) => x !== b[i])) return false;
  }
  for (const key in saved) keys--;
  return keys === 0;
}

function shiftResults<T extends { trigger: Span; sentence: Span }>(results: readonly T[], start: number): T[] {
  return results.map((ev) => ({
    ...ev,
    trigger: { ...ev.trigger, start: ev.trigger.start + start, end: ev.trigger.end + start },
    sentence: { start: ev.sentence.start + start, end: ev.sentence.end + start },
  }));
}

/** Items of a list sorted by start (non-overlapping) that overlap [start, end), by binary search. */
/** Index of the first of `items` (sorted, non-overlapping ends ascending) that ends after `start`. */
function firstEndingAfter(items: readonly Span[], start: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sliceSorted<T extends Span>(items: readonly T[], start: number, end: number): T[] {
  const out: T[] = [];
  for (let k = firstEndingAfter(items, start); k < items.length && items[k].start < end; k++) out.push(items[k]);
  return out;
}
