import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { normalize, cleanArticle, isPinyinSyllable, MOJIBAKE_PLACEHOLDER, type NormalizedText } from '../../src/core/normalize';
import { OpenccConverter } from '../../src/core/script';

function seedsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'seeds', '000_367782aa6370fb6f.txt'))) return path.join(dir, 'seeds');
  }
  throw new Error(`seeds/ not found above ${__dirname}`);
}
function readSeed(prefix: string): string {
  const file = fs.readdirSync(seedsDir()).find((f) => f.startsWith(prefix + '_'))!;
  return fs.readFileSync(path.join(seedsDir(), file), 'utf8');
}
function allIndexes(text: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Every analysis unit maps to exactly one original character equal to it (placeholders aside). */
function assertExactMap(original: string, n: NormalizedText): void {
  assert.equal(n.map.length, n.text.length);
  assert.equal(n.map.originalLength, original.length);
  for (let i = 0; i < n.text.length; i++) {
    const s = n.map.starts[i];
    const e = n.map.ends[i];
    if (n.text[i] === MOJIBAKE_PLACEHOLDER && e - s > 1) {
      assert.ok(n.issues.some((x) => x.kind === 'mojibake' && x.start === s && x.end === e), `placeholder at ${i} is a mojibake span`);
      continue;
    }
    const code = n.text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      assert.equal(e - s, 2);
      assert.equal(original.slice(s, e), n.text.slice(i, i + 2));
      assert.deepEqual([n.map.starts[i + 1], n.map.ends[i + 1]], [s, e], 'both halves of a pair map to the pair');
      i++;
      continue;
    }
    assert.equal(e - s, 1, `unit ${i} maps to one original unit`);
    assert.equal(original[s], n.text[i], `unit ${i}`);
    if (i > 0) assert.ok(s >= n.map.ends[i - 1], 'map is increasing');
  }
}

const GLOSSED = ['000', '002', '003'];
const TONE_VOWEL = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/;

for (const id of GLOSSED) {
  test(`seed ${id}: glosses stripped, map exact, no pinyin left after t2s`, () => {
    const original = readSeed(id);
    const n = normalize(original);
    const glosses = n.issues.filter((i) => i.kind === 'pinyin-gloss');
    assert.ok(glosses.length > 150, `many glosses found (${glosses.length})`);
    for (const g of glosses) {
      assert.match(original.slice(g.start, g.end), /^[(（][^()（）]+[)）]$/);
      assert.equal(original.slice(g.start + 1, g.end - 1), g.detail);
      assert.ok(/\p{Script=Han}/u.test(original[g.start - 1]), 'gloss follows a Han character');
    }
    assertExactMap(original, n);
    const simplified = new OpenccConverter().toSimplified(n.text).text;
    assert.ok(!TONE_VOWEL.test(simplified), 'no tone-marked pinyin remains');
    const leftover = [...simplified.matchAll(/[(（]([a-zü]+)[)）]/g)].filter((m) => isPinyinSyllable(m[1]));
    assert.deepEqual(leftover.map((m) => m[0]), []);
    // Analysis text is the original minus the removed spans (plus placeholders).
    const removed = n.issues.filter((i) => i.kind !== 'boilerplate');
    const rebuilt = removed.reduceRight((s, r) => s.slice(0, r.start) + s.slice(r.end), original);
    assert.equal(n.text.replaceAll(MOJIBAKE_PLACEHOLDER, ''), rebuilt);
  });
}

test('real parentheticals are kept, inner glosses of a parenthetical are stripped', () => {
  const t0 = normalize(readSeed('000')).text;
  assert.ok(t0.includes('長三角縣市區(科技)產業協同發展聯盟'));
  assert.ok(t0.includes('高原(北京)文化傳播有限公司'));
  const t2 = normalize(readSeed('002')).text;
  assert.ok(t2.includes('12省(自治區、直轄市)人民政府'));
  assert.ok(t2.includes('(記者沈梅)'));
  assert.ok(normalize(readSeed('003')).text.includes('(記者 盛游)'));
  const t1 = normalize(readSeed('001'));
  assert.ok(t1.text.includes('(交汇点)'));
  assert.ok(t1.text.includes('(拍卖)'));
  assert.equal(t1.issues.filter((i) => i.kind !== 'boilerplate').length, 0, 'a clean simplified article has no gloss/mojibake issue');
});

test('seed 000: every `?! ?/p>` remnant is a mojibake issue at its original offsets', () => {
  const original = readSeed('000');
  const n = normalize(original);
  const moji = n.issues.filter((i) => i.kind === 'mojibake');
  const expected = allIndexes(original, '?! ?/p>');
  assert.equal(expected.length, 4);
  for (const at of expected) {
    assert.ok(moji.some((m) => m.start === at && m.end === at + 7), `remnant at ${at}`);
  }
  // The damaged gloss `?jī)` swallowed 兩個: its debris (蓚€ and the gloss after €) goes with it.
  const dg = original.indexOf('?jī)');
  const run = moji.find((m) => m.start === dg)!;
  assert.ok(run, 'damaged gloss found');
  assert.equal(original.slice(run.start, run.end), '?jī)蓚€(gè)');
  assert.ok(!n.text.includes('?'), 'no question mark left in the analysis text of 000');
  assert.ok(!/[€\\]/.test(n.text));
  for (const m of moji) assert.ok(!n.text.includes(original.slice(m.start, m.end)));
});

test('seed 003: `?zhí)照\\` between 陳龍 and 華 becomes one placeholder, not a glued name', () => {
  const original = readSeed('003');
  const n = normalize(original);
  const at = original.indexOf('?zhí)');
  const run = n.issues.find((i) => i.kind === 'mojibake' && i.start === at)!;
  assert.ok(run);
  assert.equal(original.slice(run.start, run.end), '?zhí)照\\');
  assert.ok(n.text.includes('孫景淼陳龍' + MOJIBAKE_PLACEHOLDER + '華等'));
  assert.ok(!n.text.includes('陳龍華'));
  const p = n.text.indexOf(MOJIBAKE_PLACEHOLDER);
  assert.deepEqual(n.map.toOriginal(p, p + 1), { start: run.start, end: run.end });
  // The second damage (?jiǎng)?chuàng)) is one run, too.
  const second = n.issues.find((i) => i.kind === 'mojibake' && i.start === original.indexOf('?jiǎng)'))!;
  assert.equal(original.slice(second.start, second.end), '?jiǎng)?chuàng)');
});

function boilerplateTexts(n: NormalizedText): string[] {
  return n.boilerplate.map((b) => n.text.slice(b.start, b.end));
}

test('links to other pages (相关链接：…, 上一篇：… 下一篇：…) are boilerplate; a sentence about related news is not', () => {
  const text = '国家统计局今天发布数据。\n相关链接：国务院办公厅 | 国家发展改革委 | 中国政府网\n上一篇：2025年4月份居民消费价格同比下降0.1%　下一篇：2025年5月份能源生产情况\n相关新闻显示，价格总体平稳。';
  const texts = boilerplateTexts(normalize(text));
  assert.ok(texts.some((t) => t.startsWith('相关链接：')), texts.join(' | '));
  assert.ok(texts.some((t) => t.includes('上一篇：') && t.includes('下一篇：')), texts.join(' | '));
  assert.ok(!texts.some((t) => t.includes('价格总体平稳') || t.includes('今天发布')), texts.join(' | '));
});

test('a heading of links alone on its line and the headlines under it, and a line of page tools, are boilerplate; the date line at the foot is not', () => {
  const text = '標題\n\n　　行政長官今日出席典禮並致辭。\n\n完\n2025年6月10日（星期二）\n\n列印　｜　分享\n相關新聞\n．房屋局局長視察粉嶺公營房屋項目\n·行政長官主持北部都會區發展委員會第五次會議並發表講話\n列印　分享　加入書籤';
  const texts = boilerplateTexts(normalize(text));
  assert.ok(texts.some((t) => t.startsWith('相關新聞') && t.includes('發展委員會第五次會議')), texts.join(' | '));
  assert.ok(texts.includes('列印　｜　分享') && texts.some((t) => t.includes('加入書籤')), texts.join(' | '));
  assert.ok(!texts.some((t) => t.includes('2025年6月10日') || t.includes('出席典禮')), texts.join(' | '));
  // A heading followed by sentences is an article's own section.
  const body = boilerplateTexts(normalize('標題\n相關新聞\n會議指出，要做好工作。下一步將繼續推進。'));
  assert.deepEqual(body, []);
});

test('a dispatch opened by an app named as its outlet (华龙网-新重庆客户端 2024年6月12日讯) is no promotion; an app to download is', () => {
  const text = '标题\n华龙网-新重庆客户端 2024年6月12日讯(记者 杨帆)6月11日，成渝地区双城经济圈智能网联汽车产业联盟成立大会在重庆两江新区举行。\n更多精彩资讯请在应用市场下载“央广网”客户端。';
  const texts = boilerplateTexts(normalize(text));
  assert.ok(!texts.some((t) => t.includes('成立大会')), texts.join(' | '));
  assert.ok(texts.some((t) => t.includes('下载“央广网”客户端')), texts.join(' | '));
});

test('a menu line of short items between bars and a portal\'s name alone are navigation; a headline with a bar is not', () => {
  const text = '無錫市人民政府門戶網站\n嘉興在線 首頁 | 新聞 | 嘉興 | 南湖 | 秀洲 | 平湖 | 海寧 | 桐鄉\n市委常委會召開會議 | 部署下半年重點工作\n8月15日，市委書記主持召開會議。';
  const texts = boilerplateTexts(normalize(text));
  assert.ok(texts.some((t) => t.includes('門戶網站')) && texts.some((t) => t.includes('南湖 | 秀洲')), texts.join(' | '));
  assert.ok(!texts.some((t) => t.includes('部署下半年') || t.includes('主持召開')), texts.join(' | '));
});

test('seed 001: breadcrumb, related-link list and ICP/copyright line are boilerplate', () => {
  const original = readSeed('001');
  const n = normalize(original);
  const texts = boilerplateTexts(n);
  assert.ok(texts.some((t) => t.startsWith('当前位置:首页>')), 'breadcrumb');
  const links = texts.find((t) => t.includes('专家讲堂'));
  assert.ok(links && links.includes('稳步推进新基建须做到“五个结合”') && links.includes('友情链接'), 'link list');
  assert.ok(texts.some((t) => t.includes('ICP备') && t.includes('版权所有')), 'ICP line');
  const cats = n.issues.filter((i) => i.kind === 'boilerplate').map((i) => i.detail);
  assert.ok(cats.includes('navigation') && cats.includes('related-links') && cats.includes('copyright'));
  // Body, title, date line and the source attribution are not boilerplate.
  for (const body of ['长三角地区如何继续并肩奔跑', '时间:2020-06-09', '(交汇点)', '共同育新机开新局、更好服务国家大局']) {
    const at = n.text.indexOf(body);
    assert.ok(at >= 0);
    assert.ok(!n.boilerplate.some((b) => b.start <= at && at < b.end), `${body} is not boilerplate`);
  }
  for (const i of n.issues) assert.ok(i.start < i.end && i.end <= original.length);
});

test('seed 004: the opening bullet list repeated in the body is boilerplate', () => {
  const original = readSeed('004');
  const n = normalize(original);
  const list = n.issues.filter((i) => i.kind === 'boilerplate' && i.detail === 'repeated-list');
  assert.equal(list.length, 1);
  const slice = original.slice(list[0].start, list[0].end);
  assert.equal(slice.split('\n').filter((l) => l.startsWith('- ')).length, 8);
  const firstSentence = n.text.indexOf('晨报讯');
  assert.ok(!n.boilerplate.some((b) => b.end > firstSentence), 'nothing after the list is boilerplate');
});

test('seeds 000/002: copyright and app-promo tails are boilerplate, bylines are not', () => {
  const n0 = normalize(readSeed('000'));
  const t0 = boilerplateTexts(n0);
  assert.ok(t0.some((t) => t.startsWith('版權聲明')));
  assert.ok(t0.some((t) => t.includes('國防部:正告加方謹言慎行')), 'related headline list');
  assert.ok(!t0.some((t) => t.includes('在智庫交流環節')));
  const n2 = normalize(readSeed('002'));
  const t2 = boilerplateTexts(n2);
  assert.ok(t2.some((t) => t.includes('版權聲明')));
  assert.ok(t2.some((t) => t.includes('長按二維碼')));
  assert.ok(!t2.some((t) => t.includes('林馥榆')), 'the editor byline keeps its name annotatable');
});

test('CRLF, astral characters, full-width parentheses, empty input', () => {
  const crlf = '發(fā)展\r\n第二行(科技)\r\n';
  const n = normalize(crlf);
  assert.equal(n.text, '發展\r\n第二行(科技)\r\n');
  assertExactMap(crlf, n);
  assert.deepEqual(n.map.toOriginal(2, 4), { start: 6, end: 8 });

  const astral = '𠮷(jí)祥如意,創(chuàng)新';
  const a = normalize(astral);
  assert.equal(a.text, '𠮷祥如意,創新');
  assertExactMap(astral, a);
  assert.deepEqual(a.map.toOriginal(0, 1), { start: 0, end: 2 });
  assert.deepEqual(a.issues[0], { kind: 'pinyin-gloss', start: 2, end: 6, detail: 'jí' });

  const fw = '發（fā）展（zhǎn）和（記者 盛游）';
  assert.equal(normalize(fw).text, '發展和（記者 盛游）');

  const e = normalize('');
  assert.equal(e.text, '');
  assert.equal(e.map.length, 0);
  assert.deepEqual(e.issues, []);
  assert.deepEqual(e.boilerplate, []);
  assert.deepEqual(cleanArticle(''), { text: '', removed: [] });
});

test('toneless or non-pinyin parentheticals are kept unless the document is glossed', () => {
  assert.equal(normalize('他说(de)这个(chrome)浏览器').text, '他说(de)这个(chrome)浏览器');
  assert.equal(normalize('發(fā)展(de)的(de)中(zhōng)國(guó)').text, '發展的中國');
  assert.equal(normalize('使用(chrome)浏览器發(fā)展發(fā)展發(fā)展').text, '使用(chrome)浏览器發展發展發展');
  assert.ok(isPinyinSyllable('zhuàng') && isPinyinSyllable('lǜ') && isPinyinSyllable('er'));
  assert.ok(!isPinyinSyllable('chrome') && !isPinyinSyllable('xyz'));
});

test('HTML tags and entities are mojibake remnants; a real question mark is not', () => {
  const t = '会议召开<br/>了&nbsp;吗?是的。';
  const n = normalize(t);
  assert.equal(n.text, '会议召开了吗?是的。');
  assert.deepEqual(n.issues.map((i) => t.slice(i.start, i.end)), ['<br/>', '&nbsp;']);
});

test('cleanArticle removes glosses, remnants and boilerplate lines', () => {
  const original = readSeed('001');
  const c = cleanArticle(original);
  assert.ok(!c.text.includes('当前位置') && !c.text.includes('ICP备') && !c.text.includes('专家讲堂'));
  assert.ok(c.text.includes('(交汇点)') && c.text.includes('长三角地区如何继续并肩奔跑'));
  const rebuilt = c.removed.reduceRight((s, r) => s.slice(0, r.start) + s.slice(r.end), original);
  assert.equal(rebuilt, c.text);
  for (let i = 1; i < c.removed.length; i++) assert.ok(c.removed[i].start > c.removed[i - 1].end);

  const c0 = cleanArticle(readSeed('000'));
  assert.ok(c0.text.startsWith('創新推進中國式現代化'));
  assert.ok(!/[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/.test(c0.text));
  assert.ok(!c0.text.includes('?/p>') && !c0.text.includes('版權聲明') && !c0.text.includes('國防部'));
  assert.ok(c0.text.includes('長三角縣市區(科技)產業'));
});

// Catastrophic backtracking would take minutes: the test's timeout catches it (speed itself is measured by npm run bench).
test('large and hostile inputs are normalised whole', { timeout: 120_000 }, () => {
  const seeds = ['000', '001', '002', '003', '004'].map(readSeed).join('\n');
  const big = seeds.repeat(Math.ceil(5_000_000 / seeds.length)).slice(0, 5_000_000);
  const n = normalize(big);
  assert.ok(n.text.length > 2_000_000);
  const hostile = '?'.repeat(200_000) + 'a'.repeat(200_000) + '('.repeat(100_000) + '發(' + 'ā'.repeat(100_000) + '<p ' + 'x'.repeat(100_000);
  assert.ok(normalize(hostile).text.length > 0, 'hostile input');
  // Blank lines, trailing spaces and wrapped prose lines by the hundred thousand (the line-wrap scan).
  const lines = '\n'.repeat(1_000_000) + ' '.repeat(500_000) + 'x\n' + '会议强调，要共同完善长三角一体化发展推进机制，开展研究编制企\n\n'.repeat(50_000);
  assert.equal(normalize(lines).issues.filter((i) => i.kind === 'line-wrap').length, 49_999);
});

test('page tools (【字体：大 中 小】 打印本页 关闭窗口, 分享到：) are boilerplate; a headline is not', () => {
  const n = normalize('【字体：大 中 小】 打印本页 关闭窗口\n苏州市与上海市嘉定区签署战略合作框架协议\n分享到：\n正文。');
  assert.deepEqual(boilerplateTexts(n), ['【字体：大 中 小】 打印本页 关闭窗口', '分享到：']);
});

test('line breaks inside a sentence are removed from the analysis text and listed; titles, new paragraphs, datelines and list items are not', () => {
  const text = [
    '苏州市与上海市嘉定区签署战略合作框架协议',
    '3月17日，苏州市与上海市嘉定区在嘉定召开协同发展座谈会，双方将在科技创新、',
    '产业协作、交通互联等领域深化合作，共同打造长三角一体化发展示范样',
    '板。会议指出，要推进一体化。',
    '',
    '本报记者 张华 通讯员 李明 报道了这次座谈会，现场还有很多记者和',
    '（图为会议现场）',
    '会议强调，要共同完善长三角一体化发展推进机制，开展研究编制工作。',
    '一、加快构建新发展格局',
  ].join('\n');
  const n = normalize(text);
  assert.deepEqual(n.issues.filter((i) => i.kind === 'line-wrap').map((i) => JSON.stringify(text.slice(i.start - 2, i.end + 2))), ['"新、\\n产业"', '"范样\\n板。"']);
  assert.ok(n.text.includes('示范样板。'));
  assert.ok(n.text.startsWith('苏州市与上海市嘉定区签署战略合作框架协议\n3月17日'));
  assert.equal(cleanArticle(text).text.includes('科技创新、产业协作'), true);
});

test('a text wrapped at a fixed width: its full-width lines are joined wherever they end (国务院副总理何立|峰), unless they end a sentence; a list of like sentences is left alone', () => {
  const body = '新华社北京11月5日电 第七届中国国际进口博览会5日在上海开幕，国务院总理李强出席开幕式并发表主旨演讲。开幕式前，李强会见了出席进博会的外方领导人。会见时在座的有国务院副总理何立峰。李强表示，中国将坚定不移扩大高水平对外开放，与各国共享市场机遇。本届进博会共有152个国家、地区和国际组织参展，展览面积超过36万平方米，创下新高。';
  const wrapped = ['第七届进博会开幕', ...body.match(/.{1,30}/gsu)!].join('\n');
  const n = normalize(wrapped);
  assert.equal(n.text, `第七届进博会开幕\n${body}`);
  const list = ['李希在会上发表讲话。李希指出，要坚持稳中求进。', '韩正在会上发表讲话。韩正指出，要坚持稳中求进。', '王毅在会上发表讲话。王毅指出，要坚持稳中求进。', '秦刚在会上发表讲话。秦刚指出，要坚持稳中求进。', '丁薛在会上发表讲话。丁薛指出，要坚持稳中求进。'];
  assert.equal(normalize(['讲话', ...list].join('\n')).issues.filter((i) => i.kind === 'line-wrap').length, 0);
  // Inside a number and before a comma of its own.
  const parts = normalize('标题\n会议在北京召开，国务院印发《浙江省数字经济高质量发展行动计划（202\n4—2027年）》。市委副书记，市长李明出席并讲话，会议审议通过了《三年行动计划（2024\n—2026年）》，会议强调要推进长三角一体化发展各项工作\n、抓好落实。').text;
  assert.ok(parts.includes('（2024—2027年）') && parts.includes('（2024—2026年）') && parts.includes('工作、抓好'), parts);
});

test('an indented line opens a paragraph: the paragraph before it is not joined to it, even without its full stop', () => {
  const text = '标题\n　　会议强调，要共同完善长三角一体化发展推进机制，开展新一轮三年行动计划研究编制工作\n　　会议指出，要共同打造国际一流营商环境。\n';
  assert.equal(normalize(text).issues.filter((i) => i.kind === 'line-wrap').length, 0);
  // The first line of a paragraph may be indented; the lines that go on with it are not.
  const pdf = '标题\n    为深入贯彻落实《长江三角洲区域一体化发展规划纲要》，经长三角地区\n主要领导座谈会审议通过，现将行动计划印发给你们。\n';
  assert.equal(normalize(pdf).issues.filter((i) => i.kind === 'line-wrap').length, 1);
});
