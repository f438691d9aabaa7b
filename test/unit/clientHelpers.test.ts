/** Pure helpers of the editor client, on the real seed articles. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyReplacements, minimalReplacement } from '../../src/client/textEdits';
import { hanRatio, looksChinese } from '../../src/client/hanRatio';
import { readSettings, parseEnabledTypes, DEFAULT_SETTINGS } from '../../src/core/settings';
import { OpenccConverter } from '../../src/core/script';
import { cleanArticle } from '../../src/core/normalize';

const seedsDir = join(__dirname, '..', '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedsDir, f), 'utf8'));

function apply(before: string, r: { start: number; end: number; text: string }): string {
  return before.slice(0, r.start) + r.text + before.slice(r.end);
}

test('minimalReplacement turns each seed into its Simplified conversion with a trimmed edit', () => {
  const converter = new OpenccConverter();
  let changed = 0;
  for (const seed of seeds) {
    const simplified = converter.toSimplified(seed).text;
    const r = minimalReplacement(seed, simplified);
    if (simplified === seed) {
      assert.equal(r, null);
      continue;
    }
    changed++;
    assert.ok(r);
    assert.equal(apply(seed, r), simplified);
    assert.notEqual(seed[r.start], simplified[r.start], 'edit starts at the first difference');
  }
  assert.ok(changed >= 3, 'the Traditional seeds change');
});

test('minimalReplacement never splits a surrogate pair', () => {
  const before = 'a𠮷b';
  const after = 'a𠮾b'; // same high surrogate, different low one
  const r = minimalReplacement(before, after)!;
  assert.equal(apply(before, r), after);
  assert.equal(r.start, 1);
  assert.equal(r.text, '𠮾');
  assert.equal(minimalReplacement('x', 'x'), null);
});

test('cleanArticle spans are exactly the deletions and replacements the Clean Article edit makes', () => {
  for (const seed of seeds) {
    const { text, removed } = cleanArticle(seed);
    assert.equal(applyReplacements(seed, removed), text, 'applying the spans yields the cleaned text');
  }
  // HTML entities are decoded in place (&ldquo; → “), spaces among them removed; breadcrumbs written with &gt; are chrome.
  const scraped = '新华网 &gt; 地方频道 &gt; 重庆 &gt; 正文\n会议提出建设&ldquo;成渝地区双城经济圈&rdquo;。&nbsp;会议&#20013;指出，要加快发展。';
  const cleaned = cleanArticle(scraped);
  assert.equal(cleaned.text, '会议提出建设“成渝地区双城经济圈”。会议中指出，要加快发展。');
  assert.equal(applyReplacements(scraped, cleaned.removed), cleaned.text);
  // Spans out of order are refused, not misapplied.
  assert.equal(applyReplacements('abcdef', [{ start: 3, end: 4 }, { start: 0, end: 1 }]), null);
});

test('auto-detection: seeds look Chinese, English and code do not', () => {
  for (const seed of seeds) assert.ok(looksChinese(seed), seed.slice(0, 30));
  const english = 'The State Council issued a plan on the integrated development of the Yangtze River Delta. '.repeat(6);
  assert.equal(looksChinese(english), false);
  assert.equal(looksChinese('const x = 1; // 注释\n'.repeat(30)), false);
  assert.equal(hanRatio(''), 0);
  assert.equal(looksChinese('中国'), false, 'too short to decide');
});

test('settings: invalid values fall back to defaults, both enabledTypes forms work', () => {
  const s = readSettings((k) => ({ maxFileSize: -5, debounceMs: 'x', traditionalVariant: 'cn', filePatterns: ['', '**/*.txt', 3] } as Record<string, unknown>)[k]);
  assert.equal(s.maxFileSize, 0);
  assert.equal(s.debounceMs, DEFAULT_SETTINGS.debounceMs);
  assert.equal(s.traditionalVariant, 'tw');
  assert.deepEqual(s.filePatterns, ['**/*.txt']);
  assert.deepEqual([...parseEnabledTypes(['place', 'person', 'bogus'])], ['place', 'person']);
  assert.equal(parseEnabledTypes({ date: false }).has('date'), false);
  assert.equal(parseEnabledTypes({ date: false }).size, 6);
  assert.equal(readSettings(() => undefined).enabledTypes.size, 7);
});

test('filePatterns globs match absolute paths like VS Code document filters', async () => {
  const { matchesAny, globToRegExp, searchGlob } = await import('../../src/client/glob');
  const defaults = DEFAULT_SETTINGS.filePatterns;
  assert.ok(matchesAny('/tmp/ws/seeds/000_367782aa6370fb6f.txt', defaults), 'workspace folder = seeds');
  assert.ok(matchesAny('/home/u/corpus/seeds/a.txt', defaults));
  assert.ok(matchesAny('C:\\Users\\u\\seeds\\a.txt', defaults), 'Windows separators');
  assert.ok(matchesAny('/x/y/report.zhp', defaults));
  assert.ok(matchesAny('/x/y/2020.policy.txt', defaults));
  assert.equal(matchesAny('/x/seeds/sub/a.txt', defaults), false, '* does not cross folders');
  assert.equal(matchesAny('/x/notes.txt', defaults), false);
  assert.equal(matchesAny('/x/seeds/a.txt.bak', defaults), false);
  assert.ok(globToRegExp('**/*.{zhp,txt}').test('/a/b.zhp'));
  assert.ok(globToRegExp('docs/[ab]?.md').test('/r/docs/a1.md'));
  assert.equal(searchGlob(defaults), '{**/*.txt,**/*.zhp,**/*.policy.txt}');
  assert.equal(searchGlob([]), undefined);
});
