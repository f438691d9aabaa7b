import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findDataDir } from '../../src/core/resources';
import { normalize } from '../../src/core/normalize';
import { OpenccConverter } from '../../src/core/script';
import { findPolicyTerms, loadGlossary, parseGlossary } from '../../src/core/entities/policy';

const dataDir = findDataDir(__dirname);
const root = dirname(dataDir);
const goldDir = join(root, '..', 'shared', 'gold', 'seeds');
const glossary = loadGlossary(dataDir);
const terms = (text: string) => findPolicyTerms(text, glossary).map((m) => m.canonical);

test('bundled glossary: at least 150 entries, each glossed, no duplicate forms, cached', () => {
  assert.ok(glossary.length >= 150, `${glossary.length} entries`);
  const forms = glossary.flatMap((e) => [e.term, ...(e.aliases ?? [])]);
  assert.equal(new Set(forms).size, forms.length);
  for (const e of glossary) assert.ok(e.gloss.length >= 8 && /[A-Za-z]/.test(e.gloss), e.term);
  assert.equal(loadGlossary(dataDir), glossary);
});

test('glossary parser ignores comments and rejects malformed lines, unknown flags and duplicates', () => {
  const parsed = parseGlossary('# comment\n\n六稳\tsix stabilities\n一极\tone pole\t\tquoted\n双碳\tdual carbon\t碳达峰碳中和\n');
  assert.deepEqual(parsed, [
    { term: '六稳', gloss: 'six stabilities' },
    { term: '一极', gloss: 'one pole', quotedOnly: true },
    { term: '双碳', gloss: 'dual carbon', aliases: ['碳达峰碳中和'] },
  ]);
  assert.throws(() => parseGlossary('六稳\n'), /:1: expected term/);
  assert.throws(() => parseGlossary('六稳\tx\t\tloud\n'), /unknown flag/);
  assert.throws(() => parseGlossary('六稳\tx\n六保\ty\t六稳\n'), /:2: duplicate term "六稳"/);
});

test('longest match with glosses, and quoted-only formulas', () => {
  const found = findPolicyTerms('为长三角一体化发展国家战略作出贡献,长三角一体化上升为国家战略', glossary);
  assert.deepEqual(found.map((m) => m.canonical), ['长三角一体化发展', '长三角一体化']);
  assert.ok(found.every((m) => m.type === 'policy' && m.gloss && m.source === 'glossary'));
  assert.deepEqual(terms('扎实推进“一极”、“三区”、“一高地”建设'), ['一极', '三区', '一高地']);
  assert.deepEqual(terms('一极三区一高地'), ['一极三区一高地']);
  assert.deepEqual(terms('这一极为重要,开发区三区联动'), []);
  assert.deepEqual(terms('共同做好“六稳”“六保”工作,践行“两山”理念'), ['六稳', '六保', '两山']);
  // Today's national and provincial programmes; 两新 only as a quoted formula (两新组织 is another term).
  assert.deepEqual(terms('持续推动“两新”政策加力扩围，深入实施“人工智能+”行动，完善八纵八横高铁网'), ['两新', '人工智能+', '八纵八横']);
  assert.deepEqual(terms('实施“百县千镇万村高质量发展工程”，落实三高四新战略'), ['百县千镇万村高质量发展工程', '三高四新']);
  assert.deepEqual(terms('加强两新组织党建'), []);
  assert.deepEqual(terms('推进西部陆海新通道建设，发展“地瓜经济”'), ['西部陆海新通道', '地瓜经济']);
  const [six] = findPolicyTerms('“六稳”', glossary);
  assert.match(six.gloss!, /employment/);
});

test('every gold policy term of the seeds is found', () => {
  assert.ok(existsSync(goldDir), `gold folder ${goldDir} missing`);
  const converter = new OpenccConverter();
  for (const name of readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt'))) {
    const text = converter.toSimplified(normalize(readFileSync(join(root, 'seeds', name), 'utf8')).text).text;
    const gold = JSON.parse(readFileSync(join(goldDir, name.replace(/\.txt$/, '.json')), 'utf8')) as { entities: Array<{ type: string; text: string }> };
    const found = new Set(terms(text));
    for (const e of gold.entities.filter((x) => x.type === 'policy')) assert.ok(found.has(e.text), `${name}: ${e.text}`);
  }
});

// (How fast is measured by npm run bench; a scan gone quadratic would hit the timeout.)
test('a 1 MB text is scanned whole', { timeout: 60_000 }, () => {
  const text = '推动形成以国内大循环为主体、国内国际双循环相互促进的新发展格局,以“一网通办”“最多跑一次”改革为牵引。'.repeat(20000);
  const found = findPolicyTerms(text, glossary);
  assert.equal(found.length, 4 * 20000);
});
