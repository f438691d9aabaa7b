/**
 * The article's own date: a news dateline (人民网上海10月18日电, 央广网上海11月1日消息),
 * a labelled line near the top (时间:2020-06-09, 发布时间：2020年6月9日), or a date in the
 * file name. A date that merely opens the body (晨报讯 6月5日,…) dates an event, not the article.
 */
import type { ArticleDate, Span } from './types';
import { numeralValue, pointIso, validPoint, withAsciiDigits, type DatePoint } from './entities/dates';

/** Only the head of an article carries its own date. */
const HEAD_CHARS = 800;

const NUM = '(\\d{1,4}|[〇○零一二三四五六七八九十]{1,4})';
/** Month/day (optionally with a year) directly followed by 电/消息/讯: the dateline form. */
const DATELINE = new RegExp(`(?:${NUM}年)?${NUM}月${NUM}日(?:电|消息|讯|报道)`, 'g');
/** A label such as 时间: or 发布日期： followed by a full date. */
const LABELLED = new RegExp(
  `(?:发布|发表|发稿|更新|出版)?(?:时间|日期)\\s*[:：]\\s*(?:(\\d{4})[-./年](\\d{1,2})[-./月](\\d{1,2})日?|(?:中华)?(?:民国)?${NUM}年${NUM}月${NUM}日)`,
  'g',
);
/**
 * A full date in brackets on one of the first lines (本台消息摘要（2025年3月18日）, （2026年十一月十二日 新华网）),
 * or after a source in the bracket that opens a dispatch (【澳门特区政府新闻局　2025年8月12日】…).
 */
const BRACKETED_HEAD_DATE = new RegExp(`(?:[（(]|^【[^【】\\n，。]{0,20}?)[ \\t\u3000]*${NUM}年${NUM}月${NUM}日`, 'gm');
/** A press release's header with its month and day in brackets (香港特区政府新闻公报（11月21日）): the dateline form of a release. */
const PRESS_RELEASE_HEAD = new RegExp(`^[ \\t\u3000]*[^\\n，,。]{0,20}?新[闻聞](?:公[报報]|稿)[ \\t\u3000]*[（(]${NUM}月${NUM}日[）)]`, 'gm');
/** A head line that starts with a full date (2020-06-09 10:20 来源: …). */
const LEADING_DATE_LINE = /^[ \t\u3000]*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?=[ \t\u3000]|$)/gm;
/** A full date written in figures (2025-05-20, 2025/05/20, 2025年5月20日, its time may follow at once: 2024年11月22日08:36), not inside a longer number. */
export const FIGURE_DATE = /(?<!\d)(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})(?!\d)|年(\d{1,2})月(\d{1,2})日)/;
/** A Republic-of-China date after a date label (发布日期：114-03-05, 发布时间：114/09/23). */
const LABELLED_ROC = /(?:时间|日期)\s*[:：]\s*(\d{2,3})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
/** What a date line may hold besides its date: a time, a weekday, 更新, brackets and separators. */
const DATE_LINE_EXTRAS = /\d{1,2}:\d{2}(?::\d{2})?|[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?|更新|[【】\[\]（）()｜|·•　\s]/g;
/** Longest rest (a source, an editor's credit) a date line may hold; a sentence has punctuation. */
const DATE_LINE_REST = 20;
/** Lines at each end of an article that may be its date line. */
const HEAD_LINES = 12;
const FOOT_LINES = 8;

/**
 * A short line that holds one full date and otherwise only a source, a label, a time or a weekday:
 * 新闻稿　2025-05-20 18:42, 【澳门特区政府新闻局　2025年8月12日】, 桐庐新闻网　2024-12-18,
 * 2025年3月14日（星期五）, 编辑：李月　2025年01月09日. A sentence (it has a comma or a full stop)
 * is no date line.
 */
function dateOfDateLine(line: string, lineStart: number): ArticleDate | null {
  const m = FIGURE_DATE.exec(line);
  const roc = m ? null : ROC_WORD_DATE.exec(line);
  const found = m ?? roc;
  if (!found) return null;
  const rest = (line.slice(0, found.index) + line.slice(found.index + found[0].length)).replace(DATE_LINE_EXTRAS, '');
  if (rest.length > DATE_LINE_REST || /[，,。；;！？!?]/.test(rest) || FIGURE_DATE.test(rest) || ROC_WORD_DATE.test(rest)) return null;
  if (roc) return make({ year: Number(roc[1]) + ROC_YEAR_OFFSET, month: Number(roc[2]), day: Number(roc[3]) }, { start: lineStart + roc.index, end: lineStart + roc.index + roc[0].length });
  const point = { year: Number(m![1]), month: Number(m![3] ?? m![5]), day: Number(m![4] ?? m![6]) };
  return make(point, { start: lineStart + m!.index, end: lineStart + m!.index + m![0].length });
}

function make(point: DatePoint, span?: Span): ArticleDate | null {
  if (!validPoint(point)) return null;
  const iso = pointIso(point);
  if (!iso || point.month === undefined || point.day === undefined) return null;
  const out: ArticleDate = { iso, month: point.month, day: point.day };
  if (point.year !== undefined) out.year = point.year;
  if (span) out.span = span;
  return out;
}

/** Date from a file name: 2020-06-09_x.txt, 2020_06_09, 20200609 (not inside a longer hex/number run). */
export function dateFromFileName(fileName: string): ArticleDate | null {
  const base = fileName.replace(/^.*[\\/]/, '');
  const dashed = /(?<!\d)((?:19|20)\d{2})[-_.](\d{1,2})[-_.](\d{1,2})(?!\d)/.exec(base);
  const compact = /(?<![0-9A-Fa-f])((?:19|20)\d{2})(\d{2})(\d{2})(?![0-9A-Fa-f])/.exec(base);
  const m = dashed ?? compact;
  if (!m) return null;
  return make({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

function fromText(text: string): ArticleDate | null {
  const head = text.slice(0, HEAD_CHARS);
  const candidates: Array<{ at: number; date: ArticleDate; dateline?: boolean }> = [];
  for (const m of head.matchAll(DATELINE)) {
    const dateText = m[0].replace(/(电|消息|讯|报道)$/, '');
    const point: DatePoint = { month: numeralValue(m[2]), day: numeralValue(m[3]) };
    if (m[1]) point.year = numeralValue(m[1]);
    const d = make(point, { start: m.index, end: m.index + dateText.length });
    // (A dispatch opens its line: 本报杭州1月22日讯, 新华社北京3月5日电; not 据…网站2024年5月8日消息 in a sentence.)
    const lineStart = head.lastIndexOf('\n', m.index) + 1;
    const opensLine = m.index - lineStart <= 24 && !/[，,。；;据]/.test(head.slice(lineStart, m.index));
    if (d) candidates.push({ at: m.index, date: d, dateline: opensLine });
  }
  /** A full date a match gives: the value starts at its first numeral and runs to the match's end. */
  const addFullDate = (m: RegExpMatchArray, y: string, mo: string, d: string) => {
    const valueStart = m.index! + m[0].search(/[\d〇○零一二三四五六七八九十]|(?:中华)?民国/);
    const date = make({ year: gregorianYear(numeralValue(y)), month: numeralValue(mo), day: numeralValue(d) }, { start: valueStart, end: m.index! + m[0].length });
    if (date) candidates.push({ at: m.index!, date });
  };
  for (const m of head.matchAll(LABELLED)) {
    if (m[1]) addFullDate(m, m[1], m[2], m[3]);
    else addFullDate(m, m[4], m[5], m[6]);
  }
  for (const m of head.matchAll(LABELLED_ROC)) {
    const year = Number(m[1]) + ROC_YEAR_OFFSET;
    const valueStart = m.index! + m[0].length - m[1].length - m[2].length * 2 - m[3].length - m[4].length;
    const date = make({ year, month: Number(m[3]), day: Number(m[4]) }, { start: valueStart, end: m.index! + m[0].length });
    if (date) candidates.push({ at: m.index!, date });
  }
  const lines = head.split('\n');
  for (const m of lines.slice(0, HEAD_LINES).join('\n').matchAll(PRESS_RELEASE_HEAD)) {
    const valueStart = m.index! + m[0].lastIndexOf(m[1] + '月');
    const d = make({ month: numeralValue(m[1]), day: numeralValue(m[2]) }, { start: valueStart, end: m.index! + m[0].length - 1 });
    if (d) candidates.push({ at: m.index!, date: d, dateline: true });
  }
  for (const m of lines.slice(0, 3).join('\n').matchAll(BRACKETED_HEAD_DATE)) addFullDate(m, m[1], m[2], m[3]);
  for (const m of lines.slice(0, HEAD_LINES).join('\n').matchAll(LEADING_DATE_LINE)) addFullDate(m, m[1], m[2], m[3]);
  const dateLines = datedLines(text);
  for (const d of dateLines) if (d.head && d.at < HEAD_CHARS) candidates.push({ at: d.at, date: d.date });
  candidates.sort((a, b) => a.at - b.at);
  // The dispatch's own day (本报3月21日讯) over the page's (湖南日报　2024年3月22日 above it, printed the day after):
  // its 今天 is the dispatch's. A date line at the foot when the head has none.
  const first = candidates[0]?.date;
  const dispatch = candidates.find((c) => c.dateline)?.date;
  const chosen = (dispatch && first && (dispatch.month !== first.month || dispatch.day !== first.day) ? dispatch : first) ?? dateLines.find((d) => !d.head)?.date ?? null;
  return chosen && chosen.year === undefined ? withYearOfDateLine(chosen, [...candidates, ...dateLines]) : chosen;
}

/** A ROC year plus this is the Gregorian year (114 → 2025). */
const ROC_YEAR_OFFSET = 1911;

/** A year as written: a three-digit year from 100 to 150 is a ROC year (Taiwan's 113年5月30日), as in the date grammar. */
function gregorianYear(year: number): number {
  return year >= 100 && year <= 150 ? year + ROC_YEAR_OFFSET : year;
}

/** A ROC date in words (发布日期：113年5月30日, 中华民国113年5月30日) on a date line. */
const ROC_WORD_DATE = /(?<!\d)(?:(?:中华)?民国)?(1[0-4]\d|150)年(\d{1,2})月(\d{1,2})日/;

/** Longest line that may be a date line. */
const MAX_DATE_LINE = 60;

/**
 * The date lines among an article's first lines (head: true) and its last lines that hold something
 * (chrome often follows the date: 相关新闻, 返回页首), in text order. Only those lines are read, however
 * long the article.
 */
function datedLines(text: string): Array<{ at: number; head: boolean; date: ArticleDate }> {
  const out: Array<{ at: number; head: boolean; date: ArticleDate }> = [];
  const read = (start: number, end: number, head: boolean) => {
    const date = end - start <= MAX_DATE_LINE ? dateOfDateLine(text.slice(start, end), start) : null;
    if (date) out.push({ at: start, head, date });
  };
  let headEnd = 0;
  for (let i = 0; i < HEAD_LINES && headEnd <= text.length; i++) {
    const nl = text.indexOf('\n', headEnd);
    const end = nl < 0 ? text.length : nl;
    read(headEnd, end, true);
    headEnd = end + 1;
  }
  const foot: Array<[number, number]> = [];
  for (let end = text.length; end > headEnd && foot.length < FOOT_LINES;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    if (start < headEnd) break;
    if (text.slice(start, end).trim() !== '') foot.push([start, end]);
    end = start - 1;
  }
  for (let k = foot.length - 1; k >= 0; k--) read(foot[k][0], foot[k][1], false);
  return out;
}

/**
 * A dateline's month and day with the year of a date line told on or up to two months after it (人民日报万象10月10日电 …
 * (来源：人民日报 2024年10月11日 第01版)): the paper printed what was sent.
 */
function withYearOfDateLine(date: ArticleDate, dateLines: ReadonlyArray<{ date: ArticleDate }>): ArticleDate {
  if (date.month === undefined || date.day === undefined) return date;
  for (const { date: full } of dateLines) {
    if (full.year === undefined || full.month === undefined || full.day === undefined) continue;
    const year = date.month > full.month ? full.year - 1 : full.year;
    const monthsBefore = (full.year - year) * 12 + full.month - date.month;
    if (monthsBefore > 2 || (monthsBefore === 0 && date.day > full.day)) continue;
    const dated = make({ year, month: date.month, day: date.day }, date.span);
    if (dated) return dated;
  }
  return date;
}

export function detectArticleDate(text: string, fileName?: string): ArticleDate | null {
  // Datelines are read in either digit width (新华社北京１月５日电).
  const inText = fromText(withAsciiDigits(text));
  const inName = fileName ? dateFromFileName(fileName) : null;
  if (inText && inText.year === undefined && inName && inName.month === inText.month && inName.day === inText.day) {
    // The file name supplies the year a dateline leaves out.
    return { ...inText, year: inName.year, iso: inName.iso };
  }
  return inText ?? inName;
}
