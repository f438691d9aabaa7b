/**
 * Date grammar over simplified analysis text: absolute dates (2020年6月5日, 二〇二〇年十月十七日,
 * 2020-06-09), partial ones (10月17日, 2020年, 2021年度, 17日下午), ranges (12月11日至12日)
 * and relative ones (昨日, 今年, 上月), normalised to ISO with the article date.
 * Durations (五年来, 近3年, 3个月) are not dates and are not matched.
 */
import type { ArticleDate, EntityMention } from '../types';

/** A point in time as read from the text; missing fields are unknown. */
export interface DatePoint {
  year?: number;
  month?: number;
  day?: number;
}

const CN_DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of an Arabic or Chinese numeral (一 … 三十一, or digit-by-digit years like 二〇二〇). */
export function numeralValue(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) return Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? CN_DIGIT[tens] ?? 0 : 1) * 10 + (ones ? CN_DIGIT[ones] ?? 0 : 0);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO form of a (partial) point: 2020-06-05, 2020-06, 2020, --06-05, --06. */
export function pointIso(p: DatePoint): string | undefined {
  if (p.year !== undefined) {
    if (p.month === undefined) return String(p.year);
    return p.day === undefined ? `${p.year}-${pad2(p.month)}` : `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
  }
  if (p.month === undefined) return undefined;
  return p.day === undefined ? `--${pad2(p.month)}` : `--${pad2(p.month)}-${pad2(p.day)}`;
}

export function validPoint(p: DatePoint): boolean {
  if (p.year !== undefined && (p.year < 1800 || p.year > 2199)) return false;
  if (p.month !== undefined && (p.month < 1 || p.month > 12)) return false;
  if (p.day !== undefined && (p.day < 1 || p.day > 31)) return false;
  return true;
}

// Sticky pieces of the grammar, tried at one position.
const YEAR = /(\d{4}|[〇○零一二三四五六七八九]{4})年(度)?/y;
/**
 * A Republic-of-China year (Taiwan: 中华民国114年3月5日, 114年7月1日, 114年度): year n is 1911 + n.
 * Without 民国 only 100–150 followed by a month or 度, which no other date in current news writes.
 */
const ROC_YEAR = /(中华民国|民国)?(\d{1,3})年(度)?/y;
const ROC_OFFSET = 1911;
const MONTH = /(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(份)?/y;
const DAY = /(3[01]|[12]\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])([日号])/y;
const NUMERIC = /(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d.])/y;
const REL_YEAR = /(今年|去年|明年|前年)/y;
const REL_MONTH = /(本月|上月|下月|上个月|下个月)/y;
/** A week before, this or after the article's (上周, 本周, 下周三): a date no calendar day is given for. */
const REL_WEEK = /(上周|本周|下周|这周|上个星期|下个星期)(末|[一二三四五六日天](?![年月日]))?(?![期边围年刊报岁转])/y;
const TODAY_WITH_DAY = /([今昨明])[（(]([0-9]{1,2})[）)]日/y;
/**
 * The day told about before (当天, 当日, 同日) or the day after it (次日, 翌日), not itself a day of
 * the calendar. (Not 这次|日程, 一次|日常: 次 counting times before a word starting with 日.)
 */
const SAME_DAY_WORD = /(当天|当日|同日|(?<![这此本上下每一二三四五六七八九十两几多首该第再])次日|翌日)(?![子期程常志记报元用益])/y;
const REL_DAY = /(昨日|昨天|昨晚|昨夜|今天|今日|今晚|今晨|明天|明日|前天|前日)/y;
const PART_OF_DAY = /(上午|下午|中午|晚上|晚间|早上|早晨|凌晨|傍晚|夜间|深夜|清晨|晚(?![会宴饭餐些]))/y;
/** A part of a month after it (12月中旬, 3月初, 6月底). */
const PART_OF_MONTH = /(上中旬|中下旬|上旬|中旬|下旬|初|底|末)/y;
/** The end of a range within one month told by its part (6月上旬至中旬). */
const PART_OF_MONTH_END = /(?:至|到|—|–|-|~|～)(?:中旬|下旬|月底|月末)/y;
/** A part of a year after it (2024年底, 2025年初). */
const PART_OF_YEAR = /(底|初|末)(?![期步])/y;
const RANGE_JOIN = /(至|到|—|–|-|~|～)/y;
/** Parts of a year: quarters and halves (一季度, 第四季度, 上半年, 前三季度, 前10个月, 前10月). */
const QUARTER = /(第?[一二三四1-4]季度|[上下]半年|前[一二三]季度|前(?:1[01]|[2-9]|[两二三四五六七八九十]|十一)个?月)/y;
/** A month range whose start leaves out 月 (1—3月份, 1至10月). */
const MONTH_RANGE_START = /(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])(?=(?:至|到|—|–|-|~|～)(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)/y;

const REL_YEAR_OFFSET: Record<string, number> = { 今年: 0, 去年: -1, 明年: 1, 前年: -2 };
const REL_DAY_OFFSET: Record<string, number> = {
  昨日: -1, 昨天: -1, 昨晚: -1, 昨夜: -1, 今天: 0, 今日: 0, 今晚: 0, 今晨: 0, 明天: 1, 明日: 1, 前天: -2, 前日: -2,
};
const REL_MONTH_OFFSET: Record<string, number> = { 本月: 0, 上月: -1, 下月: 1, 上个月: -1, 下个月: 1 };

/** Characters after a year that make it a duration or a count (1000年来, 2000多年). */
const AFTER_YEAR_NOT_DATE = /[来多间半]/;
const CLAUSE_START = /[。！？；!?;\n]/;

function at(re: RegExp, s: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(s);
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isCnNumeral = (c: string | undefined) => c !== undefined && /[〇○零一二三四五六七八九十两百千万]/.test(c);

interface Parsed {
  end: number;
  point: DatePoint;
  /** False for relative expressions that the article date cannot resolve. */
  resolved: boolean;
  /** The expression names a day (so 上午/下午 may follow). */
  hasDay: boolean;
}

/** Shifts a (possibly yearless) day by `days`; the year 2000 stands in (leap, so 02-29 survives). */
function shiftDay(p: DatePoint, days: number): DatePoint {
  const d = new Date(Date.UTC(p.year ?? 2000, (p.month ?? 1) - 1, p.day ?? 1));
  d.setUTCDate(d.getUTCDate() + days);
  const out: DatePoint = { month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (p.year !== undefined) out.year = d.getUTCFullYear();
  return out;
}

/** `month` of `year` moved by `offset` months (the year kept unknown when it is). */
function shiftMonth(year: number | undefined, month: number, offset: number): { year?: number; month: number } {
  const total = month - 1 + offset;
  const m = ((total % 12) + 12) % 12 + 1;
  return year === undefined ? { month: m } : { year: year + Math.floor(total / 12), month: m };
}

/** Reads a month (and day) at i into `point`; returns the end of what was read. */
function parseMonthDay(s: string, i: number, point: DatePoint): number {
  const m = at(MONTH, s, i);
  if (!m) return i;
  point.month = numeralValue(m[1]);
  let end = i + m[0].length;
  if (m[2]) return end; // 6月份
  const d = at(DAY, s, end);
  if (d) {
    point.day = numeralValue(d[1]);
    end += d[0].length;
  } else {
    // 12月中旬, 6月底: still the month.
    const part = at(PART_OF_MONTH, s, end);
    if (part) end += part[0].length;
  }
  return end;
}

/** A year read up to `end` (年 or 年度 included) and what follows it: a part of the year or a month and day. */
function yearOn(s: string, end: number, year: number, fiscal: boolean): Parsed | null {
  const point: DatePoint = { year };
  if (!validPoint(point)) return null;
  if (!fiscal) {
    if (AFTER_YEAR_NOT_DATE.test(s[end] ?? '')) return null;
    // 2024年底, 2025年初, 2026年一季度: still the year.
    const part = at(PART_OF_YEAR, s, end) ?? at(QUARTER, s, end);
    if (part) end += part[0].length;
    else end = parseMonthDay(s, end, point);
  }
  return { end, point, resolved: true, hasDay: point.day !== undefined };
}

/** One date point starting exactly at i, or null. */
function parsePoint(s: string, i: number, article: ArticleDate | null, inRange: boolean): Parsed | null {
  const c = s[i];
  const prev = s[i - 1];
  if (isDigit(c) && (isDigit(prev) || prev === '.')) return null;
  if (isCnNumeral(c) && isCnNumeral(prev)) return null;

  let m = at(NUMERIC, s, i);
  if (m) {
    const point = { year: Number(m[1]), month: Number(m[3]), day: Number(m[4]) };
    return validPoint(point) ? { end: i + m[0].length, point, resolved: true, hasDay: true } : null;
  }

  m = at(REL_YEAR, s, i);
  if (m) {
    const point: DatePoint = {};
    if (article?.year !== undefined) point.year = article.year + REL_YEAR_OFFSET[m[1]];
    // 今年一季度, 今年下半年: a part of the year.
    const quarter = at(QUARTER, s, i + m[0].length);
    const end = quarter ? i + m[0].length + quarter[0].length : parseMonthDay(s, i + m[0].length, point);
    // 今年5月23日 without a known year still names a month and day (--05-23).
    return { end, point, resolved: point.year !== undefined || point.month !== undefined, hasDay: point.day !== undefined };
  }

  m = at(YEAR, s, i);
  if (m) return yearOn(s, i + m[0].length, numeralValue(m[1]), !!m[2]);

  m = at(ROC_YEAR, s, i);
  if (m) {
    const n = Number(m[2]), end = i + m[0].length;
    const roc = m[1] ? n >= 1 : n >= 100 && n <= 150 && (!!m[3] || at(MONTH, s, end) !== null);
    if (roc) return yearOn(s, end, ROC_OFFSET + n, !!m[3]);
  }

  // 1—3月份: the range's start month, its 月 left out (the range is read by the caller).
  m = inRange ? null : at(MONTH_RANGE_START, s, i);
  if (m) {
    const point: DatePoint = { month: numeralValue(m[1]) };
    if (article?.year !== undefined) point.year = article.year;
    return { end: i + m[0].length, point, resolved: true, hasDay: false };
  }

  m = at(MONTH, s, i);
  if (m) {
    const point: DatePoint = {};
    const end = parseMonthDay(s, i, point);
    // A Chinese-numeral month alone (三月) is accepted only as 三月份, in a range, after a year,
    // or as a clause of its own (五月，第四届…会议曾在攀枝花召开).
    const ownClause = (i === 0 || CLAUSE_START.test(prev ?? '')) && /[,，]/.test(s[end] ?? '');
    if (point.day === undefined && !isDigit(c) && !m[2] && !inRange && !ownClause) return null;
    // (前10月: the first ten months, a period, not October.)
    if (point.day === undefined && prev === '前') return null;
    if (article?.year !== undefined) point.year = article.year;
    return { end, point, resolved: true, hasDay: point.day !== undefined };
  }

  m = at(DAY, s, i);
  if (m) {
    const end = i + m[0].length;
    // A bare day needs Arabic digits and 日, a following part of day, or a range start before it.
    const withPart = at(PART_OF_DAY, s, end) !== null;
    if (!inRange && !withPart && !(isDigit(c) && m[2] === '日')) return null;
    if (!inRange && m[2] === '号' && !withPart) return null;
    const point: DatePoint = { day: numeralValue(m[1]) };
    if (article?.month !== undefined) {
      point.month = article.month;
      if (article.year !== undefined) point.year = article.year;
    }
    return { end, point, resolved: point.month !== undefined, hasDay: true };
  }

  m = at(REL_MONTH, s, i);
  if (m) {
    // 上月28日: the day belongs to the relative month.
    let end = i + m[0].length;
    const d = at(DAY, s, end);
    if (d) end += d[0].length;
    if (article?.month === undefined) return { end, point: {}, resolved: false, hasDay: !!d };
    const shifted = shiftDay({ year: article.year, month: article.month, day: 15 }, REL_MONTH_OFFSET[m[1]] * 30);
    const point: DatePoint = { month: shifted.month };
    if (shifted.year !== undefined) point.year = shifted.year;
    if (d) point.day = numeralValue(d[1]);
    return { end, point, resolved: true, hasDay: !!d };
  }

  m = at(REL_WEEK, s, i);
  if (m) return { end: i + m[0].length, point: {}, resolved: false, hasDay: !!m[2] && m[2] !== '末' };

  // 今（5）日, 昨（4）日, as Taiwan's news write "today, the 5th": the day is given.
  m = at(TODAY_WITH_DAY, s, i);
  if (m) {
    const point: DatePoint = { day: Number(m[2]) };
    if (article?.month !== undefined) {
      // 昨（30）日 told on the 1st: the day before was in the month before (明（1）日 on the 30th: after).
      const offset = m[1] === '昨' && article.day !== undefined && point.day! > article.day ? -1
        : m[1] === '明' && article.day !== undefined && point.day! < article.day ? 1 : 0;
      const month = shiftMonth(article.year, article.month, offset);
      point.month = month.month;
      if (month.year !== undefined) point.year = month.year;
    }
    return { end: i + m[0].length, point, resolved: point.month !== undefined, hasDay: true };
  }

  // 当天下午, 同日, 次日: the day just told about (or the next), which the event extractor carries over.
  m = at(SAME_DAY_WORD, s, i);
  if (m) return { end: i + m[0].length, point: {}, resolved: false, hasDay: true };

  m = at(REL_DAY, s, i);
  if (m) {
    const end = i + m[0].length;
    if (article?.month === undefined || article.day === undefined) return { end, point: {}, resolved: false, hasDay: true };
    return { end, point: shiftDay(article, REL_DAY_OFFSET[m[1]]), resolved: true, hasDay: true };
  }
  return null;
}

/**
 * Part of day or of the year on its own counts only when it opens a clause (下午,…, 一季度,…), where it
 * clearly dates what follows.
 */
function bareDayPartEnd(s: string, i: number): number | null {
  const dayPart = at(PART_OF_DAY, s, i);
  const m = dayPart ?? at(QUARTER, s, i);
  if (!m) return null;
  const end = i + m[0].length;
  // 部署下半年重点任务, 回顾前三季度: a part of the year a plan or review is about.
  if (!dayPart && PERIOD_VERB_BEFORE.test(s.slice(Math.max(0, i - 2), i))) return end;
  let j = i - 1;
  while (j >= 0 && /[ \t\u3000\u00a0]/.test(s[j])) j--;
  // (李超介绍，前11个月，…: a part of the year opening what is reported dates it too.)
  if (j >= 0 && !CLAUSE_START.test(s[j]) && !(!dayPart && REPORTED_BEFORE.test(s.slice(Math.max(0, j - 5), j + 1)))) return null;
  // (一季度同比增长5.3%, 上半年全省…: a part of the year opening a clause dates it, comma or not; 下午 needs one.)
  return !dayPart || /[,，]/.test(s[end] ?? '') ? end : null;
}

/** A verb of reporting and its comma right before a part of the year (介绍，前11个月，…). */
const REPORTED_BEFORE = /(?:介绍|表示|指出|透露|显示|称|说)[，,]$/;
/** Verbs of planning or reviewing right before a part of the year (部署|下半年…). */
const PERIOD_VERB_BEFORE = /(?:部署|安排|谋划|总结|回顾|盘点|展望)$/;

/** Fills fields the range end omits (12月11日至12日) from its start. */
function completeEnd(start: DatePoint, end: DatePoint): DatePoint {
  const out = { ...end };
  if (out.month === undefined && out.year === undefined && start.day !== undefined) out.month = start.month;
  if (out.year === undefined && out.month !== undefined && start.year !== undefined) {
    // 12月30日至1月2日 crosses into the next year.
    const wraps = start.month !== undefined && out.month < start.month;
    out.year = start.year + (wraps ? 1 : 0);
  }
  if (out.year === undefined) delete out.year;
  if (out.month === undefined) delete out.month;
  return out;
}

/** Both ends name the same granularity (day–day, month–month, year–year). */
function compatible(a: DatePoint, b: DatePoint): boolean {
  const gran = (p: DatePoint) => (p.day !== undefined ? 3 : p.month !== undefined ? 2 : p.year !== undefined ? 1 : 0);
  return gran(a) === gran(b) && gran(a) > 0;
}

/** `text` with full-width digits as ASCII: a same-length shadow, so offsets into it stay valid. */
export function withAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Code units a date may start with (digits, numerals, relative words), as a table: a regular
 * expression run from every candidate allocated a match each time, and 中, 上, 本, 第 are common.
 */
const DATE_STARTERS = (() => {
  const table = new Uint8Array(65536);
  for (const c of '0123456789〇○零一二三四五六七八九十今去明前本上下昨中晚早凌傍夜深清第当同民次翌') table[c.charCodeAt(0)] = 1;
  return table;
})();

export function findDates(text: string, articleDate: ArticleDate | null): EntityMention[] {
  const s = withAsciiDigits(text);
  const out: EntityMention[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && !DATE_STARTERS[s.charCodeAt(i)]) i++;
    if (i >= s.length) break;
    const first = parsePoint(s, i, articleDate, false);
    if (!first) {
      const bare = bareDayPartEnd(s, i);
      if (bare !== null) {
        out.push({ type: 'date', start: i, end: bare, canonical: text.slice(i, bare), source: 'date-grammar' });
        i = bare;
      } else i++;
      continue;
    }
    let end = first.end;
    let iso = first.resolved ? pointIso(first.point) : undefined;
    if (first.hasDay) {
      const part = at(PART_OF_DAY, s, end);
      if (part) end += part[0].length;
    }
    // 6月上旬至中旬: the range goes on within the month.
    const monthPartEnd = first.point.day === undefined && /[旬初]$/.test(s.slice(i, end)) ? at(PART_OF_MONTH_END, s, end) : null;
    if (monthPartEnd) end += monthPartEnd[0].length;
    // Range: 12月11日至12日, 2019年至2020年, 6月5日至7月2日.
    const join = monthPartEnd ? null : at(RANGE_JOIN, s, end);
    if (join && first.resolved) {
      // The range end is read without the article date: what it omits comes from the range start.
      const second = parsePoint(s, end + join[0].length, null, true);
      if (second) {
        const endPoint = completeEnd(first.point, second.point);
        if (compatible(first.point, endPoint) && validPoint(endPoint)) {
          const a = pointIso(first.point);
          const b = pointIso(endPoint);
          end = second.end;
          const part = at(PART_OF_DAY, s, end);
          if (part && endPoint.day !== undefined) end += part[0].length;
          iso = a && b ? `${a}/${b}` : undefined;
        }
      }
    } else if (join && first.hasDay) {
      // 本月10日至11日 with no article date to resolve it: still one range, of no known value.
      const second = parsePoint(s, end + join[0].length, null, true);
      if (second && second.hasDay && second.point.year === undefined && second.point.month === undefined) end = second.end;
    }
    const mention: EntityMention = { type: 'date', start: i, end, canonical: text.slice(i, end), source: 'date-grammar' };
    if (iso) mention.iso = iso;
    out.push(mention);
    i = end;
  }
  return out;
}
