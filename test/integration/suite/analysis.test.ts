import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ArticleAnalysis } from '../../../src/core/types';
import { goldDir, recordMetrics } from '../helpers/paths';
import { analysisOf, getApi, openSeed, seedNames, waitFor } from '../helpers/editor';

/** A CJK character followed by a parenthesised toned pinyin syllable, as in 創(chuàng). */
const PINYIN_GLOSS = /[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/;

interface GoldSeed {
  entities: Array<{ type: string; text: string }>;
  events: Array<{ type: string }>;
}

function gold(name: string): GoldSeed {
  const file = path.join(goldDir, name.replace(/\.txt$/, '.json'));
  assert.ok(fs.existsSync(file), `gold annotations missing: ${file} (../shared must sit beside the clone)`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as GoldSeed;
}

suite('analysis through the extension API', () => {
  const timings: Record<string, number> = {};
  suiteTeardown(() => recordMetrics({ analysisMsPerSeed: timings }));

  for (const name of seedNames()) {
    test(`${name}: entities, events and issues in original offsets`, async () => {
      const { api } = await getApi();
      const editor = await openSeed(name);
      const doc = editor.document;
      assert.strictEqual(doc.languageId, 'zh-policy');
      const t0 = Date.now();
      const analysis: ArticleAnalysis = await analysisOf(api, doc);
      timings[name] = Date.now() - t0;
      const text = doc.getText();

      assert.ok(analysis.entities.length > 0, 'no entities');
      assert.ok(analysis.events.length > 0, 'no events');
      for (const e of analysis.entities) {
        assert.strictEqual(text.slice(e.start, e.end), e.text, `entity ${e.type} ${e.canonical} has wrong offsets`);
      }
      for (const ev of analysis.events) {
        assert.strictEqual(text.slice(ev.trigger.start, ev.trigger.end), ev.trigger.text, `trigger ${ev.trigger.text} has wrong offsets`);
      }

      const g = gold(name);
      const goldPersons = new Set(g.entities.filter((e) => e.type === 'person').map((e) => e.text));
      const found = new Set(analysis.entities.filter((e) => e.type === 'person').map((e) => e.canonical));
      if (goldPersons.size > 0) {
        const hits = [...goldPersons].filter((p) => found.has(p));
        assert.ok(hits.length > 0, `none of the gold persons found (${[...goldPersons].join(' ')}); got ${[...found].join(' ')}`);
      }

      if (PINYIN_GLOSS.test(text)) {
        const glosses = analysis.issues.filter((i) => i.kind === 'pinyin-gloss');
        assert.ok(glosses.length > 0, 'the article has pinyin glosses but no pinyin-gloss issue');
        for (const i of glosses) assert.match(text.slice(i.start, i.end), /[(（].*[)）]/, 'pinyin-gloss issue does not cover a gloss');
      }
    });
  }

  test('seed 000 names 肖文高 as a person, and its Problems list the pinyin glosses', async () => {
    const { api } = await getApi();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    const analysis = await analysisOf(api, editor.document);
    assert.ok(
      analysis.entities.some((e) => e.type === 'person' && e.canonical === '肖文高'),
      'person 肖文高 missing',
    );
    assert.ok(analysis.issues.some((i) => i.kind === 'pinyin-gloss'));
    await waitFor(() => vscode.languages.getDiagnostics(editor.document.uri).length > 0, 20_000, 'diagnostics for the pinyin glosses');
  });
});
