import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as OpenCC from 'opencc-js';
import { detectScript, mixedScriptSpans, OpenccConverter } from '../../src/core/script';
import { normalize } from '../../src/core/normalize';
import type { Conversion } from '../../src/core/engines';

function seedsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++, dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'seeds', '000_367782aa6370fb6f.txt'))) return path.join(dir, 'seeds');
  }
  throw new Error(`seeds/ not found above ${__dirname}`);
}
const seeds = fs
  .readdirSync(seedsDir())
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((name) => ({ name, text: fs.readFileSync(path.join(seedsDir(), name), 'utf8') }));

const converter = new OpenccConverter();

/** The map is monotone, covers the input and same-length units map to one input unit. */
function assertMap(input: string, c: Conversion): void {
  assert.equal(c.map.length, c.text.length);
  assert.equal(c.map.originalLength, input.length);
  let covered = 0;
  for (let i = 0; i < c.text.length; i++) {
    const s = c.map.starts[i];
    const e = c.map.ends[i];
    assert.ok(s < e && e <= input.length);
    if (i > 0) assert.ok(s >= c.map.starts[i - 1] && e >= c.map.ends[i - 1], 'monotone');
    if (s >= covered) covered = e;
  }
  assert.equal(covered, input.length, 'every input unit is covered');
}

const expectedScript: Record<string, string> = { '000': 'traditional', '001': 'simplified', '002': 'traditional', '003': 'traditional', '004': 'simplified' };

for (const { name, text } of seeds) {
  test(`detectScript on seed ${name}`, () => {
    const d = detectScript(normalize(text).text);
    assert.equal(d.script, expectedScript[name.slice(0, 3)]);
    assert.ok(d.script === 'traditional' ? d.traditionalOnly > 100 : d.simplifiedOnly > 100);
  });

  test(`conversion of seed ${name}: same result as opencc-js, exact map, round trip`, () => {
    const input = normalize(text).text;
    const simp = converter.toSimplified(input);
    assert.equal(simp.text, OpenCC.Converter({ from: 'tw', to: 'cn' })(input));
    assertMap(input, simp);
    assert.equal(detectScript(simp.text).traditionalOnly, 0);
    // Same-length conversion: every unit maps to the input unit at the same position.
    if (simp.text.length === input.length) {
      for (let i = 0; i < input.length; i++) assert.equal(simp.map.starts[i], i);
    }
    const trad = converter.toTraditional(simp.text, 't');
    assert.equal(trad.text, OpenCC.Converter({ from: 'cn', to: 't' })(simp.text));
    assertMap(simp.text, trad);
    assert.equal(converter.toSimplified(trad.text).text, simp.text, 'simplified → traditional → simplified is stable');
  });
}

test('known traditional → simplified pairs', () => {
  for (const [t, s] of [['發展', '发展'], ['長三角', '长三角'], ['區', '区'], ['國際', '国际'], ['臺灣', '台湾'], ['綫路', '线路'], ['裡面', '里面']]) {
    assert.equal(converter.toSimplified(t).text, s, t);
  }
});

test('traditional variants: tw, twp, hk, t', () => {
  assert.equal(converter.toTraditional('台湾软件', 'tw').text, '臺灣軟件');
  assert.equal(converter.toTraditional('软件', 'twp').text, '軟體');
  assert.equal(converter.toTraditional('鼠标', 'twp').text, '滑鼠');
  assert.equal(converter.toTraditional('信息', 'twp').text, '資訊');
  assert.equal(converter.toTraditional('台湾', 'hk').text, OpenCC.Converter({ from: 'cn', to: 'hk' })('台湾'));
  assert.equal(converter.toTraditional('线路', 'hk').text, '線路');
  assert.equal(converter.toTraditional('发展', 't').text, '發展');
});

test('offset map stays exact where a phrase changes length (U盘 → 隨身碟)', () => {
  const input = '买了U盘和鼠标,𠮷';
  const c = converter.toTraditional(input, 'twp');
  assert.equal(c.text, '買了隨身碟和滑鼠,𠮷');
  assertMap(input, c);
  const at = c.text.indexOf('隨身碟');
  for (let i = at; i < at + 3; i++) assert.deepEqual(c.map.toOriginal(i, i + 1), { start: 2, end: 4 });
  const mouse = c.text.indexOf('滑鼠');
  assert.deepEqual(c.map.toOriginal(mouse, mouse + 2), { start: 5, end: 7 });
  const astral = c.text.indexOf('𠮷');
  assert.deepEqual(c.map.toOriginal(astral, astral + 1), { start: 8, end: 10 }, 'a surrogate half maps to the pair');
  assert.equal(c.map.toDerived(3), at, 'an offset inside U盘 maps to the phrase start');
});

test('mixed documents and their minority runs', () => {
  const mixed = '上海市普陀区召开会议。會議討論了發展規劃。长三角一体化继续推进。';
  const d = detectScript(mixed);
  assert.equal(d.script, 'mixed');
  const runs = mixedScriptSpans(mixed);
  assert.equal(runs.length, 1);
  assert.equal(mixed.slice(runs[0].start, runs[0].end), '會議討論了發展規劃');
  assert.deepEqual(mixedScriptSpans(seeds[1].text), [], 'a simplified seed has no mixed runs');
  assert.equal(detectScript('').script, 'simplified');
  assert.equal(detectScript('abc 123').traditionalOnly, 0);
});

test('simplified → traditional: X家|俱乐部 is a club, not furniture (企業家俱樂部, not 企業傢俱樂部), in every variant', () => {
  for (const v of ['t', 'tw', 'twp', 'hk'] as const) {
    assert.equal(converter.toTraditional('中国企业家俱乐部', v).text.slice(2), '企業家俱樂部', v);
  }
});
