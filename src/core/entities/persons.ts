/**
 * Person names beyond the statistical tagger: a name right after a title word (区长肖文高) or right
 * before one (肖文高区长, 习近平同志), built from the surname tables and jieba's word boundaries.
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { nerDataLines, perDataDir } from './nerDataFile';
import { isHan, type Interval } from './spanUtil';

/** Words that follow a name and mark it as one (but are not positions). */
const NAME_FOLLOWERS = ['同志', '先生', '女士', '教授', '院士', '总书记', '主席', '总理'];

/** Tags jieba gives to words it does not take for a name (so a title is not followed by a name there). */
const NON_NAME_TAGS = new Set(['v', 'p', 'c', 'u', 'uj', 'd', 'r', 'f', 'm', 'q', 't', 'vn', 'ns', 'nt']);

/** A Chinese name starting at `at` (surname + 1–2 given-name characters), or null. */
export function nameAt(text: string, tokens: readonly Token[], tokIdx: Int32Array, at: number, data: NerData): Interval | null {
  const lex = data.lexicon;
  const k = tokIdx[at];
  if (k < 0 || tokens[k].start !== at) return null;
  const t = tokens[k];
  const c0 = text.charCodeAt(at);
  const surLen = lex.compoundSurnameCodes.has(c0 * 65536 + text.charCodeAt(at + 1)) ? 2 : lex.surnameRank[c0] ? 1 : 0;
  if (!surLen) return null;
  const len = t.end - t.start;
  if (len > surLen && len <= surLen + 2) {
    if (!(t.tag.startsWith('nr') || t.tag === 'x') || lex.titles.has(t.word) || lex.places.has(t.word)) return null;
    return { start: at, end: t.end };
  }
  if (len === surLen && (t.tag.startsWith('nr') || t.tag === 'x')) {
    // Surname cut off by jieba (鲁/霞光): take the next short word as the given name.
    const next = tokens[k + 1];
    if (!next || next.end - next.start > 2 || ![...next.word].every((c) => isHan(c))) return null;
    if (NON_NAME_TAGS.has(next.tag) || lex.titles.has(next.word)) return null;
    return { start: at, end: next.end };
  }
  return null;
}

/** Longest title word ending exactly at `end`. */
export function titleEndingAt(text: string, end: number, data: NerData): number {
  const trie = data.lexicon.titleReverseTrie;
  let node = 0, best = 0;
  for (let j = end - 1; j >= 0; j--) {
    node = trie.next(node, text.charCodeAt(j));
    if (node < 0) break;
    if (trie.flags(node)) best = end - j;
  }
  return best;
}

/** Longest title word starting exactly at `start`. */
export function titleStartingAt(text: string, start: number, data: NerData): number {
  return data.lexicon.titleTrie.longestAt(text, start);
}

export function findPersonsByContext(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  for (const t of tokens) {
    // title + name
    const name = titleEndingAt(text, t.start, data) ? nameAt(text, tokens, tokIdx, t.start, data) : null;
    if (name) { out.push(name); continue; }
    // name + title / 同志
    const cand = nameAt(text, tokens, tokIdx, t.start, data);
    if (cand && (titleStartingAt(text, cand.end, data) || NAME_FOLLOWERS.some((w) => text.startsWith(w, cand.end)))) {
      const after = text[cand.end - 1];
      if (isHan(after)) out.push(cand);
    }
  }
  return out;
}

/** Characters that end names of things, never given names (data/ner/non-name-final-chars.txt). */
export const nonNameFinalChars: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'non-name-final-chars.txt').map((l) => l.trim())),
);

/** Labels of a byline or credit line: (记者 盛游), (央广网记者 沈梅 摄), 编辑:林馥榆. */
const BYLINE_LABEL = /(记者|通讯员|编辑|责任编辑|责编|作者|摄影)([ \u3000]?|[:：][ \u3000]?)$/;
/** Reporter roles are the person's position when written as a title (记者沈梅), not as a field label (编辑:). */
const BYLINE_POSITIONS = new Set(['记者', '通讯员']);
/** What may follow the name in a byline: its end, a space, a closing bracket, a list comma, 摄 (photo by). */
const BYLINE_AFTER = /^(?:$|[\s)）】、，,;；]|摄)/;

export interface Byline { person: Interval; position?: Interval }

/**
 * Names in bylines and credit lines, which title rules miss because a space or colon separates the
 * label from the name. The label opens the line or follows an opening bracket; a media name may
 * come before 记者 (央广网记者), and the position then includes it.
 */
export function findBylines(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Byline[] {
  const out: Byline[] = [];
  for (const t of tokens) {
    const before = text.slice(Math.max(0, t.start - 12), t.start);
    const label = BYLINE_LABEL.exec(before);
    if (!label) continue;
    const labelStart = t.start - label[0].length;
    // What precedes the label on its line: nothing, an opening bracket, or a media name after one.
    const lead = /(?:^|[\n(（【])([\u4e00-\u9fff]{0,6})$/.exec(text.slice(Math.max(0, labelStart - 8), labelStart));
    if (!lead) continue;
    const name = nameAt(text, tokens, tokIdx, t.start, data);
    if (!name || !BYLINE_AFTER.test(text.slice(name.end, name.end + 1))) continue;
    if (name.end - name.start < 2) continue;
    const role = label[1];
    const position = BYLINE_POSITIONS.has(role) && !label[2].startsWith(':') && !label[2].startsWith('：')
      ? { start: labelStart - lead[1].length, end: labelStart + role.length } : undefined;
    out.push(position ? { person: name, position } : { person: name });
  }
  return out;
}

/** jieba "names" that are a surname + a far more frequent common word (高水平): data/ner/common-nr-words.txt. */
export const commonNrWords: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'common-nr-words.txt').map((l) => l.trim())),
);

/** Nouns that make the word before them the name of a thing (太湖龙之梦项目), not of a person. */
export const THING_AFTER_NAME = ['项目', '工程', '品牌', '小镇', '景区'];
