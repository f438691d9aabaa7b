/**
 * Person names beyond the statistical tagger: a name right after a title word (区长肖文高) or right
 * before one (肖文高区长, 习近平同志), built from the surname tables and jieba's word boundaries.
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { nerDataLines, perDataDir } from './nerDataFile';
import { isHan, unitSet, type Interval } from './spanUtil';
import { CharTrie } from './charTrie';
import { compoundSurnameAt } from './charTagger';
import { knownPlace } from './bioConventions';

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
  const surLen = compoundSurnameAt(lex, c0, text.charCodeAt(at + 1)) ? 2 : lex.surnameRank[c0] ? 1 : 0;
  if (!surLen) return null;
  const len = t.end - t.start;
  if (len > surLen && len <= surLen + 2) {
    if (!(t.tag.startsWith('nr') || t.tag === 'x') || lex.titles.has(t.word) || lex.places.has(t.word)) return null;
    if (comingToAbbreviation(text, at, t.end, data)) return null;
    // 应勇作/x|了|关于…的报告: a verb jieba glued on.
    if (len === surLen + 2 && gluedVerbAfterName(text, t.end, data)) return { start: at, end: t.end - 1 };
    // 申长/x|雨/n|在: the last given-name character read as a word of its own, before what ends a name.
    const next = tokens[k + 1];
    if (len === surLen + 1 && next && next.start === t.end && next.end === t.end + 1 && isHan(next.word) && !NON_NAME_TAGS.has(next.tag)
      && (lex.givenNameBucket[next.word.charCodeAt(0)] ?? 0) >= 2 && nameEndsBefore(text, next.end, tokens[k + 2])) return { start: at, end: next.end };
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

/** Whether a form of address or a top title (同志, 先生, 总书记) starts at `at`. */
function startsWithFollower(text: string, at: number): boolean {
  for (const w of NAME_FOLLOWERS) if (text.startsWith(w, at)) return true;
  return false;
}

/**
 * 副市长|华源/nz|、, 主任|华源/nz|作/v: a surname and one or two given-name characters that jieba reads as
 * a proper noun, right after a title and before punctuation or what follows a name, is the title's
 * person (nameAt takes nr and x words only).
 */
function properNameAfterTitle(text: string, tokens: readonly Token[], tokIdx: Int32Array, t: Token, data: NerData): Interval | null {
  const lex = data.lexicon;
  const len = t.end - t.start;
  if (t.tag !== 'nz' || len < 2 || len > 3 || !lex.surnameRank[text.charCodeAt(t.start)]) return null;
  for (let i = t.start + 1; i < t.end; i++) if (!isHan(text[i]) || !lex.givenNameBucket[text.charCodeAt(i)]) return null;
  if (!nameEndsBefore(text, t.end, tokens[tokIdx[t.end]]) || !titleEndingAt(text, t.start, data)) return null;
  return { start: t.start, end: t.end };
}

/** jieba tags of a one-character surname word that is a function word too often to open a name (向/p 大会, 和/c). */
const FUNCTION_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'm', 'q', 'x']);
/** jieba tags of a two-character word that is no given name (在/p, 会上/t, 我们/r, 三个/m, 东部/f, 北京/ns, 省委/nt). */
const NO_GIVEN_NAME_TAGS = new Set(['p', 'c', 'u', 'uj', 'r', 'f', 'm', 'q', 't', 'ns', 'nt', 'x']);

/** Whether a word is made of Han characters common in given names. */
function commonGivenName(text: string, word: Token, data: NerData): boolean {
  for (let i = word.start; i < word.end; i++) if (!isHan(text[i]) || data.lexicon.givenNameBucket[text.charCodeAt(i)] < 2) return false;
  return true;
}

/**
 * 省委书记|黄/a|建新/v|出席, 党委书记|任/r|建平/n: a three-character name right after a title, its
 * surname read as a word of another kind and its given name as an ordinary word (nameAt takes nr
 * and x words only). The given name is two common given-name characters and the name ends before
 * punctuation or a verb.
 */
function surnameWordAfterTitle(text: string, tokens: readonly Token[], tokIdx: Int32Array, t: Token, data: NerData): Interval | null {
  const lex = data.lexicon;
  if (t.end - t.start !== 1 || t.tag.startsWith('nr') || FUNCTION_TAGS.has(t.tag) || !lex.surnameRank[text.charCodeAt(t.start)]) return null;
  const k = tokIdx[t.start];
  const given = tokens[k + 1];
  if (!given || given.start !== t.end || given.end - given.start !== 2 || NO_GIVEN_NAME_TAGS.has(given.tag)) return null;
  if (!commonGivenName(text, given, data) || lex.titles.has(given.word) || !nameEndsBefore(text, given.end, tokens[k + 2])) return null;
  if (!titleEndingAt(text, t.start, data)) return null;
  return { start: t.start, end: given.end };
}

/**
 * 副省长|孙/zg|勇为/v|…授牌: a two-character name right after a title whose given-name character jieba
 * read with the word after the name (为, 在, 说…) as one word: the surname and that character.
 */
function givenNameGluedAfter(text: string, tokens: readonly Token[], tokIdx: Int32Array, t: Token, data: NerData): Interval | null {
  const lex = data.lexicon;
  if (t.end - t.start !== 1 || FUNCTION_TAGS.has(t.tag) || !lex.surnameRank[text.charCodeAt(t.start)] || !titleEndingAt(text, t.start, data)) return null;
  const glued = tokens[tokIdx[t.end]];
  if (!glued || glued.start !== t.end || glued.end !== t.end + 2 || !WORD_AFTER_NAME_CHARS.has(text.charCodeAt(t.end + 1)) || TOGETHER_WORDS.has(glued.word)) return null;
  return (lex.givenNameBucket[text.charCodeAt(t.end)] ?? 0) >= 2 ? { start: t.start, end: t.end + 1 } : null;
}

/**
 * 省长叶/x|建春/vn|作: jieba's HMM glued the surname to the title before it; the name is that surname
 * and the next one- or two-character word of common given-name characters, before what ends a name.
 */
function surnameGluedToTitle(text: string, tokens: readonly Token[], tokIdx: Int32Array, t: Token, data: NerData): Interval | null {
  const at = t.end - 1;
  if (t.tag !== 'x' || t.end - t.start < 3 || !data.lexicon.surnameRank[text.charCodeAt(at)] || titleEndingAt(text, at, data) < at - t.start) return null;
  const given = tokens[tokIdx[t.end]];
  if (!given || given.start !== t.end || given.end - given.start > 2 || NO_GIVEN_NAME_TAGS.has(given.tag) || !commonGivenName(text, given, data) || data.lexicon.titles.has(given.word)) return null;
  return nameEndsBefore(text, given.end, tokens[tokIdx[given.end]]) ? { start: at, end: given.end } : null;
}

/**
 * 主任|何勇: jieba reads 主任何勇 as 主/b 任何/r 勇 ("any"); after 主 the 任 closes the title 主任 and
 * 何 is the surname, with a one- or two-character given name before what ends a name.
 */
function nameAfterZhuRen(text: string, tokens: readonly Token[], tokIdx: Int32Array, t: Token, data: NerData): Interval | null {
  if (t.word !== '任何' || text[t.start - 1] !== '主') return null;
  const given = tokens[tokIdx[t.end]];
  if (!given || given.start !== t.end || given.end - given.start > 2 || NO_GIVEN_NAME_TAGS.has(given.tag) || !commonGivenName(text, given, data)) return null;
  return nameEndsBefore(text, given.end, tokens[tokIdx[given.end]]) ? { start: t.start + 1, end: given.end } : null;
}

export function findPersonsByContext(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  for (const t of tokens) {
    const afterZhuRen = nameAfterZhuRen(text, tokens, tokIdx, t, data) ?? surnameGluedToTitle(text, tokens, tokIdx, t, data);
    if (afterZhuRen) { out.push(afterZhuRen); continue; }
    let name = nameAt(text, tokens, tokIdx, t.start, data) ?? properNameAfterTitle(text, tokens, tokIdx, t, data) ?? surnameWordAfterTitle(text, tokens, tokIdx, t, data)
      ?? givenNameGluedAfter(text, tokens, tokIdx, t, data);
    if (!name || comingToAbbreviation(text, name.start, name.end, data) || unitBeforeTitle(text, name.start, name.end, data)) continue;
    // 习近平主席|和普京/nz|总统: 和 (a surname too) joins two titled names; the second name follows it.
    if (name.end - name.start >= 3 && /[和与同及跟]/.test(text[name.start]) && titleEndingAt(text, name.start, data)) name = { start: name.start + 1, end: name.end };
    // title + name; 海军大校|施毅 (a military rank); 省领导|陈奕君、卢山 (the leaders of a level, named after it)
    if (titleEndingAt(text, t.start, data) || RANK_BEFORE.test(text.slice(Math.max(0, t.start - 2), t.start)) || (name.start === t.start && text.startsWith('领导', t.start - 2))) { out.push(name); continue; }
    // name + title / 同志; not a body's short name before its title's holder (中国商飞|董事长|贺东风).
    const title = titleStartingAt(text, name.end, data);
    if (title && name.end + title < text.length && nameAt(text, tokens, tokIdx, name.end + title, data)) continue;
    if ((title || startsWithFollower(text, name.end)) && isHan(text[name.end - 1])) out.push(name);
  }
  return out;
}

/** A person appointed to a title: the name between the verb and 为 (任命刘华为…副省长, 提名王小明为…主任). */
const APPOINTED_PERSON = /(?:任命|提名|推荐|选举|聘任|聘请)([\u4e00-\u9fff]{2,4}?)为/g;

/**
 * Persons named by an appointment (决定任命刘华为江苏省人民政府副省长): two to four characters starting
 * with a surname between the verb and 为, when a title phrase follows 为 in the clause. jieba may read
 * the name's last character with 为 as a word (刘|华为), and the company list would take it.
 */
export function findAppointedPersons(text: string, data: NerData): Interval[] {
  const out: Interval[] = [];
  if (text.indexOf('为') < 0) return out;
  const lex = data.lexicon;
  for (const m of text.matchAll(APPOINTED_PERSON)) {
    const name = m[1];
    const start = m.index! + m[0].length - 1 - name.length;
    const surname = compoundSurnameAt(lex, name.charCodeAt(0), name.charCodeAt(1)) ? 2 : lex.surnameRank[name.charCodeAt(0)] ? 1 : 0;
    if (!surname || name.length - surname < 1 || name.length - surname > 2) continue;
    // A title ends the clause's words after 为 (…副省长；, …主任。).
    const after = m.index! + m[0].length;
    const clause = /^[^，,。；;、]{1,30}/.exec(text.slice(after))?.[0] ?? '';
    let titled = false;
    for (let e = after + clause.length; e > after + 1 && !titled; e--) titled = titleEndingAt(text, e, data) > 0;
    if (titled) out.push({ start, end: start + name.length });
  }
  return out;
}

/** Characters that end names of things, never given names (data/ner/non-name-final-chars.txt). */
export const nonNameFinalChars: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'non-name-final-chars.txt').map((l) => l.trim())),
);

/** Labels of a byline or credit line: (记者 盛游), (央广网记者 沈梅 摄), 编辑:林馥榆. */
const BYLINE_LABEL = /(记者|通讯员|编辑|责任编辑|责编|作者|摄影)([ \u3000]?|[:：][ \u3000]?)$/;
/** An earlier credit on the line, then a space: label, names, space (记者 陈涛 |通讯员 周颖). */
const CREDIT_BEFORE = /(?:^|[\n(（【])[\u4e00-\u9fff]{0,6}(?:记者|通讯员|编辑|责任编辑|责编|作者|摄影)[ \u3000:：]*[\u4e00-\u9fff]{2,4}(?:[ \u3000、][\u4e00-\u9fff]{2,4})*[ \u3000]+$/;
/** Reporter roles are the person's position when written as a title (记者沈梅), not as a field label (编辑:). */
const BYLINE_POSITIONS = new Set(['记者', '通讯员']);
/** What may follow the name in a byline: its end, a space, a closing bracket, a list comma, 摄 (photo by). */
const BYLINE_AFTER = /^(?:$|[\s)）】、，,;；]|摄)/;

const BYLINE_LABEL_LAST = new Set([...'者员辑编作影'].map((c) => c.charCodeAt(0)));
const BYLINE_GAP = new Set([...' \u3000:：'].map((c) => c.charCodeAt(0)));
/** Whether a BYLINE_LABEL match could end at `at`: a label's last character within three before it. */
function bylineLabelMayEndBefore(text: string, at: number): boolean {
  for (let j = at - 1; j >= 0 && j >= at - 3; j--) {
    const c = text.charCodeAt(j);
    if (BYLINE_LABEL_LAST.has(c)) return true;
    if (!BYLINE_GAP.has(c)) return false;
  }
  return false;
}

export interface Byline { person: Interval; position?: Interval }

/**
 * Names in bylines and credit lines, which title rules miss because a space or colon separates the
 * label from the name. The label opens the line or follows an opening bracket; a media name may
 * come before 记者 (央广网记者), and the position then includes it.
 */
export function findBylines(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Byline[] {
  const out: Byline[] = [];
  for (const t of tokens) {
    // Every label ends in one of 者员辑编作影, maybe followed by a colon and a space: most tokens stop here.
    if (!bylineLabelMayEndBefore(text, t.start)) continue;
    const before = text.slice(Math.max(0, t.start - 12), t.start);
    const label = BYLINE_LABEL.exec(before);
    if (!label) continue;
    const labelStart = t.start - label[0].length;
    // What precedes the label on its line: nothing, an opening bracket, or a media name after one;
    // or an earlier credit of the same line and a space (杭州日报记者 陈涛 通讯员 周颖).
    const lead = /(?:^|[\n(（【])([\u4e00-\u9fff]{0,6})$/.exec(text.slice(Math.max(0, labelStart - 8), labelStart))
      ?? (CREDIT_BEFORE.test(text.slice(Math.max(0, labelStart - 40), labelStart)) ? ['', ''] : null);
    if (!lead) continue;
    const name = nameAt(text, tokens, tokIdx, t.start, data);
    if (!name || !BYLINE_AFTER.test(text.slice(name.end, name.end + 1))) continue;
    if (name.end - name.start < 2) continue;
    const role = label[1];
    const position = BYLINE_POSITIONS.has(role) && !label[2].startsWith(':') && !label[2].startsWith('：')
      ? { start: labelStart - lead[1].length, end: labelStart + role.length } : undefined;
    out.push(position ? { person: name, position } : { person: name });
    // （记者 李四 王五）, 记者 李四、王五: the label credits every name of the list.
    for (let k = 0, end = name.end; k < 5; k++) {
      const sep = /^[ \u3000、]/.test(text.slice(end, end + 1)) ? end + 1 : -1;
      const more = sep > 0 ? nameAt(text, tokens, tokIdx, sep, data) : null;
      if (!more || more.start !== sep || more.end - more.start < 2 || !BYLINE_AFTER.test(text.slice(more.end, more.end + 1))) break;
      out.push({ person: more });
      end = more.end;
    }
  }
  return out;
}

/** jieba "names" that are a surname + a far more frequent common word (高水平): data/ner/common-nr-words.txt. */
export const commonNrWords: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'common-nr-words.txt').map((l) => l.trim())),
);

/** Nouns that make the word before them the name of a thing (太湖龙之梦项目), not of a person. */
export const THING_AFTER_NAME = ['项目', '工程', '品牌', '小镇', '景区'];

/**
 * Characters that spell foreign names in Chinese transliteration (弗兰克林, 马尔蒂尼, 赫里斯坚科): the
 * standard syllable characters of the Xinhua transliteration tables.
 */
const TRANSLITERATION = new Set([...
  '阿埃艾爱安昂奥巴拜班邦保鲍贝本比彼毕宾波伯博布查察达戴丹道德登迪蒂丁杜多厄恩尔法凡菲费芬丰弗福盖甘冈戈格贡古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰捷金卡凯坎康柯科克肯库夸奎拉莱赖兰朗劳勒雷蕾里利莉列林琳隆卢鲁路伦罗洛马玛迈麦曼梅蒙米密敏莫姆穆纳娜奈南内尼涅宁纽努诺欧帕佩彭皮普奇齐恰乔切琴丘萨塞桑瑟森沙莎舍施斯松苏索塔泰坦汤唐特提图托瓦万威韦维温沃乌伍西希锡夏谢辛休雅亚扬耶伊因尤约泽扎詹兹卓娅娃丝茨坚夫契什芭默']);

export const foreignSpelled = (s: string) => s.length > 0 && [...s].every((c) => TRANSLITERATION.has(c));

/**
 * A transliterated name the tagger cut short (马尔蒂|尼 inside 马尔蒂尼/nrt, 赫里斯|坚科/x): a person
 * span spelt in transliteration characters grows to the end of the name word it stops inside, or over
 * one short unknown word spelt the same way right after it.
 */
export function extendTransliteratedNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array): S[] {
  return spans.map((s, i) => {
    // With a dot, its last part is what may be cut short (穆罕默德·阿布纳|扬: 罕 is no syllable character).
    const name = text.slice(s.start, s.end);
    if (s.type !== 'PER' || s.end - s.start < 2 || !foreignSpelled(name.slice(name.lastIndexOf('·') + 1))) return s;
    const next = spans[i + 1];
    const limit = next && next.start >= s.end ? next.start : text.length;
    // 基|辛格 inside 基辛格/n: a name the tagger started inside a word spelt in transliteration starts with the word.
    const first = tokens[tokIdx[s.start]];
    const prev = spans[i - 1];
    let start = s.start;
    if (first && first.start < s.start && first.end >= s.end && foreignSpelled(first.word) && !(prev && prev.end > first.start)) start = first.start;
    const t = tokens[tokIdx[s.end - 1]];
    let end = s.end;
    if (t && t.end > end && t.start < end && /^(?:nr|nrt|nrfg|x)$/.test(t.tag) && foreignSpelled(text.slice(end, t.end))) end = t.end;
    else {
      const after = tokens[tokIdx[end]];
      // (or one more syllable of its own before punctuation: 芭芭拉·弗兰克|林/ng 。)
      if (after && after.start === end && foreignSpelled(after.word)
        // (any one-character word once the name has its dot: 穆罕默德·阿布纳|扬/vg ，)
        && ((after.tag === 'x' && after.word.length <= 2) || (after.word.length === 1 && (/^(?:ng|n|nr|nrt|g)$/.test(after.tag) || name.includes('·')) && /^(?:[，。、；：！？）」”]|$)/.test(text.slice(after.end, after.end + 1)))
          // (or a syllable jieba read as a word of its own before the name's verb: 西雅尔|托/v 出席/v, 拉克|森/n 参观)
          || (after.word.length === 1 && /^(?:v|n|ng|vg)$/.test(after.tag) && isVerbWord(tokens[tokIdx[after.end]], after.end))
          // (a dotted name's last syllable of any tag before a word of two characters or more: 萨基·姆韦|兹/rg|递交国书/n)
          || (after.word.length === 1 && name.includes('·') && predicateWordAt(tokens[tokIdx[after.end]], after.end)))) end = after.end;
    }
    if (end > s.end && end <= limit) return { ...s, start, end };
    return start < s.start ? { ...s, start } : s;
  });
}

/** Whether the token at `start` starts there and is a verb of two characters or more (出席, 表示; jieba tags 参观 n). */
function isVerbWord(t: Token | undefined, start: number): boolean {
  return !!t && t.start === start && (t.tag === 'v' || t.tag === 'vn' || VERB_READ_AS_NOUN.has(t.word)) && t.word.length >= 2;
}

/** Whether the token at `start` starts there and is a verb, noun or set phrase of two characters or more (递交国书/n, 率领/v). */
function predicateWordAt(t: Token | undefined, start: number): boolean {
  return !!t && t.start === start && /^(?:v|vn|n|l|i)$/.test(t.tag) && t.word.length >= 2;
}

/** Verbs of what persons do that jieba tags as nouns. */
const VERB_READ_AS_NOUN = new Set(['参观', '访问', '讲话', '发言', '致辞']);

/** 马皮萨-恩卡库拉: two transliterated names joined by a hyphen are one (a double surname). */
export function hyphenJoinedNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string): S[] {
  const out: S[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.type === 'PER' && s.type === 'PER' && s.start === last.end + 1 && /[-－‐]/.test(text[last.end])
      && foreignSpelled(text.slice(last.start, last.end)) && foreignSpelled(text.slice(s.start, s.end))) out[out.length - 1] = { ...last, end: s.end };
    else out.push(s);
  }
  return out;
}

/**
 * 让-诺埃尔·巴罗, 让-克洛德·容克: a foreign name with a hyphenated first name the tagger began after
 * the hyphen starts with the one or two characters before it, when a title, punctuation or 了 stands before them.
 */
export function hyphenatedFirstNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array): S[] {
  return spans.map((s, i) => {
    if (s.type !== 'PER' || !/[-－‐]/.test(text[s.start - 1] ?? '') || !text.slice(s.start, s.end).includes('·')) return s;
    const prev = spans[i - 1];
    for (const n of [1, 2]) {
      const at = s.start - 1 - n;
      if (at < 0 || !/^[\u4e00-\u9fff]+$/.test(text.slice(at, s.start - 1)) || (prev && prev.end > at)) break;
      const before = tokens[tokIdx[at - 1]];
      if (at === 0 || /[，,、：:（(“\s了]/.test(text[at - 1]) || (before && before.end === at && TITLE_END.test(before.word))) return { ...s, start: at };
    }
    return s;
  });
}

/** How a title word ends (外交部长, 总统, 主席): what may stand right before a foreign name. */
const TITLE_END = /(?:长|总统|总理|主席|首相|大使|秘书|议员|代表|女士|先生)$/;

/** One-character heads that make the name before them a place (丘布特|省, 苏扎克|区, 马拉若|岛). */
const PLACE_HEAD_AFTER_NAME = /^(?:[省州县市区镇乡村岛]|大区)$/;
/** Heads of waters and islands a tagger "person" may end with, jieba reading them apart (库卡尔特|河). */
const NATURAL_HEAD = /^[河湖岛江]$/;

/**
 * Places the tagger read as persons: a name followed by an administrative head that jieba reads as
 * a word of its own (苏扎克|区, 阿尔萨斯|大区), or a name ending in such a head of waters or islands
 * (库卡尔特|河). The span becomes a place with its head.
 */
export function placesReadAsPersons<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array): S[] {
  return spans.map((s, i) => {
    if (s.type !== 'PER' || s.end - s.start < 2) return s;
    const after = tokens[tokIdx[s.end]];
    const next = spans[i + 1];
    if (after && after.start === s.end && PLACE_HEAD_AFTER_NAME.test(after.word) && !(next && next.start < after.end)) return { ...s, type: 'LOC', end: after.end };
    const last = tokens[tokIdx[s.end - 1]];
    if (s.end - s.start >= 3 && last && last.start === s.end - 1 && last.end === s.end && NATURAL_HEAD.test(last.word)) return { ...s, type: 'LOC' };
    return s;
  });
}

/** Verbs whose subject is a place (帕塔亚|位于 泰国). */
const PLACE_PREDICATES = new Set(['位于', '地处', '坐落', '坐落于', '毗邻', '接壤', '濒临', '地跨', '隶属']);

/** jieba's person tags (nr, nrt transliterated, nrfg full name). */
const PERSON_TAGS = new Set(['nr', 'nrt', 'nrfg']);

/**
 * Persons the tagger read as places: a tagger place that is exactly one word jieba tags as a
 * person's name (克林顿/nr, 麦克阿瑟/nrt), that no gazetteer or lexicon knows as a place, and that
 * stands as the subject of a verb (克林顿|说). jieba tags many foreign places nr too, so a place
 * after a preposition or verb (抵达|卡拉奇) or before 位于 stays a place.
 */
export function personsReadAsPlaces<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  return spans.map((s) => {
    if (s.type !== 'LOC' || s.end - s.start < 2) return s;
    const t = tokens[tokIdx[s.start]];
    if (!t || t.start !== s.start || t.end !== s.end || !PERSON_TAGS.has(t.tag)) return s;
    if (data.lexicon.places.has(t.word) || data.placeIndex.has(t.word)) return s;
    // As a subject: a verb follows (克林顿|说), and no preposition or verb of going comes before it.
    const next = tokens[tokIdx[s.end]], prev = s.start > 0 ? tokens[tokIdx[s.start - 1]] : undefined;
    if (!next || next.start !== s.end || next.tag !== 'v' || PLACE_PREDICATES.has(next.word) || (prev && (prev.tag === 'p' || prev.tag === 'v'))) return s;
    return { ...s, type: 'PER' };
  });
}

/** First characters of Japanese surnames ending in 村 (中村, 木村, 田村, 野村…): those two characters name a person. */
const JAPANESE_MURA_FIRST = new Set([...'中木田野北西松川今冈岡上下吉河奥竹志植市大小三藤']);
/** Heads of villages and towns, and of administrative areas: no person's name in People's Daily ends in one. */
const VILLAGE_HEADS = new Set([...'村镇']);
const AREA_HEADS = new Set([...'区县市省港湾岛']);

/**
 * Places the tagger read as persons (鲁家村, 余村, 石桥镇; in the editor also 高新区/nr): no person's name
 * in People's Daily ends in 村, 镇, 区, 县, 市 or 省, and places end so often. A Japanese surname (木村,
 * 中村) stays a person. (Under its own conventions the areas are left to the tagger: retyping them cost
 * a name in cross-validation.)
 */
export function placeHeadsReadAsPersons<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, bio: boolean): S[] {
  return spans.map((s) => {
    if (s.type !== 'PER' || s.end - s.start < 2) return s;
    const last = text[s.end - 1];
    if (!VILLAGE_HEADS.has(last) && (bio || !AREA_HEADS.has(last))) return s;
    if (last === '村' && s.end - s.start === 2 && JAPANESE_MURA_FIRST.has(text[s.start])) return s;
    return { ...s, type: 'LOC' };
  });
}

/**
 * A name whose given name is a place word, in a list of persons (吴忠琼、庄兆林、任|珠峰/ns 出席): a
 * surname jieba read apart right before a two-character tagger place that is a whole list item, next
 * to a tagger person item, is that person. Towns the tagger read as persons (金塘镇/x) are places.
 */
export function listedNamesAndTowns<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  const itemEdge = (c: string | undefined) => c === undefined || c === '、' || c === '，' || c === ',';
  return spans.map((s, i) => {
    const t = tokens[tokIdx[s.start]];
    // 金塘镇/x, 刘集/x|乡/n: an unknown word ending in a township's head, or followed by it as a word of its own.
    const last = tokens[tokIdx[s.end - 1]];
    if (s.type === 'PER' && s.end - s.start === 3 && t && t.start === s.start && t.tag === 'x' && /[镇乡]$/.test(text.slice(s.start, s.end))
      && (t.end === s.end || (t.end === s.end - 1 && last && last.start === s.end - 1 && last.end === s.end && /^n/.test(last.tag) && !last.tag.startsWith('nr')))) return { ...s, type: 'LOC' };
    if (s.type !== 'LOC' || s.end - s.start !== 2 || !t || t.start !== s.start || t.end !== s.end) return s;
    const sur = tokens[tokIdx[s.start - 1]];
    if (!sur || sur.end !== s.start || sur.start !== s.start - 1 || !data.lexicon.surnames.has(sur.word) || (i > 0 && spans[i - 1].end > sur.start)) return s;
    if (!itemEdge(text[sur.start - 1]) && sur.start !== 0) return s;
    const prev = spans[i - 1], next = spans[i + 1];
    const listedAfter = text[sur.start - 1] === '、' && prev?.type === 'PER' && prev.end === sur.start - 1;
    const listedBefore = text[s.end] === '、' && next?.type === 'PER' && next.start === s.end + 1;
    return listedAfter || listedBefore ? { ...s, type: 'PER', start: sur.start } : s;
  });
}

/** What may end a person's item in a list of names (the next mark, a conjunction, the clause's end, 以/在/分别). */
const LIST_ITEM_END = /^(?:[、，,。；;和及与]|等|以|在|分别|均|也|都|同|为)/;

/**
 * 李亚莉、曾/d|秀/ag|君/nz 以11秒37: the item after a person and a list mark, a surname and one or two
 * given-name characters up to what ends an item, is a person too, however jieba broke it up. Items
 * that are known places, bodies or titles, or that some span already covers, stay as they are.
 */
export function listedPersons<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, make: (start: number, end: number) => S): S[] {
  const lex = data.lexicon;
  const out = [...spans].sort((a, b) => a.start - b.start);
  // (Spans in order: an item after out[i] can only overlap the spans after it, one before it those before.)
  // (张勇、黄/LOC|敏，: a one-character reading of the tagger's inside the item yields to the name.)
  const strayInside = (x: S, start: number, end: number) => x.start >= start && x.end <= end && x.end - x.start === 1 && x.type !== 'PER';
  const dropStraysAfter = (i: number, end: number) => {
    while (i + 1 < out.length && out[i + 1].start < end && strayInside(out[i + 1], out[i].end, end)) out.splice(i + 1, 1);
  };
  const coveredAfter = (i: number, end: number) => i + 1 < out.length && out[i + 1].start < end;
  const coveredBefore = (i: number, start: number) => i > 0 && out[i - 1].end > start;
  // (商务|及经济发展局: a common word jieba knows, or one running past the item, is no name.)
  const oneWord = (start: number, end: number) => {
    const t = tokens[tokIdx[start]];
    return !!t && t.start === start && t.end === end && !t.tag.startsWith('nr') && t.tag !== 'x';
  };
  const crossesItemEnd = (end: number) => { const t = tokens[tokIdx[end - 1]]; return !!t && t.end > end; };
  const nameOk = (at: number, end: number) => {
    const name = text.slice(at, end);
    return [...name].every((c) => isHan(c)) && !!lex.surnameRank[name.charCodeAt(0)] && [...name.slice(1)].every((c) => !!lex.givenNameBucket[c.charCodeAt(0)])
      && !knownPlaceName(name, data) && !lex.orgs.has(name) && !lex.titles.has(name) && !oneWord(at, end) && !crossesItemEnd(end);
  };
  // (…，曾秀君、李亚莉以…: the item before a person, after a mark that opens an item.)
  for (let i = out.length - 1; i >= 0; i--) {
    const s = out[i];
    if (s.type !== 'PER' || text[s.start - 1] !== '、') continue;
    const end = s.start - 1;
    for (const len of [3, 2]) {
      const at = end - len;
      if (at < 0 || !(at === 0 || /[、，,：:；;\s（(“]/.test(text[at - 1]))) continue;
      if (nameOk(at, end) && !coveredBefore(i, at)) out.splice(i, 0, make(at, end));
      break;
    }
  }
  for (let i = 0; i < out.length; i++) {
    const s = out[i];
    if (s.type !== 'PER' || text[s.end] !== '、') continue;
    const at = s.end + 1;
    for (const len of [3, 2]) {
      const name = text.slice(at, at + len);
      if (name.length !== len || !LIST_ITEM_END.test(text.slice(at + len, at + len + 2))) continue;
      if (nameOk(at, at + len)) {
        dropStraysAfter(i, at + len);
        if (!coveredAfter(i, at + len)) out.splice(i + 1, 0, make(at, at + len));
      }
      break;
    }
  }
  return out;
}

/** A credit in brackets with a role word and names parted by spaces or 、 (（记者 李明 通讯员 张华）, （记者 吴雨 张千千）). */
const BRACKETED_CREDIT = /[（(]\s*((?:本报|新华社)?(?:记者|通讯员|实习生|见习记者)[\s\u3000]*[^（()）\n]{1,40}?(?:[\s\u3000、]+(?:(?:记者|通讯员|实习生|见习记者)[\s\u3000]*)?[^（()）\s\u3000、\n]{1,20}?)*)[）)]/g;
/** Role words that open a credit's parts (本报记者, 通讯员). */
const CREDIT_ROLE_START = /^(?:本报|新华社)?(?:见习记者|记者|通讯员|实习生)/;
/** A reporter's dateline credit: 记者 + names joined by 、 + 报道 (电记者王霞光、李长云报道). */
const REPORTER_CREDIT = /记者((?:[\u4e00-\u9fff]{2,4}、){0,3}[\u4e00-\u9fff]{2,4}?)(?:报道|采写|摄影?报道|(?<=[（(]记者[^（()）]*)[）)])/g;

/**
 * Reporters named in a dateline credit (本报波恩5月25日电记者江建国报道, 电（记者张晓松、朱基钗）): each
 * name between 记者 and 报道 or the closing bracket that starts with a surname and is two to three
 * characters long (four with a compound surname).
 */
export function findReporterCredits(text: string, data: NerData): Interval[] {
  const out: Interval[] = [];
  /** A surname (or compound surname) and one or two given-name characters. */
  const isName = (n: string) => {
    const sur = data.lexicon.compoundSurnames.has(n.slice(0, 2)) ? 2 : data.lexicon.surnames.has(n[0]) ? 1 : 0;
    return sur > 0 && n.length - sur >= 1 && n.length - sur <= 2;
  };
  // （记者 李明 通讯员 张华）: every name of a bracketed credit, whatever role words and spaces part them.
  for (const m of text.matchAll(BRACKETED_CREDIT)) {
    const inner = m[1];
    const base = m.index! + 1;
    const parts = [...inner.matchAll(/[\u4e00-\u9fff]+/g)].flatMap((w) => {
      // A role word glued to the name (通讯员张华) is cut off.
      const role = CREDIT_ROLE_START.exec(w[0]);
      const at = w.index! + (role ? role[0].length : 0);
      return at < w.index! + w[0].length ? [{ start: base + at, text: w[0].slice(role ? role[0].length : 0) }] : [];
    });
    if (parts.length === 0 || !parts.every((p) => isName(p.text))) continue;
    for (const p of parts) out.push({ start: p.start, end: p.start + p.text.length });
  }
  for (const m of text.matchAll(REPORTER_CREDIT)) {
    let at = m.index! + 2;
    const names = m[1].split('、');
    if (!names.every(isName)) continue;
    for (const n of names) {
      out.push({ start: at, end: at + n.length });
      at += n.length + 1;
    }
  }
  return out;
}

/** Tags of a one-character word that is no given-name character (说/v, 在/p, 和/c, 的/uj). */
const NOT_GIVEN_TAGS = new Set(['v', 'vn', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'd', 'r', 'f', 'm', 'a', 'ad', 'y', 'e', 'o', 'x']);
/** What may follow a full name: punctuation, a form of address or a title (赵国钧|少将, 王运熙|和). */
const AFTER_FULL_NAME = /^[、，。；：:）)」”》]/;

/**
 * A Chinese name the tagger or the title rule cut after its first given-name character, jieba having
 * read the second as a word of its own (赵国|钧/q 少将, 徐起|超/、): the name takes that character when
 * punctuation or a title follows it and the character is a frequent given-name character.
 */
export function extendTwoCharacterNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  const lex = data.lexicon;
  return spans.map((s, i) => {
    if (s.type !== 'PER' || s.end - s.start !== 2 || !lex.surnames.has(text[s.start]) || lex.compoundSurnames.has(text.slice(s.start, s.end))) return s;
    const last = tokens[tokIdx[s.end - 1]], t = tokens[tokIdx[s.end]];
    // 李家|超/v 今日: jieba reads surname + 家 as a family (李家, 王家) and the last given-name
    // character as a word of its own, often a verb; such a name takes it before a time word too.
    const family = text[s.start + 1] === '家';
    if (!last || last.end !== s.end || !t || t.start !== s.end || t.end !== s.end + 1 || (NOT_GIVEN_TAGS.has(t.tag) && !(family && t.tag === 'v')) || !isHan(t.word)) return s;
    if ((lex.givenNameBucket[t.word.charCodeAt(0)] ?? 0) < 2) return s;
    const next = spans[i + 1];
    if (next && next.start <= s.end) return s;
    const after = text.slice(t.end, t.end + 4);
    const follower = tokens[tokIdx[t.end]];
    const followerOk = follower && follower.start === t.end && (lex.titles.has(follower.word) || (family && (follower.tag === 't' || follower.tag === 'p')));
    if (!(AFTER_FULL_NAME.test(after) || followerOk)) return s;
    return { ...s, end: t.end };
  });
}

/** Words that end a name's clause right after it (郑咏|是, 蒋天才|的, 朱力行|已经, 习近平|近日): verbs of saying and being, particles, adverbs, time words. */
const AFTER_NAME_TAGS = new Set(['uj', 'ul', 'uz', 'v', 'd', 'p', 'c', 't']);

/**
 * A name the tagger cut to its surname alone, jieba having read the given name as a word of its own
 * (郑|咏 是, 蒋|天才 的, 朱|力行 已经): the name takes the next one- or two-character word when all its
 * characters are given-name characters and a particle, verb, adverb or punctuation follows it.
 */
export function extendSurnameOnlyNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  const lex = data.lexicon;
  return spans.map((s, i) => {
    if (s.type !== 'PER' || s.end - s.start !== 1 || !lex.surnameRank[text.charCodeAt(s.start)]) return s;
    const t = tokens[tokIdx[s.end]];
    if (!t || t.start !== s.end || t.end - t.start > 2 || lex.titles.has(t.word)) return s;
    for (let j = t.start; j < t.end; j++) if (!isHan(text[j]) || !lex.givenNameBucket[text.charCodeAt(j)]) return s;
    const next = spans[i + 1];
    if (next && next.start < t.end) return s;
    const follower = tokens[tokIdx[t.end]];
    if (!(AFTER_FULL_NAME.test(text.slice(t.end, t.end + 1)) || (follower && follower.start === t.end && AFTER_NAME_TAGS.has(follower.tag)))) return s;
    return { ...s, end: t.end };
  });
}

/** Words joining two persons the tagger may read as one name (马克龙|为|习近平). */
const JOINING_CHARS = new Set([...'为和与同跟向对给在及'].map((c) => c.charCodeAt(0)));

/**
 * A tagger person of five characters or more that ends with a joining word (为, 和, 与…) and a name
 * jieba knows (马克龙为习近平: 习近平/nrfg) is two persons, the known name and what comes before the
 * joining word. Transliterations with a dot are left alone.
 */
export function splitJoinedPersons<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array): S[] {
  const out: S[] = [];
  for (const s of spans) {
    const last = s.type === 'PER' && s.end - s.start >= 5 ? tokens[tokIdx[s.end - 1]] : undefined;
    if (!last || last.end !== s.end || last.start - s.start < 3 || last.end - last.start < 2 || !PERSON_TAGS.has(last.tag) || /[·.•]/.test(text.slice(s.start, s.end))) {
      out.push(s);
      continue;
    }
    if (!JOINING_CHARS.has(text.charCodeAt(last.start - 1))) {
      out.push(s); // 拉特纳|亚克/nr: one transliteration
      continue;
    }
    out.push({ ...s, end: last.start - 1 }, { ...s, start: last.start });
  }
  return out;
}

/**
 * 主席|和/c|米莱/nrt|总统, 主席|同卢拉/x|总统: a tagger person that opens with a one-character
 * conjunction, right after a title, is the name after it (和 is also a surname: 和万春 elsewhere stays whole).
 */
export function conjunctionBeforeName<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  return spans.map((s) => {
    const first = s.type === 'PER' ? tokens[tokIdx[s.start]] : undefined;
    if (!first || first.start !== s.start || !JOINING_CHARS.has(text.charCodeAt(s.start)) || !titleEndingAt(text, s.start, data)) return s;
    // 主席|同卢拉/x|总统, 主席|和普京/nz|总统: jieba glued the conjunction on; a title after the name says it is two.
    if ((first.tag === 'x' || first.tag === 'nz') && first.end === s.end && s.end - s.start >= 3 && titleStartingAt(text, s.end, data)) return { ...s, start: s.start + 1 };
    const rest = tokens[tokIdx[first.end]];
    if (first.end !== s.start + 1 || first.tag !== 'c' || !rest || rest.start !== first.end || rest.end !== s.end || s.end - rest.start < 2 || !PERSON_TAGS.has(rest.tag)) return s;
    return { ...s, start: rest.start };
  });
}

/** Known persons (data/ner/known-persons.txt) as a trie, with the first characters that can start one. */
export const knownPersons: (dataDir: string) => { trie: CharTrie; first: Uint8Array } = perDataDir((dataDir) => {
  const names = nerDataLines(dataDir, 'known-persons.txt').flatMap((l) => l.trim().split(/\s+/));
  return { trie: CharTrie.of(names), first: unitSet(names, 'first') };
});

/** Prepositions and conjunctions jieba glues onto a name's last character (韩正在 → 韩|正在). */
export const GLUED_AFTER_NAME: ReadonlySet<string> = new Set([...'在对向同与和就于']);

/**
 * Known persons written bare (谌贻琴主持, 李强出席会议): a listed name that starts and ends where jieba's
 * words do, with punctuation, a verb, a preposition, an adverb or a title after it.
 */
export function findKnownPersons(text: string, tokens: readonly Token[], tokIdx: Int32Array, dataDir: string, data: NerData): Interval[] {
  const { trie, first } = knownPersons(dataDir);
  const out: Interval[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!first[t.word.charCodeAt(0)]) continue;
    const len = trie.longestAt(text, t.start);
    if (len === 0) continue;
    const end = t.start + len;
    const next = tokens[tokIdx[end]];
    // (韩正|在: a known name whose last character jieba took into 正在 ends before the preposition;
    // 信长星|作 动员讲话: or into 星作, before 作 "gives" a speech or report.)
    const gluedPreposition = !!next && next.start < end && next.start >= t.start && next.end === end + 1
      && (GLUED_AFTER_NAME.has(text[end]) || (text[end] === '作' && AFTER_GLUED_ZUO.test(text.slice(end + 1, end + 5))));
    if (!gluedPreposition) {
      if (end < text.length && (!next || next.start !== end)) continue;
      // (…、李希、韩正等参加: 等 closes a list of names; 习近平/nrfg 同卢拉/x: jieba reads the name whole, whatever it glued after.)
      const jiebaName = t.end === end && /^(?:nr|nrfg)$/.test(t.tag);
      if (!jiebaName && !nameEndsBefore(text, end, next) && !(next && (data.lexicon.titles.has(next.word) || startsWithFollower(text, end) || next.word === '等'))) continue;
    }
    out.push({ start: t.start, end });
    while (k + 1 < tokens.length && tokens[k + 1].start < end) k++;
  }
  return out;
}

/** Tags of a word that does not continue a name: verbs, idioms, adverbs, prepositions, conjunctions, particles. */
const NOT_NAME_WORD_TAGS = new Set(['v', 'vn', 'vd', 'i', 'l', 'd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'ug', 'ud', 'uv', 'ad', 'y']);

/**
 * A person the tagger ended inside a word that starts within it, where that word is a verb, an
 * idiom or a function word running on past the name (卢拉|举行会谈 read 卢拉举): the name ends where
 * the word starts, if two characters or more remain.
 */
export function namesEndingInsideVerbs<S extends { type: string; start: number; end: number }>(spans: readonly S[], tokens: readonly Token[], tokIdx: Int32Array): S[] {
  return spans.map((s) => {
    if (s.type !== 'PER') return s;
    const t = tokens[tokIdx[s.end - 1]];
    // Two characters or more of the word past the name: where only one is (清|算, 真|的), the tagger's
    // boundary is usually right and jieba's word wrong.
    if (!t || t.start <= s.start || t.start - s.start < 2) return s;
    // 张伟|一同督导: one character into "together" (一同, 一起, 一道, 一并) is no given-name character.
    if (t.end === s.end + 1 && TOGETHER_WORDS.has(t.word)) return { ...s, end: t.start };
    if (t.end < s.end + 2 || !NOT_NAME_WORD_TAGS.has(t.tag)) return s;
    return { ...s, end: t.start };
  });
}

/**
 * Words that open a name's predicate (首先, 前往, 先后…): a three-character tagger name whose last
 * character starts one (刘吉|首先 read 刘吉首) ends before it.
 */
const PREDICATE_OPENERS = new Set(['首先', '前往', '先后', '随后', '随即', '率先', '亲自', '专程', '一行', '来到', '前来', '赶赴']);
/** Verbs a name may run into as one unknown word (刘吉到/x 博罗县, 徐麟任/x 主任): no given name ends so. */
const GLUED_VERB_AFTER_NAME = new Set(['到', '赴', '任', '作']);
/** What follows 作 "gives, makes" glued to a name (应勇作|了|…报告, 作|重要讲话, 作出|部署). */
const AFTER_GLUED_ZUO = /^(?:了|的|出|报告|说明|重要|工作报告|讲话|发言|总结|动员|部署|批示|指示|主旨|专题|辅导)/;

/**
 * Whether the name-like word text[start, end) ends in a verb glued on (刘吉到, 徐麟任 before a title,
 * 应勇作 before 了 or a report): the name is one character shorter.
 */
export function gluedVerbAfterName(text: string, end: number, data: NerData): boolean {
  const last = text[end - 1];
  if (!GLUED_VERB_AFTER_NAME.has(last)) return false;
  if (last === '任') return titleStartingAt(text, end, data) > 0 || titleEndsFirstPiece(text, end, data);
  if (last === '作') return AFTER_GLUED_ZUO.test(text.slice(end, end + 4));
  return true;
}

/** Whether the words from `at` to the first list mark or the clause's end end on a title (任|复旦大学附属华山医院院长；). */
function titleEndsFirstPiece(text: string, at: number, data: NerData): boolean {
  const rest = text.slice(at, at + 40);
  const end = rest.search(/[、，,。；;：:（(\n兼]|职务|一职/);
  return end > 1 && titleEndingAt(text, at + end, data) > 0;
}

/** Military ranks and the services that give them (海军大校, 陆军少将). */
const RANKS = '[上中少]将|[大上中少]校';
const SERVICES = '海军|陆军|空军|火箭军|武警';
/** A military rank right before a name (海军大校|施毅) or after it (施毅|海军大校). */
const RANK_BEFORE = new RegExp(`(?:${RANKS})$`);
/** A rank opening the text after a body (海军|大校施毅: the service of a rank names no body there). */
export const RANK_OPENING = new RegExp(`^(?:${RANKS})`);
/** A rank whose first character a name ran into (王强上|将出席, 李明少|将), then what follows a name. */
export const RANK_AFTER_NAME = new RegExp(`^(?:${RANKS})[，。、：出在表指说会主参强率一和与同等]`);
/** A service branch glued to the name before its rank (施毅海军|大校). */
const BRANCH_BEFORE_RANK = new RegExp(`^(?:${SERVICES})(?:${RANKS})`);
/** A service of the armed forces named alone (海军, 武警). */
export const SERVICE_BRANCH = new RegExp(`^(?:${SERVICES})$`);

/**
 * 边海司|司长, 宣传部/nr|部长, 陆军/nr|参谋长: a unit of a body (a department, a service) before the title
 * of its head, which jieba or the tagger read as a name. (王军|局长 is a name: 军 ends given names.)
 */
export function unitBeforeTitle(text: string, start: number, end: number, data: NerData): boolean {
  const name = text.slice(start, end);
  return (/[部司局处厅办委]$/.test(name) || SERVICE_BRANCH.test(name)) && titleStartingAt(text, end, data) > 0;
}

/** What 曾 "once" is followed by when it opens a predicate. */
const ONCE_AFTER = /^[任在经是于多先获被担参]/;
/** 曾 "once" and its verb read as a name (曾任, 曾在: 曾 is a surname too). */
export const ONCE_AND_VERB = /^曾[任在经是于]$/;

/** Verbs of coming written as one word with the place abbreviation after them (来川, 来京, 到沪, 来华). */
const COMING_TO = /^[来到赴抵]$/;

/** 来川/x, 来京/ns, 到沪: "come to" and a place abbreviation, no person named 来 (a surname too). */
export function comingToAbbreviation(text: string, start: number, end: number, data: NerData): boolean {
  return end - start === 2 && COMING_TO.test(text[start]) && (text[start + 1] === '华' || data.provinceAbbreviations.has(text[start + 1]));
}

/**
 * A name the tagger ran one character into the word after it: into a word opening the predicate
 * (刘吉|首先 → 刘吉首, 刘吉|前往), or with a verb jieba glued on as one unknown word (刘吉到/x|博罗县,
 * 徐麟任/x|主任: 任 "serves as" before a title). The name is its first two or three characters.
 */
export function namesRunIntoPredicates<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  return spans.map((s) => {
    // 一行|来川/x|考察: the place abbreviation, not a person 来川 (nor a place 来京).
    if ((s.type === 'PER' || s.type === 'LOC') && comingToAbbreviation(text, s.start, s.end, data)) return { ...s, type: 'LOC', start: s.start + 1 };
    if (s.type !== 'PER' || s.end - s.start < 3 || s.end - s.start > 4) return s;
    const t = tokens[tokIdx[s.end - 1]];
    if (!t) return s;
    if (t.start === s.end - 1 && t.end === s.end + 1 && PREDICATE_OPENERS.has(t.word)) return { ...s, end: s.end - 1 };
    const next = tokens[tokIdx[s.end]];
    if (t.tag === 'x' && t.start === s.start && t.end === s.end && next && next.start === s.end && gluedVerbAfterName(text, s.end, data)) return { ...s, end: s.end - 1 };
    // 张虎/x|参加/v read 张虎参: the name jieba read ends before the verb its last character opens.
    const first = tokens[tokIdx[s.start]];
    if (s.end - s.start === 3 && t.start === s.end - 1 && t.end === s.end + 1 && t.tag === 'v' && first && first.start === s.start && first.end === s.end - 1
      && (first.tag === 'x' || first.tag.startsWith('nr'))) return { ...s, end: s.end - 1 };
    // 施毅海军|大校: the service branch of the rank after the name.
    if (s.end - s.start >= 4 && BRANCH_BEFORE_RANK.test(text.slice(s.end - 2, s.end + 2))) return { ...s, end: s.end - 2 };
    // 李明曾|任…厅长: 曾 "once" opening the predicate (曾任, 曾在, 曾经, 曾于), not a given name.
    if (text[s.end - 1] === '曾' && ONCE_AFTER.test(text[s.end] ?? '')) return { ...s, end: s.end - 1 };
    // 王文松、李中等|出席: 等 "and others" after the last name of a list.
    if (text[s.end - 1] === '等' && s.end - s.start === 3 && (text[s.start - 1] === '、' || /^[，。；、人同领出参陪在]/.test(text[s.end] ?? ''))) return { ...s, end: s.end - 1 };
    return s;
  });
}

/**
 * A title ending in 长 jieba cut before it, then a name with that 长 read as a place (董事|长江|毅,
 * 局|长江|涛): when the word before and 长 make a title and the place's next character is a surname,
 * the place is the title's 长 and a name: surname, the place's rest and a one-character word after
 * it (江|毅).
 */
export function namesAfterTitleLong<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, make: (start: number, end: number) => S): S[] {
  const lex = data.lexicon;
  return spans.map((s, i) => {
    if (s.type !== 'LOC' || text[s.start] !== '长' || s.end - s.start !== 2 || !lex.surnames.has(text[s.start + 1])) return s;
    const before = tokens[tokIdx[s.start - 1]];
    if (!before || before.end !== s.start || !lex.titles.has(before.word + '长')) return s;
    const after = tokens[tokIdx[s.end]];
    const next = spans[i + 1];
    const given = after && after.start === s.end && after.word.length === 1 && isHan(after.word) && (lex.givenNameBucket[after.word.charCodeAt(0)] ?? 0) > 0 && !(next && next.start < after.end);
    return make(s.start + 1, given ? after.end : s.end);
  });
}

/**
 * A given name read as the whole name right after a title and a surname jieba left alone (市委书记|俞/zg|文澜,
 * 政协主席|仇/n|明哲): the surname between the title and the name is the name's.
 */
export function withSurnameAfterTitle<S extends Interval>(s: S, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S {
  if (s.end - s.start !== 2 || s.start < 2) return s;
  const sur = tokens[tokIdx[s.start - 1]];
  // (总统|和/c|米莱: a conjunction or preposition is no surname there.)
  if (!sur || sur.start !== s.start - 1 || sur.end !== s.start || !data.lexicon.surnames.has(sur.word) || FUNCTION_TAGS.has(sur.tag) || GLUED_AFTER_NAME.has(sur.word)) return s;
  return titleEndingAt(text, sur.start, data) ? { ...s, start: sur.start } : s;
}

/** Adverbs "together" a name's run-on may start (张伟|一同督导, 李明|一起参加). */
const TOGETHER_WORDS = new Set(['一同', '一起', '一道', '一并']);

/**
 * A two-character name (surname + one) whose given-name character starts a two-character word jieba
 * read across the name's end (邓|修明/v 出席), or that is all but the last character of a word jieba
 * does not know (杭栓|柱/x 出席): the name takes the word's last character too, when it is a
 * given-name character and a verb, particle or punctuation follows.
 */
export function namesEndingInsideGivenNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  const lex = data.lexicon;
  return spans.map((s, i) => {
    if (s.type !== 'PER' || s.end - s.start !== 2 || !lex.surnames.has(text[s.start])) return s;
    const t = tokens[tokIdx[s.end - 1]];
    // (李|中等/b 出席: 等 "and others" ends a list of names.)
    // (杭栓|柱/x: or the whole name is one word jieba does not know, one character past the tagger's,
    // unless that character starts what follows a name: 赵华|说/x.)
    const across = t && (t.start === s.start + 1 || (t.start === s.start && t.tag === 'x' && !WORD_AFTER_NAME_CHARS.has(text.charCodeAt(s.end)) && !gluedVerbAfterName(text, s.end + 1, data)));
    if (!across || t.end !== s.end + 1 || !isHan(text[s.end]) || text[s.end] === '等' || (lex.givenNameBucket[text.charCodeAt(s.end)] ?? 0) < 1) return s;
    const next = spans[i + 1];
    if (next && next.start <= s.end) return s;
    const follower = tokens[tokIdx[t.end]];
    if (!(nameEndsBefore(text, t.end, follower) || (follower && follower.start === t.end && follower.tag === 'l'))) return s;
    return { ...s, end: t.end };
  });
}

/** Characters that start the word after a name (作报告, 在会上, 说, 和…), read by jieba as a word's end (杰作). */
const WORD_AFTER_NAME_CHARS = new Set([...'作在说是和与同对向将为'].map((c) => c.charCodeAt(0)));

/**
 * A two-character name (surname + one) followed by a two-character word jieba read across the name's
 * end and the next word's start (李干|杰作/n 工作报告, 李家|超在/x, 黄循|财会/n 面): the name takes the word's first
 * character when it is a frequent given-name character and the second starts what follows a name (作, 在, 说…,
 * 会 of 会面).
 */
export function namesBeforeGluedWords<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  return spans.map((s, i) => {
    const end = gluedNameEnd(s, text, tokens, tokIdx, data);
    if (end < 0) return s;
    const next = spans[i + 1];
    if (next && next.start < end) return s;
    return { ...s, end };
  });
}

/** Where a name before a glued word ends (see namesBeforeGluedWords), else -1. */
export function gluedNameEnd(s: { type: string; start: number; end: number }, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): number {
  const lex = data.lexicon;
  if (s.type !== 'PER' || !lex.surnames.has(text[s.start])) return -1;
  // 李家/nrfg|超在/x: the tagger may read the surname alone; jieba's name word is the first two.
  const head = tokens[tokIdx[s.start]];
  const end = s.end - s.start === 1 && head && head.start === s.start && head.end === s.start + 2 && /^nr/.test(head.tag) ? head.end : s.end;
  if (end - s.start !== 2) return -1;
  const t = tokens[tokIdx[end]];
  // (黄循|财会/n|面: 会 opens 会面, 会见 or 会谈 after a name.)
  const opensWord = WORD_AFTER_NAME_CHARS.has(text.charCodeAt(end + 1)) || (text[end + 1] === '会' && /^[面见谈晤]/.test(text[end + 2] ?? ''));
  if (!t || t.start !== end || t.end !== end + 2 || !opensWord || TOGETHER_WORDS.has(t.word)) return -1;
  // (Before 会面/会见/会谈 a rarer given-name character will do: the verb after the name is plain.)
  if ((lex.givenNameBucket[text.charCodeAt(end)] ?? 0) < (text[end + 1] === '会' ? 1 : 2)) return -1;
  return end + 1;
}

/** jieba tags of a word right after a title that can be a name the tagger read as a place. */
const NAME_AFTER_TITLE_TAGS = new Set(['ns', 'nr', 'nrt', 'nrfg', 'x', 'nz']);

/**
 * A place the tagger found in the word right after a title (俄罗斯总统|普京/ns: the tagger read 京):
 * that word is the person the title belongs to, unless the place lists know it.
 */
export function personsAfterTitles<S extends { type: string; start: number; end: number }>(spans: readonly S[], tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  return spans.map((s) => {
    if (s.type !== 'LOC') return s;
    const k = tokIdx[s.start];
    const t = tokens[k], prev = tokens[k - 1];
    if (!t || !prev || prev.end !== t.start || !data.lexicon.titles.has(prev.word)) return s;
    if (t.end < s.end || t.end - t.start < 2 || t.end - t.start > 4 || !NAME_AFTER_TITLE_TAGS.has(t.tag)) return s;
    if (knownPlace(t.word, data) || comingToAbbreviation(t.word, 0, t.word.length, data)) return s;
    return { ...s, type: 'PER', start: t.start, end: t.end };
  });
}

/** Punctuation after a name as the subject or in a list. */
const AFTER_WHOLE_NAME = /^[、，。；：:！？）)」”》\s]/;

/** Whether a name may end at `end`: punctuation follows, or `next` (the token there) is a verb, preposition, adverb, conjunction or particle. */
function nameEndsBefore(text: string, end: number, next: Token | undefined): boolean {
  return AFTER_WHOLE_NAME.test(text.slice(end, end + 1)) || (!!next && next.start === end && (AFTER_NAME_TAGS.has(next.tag) || PHRASE_AFTER_NAME.test(next.word)));
}

/** Set phrases jieba reads as one word that open a name's predicate (习近平|出席会议/l, 卢拉|举行会谈/i). */
const PHRASE_AFTER_NAME = /^(?:讲话|发言|致辞|出席|参加|主持|会见|会谈|通电话|举行|召开|发表|考察|调研|视察|强调|指出|表示|听取)/;

/**
 * Full names jieba's dictionary tags nrfg (习近平, 李强, 薄熙来) that the tagger missed or cut to the
 * surname (李|强): such names are often too recent for its training text. The word becomes a person
 * when it is a surname and given-name characters, no place or organisation list knows it, nothing
 * but a part of it was tagged, and punctuation or a verb, preposition, adverb or particle follows
 * it. jieba's plain nr is no help here: it also tags ordinary words (文明, 雷阵雨, 许可证).
 */
export function namesJiebaKnows<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], data: NerData, commonWords: ReadonlySet<string>, make: (start: number, end: number) => S): S[] {
  const lex = data.lexicon;
  const found: S[] = [];
  const replaced = new Set<S>();
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const len = t.end - t.start;
    if (t.tag !== 'nrfg' || len < 2 || len > 4) continue;
    const sur = lex.compoundSurnames.has(t.word.slice(0, 2)) ? 2 : lex.surnames.has(t.word[0]) ? 1 : 0;
    const given = len - sur;
    if (sur === 0 || given < 1 || given > 2 || /[氏姓]$/.test(t.word)) continue;
    let ok = true;
    for (let j = sur; j < len && ok; j++) ok = isHan(t.word[j]) && (lex.givenNameBucket[t.word.charCodeAt(j)] ?? 0) > 0;
    if (!ok || commonWords.has(t.word) || knownPlace(t.word, data) || lex.orgs.has(t.word) || lex.titles.has(t.word)) continue;
    let end = t.end;
    let next = tokens[i + 1];
    // 刘家 is a family; 李家|超 is a name whose last character jieba read apart (often as a verb).
    if (given === 1 && t.word.endsWith('家')) {
      if (!next || next.start !== t.end || next.end !== t.end + 1 || !isHan(next.word) || (lex.givenNameBucket[next.word.charCodeAt(0)] ?? 0) < 2) continue;
      end = next.end;
      next = tokens[i + 2];
    }
    if (!nameEndsBefore(text, end, next)) continue;
    while (k < spans.length && spans[k].end <= t.start) k++;
    const overlapping: S[] = [];
    for (let j = k; j < spans.length && spans[j].start < end; j++) overlapping.push(spans[j]);
    // (A loop, not some(): a closure over this body's variables made V8 allocate a context per token.)
    let clash = false;
    for (const o of overlapping) if (o.type !== 'PER' || o.start < t.start || o.end > end || (o.start === t.start && o.end === end)) clash = true;
    if (clash) continue;
    for (const o of overlapping) replaced.add(o);
    found.push(make(t.start, end));
  }
  if (found.length === 0) return [...spans];
  return [...spans.filter((s) => !replaced.has(s)), ...found].sort((a, b) => a.start - b.start);
}

/** Tags jieba gives a transliterated name it reads as one word (扎加洛/ns, 亚罗约/x). */
const FOREIGN_NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x', 'nz', 'ns']);

/**
 * 老挝国会主席|赛/nz 宋蓬/x|。: the name of a foreign country's official, spelt outside the Xinhua
 * tables (Lao, Thai, Vietnamese, Cambodian names): the title at tokens[k - 1] has a foreign country
 * among the three words before it, and two to four Han characters in words jieba does not know
 * as common words run from tokens[k] to punctuation.
 */
function foreignOfficialName(text: string, tokens: readonly Token[], k: number, data: NerData): Interval | null {
  let foreign = false;
  // (泰国|副|总理|兼|商业部长|蓬塔: a second title joined by 兼 puts the country further back.)
  let reach = 4;
  for (let j = k - 2; j >= Math.max(0, k - 4); j--) if (tokens[j].word === '兼') reach = 7;
  for (let j = k - 2; j >= Math.max(0, k - reach) && !foreign; j--) {
    const kinds = data.placeIndex.get(tokens[j].word);
    foreign = !!kinds && kinds.some((p) => p.placeKind === 'country') && tokens[j].word !== '中国';
  }
  if (!foreign) return null;
  return spelledRunAfterTitle(text, tokens, k) ?? unknownWordsAfterTitle(text, tokens, k, data);
}

/**
 * 哈萨克斯坦总统|托/v 卡耶夫/nr|、: a transliteration jieba cut into pieces of any tag, from tokens[k]
 * to punctuation or a verb: two to ten Han characters, at least three quarters of them syllable
 * characters of the transliteration tables (别尔德穆哈梅多夫, 米尔济约耶夫).
 */
function spelledRunAfterTitle(text: string, tokens: readonly Token[], k: number): Interval | null {
  const start = tokens[k].start;
  let end = start;
  let j = k;
  for (; j < tokens.length && j < k + 6 && tokens[j].start === end; j++) {
    const t = tokens[j];
    if (!/^[\u4e00-\u9fff·]+$/.test(t.word)) break;
    // 卡耶夫|出席, 拉赫蒙|在: a verb of two characters or more, a preposition or a conjunction ends the
    // name, and so does a longer word neither spelt nor read as a name (马尔登|有幸).
    if (j > k && ((t.tag.startsWith('v') && t.word.length >= 2) || t.tag === 'p' || t.tag === 'c' || t.tag === 'uj')) break;
    if (j > k && t.word.length >= 2 && !foreignSpelled(t.word.replace(/·/g, '')) && !FOREIGN_NAME_TAGS.has(t.tag)) break;
    end = t.end;
  }
  // (阿尔巴尼|斯等/x|出席: a list's 等 jieba glued to the name's last syllable is no part of it.)
  const etc = text[end - 1] === '等' && end - start > 2 ? 1 : 0;
  const word = text.slice(start, end - etc);
  if (word.length < 2 || word.length > 10) return null;
  // (…托卡耶夫|举行会谈/i: a set phrase that opens the predicate ends it as a verb does.)
  const ends = /^[。，、；！？）]/.test(text.slice(end, end + 1)) || (j < tokens.length && tokens[j].start === end && (tokens[j].tag.startsWith('v') || PHRASE_AFTER_NAME.test(tokens[j].word)));
  if (!ends) return null;
  let spelled = 0;
  for (const c of word) if (TRANSLITERATION.has(c) || c === '·') spelled++;
  return spelled * 4 >= word.length * 3 ? { start, end: end - etc } : null;
}

/** 老挝国会主席|赛/nz 宋蓬/x|。: two to four Han characters in words jieba does not know as common words, up to punctuation. */
function unknownWordsAfterTitle(text: string, tokens: readonly Token[], k: number, data: NerData): Interval | null {
  let end = tokens[k].start;
  let j = k;
  for (; j < tokens.length && j < k + 3 && tokens[j].start === end; j++) {
    const t = tokens[j];
    const nameLike = FOREIGN_NAME_TAGS.has(t.tag) || (t.word.length === 1 && /^(?:nz|ng|g|vg|j)$/.test(t.tag));
    if (!/^[\u4e00-\u9fff]+$/.test(t.word) || !nameLike) break;
    end = t.end;
  }
  const len = end - tokens[k].start;
  // (…外交部长|维文/nz|通电话/l: a phrase opening the predicate ends the name as punctuation does.)
  const after = tokens[j];
  if (len < 2 || len > 4 || !(/^[。，、；！？]/.test(text.slice(end, end + 1)) || (after && after.start === end && PHRASE_AFTER_NAME.test(after.word)))) return null;
  const word = text.slice(tokens[k].start, end);
  if (knownPlace(word, data) || data.lexicon.orgs.has(word) || data.lexicon.titles.has(word)) return null;
  return { start: tokens[k].start, end };
}

/** A minister's title jieba reads as one word (财政部长, 商业部长): a title here, not in the tagger's lexicon. */
const MINISTER_WORD = /^[\u4e00-\u9fff]{2}部长$/;

/**
 * Transliterated names right after a title or role word (教练扎加洛, 参议员亚罗约): the word after the
 * title, spelt in transliteration characters and no known place, is a person, with further parts
 * joined by · (秘书长科菲·安南). Tagger places there are relabelled; other words become candidates.
 */
/** Titles written right after a foreign head's name (阿萨莉总统, 拉姆古兰总理). */
const TITLE_AFTER_FOREIGN_NAME = /(?:总统|总理|首相|国王|女王|议长)/g;
/** What may come right before such a name: a conjunction or preposition of with whom, a list mark, the start of a clause. */
const BEFORE_FOREIGN_NAME = /^(?:[同与和跟及、，,。；;：:（(“\n]|向|对|给|祝贺|致电|会见|会晤)$/;

/**
 * A transliterated name written before its holder's title (愿同|阿萨莉|总统一道): two to six
 * transliteration characters right before 总统, 总理, 首相…, after a conjunction, a list mark or a
 * clause's start; not a known place (毛里求斯总统) or organisation.
 */
export function findForeignNamesBeforeTitles(text: string, data: NerData): Interval[] {
  const out: Interval[] = [];
  for (const m of text.matchAll(TITLE_AFTER_FOREIGN_NAME)) {
    const end = m.index!;
    let start = end;
    while (start > 0 && end - start < 6 && (TRANSLITERATION.has(text[start - 1]) || (text[start - 1] === '·' && start - 1 < end - 1))) start--;
    for (; start <= end - 2; start++) {
      if (!BEFORE_FOREIGN_NAME.test(text.slice(Math.max(0, start - 2), start)) && !BEFORE_FOREIGN_NAME.test(text[start - 1] ?? '\n')) continue;
      const name = text.slice(start, end);
      if (name.startsWith('·') || knownPlaceName(name, data) || data.lexicon.orgs.has(name)) break;
      out.push({ start, end });
      break;
    }
  }
  return out;
}

/** Heads of state and government a jieba word may end with (德国总理/nr, 法国总统). */
const HEAD_TITLES = ['总理', '总统', '首相', '国王', '外长', '外交部长', '部长', '议长', '主席', '大使'];

/**
 * The last code units of every title word (lexicon titles, 部长, HEAD_TITLES): a word ending in any
 * other is no title, which spares most tokens the lookups below.
 */
const titleFinals = new WeakMap<NerData, Uint8Array>();
function titleFinalCodes(data: NerData): Uint8Array {
  let codes = titleFinals.get(data);
  if (!codes) {
    codes = unitSet([...data.lexicon.titles, ...HEAD_TITLES, '部长'], 'last');
    titleFinals.set(data, codes);
  }
  return codes;
}

/** Whether `word` is a place word and a head title glued by jieba (德国总理/nr). */
function endsWithHeadTitle(word: string, data: NerData): boolean {
  const title = HEAD_TITLES.find((h) => word.length > h.length && word.endsWith(h));
  return !!title && knownPlaceName(word.slice(0, word.length - title.length), data);
}

/** A country or other place the gazetteer or the lexicons know. */
function knownPlaceName(name: string, data: NerData): boolean {
  return data.placeIndex.has(name) || data.lexicon.places.has(name);
}

/**
 * A transliterated name after a title that jieba cut into words of other kinds (拉加/v 德/ns): tokens
 * of one or two transliteration characters, three to six in all, then a verb or punctuation; not a
 * known place, and not when the first token is a name jieba knows (the usual path reads those).
 */
function syllablesAfterTitle(text: string, tokens: readonly Token[], k: number, data: NerData): Interval | null {
  const first = tokens[k];
  if (FOREIGN_NAME_TAGS.has(first.tag)) return null;
  let j = k, end = first.start;
  while (j < tokens.length && tokens[j].start === end && tokens[j].word.length <= 2 && foreignSpelled(tokens[j].word) && end - first.start < 6) { end = tokens[j].end; j++; }
  const next = tokens[j];
  if (end - first.start < 3 || end - first.start > 6 || j - k < 2) return null;
  if (next && next.start === end && !next.tag.startsWith('v') && !/^[。，、；：！？]/.test(next.word)) return null;
  const name = text.slice(first.start, end);
  return data.placeIndex.has(name) || data.lexicon.places.has(name) || data.lexicon.orgs.has(name) ? null : { start: first.start, end };
}

/**
 * 日本首相|高市/x|早苗/x|日前: a Japanese official's name after a Japanese title (日本首相, 日本|外相)
 * that jieba read as two unknown words of two characters (surname, given name), then no other
 * unknown word.
 */
function japaneseNameAfterTitle(tokens: readonly Token[], k: number): Interval | null {
  const title = tokens[k - 1], family = tokens[k], given = tokens[k + 1], after = tokens[k + 2];
  if (!title || !family || !given || !(title.word.startsWith('日本') || tokens[k - 2]?.word === '日本')) return null;
  if (family.tag !== 'x' || given.tag !== 'x' || family.word.length !== 2 || given.word.length !== 2 || given.start !== family.end) return null;
  if (!/^[\u4e00-\u9fff]{4}$/.test(family.word + given.word) || (after && after.start === given.end && after.tag === 'x')) return null;
  return { start: family.start, end: given.end };
}

/**
 * Whether a person span starts strictly inside (from, at) and runs past `at`. (A function, not a
 * closure in foreignNamesAfterTitles' loop: that made V8 allocate a context for every token.)
 */
function personRunsInto(spans: ReadonlyArray<{ type: string; start: number; end: number }>, from: number, at: number): boolean {
  for (const s of spans) if (s.type === 'PER' && s.start > from && s.start < at && s.end > at) return true;
  return false;
}

export function foreignNamesAfterTitles<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, make: (start: number, end: number) => S): { spans: S[]; found: Interval[] } {
  const found: Interval[] = [];
  /** Names to be whole; titleStart: where the title word the tagger ran the name into starts. */
  const officials: Array<Interval & { titleStart?: number }> = [];
  const titleEnd = titleFinalCodes(data);
  for (let k = 1; k < tokens.length; k++) {
    const title = tokens[k - 1], t = tokens[k];
    if (title.end !== t.start || !titleEnd[title.word.charCodeAt(title.word.length - 1)]) continue;
    if (!(data.lexicon.titles.has(title.word) || MINISTER_WORD.test(title.word) || endsWithHeadTitle(title.word, data))) continue;
    const official = foreignOfficialName(text, tokens, k, data);
    if (official) { found.push(official); officials.push(official); continue; }
    // 行长|拉加/v|德/ns|表示: syllables jieba read as words of other kinds, three or more, up to the verb.
    const syllables = syllablesAfterTitle(text, tokens, k, data);
    if (syllables) { found.push(syllables); officials.push(syllables); continue; }
    const japanese = japaneseNameAfterTitle(tokens, k);
    if (japanese) { found.push(japanese); officials.push(japanese); continue; }
    if (!FOREIGN_NAME_TAGS.has(t.tag) || t.word.length < 2 || t.word.length > 6 || !foreignSpelled(t.word)) continue;
    if (data.placeIndex.has(t.word) || data.lexicon.places.has(t.word)) continue;
    let end = t.end, j = k + 1;
    while (tokens[j]?.word === '·' && tokens[j + 1] && foreignSpelled(tokens[j + 1].word) && tokens[j + 1].start === tokens[j].end) { end = tokens[j + 1].end; j += 2; }
    // 英国首相/nz|斯塔/nrt|默/z|表示: a last syllable jieba left alone, before a verb or punctuation.
    const last = tokens[j], after = tokens[j + 1];
    if (last && last.start === end && last.word.length === 1 && foreignSpelled(last.word) && (!after || after.tag.startsWith('v') || /^[。，、；！？]/.test(after.word))) end = last.end;
    found.push({ start: t.start, end });
    // (The tagger may start the name inside a title word that holds more, 英国首相/nz|斯塔: 首|相斯塔.)
    if (title.word.length > 2 && !data.lexicon.titles.has(title.word) && personRunsInto(spans, title.start, t.start)) officials.push({ start: t.start, end, titleStart: title.start });
  }
  let relabelled = spans.map((s) => (s.type === 'LOC' && found.some((f) => f.start === s.start && f.end === s.end) ? { ...s, type: 'PER' } : s));
  // An official's name the tagger cut into pieces (PER 托 | LOC 卡耶夫), or ran into its title (PER 相斯塔), is one person instead.
  const within = (s: Interval, o: Interval & { titleStart?: number }) => s.start >= (o.titleStart !== undefined ? o.titleStart + 1 : o.start) && s.end <= o.end;
  const cut = officials.filter((o) => relabelled.some((s) => within(s, o) && !(s.start === o.start && s.end === o.end)));
  if (cut.length) {
    relabelled = relabelled.filter((s) => !cut.some((o) => within(s, o)));
    relabelled = [...relabelled, ...cut.map((o) => make(o.start, o.end))].sort((a, b) => a.start - b.start);
  }
  return { spans: relabelled, found };
}

/** Compound surnames that are no ordinary words (长孙, 司空, 濮阳 and 东方 are). */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '皇甫', '尉迟', '公孙', '慕容', '令狐', '司徒', '夏侯', '端木', '申屠', '淳于', '闻人', '钟离', '澹台', '赫连', '呼延', '拓跋', '独孤', '宇文']);
/** Characters that end a one-character given name rather than continue it (诸葛静|为院长, 欧阳明|在会上). */
const AFTER_SHORT_GIVEN = /^[为在说等和与的是向对率同到赴作将就也还又已]/;

/**
 * Names with a compound surname (上官明辉, 欧阳建国, 司马东升), which jieba and the tagger read as places
 * or cut short: the surname opening a word or following a title, then a one- or two-character given
 * name up to what may follow a name. They replace the persons and places read inside them.
 */
export function compoundSurnameNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, make: (start: number, end: number) => S): S[] {
  let out: S[] | null = null;
  // (One regular-expression scan: a loop over every character cost 45 ms a megabyte.)
  COMPOUND_SURNAME_SCAN.lastIndex = 0;
  for (let found = COMPOUND_SURNAME_SCAN.exec(text); found; found = COMPOUND_SURNAME_SCAN.exec(text)) {
    const i = found.index;
    if (i + 3 > text.length) break;
    if (tokens[tokIdx[i]]?.start !== i && !titleEndingAt(text, i, data)) continue;
    let end = -1;
    for (const len of [2, 1]) {
      const e = i + 2 + len;
      if (e > text.length || !/^[\u4e00-\u9fff]+$/.test(text.slice(i + 2, e))) continue;
      if (len === 2 && AFTER_SHORT_GIVEN.test(text[i + 3])) continue;
      const next = tokens[tokIdx[e]];
      if (e === text.length || nameEndsBefore(text, e, next?.start === e ? next : undefined) || titleStartingAt(text, e, data)
        || (len === 1 && AFTER_SHORT_GIVEN.test(text[e]))) { end = e; break; }
    }
    if (end < 0) continue;
    const name = text.slice(i, end);
    if (data.lexicon.places.has(name) || data.lexicon.orgs.has(name)) continue;
    const list: S[] = out ?? [...spans];
    if (list.some((s) => s.type === 'ORG' && s.start <= i && s.end >= end)) continue;
    out = [...list.filter((s) => s.end <= i || s.start >= end), make(i, end)].sort((a, b) => a.start - b.start);
    COMPOUND_SURNAME_SCAN.lastIndex = end;
  }
  return out ?? [...spans];
}
const COMPOUND_SURNAME_SCAN = new RegExp([...COMPOUND_SURNAMES].join('|'), 'g');

/** One-character words that end a dotted name's last part (艾尔肯·吐尼亚孜|说, 阿依努尔·沙吾提|在). */
const AFTER_DOTTED_NAME = /^[在说等和与同向对为的是也还就率将已于曾会并及跟均由所叫称被把从]$/;
/** Tags of words of two characters or more a dotted name may hold (阿不都热依木/ns, 萨特/nr, 努尔/nrt); others end it (出席/v, 递交国书/n). */
const DOTTED_PART_TAGS = new Set(['nr', 'nrt', 'nrfg', 'x', 'nz', 'j', 'ns']);
/** Whether a word may be part of a dotted name's side. */
function dottedNamePart(t: Token, data: NerData): boolean {
  if (t.word.length === 1) return !AFTER_DOTTED_NAME.test(t.word) && t.tag !== 'uj' && t.tag !== 'ul';
  return (DOTTED_PART_TAGS.has(t.tag) || foreignSpelled(t.word)) && !data.lexicon.titles.has(t.word) && !ROLE_BEFORE_NAME.has(t.word) && !PHRASE_AFTER_NAME.test(t.word);
}
function knownPlaceOrBody(word: string, data: NerData): boolean {
  return data.lexicon.places.has(word) || data.placeIndex.has(word) || data.lexicon.orgs.has(word);
}
/** Who a person is, before the name, words jieba may tag nr (顾问/nr 埃马纽埃尔·博纳). */
const ROLE_BEFORE_NAME = new Set(['顾问', '村民', '牧民', '农民', '居民', '代表', '专家', '学者', '老师', '医生', '护士', '师傅', '党员', '干部', '群众', '选手', '教练']);
/** Longest part of a dotted name on either side of a dot. */
const MAX_DOTTED_PART = 8;

/**
 * Names with a dot between given name and surname (努尔兰·阿不都满金, 玛依拉·依力哈木, 阿不力克木·麦麦提):
 * Uyghur and Kazakh names are spelt with characters (不, 都, 满, 木) that jieba reads as words of
 * their own, so the tagger cuts them short. Each side runs from the dot over the words of the name to
 * punctuation, a title, a function word or the verb after it; the whole replaces what was read inside.
 */
export function dottedNames<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, make: (start: number, end: number) => S): S[] {
  if (text.indexOf('·') < 0) return [...spans];
  let out: S[] | null = null;
  for (let dot = text.indexOf('·'); dot >= 0; dot = text.indexOf('·', dot + 1)) {
    if (!isHan(text[dot - 1] ?? '') || !isHan(text[dot + 1] ?? '')) continue;
    const list: S[] = out ?? [...spans];
    // The tagger reads the part before the dot well when it reads two characters or more of it.
    const tagged = list.find((s) => s.type === 'PER' && s.start < dot && s.end > dot);
    const start = tagged && dot - tagged.start >= 2 ? tagged.start : dottedNameStart(text, tokens, tokIdx, data, dot);
    const end = Math.max(tagged?.end ?? 0, dottedNameEnd(text, tokens, tokIdx, data, dot));
    if (dot - start < 2 || end - dot - 1 < 1 || end - start > 16) continue;
    // Inside a longer span (an organisation or a work named after the person), leave it.
    if (list.some((s) => s.type !== 'PER' && s.start <= start && s.end >= end && s.end - s.start > end - start)) continue;
    if (tagged && tagged.start === start && tagged.end === end) continue;
    out = [...list.filter((s) => s.end <= start || s.start >= end), make(start, end)].sort((a, b) => a.start - b.start);
  }
  return out ?? [...spans];
}

/** Where the part of a dotted name before the dot at `dot` starts: back over its words to a title, punctuation, a place or a function word. */
function dottedNameStart(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, dot: number): number {
  let start = dot;
  for (let k = tokIdx[dot - 1]; k >= 0; k--) {
    const t = tokens[k];
    if (t.end !== start || !/^[\u4e00-\u9fff]+$/.test(t.word) || dot - t.start > MAX_DOTTED_PART || !dottedNamePart(t, data)) break;
    // (美国|的塞/x ·威廉姆斯: a place before the name is no part of it, nor a function word jieba glued on.)
    if (t.word.length > 1 && !foreignSpelled(t.word) && knownPlaceOrBody(t.word, data)) break;
    if (titleEndingAt(text, t.end, data) && t.end < dot) break;
    // (市市长罗朗/x ·雷斯: a title or function word inside the word jieba read ends where the name starts.)
    let inner = -1;
    for (let p = t.end - 1; p > t.start && inner < 0; p--) if (titleEndingAt(text, p, data) || AFTER_DOTTED_NAME.test(text[p - 1])) inner = p;
    if (inner >= 0) return inner;
    start = t.start;
    if (titleEndingAt(text, t.start, data) || (t.start > 0 && !isHan(text[t.start - 1]))) break;
  }
  return start;
}

/** Where the part of a dotted name after the dot at `dot` ends: on over its words to punctuation, a title, a function word or the verb after it. */
function dottedNameEnd(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, dot: number): number {
  let end = dot + 1;
  for (let k = tokIdx[dot + 1]; k >= 0 && k < tokens.length; k++) {
    const t = tokens[k];
    if (t.start !== end && !(t.start < end && t.end > end)) break;
    if (!/^[\u4e00-\u9fff]+$/.test(t.word) || t.end - dot - 1 > MAX_DOTTED_PART) break;
    if (t.start === end && (!dottedNamePart(t, data) || titleStartingAt(text, t.start, data))) break;
    // (阿马|特在/x 表决: a function word jieba glued on after the name's last syllable ends it.)
    let p = Math.max(end, t.start);
    while (p < t.end && !AFTER_DOTTED_NAME.test(text[p])) p++;
    end = p;
    if (p < t.end) break;
  }
  return end;
}

/** What a pseudonymised name is no part of: a body or a kind of place named with 某 (张某某公司, 某某县). */
const AFTER_ANONYMISED = /^(?:公司|单位|部门|企业|集团|学校|医院|银行|村|县|市|镇|乡|省|地|处|店|厂|品牌|项目)/;

/**
 * Pseudonymised names in court, discipline and police news (被告人张某某, 犯罪嫌疑人刘某, 陈某国): a surname
 * opening a word, then 某某 or 某, with at most one given-name character kept after 某 before what ends
 * a name. Readers search for them as for any party.
 */
export function findAnonymisedNames(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  const lex = data.lexicon;
  for (let at = text.indexOf('某'); at > 0; at = text.indexOf('某', at + 1)) {
    const compound = at >= 2 && lex.compoundSurnames.has(text.slice(at - 2, at));
    const start = compound ? at - 2 : at - 1;
    if (!compound && (!lex.surnameRank[text.charCodeAt(start)] || text[start] === '某')) continue;
    // (The surname opens a word: not 这|某, 其|某, nor the last character of a word before it.)
    if (start > 0 && isHan(text[start - 1]) && tokens[tokIdx[start]]?.start !== start) continue;
    let end = text[at + 1] === '某' ? at + 2 : at + 1;
    if (AFTER_ANONYMISED.test(text.slice(end, end + 2))) continue;
    // 陈某国: one given-name character kept after 某, before punctuation or a verb.
    if (end === at + 1 && isHan(text[end] ?? '') && (lex.givenNameBucket[text.charCodeAt(end)] ?? 0) >= 2 && nameEndsBefore(text, end + 1, tokens[tokIdx[end + 1]]?.start === end + 1 ? tokens[tokIdx[end + 1]] : undefined)) end++;
    out.push({ start, end });
    at = end - 1;
  }
  return out;
}

/** Two-character syllables of Tibetan personal names (扎西, 次仁, 卓嘎…): a name is one or two of them. */
const TIBETAN_SYLLABLES = ('扎西 次仁 卓嘎 格桑 旺堆 白玛 洛桑 江村 多吉 央金 德吉 尼玛 达瓦 普布 拉巴 平措 顿珠 曲珍 益西 丹增 索朗 '
  + '强巴 边巴 巴桑 次旦 旦增 罗布 仁青 嘎玛 泽登 泽仁 降央 卓玛 措姆 拉姆 加措 嘉措 群培 次珍 边觉 赤列 土登 阿旺 单增 琼达 欧珠 德庆 '
  + '仁增 米玛 玉珍 格列 贡布 朗杰 坚参 坚赞 扎巴 洛桑 顿旦 央宗 巴珠 次央 索南 多布杰 普琼').split(' ');
/** Mongolian name elements as Chinese writes them (巴特尔, 那顺孟和, 斯琴高娃, 阿拉坦仓). */
const MONGOLIAN_SYLLABLES = ('巴特尔 巴图 那顺 孟和 乌兰 乌力吉 其其格 阿拉坦 斯琴 高娃 苏和 朝鲁 宝音 图雅 萨仁 格日勒 呼和 巴雅尔 '
  + '哈斯 塔娜 那仁 满都拉 乌日娜 毕力格 格根 阿木尔 达来 桑布 查干 额尔敦 特古斯 布和 吉日嘎拉 敖登 孟克 巴音 宝力道 '
  + '朝克图 乌云 其木格 图门 额日和 阿古拉 仓 娜').split(' ');
/** Syllables of minority names by their first code unit, longest first. */
const MINORITY_SYLLABLES = new Map<number, string[]>();
for (const w of [...TIBETAN_SYLLABLES, ...MONGOLIAN_SYLLABLES].sort((a, b) => b.length - a.length)) {
  const list = MINORITY_SYLLABLES.get(w.charCodeAt(0)) ?? [];
  if (!list.includes(w)) list.push(w);
  MINORITY_SYLLABLES.set(w.charCodeAt(0), list);
}
/** The first code units of MINORITY_SYLLABLES as a table (findMinorityNames asks at every character). */
const MINORITY_FIRST = new Uint8Array(65536);
for (const code of MINORITY_SYLLABLES.keys()) MINORITY_FIRST[code] = 1;
/** The longest minority-name syllable of two or more characters at `at`, or its length 0. */
function syllableAt(text: string, at: number, minLength = 2): number {
  for (const w of MINORITY_SYLLABLES.get(text.charCodeAt(at)) ?? []) if (w.length >= minLength && text.startsWith(w, at)) return w.length;
  return 0;
}
/** What may stand before a Tibetan or Mongolian name: a title, a role, a list mark after another name. */
const BEFORE_MINORITY_NAME = /(?:村民|牧民|农民|记者|代表|群众|干部|党员|老人|学生|教师|医生|书记|主任|局长|县长|市长|乡长|镇长|村长|厅长|主席|委员|常委|[、，和与])$/;

/**
 * Tibetan and Mongolian names the tagger and jieba do not know (旺堆, 次仁卓嘎, 格桑边觉, 那顺孟和,
 * 斯琴高娃): one or two syllables after a title, a role or a list mark, before what may follow a name.
 * A one-character syllable (仓 of 阿拉坦仓) only ends a name.
 */
export function findMinorityNames(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  for (let i = 0; i + 2 <= text.length; i++) {
    // (Most characters start no syllable: the first units rule them out without a slice.)
    const first = MINORITY_FIRST[text.charCodeAt(i)] ? syllableAt(text, i) : 0;
    if (!first) continue;
    if (!(titleEndingAt(text, i, data) || BEFORE_MINORITY_NAME.test(text.slice(Math.max(0, i - 2), i)))) continue;
    let end = i + first;
    end += syllableAt(text, end, 1);
    const next = tokens[tokIdx[end]];
    if (end < text.length && !(nameEndsBefore(text, end, next?.start === end ? next : undefined) || titleStartingAt(text, end, data) || /^[、和与]/.test(text[end]))) continue;
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}
