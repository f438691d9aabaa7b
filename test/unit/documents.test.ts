import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDataDir } from '../../src/core/resources';
import { normalize } from '../../src/core/normalize';
import { OpenccConverter } from '../../src/core/script';
import { findDocuments } from '../../src/core/entities/documents';

const root = dirname(findDataDir(__dirname));
const goldDir = join(root, '..', 'shared', 'gold', 'seeds');
const converter = new OpenccConverter();
const names = (text: string) => findDocuments(text).map((m) => m.canonical);

test('documents in the five seeds are the gold document sets', () => {
  assert.ok(existsSync(goldDir), `gold folder ${goldDir} missing`);
  for (const name of readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'))) {
    const text = converter.toSimplified(normalize(readFileSync(join(root, 'seeds', name), 'utf8')).text).text;
    const gold = JSON.parse(readFileSync(join(goldDir, name.replace(/\.txt$/, '.json')), 'utf8')) as { entities: Array<{ type: string; text: string }> };
    const expected = gold.entities.filter((e) => e.type === 'document').map((e) => e.text).sort();
    assert.deepEqual([...new Set(names(text))].sort(), expected, name);
  }
});

test('a name cut off inside a bracket (全国CPI（居民消费价格指数…) is no document; one whose brackets close is', () => {
  assert.deepEqual(names('国家统计局发布了2025年5月份全国CPI（居民消费价格指数）和PPI数据。'), []);
  assert.ok(names('省政府印发了数字经济（2024—2027年）行动方案。').some((n) => n.includes('（2024—2027年）')));
});

test('titles in 《》 are given without the marks; periodicals are not documents', () => {
  const text = '研究编制《数字长三角建设方案》,据《人民日报》报道,《求是》杂志发表文章。';
  const found = findDocuments(text);
  assert.deepEqual(found.map((m) => m.canonical), ['数字长三角建设方案']);
  assert.equal(text.slice(found[0].start, found[0].end), '数字长三角建设方案');
});

test('unmarked names after a verb, a shared verb across 和, and 关于…的决定', () => {
  assert.deepEqual(names('会上,发布了长三角县市区高质量一体化发展倡议,同时联盟正式启动。'), ['长三角县市区高质量一体化发展倡议']);
  assert.deepEqual(names('审定了长三角一体化发展2020年度工作计划和重点合作事项清单,着重就'), ['长三角一体化发展2020年度工作计划', '重点合作事项清单']);
  assert.deepEqual(names('一市三省实施长三角一体化发展规划纲要的工作成效'), ['长三角一体化发展规划纲要']);
  assert.deepEqual(names('大会审议通过了关于修改宪法的决定。'), ['关于修改宪法的决定']);
  // Agreements and treaties, with the protocol amending one named after it.
  assert.deepEqual(names('两国签署了航空运输协定。'), ['航空运输协定']);
  assert.deepEqual(names('中国和新加坡签署自由贸易协定升级议定书。'), ['自由贸易协定升级议定书']);
  // 和 of 和平 and 等 of 高等 join nothing.
  assert.deepEqual(names('双方签署了中美和平利用核技术合作协定。'), ['中美和平利用核技术合作协定']);
  assert.deepEqual(names('会议审议通过了高等教育发展规划。'), ['高等教育发展规划']);
});

test('a name may open with two countries joined by 与 when the caller knows countries (中国与塞尔维亚自由贸易协定)', () => {
  const isCountry = (w: string) => ['中国', '塞尔维亚'].includes(w);
  const text = '双方签署了中国与塞尔维亚自由贸易协定。';
  assert.deepEqual(findDocuments(text, isCountry).map((d) => d.canonical), ['中国与塞尔维亚自由贸易协定']);
  assert.deepEqual(findDocuments(text).map((d) => d.canonical), []);
  // Two parties that are no countries stay a coordination (企业与高校…).
  assert.deepEqual(findDocuments('双方签署了企业与高校科研合作协定。', isCountry).map((d) => d.canonical), []);
});

test('generic mentions and coordinations are not names', () => {
  for (const text of ['完善规划纲要实施机制,开展新一轮三年行动计划研究编制工作。', '要落实这个方案和规划', '大家提出了许多宝贵意见',
    '围绕科技创新签订战略合作协议', '编制实施一体化示范区和先行启动区国土空间规划']) {
    assert.deepEqual(names(text), [], text);
  }
});

test('issuer is read before a verb of issuing', () => {
  const [a] = findDocuments('国务院印发《关于加快建设全国统一大市场的意见》');
  assert.equal(a.issuer, '国务院');
  const [b] = findDocuments('中共中央、国务院近日印发了《长江三角洲区域一体化发展规划纲要》');
  assert.equal(b.issuer, '中共中央、国务院');
  const [c] = findDocuments('研究编制《数字长三角建设方案》');
  assert.equal(c.issuer, undefined);
});

test('a resolution (决议) is a document kind: 关于政府工作报告的决议 whole', () => {
  assert.deepEqual(findDocuments('会议表决通过了关于政府工作报告的决议。').map((d) => d.canonical), ['关于政府工作报告的决议']);
});

test('a name in quotes that ends as a document does is one (通过「国家气候变迁调适行动计划」); not a kind or a phrase of one (“一揽子计划”, “三年行动计划”)', () => {
  assert.deepEqual(names('行政院会通过环境部拟具的「国家气候变迁调适行动计划」。'), ['国家气候变迁调适行动计划']);
  assert.deepEqual(names('国务院印发“国家气候变化适应行动计划”。'), ['国家气候变化适应行动计划']);
  assert.deepEqual(names('这被称为“一揽子计划”，也叫“三年行动计划”。'), []);
});

test('a bill (议案) is a document kind: 关于任免国家工作人员的议案 whole', () => {
  assert.deepEqual(names('会议表决通过了关于任免国家工作人员的议案。'), ['关于任免国家工作人员的议案']);
});

test('a counted batch is no document name (见证两地签署多份合作备忘录)', () => {
  assert.deepEqual(names('双方见证两地签署多份合作备忘录。'), []);
});

test('budget bills and programmes (预算案, 纲领) in corner quotes are documents; no name opens with the 通过(了) of 审议通过', () => {
  assert.deepEqual(names('行政院会通过「114年度中央政府总预算案」，推动「智慧国家2.0纲领」。'), ['114年度中央政府总预算案', '智慧国家2.0纲领']);
  assert.deepEqual(names('会议审议通过了行动纲领。'), []);
  assert.deepEqual(names('会议审议通过长三角一体化发展规划纲要。'), ['长三角一体化发展规划纲要']);
});

test('a treaty named at its clause\'s opening, then told signed or in force (…升级议定书已于10月28日在吉隆坡正式签署), is a document; a subject and verb before it are no part of it', () => {
  assert.deepEqual(names('另外，中国—东盟自由贸易区3.0版升级议定书已于10月28日在吉隆坡正式签署。'), ['中国—东盟自由贸易区3.0版升级议定书']);
  assert.deepEqual(names('区域全面经济伙伴关系协定（RCEP）于2022年1月1日正式生效。'), ['区域全面经济伙伴关系协定']);
  // (The treaty after 推动 is named by itself, without the subject and verb.)
  assert.deepEqual(names('双方同意推动中欧投资协定于年内签署。'), ['中欧投资协定']);
  assert.deepEqual(names('两国合作协定在北京签署。'), []);
  assert.deepEqual(names('他说，这份条约已经签署。'), []);
});

test('a law in quotes before the word for its draft or amendment (「国土安全法」草案, “反间谍法”修正案) is a document', () => {
  assert.deepEqual(names('会中通过内政部拟具的「国土安全法」草案，将送请立法院审议。'), ['国土安全法']);
  assert.deepEqual(names('审议“反间谍法”修正案。他说这是“好办法”。'), ['反间谍法']);
});

test('laws listed after a verb of passing (表决通过了矿产资源法修订草案、能源法、…等法律) are documents; ways and acts ending in 法 are not', () => {
  assert.deepEqual(names('会议表决通过了矿产资源法修订草案、能源法、关于修改保险法的决定等法律。'), ['矿产资源法修订草案', '能源法', '关于修改保险法的决定']);
  assert.deepEqual(names('通过这种方法提高效率，修订了工作方法。'), []);
  assert.deepEqual(names('要制定防灾减灾法。'), ['防灾减灾法']);
});

test('what a set of documents covers (签署了涵盖全球发展倡议、减贫…等领域的…文件) names no document', () => {
  assert.deepEqual(names('两国元首共同见证签署了涵盖全球发展倡议、减贫、农业等领域的30多份双边合作文件。'), []);
});

test('a treaty named after a verb of furthering or keeping it (推动…升级议定书尽早生效, 履行…框架公约) is a document; a kind of treaty (双边投资协定, 合作协定) is not', () => {
  assert.deepEqual(names('中方愿同东盟国家一道，推动中国—东盟自由贸易区3.0版升级议定书尽早生效。'), ['中国—东盟自由贸易区3.0版升级议定书']);
  assert.deepEqual(names('各方应履行联合国气候变化框架公约。'), ['联合国气候变化框架公约']);
  assert.deepEqual(names('双方同意推动双边投资协定谈判，推动签署合作协定。'), []);
});

test('a code of law listed after a verb of passing (生态环境法典草案) is a document', () => {
  assert.deepEqual(names('会议表决通过了国家通用语言文字法、生态环境法典草案、医疗保障法。'), ['国家通用语言文字法', '生态环境法典草案', '医疗保障法']);
});
