import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDataDir } from '../../src/core/resources';
import { normalize } from '../../src/core/normalize';
import { OpenccConverter } from '../../src/core/script';
import { detectArticleDate, dateFromFileName } from '../../src/core/articleDate';
import { findDates } from '../../src/core/entities/dates';
import type { ArticleDate } from '../../src/core/types';

const root = dirname(findDataDir(__dirname));
const goldDir = join(root, '..', 'shared', 'gold', 'seeds');
const converter = new OpenccConverter();
/** Seed as analysis text: glosses stripped, simplified. */
const seed = (name: string) => converter.toSimplified(normalize(readFileSync(join(root, 'seeds', name), 'utf8')).text).text;
const seedNames = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();

const dates = (text: string, article: ArticleDate | null = null) => findDates(text, article).map((m) => [m.canonical, m.iso ?? null]);
const article = (iso: string): ArticleDate => {
  const m = /^(\d{4}|-)-(\d\d)-(\d\d)$/.exec(iso)!;
  return m[1] === '-' ? { iso, month: +m[2], day: +m[3] } : { iso, year: +m[1], month: +m[2], day: +m[3] };
};

test('article date of every seed equals the gold top-level date', () => {
  assert.ok(existsSync(goldDir), `gold folder ${goldDir} missing`);
  assert.equal(seedNames.length, 5);
  for (const name of seedNames) {
    const gold = JSON.parse(readFileSync(join(goldDir, name.replace(/\.txt$/, '.json')), 'utf8')) as { date: string | null };
    assert.equal(detectArticleDate(seed(name), name)?.iso ?? null, gold.date, name);
  }
});

test('datelines and labelled lines date the article; an opening event date does not', () => {
  assert.equal(detectArticleDate('新华社北京3月5日电（记者张三）全国人大…')?.iso, '--03-05');
  assert.equal(detectArticleDate('本报北京2023年10月18日电 记者…')?.iso, '2023-10-18');
  assert.equal(detectArticleDate('标题\n发布时间：2021年6月9日 10:20\n正文')?.iso, '2021-06-09');
  assert.equal(detectArticleDate('标题\n2021-03-05 10:22:01 来源：新华网\n正文')?.iso, '2021-03-05');
  assert.equal(detectArticleDate('晨报讯 6月5日,2020年度长三角地区主要领导座谈会在浙江湖州举行。'), null);
  // A press release's header dates it (香港特區政府新聞公報（11月21日）); a bracketed day in a sentence does not.
  assert.equal(detectArticleDate('標題\n\n香港特區政府新聞公報（11月21日）行政長官李家超今日（11月21日）上午出席…')?.iso, '--11-21');
  assert.equal(detectArticleDate('特区政府表示，新闻公报提到的活动（11月21日）将如期举行。'), null);
  // The file name fills in the year a dateline leaves out, when month and day agree.
  assert.equal(detectArticleDate('新华社北京3月5日电 …', '2021-03-05_news.txt')?.iso, '2021-03-05');
  assert.equal(dateFromFileName('/a/b/news_20200609.txt')?.iso, '2020-06-09');
  assert.equal(dateFromFileName('000_367782aa6370fb6f.txt'), null);
});

test('seed 000: dateline, event day, 今年 and a clause-opening 下午; durations are skipped', () => {
  const text = seed('000_367782aa6370fb6f.txt');
  const found = dates(text, detectArticleDate(text));
  assert.deepEqual(found.slice(0, 2), [['10月18日', '--10-18'], ['10月17日', '--10-17']]);
  assert.ok(found.some(([t]) => t === '今年'));
  assert.ok(found.some(([t]) => t === '下午'));
  assert.ok(!found.some(([t]) => /年来|五年/.test(t!)), JSON.stringify(found));
});

test('seed 001: 时间 line, years, 去年/今年 and 6月6日上午 resolved with the article year', () => {
  const text = seed('001_45de342918c548f4.txt');
  const found = dates(text, detectArticleDate(text));
  for (const expected of [['2020-06-09', '2020-06-09'], ['2020年', '2020'], ['6月6日上午', '2020-06-06'], ['去年', '2019'], ['今年', '2020'], ['2011年', '2011'], ['2019年', '2019']]) {
    assert.ok(found.some((f) => f[0] === expected[0] && f[1] === expected[1]), `${expected} in ${JSON.stringify(found)}`);
  }
  assert.ok(!found.some(([t]) => t === '近年来' || t === '一年来'));
});

test('seed 003 range and seed 004 relative days without an article date', () => {
  assert.deepEqual(dates('12月11日至12日,九地市政协共商G60科创走廊更高质量发展活动在金华市举行。G60科创走廊进入3.0版的一年多来'),
    [['12月11日至12日', '--12-11/--12-12']]);
  const text = seed('004_ee36ff66a312e937.txt');
  const found = dates(text, null);
  for (const t of ['6月5日', '2020年度', '2019年', '今年', '昨日', '昨日上午', '2021年度']) assert.ok(found.some((f) => f[0] === t), t);
  assert.equal(found.find((f) => f[0] === '昨日上午')![1], null);
  // With an article date the same words resolve.
  assert.deepEqual(dates('晨报讯 昨日上午,第二届长三角一体化发展高层论坛在浙江湖州举行。', article('2020-06-07')), [['昨日上午', '2020-06-06']]);
});

test('Republic-of-China years (Taiwan): 民国 with any year, 100–150 bare before a month or 度', () => {
  assert.deepEqual(dates('中华民国114年3月5日，新制自114年7月1日起实施，115年1月1日全面上路，纳入114年度预算。'),
    [['中华民国114年3月5日', '2025-03-05'], ['114年7月1日', '2025-07-01'], ['115年1月1日', '2026-01-01'], ['114年度', '2025']]);
  assert.deepEqual(dates('民国26年7月7日'), [['民国26年7月7日', '1937-07-07']]);
  // Not a ROC year: a count of years, or a 3-digit year with nothing after it.
  assert.deepEqual(dates('建校120年来，该校培养了大批人才。'), []);
  assert.deepEqual(dates('公元114年，'), []);
});

test('Chinese numerals, numeric forms, ranges, bare days and relative months', () => {
  const a = article('2021-01-20');
  assert.deepEqual(dates('二〇二〇年十月十七日,2020.06.09与2020/6/9', a), [
    ['二〇二〇年十月十七日', '2020-10-17'], ['2020.06.09', '2020-06-09'], ['2020/6/9', '2020-06-09'],
  ]);
  assert.deepEqual(dates('6月5日至7日举行;2019年至2020年;12月30日至1月2日', a), [
    ['6月5日至7日', '2021-06-05/2021-06-07'], ['2019年至2020年', '2019/2020'], ['12月30日至1月2日', '2021-12-30/2022-01-02'],
  ]);
  assert.deepEqual(dates('10日上午,会议开幕。17日下午闭幕。', a), [['10日上午', '2021-01-10'], ['17日下午', '2021-01-17']]);
  assert.deepEqual(dates('本月与上月', a), [['本月', '2021-01'], ['上月', '2020-12']]);
  assert.deepEqual(dates('今年6月,２０２０年６月', a), [['今年6月', '2021-06'], ['２０２０年６月', '2020-06']]);
  assert.deepEqual(dates('近3年来,一年多来,3个月内,五年来,5000多年历史,1号文件', a), []);
  assert.deepEqual(dates('他下午去了。上午,开会', a), [['上午', null]]);
});

test('People\'s Daily forms: 五月 as its own clause, 今年5月23日 without a known year, 昨晚/今晚 against the dateline', () => {
  const may = findDates('五月，第四届国际苏铁生物学会议曾在攀枝花召开。', null);
  assert.deepEqual(may.map((d) => [d.canonical, d.iso]), [['五月', '--05']]);
  assert.deepEqual(findDates('今年五月份', null).map((d) => d.iso), ['--05']);
  assert.deepEqual(findDates('五月的鲜花', null), [], 'a bare numeral month inside a phrase is not a date');
  const day = findDates('50年后，今年5月23日，董存瑞的家乡举办一系列活动。', null);
  assert.deepEqual(day.map((d) => d.iso), ['--05-23']);
  const article = { month: 5, day: 27, iso: '--05-27' };
  assert.deepEqual(findDates('中国女篮在昨晚开幕的锦标赛中首次亮相', article).map((d) => [d.canonical, d.iso]), [['昨晚', '--05-26']]);
  assert.deepEqual(findDates('首发式，今晚在京举行', { ...article, year: 1998 }).map((d) => d.iso), ['1998-05-27']);
});

test('a relative month takes the day after it (本月10日, 上月28日)', () => {
  const article: ArticleDate = { iso: '2024-12-05', year: 2024, month: 12, day: 5 };
  const got = findDates('本月10日，上月28日，下月3日', article).map((d) => [d.canonical, d.iso]);
  assert.deepEqual(got, [['本月10日', '2024-12-10'], ['上月28日', '2024-11-28'], ['下月3日', '2025-01-03']]);
});

test('今（5）日, Taiwan news\' "today, the 5th", is that day of the article\'s month', () => {
  assert.deepEqual(dates('总统府今（5）日表示，赖清德今（5）日上午接见访问团。', article('2025-12-05')), [['今（5）日', '2025-12-05'], ['今（5）日上午', '2025-12-05']]);
  assert.deepEqual(dates('今（5）日表示'), [['今（5）日', null]]);
});

test('昨（2）日 and 明（1）日 give their day too, in the month before or after when the day says so', () => {
  assert.deepEqual(dates('蒋万安昨（2）日出席活动，明（4）日将访问台中。', article('2025-12-03')), [['昨（2）日', '2025-12-02'], ['明（4）日', '2025-12-04']]);
  assert.deepEqual(dates('立法院昨（30）日三读通过。', article('2025-12-01')), [['昨（30）日', '2025-11-30']]);
  assert.deepEqual(dates('明（1）日起实施。', article('2025-12-31')), [['明（1）日', '2026-01-01']]);
});

test('parts of a year, a month and a day stay with the date (2024年底, 12月中旬, 27日晚); 晚会 and 初步 are no parts', () => {
  const found = (text: string) => findDates(text, { year: 2024, month: 12, day: 1 } as ArticleDate).map((d) => `${d.canonical}=${d.iso}`);
  assert.deepEqual(found('会议于12月中旬召开。'), ['12月中旬=2024-12']);
  assert.deepEqual(found('到2024年底完成。'), ['2024年底=2024']);
  assert.deepEqual(found('李强27日晚应约通电话。'), ['27日晚=2024-12-27']);
  assert.deepEqual(found('3月初开工，6月底前完成。'), ['3月初=2024-03', '6月底=2024-06']);
  assert.deepEqual(found('27日晚会见客人。'), ['27日=2024-12-27']);
  assert.deepEqual(found('2025年初步统计。'), ['2025年=2025']);
});

test('parts of a year (quarters, halves, the first months) and a month range whose start leaves out 月', () => {
  const at = article('2026-04-16');
  assert.deepEqual(dates('2026年一季度国民经济运行情况', at), [['2026年一季度', '2026']]);
  assert.deepEqual(dates('今年下半年在景洪市举办', at), [['今年下半年', '2026']]);
  assert.deepEqual(dates('2025年第四季度', at), [['2025年第四季度', '2025']]);
  assert.deepEqual(dates('1—3月份，全国固定资产投资增长4.5%。', at), [['1—3月份', '2026-01/2026-03']]);
  assert.deepEqual(dates('1至11月', null), [['1至11月', '--01/--11']]);
  // On its own only as a clause opening (一季度，…), not inside a phrase.
  assert.deepEqual(dates('上半年，全省完成投资。前10个月，全国', null).map(([t]) => t), ['上半年', '前10个月']);
  assert.deepEqual(dates('付凌峰表示一季度国民经济开局良好', null), []);
  assert.deepEqual(dates('3个月后', null), []);
  // 前10月 is the first ten months too (in a headline after a colon, no date of October).
  assert.deepEqual(dates('今年前10月，全省实现利润100亿元。', at).map(([t]) => t), ['今年前10月']);
  assert.deepEqual(dates('工信部：前10月我国软件业务收入同比增长11.5%。', at), []);
  // Opening what is reported (李超介绍，前11个月，…), as a sentence's opening does; not after any comma.
  assert.deepEqual(dates('李超介绍，前11个月，全国固定资产投资同比增长3.3%。', at).map(([t]) => t), ['前11个月']);
  assert.deepEqual(dates('投资增长，前11个月的数据显示', at).map(([t]) => t), []);
});

test('the day told about before (当天下午, 同日) is a date with no day of its own', () => {
  assert.deepEqual(dates('当天下午，双方签署了协议。同日，国家统计局公布数据。', article('2026-04-16')), [['当天下午', null], ['同日', null]]);
  // The day after (次日上午, 翌日), not 次 counting times (这次|日程, 一次|日常).
  assert.deepEqual(dates('次日上午，双方举行会谈。翌日，代表团离京。这次日程很满，是一次日常检查。', article('2026-04-16')), [['次日上午', null], ['翌日', null]]);
  assert.deepEqual(dates('当天的', null), [['当天', null]]);
  assert.deepEqual(dates('当日子过', null), []);
});

test('a full date in brackets on one of the first lines is the article date (本台消息摘要（2025年3月18日）)', () => {
  assert.equal(detectArticleDate('【新闻联播】本台消息摘要（2025年3月18日）\n\n国务院常务会议审议通过…')?.iso, '2025-03-18');
  assert.equal(detectArticleDate('标题\n（2026年十一月十二日  新华网）\n正文')?.iso, '2026-11-12');
  // Not deep in the body: a bracketed date there dates what it follows.
  assert.equal(detectArticleDate('标题\n第一段。\n第二段。\n第三段，该条例（2019年3月1日起施行）。')?.iso ?? null, null);
});

test('a short line holding a full date and only a source, a time or a weekday dates the article, at its head or its foot', () => {
  assert.equal(detectArticleDate('标题\n新闻稿　2025-05-20 18:42\n正文今天召开。')?.iso, '2025-05-20');
  assert.equal(detectArticleDate('标题\n桐庐新闻网　2024-12-18\n正文。')?.iso, '2024-12-18');
  assert.equal(detectArticleDate('标题\n【澳门特区政府新闻局　2025年8月12日】经济财政司司长今（12）日出席仪式。')?.iso, '2025-08-12');
  assert.equal(detectArticleDate('标题\n\n正文第一段。\n\n完\n2025年3月14日（星期五）\n香港时间16时20分\n\n相关新闻\n• 局长出席活动\n\n返回页首')?.iso, '2025-03-14');
  assert.equal(detectArticleDate('标题\n正文。\n编辑：李月　　2025年01月09日')?.iso, '2025-01-09');
  // A sentence that holds a date is no date line, nor are two dates on one line.
  assert.equal(detectArticleDate('标题\n2024年5月1日，全市召开大会。')?.iso ?? null, null);
  assert.equal(detectArticleDate('标题\n活动时段 2024-05-01 2024-05-07\n正文。')?.iso ?? null, null);
});

test('a Republic-of-China date in words dates the article after a label or on a date line (发布日期：113年5月30日, 中华民国113年5月30日)', () => {
  assert.equal(detectArticleDate('发布日期：113年5月30日\n政院会通过住宅法修正草案\n行政院长卓荣泰今（30）日主持行政院会。')?.iso, '2024-05-30');
  assert.equal(detectArticleDate('政院会通过住宅法修正草案\n中华民国113年5月30日\n行政院长卓荣泰今（30）日主持行政院会。')?.iso, '2024-05-30');
  // Not a sentence that mentions such a date, nor a year outside the ROC range.
  assert.equal(detectArticleDate('标题\n行政院表示，住宅法将于113年7月1日起施行，请各界配合。\n正文'), null);
  assert.notEqual(detectArticleDate('标题\n发布日期：99年5月30日\n正文')?.year, 2010);
});

test('a Republic-of-China date after a date label dates the article (发布日期：114-03-05)', () => {
  assert.equal(detectArticleDate('标题\n发布日期：114-03-05　资料来源：行政院新闻传播处\n正文')?.iso, '2025-03-05');
  assert.equal(detectArticleDate('标题\n发布单位：新闻局　发布时间：114/09/23\n正文')?.iso, '2025-09-23');
});

test('a dispatch opening its line dates the article over the page date above it (湖南日报 3月22日 / 本报3月21日讯 今天…)', () => {
  assert.equal(detectArticleDate('湖南日报　2024年3月22日\n本报3月21日讯 今天上午，省政府新闻办举行新闻发布会。')?.iso, '2024-03-21');
  // The same day keeps the page's date; a source cited in a sentence (据…2024年5月8日消息) is no dispatch.
  assert.equal(detectArticleDate('发布时间：2023年12月26日  信息来源：光明网\n光明网北京12月26日电 12月26日，特展开幕。')?.iso, '2023-12-26');
  assert.equal(detectArticleDate('标题\n来源：中国法院网  发布时间：2024年11月19日\n此前，据中央纪委国家监委网站2024年5月8日消息，经中共中央批准……')?.iso, '2024-11-19');
});

test('a dateline without a year takes the year of a date line printed on or up to two months after it', () => {
  assert.equal(detectArticleDate('【人民日报万象10月10日电】当地时间10月10日上午，会议举行。\n(来源:人民日报 2024年10月11日 第01版)')?.iso, '2024-10-10');
  assert.equal(detectArticleDate('新华社北京12月31日电 会议举行。\n（来源：人民日报 2025年1月1日）')?.iso, '2024-12-31');
  // A date line long before or after the dispatch says nothing of its year.
  assert.equal(detectArticleDate('新华社北京3月5日电 会议举行。\n（来源：人民日报 2024年10月11日）')?.iso, '--03-05');
});

test('a date line whose time follows the date at once (2024年11月22日08:36 | 来源：人民网-浙江频道) dates the article', () => {
  assert.equal(detectArticleDate('标题\n2024年11月22日08:36 | 来源：人民网-浙江频道\n人民网嘉兴11月22日电 会议召开。')?.iso, '2024-11-22');
});

test('a range of days in a month told relatively (本月10日至11日) is one date, whether or not the article date resolves it', () => {
  assert.deepEqual(dates('本月10日至11日，论坛在苏州举行。'), [['本月10日至11日', null]]);
  assert.deepEqual(dates('本月10日至11日，论坛在苏州举行。', article('2024-05-02')), [['本月10日至11日', '2024-05-10/2024-05-11']]);
});

test('a dateline or date line in full-width digits dates the article (新华社北京１月５日电, 发布时间：２０２４年５月８日)', () => {
  assert.equal(detectArticleDate('新华社北京１月５日电（记者张三）国务院总理李强５日会见美国国务卿。')?.iso, '--01-05');
  assert.equal(detectArticleDate('标题\n发布时间：２０２４年５月８日\n正文')?.iso, '2024-05-08');
  const text = '新华社北京１月５日电 会议５日召开。';
  const date = detectArticleDate(text)!;
  assert.equal(text.slice(date.span!.start, date.span!.end), '１月５日');
});

test('a part of the year opening a sentence dates it, comma or not (一季度同比增长…); after a verb of planning too (部署下半年…); a relative week is a date (上周, 下周三), no period word (上周期)', () => {
  assert.deepEqual(dates('初步核算，上半年增长5.0%。一季度同比增长5.3%。').map((d) => d[0]), ['一季度']);
  assert.deepEqual(dates('前三季度全省地区生产总值增长5%。').map((d) => d[0]), ['前三季度']);
  assert.deepEqual(dates('会议部署下半年重点任务。').map((d) => d[0]), ['下半年']);
  // 下午 on its own still needs the comma that shows it dates what follows.
  assert.deepEqual(dates('下午召开会议。'), []);
  assert.deepEqual(dates('上周，国防部举行记者会。下周三将举行会谈。').map((d) => d[0]), ['上周', '下周三']);
  assert.deepEqual(dates('按上周期计算。'), []);
});

test('parts of a month: 6月中下旬 and a range within the month (6月上旬至中旬) are one date', () => {
  assert.deepEqual(dates('6月中下旬，全省进入主汛期。').map((d) => d[0]), ['6月中下旬']);
  assert.deepEqual(dates('预计6月上旬至中旬降雨偏多。').map((d) => d[0]), ['6月上旬至中旬']);
  assert.deepEqual(dates('3月初至4月，各地开展检查。').map((d) => d[0]), ['3月初至4月']);
});
