/**
 * Event extraction on real sentences from the seed articles (simplified, glosses removed).
 * Entities are placed by hand where a test is about the event logic, so that the test does not
 * depend on the current quality of the recogniser; dates come from the real date grammar.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDataDir } from '../../src/core/resources';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { extractEvents, loadEventLexicon } from '../../src/core/events';
import { findDates } from '../../src/core/entities/dates';
import type { ArticleDate, EntityMention, EntityType, EventMention, Span } from '../../src/core/types';
import { analyzeArticle } from '../../src/core/analyze';
import { OpenccConverter } from '../../src/core/script';

const dataDir = findDataDir(__dirname);
const segmenter = JiebaSegmenter.load({ dataDir });

/** The whole analysis of `text` (recogniser and events), as the editor and the CLI run it. */
function analyzed(text: string) {
  return analyzeArticle(text, { segmenter, converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } });
}

/** Marks every occurrence of each name as an entity of its type (longest names first, no overlaps). */
function mentions(text: string, names: Partial<Record<EntityType, string[]>>): EntityMention[] {
  const out: EntityMention[] = [];
  const all = Object.entries(names).flatMap(([type, list]) => (list ?? []).map((n) => ({ type: type as EntityType, n })));
  all.sort((a, b) => b.n.length - a.n.length);
  for (const { type, n } of all) {
    for (let at = text.indexOf(n); at >= 0; at = text.indexOf(n, at + 1)) {
      if (out.some((m) => m.start < at + n.length && m.end > at)) continue;
      out.push({ type, start: at, end: at + n.length, canonical: n });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function run(
  text: string,
  names: Partial<Record<EntityType, string[]>> = {},
  opts: { articleDate?: ArticleDate | null; skip?: Span[] } = {},
): EventMention[] {
  const articleDate = opts.articleDate ?? null;
  const entities = [...mentions(text, names), ...findDates(text, articleDate)].sort((a, b) => a.start - b.start);
  return extractEvents({ text, tokens: segmenter.tag(text), skip: opts.skip ?? [], articleDate }, entities);
}

const triggerOf = (text: string, e: EventMention) => text.slice(e.trigger.start, e.trigger.end);

test('lexicon: every SPEC event type has triggers, read from data/events/triggers.tsv', () => {
  const lex = loadEventLexicon(dataDir);
  const types = new Set([...lex.triggers.values()].map((t) => t.type));
  for (const t of ['meeting', 'talks', 'speech', 'signing', 'launch', 'release', 'inspection', 'decision', 'join', 'award']) {
    assert.ok(types.has(t as never), `no trigger for ${t}`);
  }
  assert.equal(lex.triggers.get('召开')?.type, 'meeting');
  assert.ok(lex.triggers.get('确定')?.flags.has('verbal'));
});

test('coordination: three speakers with one trigger are ONE speech event with three participants', () => {
  const text = '杜平、肖文高、鲁霞光就长三角县市区高质量一体化发展作主旨演讲。';
  const events = run(text, { person: ['杜平', '肖文高', '鲁霞光'], place: ['长三角'] });
  assert.equal(events.length, 1);
  const [e] = events;
  assert.equal(e.type, 'speech');
  assert.equal(triggerOf(text, e), '主旨演讲');
  assert.deepEqual(e.participants.map((p) => p.text), ['杜平', '肖文高', '鲁霞光']);
  assert.ok(e.participants.every((p) => p.role === 'speaker'));
});

test('seed 000: meeting with date and place; the release and launch of the next sentence inherit them', () => {
  const text =
    '创新推进中国式现代化 首届长三角县市区高质量一体化发展研讨会在沪召开\n' +
    '人民网上海10月18日电 10月17日,首届长三角县市区高质量一体化发展研讨会在上海市普陀区召开。会上,发布了长三角县市区高质量一体化发展倡议,同时长三角县市区(科技)产业协同发展联盟正式启动。';
  const events = run(
    text,
    { place: ['上海市普陀区', '沪'], organization: ['人民网', '长三角县市区(科技)产业协同发展联盟'], document: ['长三角县市区高质量一体化发展倡议'] },
    { articleDate: { month: 10, day: 18, iso: '--10-18' } },
  );
  assert.deepEqual(events.map((e) => `${e.type}:${triggerOf(text, e)}`), ['meeting:召开', 'meeting:召开', 'release:发布', 'launch:启动']);
  const [title, meeting, release, launch] = events;
  assert.equal(meeting.date, '--10-17');
  assert.equal(meeting.place, '上海市普陀区');
  assert.equal(meeting.object, '首届长三角县市区高质量一体化发展研讨会');
  assert.deepEqual(meeting.participants, [], 'the dateline source is not a participant');
  assert.match(meeting.summary, /10-17 上海市普陀区: 召开 首届长三角县市区高质量一体化发展研讨会/);
  // The headline reports the same meeting: it takes the body's date and more specific place.
  assert.equal(title.object, '首届长三角县市区高质量一体化发展研讨会');
  assert.equal(title.date, '--10-17');
  assert.equal(title.place, '上海市普陀区');
  assert.equal(release.object, '长三角县市区高质量一体化发展倡议');
  assert.equal(release.date, '--10-17');
  assert.equal(launch.object, '长三角县市区(科技)产业协同发展联盟');
  assert.equal(launch.place, '上海市普陀区');
});

test('attendees (…出席活动) attach to the meeting; roles are stated', () => {
  const text = '10月17日,首届长三角县市区高质量一体化发展研讨会在上海市普陀区召开。上海市普陀区委副书记周艳、副区长肖立出席活动。';
  const events = run(text, { person: ['周艳', '肖立'], position: ['上海市普陀区委副书记', '副区长'], place: ['上海市普陀区'] });
  assert.equal(events.length, 1);
  assert.deepEqual(events[0].participants.map((p) => `${p.text}/${p.role}`), ['周艳/attendee', '肖立/attendee']);
});

test('dates: inherited within a section, unresolved 昨日 gives null, a new dateline starts a new section', () => {
  const text =
    '晨报讯 6月5日,2020年度长三角地区主要领导座谈会在浙江湖州举行。\n' +
    '昨日,在圆满完成座谈会各项议程后,举行了成果发布会。长三角一市三省主要领导分别作了讲话。车俊代表与会各方通报了会议主要成果,袁家军主持。\n' +
    '会议期间,长三角一市三省领导考察了南太湖沿岸环境整治情况和太湖龙之梦项目。\n' +
    '晨报讯 昨日上午,第二届长三角一体化发展高层论坛在浙江湖州举行。\n' +
    '车俊在论坛上致辞。';
  const events = run(text, { person: ['车俊', '袁家军'], place: ['浙江湖州', '长三角'] });
  const got = events.map((e) => `${triggerOf(text, e)}|${e.date}|${e.place}`);
  assert.deepEqual(got, [
    '举行|2020-06-05|浙江湖州', // year from 2020年度 (no article date)
    '举行|null|浙江湖州',
    '讲话|null|浙江湖州',
    '通报|null|浙江湖州',
    '主持|null|浙江湖州',
    '考察|2020-06-05|浙江湖州', // 会议期间: back to the meeting's day
    '举行|null|浙江湖州',
    '致辞|null|浙江湖州',
  ]);
  const host = events[4];
  assert.equal(host.object, '成果发布会', 'a bare 主持 hosts the meeting just mentioned');
  assert.deepEqual(host.participants.map((p) => `${p.text}/${p.role}`), ['袁家军/host']);
  assert.deepEqual(events[7].participants.map((p) => p.text), ['车俊']);
  assert.equal(events[5].object, '南太湖沿岸环境整治情况和太湖龙之梦项目');
});

test('dates: month-day resolved with the article year; --MM-DD when no year is known', () => {
  const withYear = run('6月6日上午,第二届长三角一体化发展高层论坛举行。', {}, { articleDate: { year: 2020, month: 6, day: 9, iso: '2020-06-09' } });
  assert.equal(withYear[0].date, '2020-06-06');
  const noYear = run('12月11日至12日,九地市政协共商G60科创走廊更高质量发展活动在金华市举行。');
  assert.equal(noYear[0].date, '--12-11/--12-12');
  assert.equal(noYear[0].place, '金华市', 'a place-like name after 在 is used without a place entity');
  assert.equal(noYear[0].object, '九地市政协共商G60科创走廊更高质量发展活动');
  // A target year or a plan's period is not the year of the events (到2027年, 《…（2024—2027年）》).
  const targets = run('3月5日,全国人大会议在北京开幕。会议提出,到2027年基本建成现代化产业体系。省政府印发《数字经济行动计划（2024—2027年）》。');
  assert.deepEqual(targets.map((e) => e.date), ['--03-05', '--03-05']);
  const stated = run('3月5日,全国人大会议在北京开幕。2024年是关键之年,到2027年基本建成现代化产业体系。');
  assert.equal(stated[0].date, '2024-03-05');  // Nor is a budget's fiscal year (2024年省级决算草案, 114年度岁出).
  const fiscal = run('3月26日,省人大常委会会议在长沙开幕。会议听取了省人民政府关于2024年省级决算草案的报告。');
  assert.deepEqual(fiscal.map((e) => e.date), ['--03-26']);
});

test('no events from exhortations and plans (要共同打造…, 将…, 希望…)', () => {
  const paragraph = '会议指出,要共同打造国际一流营商环境。深入推进长三角政务服务一体化,举办一批重大活动,签署合作协议。';
  assert.deepEqual(run(paragraph), []);
  assert.deepEqual(run('未来各方将在绿色能源、新材料等领域签订合作协议。'), []);
  assert.deepEqual(run('同时通过融合技术,将创新成果展网站与技术市场网上平台进行互联互通,并利用新媒体进行专题发布。'), []);
  // …but the same trigger as a report of what happened is an event.
  assert.equal(run('活动现场,普陀区科委与泰豪软件签订战略合作协议。', { organization: ['普陀区科委', '泰豪软件'] }).length, 1);
});

test('seed 004: 会议确定… is ONE decision whose object is the meeting decided on', () => {
  const text = '会议确定,2021年度长三角地区主要领导座谈会在江苏省召开。';
  const events = run(text, { place: ['江苏省'] });
  assert.equal(events.length, 1);
  assert.equal(events[0].type, 'decision');
  assert.equal(triggerOf(text, events[0]), '确定');
  assert.equal(events[0].object, '2021年度长三角地区主要领导座谈会');
  assert.notEqual(events[0].place, '江苏省', 'the place belongs to the decided meeting, not to the decision');
});

test('decisions need a verbal use: 审定了…/研究部署了… yes, 落实…部署 and 战略部署 no', () => {
  const text = '会议认真落实全国两会部署,审定了长三角一体化发展2020年度工作计划和重点合作事项清单,研究部署了当前和今后一段时期共同推进的重大事项。';
  const events = run(text);
  assert.deepEqual(events.map((e) => triggerOf(text, e)), ['审定', '部署']);
  assert.equal(events[0].object, '长三角一体化发展2020年度工作计划和重点合作事项清单');
  assert.equal(events[1].object, null, 'a descriptive phrase (…的重大事项) is not a named object');
  assert.deepEqual(run('九地市政协围绕党和国家重大战略部署履职尽责。'), []);
});

test('nominal and list uses of triggers are not events; background 是…发起的 has no date or place', () => {
  assert.deepEqual(run('共同搭建促进会,开展经济考察、展览展示、投资建设等多元化活动。'), []);
  assert.deepEqual(run('编制实施一体化示范区和先行启动区国土空间规划。'), []);
  const text = '10月17日,研讨会在上海市普陀区召开。上海清华国际创新中心是上海市政府与清华大学共同发起设立的新型研发机构。';
  const events = run(text, { organization: ['上海清华国际创新中心', '上海市政府', '清华大学'], place: ['上海市普陀区'] });
  const launch = events.find((e) => e.type === 'launch');
  assert.ok(launch);
  assert.equal(launch.object, '上海清华国际创新中心');
  assert.deepEqual(launch.participants.map((p) => p.text), ['上海市政府', '清华大学']);
  assert.equal(launch.date, null);
  assert.equal(launch.place, null);
});

test('join and launch share the actors of their clause; 暨 separates two objects', () => {
  const text = '上海市经济信息中心、宁波市社会科学院加入长三角高端智库联盟授牌仪式。普陀区副区长肖立与长三角县市区代表共同发布长三角县市区高质量一体化发展倡议暨长三角县市区(科技)产业协同发展联盟启动仪式。';
  const events = run(text, {
    organization: ['上海市经济信息中心', '宁波市社会科学院', '长三角高端智库联盟', '长三角县市区(科技)产业协同发展联盟'],
    person: ['肖立'], position: ['普陀区副区长'], document: ['长三角县市区高质量一体化发展倡议'],
  });
  assert.deepEqual(events.map((e) => `${e.type}:${triggerOf(text, e)}:${e.object}`), [
    'join:加入:长三角高端智库联盟',
    'launch:授牌:长三角高端智库联盟',
    'release:发布:长三角县市区高质量一体化发展倡议',
    'launch:启动:长三角县市区(科技)产业协同发展联盟',
  ]);
  assert.deepEqual(events[1].participants.map((p) => p.text), ['上海市经济信息中心', '宁波市社会科学院']);
  assert.deepEqual(events[3].participants.map((p) => p.text), ['肖立']);
});

test('triggers inside boilerplate (skip spans) are not reported', () => {
  const text = '相关链接\n- 习近平会见肯尼亚总统鲁托\n- 企业家大会举行 一批项目集中签约';
  const start = text.indexOf('-');
  assert.deepEqual(run(text, { person: ['习近平', '鲁托'] }, { skip: [{ start, end: text.length }] }), []);
  assert.ok(run(text, { person: ['习近平', '鲁托'] }).length >= 2, 'the same lines outside boilerplate do yield events');
});

test('a missed name is still found when the recogniser found it elsewhere (周艳作…)', () => {
  const text = '上海市普陀区委副书记周艳出席活动。周艳作县市区高质量一体化发展经验交流。';
  const at = text.indexOf('周艳');
  const entities: EntityMention[] = [{ type: 'person', start: at, end: at + 2, canonical: '周艳' }];
  const events = extractEvents({ text, tokens: segmenter.tag(text), skip: [], articleDate: null }, entities);
  const speech = events.find((e) => e.type === 'speech');
  assert.ok(speech);
  assert.equal(triggerOf(text, speech), '经验交流');
  assert.deepEqual(speech.participants.map((p) => p.text), ['周艳']);
});

// --- Generalisation to other news (People's Daily 1998 sentences, ../shared/data/peoples-daily-ner-dev.bio)

const pdDate = (month: number, day: number): ArticleDate => ({ month, day, iso: `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` });
const kinds = (text: string, events: EventMention[]) => events.map((e) => `${e.type}:${triggerOf(text, e)}`);

test('dateline glued to the body (…5月29日电国务院…): 今天 takes the dateline date, the agency is no participant', () => {
  const text = '新华社北京6月29日电中国国家发展计划委员会和美国能源部的代表今天在这里签署了中美和平利用核技术合作协定。';
  const events = run(text, { organization: ['新华社', '中国国家发展计划委员会', '美国能源部'] }, { articleDate: pdDate(6, 29) });
  assert.deepEqual(kinds(text, events), ['signing:签署']);
  assert.equal(events[0].date, '--06-29');
  assert.deepEqual(events[0].participants.map((p) => p.text), ['中国国家发展计划委员会', '美国能源部']);
});

test('a date between the meeting and 在 governs it; the object stops before the date; the place is the last of a chain', () => {
  const text = '这次运动会于5月17日至23日在南非港口城市德班举行，共有来自世界各国与地区的29个代表队参赛。';
  const events = run(text, { place: ['南非', '德班'] });
  assert.deepEqual(kinds(text, events), ['meeting:举行']);
  assert.equal(events[0].date, '--05-17/--05-23');
  assert.equal(events[0].place, '德班');
  assert.equal(events[0].object, '运动会');
});

test('a deciding body before 决定 makes it a decision; "X决定了Y" (determines) and plans do not', () => {
  const decided = '1948年5月29日，联合国安全理事会决定派出联合国停战监督机构，监督阿拉伯国家和以色列之间的停火。';
  const d = run(decided, { organization: ['联合国安全理事会', '联合国停战监督机构'], place: ['以色列'] });
  assert.deepEqual(kinds(decided, d), ['decision:决定']);
  assert.equal(d[0].date, '1948-05-29');
  const unnamed = '为了扭转这种局面，市委、市政府决定把机关干部用车的使用管理作为党政机关改革的重要内容加以改革。';
  const u = run(unnamed);
  assert.deepEqual(u.map((e) => e.participants.map((p) => p.text)), [['市委', '市政府']]);
  const determines = '由于我们党的宗旨和工作路线决定了各级领导干部与人民群众要不断进行思想交流和沟通。';
  assert.deepEqual(run(determines), []);
});

test('anniversaries, "since" phrases, wishes, appeals, negation and habits are not events', () => {
  for (const text of [
    '认真规划，精心组织，多出优秀作品，迎接新中国成立50周年。',
    '他说，这是瑞士自1967年加入亚行以来首次主办该行年会。',
    '他还表示，巴基斯坦愿恢复与印度的对话，在公正解决争端的基础上同印度签署和平条约。',
    '声明敦促印度尽快签署《全面禁止核试验条约》。',
    '二、我死后请不要成立什么治丧委员会，不张贴讣告。',
    '从那之后，每当举办讲座时，闻讯而来的读者便把大堂挤得满满的。',
    '如果这个判断能够成立的话，目前的政策难以根本扭转经济颓势。',
    '随着世界杯开幕日期的逼近，法航罢工风潮越来越令此间舆论关注。',
  ]) assert.deepEqual(kinds(text, run(text)), [], text);
});

test('举行了会谈 is one talks event; 举行工作宴会 is a meeting (工作 modifies 宴会)', () => {
  const talks = '中联部部长戴秉国与代表团举行了工作会谈。';
  assert.deepEqual(kinds(talks, run(talks, { person: ['戴秉国'], organization: ['中联部'] })), ['talks:会谈']);
  const dinner = '法国雇主协会和法中委员会25日晚举行工作宴会，欢迎中国全国政协主席李瑞环访问法国。';
  const e = run(dinner, { organization: ['法国雇主协会', '法中委员会'], person: ['李瑞环'] }, { articleDate: pdDate(5, 25) });
  assert.deepEqual(kinds(dinner, e), ['meeting:举行']);
  assert.equal(e[0].object, '工作宴会');
  assert.equal(e[0].date, '--05-25');
});

test('经表决，通过了《…》 is the decision of the vote; 通过 "by means of" is none', () => {
  const text = '会议经表决，通过了《中华人民共和国民营经济促进法》。';
  const e = run(text, { document: ['中华人民共和国民营经济促进法'] });
  assert.deepEqual(kinds(text, e), ['decision:通过']);
  assert.equal(e[0].object, '中华人民共和国民营经济促进法');
  const means = '双方通过视频连线方式交流。';
  assert.deepEqual(kinds(means, run(means, {})), []);
});

test('a place framing the sentence (在松北区利民街道，…看望慰问) is where it happens; going somewhere no place names (来到冰雪大世界，) inherits no earlier place', () => {
  const text = '1月22日，张继红走访慰问困难群众。\n在松北区利民街道，张继红看望慰问了老党员孙玉兰。\n随后，张继红来到冰雪大世界，看望慰问一线职工。';
  const e = run(text, { person: ['张继红', '孙玉兰'], place: ['松北区利民街道', '哈尔滨'] });
  assert.deepEqual(e.map((x) => `${x.type}|${x.place}`), ['inspection|null', 'inspection|松北区利民街道', 'inspection|null']);
  // Not a place in a later clause of the sentence (…，在会上作了讲话 is no frame).
  const later = '1月22日，张继红主持召开会议，在会上作讲话。';
  assert.ok(run(later, { person: ['张继红'] }).every((x) => x.place === null));
});

test('a place gone to in the clause of the trigger (深入道里区、松北区走访慰问) is where the visit happens; a river gone along (深入长江岸线) is not', () => {
  const go = '1月22日，市委书记张继红深入道里区、松北区走访慰问困难群众。';
  assert.deepEqual(run(go, { person: ['张继红'], position: ['市委书记'], place: ['道里区', '松北区'] }).map((e) => e.place), ['道里区']);
  const river = '10月11日，习近平深入长江岸线调研。';
  const along = [...mentions(river, { person: ['习近平'] }), { type: 'place' as const, start: river.indexOf('长江'), end: river.indexOf('长江') + 2, canonical: '长江', placeKind: 'water' }]
    .sort((a, b) => a.start - b.start);
  const e = extractEvents({ text: river, tokens: segmenter.tag(river), skip: [], articleDate: null }, [...along, ...findDates(river, null)].sort((a, b) => a.start - b.start));
  assert.deepEqual(e.map((x) => x.place), [null]);
  // A going verb opening the text (the search for a preposition before it stops at the start).
  for (const text of ['来到冰雪大世界调研。', '前往基层调研。', '深入长江岸线调研。']) assert.equal(run(text).length, 1, text);
});

test('主持 a dialogue or consultations (共同主持…战略对话) is a meeting', () => {
  const text = '7月1日，王毅在柏林同德国外长共同主持第四轮中德外交与安全战略对话。';
  const e = run(text, { person: ['王毅'], place: ['柏林'], position: ['德国外长'] });
  assert.deepEqual(e.map((x) => `${x.type}|${x.date}|${x.place}`), ['meeting|--07-01|柏林']);
});

test('a name reporting the rest of its sentence (郑书扬说，, 陈立明宣布：) acts in none of its events', () => {
  const text = '在回答提问时，郑书扬说，6月3日，商务部部长程立文与欧盟贸易委员马丁·克劳斯在巴黎举行会谈。';
  const e = run(text, { person: ['郑书扬', '程立文', '马丁·克劳斯'], position: ['商务部部长', '欧盟贸易委员'], place: ['巴黎'] });
  assert.deepEqual(kinds(text, e), ['talks:会谈']);
  assert.deepEqual(e[0].participants.map((p) => p.text), ['程立文', '马丁·克劳斯']);
});

test('a meeting a body is scheduled to hold (定于, 拟于) is a plan, not an event', () => {
  for (const text of ['国家统计局定于6月16日举行新闻发布会，发布5月份国民经济运行情况。', '国务院拟于下月召开全国稳就业工作会议。']) {
    assert.deepEqual(kinds(text, run(text, { organization: ['国家统计局', '国务院'] })), [], text);
  }
  // 将 glued to the head of the body before it (商务|部将/n|于…启动) still makes a plan.
  const glued = '商务部将于6月中旬启动“购在中国”夏季消费季系列活动。';
  assert.deepEqual(kinds(glued, run(glued, { organization: ['商务部'] })), []);
});

test('a modal inside an earlier time clause (…即将访问中国之际,) does not make the main event a plan', () => {
  const text = '在美国总统克林顿即将访问中国之际，美国的亚洲及中国问题专家15日在华盛顿联合举行新闻发布会。';
  const events = run(text, { person: ['克林顿'], place: ['中国', '华盛顿'] });
  assert.deepEqual(kinds(text, events), ['meeting:举行']);
  assert.equal(events[0].place, '华盛顿');
  assert.equal(events[0].object, '新闻发布会');
});

test('meeting subject and object: an actor before 在 is no object; an empty subject points back to the previous clause', () => {
  const un = '日前，联合国在纽约总部召开了一次高级别研讨会。';
  const e1 = run(un, { organization: ['联合国'], place: ['纽约'] });
  assert.equal(e1[0].place, '纽约');
  assert.notEqual(e1[0].object, '联合国');
  assert.deepEqual(e1[0].participants.map((p) => p.text), ['联合国']);
  const back = '贵州裕华实业公司与北京国伦文化艺术公司合办的世界杯纪念活动，六月六日在北京人民大会堂举行。';
  const e2 = run(back, { organization: ['贵州裕华实业公司', '北京国伦文化艺术公司'], place: ['北京人民大会堂'] });
  assert.equal(e2[0].object, '世界杯纪念活动');
  assert.equal(e2[0].date, '--06-06');
  assert.equal(e2[0].place, '北京人民大会堂');
});

test('举行会谈 read as one word by the segmenter is still a talks event, with both sides', () => {
  const text = '11月18日，国家主席习近平在北京同巴西总统卢拉举行会谈。';
  const events = run(text, { person: ['习近平', '卢拉'], position: ['国家主席', '巴西总统'], place: ['北京'] });
  assert.deepEqual(events.map((e) => [e.type, text.slice(e.trigger.start, e.trigger.end)]), [['talks', '会谈']]);
  assert.deepEqual(events[0].participants.map((p) => p.text), ['习近平', '卢拉']);
});

test('a digest: a later story dated to other days does not inherit the last place; 会谈后 is no second talks', () => {
  const text =
    '11月18日，习近平同卢拉举行会谈。会谈后，两国元首共同见证了经贸领域20余份合作文件的签署。\n' +
    '当天，中国—东盟自由贸易区3.0版升级议定书在吉隆坡正式签署。\n' +
    '9月10日至12日，丁薛祥赴西部调研，看望一线科研人员。\n' +
    '9月11日，丁薛祥出席座谈会并讲话。';
  const events = run(text, { person: ['习近平', '卢拉', '丁薛祥'], place: ['吉隆坡'] });
  const got = events.map((e) => `${e.type}|${triggerOf(text, e)}|${e.date}|${e.place}|${e.object}`);
  assert.deepEqual(got, [
    'talks|会谈|--11-18|null|null',
    'signing|签署|--11-18|null|经贸领域20余份合作文件', // what 见证了 governs, not the witnesses
    'signing|签署|--11-18|吉隆坡|中国—东盟自由贸易区3.0版升级议定书', // the subject without 在吉隆坡正式
    'inspection|调研|--09-10/--09-12|null|null', // not in 吉隆坡
    'inspection|看望|--09-10/--09-12|null|null',
    'speech|讲话|--09-11|null|null',
  ]);
});

test('the reporter of a dateline credit is no participant of the event the article reports', () => {
  const text = '本报北京6月3日电（记者王浩）生态环境部6月3日召开新闻发布会。';
  const at = text.indexOf('王浩');
  const entities: EntityMention[] = [
    { type: 'person' as const, start: at, end: at + 2, canonical: '王浩', source: 'byline' },
    { type: 'organization' as const, start: text.indexOf('生态环境部'), end: text.indexOf('生态环境部') + 5, canonical: '生态环境部' },
    ...findDates(text, null),
  ].sort((a, b) => a.start - b.start);
  const events = extractEvents({ text, tokens: segmenter.tag(text), skip: [], articleDate: null }, entities);
  assert.deepEqual(events.map((e) => [e.type, e.participants.map((p) => p.text)]), [['meeting', ['生态环境部']]]);
});

test('a meeting named after 举行的 ends before 上 and what was said there', () => {
  const text = '国家统计局副局长盛来运在国务院新闻办公室举行的新闻发布会上表示，5月份国民经济延续恢复态势。';
  const events = run(text, { person: ['盛来运'], organization: ['国务院新闻办公室'] });
  assert.deepEqual(events.map((e) => [e.type, e.object]), [['meeting', '新闻发布会']]);
});

test('a month no event happens in (a statistic\'s period) does not redate the events after it', () => {
  const text = '6月3日，统计局召开新闻发布会。发言人表示，5月份国民经济延续恢复态势。\n人民银行发布《普惠信贷工作通知》。';
  const events = run(text, { organization: ['统计局', '人民银行'] });
  assert.deepEqual(events.map((e) => `${triggerOf(text, e)}|${e.date}`), ['召开|--06-03', '发布|--06-03']);
  // A month an event does happen in still sets the date of what follows.
  const monthly = run('6月3日，统计局召开新闻发布会。5月，人民银行在北京召开工作会议。\n会议发布《通知》。', { organization: ['统计局', '人民银行'] });
  assert.deepEqual(monthly.map((e) => e.date), ['--06-03', '--05', '--05']);
});

test('attendees: not of the last meeting when they attend one named there, or when a later story is dated otherwise', () => {
  const text =
    '6月3日，生态环境部召开新闻发布会。李家超今日率团访问沙特阿拉伯，并出席未来投资倡议论坛。\n' +
    '9月10日，丁薛祥在成都调研。\n陈杰出席活动。';
  const events = run(text, { person: ['李家超', '丁薛祥', '陈杰'], organization: ['生态环境部'], place: ['沙特阿拉伯', '成都'] });
  const meeting = events.find((e) => e.type === 'meeting')!;
  assert.deepEqual(meeting.participants.map((p) => p.text), ['生态环境部']);
  // Same story, generic 出席活动: still an attendee.
  const same = run('6月3日，生态环境部召开新闻发布会。陈杰出席活动。', { person: ['陈杰'], organization: ['生态环境部'] });
  assert.deepEqual(same[0].participants.map((p) => `${p.text}/${p.role}`), ['生态环境部/undefined', '陈杰/attendee']);
});

test('actors shared with the previous event of the clause take this event\'s role (出席启动仪式并致辞)', () => {
  const text = '上海市副市长陈杰出席启动仪式并致辞。';
  const events = run(text, { person: ['陈杰'], position: ['上海市副市长'] });
  const speech = events.find((e) => e.type === 'speech')!;
  assert.deepEqual(speech.participants.map((p) => `${p.text}/${p.role}`), ['陈杰/speaker']);
});

test('places listed with 、 before the trigger: the first place is the event\'s (在四川成都、绵阳调研)', () => {
  const text = '9月10日至12日，丁薛祥在四川成都、绵阳调研。';
  const events = run(text, { person: ['丁薛祥'], place: ['四川', '成都', '绵阳'] });
  assert.deepEqual(events.map((e) => [e.type, e.place]), [['inspection', '四川成都']]);
});

test('talks: the place before 同 + a long partner phrase that names places of its own', () => {
  const text = '11月18日，国家主席习近平在北京人民大会堂同来华进行国事访问的巴西总统卢拉举行会谈。';
  const events = run(text, { person: ['习近平', '卢拉'], place: ['北京', '人民大会堂', '华', '巴西'] });
  assert.deepEqual(events.map((e) => [e.type, e.place]), [['talks', '北京人民大会堂']]);
});

test('出席会议 read as one word still makes attendees; 讲话精神 is no speech', () => {
  const text = '12月4日至5日，中央经济工作会议在北京举行。习近平出席会议并发表重要讲话。赵乐际、王沪宁、蔡奇出席会议。李强对贯彻落实习近平总书记重要讲话精神提出要求。';
  const events = run(text, { person: ['习近平', '赵乐际', '王沪宁', '蔡奇', '李强'], place: ['北京'] });
  assert.deepEqual(events.map((e) => e.type), ['meeting', 'speech']);
  assert.deepEqual(events[0].participants.map((p) => `${p.text}/${p.role}`), ['习近平/attendee', '赵乐际/attendee', '王沪宁/attendee', '蔡奇/attendee']);
});

test('a person whose words are the topic (学习习近平总书记…重要讲话精神) is no participant', () => {
  const text = '3月18日，信长星主持召开省委常委会会议，传达学习习近平总书记在全国两会期间的重要讲话精神，研究部署我省贯彻落实工作。';
  const events = run(text, { person: ['信长星', '习近平'], organization: ['省委常委会'] });
  const decision = events.find((e) => e.type === 'decision')!;
  assert.ok(!decision.participants.some((p) => p.text === '习近平'), decision.participants.map((p) => p.text).join(','));
});

test('the body whose speech is studied (传达学习…在中央政治局…的重要讲话精神) does not decide; the meeting\'s holder decides, in the headline too', () => {
  const text = '省委常委会召开会议 研究部署冬春农田水利建设工作\n11月18日，省委常委会召开会议，传达学习习近平总书记在中央政治局第十次集体学习时的重要讲话精神，研究部署我省冬春农田水利建设工作。';
  const decisions = analyzed(text).events.filter((e) => e.type === 'decision');
  assert.deepEqual(decisions.map((e) => e.participants.map((p) => p.text).join(',')), ['省委常委会', '省委常委会']);
});

test('attendees listed across semicolons are all attendees; members stay members in the next event of the clause', () => {
  const text = '6月5日,座谈会在浙江湖州举行。上海市委书记李强,上海市委副书记龚正;江苏省委书记娄勤俭;安徽省委书记李锦斌出席会议。';
  const events = run(text, { person: ['李强', '龚正', '娄勤俭', '李锦斌'], place: ['浙江湖州'] });
  assert.deepEqual(events[0].participants.map((p) => p.text), ['李强', '龚正', '娄勤俭', '李锦斌']);
  const join = '上海市经济信息中心、海通证券研究所加入长三角高端智库联盟并授牌。';
  const both = run(join, { organization: ['上海市经济信息中心', '海通证券研究所', '长三角高端智库联盟'] });
  assert.deepEqual(both.map((e) => [e.type, e.participants.map((p) => `${p.text}/${p.role}`).join(' ')]), [
    ['join', '上海市经济信息中心/member 海通证券研究所/member'],
    ['launch', '上海市经济信息中心/member 海通证券研究所/member'],
  ]);
});

test('a headline event takes the participants of the same event in the body; 关于…的重要讲话 names no actor', () => {
  const text = '首届研讨会在沪召开\n10月17日,首届研讨会在上海市普陀区召开。杜平、肖文高出席会议。\n会议深入学习贯彻习近平总书记关于长三角一体化发展的重要讲话精神,审定了工作计划。';
  const events = run(text, { person: ['杜平', '肖文高', '习近平'], place: ['上海市普陀区'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['meeting|杜平,肖文高', 'meeting|杜平,肖文高', 'decision|']);
});

test('现将《…》印发给你们: the document is what 将 takes', () => {
  const text = '现将《新时期促进集成电路产业高质量发展若干政策》印发给你们，请认真贯彻执行。';
  const events = run(text);
  assert.deepEqual(events.map((e) => [e.type, e.object]), [['release', '新时期促进集成电路产业高质量发展若干政策']]);
});

test('a history of events (曾多次举行会谈) is no event; where the news came from (从市交通委获悉) is no participant', () => {
  assert.deepEqual(run('此前，双方曾多次举行会谈，但未能达成一致。'), []);
  // 曾 alone still tells one event (…曾在攀枝花召开).
  assert.equal(run('五月，第四届国际苏铁生物学会议曾在攀枝花召开。', { place: ['攀枝花'] }).length, 1);
  const text = '记者从市交通委获悉，地铁10号线二期工程已于近日开通运营。';
  const events = run(text, { organization: ['交通委'] });
  assert.deepEqual(events.map((e) => [e.type, e.participants.length]), [['launch', 0]]);
});

test('a date after a bracketed credit heads its clause; 据…网站消息 names no participant', () => {
  const text = '本报讯（记者 张三）12月2日，浙江省委书记易炼红赴湖州市调研生态文明建设工作。';
  const events = run(text, { person: ['易炼红', '张三'], place: ['湖州市'] });
  assert.deepEqual(events.map((e) => [e.type, e.date, e.place]), [['inspection', '--12-02', '湖州市']]);
  const signed = run('据商务部网站消息，1月26日，王文涛与颜金勇在北京签署《议定书》。', { person: ['王文涛', '颜金勇'], organization: ['商务部'], place: ['北京'] });
  assert.deepEqual(signed.map((e) => e.participants.map((p) => p.text)), [['王文涛', '颜金勇']]);
});

test('the place before an "on behalf of" phrase, and the place arrived at in the clause before', () => {
  const text = '1月26日，王文涛与颜金勇在北京分别代表两国政府签署《议定书》。';
  const events = run(text, { person: ['王文涛', '颜金勇'], place: ['北京'] });
  assert.deepEqual(events.map((e) => [e.type, e.place]), [['signing', '北京']]);
  // 代表中国政府: its place names the party, not the venue.
  assert.deepEqual(run('王文涛在北京代表中国政府签署《议定书》。', { person: ['王文涛'], place: ['北京', '中国'] }).map((e) => e.place), ['北京']);
  const visit = run('随后，他来到湖州南太湖新区，考察了一批重点产业项目。', { place: ['湖州', '南太湖新区'] });
  assert.deepEqual(visit.map((e) => [e.type, e.place]), [['inspection', '湖州南太湖新区']]);
});

test('当地时间 before a date; 双方 signs for both sides of the talks; 列席 attends; 表决通过 decides', () => {
  const text = '当地时间10月29日，刘明胜在利雅得会见阿布纳扬，双方签署新能源项目合作协议。';
  const events = run(text, { person: ['刘明胜', '阿布纳扬'], place: ['利雅得'] });
  assert.deepEqual(events.map((e) => [e.type, e.date, e.participants.map((p) => p.text).join(',')]), [
    ['talks', '--10-29', '刘明胜,阿布纳扬'],
    ['signing', '--10-29', '刘明胜,阿布纳扬'],
  ]);
  const session = run('11月27日，常委会第十八次会议在上海举行。会议表决通过了《上海市促进浦东新区高水平改革开放条例》。副市长华源列席会议。', { person: ['华源'], place: ['上海'] });
  assert.deepEqual(session.map((e) => [e.type, e.object, e.participants.map((p) => `${p.text}/${p.role}`).join(',')]), [
    ['meeting', '常委会第十八次会议', '华源/attendee'],
    ['decision', '上海市促进浦东新区高水平改革开放条例', ''],
  ]);
  // 沙特ACWA Power签约 read from the space: no object starts inside a name.
  const signed = run('国家电投与沙特ACWA Power签约', { organization: ['国家电投', '沙特ACWA Power'] });
  assert.deepEqual(signed.map((e) => e.object), [null]);
});

test('会面 is talks; 考察时 and 见证签署 take no object; a venue with its city in brackets; a dated news source', () => {
  const met = run('香港特区政府新闻处11月20日消息，行政长官李家超今日在广州出席推进会，并与广东省省长王伟中会面。', { organization: ['香港特区政府新闻处'], person: ['李家超', '王伟中'], place: ['广州'] });
  assert.deepEqual(met.map((e) => [e.type, e.participants.map((p) => p.text).join(',')]), [['talks', '李家超,王伟中']]);
  const visit = run('习近平在江西考察时强调', { person: ['习近平'], place: ['江西'] });
  assert.deepEqual(visit.map((e) => [e.type, e.object, e.place]), [['inspection', null, '江西']]);
  const witnessed = run('中国和东盟10国正式签署《议定书》。李强与东盟国家领导人共同见证签署。', { person: ['李强'], organization: ['东盟'] });
  assert.deepEqual(witnessed.map((e) => [e.type, e.object]), [['signing', '议定书'], ['signing', null]]);
  assert.ok(witnessed[1].participants.some((p) => p.text === '李强'));
  const expo = run('11月5日，第七届中国国际进口博览会在国家会展中心（上海）开幕。', { place: ['国家会展中心', '上海'] });
  assert.deepEqual(expo.map((e) => [e.type, e.place]), [['meeting', '国家会展中心（上海）']]);
});

test('出席…促进博览会…并致辞 happened; the year of 2025年经济工作 is planned for; 主持 takes the meeting it names', () => {
  const speech = run('国务院副总理丁薛祥11月30日出席第二届中国国际供应链促进博览会开幕式并致辞。', { person: ['丁薛祥'] });
  assert.deepEqual(speech.map((e) => [e.type, e.date, e.participants.map((p) => p.text).join(',')]), [['speech', '--11-30', '丁薛祥']]);
  // 推动 outside an attended name still makes a plan.
  assert.deepEqual(run('推动召开座谈会。'), []);
  const politburo = run('中共中央政治局12月9日召开会议，分析研究2025年经济工作。', { organization: ['中共中央政治局'] });
  assert.deepEqual(politburo.map((e) => e.date), ['--12-09']);
  // 总结2024年经济工作 is this year's work: its year dates the meeting.
  const summed = run('12月4日，中央经济工作会议在北京举行。习近平在讲话中总结2024年经济工作。', { person: ['习近平'], place: ['北京'] });
  assert.deepEqual(summed.map((e) => `${e.type}|${e.date}`), ['meeting|2024-12-04', 'speech|2024-12-04']);
  const briefing = run('2025年1月6日，外交部发言人毛宁主持例行记者会。', { person: ['毛宁'] });
  assert.deepEqual(briefing.map((e) => [e.type, e.object]), [['meeting', '例行记者会']]);
});

test('a trigger jieba joined with what it governs (发布公告/n, 签订合同/n, 召开大会/v) is still the trigger', () => {
  const text = '国务院关税税则委员会发布公告，决定加征关税。';
  const notice = run(text, { organization: ['国务院关税税则委员会'] });
  assert.deepEqual(notice.map((e) => [e.type, text.slice(e.trigger.start, e.trigger.end), e.object]), [['release', '发布', '公告']]);
  assert.deepEqual(run('两家公司签订合同。').map((e) => [e.type, e.object]), [['signing', '合同']]);
});

test('the place of a time clause before the trigger, without the body its meeting is named after; 两国总理 sign for both sides', () => {
  const text = '11月15日下午，习近平在利马出席亚太经合组织第三十一次领导人非正式会议期间，会见日本首相石破茂。';
  const events = run(text, { person: ['习近平', '石破茂'], place: ['利马'], organization: ['亚太经合组织'] });
  assert.deepEqual(events.map((e) => [e.type, e.place, e.participants.map((p) => p.text).join(',')]), [['talks', '利马', '习近平,石破茂']]);
  const summit = run('8月21日，李强在莫斯科同俄罗斯总理米舒斯京共同主持中俄总理第二十九次定期会晤。会晤后，两国总理共同签署《联合公报》。', { person: ['李强', '米舒斯京'], place: ['莫斯科'] });
  assert.deepEqual(summit.map((e) => [e.type, e.place, e.participants.map((p) => p.text).join(',')]), [
    ['meeting', '莫斯科', '李强,米舒斯京'],
    ['signing', '莫斯科', '李强,米舒斯京'],
  ]);
  // (发布数据显示: what the data shows is no part of what is released, and data named by no name is no object.)
  const data = run('国家统计局12月16日发布数据显示，工业增加值同比增长5.4%。', { organization: ['国家统计局'] });
  assert.deepEqual(data.map((e) => e.object), [null]);
});

test('time clauses that date what follows (考察结束时，新中国成立后，), attacks and possessed speeches are no events', () => {
  assert.deepEqual(run('考察结束时，考察团团长刘延东作了总结。', { person: ['刘延东'] }), []);
  assert.deepEqual(run('新中国成立后，澳门政治环境稳定。', { place: ['澳门'] }), []);
  // Told with a date or a person, the clause's event is news (叶利钦28日下午与基里延科总理会见后，…).
  const told = run('叶利钦28日下午与基里延科总理会见后，任命了两名副总理。', { person: ['叶利钦', '基里延科'] });
  assert.deepEqual(told.map((e) => e.type), ['talks']);
  assert.deepEqual(run('比赛一开始韩国队就发起猛烈攻势。'), []);
  assert.deepEqual(run('其发言受到国际法学界极大关注。'), []);
});

test('a clause opened by its trigger shares the subject of the event in the clause before', () => {
  const text = '最高人民法院12月3日召开新闻发布会，发布《关于审理涉外民商事案件的解释》。';
  const events = run(text, { organization: ['最高人民法院'] });
  assert.deepEqual(events.map((e) => [e.type, e.participants.map((p) => p.text).join(',')]), [['meeting', '最高人民法院'], ['release', '最高人民法院']]);
  assert.equal(events[1].participants[0].role, 'issuer');
});

test('official documents and declared openings: no event inside a document name, the document a 印发给你们 sentence opens with, what 宣布 declares open', () => {
  const text = '浙江省人民政府办公厅关于印发浙江省建设共同富裕示范区实施方案的通知\n《浙江省建设共同富裕示范区实施方案》已经省政府同意，现印发给你们，请认真贯彻执行。';
  const events = run(text, { organization: ['浙江省人民政府办公厅'], document: ['关于印发浙江省建设共同富裕示范区实施方案的通知', '浙江省建设共同富裕示范区实施方案'] });
  assert.deepEqual(events.map((e) => [e.type, e.object]), [['release', '浙江省建设共同富裕示范区实施方案']]);
  const games = run('2022年2月4日晚，开幕式在国家体育场举行。国家主席习近平出席开幕式并宣布本届冬奥会开幕。', { person: ['习近平'], place: ['国家体育场'] });
  assert.deepEqual(games.map((e) => [e.type, e.object]), [['meeting', '开幕式'], ['meeting', '冬奥会']]);
});

test('the place of a time clause that ends inside the trigger\'s clause (在慕尼黑出席…期间同…举行会谈)', () => {
  const text = '当地时间2月18日，王毅在慕尼黑出席第61届慕尼黑安全会议期间同俄罗斯外长拉夫罗夫举行会谈。';
  const events = run(text, { person: ['王毅', '拉夫罗夫'], place: ['慕尼黑'] });
  assert.deepEqual(events.map((e) => [e.type, e.date, e.place]), [['talks', '--02-18', '慕尼黑']]);
});

test('集体会见 keeps its place; the place of an attended meeting is the speech\'s (在北京出席…并发表); letters (致信, 复信) are talks like 致电', () => {
  assert.deepEqual(run('习近平在人民大会堂集体会见外方代表。', { person: ['习近平'], place: ['人民大会堂'] }).map((e) => e.place), ['人民大会堂']);
  assert.deepEqual(run('李强在北京出席论坛开幕式并发表主旨演讲。', { person: ['李强'], place: ['北京'] }).map((e) => [e.type, e.place]), [['speech', '北京']]);
  assert.deepEqual(run('习近平复信美国艾奥瓦州友人。', { person: ['习近平'] }).map((e) => [e.type, e.participants.map((p) => p.text).join(',')]), [['talks', '习近平']]);
});

test('a digest: an undated story inherits no date or place, one opened by 当天 does; the place of an attended meeting before a long name', () => {
  const text = '新闻联播摘要\n中共中央政治局12月9日召开会议。\n赵乐际12月10日在北京会见赛宋蓬。\n丁薛祥11月30日在上海出席第二届中国国际供应链促进博览会开幕式并致辞。\n第十五届中国国际航空航天博览会开幕。';
  const events = run(text, { person: ['赵乐际', '赛宋蓬', '丁薛祥'], place: ['北京', '上海', '中国'], organization: ['中共中央政治局'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.date}|${e.place}`), [
    'meeting|--12-09|null', 'talks|--12-10|北京', 'speech|--11-30|上海', 'meeting|null|null',
  ]);
  const sameDay = run('新闻联播摘要\n中共中央政治局12月9日召开会议。\n赵乐际12月10日在北京会见赛宋蓬。\n丁薛祥11月30日在上海出席开幕式并致辞。\n当天，博览会开幕。', { person: ['赵乐际', '赛宋蓬', '丁薛祥'], place: ['北京', '上海'], organization: ['中共中央政治局'] });
  assert.equal(sameDay[sameDay.length - 1].date, '--11-30');
  // Also after an undated story in between (同日上午: the day of the last story that had one).
  const afterUndated = run('新闻联播摘要\n中共中央政治局12月9日召开会议。\n赵乐际12月10日在北京会见赛宋蓬。\n丁薛祥11月30日在上海出席开幕式并致辞。\n博览会将持续五天。\n同日上午，博览会开幕。', { person: ['赵乐际', '赛宋蓬', '丁薛祥'], place: ['北京', '上海'], organization: ['中共中央政治局'] });
  assert.equal(`${afterUndated[afterUndated.length - 1].type}|${afterUndated[afterUndated.length - 1].date}`, 'meeting|--11-30');
});

test('会议指出，要…。会议决定，…: the meeting\'s decision is news inside an exhortation paragraph; its object is the whole clause', () => {
  const text = '8月16日，国务院召开常务会议。\n会议指出，要把促进消费和惠民生结合起来。会议决定，设立国家级经济技术开发区3家。';
  const events = run(text, { organization: ['国务院'] });
  assert.deepEqual(events.map((e) => [e.type, e.object]), [['meeting', '常务会议'], ['decision', '设立国家级经济技术开发区3家']]);
});

test('a leading purpose clause (为贯彻落实党中央、国务院决策部署，) names no issuer; 为X揭牌 unveils X', () => {
  const text = '为贯彻落实党中央、国务院决策部署，工业和信息化部、教育部等七部门近日联合印发《实施意见》。';
  const events = run(text, { organization: ['党中央', '国务院', '工业和信息化部', '教育部'] });
  assert.deepEqual(events.map((e) => e.participants.map((p) => p.text).join(',')), ['工业和信息化部,教育部']);
  const plaque = run('会议审议通过了《工作安排》，并为示范区第三批制度创新成果揭牌。');
  assert.deepEqual(plaque.map((e) => [e.type, e.object]), [['decision', '工作安排'], ['launch', '示范区第三批制度创新成果']]);
});

test('两国元首共同见证签署… takes the heads of the talks before in the paragraph; a building of the place before the partner; 会谈前 is no event', () => {
  const text = '11月20日上午，习近平在巴西利亚总统府同巴西总统卢拉举行会谈。会谈前，卢拉为习近平举行欢迎仪式。会谈后，两国元首共同见证签署近40份双边合作文件。';
  const events = run(text, { person: ['习近平', '卢拉'], place: ['巴西利亚', '巴西'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.place}|${e.participants.map((p) => p.text).join(',')}|${e.object}`), [
    'talks|巴西利亚总统府|习近平,卢拉|null',
    'meeting|巴西利亚总统府|卢拉,习近平|欢迎仪式',
    'signing|巴西利亚总统府|卢拉,习近平|近40份双边合作文件',
  ]);
});

test('两国元首 in the paragraph after the talks take the talks\' heads (filled for the whole article, not per line)', () => {
  const text = '11月20日上午，习近平同巴西总统卢拉举行会谈。\n会谈后，两国元首共同见证签署近40份双边合作文件。';
  const events = run(text, { person: ['习近平', '卢拉'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`), [
    'talks|习近平/host,卢拉/host',
    'signing|习近平/attendee,卢拉/attendee', // they witness the signing
  ]);
});

test('两省市 sign for the two delegations of the talks before; 举行座谈/n is a meeting; 印发通知部署… issues the notice', () => {
  const text = '5月20日，上海市党政代表团在昆明与云南省党政代表团举行座谈。会上，两省市签署了深化东西部协作框架协议。';
  const events = run(text, { organization: ['上海市党政代表团', '云南省党政代表团'], place: ['昆明'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.place}|${e.participants.map((p) => p.text).join(',')}`), [
    'meeting|昆明|上海市党政代表团,云南省党政代表团',
    'signing|昆明|上海市党政代表团,云南省党政代表团',
  ]);
  assert.deepEqual(run('教育部印发通知部署2025年高校毕业生就业工作', { organization: ['教育部'] }).map((e) => e.object), ['通知']);
  // …签署…，并共同会见记者: the later event of the sentence shares both sides.
  const press = run('习近平同卢拉举行会谈。\n会谈后，两国元首共同签署联合声明，并共同会见记者。', { person: ['习近平', '卢拉'] });
  assert.deepEqual(press.map((e) => e.participants.map((p) => p.text).join(',')), ['习近平,卢拉', '习近平,卢拉', '习近平,卢拉']);
});

test('a trigger in the phrase describing the person met (会见来华举行…会晤的欧洲理事会主席科斯塔) is no event of its own', () => {
  const text = '7月24日，习近平在北京钓鱼台国宾馆会见来华举行第二十五次中国—欧盟领导人会晤的欧洲理事会主席科斯塔。';
  const events = run(text, { person: ['习近平', '科斯塔'], position: ['欧洲理事会主席'], place: ['北京钓鱼台国宾馆', '华'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.place}`), ['talks|北京钓鱼台国宾馆']);
});

test('作…报告 is a speech by the one who makes the report (作政府工作报告, 作了专题报告); a report heard or quoted is not', () => {
  const text = '3月5日，国务院总理李强在十四届全国人大三次会议上作政府工作报告。会上，王小洪作了专题报告。';
  const events = run(text, { person: ['李强', '王小洪'], position: ['国务院总理'], organization: ['十四届全国人大'] });
  // The body in the meeting's name after 在 is where the speech is made, not a speaker.
  assert.deepEqual(events.map((e) => `${e.type}:${triggerOf(text, e)}|${e.participants.map((p) => p.text).join(',')}`), ['speech:报告|李强', 'speech:报告|王小洪']);
  const heard = '会议听取了国务院关于财政工作的报告。报告指出，工作报告显示增长。他作为报告人出席。';
  assert.deepEqual(kinds(heard, run(heard, { organization: ['国务院'] })).filter((k) => k.startsWith('speech')), []);
});

test('两国元首共同见证了…的签署: both sides of the talks before attend the signing', () => {
  const text = '5月6日，习近平在巴黎爱丽舍宫同马克龙举行会谈。\n会谈后，两国元首共同见证了航空、农业等领域近20项双边合作文件的签署。';
  const events = run(text, { person: ['习近平', '马克龙'], place: ['巴黎爱丽舍宫'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`), [
    'talks|习近平/host,马克龙/host',
    'signing|习近平/attendee,马克龙/attendee',
  ]);
});

test('a body that approved (已经国务院同意，现印发给你们) does not issue what is released', () => {
  const text = '《新能源汽车产业发展规划（2021—2035年）》已经国务院同意，现印发给你们，请认真贯彻执行。';
  const events = run(text, { organization: ['国务院'], document: ['新能源汽车产业发展规划（2021—2035年）'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['release|']);
});

test('where a trip goes (赴云南省昆明市、大理白族自治州，…开展专题调研), a venue after the place (在北京首钢园开幕), and the meeting without what it did (召开座谈会听取意见建议)', () => {
  const trip = '10月28日，丁仲礼率调研组赴云南省昆明市、大理白族自治州，围绕乡村振兴开展专题调研。';
  assert.deepEqual(run(trip, { person: ['丁仲礼'], place: ['云南省昆明市', '大理白族自治州'] }).map((e) => `${e.type}|${e.place}`), ['inspection|云南省昆明市']);
  const fair = '中国国际服务贸易交易会9月10日在北京首钢园开幕。';
  assert.deepEqual(run(fair, { place: ['北京'] }).map((e) => `${e.type}|${e.place}`), ['meeting|北京首钢园']);
  const forum = '调研组实地走访了洱源县等地，并召开座谈会听取意见建议。';
  assert.deepEqual(run(forum, { place: ['洱源县'] }).map((e) => `${e.type}|${e.object}`), ['meeting|座谈会']);
});

test('one meeting named with 暨 keeps its whole name; a building no entity covers is the place (在礼宾府会见)', () => {
  const rally = '9月3日上午，纪念中国人民抗日战争暨世界反法西斯战争胜利80周年大会在北京天安门广场隆重举行。';
  assert.deepEqual(run(rally, { place: ['北京天安门广场'] }).map((e) => e.object), ['纪念中国人民抗日战争暨世界反法西斯战争胜利80周年大会']);
  const visit = '香港特区行政长官李家超在礼宾府会见到访的新加坡总理黄循财。';
  assert.deepEqual(run(visit, { person: ['李家超', '黄循财'], position: ['香港特区行政长官', '新加坡总理'] }).map((e) => `${e.type}|${e.place}`), ['talks|礼宾府']);
  // A government office is a body, not the venue named here.
  assert.deepEqual(run('4月2日，李强在市政府会见客人。', { person: ['李强'] }).map((e) => e.place), [null]);
});

test('a trigger dating what follows (开幕当天，…) is no event; a news agency reporting (据新华社报道，) takes no part', () => {
  const fair = '第十五届中国国际航空航天博览会11月12日在广东珠海开幕。开幕当天，中国航空工业集团有限公司与多家客户签订了合作协议。';
  assert.deepEqual(kinds(fair, run(fair, { place: ['广东珠海'], organization: ['中国航空工业集团有限公司'] })), ['meeting:开幕', 'signing:签订']);
  const report = '据新华社报道，国务院总理李强11月27日主持召开国务院常务会议。';
  assert.deepEqual(run(report, { organization: ['新华社'], person: ['李强'], position: ['国务院总理'] }).map((e) => e.participants.map((p) => p.text).join(',')), ['李强']);
});

test('应…邀请 is an invitation, not the modal 应 (its paragraph happened); a county opening the clause is where it acts; 发布公告称 releases the notice', () => {
  const visit = '应国务院总理李强邀请，新西兰总理拉克松对中国进行正式访问。6月18日，李强在人民大会堂同拉克松举行会谈。';
  assert.deepEqual(kinds(visit, run(visit, { person: ['李强', '拉克松'], position: ['国务院总理', '新西兰总理'], place: ['中国', '人民大会堂'] })), ['talks:会谈']);
  // The modal reading stays: 应加强… is an exhortation.
  assert.deepEqual(run('应加强统筹，召开专题会议。'), []);
  const county = '11月30日，安徽省合肥市肥东县召开2025年乡村振兴工作推进会。';
  assert.deepEqual(run(county, { place: ['安徽省合肥市', '肥东县'] }).map((e) => e.place), ['安徽省合肥市肥东县']);
  const notice = '比亚迪股份有限公司12月1日发布公告称，公司11月新能源汽车销量为48.1万辆。';
  assert.deepEqual(run(notice, { organization: ['比亚迪股份有限公司'] }).map((e) => e.object), ['公告']);
});

test('a body holding the meeting named after 在 still takes part (在国务院新闻办公室举行的新闻发布会上); a paragraph dated by its own unplaceable day inherits no place', () => {
  const press = '6月3日，国家统计局副局长盛来运在国务院新闻办公室举行的新闻发布会上表示，经济延续恢复态势。';
  assert.deepEqual(run(press, { person: ['盛来运'], position: ['国家统计局副局长'], organization: ['国务院新闻办公室'] }).map((e) => e.participants.map((p) => p.text).join(',')), ['盛来运,国务院新闻办公室']);
  const digest = '总统赖清德9日在总统府接见美国联邦众议员访问团。\n香港特区政府今日公布《2024年施政报告》。';
  assert.deepEqual(run(digest, { person: ['赖清德'], organization: ['香港特区政府'] }).map((e) => `${e.type}|${e.place}`), ['talks|总统府', 'release|null']);
});

test('三读通过 (Taiwan\'s legislature) decides on the bill', () => {
  const text = '立法院今天三读通过《财政收支划分法》修正草案。';
  assert.deepEqual(kinds(text, run(text, { organization: ['立法院'] })), ['decision:三读通过']);
});

test('a speech linked by 并 is its clause subject\'s (主持会议并讲话，市长王强出席), not the person named after it', () => {
  const text = '12月8日上午，市委常委会召开扩大会议。市委书记刘宁主持会议并讲话，市长王强出席。';
  const events = run(text, { organization: ['市委常委会'], person: ['刘宁', '王强'], position: ['市委书记', '市长'] });
  assert.deepEqual(events.filter((e) => e.type === 'speech').map((e) => e.participants.map((p) => p.text).join(',')), ['刘宁']);
});

test('triggers jieba joins with their object (颁发奖杯/n, 视察工作/n, 通报情况/n); an unnamed object (工作, 情况) is none; a residence after the city is the place', () => {
  const award = '薛其坤为获奖者颁发奖杯。';
  assert.deepEqual(run(award, { person: ['薛其坤'] }).map((e) => `${e.type}|${e.object}`), ['award|奖杯']);
  const tour = '习近平到湖南视察工作。';
  assert.deepEqual(run(tour, { person: ['习近平'], place: ['湖南'] }).map((e) => `${e.type}|${e.place}|${e.object}`), ['inspection|湖南|null']);
  const tokyo = '日本首相石破茂1日在东京首相官邸会见了到访的韩国外长赵兑烈。';
  assert.deepEqual(run(tokyo, { person: ['石破茂', '赵兑烈'], position: ['日本首相', '韩国外长'], place: ['东京'] }).map((e) => e.place), ['东京首相官邸']);
});

test('a day told alone takes the month of the day told before it (11月18日…。\\n19日，…), not an earlier day of it; a headquarters is a place', () => {
  const text = '11月18日，何立峰在北京会见耶伦。\n19日，中美经贸磋商在瑞典斯德哥尔摩举行。\n5日，双方发表联合声明。';
  const events = run(text, { person: ['何立峰', '耶伦'], place: ['北京', '瑞典斯德哥尔摩'] });
  assert.deepEqual(events.slice(0, 2).map((e) => `${e.type}|${e.date}`), ['talks|--11-18', 'meeting|--11-19']);
  // A day or two back is still that month (会议21日闭幕。…20日晚，…举行欢迎宴会; 11日至13日…。12日上午，…).
  const back = '5月21日，外长理事会会议在天津闭幕。\n20日晚，天津市委书记钟海平在天津迎宾馆举行欢迎宴会。';
  assert.deepEqual(run(back, { person: ['钟海平'], place: ['天津', '天津迎宾馆'] }).map((e) => `${e.type}|${e.date}`), ['meeting|--05-21', 'meeting|--05-20']);
  const hq = '李家超在政府总部会见到访的泰国副总理蓬塔。';
  assert.deepEqual(run(hq, { person: ['李家超', '蓬塔'] }).map((e) => e.place), ['政府总部']);
});

test('what is launched is the subject less its place frame (…分中心在合肥高新区揭牌成立, …海底隧道正式开通运营); a quoted meeting name loses its quotes', () => {
  const centre = '12月6日，长三角国家技术创新中心合肥分中心在合肥高新区揭牌成立。';
  assert.deepEqual(run(centre, { organization: ['长三角国家技术创新中心合肥分中心'], place: ['合肥高新区'] }).map((e) => `${e.object}|${e.participants.length}`), ['长三角国家技术创新中心合肥分中心|0']);
  const tunnel = '11月30日上午，连接广东深圳和中山的深中通道海底隧道正式开通运营。';
  assert.deepEqual(run(tunnel, { place: ['广东深圳', '中山'] }).map((e) => e.object), ['深中通道海底隧道']);
  const forum = '12月1日，“2025中国宏观经济论坛”在北京举行。';
  assert.deepEqual(run(forum, { place: ['北京'] }).map((e) => e.object), ['2025中国宏观经济论坛']);
});

test('a paper quoted as the source (据《人民日报》报道，) takes no part', () => {
  const text = '据《人民日报》报道，12月1日，中共中央政治局召开会议。';
  assert.deepEqual(run(text, { organization: ['人民日报', '中共中央政治局'] }).map((e) => e.participants.map((p) => p.text).join(',')), ['中共中央政治局']);
});

test('the year a rule takes effect (自2026年1月1日起) is not the article\'s year', () => {
  const text = '国务院关税税则委员会12月5日发布公告，决定自2026年1月1日起，对部分商品的进口关税进行调整。';
  assert.deepEqual(run(text, { organization: ['国务院关税税则委员会'] }).filter((e) => e.type === 'release').map((e) => e.date), ['--12-05']);
});

test('joining the talks or visit just told (王毅参加会见。, 黄坤明陪同调研。) makes an attendee of it, not an event of its own', () => {
  const talks = '12月2日，习近平在北京人民大会堂会见外方嘉宾代表。王毅参加会见。';
  assert.deepEqual(run(talks, { person: ['习近平', '王毅'], place: ['北京人民大会堂'] }).map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`),
    ['talks|习近平/host,王毅/attendee']);
  const visit = '11月24日，王沪宁在广东调研。他先后来到广州、深圳。\n广东省委书记黄坤明陪同调研。';
  assert.deepEqual(run(visit, { person: ['王沪宁', '黄坤明'], position: ['广东省委书记'], place: ['广东', '广州', '深圳'] }).map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`),
    ['inspection|王沪宁/visitor,黄坤明/attendee']);
  // With more after it, the verb is the event's own (陪同考察了三个项目 is still a visit).
  assert.equal(run('张军陪同考察了三个项目。', { person: ['张军'] }).length, 1);
});

test('促进 inside a meeting\'s name is no plan (…供应链促进博览会新闻发布会在北京举行); a statistic after the trigger is no event (签约项目金额达…); a year planned for (部署2026年重大项目建设工作) is not the article\'s', () => {
  const expo = '2025年11月30日，第二届中国国际供应链促进博览会新闻发布会在北京举行。';
  assert.deepEqual(kinds(expo, run(expo, { place: ['北京'] })), ['meeting:举行']);
  const fair = '12月6日，第十届中国—南亚博览会在云南昆明闭幕。本届南博会签约项目金额达1200亿元。';
  assert.deepEqual(kinds(fair, run(fair, { place: ['云南昆明'] })), ['meeting:闭幕']);
  const plan = '12月4日，国家发展改革委等六部门联合召开推进会，部署2026年重大项目建设工作。';
  assert.deepEqual(run(plan, { organization: ['国家发展改革委'] }).map((e) => e.date), ['--12-04']);
});

test('those at the ceremony of a signing (出席签约仪式) attend that signing; a year a period began (2023年以来) is not the article\'s', () => {
  const signing = '11月8日，浙江省人民政府与阿里巴巴集团在杭州签署战略合作协议。省长刘捷，阿里巴巴集团董事会主席蔡崇信出席签约仪式。';
  assert.deepEqual(run(signing, { organization: ['浙江省人民政府', '阿里巴巴集团'], person: ['刘捷', '蔡崇信'], position: ['省长', '阿里巴巴集团董事会主席'], place: ['杭州'] })
    .map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`),
  ['signing|浙江省人民政府/signatory,阿里巴巴集团/signatory,刘捷/attendee,蔡崇信/attendee']);
  // The ceremony told first: its attendees go to the signing after it.
  const first = '刘捷出席签约仪式。双方签署了战略合作协议。';
  assert.deepEqual(run(first, { person: ['刘捷'] }).map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['signing|刘捷']);
  const since = '最高人民法院11月18日发布典型案例。2023年以来，全国法院审结涉企犯罪案件2.3万件。';
  assert.deepEqual(run(since, { organization: ['最高人民法院'] }).map((e) => e.date), ['--11-18']);
});

test('those an award is given to (向…李德仁、薛其坤颁发) receive it; a clause opened by 并 (…，并发表重要讲话) is the speech of the subject before, not of the recipients', () => {
  const text = '6月24日，习近平向国家最高科学技术奖获得者李德仁、薛其坤颁发奖章、证书，并发表重要讲话。';
  assert.deepEqual(run(text, { person: ['习近平', '李德仁', '薛其坤'] }).map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`),
    ['award|习近平/awarder,李德仁/recipient,薛其坤/recipient', 'speech|习近平/speaker']);
});

test('those who witness a signing (李家超在利雅得见证…签署) attend it, and the place before 见证 is where it happens', () => {
  const text = '9月26日，李家超在利雅得见证特区政府与沙特投资部签署合作备忘录。';
  assert.deepEqual(run(text, { person: ['李家超'], place: ['利雅得'], organization: ['特区政府', '沙特投资部'] })
    .map((e) => `${e.type}|${e.place}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`),
  ['signing|利雅得|李家超/attendee,特区政府/signatory,沙特投资部/signatory']);
});

test('the places just arrived at (来到南昌县、进贤县，) place a visit after a verb of visiting (走访慰问): the first of a list', () => {
  const text = '1月20日，省委书记尹弘来到南昌县、进贤县，走访慰问困难群众。';
  assert.deepEqual(run(text, { person: ['尹弘'], position: ['省委书记'], place: ['南昌县', '进贤县'] }).map((e) => `${e.type}|${e.place}`), ['inspection|南昌县']);
});

test('what was done at the meeting (会上，…作交流发言) is news in a paragraph that opens with an exhortation; those whose report was heard (听取…汇报，研究部署) do not decide', () => {
  const text = '1月9日，全国教育工作会议在北京召开。\n会议强调，要加快建设高质量教育体系。会上，北京市作交流发言。';
  assert.deepEqual(kinds(text, run(text, { place: ['北京', '北京市'] })), ['meeting:召开', 'speech:交流发言']);
  const heard = '9月5日，黄坤明主持召开调度会，听取省气象局等部门工作汇报，研究部署防御工作。';
  const decision = run(heard, { person: ['黄坤明'], organization: ['省气象局'] }).find((e) => e.type === 'decision');
  assert.ok(decision);
  assert.ok(!decision.participants.some((p) => p.text === '省气象局'));
});

test('those who witness a signing right before its trigger (出席签约仪式并共同见证签约) attend it', () => {
  const text = '11月5日，南京市政府与中国电子科技集团有限公司签署战略合作协议。市委书记韩立明，中国电科董事长王海波出席签约仪式并共同见证签约。';
  const events = run(text, { organization: ['南京市政府', '中国电子科技集团有限公司'], person: ['韩立明', '王海波'], position: ['市委书记', '中国电科董事长'] });
  assert.deepEqual(events.map((e) => `${text.slice(e.trigger.start, e.trigger.end)}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`), [
    '签署|南京市政府/signatory,中国电子科技集团有限公司/signatory,韩立明/attendee,王海波/attendee',
    '签约|韩立明/attendee,王海波/attendee',
  ]);
});

test('a university right before the trigger (在上海交通大学举行) is where, not who; the body a meeting is named after does not attend it; a press conference then what it told (新闻发布会|介绍…) is the conference', () => {
  const venue = '10月12日，长三角研究型大学联盟2024年年会在上海交通大学举行。';
  assert.deepEqual(run(venue, { organization: ['长三角研究型大学联盟', '上海交通大学'] }).map((e) => `${e.type}|${e.place}|${e.participants.map((p) => p.text).join(',')}`),
    ['meeting|上海交通大学|']);
  const named = '中国人民大学建校85周年纪念大会3日在京举行，李书磊出席。';
  assert.deepEqual(run(named, { organization: ['中国人民大学'], person: ['李书磊'] }).map((e) => e.participants.map((p) => p.text).join(',')), ['李书磊']);
  const press = '国务院新闻办公室1月19日上午举行新闻发布会介绍商务工作情况。';
  assert.deepEqual(run(press, { organization: ['国务院新闻办公室'] }).map((e) => e.object), ['新闻发布会']);
});

test('what those met came to attend is not met (会见出席…圣彼得堡国际经济论坛的…丁薛祥)', () => {
  const text = '当地时间6月7日，普京在圣彼得堡会见出席第二十七届圣彼得堡国际经济论坛的中国国务院副总理丁薛祥。';
  assert.deepEqual(run(text, { person: ['普京', '丁薛祥'], place: ['圣彼得堡'], organization: ['圣彼得堡国际经济论坛'], position: ['中国国务院副总理'] })
    .map((e) => e.participants.map((p) => `${p.text}/${p.role}`).join(',')), ['普京/host,丁薛祥/met']);
});

test('every name of a bracketed credit (（记者 李明 通讯员 张华）) tells the news and takes no part in it', () => {
  const text = '本报讯（记者 李明 通讯员 张华）2月18日，全省优化营商环境大会在郑州召开。';
  // Through the whole analysis: the credit is found by the recogniser.
  const a = analyzed(text);
  assert.deepEqual(a.entities.filter((e) => e.type === 'person').map((e) => `${e.canonical}/${e.source}`), ['李明/reporter credit', '张华/reporter credit']);
  assert.deepEqual(a.events.map((e) => e.participants.length), [0]);
});

test('a bracketed credit after a dateline (新华社上海11月5日电（记者王辰阳、周蕊）) is no part of the first sentence\'s object', () => {
  const text = '新华社上海11月5日电（记者王辰阳、周蕊）第七届中国国际进口博览会5日在国家会展中心（上海）开幕。';
  const a = analyzed(text);
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.object}`), ['meeting:第七届中国国际进口博览会']);
});

test('decisions announced by a body (宣布，决定…) or made for a date (决定于9月27日…); the noun (这一决定于…生效) is none', () => {
  const events = (text: string) => analyzed(text).events
    .map((e) => `${e.type}:${e.date}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(events('中国人民银行9月24日宣布，决定下调金融机构存款准备金率0.5个百分点。'), ['decision:--09-24:中国人民银行']);
  assert.deepEqual(events('中国人民银行9月24日宣布，决定于9月27日下调金融机构存款准备金率。'), ['decision:--09-24:中国人民银行']);
  assert.deepEqual(events('这一决定于9月27日生效。'), []);
  assert.deepEqual(events('该决定于明年1月1日起施行。'), []);
});

test('促进 inside a body\'s name (投资促进服务中心签署…) is no "to promote" governing the trigger; 促进签署 is', () => {
  const events = (text: string) => analyzed(text).events.map((e) => e.type);
  assert.deepEqual(events('张江集团与浦东新区投资促进服务中心签署合作协议。'), ['signing']);
  assert.deepEqual(events('张江集团与区投资促进服务中心签署合作协议。'), ['signing']);
  assert.deepEqual(events('双方将促进签署更多合作协议。'), []);
});

test('Taiwan and Hong Kong write 致詞 (simplified 致词): a speech like 致辞', () => {
  const a = analyzed('總統賴清德今（6）日上午出席「2024國家創新論壇」開幕典禮並致詞。');
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}`), ['speech:赖清德']);
});

test('出席在…博物馆举行的…会议，并发表题为《…》的重要讲话: the museum is the place; the speaker is who attended, not a body in the meeting\'s name', () => {
  const text = '11月18日上午，国家主席习近平出席在巴西里约热内卢现代艺术博物馆举行的二十国集团领导人第十九次峰会第一阶段会议，并发表题为《共建公正合理的全球治理体系》的重要讲话。';
  const a = analyzed(text);
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.place}:${e.participants.map((p) => p.text).join(',')}`),
    ['meeting:巴西里约热内卢现代艺术博物馆:习近平', 'speech:巴西里约热内卢现代艺术博物馆:习近平']);
});

test('签署并发表联合声明: what is signed is what 并发表 takes, and 联合 of 联合声明 is its name', () => {
  const a = analyzed('10月22日，两国元首共同签署并发表联合声明。');
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.object}`), ['signing:联合声明']);
});

test('推动 in the name of a body (推动长江经济带发展领导小组全体会议…召开) governs no trigger; the chain of positions before its leader holds', () => {
  const text = '新华社北京11月8日电推动长江经济带发展领导小组全体会议8日在京召开。中共中央政治局常委、国务院副总理、推动长江经济带发展领导小组组长丁薛祥出席会议并讲话。';
  const a = analyzed(text);
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.date}:${e.participants.map((p) => p.text).join(',')}`), ['meeting:--11-08:丁薛祥', 'speech:--11-08:丁薛祥']);
  assert.deepEqual(a.entities.filter((e) => e.type === 'position').map((e) => e.canonical), ['中共中央政治局常委', '国务院副总理', '推动长江经济带发展领导小组组长']);
});

test('出席…联盟成立典礼并致辞: the body is what is launched (not an actor), the one attending speaks', () => {
  const a = analyzed('12月6日，李家超出席粤港澳大湾区企业家联盟成立典礼并致辞。');
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.object}:${e.participants.map((p) => p.text).join(',')}`), ['launch:粤港澳大湾区企业家联盟:李家超', 'speech:null:李家超']);
});

test('event places: a kind of place (到乡镇调研) is none; the first of places gone to closed by 等地 (深入城关镇、柳河乡等地，调研); a county head jieba left apart (积石山|县)', () => {
  const places = (text: string) => analyzed(text).events.map((e) => e.place);
  assert.deepEqual(places('10月8日，县委书记李建国到乡镇调研秋收工作。'), [null]);
  assert.deepEqual(places('10月8日，县委书记李建国深入城关镇、柳河乡等地，调研秋收秋种工作。'), ['城关镇']);
  assert.deepEqual(places('12月19日，应急管理部党委书记王祥喜率工作组抵达甘肃积石山县，看望慰问受灾群众。'), ['甘肃积石山县']);
});

test('前往 is a verb of going (15日前往花莲县视察: dated, placed), not "before the 15th"; whose briefing was heard (听取管理处简报) does not inspect', () => {
  const events = (text: string) => analyzed(text).events
    .map((e) => `${e.date}:${e.place}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(events('卓荣泰11月15日前往花莲县视察工作。'), ['--11-15:花莲县:卓荣泰']);
  assert.deepEqual(events('11月15日，卓荣泰首先来到太鲁阁国家公园，听取管理处简报，随后视察苏花公路。'), ['--11-15:null:卓荣泰']);
});

test('会议还决定，…于12月中旬在广州召开: a meeting decided with an adverb between is a decision, the planned meeting no event; 邓小平同志亲属代表邓朴方发言: the kin\'s name does not speak', () => {
  const events = (text: string) => analyzed(text).events
    .map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(events('12月3日，省委常委会召开会议。会议还决定，2024年全省经济工作会议于12月中旬在广州召开。'), ['meeting:省委常委会', 'decision:']);
  assert.deepEqual(events('12月3日，邓小平同志亲属代表邓朴方在座谈会上发言。'), ['speech:邓朴方']);
});

test('会见了出席论坛的外方代表: the one who meets those attending does not attend the forum himself', () => {
  const text = '20日上午，第二届能源合作论坛在陕西省西安市开幕。国家发展和改革委员会副主任赵辰昕出席开幕式并致辞。\n陕西省委书记赵刚会见了出席论坛的外方代表。';
  const a = analyzed(text);
  assert.deepEqual(a.events.filter((e) => e.type === 'meeting').map((e) => e.participants.map((p) => p.text)), [['赵辰昕']]);
});

test('an actor right before a trigger that ends its clause acts (孙哲代表市政府签约。, 国家外汇管理局同日公布，); a thing named there is what is signed (…协定在北京签署)', () => {
  const events = (text: string) => analyzed(text).events
    .map((e) => `${e.participants.map((p) => p.text).join(',')}:${e.object}`);
  assert.deepEqual(events('11月20日，副市长孙哲代表市政府签约。'), ['孙哲:null']);
  assert.deepEqual(events('12月7日，国家外汇管理局同日公布，11月末我国外汇储备规模为32659亿美元。'), ['国家外汇管理局:null']);
  assert.deepEqual(events('11月20日，中德两国政府间科技合作协定在北京签署。'), [':中德两国政府间科技合作协定']);
});

test('在人民大会堂举行会谈 (jieba: 举行会谈/i) is placed; 习近平/nrfg before a glued word (同卢拉/x) still acts', () => {
  const a = analyzed('5月13日，习近平同卢拉在人民大会堂举行会谈。');
  assert.deepEqual(a.events.map((e) => `${e.type}:${e.place}:${e.participants.map((p) => p.text).join(',')}`), ['talks:人民大会堂:习近平,卢拉']);
});

test('local news: a speaker in his own clause speaks alone (…宣布项目开工，县长杨涛致辞), not after a list of officials parted by commas; counted projects are no object; a review asked for (提请…审定) is none; those spoken for do not speak; X成立大会 launches X', () => {
  const events = (text: string) => analyzed(text).events
    .map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}:${e.object}`);
  assert.deepEqual(events('12月3日，县委书记曹文军宣布项目开工，县委副书记、县长杨涛致辞。'), ['speech:杨涛:null']);
  assert.deepEqual(events('12月3日，苏州市委书记刘小涛，上海市委常委、嘉定区委书记陆方舟出席并讲话。'), ['speech:刘小涛,陆方舟:null']);
  assert.deepEqual(events('12月3日，我市与深圳10家企业现场签约项目12个。'), ['signing::null']);
  assert.deepEqual(events('12月3日，会议决定提请市委常委会审定。').map((e) => e.split(':')[0]), ['decision']);
  assert.deepEqual(events('12月3日，李强代表党中央、国务院在大会上讲话。'), ['speech:李强:null']);
  assert.deepEqual(events('4月28日，中国卫星网络集团有限公司成立大会在河北雄安新区举行。')[0], 'launch::中国卫星网络集团有限公司');
});

test('授予 recipients, then the award: the award is the object, those named before it receive it, the giver is the subject before', () => {
  const events = (text: string) => analyzed(text).events
    .filter((e) => e.type === 'award').map((e) => `${e.object}:${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`);
  assert.deepEqual(events('6月24日，国务院决定授予兰州大学王乃彦等50名科学家国家自然科学奖。'), ['国家自然科学奖:国务院/awarder,兰州大学/recipient,王乃彦/recipient']);
  assert.deepEqual(events('6月24日，大会授予张雪梅等20人“浙江省道德模范”称号。'), ['“浙江省道德模范”称号:张雪梅/recipient']);
});

test('a light verb after the thing (签署第16号主席令予以公布) is no part of it', () => {
  const text = '3月1日，国家主席习近平签署第16号主席令予以公布。';
  assert.deepEqual(run(text, { person: ['习近平'], position: ['国家主席'] }).map((e) => e.object), ['第16号主席令', '第16号主席令']);
});

test('the 启动 of 出席启动仪式 names the ceremony of the launch told (before or after), not a launch of its own; alone, it is the launch', () => {
  const before = '12月1日，“水乡客厅”项目正式启动。上海市市长龚正出席启动仪式并致辞。';
  const after = '12月1日，上海市市长龚正出席启动仪式并致辞。“水乡客厅”项目正式启动。';
  for (const text of [before, after]) {
    assert.deepEqual(run(text, { person: ['龚正'], position: ['上海市市长'] }).map((e) => `${e.type}|${e.participants.map((p) => `${p.text}/${p.role}`).join(',')}`).sort(),
      ['launch|龚正/attendee', 'speech|龚正/speaker'], text);
  }
  assert.deepEqual(kinds('12月1日，龚正出席启动仪式并致辞。', run('12月1日，龚正出席启动仪式并致辞。', { person: ['龚正'] })), ['launch:启动', 'speech:致辞']);
});

test('a trigger naming an activity (集中签约活动) is part of the meeting\'s name, no signing of its own', () => {
  const text = '3月12日，我市举行重大项目线上集中签约活动，与12家企业签约重大项目。';
  assert.deepEqual(run(text, {}).map((e) => `${e.type}|${e.object}`), ['meeting|重大项目线上集中签约活动', 'signing|重大项目']);
});

test('how an event is held (在北京以视频方式会见) does not hide its place; the bodies of a meeting attended (出席了中国—东盟商务理事会视频会议并发表讲话) do not speak', () => {
  const video = '1月15日，李强在北京以视频方式会见世界经济论坛总裁布伦德。';
  assert.deepEqual(run(video, { person: ['李强', '布伦德'], place: ['北京'], position: ['世界经济论坛总裁'] }).map((e) => e.place), ['北京']);
  const speech = '1月15日，李强还出席了中国—东盟商务理事会视频会议并发表讲话。';
  assert.deepEqual(run(speech, { person: ['李强'], organization: ['东盟'], place: ['中国'] }).map((e) => e.participants.map((p) => p.text).join(',')), ['李强']);
});

test('实地考察 (one jieba word) is an inspection whose trigger is 考察', () => {
  const text = '4月8日，省政协主席连维良一行实地考察天鹅洲长江故道湿地。';
  const events = run(text, { person: ['连维良'], place: ['天鹅洲长江故道湿地'] });
  assert.deepEqual(events.map((e) => `${e.type}|${text.slice(e.trigger.start, e.trigger.end)}|${e.participants.map((p) => p.text).join(',')}`), ['inspection|考察|连维良']);
});

test('X、Y为“Z”揭牌: those before 为 unveil the plaque, the quoted name is what is launched', () => {
  const text = '仪式上，刘晓东、吴庆文为“江苏省工业互联网创新中心（苏州）”揭牌。';
  const events = run(text, { person: ['刘晓东', '吴庆文'], organization: ['江苏省工业互联网创新中心（苏州）'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.object}|${e.participants.map((p) => p.text).join(',')}`), ['launch|江苏省工业互联网创新中心（苏州）|刘晓东,吴庆文']);
});

test('同日，… is the day told about before, not a month range a statistic named in between (1—3月份)', () => {
  const text = '国家统计局4月16日上午举行新闻发布会。\n1—3月份，全国固定资产投资增长4.5%。\n同日，国家统计局还公布了3月份70个大中城市商品住宅销售价格变动情况。';
  const events = run(text, { organization: ['国家统计局'] }, { articleDate: { iso: '2026-04-16', year: 2026, month: 4, day: 16 } });
  assert.deepEqual(events.map((e) => `${e.type}|${e.date}`), ['meeting|2026-04-16', 'release|2026-04-16']);
});

test('a decision in a clause after the meeting that made it (召开常务会议，听取…，部署…); 院会 decides; a drafted document is what is passed', () => {
  const text = '国务院总理李强4月10日主持召开国务院常务会议，听取关于一季度经济运行情况的汇报，部署进一步稳外贸稳外资举措。';
  const events = run(text, { person: ['李强'], organization: ['国务院'] });
  assert.deepEqual(events.map((e) => `${e.type}|${text.slice(e.trigger.start, e.trigger.end)}|${e.object}`), ['meeting|主持召开|国务院常务会议', 'decision|部署|进一步稳外贸稳外资举措']);
  // Not a plan told after a meeting's clause (召开会议，要求各地部署…): 部署 does not open the clause.
  assert.deepEqual(run('省政府召开会议，要求各地部署防汛工作。', { organization: ['省政府'] }).map((e) => e.type), ['meeting']);
  const passed = run('院会审议通过内政部拟具的《国土韧性强化特别条例》草案。', { organization: ['内政部'], document: ['国土韧性强化特别条例'] });
  assert.deepEqual(passed.map((e) => `${e.type}|${e.object}`), ['decision|国土韧性强化特别条例']);
});

test('a report named 关于…的报告 that someone delivers (作了关于…工作的报告) is a speech; one reviewed is not', () => {
  const delivered = run('刘奇作了关于代表资格审查委员会工作的报告。', { person: ['刘奇'], document: ['关于代表资格审查委员会工作的报告'] });
  assert.deepEqual(delivered.map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['speech|刘奇']);
  assert.deepEqual(run('会议审议了关于人大工作的报告。', { document: ['关于人大工作的报告'] }), []);
});

test('what starts from a day after the article (自6月1日起启动 in an article of 14 May) is a plan; from an earlier day it happened', () => {
  const published = { iso: '2026-05-14', year: 2026, month: 5, day: 14 };
  const later = run('教育部自6月1日起启动全民防灾教育周系列活动。', { organization: ['教育部'] }, { articleDate: published });
  assert.deepEqual(later, []);
  const earlier = run('教育部自5月1日起启动全民防灾教育周系列活动。', { organization: ['教育部'] }, { articleDate: published });
  assert.deepEqual(earlier.map((e) => e.type), ['launch']);
});

test('a session a meeting opens or closes with, named (主持闭幕大会), is no opening of its own; what is to be signed 尽快 is a plan', () => {
  assert.deepEqual(run('12月28日，市长李明主持闭幕大会。', { person: ['李明'] }).map((e) => `${e.type}|${e.object}`), ['meeting|闭幕大会']);
  assert.deepEqual(run('双方同意尽快签署《合作备忘录》。', { document: ['合作备忘录'] }), []);
  assert.deepEqual(run('大会于12月28日闭幕。').map((e) => e.type), ['meeting']);
});

test('a sentence the meeting opens as subject decides in a later clause (会议研究了《…》，决定…); a "since" phrase in the object (入梅以来的) and an unresolved 今年 do not stop the decision or its day', () => {
  const text = '6月3日上午，市长姚高员主持召开市政府常务会议。\n会议研究了《若干措施》，决定从今年7月1日起实施。\n会议听取了市应急管理局关于今年防汛工作的汇报，部署了入梅以来的防汛工作。';
  const events = run(text, { person: ['姚高员'], organization: ['市应急管理局'], document: ['若干措施'] });
  assert.deepEqual(events.map((e) => `${e.type}|${text.slice(e.trigger.start, e.trigger.end)}|${e.date}`), ['meeting|主持召开|--06-03', 'decision|决定|--06-03', 'decision|部署|--06-03']);
});

test('在讲话中/在发言中 as one jieba word: the speech inside it is told, its speaker the subject', () => {
  const events = run('中国驻美国大使李肇星在发言中强调，应努力消除障碍。廖国勋在讲话中指出，要加快发展。', { person: ['李肇星', '廖国勋'] });
  assert.deepEqual(events.map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['speech|李肇星', 'speech|廖国勋']);
});

test('主持开幕式: an opening ceremony is a meeting noun a bare 主持 hosts', () => {
  assert.deepEqual(run('6月3日，自治区主席蓝天立主持开幕式。', { person: ['蓝天立'] }).map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['meeting|蓝天立']);
});

test('joining applied for or pushed forward (申请加入, 推进加入…进程) is no join', () => {
  assert.deepEqual(run('2001年12月11日中国加入世界贸易组织。', { organization: ['世界贸易组织'] }).map((e) => e.type), ['join']);
  assert.deepEqual(run('中国申请加入CPTPP。我们推进加入DEPA进程。'), []);
});

test('a day told relative to the article\'s heads its clause after any subject (市府昨（22）日举行, 市长今天视察)', () => {
  const dated = (text: string) => analyzed(text).events.map((e) => `${e.type}:${e.date}`);
  assert.deepEqual(dated('標題\n發布時間：114/09/23\n\n此外，市府昨（22）日舉行市政會議。'), ['meeting:2025-09-22']);
  assert.deepEqual(dated('標題\n發布時間：114/09/23\n\n市長今天上午視察捷運工地。'), ['inspection:2025-09-23']);
});

test('a date something is planned for (将于2026年3月5日在北京召开) dates none of the next sentences\' events', () => {
  const text = '新华社北京2026年2月28日电 常委会第二十一次会议28日上午在北京闭幕。根据决定，全国人大五次会议将于2026年3月5日在北京召开。\n会议期间，副委员长刘奇作了关于代表资格审查委员会工作的报告。';
  assert.deepEqual(analyzed(text).events.filter((e) => e.type === 'speech').map((e) => e.date), ['2026-02-28']);
});

test('发表《…声明》 releases the document, like 发出《…》; 签署并发表 makes a signing and a release of one document; 发表题为《…》的讲话 is a speech only', () => {
  const text = '当地时间5月6日，国家主席习近平在巴黎同法国总统马克龙举行会谈。会谈后，两国元首共同签署并发表《中法关于中东局势的联合声明》。会议发表了《天津宣言》。习近平发表题为《携手开创中法关系新六十年》的重要讲话。';
  const got = analyzed(text).events.filter((e) => e.type !== 'talks').map((e) => `${e.type}:${e.object}`);
  assert.deepEqual(got, ['signing:中法关于中东局势的联合声明', 'release:中法关于中东局势的联合声明', 'release:天津宣言', 'speech:null']);
});

test('签署仪式/签约仪式 names the ceremony a meeting is held for, not a signing of its own', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}`);
  assert.deepEqual(got('签署仪式在深圳会展中心举行。孙德明在签约仪式上致辞。'), ['meeting:举行', 'speech:致辞']);
  assert.deepEqual(got('孙德明与刘海涛签署合作备忘录。'), ['signing:签署']);
});

test('a field\'s label (發布單位：, 发布时间：) is no release', () => {
  assert.deepEqual(analyzed('標題\n發布單位：新聞局　發布時間：114/09/23\n市長今天視察工地。').events.map((e) => e.type), ['inspection']);
});

test('talks at a venue with a partner whose phrase names places (在人民大会堂同来华…的哈萨克斯坦总统…举行会谈; 在爱丽舍宫同法国总统埃马纽埃尔·马克龙): the venue; 法国当地时间5月6日 dates the sentence', () => {
  const text = '新华社北京5月7日电 5月7日下午，国家主席习近平在人民大会堂同来华进行国事访问的哈萨克斯坦总统托卡耶夫举行会谈。\n本报巴黎5月6日电 法国当地时间5月6日，国家主席习近平在爱丽舍宫同法国总统埃马纽埃尔·马克龙举行会谈。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.place}:${e.date}`), ['talks:人民大会堂:--05-07', 'talks:爱丽舍宫:--05-06']);
});

test('为 after those who unveil a plaque, then what it is for (县委、县政府为2024年度“…精品村”授牌, 陈立国还为云和县…产业园授牌): the object is what follows 为', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.object}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(got('调研期间，县委书记陈立国还为云和县“山海协作”产业园授牌。'), ['云和县“山海协作”产业园:陈立国']);
  assert.deepEqual(got('会上，县委、县政府为2024年度“美丽乡村精品村”授牌。'), ['2024年度“美丽乡村精品村”:']);
});

test('the speaker opening a transcript\'s line (林剑：, 新华社记者：) tells the events of that line and acts in none', () => {
  const text = '外交部发言人林剑主持例行记者会。\n新华社记者：昨天，巴西总统卢拉同习近平主席通电话。你能否介绍有关情况？\n林剑：3月17日晚，习近平主席应约同巴西总统卢拉通电话。';
  const calls = analyzed(text).events.filter((e) => e.type === 'talks').map((e) => e.participants.map((p) => p.text).sort().join(','));
  assert.deepEqual(calls, ['习近平,卢拉', '习近平,卢拉']);
});

test('the spirit of what was said on a past visit (学习习近平总书记考察湖北重要讲话精神) is no inspection; a speech in a summing-up remark stays one', () => {
  assert.deepEqual(analyzed('省委常委会召开会议，传达学习习近平总书记考察湖北重要讲话精神。').events.map((e) => e.type), ['meeting']);
  assert.deepEqual(analyzed('李强在总结讲话中对贯彻落实习近平总书记重要讲话精神提出要求。').events.map((e) => e.type), ['speech']);
});

test('a meeting a decision fixes in its own clause is the decision\'s object, no meeting of its own (会议确定2021年度…座谈会在江苏省召开, 决定于1月中旬召开…会议, 决定，2025年1月在杭州召开…)', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${e.object}`);
  assert.deepEqual(got('会议确定2021年度长三角地区主要领导座谈会在江苏省召开。'), ['decision:2021年度长三角地区主要领导座谈会']);
  assert.deepEqual(got('会议决定于2025年1月中旬召开浙江省第十四届人民代表大会第三次会议。'), ['decision:浙江省第十四届人民代表大会第三次会议']);
  assert.deepEqual(got('会议决定，2025年1月在杭州召开省第十四届人民代表大会第三次会议。'), ['decision:省第十四届人民代表大会第三次会议']);
});

test('a release ceremony (…发布仪式在京举行) is the meeting held, no release of its own', () => {
  assert.deepEqual(analyzed('第十届全国“最美科技工作者”发布仪式在京举行。').events.map((e) => `${e.type}:${e.object}`), ['meeting:第十届全国“最美科技工作者”发布仪式']);
});

test('the time of a meeting a decision fixes is no part of its name (确定第六次会议|明年|在宣城市举行)', () => {
  assert.deepEqual(analyzed('会议审议通过了工作规则修订稿，确定第六次会议明年在宣城市举行。').events.map((e) => `${e.type}:${e.object}`), ['decision:工作规则修订稿', 'decision:第六次会议']);
});

test('a headline after the page\'s breadcrumb and date line shares the body\'s date (央广网 > 财经 > 正文, 时间：… 来源：…)', () => {
  const text = '央广网 > 财经 > 正文\n时间：2023-12-05 08:30 来源：安徽日报\n韩振东在黄山市调研时强调 加快建设生态文明示范区\n12月3日至4日，省委书记韩振东在黄山市调研。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.date}`), ['inspection:2023-12-03/2023-12-04', 'inspection:2023-12-03/2023-12-04']);
});

test('what is launched comes before 由 and those who launch it after (联盟由四川大学、重庆大学…共同发起)', () => {
  const [e] = analyzed('联盟由四川大学、重庆大学、电子科技大学等二十八所高校及科研院所共同发起。').events;
  assert.equal(e.object, '联盟');
  assert.deepEqual(e.participants.map((p) => p.text), ['四川大学', '重庆大学', '电子科技大学']);
});

test('签约 naming a thing or an occasion (签约项目共31个, 签约项目涵盖…, 集中签约暨开工仪式) is no signing; projects counted as what was signed (现场签约项目32个) are', () => {
  const types = (text: string) => analyzed(text).events.map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}`);
  assert.deepEqual(types('合肥高新区2024年度重大项目集中签约暨开工仪式举行。'), ['meeting:举行']);
  assert.deepEqual(types('本次集中签约项目共31个。签约项目涵盖新能源汽车等领域。'), []);
  assert.deepEqual(types('论坛期间共签约项目32个。'), ['signing:签约']);
});

test('a label in brackets (（受权发布）) is no event; the outlet of a 记者： line is no participant; 发表主旨讲话 is one speech', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(got('新华社北京3月5日电（受权发布）中华人民共和国全国人民代表大会公告。'), []);
  assert.deepEqual(got('问：请介绍有关情况。\n总台央视记者：昨天，王毅同费萨尔通电话。'), ['talks:通电话:王毅,费萨尔']);
  assert.deepEqual(got('李强出席开幕式并发表主旨讲话。').filter((e) => e.startsWith('speech')), ['speech:主旨讲话:李强']);
});

test('what an inspection visited acts in none of the events after it (参观了阿斯塔纳国际金融中心，并发表讲话)', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${text.slice(e.trigger.start, e.trigger.end)}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(got('习近平参观了阿斯塔纳国际金融中心，并发表讲话。'), ['参观:习近平', '讲话:习近平']);
  assert.deepEqual(got('拉夫罗夫考察了中国商用飞机有限责任公司，并同陈吉宁举行会谈。').map((e) => e.includes('中国商用飞机') && e.startsWith('会谈')), [false, false]);
});

test('a call or letter takes no place from the events before it (…在里约热内卢会见…。同日，李强致电…)', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${text.slice(e.trigger.start, e.trigger.end)}:${e.place}`);
  assert.deepEqual(got('3月8日，王毅在里约热内卢会见巴西外长维埃拉。同日，李强致电卡里奥拉，祝贺她当选众议长。'), ['会见:里约热内卢', '致电:null']);
});

test('作出部署 is a decision about what follows 对 (省委、省政府对打造先进制造业高地作出部署)', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}:${e.object}`);
  assert.deepEqual(got('2月18日，省委、省政府对打造先进制造业高地作出部署。'), ['decision:作出部署:打造先进制造业高地']);
  assert.deepEqual(got('会议对下一步工作作出安排部署。'), ['decision:作出安排部署:下一步工作']);
});

test('a body visited in an inspection (赴…有限责任公司调研, 在华为技术有限公司考察) is what is inspected, no visitor', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.participants.map((p) => p.text).join(',')}:${e.object}`);
  assert.deepEqual(got('江毅一行赴四川省能源投资集团有限责任公司调研座谈。'), ['江毅:四川省能源投资集团有限责任公司']);
  assert.deepEqual(got('李强在华为技术有限公司考察生产线。'), ['李强:生产线']);
  // A body that inspects stays a visitor.
  assert.deepEqual(got('省生态环境厅在湖州市调研。'), ['省生态环境厅:null']);
});

test('决定 after the deliberation it comes out of is a decision (经…研究并报…批准，决定给予…; …经审查决定，…)', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}:${e.object}`);
  assert.deepEqual(got('经中央纪委常委会会议研究并报中共中央批准，决定给予刘建平开除党籍处分。'), ['decision:中央纪委常委会,中共中央:给予刘建平开除党籍处分']);
  assert.deepEqual(got('2024年7月，最高人民检察院经审查决定，依法对李文辉决定逮捕。'), ['decision:最高人民检察院:依法对李文辉决定逮捕']);
  // Without one, 决定 alone still reads "determines" (这决定了…).
  assert.deepEqual(got('经济基础决定上层建筑。'), []);
});

test('次日 / 翌日 opening a sentence date it and the rest of its paragraph to the day after the one told about', () => {
  const dates = (text: string) => analyzed(text).events.map((e) => `${text.slice(e.trigger.start, e.trigger.end)}:${e.date}`);
  assert.deepEqual(dates('2023年9月15日，浙江大学与宁波市签署合作协议。次日，双方在宁波国际会议中心举办对接会。代表团还考察了企业。翌日上午，双方举行座谈会。'),
    ['签署:2023-09-15', '举办:2023-09-16', '考察:2023-09-16', '举行:2023-09-17']);
  // A range's last day, and the end of a month.
  assert.deepEqual(dates('2024年1月30日至31日，论坛在京举行。次日，与会代表考察了园区。'), ['举行:2024-01-30/2024-01-31', '考察:2024-02-01']);
});

test('签订项目投资协议 is a signing of the agreement; a document speaking (通报指出) and a credit line (来源：苏州发布) tell no release', () => {
  const types = (text: string) => analyzed(text).events.map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}:${e.object}`);
  assert.deepEqual(types('7月8日，苏州工业园区管委会与江苏储能有限公司签订项目投资协议。'), ['signing:签订:项目投资协议']);
  assert.deepEqual(types('中央纪委国家监委公开通报五起典型问题。通报指出，今年是关键一年。'), ['release:通报:五起典型问题']);
  assert.deepEqual(types('园区举行签约仪式\n来源：苏州发布\n园区与企业签署合作协议。').filter((t) => t.startsWith('release')), []);
});

test('a ceremony\'s start button (按下启动键) is no launch; what marks the launch is no part of what is launched (标志着平台正式启动)', () => {
  assert.deepEqual(analyzed('与会领导共同按下启动键，标志着平台正式启动。').events.map((e) => `${e.type}:${e.object}`), ['launch:平台']);
});

test('a 他/她 subject is the person who acted last in the paragraph, or who opened a sentence before (随后，他来到…调研; 他在致辞中表示); not 他们, nor 他对…', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(got('省委书记韩振东首先来到歙县深渡镇，察看新安江治理情况。随后，他来到屯溪区调研。他在致辞中表示，要加快发展。他们参观了展览。'),
    ['inspection:韩振东', 'speech:韩振东', 'inspection:']);
});

test('a bare 陪同 closing its clause accompanies the visit just told; those accompanying take part in every visit of that sentence', () => {
  const parts = (text: string) => analyzed(text).events.map((e) => `${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(parts('6月10日，市委书记王建华来到龙泉镇石门村调研，镇党委书记李红陪同。'), ['调研|王建华,李红']);
  // The list of those accompanying may run over commas; the body visited is not one of them.
  assert.deepEqual(parts('1月8日，市长杨浩东到孟定镇调研甘蔗生产工作，并看望慰问了困难群众。县委书记赵钟瑞，县委副书记、县长李安民陪同。'),
    ['调研|杨浩东,赵钟瑞,李安民', '看望慰问|杨浩东,赵钟瑞,李安民']);
  assert.deepEqual(parts('市委书记崔永辉一行到厦门象屿集团调研，集团董事长张水利陪同。'), ['调研|崔永辉,张水利']);
  assert.deepEqual(parts('1月4日，胡锦涛在江西省南昌市考察了南昌大学，看望慰问了困难职工家庭。省委书记舒惠国陪同考察。'),
    ['考察|胡锦涛,舒惠国', '看望慰问|胡锦涛,舒惠国']);
  // After talks, a bare 陪同 joins no earlier visit.
  assert.deepEqual(parts('3月2日，李强在广东调研。\n3月3日，李强在北京会见了卢拉。王毅陪同。').map((p) => p.split('|')[1]), ['李强', '李强,卢拉']);
});

test('a later dispatch (本报上海1月5日电) starts from no place: the last place told in another dispatch does not carry over', () => {
  const text = '新华社北京1月5日电  国务院副总理钱其琛今天在钓鱼台国宾馆会见了巴西政府代表团。\n\n本报上海1月5日电  上海市市长徐匡迪今天会见了美国波音公司董事长康迪特一行。';
  assert.deepEqual(analyzed(text).events.map((e) => e.place), ['钓鱼台国宾馆', null]);
});

test('an event timed only as some day before (此前, 近日, 日前) takes neither the date nor the place told before; 此前一天 is the day before', () => {
  const text = '新华社北京3月28日电 3月25日，张升民在北京八一大楼会见了穆尼尔一行。此前，董军同穆尼尔举行了会谈，两国国防部门签署了合作计划。\n海军司令员胡中明近日赴南海舰队调研。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.date}|${e.place}`),
    ['会见|--03-25|北京八一大楼', '会谈|null|null', '签署|null|null', '调研|null|null']);
  const before = '新华社北京11月5日电 5日，王毅在北京会见了法国客人。\n此前一天，王毅在北京会见了南非国际关系与合作部长拉莫拉。';
  assert.deepEqual(analyzed(before).events.map((e) => e.date), ['--11-05', '--11-04']);
});

test('the sentences after one timed only as some day before (此前，…) are of that unknown day too, not the day told before', () => {
  const text = '新华社广州3月2日电 3月2日，王伟中在广州调研。此前，广东省人民政府与华为技术有限公司在广州签署战略合作协议。省长王伟中出席签约仪式并致辞。\n3月3日，王伟中在深圳考察。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.date}`), ['调研|--03-02', '签署|null', '致辞|null', '考察|--03-03']);
});

test('a bare 主持 hosts the meeting told before on its own day only (副省长主持签约仪式 the next day hosts no 座谈会)', () => {
  const text = '11月18日，王宁在晋宁区委召开座谈会。\n11月19日，省政府与中国农业发展银行在昆明签署战略合作协议。副省长纳云德主持签约仪式。';
  const hosted = analyzed(text).events.filter((e) => e.trigger.text === '主持');
  assert.deepEqual(hosted.map((e) => `${e.date}|${e.object}`), ['--11-19|null']);
  // The same day, it is the meeting just told about.
  const same = analyzed('11月18日，王宁在晋宁区委召开座谈会，副省长纳云德主持。').events.filter((e) => e.trigger.text === '主持');
  assert.deepEqual(same.map((e) => e.object), ['座谈会']);
});

test('a press release\'s header (香港特區政府新聞公報（11月21日）) is a dateline: the release takes part in no event of its first sentence', () => {
  const text = '香港特區政府新聞公報（11月21日）行政長官李家超今日（11月21日）上午在香港會議展覽中心出席大灣區企業家聯盟成立典禮並致辭。';
  const { date, events } = analyzed(text);
  assert.equal(date, '--11-21');
  assert.deepEqual(events.map((e) => `${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`), ['成立|李家超', '致辭|李家超']);
});

test('a body visited with the part of its site named after it (来到湖南第一师范学院城南书院校区考察) is what is visited, not a visitor; state organs in general (国家机关) attend as no body', () => {
  const text = '18日下午，习近平来到湖南第一师范学院城南书院校区考察。蔡奇、何立峰陪同考察，中央和国家机关有关部门负责同志参加考察。';
  const [visit] = analyzed(text).events;
  assert.equal(visit.object, '湖南第一师范学院城南书院校区');
  assert.deepEqual(visit.participants.map((p) => p.text), ['习近平', '蔡奇', '何立峰']);
});

test('numbered items dated by their own words are a digest\'s stories: a later item inherits no place; an item\'s number is no part of a name', () => {
  const text = '新闻联播摘要\n1.国务院总理李强11月27日下午在人民大会堂会见巴西总统卢拉。\n2.第三届中国国际供应链促进博览会26日在北京开幕。\n3.国家统计局今天发布数据显示，工业企业利润同比下降4.3%。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.place}|${e.object}`),
    ['会见|人民大会堂|null', '开幕|北京|第三届中国国际供应链促进博览会', '发布|null|null']);
});

test('a body one went to (前往國防部，出席…並致詞) is where the speaker went, not a speaker', () => {
  const text = '總統賴清德今天上午前往國防部，出席年終記者會並致詞。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`), ['致詞|赖清德']);
});

test('a signing clause opened by 并与 (…发布了《…》，并与腾讯、百度等企业签署…) is signed by the subject before too', () => {
  const text = '会上，赛迪研究院发布了《中国软件产业发展白皮书》，并与腾讯、百度、科大讯飞等企业签署合作备忘录。';
  const signing = analyzed(text).events.find((e) => e.type === 'signing')!;
  assert.deepEqual(signing.participants.map((p) => p.text), ['赛迪研究院', '腾讯', '百度', '科大讯飞']);
});

test('the speaker glued to 作 by jieba (信长|星作|动员讲话) gives the speech, not the host named after it', () => {
  const [speech] = analyzed('会上，信长星作动员讲话，省长许昆林主持。').events;
  assert.deepEqual([speech.type, speech.participants.map((p) => p.text)], ['speech', ['信长星']]);
});

test('a bare 主持 hosts the meeting its clause opens with before 由 (反馈会由…尹弘主持)', () => {
  const text = '11月28日，督察组向江西省委、省政府反馈督察情况。反馈会由江西省委书记尹弘主持。';
  const hosted = analyzed(text).events.find((e) => e.trigger.text === '主持')!;
  assert.deepEqual([hosted.object, hosted.participants.map((p) => p.text)], ['反馈会', ['尹弘']]);
});

test('a rail section (武宜段) is no person; a headline 开通运营 at the line\'s end launches what it opens with', () => {
  const text = '沪渝高铁武宜段正式开通运营\n6日上午9时，沪渝高铁武汉至宜昌段正式开通运营。湖北省委书记王蒙徽宣布开通。';
  const { entities, events } = analyzed(text);
  assert.ok(!entities.some((e) => e.type === 'person' && e.canonical === '武宜段'));
  assert.deepEqual(events.filter((e) => e.type === 'launch').map((e) => e.object), ['沪渝高铁武宜段', '沪渝高铁武汉至宜昌段', null]);
});

test('taking part in an exercise or a contest (参加演习) attends no meeting told before', () => {
  const text = '3月28日，国防部举行例行记者会。中方派出南部战区陆军某旅和联勤保障部队等单位官兵参加演习。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`), ['举行|国防部']);
});

test('a body named by its level alone (省政府与…签署) signs, though it is no entity', () => {
  const [signing] = analyzed('11月19日，省政府与中国农业发展银行在昆明签署战略合作协议。').events;
  assert.deepEqual(signing.participants.map((p) => `${p.text}/${p.role}`), ['省政府/signatory', '中国农业发展银行/signatory']);
});

test('a body named by its level alone holds the meeting it opens the clause with (区政府召开…会议), gives the award (省政府授予…), issues the document (市政府印发…)', () => {
  const [meeting] = analyzed('12月2日下午，区政府召开全区安全生产工作会议，常务副区长张明辉出席会议并讲话。').events;
  assert.equal(meeting.participants[0].text, '区政府');
  // It gives the award or issues the document it opens the clause with, too.
  const [award, release] = analyzed('会上，省政府授予10项成果省自然科学奖一等奖。12月3日，市政府印发《关于加快建设科技强市的实施方案》。').events;
  assert.deepEqual([award.participants.map((p) => p.text), release.participants.map((p) => p.text)], [['省政府'], ['市政府']]);
  // (Recipients counted, not named: the award follows them.)
  assert.equal(award.object, '省自然科学奖一等奖');
});

test('bodies joined by 与 before 在…签约 sign; they are no object of the signing', () => {
  const [signing] = analyzed('华为技术有限公司与深圳市人民政府在深圳签约。').events;
  assert.deepEqual([signing.participants.map((p) => p.text), signing.object, signing.place], [['华为技术有限公司', '深圳市人民政府'], null, '深圳']);
  // A document before 在…签署 is what was signed.
  assert.equal(analyzed('两国合作协议在北京签署。').events[0].object, '两国合作协议');
});

test('bodies that speak (…九江市应急管理局作了典型发言) take no speaker from the next sentence; an attendee on another day attends no meeting told before', () => {
  const speech = '会上，南昌市消防救援支队、九江市应急管理局作了典型发言。\n史文斌强调，要深入开展隐患排查整治。';
  assert.deepEqual(analyzed(speech).events.map((e) => e.participants.map((p) => p.text)), [['南昌市消防救援支队', '九江市应急管理局']]);
  const days = '10月23日，习近平在喀山会见了印度总理莫迪。这是两国领导人时隔五年再次举行正式会晤。\n24日，新开发银行行长罗塞芙在喀山出席金砖国家领导人对话会。';
  assert.ok(!analyzed(days).events.some((e) => e.date === '--10-23' && e.participants.some((p) => p.text === '罗塞芙')));
});

test('a day outranks a span of months told after it (11月20日，…介绍，1—10月，…): the sentences after are of that day', () => {
  const text = '2026年11月21日 来源：商务部\n11月20日，商务部新闻发言人何亚东介绍，1—10月，全国实际使用外资同比下降。会上还发布了《外商投资报告》。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.date}`), ['release:2026-11-20']);
});

test('a headline event with no like event in the body is of the lead\'s day, not of an event told later in passing', () => {
  const text = '商务部召开例行新闻发布会\n2026年11月21日 来源：商务部\n11月20日，商务部新闻发言人何亚东在例行新闻发布会上介绍有关情况。\n据介绍，第八届进博会于11月5日至10日在上海举办。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.date}:${e.place}`), ['meeting:2026-11-20:null', 'meeting:2026-11-05/2026-11-10:上海']);
});

test('会谈后，双方签署了… takes its sides from the talks told before, however many paragraphs of what was said came between', () => {
  const text = '11月17日，王毅在莫斯科同俄罗斯外长拉夫罗夫举行会谈。\n王毅表示，中俄关系持续高水平发展。\n拉夫罗夫表示，俄方愿同中方加强协调。\n会谈后，双方签署了《2027年至2028年磋商计划》。';
  const signing = analyzed(text).events.find((e) => e.type === 'signing');
  assert.deepEqual(signing?.participants.map((p) => p.text), ['王毅', '拉夫罗夫']);
});

test('a trip told day by day (15日上午，… 16日，…) is no digest: a paragraph with no day of its own is of the day told before it; a digest going back in time (19日… 18日… 17日…) still is one', () => {
  const trip = '新华社利马11月14日电 当地时间11月14日下午，国家主席习近平抵达利马。\n习近平抵达时，秘鲁总统博鲁阿尔特在机场举行欢迎仪式。\n15日上午，习近平同博鲁阿尔特举行会谈。\n16日，习近平发表重要讲话。';
  assert.deepEqual(analyzed(trip).events.map((e) => `${e.type}:${e.date}`), ['meeting:--11-14', 'talks:--11-15', 'speech:--11-16']);
  const digest = '新华社北京11月20日电\n19日，国家统计局发布数据。\n18日，商务部召开发布会。\n17日，国务院新闻办公室举行发布会。\n海关总署公布了前10月进出口数据。';
  assert.equal(analyzed(digest).events.at(-1)?.date, null);
});

test('a headline opening with the article\'s date (2026年11月26日外交部发言人毛宁主持例行记者会) is of that day, not of a day told in the body', () => {
  const text = '2026年11月26日外交部发言人毛宁主持例行记者会\n法新社记者：据报道，美国国务卿鲁比奥昨天表示，美方将实施新的限制。中方对此有何回应？';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.date}`), ['meeting:2026-11-26']);
});

test('a dateline in square brackets (【明报专讯】) is no participant of the first sentence\'s event', () => {
  const text = '【明报专讯】比亚迪昨日（11月24日）在布达佩斯与匈牙利政府签署合作备忘录。';
  assert.deepEqual(analyzed(text).events.map((e) => e.participants.map((p) => p.text)), [['比亚迪', '匈牙利政府']]);
});

test('回信 is a letter in reply, like 复信 (talks at a distance); 在回信中说 quotes the letter just told and is no event of its own', () => {
  const text = '11月24日，习近平给中国农业大学科技小院的学生回信，对他们给予勉励。习近平在回信中说，希望你们扎根基层。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${text.slice(e.trigger.start, e.trigger.end)}:${e.participants.map((p) => p.text).join(',')}`),
    ['talks:回信:习近平,中国农业大学']);
});

test('a headline whose only date is the year in the meeting\'s name (2026年世界互联网大会乌镇峰会开幕) takes the day the body tells', () => {
  const text = '2026年世界互联网大会乌镇峰会开幕\n新华网乌镇11月20日电 2026年世界互联网大会乌镇峰会20日在浙江乌镇开幕。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.date}`), ['meeting:2026-11-20', 'meeting:2026-11-20']);
});

test('an opening declared (孟凡利宣布开幕) is that of the meeting just told to open', () => {
  const text = '11月20日上午，第十三届中国（深圳）国际文化产业博览交易会在深圳国际会展中心开幕。深圳市委书记孟凡利宣布开幕，文化和旅游部副部长卢映川致辞。';
  const declared = analyzed(text).events.find((e) => e.participants.some((p) => p.text === '孟凡利'));
  assert.equal(declared?.object, '第十三届中国（深圳）国际文化产业博览交易会');
});

test('a later clause going on without a subject (他先后来到…，深入…等企业调研) is the pronoun\'s person\'s', () => {
  const text = '11月21日，国务院总理李强在广西考察。他先后来到柳州、南宁等地，深入广西大学等高校调研。';
  const visit = analyzed(text).events.find((e) => text.slice(e.trigger.start, e.trigger.end) === '调研');
  assert.ok(visit?.participants.some((p) => p.text === '李强'), JSON.stringify(visit?.participants));
});

test('a place framing a paragraph\'s opening (在柳州，…) holds for that paragraph only; the next goes back to the place told before it', () => {
  const text = '11月21日至22日，国务院总理李强在广西考察。\n在柳州，李强考察了螺蛳粉产业园。\n22日下午，李强主持召开座谈会。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.place}`), ['inspection:广西', 'inspection:柳州', 'meeting:广西']);
});

test('a country, province or city opening the clause of a joining or signing (中国于…正式加入, 安徽省与…签署, 新西兰、新加坡、智利三国…签署) is a party; the body that announced it is not; 中国企业 is no party', () => {
  const got = (text: string) => analyzed(text).events.map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}`);
  assert.deepEqual(got('商务部11月29日宣布，经各成员国一致同意，中国于11月28日正式加入《数字经济伙伴关系协定》。'), ['join:中国']);
  assert.deepEqual(got('11月20日，安徽省与华为技术有限公司在合肥签署战略合作协议。'), ['signing:安徽省,华为技术有限公司']);
  assert.deepEqual(got('此前，新西兰、新加坡、智利三国于2020年6月共同签署《数字经济伙伴关系协定》。'), ['signing:新西兰,新加坡,智利']);
  assert.deepEqual(got('中国企业与华为技术有限公司签署合作协议。'), ['signing:华为技术有限公司']);
  // A district or county government signs too (西湖区与之江实验室签订…).
  assert.deepEqual(got('仪式上，西湖区与之江实验室签订战略合作协议。'), ['signing:西湖区,之江实验室']);
});

test('joining told as the subject of what it brings (加入DEPA有利于…) is no event', () => {
  assert.deepEqual(analyzed('王受文表示，加入DEPA有利于中国与各成员深化合作。').events, []);
});

test('an event told as the subject of what it is (举办全国禁毒展览是得民心之举) is no event; a time right after a decision (决定今年第四季度，…) is not what was decided, but a year naming a meeting stays in its name', () => {
  assert.deepEqual(analyzed('举办全国禁毒展览是得民心之举，我们要广泛开展禁毒教育。').events, []);
  const [decision] = analyzed('根据中央要求，省委决定今年第四季度，对全省的县委书记集中进行一次党性教育。').events;
  assert.equal(decision.object, null);
  const [meeting] = analyzed('6月5日，2020年度长三角地区主要领导座谈会在浙江湖州举行。').events;
  assert.equal(meeting.object, '2020年度长三角地区主要领导座谈会');
});

test('a decision named as what is announced (宣布中共中央决定。) is told, not taken; a province holding a meeting with no body named (新疆维吾尔自治区召开…大会) holds it', () => {
  const text = '11月25日，新疆维吾尔自治区召开领导干部大会，宣布中共中央决定。中央组织部副部长王晓萍宣布了中央决定。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.participants.map((p) => p.text).join(',')}`), ['meeting:新疆维吾尔自治区']);
});

test('a title alone opening the clause (随后，总统出席…并致词) is the person who held it last in the article; a name after the title is the subject itself', () => {
  const text = '赖清德总统今日上午接见美国在台协会处长谷立言。随后，总统出席开幕典礼并致词。';
  const speech = analyzed(text).events.find((e) => e.type === 'speech');
  assert.deepEqual(speech?.participants.map((p) => p.text), ['赖清德']);
  const named = '赖清德总统今日上午接见谷立言。随后，行政院长卓荣泰出席典礼并致词。';
  assert.deepEqual(analyzed(named).events.find((e) => e.type === 'speech')?.participants.map((p) => p.text), ['卓荣泰']);
});

test('a release of a kind of thing named by no name (发布数据, 发布消息) has no object; a named one keeps it', () => {
  const generic = analyzed('国家统计局12月15日发布数据显示，11月份全国规模以上工业增加值同比增长5.4%。').events.filter((e) => e.type === 'release');
  assert.equal(generic.length, 1);
  assert.equal(generic[0].object, null);
  assert.deepEqual(generic[0].participants.map((p) => p.text), ['国家统计局']);
  const named = analyzed('国务院办公厅12月5日印发《关于加快发展数字经济的意见》。').events.filter((e) => e.type === 'release');
  assert.equal(named[0]?.object, '关于加快发展数字经济的意见');
});

test('a speech after attending a long-named meeting at a venue (在天津梅江会展中心出席…年会开幕式并致辞) is at that venue', () => {
  const text = '6月24日上午，国务院总理李强在天津梅江会展中心出席世界经济论坛第十六届新领军者年会开幕式并致辞。';
  const speech = analyzed(text).events.filter((e) => e.type === 'speech');
  assert.deepEqual(speech.map((e) => [e.place, e.participants.map((p) => p.text).join(',')]), [['天津梅江会展中心', '李强']]);
});

test('a clause the trigger opens after 他先后来到… (…，看望慰问困难群众) is the pronoun\'s person\'s, at the place arrived at', () => {
  const text = '12月6日，省委书记沈晓明在湘西土家族苗族自治州调研。他先后来到花垣县十八洞村、吉首市乾州街道，看望慰问困难群众，考察产业发展情况。';
  const visits = analyzed(text).events.filter((e) => e.type === 'inspection');
  assert.deepEqual(visits.map((e) => `${e.trigger.text}|${e.place}|${e.participants.map((p) => p.text).join(',')}`),
    ['调研|湘西土家族苗族自治州|沈晓明', '看望慰问|花垣县十八洞村|沈晓明', '考察|花垣县十八洞村|沈晓明']);
});

test('talks then 会见 in the next clause (同苏林举行会谈，会见…梁强、…范明政): the subject meets them, and 双方 are the sides of the talks', () => {
  const text = '应越共中央总书记苏林邀请，习近平对越南进行国事访问。访问期间，习近平同苏林举行会谈，会见越南国家主席梁强、政府总理范明政。\n双方签署了45份合作文件。';
  const events = analyzed(text).events;
  assert.deepEqual(events.map((e) => `${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`),
    ['会谈|习近平,苏林', '会见|习近平,梁强,范明政', '签署|习近平,苏林']);
});

test('a clause opened by 并 and where it happens (…来滇考察，并在昆明举行…座谈会) goes on with the subject before', () => {
  const text = '11月18日，上海市党政代表团来滇考察，并在昆明举行沪滇对口帮扶工作座谈会。';
  const meeting = analyzed(text).events.find((e) => e.type === 'meeting');
  assert.deepEqual([meeting?.place, meeting?.participants.map((p) => p.text)], ['昆明', ['上海市党政代表团']]);
});

test('those a meeting reaches by video (视频连线广东省应急管理厅，研究部署…) do not decide; the host does', () => {
  const text = '7月15日，应急管理部部长王祥喜主持召开专题会商会，视频连线广东省应急管理厅，研究部署防汛救灾工作。';
  const decision = analyzed(text).events.find((e) => e.type === 'decision');
  assert.deepEqual(decision?.participants.map((p) => p.text), ['王祥喜']);
});

test('an opening declared by a short name (宣布运动会开幕) is that of the meeting just told by its full name', () => {
  const text = '中华人民共和国第十五届运动会9日晚在广州奥林匹克体育中心开幕。国家主席习近平出席开幕式并宣布运动会开幕。';
  const openings = analyzed(text).events.filter((e) => e.type === 'meeting');
  assert.deepEqual(openings.map((e) => e.object), ['中华人民共和国第十五届运动会', '中华人民共和国第十五届运动会']);
});

test('those attending (…，省长施小琳出席签约仪式) are their own clause\'s subject, not the actors of a clause before that tells an event of its own (王晓晖会见柯瑞文)', () => {
  const text = '12月1日，四川省人民政府与中国电信集团有限公司在成都签署深化战略合作协议。省委书记王晓晖会见中国电信集团有限公司董事长柯瑞文一行，省长施小琳出席签约仪式。';
  const events = analyzed(text).events;
  assert.deepEqual(events.map((e) => `${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`),
    ['签署|四川省人民政府,中国电信集团有限公司,施小琳', '会见|王晓晖,柯瑞文']);
});

test('a bare 主持 before 并讲话 (赵刚主持并讲话) hosts the meeting just told', () => {
  const text = '11月25日，陕西省委理论学习中心组举行集体学习。省委书记赵刚主持并讲话。';
  const events = analyzed(text).events;
  assert.deepEqual(events.map((e) => `${e.type}:${e.trigger.text}|${e.participants.map((p) => p.text).join(',')}`),
    ['meeting:举行|陕西省委理论学习中心组', 'meeting:主持|赵刚', 'speech:讲话|赵刚']);
  // (主持人, 主持工作: no meeting hosted.)
  assert.deepEqual(analyzed('他主持并参与了多项国家重点研发计划。').events.filter((e) => e.trigger.text === '主持'), []);
});

test('a signing witnessed at a place (在马来西亚吉隆坡共同见证《…议定书》签署) is there, of that document, witnessed by the subject; its mention as what it signifies (…的签署，标志着…) is no new event', () => {
  const text = '10月28日，国务院总理李强在马来西亚吉隆坡共同见证《中国—东盟自由贸易区3.0版升级议定书》签署。\n李强表示，3.0版升级议定书的签署，标志着中国—东盟经贸合作迈上新台阶。';
  const events = analyzed(text).events;
  assert.deepEqual(events.map((e) => `${e.type}|${e.place}|${e.object}|${e.participants.map((p) => `${p.text}:${p.role}`).join(',')}`),
    ['signing|马来西亚吉隆坡|中国—东盟自由贸易区3.0版升级议定书|李强:attendee']);
});

test('a date right before the trigger heads it whatever stands before (…网站12月5日通报, 第二局比赛5月15日举行)', () => {
  const text = '中央纪委国家监委网站12月5日通报5起违反中央八项规定精神典型问题。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.date}`), ['通报|--12-05']);
  assert.deepEqual(analyzed('比赛采取三盘两胜制，第二局比赛5月15日举行。').events.map((e) => `${e.trigger.text}|${e.date}`), ['举行|--05-15']);
});

test('a decision about what is done with a document (会议决定，将《…（草案）》提请…审议) is about that document', () => {
  const text = '国务院总理李强11月21日主持召开国务院常务会议。会议决定，将《中华人民共和国社会救助法（草案）》提请全国人大常委会审议。';
  const decision = analyzed(text).events.find((e) => e.type === 'decision');
  assert.equal(decision?.object, '中华人民共和国社会救助法（草案）');
});

test('what is hereby made public (《…》已由…修订通过，现予公布) is the document the sentence opens with; a clause on its topic (就…进行调研) goes on with the pronoun\'s person', () => {
  const law = '《中华人民共和国反不正当竞争法》已由中华人民共和国第十四届全国人民代表大会常务委员会第十六次会议于2025年6月27日修订通过，现予公布，自2025年10月15日起施行。';
  assert.deepEqual(analyzed(law).events.map((e) => `${e.trigger.text}|${e.object}`), ['公布|中华人民共和国反不正当竞争法']);
  const tour = '12月4日至6日，中共中央政治局常委蔡奇在广东调研。他先后来到深圳、广州等地，深入企业、社区，就学习贯彻全会精神进行调研。';
  assert.deepEqual(analyzed(tour).events.map((e) => e.participants.map((p) => p.text).join(',')), ['蔡奇', '蔡奇']);
});

test('those listed after a joined trigger (出席会见的还有…) join the talks told before, with no talks of their own; speakers listed after a speech (作交流发言的有A、B和C) all speak', () => {
  const text = '国家主席习近平5日在人民大会堂会见来华进行国事访问的法国总统马克龙。\n王毅等参加会见。\n出席会见的还有外交部副部长马朝旭。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['talks|习近平,马克龙,王毅,马朝旭']);
  const speech = '座谈会上，作交流发言的有省委宣传部副部长王芳、市文旅局局长张军和县委书记刘洋。';
  assert.deepEqual(analyzed(speech).events.map((e) => `${e.type}|${e.participants.map((p) => p.text).join(',')}`), ['speech|王芳,张军,刘洋']);
});

test('a speech studied at a meeting (传达学习…重要讲话和重要指示精神, 学习…在…上的重要讲话) is its topic, no speech given there', () => {
  const text = '12月2日，省委常委会召开会议，传达学习习近平总书记重要讲话和重要指示精神。\n12月3日，市委常委会召开会议，传达学习习近平总书记在中央经济工作会议上的重要讲话。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.trigger.text}`), ['meeting:召开', 'meeting:召开']);
  // (A speech given there stays one.)
  assert.deepEqual(analyzed('会上，市委书记王强作重要讲话。').events.map((e) => `${e.type}:${e.trigger.text}`), ['speech:讲话']);
});

test('one attending the opening session (出席开幕大会) attends the meeting told opening', () => {
  const text = '第22届中国—东盟博览会17日在广西南宁开幕。国务院副总理丁薛祥出席开幕大会并发表主旨演讲。';
  const opening = analyzed(text).events.find((e) => e.trigger.text === '开幕');
  assert.deepEqual(opening?.participants.map((p) => p.text), ['丁薛祥']);
});

test('a speech at the ceremony of a launch (在启动仪式上致辞) is no launch; a signing named for what it brings (…安排的签署，将为…带来) is no new signing', () => {
  const launch = '12月1日，省人社厅联合启动“春风行动”。省人社厅副厅长刘建军在启动仪式上致辞。';
  assert.deepEqual(analyzed(launch).events.map((e) => `${e.type}:${e.trigger.text}`), ['launch:启动', 'speech:致辞']);
  const signing = '11月29日，商务部部长王文涛与洪都拉斯经济发展部部长在北京签署《早期收获安排的协议》。王文涛表示，早期收获安排的签署，将为两国企业带来实实在在的好处。';
  assert.deepEqual(analyzed(signing).events.map((e) => `${e.type}:${e.trigger.text}`), ['signing:签署']);
});

test('a ceremony held at a place for someone (在人民大会堂北大厅为黄循财举行欢迎仪式) is at that place', () => {
  const text = '12月4日，李强在人民大会堂北大厅为新加坡总理黄循财举行欢迎仪式。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.place}`), ['举行|人民大会堂北大厅']);
});

test('a year planned for (2026年将重点推进…) or fixed for a meeting decided (会议决定，2026年1月…召开) gives no year to dates told without one', () => {
  const text = '澳门特区行政长官岑浩辉11月25日在横琴与合作区执委会主任李伟农举行工作会议。\n会议确定，2026年将重点推进跨境数据流动试点。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.date}`), ['举行|--11-25', '确定|--11-25']);
  const fixed = '12月2日，省委常委会召开会议。会议决定，2026年1月在武汉召开省委全会。';
  assert.equal(analyzed(fixed).events[0].date, '--12-02');
});

test('a speech after attending a meeting with a quoted name at a venue (在…中心出席第十届「一带一路」高峰论坛开幕式并致辞) is at the venue', () => {
  const text = '行政长官李家超今日上午在湾仔香港会议展览中心出席第十届「一带一路」高峰论坛开幕式并致辞。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.place}`), ['致辞|湾仔香港会议展览中心']);
});

test('a closing or opening speech (致闭幕辞, 致开幕词) tells no closing or opening', () => {
  const text = '第十五届全国运动会21日晚在广州闭幕。广东省委书记黄坤明致闭幕辞。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.type}:${e.trigger.text}`), ['meeting:闭幕']);
});

test('whose report a meeting heard (会议听取了市长王强作的…报告，审议通过了…) is no subject of its decision', () => {
  const text = '会议听取了市长王强作的政府工作报告，审议通过了《关于2026年预算的决议》。';
  const decision = analyzed(text).events.find((e) => e.type === 'decision');
  assert.deepEqual(decision?.participants, []);
  assert.equal(decision?.object, '关于2026年预算的决议');
});

test('a meeting named alone in the clause before its holding (…第四次全体会议，于…在北京举行) is its object', () => {
  const text = '中国共产党第二十届中央委员会第四次全体会议，于2025年10月20日至23日在北京举行。';
  assert.deepEqual(analyzed(text).events.map((e) => `${e.trigger.text}|${e.object}|${e.place}`), ['举行|中国共产党第二十届中央委员会第四次全体会议|北京']);
});

test('a span of time since a launch (示范区成立五年来) tells no launch', () => {
  const text = '据悉，示范区成立五年来，累计推出制度创新成果154项。';
  assert.deepEqual(analyzed(text).events, []);
});
