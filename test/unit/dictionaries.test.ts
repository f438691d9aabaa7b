import { test as nodeTest } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkDictionaryFile, checkDictionaryText, readUtf8File } from '../../src/core/dictionaries';
import { JiebaSegmenter, alignTokens, CharRunSegmenter, glossaryWords } from '../../src/core/jiebaSegmenter';
import { formatUserTerm, parseIgnoreList, parseUserDictionary } from '../../src/core/userDictionary';

const root = resolve(__dirname, '../../..');
const dataDir = join(root, 'data');
const tmp = mkdtempSync(join(tmpdir(), 'pa-dict-'));
const GBK_ZHONGWEN = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x20, 0x6e, 0x0a]); // "中文 n" in GBK

// Child mode: load the segmenter with the user dictionary in $PA_CHILD_USER_DICT and report;
// with $PA_CHILD_PRELOAD, load it with loadWhile and count the event-loop turns while it builds. The
// child registers no tests (it would run them, and spawn children of its own).
const childMode = process.env.PA_CHILD_USER_DICT !== undefined;
const test = childMode ? () => undefined : nodeTest;
if (childMode) {
  void (async () => {
    const files = { userDict: process.env.PA_CHILD_USER_DICT };
    try {
      let seg: JiebaSegmenter;
      if (process.env.PA_CHILD_PRELOAD) {
        let turns = 0;
        let building = true;
        const spin = () => {
          turns++;
          if (building) setImmediate(spin);
        };
        setImmediate(spin);
        try {
          seg = await JiebaSegmenter.loadWhile({ dataDir, files }, () => undefined);
        } finally {
          building = false;
        }
        process.stdout.write(`PRELOADED ${turns}\n`);
      } else {
        seg = JiebaSegmenter.load({ dataDir, files });
      }
      process.stdout.write(`LOADED ${seg.tag('长三角一体化').map((t) => t.word).join('|')}\n`);
    } catch (err) {
      process.stdout.write(`REPORTED ${(err as Error).message}\n`);
    }
    process.exit(0);
  })();
}

function loadInChild(userDict: string, preload = false) {
  return spawnSync(process.execPath, [__filename], {
    env: { ...process.env, PA_CHILD_USER_DICT: userDict, ...(preload ? { PA_CHILD_PRELOAD: '1' } : {}) },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

function tmpFile(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

test('missing, empty, directory, binary and GBK files are reported, not thrown', () => {
  const missing = checkDictionaryFile(join(tmp, 'nope.utf8'), 'user');
  assert.equal(missing.ok, false);
  assert.match(missing.problems[0].message, /not found/);
  assert.match(checkDictionaryFile(tmpFile('empty.utf8', ''), 'stopWords').problems[0].message, /empty/);
  mkdirSync(join(tmp, 'dir.utf8'), { recursive: true });
  assert.match(checkDictionaryFile(join(tmp, 'dir.utf8'), 'user').problems[0].message, /directory/);
  assert.match(checkDictionaryFile(tmpFile('nul.utf8', Buffer.from('长三角 ns\n\0\n')), 'user').problems[0].message, /NUL/);
  const gbk = checkDictionaryFile(tmpFile('gbk.utf8', GBK_ZHONGWEN), 'user');
  assert.match(gbk.problems[0].message, /not valid UTF-8 \(byte offset 0\)/);
  assert.match(checkDictionaryFile(join(tmp, 'a;b.utf8'), 'user').problems[0].message, /list separator/);
});

test('malformed lines are reported with their line numbers', () => {
  const user = checkDictionaryText('u.utf8', 'user', '长三角 ns\n一网 通 办 nz\n双循环 10x nz\n新基建\r\n六稳  nz\n');
  assert.deepEqual(user.problems.map((p) => p.line), [2, 3, 4, 5]);
  assert.match(user.problems[0].message, /4 fields/);
  assert.match(user.problems[2].message, /CRLF/);
  const main = checkDictionaryText('m.utf8', 'main', '的 318825 uj\n长三角 ns\n\n');
  assert.deepEqual(main.problems.map((p) => p.line), [2, 3]);
  const idf = checkDictionaryText('i.utf8', 'idf', '长三角 11.7\n一体化 high\n');
  assert.deepEqual(idf.problems.map((p) => p.line), [2]);
  const hmm = checkDictionaryText('h.utf8', 'hmm', '#start\n-0.26 -3.14e+100 -3.14e+100 -1.46\n');
  assert.match(hmm.problems[0].message, /incomplete/);
});

test('a byte-order mark in a jieba file is reported (jieba would read it as part of the first word)', () => {
  const r = checkDictionaryFile(tmpFile('bom.utf8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('长三角 ns\n')])), 'user');
  assert.equal(r.ok, false);
  assert.match(r.problems[0].message, /byte-order mark/);
  const read = readUtf8File(join(tmp, 'bom.utf8'));
  assert.ok('text' in read && read.text === '长三角 ns\n');
});

test('the bundled policy dictionary and nodejieba dictionaries are valid', () => {
  const bundled = checkDictionaryFile(join(dataDir, 'jieba', 'policy.dict.utf8'), 'user');
  assert.deepEqual(bundled.problems, []);
  assert.ok(bundled.lines >= 150, `only ${bundled.lines} terms`);
  const files = JiebaSegmenter.dictFiles(dataDir);
  assert.equal(checkDictionaryFile(files.dict, 'main').ok, true);
  assert.equal(checkDictionaryFile(files.hmmDict, 'hmm').ok, true);
  assert.equal(checkDictionaryFile(files.idfDict, 'idf').ok, true);
  assert.equal(checkDictionaryFile(files.stopWordDict, 'stopWords').ok, true);
});

test('a missing user dictionary is reported in a child process that survives (no SIGABRT)', () => {
  const r = loadInChild(join(tmp, 'missing.dict.utf8'));
  assert.equal(r.signal, null, r.stderr);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^REPORTED .*missing\.dict\.utf8: file not found/);
});

test('an empty user dictionary is reported in a child process that survives', () => {
  const r = loadInChild(tmpFile('empty.dict.utf8', ''));
  assert.equal(r.signal, null, r.stderr);
  assert.match(r.stdout, /^REPORTED .*empty\.dict\.utf8: file is empty/);
});

test('a GBK-encoded user dictionary is reported in a child process that survives', () => {
  const r = loadInChild(tmpFile('gbk.dict.utf8', GBK_ZHONGWEN));
  assert.equal(r.signal, null, r.stderr);
  assert.match(r.stdout, /^REPORTED .*gbk\.dict\.utf8: not valid UTF-8/);
});

test('a valid user dictionary loads and its words segment as one token', () => {
  const r = loadInChild(tmpFile('good.dict.utf8', '长三角一体化 nz\n'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), 'LOADED 长三角一体化');
});

test('preload: the dictionaries build while the event loop keeps turning, then load takes them; bad files are reported first', () => {
  const good = loadInChild(tmpFile('good-preload.dict.utf8', '长三角一体化 nz\n'), true);
  assert.equal(good.signal, null, good.stderr);
  const [preloaded, loaded] = good.stdout.trim().split('\n');
  const turns = Number(/^PRELOADED (\d+)$/.exec(preloaded)?.[1]);
  // Built on a libuv thread: this thread went round its event loop meanwhile (a blocking load gives 1 or 2).
  assert.ok(turns > 10, `${turns} event-loop turns while the dictionaries were built`);
  assert.equal(loaded, 'LOADED 长三角一体化');
  const missing = loadInChild(join(tmp, 'missing-preload.dict.utf8'), true);
  assert.equal(missing.signal, null, missing.stderr);
  assert.match(missing.stdout, /^REPORTED .*missing-preload\.dict\.utf8: file not found/);
  assert.doesNotMatch(missing.stdout, /PRELOADED/);
});

test('jieba tokens cover every seed exactly, with policy terms as single words', () => {
  const seg = JiebaSegmenter.load({ dataDir });
  const samples = ['沪苏浙皖共建G60科创走廊，推进专精特新企业，落实“六稳六保”和一网通办。\r\n\n  𠮷\uD800x 双循环'];
  const seedsDir = join(root, 'seeds');
  for (const f of ['001_45de342918c548f4.txt', '000_367782aa6370fb6f.txt']) samples.push(readFileSync(join(seedsDir, f), 'utf8'));
  for (const text of samples) {
    const tokens = seg.tag(text);
    let pos = 0;
    for (const t of tokens) {
      assert.equal(t.start, pos);
      assert.equal(text.slice(t.start, t.end), t.word);
      pos = t.end;
    }
    assert.equal(pos, text.length);
  }
  const words = seg.tag(samples[0]).map((t) => t.word);
  for (const w of ['G60科创走廊', '专精特新', '六稳六保', '一网通办', '双循环']) assert.ok(words.includes(w), `${w} not one token: ${words.join('|')}`);
  seg.addTerms([{ term: '数字长三角', type: 'policy' }]);
  assert.ok(seg.tag('建设数字长三角').some((t) => t.word === '数字长三角'));
});

test('alignment survives words nodejieba altered (lone surrogate → U+FFFD)', () => {
  const text = 'a\uD800中国';
  const tokens = alignTokens(text, [{ word: 'a', tag: 'eng' }, { word: '\uFFFD', tag: 'x' }, { word: '中国', tag: 'ns' }]);
  assert.deepEqual(tokens.map((t) => [t.start, t.end, t.tag]), [[0, 1, 'eng'], [1, 2, 'x'], [2, 4, 'ns']]);
  const skipped = alignTokens('中国人', [{ word: '中华', tag: 'x' }]);
  assert.deepEqual(skipped.map((t) => t.word), ['中国人']);
});

test('the fallback segmenter covers the text with character runs', () => {
  const text = '李强在G60会上讲话2020年 𠮷';
  const tokens = new CharRunSegmenter().tag(text);
  assert.equal(tokens.map((t) => t.word).join(''), text);
  assert.deepEqual(tokens.slice(0, 4).map((t) => t.word), ['李', '强', '在', 'G']);
  assert.ok(tokens.some((t) => t.word === '2020' && t.tag === 'm'));
  assert.ok(tokens.some((t) => t.word === '𠮷'));
});

test('workspace dictionary: bad lines reported with line numbers and skipped', () => {
  const content = '# comment\n长三角一体化\tpolicy\t区域战略\r\n坏行没有制表符\n李 强\tperson\t\n浦东\tcity\t\n浦东新区\tplace\n浦东新区\tplace\t重复\n\n';
  const { terms, problems } = parseUserDictionary(content);
  assert.deepEqual(terms, [
    { term: '长三角一体化', type: 'policy', gloss: '区域战略' },
    { term: '浦东新区', type: 'place' },
  ]);
  assert.deepEqual(problems.map((p) => p.line), [3, 4, 5, 7]);
  assert.match(problems[2].message, /unknown type "city"/);
  assert.equal(formatUserTerm({ term: '两山', type: 'policy', gloss: '绿水青山\t就是金山银山' }), '两山\tpolicy\t绿水青山 就是金山银山');
  assert.deepEqual(parseUserDictionary(formatUserTerm(terms[0])).terms, [terms[0]]);
  assert.deepEqual(parseIgnoreList('# x\n区委\n\n区委\n 六稳 \n').ignored, ['区委', '六稳']);
});

test('glossary terms and aliases are read from data/policy-glossary.tsv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pa-gloss-'));
  writeFileSync(join(dir, 'policy-glossary.tsv'), 'term\tgloss\taliases\n六稳\t稳就业…\t六个稳\n两山\t绿水青山就是金山银山\t两山理论,两山论\n一极\tone pole\t\tquoted\n');
  assert.deepEqual(glossaryWords(dir), ['六稳', '六个稳', '两山', '两山理论', '两山论']);
  assert.deepEqual(glossaryWords(join(dir, 'none')), []);
});
