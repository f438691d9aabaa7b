/**
 * News outlets named by the article's own frame: the dateline (晨报讯, 金华日报消息, 央广网上海11月1日消息,
 * 新华社北京6月5日电) and a source credit line ((交汇点), 来源:交汇点). 本报/本刊 (this paper) name no outlet.
 */
import type { NerData } from './nerData';
import type { Interval } from './spanUtil';

/** X讯 / X消息 opening a paragraph, then a space, bracket, date or the next sentence. */
const DATELINE_NEWS = /^[ \t\u3000]*([\u4e00-\u9fff]{2,8}?)(?:讯|消息)(?=[ \t\u3000(（]|\d|[昨今本前]|$)/;
/** X + place + month/day + 电/消息/讯. */
const DATELINE_DATED = /^[ \t\u3000]*【?([\u4e00-\u9fff]{4,12}?)\d{1,2}月\d{1,2}日(?:电|消息|讯)/;
/** A line that is only a bracketed source, or 来源:X. */
const SOURCE_LINE = /^[ \t\u3000]*(?:[(（]([\u4e00-\u9fff]{2,8})[)）]|来源[:：][ \u3000]*([\u4e00-\u9fff]{2,8}))[ \t\u3000]*$/;
/** Words of a credit that are not an outlet (记者 张三 is a byline, 本报 is this paper, 据 is "according to"). */
const NOT_OUTLET = /^[本据]|记者|编辑|通讯员|摄/;

/** The outlet a dateline names and the place it was filed from; a bare place (昆明讯) names no outlet. */
export interface Dateline { outlet?: Interval; place?: Interval }

export function findMediaOutlets(paragraph: string, data: NerData): Dateline[] {
  const lead = paragraph.length - paragraph.trimStart().length;
  const news = DATELINE_NEWS.exec(paragraph);
  if (news && !NOT_OUTLET.test(news[1])) {
    const span = { start: lead, end: lead + news[1].length };
    // 昆明讯, 哈尔滨讯: a dispatch filed from a city, not an outlet's name.
    return [data.lexicon.places.has(news[1]) || data.placeIndex.has(news[1]) ? { place: span } : { outlet: span }];
  }
  const dated = DATELINE_DATED.exec(paragraph);
  if (dated) {
    const run = dated[1];
    // (【人民日报万象10月10日电】: the dateline in a bracket.)
    const at = dated.index + dated[0].indexOf(run);
    // The outlet is what precedes a known place (新华社|北京, 央广网|上海); the place is where it was filed.
    // (新华社|海南文昌: the place may be a chain, a province before its city.)
    for (let k = 2; k <= run.length - 2; k++) {
      if (placeChain(run.slice(k), data) && !NOT_OUTLET.test(run.slice(0, k))) {
        return [{ outlet: { start: at, end: at + k }, place: { start: at + k, end: at + run.length } }];
      }
    }
    // (新华社|阿拉木图: after a known outlet, the place it was filed from, whether or not the gazetteer knows it.)
    for (let k = run.length - 2; k >= 2; k--) {
      if (data.lexicon.orgs.has(run.slice(0, k)) && !NOT_OUTLET.test(run.slice(0, k))) {
        return [{ outlet: { start: at, end: at + k }, place: { start: at + k, end: at + run.length } }];
      }
    }
  }
  const source = SOURCE_LINE.exec(paragraph);
  const name = source?.[1] ?? source?.[2];
  // (张三) alone on a line is a credit to a person.
  if (name && !NOT_OUTLET.test(name) && !(name.length <= 3 && data.lexicon.surnames.has(name[0]))) {
    const at = paragraph.indexOf(name);
    return [{ outlet: { start: at, end: at + name.length } }];
  }
  return [];
}

/** Whether `words` are known places one after another (文昌, 海南文昌, 广东深圳). */
function placeChain(words: string, data: NerData): boolean {
  if (data.lexicon.places.has(words)) return true;
  for (let k = 2; k <= words.length - 2; k++) if (data.lexicon.places.has(words.slice(0, k)) && placeChain(words.slice(k), data)) return true;
  return false;
}
