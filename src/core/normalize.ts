/**
 * Normaliser: turns a scraped article into analysis text plus an exact offset map.
 *
 * - Pinyin glosses injected after characters (`發(fā)展`) are removed.
 * - Mojibake / HTML remnants (`?! ?/p>`, `?zhí)照\`, `&nbsp;`, U+FFFD) are removed. When a
 *   damaged run sat between two Han characters it is replaced by ONE U+FFFD placeholder mapped
 *   to the whole run, so the characters on either side are not glued into a false word
 *   (`陳龍?zhí)照\華` → `陳龍�華`, not `陳龍華`): the bytes of the lost characters cannot be
 *   recovered, but the word boundary can.
 * - Line breaks inside a sentence (a prose line cut mid-word or after a comma) are removed, so
 *   that words and sentences are read whole (`长三角企业\n\n家联盟` → `长三角企业家联盟`).
 * - Boilerplate (breadcrumbs, related-link lists, copyright/ICP/promo lines, a bullet list
 *   repeated in the body) stays in the text and is listed as spans to skip.
 *
 * Everything is a single left-to-right pass or a linear regex scan (5 MB in well under 1 s).
 */
import { OffsetMap, copyIdentity } from './offsetMap';
import type { Span, TextIssue } from './types';
import { FIGURE_DATE } from './articleDate';

export interface NormalizedText {
  text: string;
  map: OffsetMap;
  issues: TextIssue[];
  boilerplate: Span[];
}

// ---------------------------------------------------------------------------------------------
// Pinyin

/** Letters a gloss may use: lowercase Latin, tone-marked vowels, ü, combining tone marks. */
const PINYIN_CHAR = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ\\u0300\\u0301\\u0304\\u0308\\u030c';
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ\u0300\u0301\u0304\u030c]/;
const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|ui|un|uo|ve|vn|a|o|e|i|u|v|ng|n|m|ê)r?$/;

/** Is `s` one pinyin syllable (tone marks allowed)? */
const syllableCache = new Map<string, boolean>();
export function isPinyinSyllable(s: string): boolean {
  let known = syllableCache.get(s);
  if (known === undefined) syllableCache.set(s, (known = checkSyllable(s)));
  return known;
}

function checkSyllable(s: string): boolean {
  // ü decomposes to u + U+0308; the syllable table spells it v. Other marks are tones.
  const plain = s.normalize('NFD').replace(/u\u0308/g, 'v').replace(/[\u0300-\u036f]/g, '');
  return SYLLABLE.test(plain);
}

/** Toneless glosses (`(de)`) are only trusted in a document that clearly carries glosses. */
const GLOSS_DENSE_MIN = 3;

interface Removal extends Span {
  kind: 'pinyin-gloss' | 'mojibake' | 'line-wrap';
  detail: string;
  /** Damage that swallowed characters (not a mere tag or entity). */
  swallows?: boolean;
  /** Replace by one U+FFFD instead of removing: swallowing damage between Han characters. */
  placeholder?: boolean;
  /** Replace by this text instead of removing: the character an HTML entity stands for (&gt; → >). */
  replacement?: string;
}

/** Characters of the named entities decoded in place; the spaces (&nbsp;, &emsp;) are removed. */
const ENTITY_CHARS: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', ndash: '–', hellip: '…', middot: '·',
};

/** What one HTML entity (the whole of `s`) stands for, or undefined (spaces, controls, unknown). */
function decodedEntity(s: string): string | undefined {
  const m = /^&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|([a-z]+));$/.exec(s);
  if (!m) return undefined;
  if (m[3]) return ENTITY_CHARS[m[3]];
  const code = m[1] ? Number(m[1]) : parseInt(m[2], 16);
  // Not spaces, controls, surrogates or beyond Unicode: those are removed as before.
  if (code <= 0x20 || (code >= 0x7f && code <= 0xa0) || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff || /\s/.test(String.fromCodePoint(code))) return undefined;
  return String.fromCodePoint(code);
}

/** Every char a gloss may contain, for the hand-written scanner below. */
const PINYIN_CHAR_RE = new RegExp(`[${PINYIN_CHAR}]`);
const pinyinCharCache = new Map<number, boolean>();
function isPinyinChar(code: number): boolean {
  if (code >= 0x61 && code <= 0x7a) return true;
  if (code < 0xc0) return false;
  let known = pinyinCharCache.get(code);
  if (known === undefined) pinyinCharCache.set(code, (known = PINYIN_CHAR_RE.test(String.fromCharCode(code))));
  return known;
}

/** Code point ending just before `i` (handles a surrogate pair). */
function codePointBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000;
  }
  return c;
}

/**
 * Glosses: `(`/`（` + one syllable + `)`/`）` right after a Han character. A hand-written
 * scan (not a regex with a lookbehind): it runs over every character of a 5 MB file.
 */
function findGlosses(text: string): Removal[] {
  const found: Removal[] = [];
  let toned = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0xff08) continue;
    if (!isHanCode(codePointBefore(text, i))) continue;
    let j = i + 1;
    while (j < n && j - i <= 8 && isPinyinChar(text.charCodeAt(j))) j++;
    const close = j < n ? text.charCodeAt(j) : 0;
    if (j === i + 1 || j - i > 8 || (close !== 0x29 && close !== 0xff09)) continue;
    const syllable = text.slice(i + 1, j);
    if (!isPinyinSyllable(syllable)) continue;
    if (TONE_MARKED.test(syllable)) toned++;
    found.push({ kind: 'pinyin-gloss', start: i, end: j + 1, detail: syllable });
    i = j;
  }
  if (toned >= GLOSS_DENSE_MIN) return found;
  return found.filter((g) => TONE_MARKED.test(g.detail));
}

// ---------------------------------------------------------------------------------------------
// Mojibake

interface Anchor extends Span {
  detail: string;
  /** Damaged glosses and `??` runs may have swallowed the characters after them. */
  extend: boolean;
  /** Weak anchors (`??` before Han) only count when junk follows them. */
  weak?: boolean;
}

const ANCHOR_RES: Array<{ re: RegExp; detail: string; extend: boolean; weak?: boolean }> = [
  // `?! ?/p>`, `?/p>`: a tag whose `<` (and the full stop before it) were lost in a bad decode.
  // The lookbehinds make every `?` run one match attempt (no quadratic rescans of long runs).
  { re: /(?<!\?)\?+(?:![ \u00a0\u3000]*\?+)?\/?[a-zA-Z][a-zA-Z0-9]{0,9}>/g, detail: 'html-remnant', extend: false },
  {
    re: /<\/?(?:p|br|div|span|a|img|strong|b|i|em|u|font|table|tbody|tr|td|th|li|ul|ol|h[1-6]|section|article|iframe|script|style|center|sup|sub|hr)(?:\s[^<>\n]{0,200})?\/?>/gi,
    detail: 'html-tag',
    extend: false,
  },
  {
    re: /&(?:nbsp|amp|lt|gt|quot|apos|ldquo|rdquo|lsquo|rsquo|mdash|ndash|hellip|middot|emsp|ensp|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g,
    detail: 'html-entity',
    extend: false,
  },
  // `?jī)`: a gloss whose character and opening parenthesis were lost.
  { re: new RegExp(`(?<![?\\uFFFD])[?\\uFFFD]+[${PINYIN_CHAR}]{1,7}\\)`, 'gu'), detail: 'damaged-gloss', extend: true },
  { re: /\uFFFD+/g, detail: 'replacement-char', extend: true },
  { re: /(?<!\?)\?{2,}(?=\p{Script=Han})/gu, detail: 'question-marks', extend: true, weak: true },
  // UTF-8 read as Latin-1/cp1252 (`ä¸­æ–‡`).
  {
    re: /(?:[\u00c3-\u00ef][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,2}){2,}/g,
    detail: 'latin1-mojibake',
    extend: false,
  },
];

const DAMAGED_GLOSS_AT = new RegExp(`[?\\uFFFD]+[${PINYIN_CHAR}]{1,7}\\)`, 'uy');
const GLOSS_AT = new RegExp(`[(（][${PINYIN_CHAR}]{1,7}[)）]`, 'uy');
/** Characters that do not occur inside Chinese words: debris of a shifted multi-byte decode. */
const JUNK = /[\\€\uFFFD\u0080-\u00bfA-Za-z]/;
const MAX_TAIL = 8;

function isHanCode(cp: number): boolean {
  return (
    (cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f) || cp === 0x3007
  );
}

function glossAt(text: string, i: number): number {
  GLOSS_AT.lastIndex = i;
  const m = GLOSS_AT.exec(text);
  return m ? i + m[0].length : i;
}

/**
 * Characters after a damaged gloss are often debris of the lost ones (`蓚€`, `照\`).
 * Extend over them when junk shows they are debris or when another damaged gloss follows;
 * stop at punctuation, whitespace, or a character that carries its own gloss.
 */
function extendTail(text: string, from: number): { end: number; junk: boolean } {
  let end = from;
  let junk = false;
  let i = from;
  let seen = 0;
  while (i < text.length && seen < MAX_TAIL) {
    DAMAGED_GLOSS_AT.lastIndex = i;
    const dg = DAMAGED_GLOSS_AT.exec(text);
    if (dg && isPinyinSyllable(dg[0].replace(/^[?\uFFFD]+/, '').slice(0, -1))) {
      i += dg[0].length;
      end = i;
      seen = 0;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + w);
    if (JUNK.test(ch)) {
      i = glossAt(text, i + w);
      end = i;
      junk = true;
      seen++;
      continue;
    }
    if (!isHanCode(cp)) break;
    if (glossAt(text, i + w) > i + w) break; // a real, glossed character
    i += w;
    seen++;
  }
  return { end, junk };
}

function findMojibake(text: string): Removal[] {
  const anchors: Anchor[] = [];
  for (const { re, detail, extend, weak } of ANCHOR_RES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      if (detail === 'damaged-gloss' && !isPinyinSyllable(m[0].replace(/^[?\uFFFD]+/, '').slice(0, -1))) continue;
      anchors.push({ start: m.index!, end: m.index! + m[0].length, detail, extend, weak });
    }
  }
  anchors.sort((a, b) => a.start - b.start || b.end - a.end);
  const runs: Removal[] = [];
  for (const a of anchors) {
    const last = runs[runs.length - 1];
    if (last && a.start < last.end) continue; // already covered
    let end = a.end;
    if (a.extend) {
      const tail = extendTail(text, a.end);
      if (a.weak && !tail.junk) continue;
      end = tail.end;
    }
    runs.push({ kind: 'mojibake', start: a.start, end, detail: a.detail, swallows: a.extend });
  }
  // Merge touching runs, then decide where a placeholder keeps a word boundary.
  const merged: Removal[] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) {
      last.end = Math.max(last.end, r.end);
      last.swallows = last.swallows || r.swallows;
      if (last.detail !== r.detail && !last.detail.includes(r.detail)) last.detail += '+' + r.detail;
    } else merged.push({ ...r });
  }
  for (const r of merged) {
    const before = r.start > 0 ? text.codePointAt(r.start - 1 - (isLowSurrogate(text, r.start - 1) ? 1 : 0))! : 0;
    const after = r.end < text.length ? text.codePointAt(r.end)! : 0;
    r.placeholder = !!r.swallows && isHanCode(before) && isHanCode(after);
    // (&ldquo;成渝&rdquo;, 新华网 &gt; 重庆: one entity alone is read as its character.)
    if (r.detail === 'html-entity') r.replacement = decodedEntity(text.slice(r.start, r.end));
  }
  return merged;
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

// ---------------------------------------------------------------------------------------------
// Assembly

export const MOJIBAKE_PLACEHOLDER = '\uFFFD';

// ---------------------------------------------------------------------------------------------
// Line wraps

/** A body line this long (content, in code units) with prose punctuation may be a wrapped one. */
const MIN_WRAPPED_LINE = 24;
const PROSE_MARK = /[，。、,]/;
/** How a line broken inside a word ends: a Han character, perhaps glossed (企業(yè)). */
const ENDS_IN_WORD = /[\u3400-\u9fff](?:[(（][a-zA-Z\u00c0-\u024f\u0300-\u036f]{1,8}[)）])?$/;
/** How a line broken after a comma or an opening bracket inside a sentence ends (or inside a number: 202|3年). */
const ENDS_IN_CLAUSE = /(?:[，、,（(《“「]|[0-9０-９])$/;
/** How the rest of a broken sentence starts (a line never starts with a comma or a closing mark of its own). */
const CONTINUES = /^[\u3400-\u9fff0-9０-９“‘《「（(，、。；：！？）」』”》—～~－]/;
/** A line that ends its sentence is left alone, whatever its length (a list of like sentences has one). */
const SENTENCE_STOP = /[。！？!?；;…]$/;
/** Most lines of a text wrapped at a fixed width have that length: this many at least. */
const MIN_SAME_WIDTH_LINES = 4;
/** A paragraph's first-line indent: a full-width space, a tab or two spaces. */
const PARAGRAPH_INDENT = /^(?:[\u3000\t]|[ \u00a0]{2})/;
/** Lines that open a block of their own: a dateline, a source, an editor's note, an item. */
const OPENS_BLOCK = /^(?:本报|新华社|据|记者|（|\(|【|[一二三四五六七八九十]+、|[0-9０-９]+[、.．]|第[一二三四五六七八九十]+[，、]|图为)/;

/**
 * Line breaks inside a sentence (…发挥长三角企业\n\n家联盟作用，…): a scraper or a fixed width broke
 * a prose line that does not end its sentence, and the next line goes on with it. Removed from the
 * analysis text (words and sentences read whole), kept in the file. Never after the first line (a
 * title ends without a stop), and across a blank line only inside a word.
 */
function findLineWraps(original: string): Removal[] {
  const out: Removal[] = [];
  const width = wrapWidth(original);
  let first = true;
  for (let start = 0; start < original.length;) {
    const lineStart = start;
    const nl = original.indexOf('\n', start);
    if (nl < 0) break;
    start = nl + 1;
    const content = original.slice(lineStart, nl).trimEnd();
    const trimmed = content.trimStart();
    const wasFirst = first;
    if (trimmed) first = false;
    if (wasFirst || trimmed.length < MIN_WRAPPED_LINE) continue;
    const inWord = ENDS_IN_WORD.test(trimmed);
    // A line of the text's wrap width is wrapped wherever it ends; others must end inside a sentence.
    const fullWidth = width > 0 && content.length === width && !SENTENCE_STOP.test(trimmed);
    if (!fullWidth && !(PROSE_MARK.test(trimmed) && (inWord || ENDS_IN_CLAUSE.test(trimmed)))) continue;
    // The next line, or the one after a single blank line (only inside a word). Looking no further
    // keeps the scan linear however many blank lines follow.
    let next = nl + 1;
    let nextEnd = original.indexOf('\n', next);
    let blank = 0;
    if (nextEnd >= 0 && original.slice(next, nextEnd).trim() === '') {
      blank = 1;
      next = nextEnd + 1;
      nextEnd = original.indexOf('\n', next);
    }
    if (blank && !(inWord && PROSE_MARK.test(trimmed))) continue;
    const line = original.slice(next, nextEnd < 0 ? original.length : nextEnd);
    const nextContent = line.trim();
    if (!nextContent) continue;
    // 　　会议指出，…: an indented line opens a paragraph (the lines that go on with one are not indented).
    if (PARAGRAPH_INDENT.test(line)) continue;
    if (!CONTINUES.test(nextContent) || OPENS_BLOCK.test(nextContent) || BYLINE.test(nextContent) || BULLET.test(line)) continue;
    if (STRONG_LINES.some((l) => l.re.test(trimmed) || l.re.test(nextContent))) continue;
    const nextStart = next + (line.length - line.trimStart().length);
    out.push({ kind: 'line-wrap', start: lineStart + content.length, end: nextStart, detail: blank ? 'blank-line' : 'line' });
  }
  return out;
}

/**
 * The width a text was wrapped at: the most common length of its long lines when at least
 * MIN_SAME_WIDTH_LINES lines and a third of the long ones have it, else 0 (paragraphs of any length).
 */
function wrapWidth(original: string): number {
  const counts = new Map<number, number>();
  let long = 0;
  for (let start = 0; start < original.length;) {
    let nl = original.indexOf('\n', start);
    if (nl < 0) nl = original.length;
    const len = original.slice(start, nl).trimEnd().length;
    if (len >= MIN_WRAPPED_LINE) {
      long++;
      counts.set(len, (counts.get(len) ?? 0) + 1);
    }
    start = nl + 1;
  }
  let best = 0, bestCount = 0;
  for (const [len, n] of counts) if (n > bestCount || (n === bestCount && len > best)) { best = len; bestCount = n; }
  return bestCount >= MIN_SAME_WIDTH_LINES && bestCount * 3 >= long ? best : 0;
}

function findRemovals(original: string): Removal[] {
  const mojibake = findMojibake(original);
  const glosses = findGlosses(original);
  // Mojibake wins where both claim a span (a gloss swallowed by a damaged run).
  const out: Removal[] = [];
  let mi = 0;
  for (const g of glosses) {
    while (mi < mojibake.length && mojibake[mi].end <= g.start) out.push(mojibake[mi++]);
    if (mi < mojibake.length && mojibake[mi].start < g.end) continue;
    out.push(g);
  }
  while (mi < mojibake.length) out.push(mojibake[mi++]);
  const wraps = findLineWraps(original);
  if (wraps.length === 0) return out;
  // Line wraps are whitespace between lines: they touch no gloss or remnant (one that does yields).
  const merged: Removal[] = [];
  let wi = 0;
  for (const r of out) {
    while (wi < wraps.length && wraps[wi].end <= r.start) merged.push(wraps[wi++]);
    while (wi < wraps.length && wraps[wi].start < r.end) wi++;
    merged.push(r);
  }
  while (wi < wraps.length) merged.push(wraps[wi++]);
  return merged;
}

export function normalize(original: string): NormalizedText {
  const removals = findRemovals(original);
  // Units put in for removed runs: an entity's character, or a placeholder.
  const insertedUnits = removals.reduce((n, r) => n + (r.replacement?.length ?? (r.placeholder ? 1 : 0)), 0);
  const removedUnits = removals.reduce((n, r) => n + (r.end - r.start), 0);
  const length = original.length - removedUnits + insertedUnits;
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const parts: string[] = [];
  let at = 0;
  let pos = 0;
  for (const r of removals) {
    copyIdentity(original, pos, r.start, starts, ends, at);
    parts.push(original.slice(pos, r.start));
    at += r.start - pos;
    const inserted = r.replacement ?? (r.placeholder ? MOJIBAKE_PLACEHOLDER : '');
    parts.push(inserted);
    // Each inserted unit stands for the whole removed run.
    for (let k = 0; k < inserted.length; k++, at++) {
      starts[at] = r.start;
      ends[at] = r.end;
    }
    pos = r.end;
  }
  copyIdentity(original, pos, original.length, starts, ends, at);
  parts.push(original.slice(pos));
  const text = parts.join('');
  const map = new OffsetMap(starts, ends, original.length);

  // Removals are sorted already; the few boilerplate blocks are merged in.
  const blocks = findBoilerplate(text);
  const bpIssues: TextIssue[] = blocks.map((b) => ({ kind: 'boilerplate', ...map.toOriginal(b.start, b.end), detail: b.category }));
  const issues: TextIssue[] = [];
  let bi = 0;
  for (const r of removals) {
    while (bi < bpIssues.length && bpIssues[bi].start < r.start) issues.push(bpIssues[bi++]);
    issues.push({ kind: r.kind, start: r.start, end: r.end, detail: r.detail, ...(r.replacement ? { replacement: r.replacement } : {}) });
  }
  while (bi < bpIssues.length) issues.push(bpIssues[bi++]);
  return { text, map, issues, boilerplate: blocks.map(({ start, end }) => ({ start, end })) };
}

// ---------------------------------------------------------------------------------------------
// Boilerplate (line based, on the gloss-free text; patterns cover both scripts)

export type BoilerplateCategory = 'navigation' | 'copyright' | 'promo' | 'related-links' | 'repeated-list';

interface Line {
  start: number;
  /** End of the content (before `\r\n` / `\n`). */
  end: number;
  content: string;
  bulletItem: string | null;
  strong: BoilerplateCategory | null;
}

/** A line of page tools only (print, share, bookmark, back), with their separators and share targets. */
const PAGE_TOOLS_LINE = /^(?:[【\[]?(?:列印|打印|[列打]印本[页頁]|分享(?:到|至)?|加入[书書][签籤]|回上[页頁]|返回(?:[页頁]首|[顶頂]部|首[页頁]|上[页頁])|[关關]闭|收藏|[转轉]寄|微信|微博|Facebook|LINE|Line|Twitter|QQ空[间間]|[电電]子[邮郵]件)[】\]]?[\s\u3000｜|｜:：/、]*)+$/;
/**
 * A menu line: at least four items of up to eight characters between | or ｜ bars; a breadcrumb of three
 * or more items between arrows (央广网 > 财经 > 正文); or a portal's name alone (…门户网站).
 */
const MENU_LINE = /^(?:[^|｜，,。；;：:]{1,8}[ \t\u3000]*[|｜][ \t\u3000]*){3,}[^|｜，,。；;：:]{1,8}$|^(?:[^>＞›»→，,。；;：:]{1,10}[ \t\u3000]*(?:>>?|＞|›|»|→)[ \t\u3000]*){2,}[^>＞›»→，,。；;：:]{1,10}$|^[\u4e00-\u9fff]{2,16}[门門][户戶][网網](?:站)?$/;
/** A heading of links to other pages standing alone on its line (相关新闻, 延伸阅读). */
const RELATED_HEADING = /^(?:相[关關](?:链接|鏈接|[阅閱][读讀]|新[闻聞]|文章|稿件|[报報]道|[资資]讯|訊息)|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|更多(?:新[闻聞]|[阅閱][读讀]|[资資]讯))\s*[:：]?$/;

const STRONG_LINES: Array<{ category: BoilerplateCategory; re: RegExp; maxLength: number }> = [
  { category: 'navigation', re: /^(?:[当當]前位置|您的位置|你的位置|您[现現]在的位置|所在位置|[现現]在位置)\s*[:：]|首[页頁]\s*(?:>|＞|›|»|→)/, maxLength: 100 },
  // Page tools: 【字体：大 中 小】 打印本页 关闭窗口, 分享到：, 返回顶部.
  { category: 'navigation', re: /字[体體号號]\s*[:：]\s*[【\[]?\s*[大中小]|打印本[页頁]|[关關]闭窗口|【打印】|【[关關]闭】|分享到\s*[:：]|返回[顶頂]部|收藏本[页頁]/, maxLength: 100 },
  // Page tools alone on a line: 列印　｜　分享, 【列印】【分享】, 分享：微信 | 微博, 列印　分享　加入書籤.
  { category: 'navigation', re: PAGE_TOOLS_LINE, maxLength: 80 },
  // A menu (首页 | 新闻 | 嘉兴 | 南湖 | 秀洲), a breadcrumb (央广网 > 财经 > 正文), or a portal's name alone.
  { category: 'navigation', re: MENU_LINE, maxLength: 120 },
  // Links to other pages: 相关链接：…, 上一篇：… 下一篇：….
  { category: 'related-links', re: /^[ \t\u3000]*(?:相[关關](?:链接|鏈接|[阅閱][读讀]|新[闻聞]|文章|稿件)|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|[上下]一(?:篇|[条條]|[页頁]))\s*[:：]/, maxLength: 200 },
  {
    category: 'copyright',
    re: /版[权權]所有|版[权權][声聲]明|[Cc]opyright|©|ICP[备備证證]|[公网網]安[备備]|未[经經].{0,8}授[权權].{0,4}不得[转轉][载載]|[转轉][载載][请請]注明/,
    maxLength: 400,
  },
  {
    category: 'promo',
    // (An app named as an outlet, 华龙网-新重庆客户端 2024年6月12日讯, opens a dispatch: only an app to get is promotion.)
    re: /(?:下[载載]|打[开開]|登[录錄]|安[装裝])[^。，,]{0,12}客[户戶]端|二[维維][码碼]|[扫掃][码碼]|[关關]注(?:我[们們]|精彩|公[众眾][号號]|微信)|[报報]料[热熱][线線]|[点點][击擊](?:[进進]入|查看|下[载載])/,
    maxLength: 200,
  },
];

const BULLET = /^[ \t\u3000\u00a0]*(?:[-*+•·●○◆◇■□▪▫►▶‣⁃][ \t\u3000\u00a0]+|[•●◆◇■□▪▫►▶‣．·][ \t\u3000\u00a0]*)(?=\S)/;
/** Byline lines (editor, source, reporter) carry real names: never website chrome. */
const BYLINE = /^[（(【\[]?\s*(?:责任编辑|責任編輯|编辑|編輯|责编|責編|审核|審核|校对|校對|来源|來源|作者|记者|記者|通讯员|通訊員|摄影|攝影)\s*[:：]/;
const SENTENCE_END = /[。！？!?；;]$/;
const ATTRIBUTION = /^[(（【\[].*[)）】\]]$/;
const SHORT_LINE = 20;
const MAX_ITEM = 60;
const REPEATED_SHARE = 0.6;
const MAX_LIST_CHECKS = 2000;

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    const raw = text.slice(start, end);
    const content = raw.trim();
    const bullet = BULLET.exec(raw);
    let strong: BoilerplateCategory | null = null;
    for (const s of STRONG_LINES) {
      if (content.length > 0 && content.length <= s.maxLength && s.re.test(content)) {
        strong = s.category;
        break;
      }
    }
    lines.push({ start, end, content, bulletItem: bullet ? raw.slice(bullet[0].length).trim() : null, strong });
    if (nl >= text.length) break;
    start = nl + 1;
  }
  return lines;
}

interface Block extends Span {
  category: BoilerplateCategory;
}

/** Bullet lists (blank lines allowed between items) as [first, last] line indexes. */
function bulletLists(lines: Line[]): Array<[number, number]> {
  const lists: Array<[number, number]> = [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.bulletItem !== null) {
      if (first < 0) first = i;
      last = i;
    } else if (l.content !== '') {
      if (first >= 0) lists.push([first, last]);
      first = last = -1;
    }
  }
  if (first >= 0) lists.push([first, last]);
  return lists;
}

export function findBoilerplate(text: string): Block[] {
  const lines = splitLines(text);
  const category: Array<BoilerplateCategory | null> = lines.map((l) => l.strong);

  // A bullet list whose items mostly occur again elsewhere (as headings or in sentences).
  let checks = 0;
  for (const [first, last] of bulletLists(lines)) {
    const items = lines.slice(first, last + 1).filter((l) => l.bulletItem !== null && l.bulletItem.length >= 4);
    if (items.length < 2 || checks + items.length > MAX_LIST_CHECKS) continue;
    checks += items.length;
    const blockStart = lines[first].start;
    const blockEnd = lines[last].end;
    const repeated = items.filter((l) => {
      const item = l.bulletItem!;
      const before = text.lastIndexOf(item, blockStart - item.length);
      return (before >= 0 && blockStart - item.length >= 0) || text.indexOf(item, blockEnd) >= 0;
    }).length;
    if (repeated / items.length >= REPEATED_SHARE) {
      for (let i = first; i <= last; i++) if (lines[i].content !== '') category[i] = 'repeated-list';
    }
  }

  // A heading of links alone on its line (相关新闻, 延伸阅读) and the headlines under it, when
  // nothing but headlines and page tools follows it to the end.
  for (let h = 0; h < lines.length; h++) {
    if (!RELATED_HEADING.test(lines[h].content)) continue;
    const rest = lines.slice(h + 1);
    const headlines = rest.every((l) => l.content === '' || l.strong || (l.content.length <= MAX_ITEM && !/[。！？!?]/.test(l.content)));
    if (!headlines || !rest.some((l) => l.content !== '')) continue;
    for (let i = h; i < lines.length; i++) if (lines[i].content !== '' && category[i] === null) category[i] = 'related-links';
    break;
  }

  // Trailing website chrome: link lists, column headings, copyright, after the article body.
  let tailStart = lines.length;
  let tailHasSignal = false;
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = lines[i];
    const c = l.content;
    const isItem = l.bulletItem !== null && l.bulletItem.length <= MAX_ITEM && !l.bulletItem.includes('。');
    // (The article's date line at its foot, 2025年3月14日（星期五）, is no chrome.)
    const isShort = c.length <= SHORT_LINE && !SENTENCE_END.test(c) && !ATTRIBUTION.test(c) && !BYLINE.test(c) && !FIGURE_DATE.test(c);
    if (c === '' || l.strong || isItem || category[i] === 'repeated-list' || isShort) {
      if (l.strong || isItem) tailHasSignal = true;
      tailStart = i;
    } else break;
  }
  if (tailHasSignal) {
    for (let i = tailStart; i < lines.length; i++) {
      if (lines[i].content !== '' && category[i] === null) category[i] = 'related-links';
    }
  }

  // Consecutive lines of one category (blank lines between allowed) form one block.
  const blocks: Block[] = [];
  let open: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const cat = category[i];
    if (l.content === '') continue;
    const raw = text.slice(l.start, l.end);
    const contentStart = l.start + (raw.length - raw.trimStart().length);
    const contentEnd = l.start + raw.trimEnd().length;
    if (cat && open && open.category === cat) open.end = contentEnd;
    else {
      if (open) blocks.push(open);
      open = cat ? { start: contentStart, end: contentEnd, category: cat } : null;
    }
  }
  if (open) blocks.push(open);
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Clean Article

/**
 * The Clean Article command: the original without glosses, mojibake remnants and boilerplate
 * lines (each with its line break). `removed` lists the removed original spans, sorted.
 */
export function cleanArticle(original: string): { text: string; removed: Array<Span & { replacement?: string }> } {
  const n = normalize(original);
  const spans: Array<Span & { replacement?: string }> = n.issues
    .filter((i) => i.kind === 'pinyin-gloss' || i.kind === 'mojibake' || i.kind === 'line-wrap')
    .map(({ start, end, replacement }) => (replacement ? { start, end, replacement } : { start, end }));
  for (const b of n.issues.filter((i) => i.kind === 'boilerplate')) {
    // Take the whole lines, including the indentation before and the line break after.
    let start = b.start;
    while (start > 0 && original[start - 1] !== '\n') start--;
    let end = b.end;
    while (end < original.length && original[end] !== '\n') end++;
    if (end < original.length) end++;
    else if (start > 0) {
      // Last line: remove the break before it instead, so no empty line is left behind.
      start--;
      if (start > 0 && original[start - 1] === '\r') start--;
    }
    spans.push({ start, end });
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const removed: Array<Span & { replacement?: string }> = [];
  for (const s of spans) {
    const last = removed[removed.length - 1];
    // (Spans that touch merge unless one puts a character in; a decoded entity inside removed boilerplate goes with it.)
    if (last && (s.start < last.end || (s.start === last.end && !s.replacement && !last.replacement))) {
      if (s.end > last.end && last.replacement) delete last.replacement;
      last.end = Math.max(last.end, s.end);
    } else removed.push({ ...s });
  }
  const parts: string[] = [];
  let pos = 0;
  for (const r of removed) {
    parts.push(original.slice(pos, r.start), r.replacement ?? '');
    pos = r.end;
  }
  parts.push(original.slice(pos));
  return { text: parts.join(''), removed };
}
