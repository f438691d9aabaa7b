import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle, prepareText, TAG_AHEAD_MIN_LENGTH, type AnalyzerDeps } from '../../src/core/analyze';
import { CharRunSegmenter, JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import { normalize } from '../../src/core/normalize';
import type { ArticleAnalysis } from '../../src/core/types';

const root = resolve(__dirname, '../../..');
const dataDir = join(root, 'data');
const converter = new OpenccConverter();
const deps: AnalyzerDeps = { segmenter: JiebaSegmenter.load({ dataDir }), converter, resources: { dataDir, userTerms: [] } };
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort();
const readSeed = (f: string) => readFileSync(join(root, 'seeds', f), 'utf8');

/** What a span of the original becomes in analysis: glosses and remnants removed, broken lines joined, simplified. */
const canonicalOf = (slice: string) => converter.toSimplified(normalize(slice).text.replace(/[ \t\u3000]*\r?\n[\s\u3000]*/g, '')).text;

function assertSpansOnOriginal(original: string, a: ArticleAnalysis, label: string): void {
  for (const e of a.entities) {
    assert.ok(e.start >= 0 && e.start < e.end && e.end <= original.length, `${label}: bad span ${e.start}-${e.end}`);
    assert.equal(e.text, original.slice(e.start, e.end), `${label}: entity text is not the original slice`);
    assert.equal(canonicalOf(e.text), e.canonical, `${label}: ${e.type} "${e.text}" at ${e.start}`);
  }
  for (const ev of a.events) {
    assert.equal(ev.trigger.text, original.slice(ev.trigger.start, ev.trigger.end), `${label}: trigger text`);
    assert.ok(ev.sentence.start <= ev.trigger.start && ev.trigger.end <= ev.sentence.end, `${label}: trigger outside its sentence`);
  }
  for (const i of a.issues) assert.ok(i.start >= 0 && i.start < i.end && i.end <= original.length, `${label}: issue span`);
}

test('every seed: entity and event spans land on the original text', () => {
  for (const f of seeds) {
    const original = readSeed(f);
    const a = analyzeArticle(original, deps, { fileName: f });
    assert.ok(a.entities.length > 10, `${f}: only ${a.entities.length} entities`);
    assertSpansOnOriginal(original, a, f);
  }
});

test('glossed Traditional seeds: canonical forms are simplified, gloss issues cover "(pinyin)"', () => {
  const f = seeds.find((s) => readSeed(s).includes('創(chuàng)新'));
  assert.ok(f, 'a seed with 創(chuàng)新');
  const original = readSeed(f);
  const a = analyzeArticle(original, deps, { fileName: f });
  assert.equal(a.script, 'traditional');
  const glossed = a.entities.filter((e) => /\(/.test(e.text));
  assert.ok(glossed.length > 0, 'some entity covers a gloss');
  // Real parentheticals such as (科技) may stay in a name; pinyin glosses may not.
  const gloss = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+\)/i;
  for (const e of glossed) assert.ok(!gloss.test(e.canonical), `canonical "${e.canonical}" still glossed`);
  const glosses = a.issues.filter((i) => i.kind === 'pinyin-gloss');
  assert.ok(glosses.length > 50);
  for (const g of glosses) assert.match(original.slice(g.start, g.end), /^\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
});

test('CRLF, astral characters, lone surrogates and empty text keep spans exact', () => {
  const base = readSeed(seeds.find((s) => readSeed(s).includes('李强')) ?? seeds[0]);
  const crlf = base.replace(/\n/g, '\r\n');
  assertSpansOnOriginal(crlf, analyzeArticle(crlf, deps), 'crlf');
  const astral = `𠮷𠮷\uD800 ${base.slice(0, 3000)}`;
  const a = analyzeArticle(astral, deps);
  assertSpansOnOriginal(astral, a, 'astral');
  const empty = analyzeArticle('', deps);
  assert.deepEqual([empty.entities, empty.events, empty.issues], [[], [], []]);
});

test('without nodejieba (fallback segmenter) the pipeline still maps spans and reports issues', () => {
  const fallback: AnalyzerDeps = { ...deps, segmenter: new CharRunSegmenter() };
  for (const f of seeds) {
    const original = readSeed(f);
    const a = analyzeArticle(original, fallback, { fileName: f });
    assertSpansOnOriginal(original, a, `fallback ${f}`);
    assert.deepEqual(a.issues, analyzeArticle(original, deps, { fileName: f }).issues);
  }
});

test('prepareText composes the gloss and script maps back to the original', () => {
  const original = '長(zhǎng)三角一體(tǐ)化發展';
  const p = prepareText(original, converter);
  assert.equal(p.analysisText, '长三角一体化发展');
  const at = p.analysisText.indexOf('一体化');
  const span = p.map.toOriginal(at, at + 3);
  assert.equal(original.slice(span.start, span.end), '一體(tǐ)化');
});

test('a headline after page chrome (当前位置…, 【字体：大 中 小】 打印本页) shares the body event\'s date and place; a 发布时间 line is no release', () => {
  const text = [
    '当前位置：首页 > 新闻中心 > 政务要闻',
    '【字体：大 中 小】 打印本页 关闭窗口',
    '苏州市与上海市嘉定区签署战略合作框架协议',
    '发布时间：2024-03-18 10:32 来源：苏州日报',
    '3月17日，苏州市与上海市嘉定区在嘉定召开协同发展座谈会，并签署战略合作框架协议。',
  ].join('\n');
  const a = analyzeArticle(text, deps);
  assert.deepEqual(a.events.map((e) => `${e.type}|${e.trigger.text}|${e.date}|${e.place}`),
    ['signing|签署|2024-03-17|嘉定', 'meeting|召开|2024-03-17|嘉定', 'signing|签署|2024-03-17|嘉定']);
});

test('a line broken inside a sentence is read as one (长三角企业\n\n家联盟 is one organisation); a title and a new paragraph are not joined', () => {
  const text = [
    '长三角企业家联盟成立',
    '会议强调，要共同完善长三角一体化发展推进机制。发挥长三角企业',
    '',
    '家联盟作用，形成全社会共同助推一体化的强劲合力。',
    '本报记者 张华',
  ].join('\n');
  const a = analyzeArticle(text, deps);
  const joined = a.entities.filter((e) => e.canonical === '长三角企业家联盟');
  assert.deepEqual(joined.map((e) => e.text), ['长三角企业家联盟', '长三角企业\n\n家联盟']);
  assert.deepEqual(a.issues.filter((i) => i.kind === 'line-wrap').map((i) => text.slice(i.start, i.end)), ['\n\n']);
});

test('a long article segmented ahead on another thread analyses the same as one segmented line by line here', () => {
  const texts = seeds.map(readSeed);
  // Twice: the second copy's lines are the first's (each is cut once).
  const text = [...texts, ...texts].join('\n\n');
  assert.ok(text.length >= TAG_AHEAD_MIN_LENGTH);
  const jieba = JiebaSegmenter.load({ dataDir });
  let aheadCalls = 0;
  const withAhead = { tag: (t: string) => jieba.tag(t), tagAhead: (t: string) => (aheadCalls++, jieba.tagAhead(t)) };
  const plain = JiebaSegmenter.load({ dataDir });
  const a = analyzeArticle(text, { ...deps, segmenter: withAhead });
  const b = analyzeArticle(text, { ...deps, segmenter: { tag: (t: string) => plain.tag(t) } });
  assert.equal(aheadCalls, 1);
  assert.ok(a.entities.length > 300 && a.events.length > 20);
  assert.deepEqual(a, b);
  assert.equal(analyzeArticle(texts[0], { ...deps, segmenter: withAhead }).entities.length > 0, true);
  assert.equal(aheadCalls, 1, 'a short article is not segmented ahead');
});
