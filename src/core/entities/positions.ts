/**
 * Positions: the maximal title phrase attached to a person, split at 、 and 兼
 * (上海市普陀区委副书记、区长肖文高 → 上海市普陀区委副书记 | 区长 | person 肖文高),
 * or a title word right after the name (肖文高区长, 习近平总书记).
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { titleEndingAt, titleStartingAt } from './persons';
import { extendLeft, phraseToken, withAutonomousLevel, type Interval } from './spanUtil';
import { knownPlace } from './bioConventions';

export interface PositionSpan extends Interval { person: Interval }

const MAX_POSITION_LEN = 30;
const CHAIN_SEPARATORS = new Set(['、', '兼']);

/** Title words that after a name are mostly the verb (陈龙代表市四套班子: on behalf of). */
const NOT_AFTER_NAME = new Set(['代表']);

/**
 * Organisations known before positions are built (suffix grammar, tagger): a title phrase takes one
 * that ends inside it or right before it whole (江苏省驻沪办|党组书记, 上海清华国际创新中心|主任),
 * although its words (办/v, 创新/v) would stop the phrase. Per character: the start and end of
 * the longest organisation covering it.
 */
export interface OrgCover { start: Int32Array; end: Int32Array }

export function orgCover(length: number, orgs: readonly Interval[]): OrgCover {
  const start = new Int32Array(length).fill(-1), end = new Int32Array(length).fill(-1);
  for (const o of orgs) {
    for (let i = Math.max(0, o.start); i < o.end && i < length; i++) {
      if (start[i] < 0 || o.end - o.start > end[i] - start[i]) { start[i] = o.start; end[i] = o.end; }
    }
  }
  return { start, end };
}

/** Title phrase ending at `end` (after its last title word), or null. */
function phraseEndingAt(text: string, tokens: readonly Token[], tokIdx: Int32Array, end: number, floor: number, data: NerData, cover?: OrgCover): Interval | null {
  const tl = titleEndingAt(text, end, data);
  if (!tl) return null;
  let start = end - tl;
  // The title may begin inside a token (区委书记 → 书记): take that token whole when it is phrase-like,
  // or when what precedes the title in it is an organisation unit (长三角处|处长 read as 处处长/v).
  const k = tokIdx[start];
  if (k >= 0 && tokens[k].start < start && tokens[k].start >= floor
    && (phraseToken(tokens[k]) || data.lexicon.orgSuffixes.has(text.slice(tokens[k].start, start)))) start = tokens[k].start;
  // 立法/d|院长: a body and its head's title sharing a character (立法院 + 院长) are one position.
  const before = tokens[tokIdx[start - 1]];
  if (before && before.end === start && before.start >= floor && data.lexicon.orgs.has(text.slice(before.start, start + 1))) start = before.start;
  const isPlace = (word: string) => knownPlace(word, data);
  start = extendLeft(text, tokens, tokIdx, start, floor, MAX_POSITION_LEN, isPlace);
  for (let guard = 0; cover && guard < 3 && start > floor; guard++) {
    const c = start - 1, os = cover.start[c];
    if (os < floor || os < 0 || cover.end[c] > end || end - os > MAX_POSITION_LEN) break;
    start = extendLeft(text, tokens, tokIdx, os, floor, MAX_POSITION_LEN, isPlace);
  }
  // 自治/v|区党委副书记: the autonomous region's level word, which jieba cut after 自治.
  start = withAutonomousLevel(text, start, floor);
  // 在横琴|与|合作区执委会主任…举行: a place and a conjunction before the body are the setting and "with", no part of the title.
  const placeThen = PLACE_THEN_WITH.exec(text.slice(start, end - tl));
  if (placeThen && isPlace(placeThen[1])) start += placeThen[0].length;
  // 推动|长江经济带发展领导小组组长: a body named for what it drives (推动…领导小组) starts with that verb.
  if (start - 2 >= floor && DRIVING_VERB.test(text.slice(start - 2, start)) && NAMED_GROUP.test(text.slice(start, end))
    && (start - 2 === floor || start - 2 === 0 || CHAIN_SEPARATORS.has(text[start - 3]))) start -= 2;
  // 邓小平同志|亲属代表: 同志 after a name is the name's, not the title's.
  if (text.startsWith('同志', start) && end - tl > start + 2) start += 2;
  // 东京6月17日电|日本首相 (jieba: 日电/j 日本首相/n): a title never starts inside the dateline before it.
  DATELINE_END.lastIndex = 0;
  const dateline = DATELINE_END.exec(text.slice(Math.max(0, start - 3), end));
  if (dateline) start = Math.max(0, start - 3) + dateline.index + dateline[0].length;
  // 2025年3月18日|外交部发言人: nor with the day of a date before it (日 is no "Japan" there).
  else if (text[start] === '日' && start > 0 && /[\d〇○零一二三四五六七八九十]/.test(text[start - 1])) start++;
  return start < end - tl ? { start, end } : { start: end - tl, end };
}

/** A place name, then 与/同/和, opening a title phrase (横琴与…执委会主任). */
const PLACE_THEN_WITH = /^([\u4e00-\u9fff]{2,6}?)[与同和](?=[\u4e00-\u9fff])/;
/** Verbs a leading group or committee is named for (推动长江经济带发展领导小组). */
const DRIVING_VERB = /^(?:推动|促进|推进|加快|深化|加强)$/;
/** Bodies named for what they drive: leading groups, committees, working groups. */
const NAMED_GROUP = /(?:领导小组|委员会|工作组|指挥部)/;
/** The end of a dateline (6月17日电, 十四日讯) a phrase read before a title may have taken in. */
const DATELINE_END = /(?:\d{1,2}|[一二三四五六七八九十]{1,3})日(?:电|讯)/g;

export function findPositions(text: string, tokens: readonly Token[], tokIdx: Int32Array, persons: readonly Interval[], data: NerData, cover?: OrgCover): PositionSpan[] {
  const out: PositionSpan[] = [];
  const sorted = [...persons].sort((a, b) => a.start - b.start);
  sorted.forEach((person, i) => {
    const floor = i > 0 ? Math.max(sorted[i - 1].end, 0) : 0;
    let end = person.start;
    for (;;) {
      const p = phraseEndingAt(text, tokens, tokIdx, end, floor, data, cover);
      if (!p) break;
      out.push({ ...p, person });
      if (p.start - 1 <= floor || !CHAIN_SEPARATORS.has(text[p.start - 1])) break;
      end = p.start - 1;
    }
    const tl = titleStartingAt(text, person.end, data);
    const next = sorted[i + 1];
    if (tl && !NOT_AFTER_NAME.has(text.slice(person.end, person.end + tl)) && (!next || next.start >= person.end + tl)) out.push({ start: person.end, end: person.end + tl, person });
  });
  return out;
}

/** Verbs of an appointment or a career that a title follows (现任…, 曾任…, 拟任…, 免去…职务). */
const APPOINTED_TO = /(?:现任|曾任|拟任|历任|兼任|担任|出任|升任|改任|调任|转任|拟提名为|提名为|任命为|当选为|免去|不再担任|任命[^，,。；;、]{1,8}?为|提名[^，,。；;、]{1,8}?为)/g;
/** Where the titles after such a verb end: the clause, or a word closing the list of titles. */
const APPOINTED_LIST_END = /[，,。；;：:（(\n]|职务|一职|等职|职位|候选人/;

/**
 * Titles told of a career or an appointment (现任长沙市委常委、组织部部长; 任命上官明辉为…医院院长;
 * 免去赵国庆的省卫健委主任职务): the title phrases after the verb, split at 、 and 兼, each ending on a
 * title word. Their holder is named elsewhere in the sentence, if at all.
 */
export function findAppointedPositions(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, persons: readonly Interval[], cover?: OrgCover): Interval[] {
  const out: Interval[] = [];
  if (text.indexOf('任') < 0 && text.indexOf('免去') < 0 && text.indexOf('提名') < 0 && text.indexOf('当选') < 0) return out;
  const verbs = [...text.matchAll(APPOINTED_TO)].map((m) => ({ at: m.index!, verb: m[0] }))
    // (主任命令, 责任, 信任: 任 inside another word is no appointment.)
    .filter(({ at }) => !(tokens[tokIdx[at]]?.start < at));
  // 钟鸣任|复旦大学附属华山医院院长: a bare 任 right after a name.
  for (const p of persons) if (text[p.end] === '任') verbs.push({ at: p.end, verb: '任' });
  for (const { at, verb } of verbs) {
    const from = at + verb.length;
    const rest = text.slice(from, from + MAX_POSITION_LEN * 2);
    const stop = rest.search(APPOINTED_LIST_END);
    const listEnd = from + (stop < 0 ? rest.length : stop);
    // 免去赵国庆的|省卫健委主任职务: the titles follow the holder's 的.
    let pieceStart = from;
    const of = text.slice(from, listEnd).indexOf('的');
    if (verb === '免去' && of >= 0 && of <= 5) pieceStart = from + of + 1;
    for (let i = pieceStart; i <= listEnd; i++) {
      if (i < listEnd && !CHAIN_SEPARATORS.has(text[i])) continue;
      if (i > pieceStart && titleEndingAt(text, i, data)) {
        const p = phraseEndingAt(text, tokens, tokIdx, i, pieceStart, data, cover);
        if (p && p.start >= pieceStart) out.push(p);
      }
      pieceStart = i + 1;
    }
  }
  return out;
}
