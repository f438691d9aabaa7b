import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../../src/client/api';
import type { ArticleAnalysis } from '../../../src/core/types';
import { analysisOf, closeAll, getApi } from '../helpers/editor';
import { CRLF_ASTRAL_ARTICLE, openArticle, readUtf8, writeArticle } from '../helpers/tempArticles';
import { UiStubs } from '../helpers/uiStubs';

type Pickable = { format?: string; scope?: string };

suite('exports of one article (CRLF + astral characters)', () => {
  const stubs = new UiStubs();
  let api: PolicyAnnotatorApi;
  let article: vscode.Uri;
  let analysis: ArticleAnalysis;
  const out = (name: string) => vscode.Uri.joinPath(article, '..', 'exports', name);

  suiteSetup(async () => {
    api = (await getApi()).api;
    await api.whenReady();
    article = await writeArticle('export-article.zhp', CRLF_ASTRAL_ARTICLE);
    analysis = await analysisOf(api, (await openArticle(article)).document);
    assert.ok(analysis.entities.some((e) => e.canonical === '李强' && e.type === 'person'), 'the test article lacks person 李强');
    stubs.install();
  });
  suiteTeardown(async () => {
    stubs.restore();
    await closeAll();
  });
  setup(async () => {
    stubs.errors.length = 0;
    await openArticle(article);
  });
  teardown(() => assert.deepStrictEqual(stubs.errors, [], 'an error message was shown'));

  /** Export Annotations → `format` → "This article" → save dialog answering `target`. */
  async function exportAs(format: string, target: vscode.Uri): Promise<string> {
    stubs.quickPick = (items) => (items as Pickable[]).find((i) => i.format === format || i.scope === 'article');
    stubs.saveDialog = () => target;
    await vscode.commands.executeCommand('policyAnnotator.exportAnnotations');
    stubs.saveDialog = () => undefined;
    return readUtf8(target);
  }

  test('JSON: the CLI contract fields, offsets into the original text', async () => {
    const json = JSON.parse(await exportAs('json', out('article.json'))) as Record<string, unknown> & ArticleAnalysis & { file: string };
    assert.deepStrictEqual(Object.keys(json), ['file', 'script', 'date', 'entities', 'events', 'issues']);
    assert.match(json.file, /export-article\.zhp$/);
    assert.strictEqual(json.script, 'simplified');
    assert.strictEqual(json.entities.length, analysis.entities.length);
    for (const e of json.entities) {
      assert.deepStrictEqual(Object.keys(e).slice(0, 5), ['type', 'text', 'canonical', 'start', 'end']);
      assert.strictEqual(CRLF_ASTRAL_ARTICLE.slice(e.start, e.end), e.text, `${e.type} ${e.text}`);
    }
    const meeting = json.events.find((ev) => ev.type === 'meeting');
    assert.ok(meeting, `no meeting event: ${json.events.map((ev) => ev.type).join(' ')}`);
    assert.deepStrictEqual(Object.keys(meeting), ['type', 'trigger', 'date', 'place', 'participants', 'object', 'sentence', 'summary']);
    assert.strictEqual(CRLF_ASTRAL_ARTICLE.slice(meeting.trigger.start, meeting.trigger.end), meeting.trigger.text);
    assert.ok(meeting.participants.some((p) => p.text === '李强' && p.type === 'person'));
    assert.ok(Array.isArray(json.issues));
  });

  test('brat: every T line\'s code-point offsets slice its text out of the article; a .txt twin is written', async () => {
    const ann = await exportAs('brat', out('article.ann'));
    const codePoints = [...CRLF_ASTRAL_ARTICLE];
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.ok(tLines.length >= analysis.entities.length, `${tLines.length} T lines for ${analysis.entities.length} entities`);
    for (const line of tLines) {
      const m = /^T\d+\t(\w+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$/.exec(line);
      assert.ok(m, `malformed T line: ${JSON.stringify(line)}`);
      const text = m[2].split(';').map((frag) => {
        const [s, e] = frag.split(' ').map(Number);
        return codePoints.slice(s, e).join('');
      }).join(' ');
      assert.strictEqual(text, m[3], `offsets ${m[2]} of ${m[1]} slice "${text}"`);
    }
    // 陈吉宁 comes after two astral characters: its code-point offset is below its UTF-16 offset.
    const chen = analysis.entities.find((e) => e.canonical === '陈吉宁')!;
    const chenLine = tLines.find((l) => l.endsWith('\t陈吉宁'));
    assert.ok(chenLine?.startsWith('T') && chenLine.includes(`person ${chen.start - 2} ${chen.end - 2}`), `陈吉宁: ${chenLine}`);
    assert.ok(ann.split('\n').some((l) => /^E\d+\tmeeting:T\d+/.test(l)), 'no meeting E line');
    assert.strictEqual(await readUtf8(out('article.txt')), CRLF_ASTRAL_ARTICLE, 'the brat .txt twin differs from the article');
  });

  test('CoNLL: one character per line (𠮷 is one), B-/I-person tags for 李强', async () => {
    const conll = await exportAs('conll', out('article.conll'));
    const rows = conll.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
    for (const row of rows) {
      assert.strictEqual(row.length, 2, `row ${JSON.stringify(row)}`);
      assert.strictEqual([...row[0]].length, 1, `not one character: ${JSON.stringify(row[0])}`);
      assert.match(row[1], /^(O|[BI]-(person|position|organization|place|date|document|policy))$/);
    }
    assert.ok(rows.some((r) => r[0] === '𠮷'), 'the astral character is missing or split');
    const li = rows.findIndex((r, i) => r[0] === '李' && rows[i + 1]?.[0] === '强');
    assert.ok(li >= 0, '李强 not in the CoNLL output');
    assert.deepStrictEqual([rows[li][1], rows[li + 1][1]], ['B-person', 'I-person']);
    const nonSpace = [...CRLF_ASTRAL_ARTICLE].filter((c) => !/\s/u.test(c)).length;
    assert.strictEqual(rows.length, nonSpace, 'not one line per non-space character');
  });

  test('Export Events CSV: header, and the meeting of the article with its participants', async () => {
    const target = out('events.csv');
    await vscode.commands.executeCommand('policyAnnotator.exportEvents', target);
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.deepStrictEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no UTF-8 BOM for spreadsheet programs');
    const lines = new TextDecoder().decode(bytes).split('\r\n');
    assert.strictEqual(lines[0], 'file,date,type,trigger,object,place,participants,sentence');
    const row = lines.find((l) => /export-article\.zhp,2023-05-06,meeting,/.test(l));
    assert.ok(row, `no meeting row for the article in:\n${lines.slice(0, 5).join('\n')}`);
    assert.ok(row.includes('李强'), `participants missing: ${row}`);
    assert.ok(row.includes('国务院常务会议'), `sentence missing: ${row}`);
  });
});
