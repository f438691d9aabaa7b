/**
 * The article's own date: a news dateline (人民网上海10月18日电, 央广网上海11月1日消息),
 * a labelled line near the top (时间:2020-06-09, 发布时间：2020年6月9日), or a date in the
 * file name. A date that merely opens the body (晨报讯 6月5日,…) dates an event, not the article.
 */
import type { ArticleDate, Span } from './types';
import { numeralValue, pointIso, validPoint, type DatePoint } from './entities/dates';

/** Only the head of an article carries its own date. */
const HEAD_CHARS = 800;

const NUM = '(\\d{1,4}|[〇○零一二三四五六七八九十]{1,4})';
/** Month/day (optionally with a year) directly followed by 电/消息/讯: the dateline form. */
const DATELINE = new RegExp(`(?:${NUM}年)?${NUM}月${NUM}日(?:电|消息|讯|报道)`, 'g');
/** A label such as 时间: or 发布日期： followed by a full date. */
const LABELLED = new RegExp(
  `(?:发布|发表|发稿|更新|出版)?(?:时间|日期)\\s*[:：]\\s*(?:(\\d{4})[-./年](\\d{1,2})[-./月](\\d{1,2})日?|${NUM}年${NUM}月${NUM}日)`,
  'g',
);
/** A full date in brackets on one of the first lines (本台消息摘要（2025年3月18日）, （2026年十一月十二日 新华网）). */
const BRACKETED_HEAD_DATE = new RegExp(`[（(][ \\t\u3000]*${NUM}年${NUM}月${NUM}日`, 'g');
/** A head line that starts with a full date (2020-06-09 10:20 来源: …). */
const LEADING_DATE_LINE = /^[ \t\u3000]*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?(?=[ \t\u3000]|$)/gm;

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
  const candidates: Array<{ at: number; date: ArticleDate }> = [];
  for (const m of head.matchAll(DATELINE)) {
    const dateText = m[0].replace(/(电|消息|讯|报道)$/, '');
    const point: DatePoint = { month: numeralValue(m[2]), day: numeralValue(m[3]) };
    if (m[1]) point.year = numeralValue(m[1]);
    const d = make(point, { start: m.index, end: m.index + dateText.length });
    if (d) candidates.push({ at: m.index, date: d });
  }
  /** A full date a match gives: the value starts at its first numeral and runs to the match's end. */
  const addFullDate = (m: RegExpMatchArray, y: string, mo: string, d: string) => {
    const valueStart = m.index! + m[0].search(/[\d〇○零一二三四五六七八九十]/);
    const date = make({ year: numeralValue(y), month: numeralValue(mo), day: numeralValue(d) }, { start: valueStart, end: m.index! + m[0].length });
    if (date) candidates.push({ at: m.index!, date });
  };
  for (const m of head.matchAll(LABELLED)) {
    if (m[1]) addFullDate(m, m[1], m[2], m[3]);
    else addFullDate(m, m[4], m[5], m[6]);
  }
  const lines = head.split('\n');
  for (const m of lines.slice(0, 3).join('\n').matchAll(BRACKETED_HEAD_DATE)) addFullDate(m, m[1], m[2], m[3]);
  for (const m of lines.slice(0, 12).join('\n').matchAll(LEADING_DATE_LINE)) addFullDate(m, m[1], m[2], m[3]);
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => a.at - b.at);
  return candidates[0].date;
}

export function detectArticleDate(text: string, fileName?: string): ArticleDate | null {
  const inText = fromText(text);
  const inName = fileName ? dateFromFileName(fileName) : null;
  if (inText && inText.year === undefined && inName && inName.month === inText.month && inName.day === inText.day) {
    // The file name supplies the year a dateline leaves out.
    return { ...inText, year: inName.year, iso: inName.iso };
  }
  return inText ?? inName;
}
