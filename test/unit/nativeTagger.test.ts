import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findDataDir } from '../../src/core/resources';
import { parseBio } from '../../src/core/nerEval';
import { CharTagger, lexiconMatches, type TaggerModelData } from '../../src/core/entities/charTagger';
import { loadNerData } from '../../src/core/entities/nerData';
import { loadNativeTagger, nativeTaggerPath, NATIVE_TAGGER_ENV } from '../../src/core/entities/nativeTagger';
import { jiebaTokens } from './helpers/jiebaTokens';

const dataDir = findDataDir(__dirname);
const devBio = join(dirname(dataDir), '..', 'shared', 'data', 'peoples-daily-ner-dev.bio');
const model = JSON.parse(readFileSync(join(dataDir, 'ner', 'tagger-model.json'), 'utf8')) as TaggerModelData;

test('the native tagger is built and in use (npm install builds it; CI must not silently run the slow path)', () => {
  const load = loadNativeTagger(dataDir);
  assert.ok(load.binding, `native tagger: ${load.problem}`);
  assert.deepEqual(loadNerData(dataDir).taggerEngine, { native: true });
});

/** The shipped model twice: tagging in the addon and in JavaScript. */
function taggerPair(): { native: CharTagger; js: CharTagger } {
  const binding = loadNativeTagger(dataDir).binding;
  assert.ok(binding);
  const native = new CharTagger(model);
  native.useNative(binding);
  return { native, js: new CharTagger(model) };
}

test("native and JavaScript taggers give the same spans on every People's Daily dev sentence", () => {
  const lex = loadNerData(dataDir).lexicon;
  const { native, js } = taggerPair();
  const sentences = parseBio(readFileSync(devBio, 'utf8'));
  assert.ok(sentences.length > 2000);
  let spans = 0;
  for (const s of sentences) {
    const tokens = jiebaTokens(s.text);
    const expected = js.tag(s.text, tokens, lex);
    assert.deepEqual(native.tag(s.text, tokens, lex), expected, s.text);
    spans += expected.length;
  }
  assert.ok(spans > 3000, `only ${spans} spans: the comparison would prove little`);
});

test('the native tagger handles empty text, astral characters and very long lines like the JavaScript one', () => {
  const lex = loadNerData(dataDir).lexicon;
  const { native, js } = taggerPair();
  const long = '国务院总理李强在北京会见美国国务卿布林肯。'.repeat(3000);
  for (const text of ['', '𠮷野家社长𠮷田在东京。', long]) {
    const tokens = text ? jiebaTokens(text) : [];
    assert.deepEqual(native.tag(text, tokens, lex), js.tag(text, tokens, lex));
  }
  assert.ok(native.tag(long, jiebaTokens(long), lex).some((s) => s.type === 'PER' && long.slice(s.start, s.end) === '李强'));
});

test('the native lexicon scan marks the same matches as the JavaScript one on real articles', () => {
  const lex = loadNerData(dataDir).lexicon;
  const binding = loadNativeTagger(dataDir).binding;
  assert.ok(binding);
  const seeds = join(dirname(dataDir), 'seeds');
  const texts = readdirSync(seeds).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seeds, f), 'utf8'));
  assert.equal(texts.length, 5);
  const K = 7;
  let marked = 0;
  for (const text of [...texts, '𠮷野家社长在东京。', '']) {
    const n = text.length;
    const js = { s: new Uint8Array(n * K), e: new Uint8Array(n * K), inside: new Uint16Array(n) };
    lexiconMatches(text, lex, js.s, js.e, js.inside);
    const codes = new Int32Array(n + 4);
    for (let i = 0; i < n; i++) codes[i + 2] = text.charCodeAt(i);
    const nat = { s: new Uint8Array(n * K), e: new Uint8Array(n * K), inside: new Uint16Array(n) };
    const d = lex.dict.tables();
    binding.lexiconMatches(n, codes, d.rootNext, d.slots, d.mask, d.flagsOf, lex.dictMaxLen, nat.s, nat.e, nat.inside, d.secondSteps);
    assert.deepEqual(nat, js);
    marked += js.s.reduce((a, v) => a + (v ? 1 : 0), 0);
  }
  assert.ok(marked > 500, `only ${marked} matches: the comparison would prove little`);
  const d = lex.dict.tables();
  assert.throws(() => binding.lexiconMatches(10, new Int32Array(4), d.rootNext, d.slots, d.mask, d.flagsOf, 12, new Uint8Array(70), new Uint8Array(70), new Uint16Array(10), d.secondSteps), /bad arguments/);
  // (A filter too small to hold the second steps is refused too.)
  assert.throws(() => binding.lexiconMatches(0, new Int32Array(4), d.rootNext, d.slots, d.mask, d.flagsOf, 12, new Uint8Array(0), new Uint8Array(0), new Uint16Array(0), new Uint32Array(16)), /bad arguments/);
});

test('the native tagger refuses inconsistent arrays instead of reading out of bounds', () => {
  const binding = loadNativeTagger(dataDir).binding;
  assert.ok(binding);
  const small = new Int32Array(2);
  assert.throws(
    () => binding.tag(10, small, new Int32Array(10), new Int32Array(0), new Uint8Array(70), new Uint8Array(70), new Uint16Array(10), new Uint8Array(10),
      new Uint8Array(65536), new Uint8Array(65536), new Int32Array(8), new Int16Array(16), new Int32Array(1 << 14), 0, new Float64Array(182), new Uint8Array(10)),
    /bad arguments/,
  );
});

test('without the addon, recognition says why and tags in JavaScript', () => {
  assert.match(String(loadNativeTagger(dataDir, { [NATIVE_TAGGER_ENV]: '0' }).problem), /turned off/);
  // A data folder with no build beside it, and one whose "addon" is not a shared library.
  const root = mkdtempSync(join(tmpdir(), 'policy-native-'));
  const otherData = join(root, 'data');
  mkdirSync(otherData);
  assert.match(String(loadNativeTagger(otherData).problem), /not built.*rebuild:native/);
  mkdirSync(dirname(nativeTaggerPath(otherData)), { recursive: true });
  writeFileSync(nativeTaggerPath(otherData), 'not an ELF file');
  const broken = loadNativeTagger(otherData);
  assert.equal(broken.binding, null);
  assert.match(String(broken.problem), /failed to load/);
});
