/** Small helpers shared by the entity rules: token lookup by offset and phrase boundaries. */
import type { Token } from '../engines';

/** Characters that always end a name or title phrase. */
export const BOUNDARY = /[\s，。、；：！？,.;:!?“”‘’"'《》〈〉（）()【】\[\]「」『』—…·\-\/|]/;

/** POS tags that cannot be inside a title or organisation phrase (verbs, prepositions, conjunctions, particles, pronouns, adverbs…). */
const STOP_TAGS = new Set(['v', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ud', 'ug', 'uv', 'r', 'rr', 'rz', 'd', 'y', 'e', 'o', 'f', 't', 'q', 'zg', 'df', 'ad']);
/** Words that never belong to a title or organisation phrase whatever jieba tags them (会见/n, 有关/vn). */
const PHRASE_STOP_WORDS = new Set(['会见', '会谈', '出席', '应邀', '邀请', '有关', '相关', '各', '等', '及其', '以及', '任命', '担任', '当选', '记者', '报道', '据', '电', '讯']);
/** Words allowed in a phrase whatever their tag (原党委书记, 代市长, 常务副市长). */
const PHRASE_WORDS = new Set(['原', '前', '代', '副', '常务', '执行', '名誉', '首席', '驻', '总', '第一', '专职', '党组', '党委', '综合']);

/**
 * Which code units start (or end) some word of `words` (1): a scan over text asks this array first,
 * and most offsets or tokens are ruled out without a string or set look-up.
 */
export function unitSet(words: Iterable<string>, at: 'first' | 'last'): Uint8Array {
  const units = new Uint8Array(0x10000);
  for (const w of words) if (w) units[w.charCodeAt(at === 'first' ? 0 : w.length - 1)] = 1;
  return units;
}

export const isHan = (ch: string | undefined): boolean => !!ch && /[\u3400-\u9fff]/.test(ch);

/**
 * The per-offset token arrays of a token list, built once per list: the rules of one recognition
 * pass ask for them over and over. Shared and read-only: callers never write to them. A list that
 * has grown since (or is asked about at another length) gets fresh arrays.
 */
const tokenArrays = new WeakMap<readonly Token[], { length: number; count: number; idx?: Int32Array; starts?: Uint8Array; ends?: Uint8Array }>();
function tokenArraysOf(length: number, tokens: readonly Token[]) {
  let a = tokenArrays.get(tokens);
  if (!a || a.length !== length || a.count !== tokens.length) {
    a = { length, count: tokens.length };
    tokenArrays.set(tokens, a);
  }
  return a;
}

/** Index of each character's token (−1 where tokens leave gaps). Shared: do not modify. */
export function tokenIndex(length: number, tokens: readonly Token[]): Int32Array {
  const a = tokenArraysOf(length, tokens);
  if (!a.idx) {
    const idx = new Int32Array(length).fill(-1);
    tokens.forEach((t, k) => { for (let i = t.start; i < t.end && i < length; i++) idx[i] = k; });
    a.idx = idx;
  }
  return a.idx;
}

/** Which offsets start / end a token (arrays of length + 1). Shared: do not modify. */
export function tokenBoundaries(length: number, tokens: readonly Token[]): { starts: Uint8Array; ends: Uint8Array } {
  const a = tokenArraysOf(length, tokens);
  if (!a.starts || !a.ends) {
    const starts = new Uint8Array(length + 1), ends = new Uint8Array(length + 1);
    for (const t of tokens) {
      if (t.start <= length) starts[t.start] = 1;
      if (t.end <= length) ends[t.end] = 1;
    }
    a.starts = starts;
    a.ends = ends;
  }
  return { starts: a.starts, ends: a.ends };
}

/** Whether a token may be part of a title / organisation phrase. */
export function phraseToken(t: Token): boolean {
  if (PHRASE_WORDS.has(t.word)) return true;
  if (PHRASE_STOP_WORDS.has(t.word)) return false;
  if (BOUNDARY.test(t.word)) return false;
  if (!isHan(t.word[0]) && !/^[A-Za-z]+$/.test(t.word)) return false;
  // 伍德赛|德同/x 中国国家主席: an unknown word jieba's HMM ended with a preposition or conjunction.
  if (t.tag === 'x' && t.word.length === 2 && /[同与和及在向对把被]$/.test(t.word)) return false;
  return !STOP_TAGS.has(t.tag);
}

/**
 * Extends a phrase leftwards from `start` over phrase tokens, at most `maxLen` characters and never
 * past `floor`. Only whole tokens are taken, so a phrase never starts in the middle of a word.
 */
/** A preposition jieba glued to the administrative level after it (会议|由省/x|人大常委会, 经市/x|政府). */
export const PREPOSITION_THEN_LEVEL = /^[由经向对据受在][省市县区州]$/;

/**
 * Where a name starting at `start` starts when jieba cut an autonomous region's level word after
 * 自治 (自治/v|区党委…, 自治/v|州委…): two characters earlier (not before `floor`), else `start`.
 */
export function withAutonomousLevel(text: string, start: number, floor = 0): number {
  return start - 2 >= floor && text.startsWith('自治', start - 2) && /[区州县旗]/.test(text[start] ?? '') ? start - 2 : start;
}

/** Verbs that name a body's field (创新科技及工业局, 发展研究中心) when they open its name. */
const FIELD_VERBS = new Set(['创新', '发展', '改革', '建设', '管理', '保护', '服务', '促进', '研究', '监督']);
/** What stands before a phrase that opens its clause. */
const CLAUSE_OPENING_BEFORE = /[，,。；;：:、\n（(“]/;

export function extendLeft(text: string, tokens: readonly Token[], tokIdx: Int32Array, start: number, floor: number, maxLen: number, isPlace: (word: string) => boolean = () => true): number {
  let s = start;
  /** Verbs taken in before a one-character head so far (就业|促进|司: at most two). */
  let verbs = 0;
  while (s > floor) {
    const k = tokIdx[s - 1];
    if (k < 0) break;
    const t = tokens[k];
    if (t.start < floor || start - t.start > maxLen) break;
    // 商务|及|经济发展局, 人力资源|和|社会保障局: a conjunction between two field nouns is inside a body's name.
    // 气候|保护|部, 市场|监督|管理|局, 就业|促进|司: verbs right before a one-character head of a body are in its name.
    const head = tokens[tokIdx[s]];
    if (!phraseToken(t) && t.tag === 'v' && t.word.length >= 2 && t.end === s && head && head.start === s
      && (verbs > 0 ? verbs < 2 : ONE_CHARACTER_HEAD.test(head.word) || HEAD_AND_TITLE.test(head.word))) {
      s = t.start;
      verbs++;
      continue;
    }
    // (会议|由省/x|人大常委会副主任: the level is the phrase's; the preposition and what comes before are not.)
    if (t.end === s && PREPOSITION_THEN_LEVEL.test(t.word)) {
      s = t.start + 1;
      break;
    }
    // (据进/x|博局副局长: a preposition jieba glued to the name's first character is no part of it.)
    if (t.end === s && t.tag === 'x' && t.word.length >= 2 && GLUED_PREPOSITION.test(t.word)) {
      s = t.start + 1;
      break;
    }
    // (在北京|会见/n|特斯拉公司首席执行官: what someone does, whatever jieba tags it, ends the phrase.)
    if (EVENT_WORDS.has(t.word)) break;
    // (，创新/v|科技及工业局局长: a field verb opening the clause opens the body's name.)
    if (t.tag === 'v' && t.end === s && FIELD_VERBS.has(t.word) && s < start && (t.start === floor || t.start === 0 || CLAUSE_OPENING_BEFORE.test(text[t.start - 1]))) {
      s = t.start;
      break;
    }
    if (!phraseToken(t)) {
      const before = tokens[k - 1], after = tokens[k + 1];
      if (!(FIELD_JOINER.has(t.word) && before && after && before.start >= floor && start - before.start <= maxLen && FIELD_NOUN_TAGS.has(before.tag) && !PEOPLE_NOUN.test(before.word) && fieldAfterJoiner(after, isPlace))) break;
      s = before.start;
      continue;
    }
    s = t.start;
  }
  return s;
}

const FIELD_JOINER = new Set(['及', '和', '与']);
/** Nouns of people before 及/和 (领导人|及|东盟秘书长): two groups of people, not two fields of one body. */
const PEOPLE_NOUN = /(?:人|者|员|代表|嘉宾|专家|官员)$/;
/** A preposition glued to the first character of a name (据进/x 博局, 由省/x). */
const GLUED_PREPOSITION = /^[据由经向对受在从为与和及同把被将]/;
/** What someone does, which jieba may tag as a noun (会见/n, 讲话/n): never part of a title phrase or a body's name. */
export const EVENT_WORDS = new Set(['会见', '会谈', '接见', '看望', '慰问', '考察', '调研', '视察', '参观', '出席', '主持', '讲话', '致辞', '发言', '表示', '指出', '强调', '介绍', '宣判', '判处', '审理', '起诉', '公诉', '宣布', '任命', '陪同', '欢迎', '祝贺']);
/** One-character heads of a body's name (保护|部, 管理|局). */
const ONE_CHARACTER_HEAD = /^[部局署委厅司处]$/;
/** A one-character head and its chief's title read as one word (审批|局局长/n). */
const HEAD_AND_TITLE = /^([部局署厅司处])副?\1长$/;
/** Tags of the field nouns a body's name joins (商务, 经济, 人力资源; not places or names: 中国|和|美国总统). */
const FIELD_NOUN_TAGS = new Set(['n', 'vn']);
/**
 * The field after a conjunction in a body's or title's name (边界与|海洋/ns|事务司, 技术与|通信/j|部长,
 * 外交与|安全/an|政策, 劳工及|福利/ns|局): jieba tags such fields many ways; a place it tags ns is no field.
 */
const FIELD_AFTER_JOINER_TAGS = new Set(['n', 'vn', 'j', 'an', 'nz', 'ns']);
function fieldAfterJoiner(t: Token, isPlace: (word: string) => boolean): boolean {
  return FIELD_AFTER_JOINER_TAGS.has(t.tag) && !(t.tag === 'ns' && isPlace(t.word));
}

export interface Interval { start: number; end: number }

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
