import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle, type AnalyzerDeps } from '../../src/core/analyze';
import { JiebaSegmenter } from '../../src/core/jiebaSegmenter';
import { OpenccConverter } from '../../src/core/script';
import { hoverIndex, hoverMarkdown, type HoverLabels } from '../../src/shared/hoverContent';

const root = resolve(__dirname, '../../..');
const dataDir = join(root, 'data');
const deps: AnalyzerDeps = { segmenter: JiebaSegmenter.load({ dataDir }), converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } };
const labels: HoverLabels = { showMentions: 'Show All Mentions', addToDictionary: 'Add to Dictionary', ignore: 'Ignore', moreEvents: (n) => `… ${n} more` };
const uri = 'file:///tmp/seed.txt';

test('hover content: a person shows the forms given, positions held anywhere, mentions, events and command links', () => {
  const text = readFileSync(join(root, 'seeds', '004_ee36ff66a312e937.txt'), 'utf8');
  const analysis = analyzeArticle(text, deps);
  const index = hoverIndex(analysis);
  const person = analysis.entities.find((e) => e.type === 'person' && index.positionsOf(e.canonical).length > 0);
  assert.ok(person, 'a person with a position in the seed');
  const md = hoverMarkdown(uri, index, person, { traditional: `${person.canonical}T`, pinyin: 'xiāo wén gāo' }, labels);
  assert.match(md, new RegExp(`^\\*\\*${person.canonical} / ${person.canonical}T\\*\\* — 人物 Person`));
  assert.match(md, /拼音 Pinyin: \*xiāo wén gāo\*/);
  assert.ok(md.includes(`职务 Positions: ${index.positionsOf(person.canonical).join('、')}`));
  const mentions = analysis.entities.filter((e) => e.type === 'person' && e.canonical === person.canonical).length;
  assert.ok(md.includes(`本文出现 Mentions: ${mentions}`));
  assert.match(md, /\[Show All Mentions\]\(command:policyAnnotator\.showMentions\?%5B%22file%3A%2F%2F%2Ftmp%2Fseed\.txt%22/);
  assert.match(md, /\[Add to Dictionary\]\(command:policyAnnotator\.addToDictionary\?/);
  const events = index.eventsOf(person);
  if (events.length) assert.match(md, /事件 Events:\n- \w+: /);
});

test('hover content: a date shows its ISO form and no pinyin; missing forms fall back to the canonical text', () => {
  const analysis = analyzeArticle('2020年6月9日，国务院总理李强在北京出席会议。', deps);
  const index = hoverIndex(analysis);
  const date = analysis.entities.find((e) => e.type === 'date');
  assert.ok(date);
  const md = hoverMarkdown(uri, index, date, { traditional: '', pinyin: '' }, labels);
  assert.match(md, /ISO: `2020-06-09`/);
  assert.doesNotMatch(md, /拼音/);
  assert.ok(md.startsWith(`**${date.canonical}** — 日期 Date`));
});

test('hover content: a headline restating the body event is one line of events, not two', () => {
  const text = readFileSync(join(root, 'seeds', '000_367782aa6370fb6f.txt'), 'utf8');
  const analysis = analyzeArticle(text, deps);
  const index = hoverIndex(analysis);
  const person = analysis.entities.find((e) => e.type === 'person' && e.canonical === '肖文高')!;
  assert.ok(person, '肖文高 in seed 000');
  // The headline and the body both report the 召开 of the meeting, with the same participants.
  const meetings = index.eventsOf(person).filter((ev) => ev.type === 'meeting');
  assert.ok(meetings.length >= 2, `headline and body meetings: ${meetings.length}`);
  const md = hoverMarkdown(uri, index, person, { traditional: '', pinyin: '' }, labels);
  const lines = md.split('\n').filter((l) => l.startsWith('- meeting: '));
  assert.equal(lines.length, new Set(lines).size, md);
  assert.equal(lines.length, 1, md);
});
