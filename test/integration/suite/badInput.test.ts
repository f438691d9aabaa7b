import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../../src/client/api';
import type { ArticleAnalysis, EntityType } from '../../../src/core/types';
import { EXTENSION_ID, analysisOf, closeAll, getApi, openSeed, waitFor } from '../helpers/editor';
import { CRLF_ASTRAL_ARTICLE, openArticle, readBytes, sameBytes, writeArticle } from '../helpers/tempArticles';
import { UiStubs } from '../helpers/uiStubs';

/** The same article as GBK bytes (what a mainland site serves), CRLF line ends. */
const GBK_TEXT = '2023年5月6日，国务院总理李强在北京主持召开国务院常务会议，研究部署推动长三角一体化发展。\r\n上海市委书记陈吉宁出席会议。\r\n';
const GBK_HEX =
  '32303233c4ea35d4c236c8d5a3acb9facef1d4bad7dcc0edc0eec7bfd4dab1b1bea9d6f7b3d6d5d9bfaab9facef1d4bab3a3cef1bbe1d2e9a3acd1d0bebfb2bfcaf0cdc6b6afb3a4c8fdbdc7d2bbcce5bbafb7a2d5b9a1a30d0ac9cfbaa3cad0ceafcae9bcc7b3c2bcaac4feb3f6cfafbbe1d2e9a1a30d0a';

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** Every entity and trigger offset slices exactly its text out of the document, through VS Code's own positions. */
function assertOffsetsMatch(doc: vscode.TextDocument, analysis: ArticleAnalysis): void {
  const slice = (start: number, end: number) => doc.getText(new vscode.Range(doc.positionAt(start), doc.positionAt(end)));
  for (const e of analysis.entities) assert.strictEqual(slice(e.start, e.end), e.text, `${e.type} ${e.canonical} at ${e.start}-${e.end}`);
  for (const ev of analysis.events) assert.strictEqual(slice(ev.trigger.start, ev.trigger.end), ev.trigger.text, `trigger ${ev.trigger.text}`);
}

function countsByType(analysis: ArticleAnalysis): Record<EntityType, number> {
  const counts = { person: 0, position: 0, organization: 0, place: 0, date: 0, document: 0, policy: 0 };
  for (const e of analysis.entities) counts[e.type]++;
  return counts;
}

/** Waits for the analysis of the document's CURRENT version (the server answers for the version it has). */
async function currentAnalysis(api: PolicyAnnotatorApi, doc: vscode.TextDocument): Promise<ArticleAnalysis> {
  return waitFor(async () => {
    const result = await api.getAnalysisResult(doc.uri);
    return result && result.version === doc.version && !result.skipped ? result.analysis : undefined;
  }, 30_000, `analysis of version ${doc.version} of ${path.basename(doc.uri.path)}`);
}

suite('bad input in the editor', () => {
  const stubs = new UiStubs();
  let api: PolicyAnnotatorApi;

  suiteSetup(async () => {
    api = (await getApi()).api;
    await api.whenReady();
    stubs.install();
  });
  suiteTeardown(async () => {
    stubs.restore();
    await closeAll();
  });
  setup(() => {
    stubs.errors.length = 0;
    stubs.messages.length = 0;
    stubs.messageAnswer = () => undefined;
  });
  teardown(() => assert.deepStrictEqual(stubs.errors, [], 'an error message was shown'));

  test('an empty file: no entities, no events, no issues, no message, the file untouched', async () => {
    const uri = await writeArticle('empty.zhp', '');
    const editor = await openArticle(uri);
    const doc = editor.document;
    assert.strictEqual(doc.languageId, 'zh-policy');
    const result = await api.getAnalysisResult(uri);
    assert.ok(result, 'no answer for the empty file');
    assert.strictEqual(result.skipped, undefined, 'an empty article is analysed, not skipped');
    assert.deepStrictEqual([result.analysis.entities.length, result.analysis.events.length, result.analysis.issues.length], [0, 0, 0]);
    assert.strictEqual(doc.isDirty, false);
    assert.strictEqual((await readBytes(uri)).length, 0);
    assert.deepStrictEqual(stubs.messages, [], 'a message was shown for an empty file');
  });

  test('a binary file: VS Code will not open it as text, Annotate Workspace names it as not annotated, the file is untouched', async () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('国务院总理李强'), 0, 1, 2, 0, 0x7f, 0, ...new TextEncoder().encode('在北京')]);
    const uri = await writeArticle('binary.zhp', bytes);
    await assert.rejects(Promise.resolve(vscode.workspace.openTextDocument(uri)), /binary/, 'VS Code opened a binary file as text');
    stubs.quickPick = (items) => items[0];
    await vscode.commands.executeCommand('policyAnnotator.annotateWorkspace');
    const warning = await waitFor(() => stubs.messages.find((m) => m.severity === 'warning' && m.message.includes('binary.zhp')), 20_000, 'a warning naming binary.zhp');
    assert.match(warning.message, /not annotated and were left unchanged/);
    assert.match(warning.message, /binary\.zhp \(binary data/);
    assert.deepStrictEqual(warning.buttons, ['Show Output']);
    assert.ok(sameBytes(await readBytes(uri), bytes), 'the binary file was changed on disk');
  });

  test('NUL characters in an open article (binary pasted into an editor) skip the analysis; status bar and message say why', async () => {
    const content = '国务院总理李强\u0000\u0001\u0002在北京主持召开会议。';
    const doc = await vscode.workspace.openTextDocument({ language: 'zh-policy', content });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const result = await api.getAnalysisResult(doc.uri);
    assert.strictEqual(result?.skipped?.reason, 'binary', `not skipped as binary: ${JSON.stringify(result?.skipped)}`);
    assert.strictEqual(await api.getAnalysis(doc.uri), undefined, 'a skipped document must not yield an analysis');
    await waitFor(() => api.statusBarText().includes('Not annotated'), 10_000, `status bar "Not annotated" (is "${api.statusBarText()}")`);
    const name = doc.uri.path.split('/').pop()!;
    const told = await waitFor(() => stubs.messages.find((m) => m.message.includes(name)), 10_000, `a message naming ${name}`);
    assert.match(told.message, /looks binary/);
    assert.match(told.message, /NUL/);
    assert.ok(Object.values(api.decorationCounts(editor)).every((n) => n === 0), 'underlines drawn on a skipped document');
    assert.strictEqual(doc.getText(), content, 'the document text was changed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('GBK bytes: a warning names GBK, "Reopen as GBK" decodes the file and it is then annotated; the file is untouched', async () => {
    const bytes = hexBytes(GBK_HEX);
    assert.strictEqual(new TextDecoder('gbk').decode(bytes), GBK_TEXT, 'test data is not the GBK encoding of the article');
    const uri = await writeArticle('gbk.zhp', bytes);
    stubs.messageAnswer = (message, buttons) => buttons.find((b) => b === 'Reopen as GBK');
    const editor = await openArticle(uri);
    const doc = editor.document;
    assert.ok(doc.getText().includes('\uFFFD'), 'VS Code did not decode the GBK bytes as UTF-8');
    const warning = await waitFor(() => stubs.messages.find((m) => m.severity === 'warning' && m.message.includes('gbk.zhp')), 10_000, 'a not-UTF-8 warning');
    assert.match(warning.message, /does not look like UTF-8/);
    assert.match(warning.message, /GBK/);
    assert.deepStrictEqual(warning.buttons, ['Reopen as GBK', 'Choose Encoding…']);
    // The answer "Reopen as GBK" re-decodes the same document.
    const reopened = await waitFor(
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.encoding === 'gbk' && d.getText() === GBK_TEXT),
      10_000,
      'the document reopened as GBK',
    );
    const analysis = await currentAnalysis(api, reopened);
    assert.ok(analysis.entities.some((e) => e.type === 'person' && e.canonical === '李强'), '李强 not found after reopening as GBK');
    assertOffsetsMatch(reopened, analysis);
    assert.strictEqual(reopened.isDirty, false, 'reopening with another encoding must not modify the document');
    assert.ok(sameBytes(await readBytes(uri), bytes), 'the GBK file was changed on disk');
    assert.deepStrictEqual(stubs.errors, []);
  });

  test('a UTF-8 article with CRLF and astral characters: offsets slice the right text, no encoding warning', async () => {
    const uri = await writeArticle('crlf-astral.zhp', CRLF_ASTRAL_ARTICLE);
    const editor = await openArticle(uri);
    const doc = editor.document;
    assert.strictEqual(doc.eol, vscode.EndOfLine.CRLF);
    const analysis = await analysisOf(api, doc);
    assertOffsetsMatch(doc, analysis);
    const names = analysis.entities.filter((e) => e.type === 'person').map((e) => e.canonical);
    assert.ok(names.includes('李强') && names.includes('陈吉宁'), `persons: ${names.join(' ')}`);
    // 陈吉宁 follows a CRLF and two astral characters: UTF-16 and code-point offsets differ there.
    const chen = analysis.entities.find((e) => e.canonical === '陈吉宁')!;
    assert.notStrictEqual([...CRLF_ASTRAL_ARTICLE.slice(0, chen.start)].length, chen.start);
    const counts = await waitFor(() => {
      const c = api.decorationCounts(editor);
      return c.person > 0 ? c : undefined;
    }, 10_000, 'underlines');
    assert.deepStrictEqual(counts, countsByType(analysis));
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(!stubs.messages.some((m) => m.message.includes('crlf-astral.zhp')), 'a UTF-8 article got a message');
    assert.strictEqual(doc.isDirty, false);
  });

  test('lone surrogates in an untitled article do not break analysis or offsets', async () => {
    const content = '国务院总理李强\uD842在北京主持召开会议。\uDFB7上海市委书记陈吉宁出席。\uD842';
    const doc = await vscode.workspace.openTextDocument({ language: 'zh-policy', content });
    await vscode.window.showTextDocument(doc, { preview: false });
    const analysis = await analysisOf(api, doc);
    assertOffsetsMatch(doc, analysis);
    assert.ok(analysis.entities.some((e) => e.canonical === '陈吉宁'), 'entity after a lone surrogate missing');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('a file over policyAnnotator.maxFileSize is skipped and the status bar says so; raising the limit annotates it', async () => {
    const config = vscode.workspace.getConfiguration('policyAnnotator');
    const article = CRLF_ASTRAL_ARTICLE.repeat(4);
    const uri = await writeArticle('too-large.zhp', article);
    await config.update('maxFileSize', 100, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openArticle(uri);
      const result = await waitFor(async () => {
        const r = await api.getAnalysisResult(uri);
        return r?.skipped ? r : undefined;
      }, 10_000, 'the too-large file to be skipped');
      assert.strictEqual(result.skipped!.reason, 'tooLarge');
      assert.deepStrictEqual(result.analysis.entities, []);
      await waitFor(() => api.statusBarText().includes('Not annotated'), 10_000, `status bar "Not annotated" (is "${api.statusBarText()}")`);
      const told = await waitFor(() => stubs.messages.find((m) => m.message.includes('too-large.zhp')), 10_000, 'a message naming too-large.zhp');
      assert.match(told.message, /maxFileSize/);
      assert.match(told.message, new RegExp(`${article.length} characters, limit 100`));
      assert.deepStrictEqual(told.buttons, ['Open Settings']);
      assert.strictEqual(editor.document.isDirty, false);

      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
      const analysis = await waitFor(() => api.getAnalysis(uri), 20_000, 'annotation once the limit is back to the default');
      assert.ok(analysis.entities.some((e) => e.canonical === '李强'));
      await waitFor(() => !api.statusBarText().includes('Not annotated') || undefined, 10_000, 'the status bar to show counts again');
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('several quick edits while annotating: the final analysis is that of the final text, underlines match it', async () => {
    const uri = await writeArticle('edits.zhp', CRLF_ASTRAL_ARTICLE);
    const editor = await openArticle(uri);
    const doc = editor.document;
    await analysisOf(api, doc);
    // Six edits without waiting for any analysis in between.
    const edits: Array<(b: vscode.TextEditorEdit) => void> = [
      (b) => b.insert(new vscode.Position(0, 0), '国家主席习近平在北京会见了外宾。\r\n'),
      (b) => b.delete(new vscode.Range(doc.positionAt(doc.getText().indexOf('研究部署')), doc.positionAt(doc.getText().indexOf('研究部署') + 4))),
      (b) => b.insert(doc.positionAt(doc.getText().length), '2024年3月5日，十四届全国人大二次会议在北京开幕。\r\n'),
      (b) => b.replace(new vscode.Range(doc.positionAt(doc.getText().indexOf('李强')), doc.positionAt(doc.getText().indexOf('李强') + 2)), '李克强'),
      (b) => b.insert(doc.positionAt(doc.getText().indexOf('𠮷林省')), '浙江省湖州市和'),
      (b) => b.delete(new vscode.Range(new vscode.Position(0, 0), new vscode.Position(0, 2))),
    ];
    for (const edit of edits) assert.ok(await editor.edit(edit), 'edit refused');
    const finalText = doc.getText();
    const analysis = await currentAnalysis(api, doc);
    assertOffsetsMatch(doc, analysis);
    assert.ok(analysis.entities.some((e) => e.canonical === '李克强'), 'the replaced name is not in the final analysis');
    assert.ok(!analysis.entities.some((e) => e.canonical === '李强'), 'a stale entity survived the edits');

    // The same text analysed from scratch gives the same entities.
    const fresh = await analysisOf(api, (await openArticle(await writeArticle('edits-final.zhp', finalText))).document);
    const key = (a: ArticleAnalysis) => a.entities.map((e) => `${e.type}:${e.start}-${e.end}:${e.canonical}`);
    assert.deepStrictEqual(key(analysis), key(fresh), 'incremental analysis after edits differs from a fresh analysis');

    // Underlines follow the final analysis.
    const edited = await vscode.window.showTextDocument(doc, { preview: false });
    await waitFor(() => JSON.stringify(api.decorationCounts(edited)) === JSON.stringify(countsByType(analysis)) || undefined, 10_000,
      `underlines ${JSON.stringify(api.decorationCounts(edited))} to match ${JSON.stringify(countsByType(analysis))}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(doc.getText(), CRLF_ASTRAL_ARTICLE);
    assert.strictEqual(new TextDecoder().decode(await readBytes(uri)), CRLF_ASTRAL_ARTICLE, 'unsaved edits reached the disk');
  });

  test('a file changed on disk while open is re-annotated from its new text', async () => {
    const uri = await writeArticle('changed-on-disk.zhp', CRLF_ASTRAL_ARTICLE);
    const editor = await openArticle(uri);
    const doc = editor.document;
    await analysisOf(api, doc);
    const changed = CRLF_ASTRAL_ARTICLE.replace('李强', '王毅');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(changed));
    await waitFor(() => doc.getText() === changed || undefined, 20_000, 'VS Code to reload the changed file');
    const analysis = await currentAnalysis(api, doc);
    assertOffsetsMatch(doc, analysis);
    assert.ok(!analysis.entities.some((e) => e.canonical === '李强'), 'analysis of the old text');
    assert.strictEqual(doc.isDirty, false);
  });

  test('opening and annotating articles never modifies them', async () => {
    const seed = await openSeed('000_367782aa6370fb6f.txt');
    await analysisOf(api, seed.document);
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.languageId === 'zh-policy' && d.uri.scheme === 'file')) {
      assert.strictEqual(doc.isDirty, false, `${path.basename(doc.uri.path)} is dirty after open + analysis`);
    }
  });
});

suite('nodejieba in the extension host', () => {
  test('the N-API binary shipped with the extension loads in the extension host and segments', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const modulePath = path.join(ext.extensionPath, 'node_modules', 'nodejieba');
    // A computed path: the bundler leaves this require to run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jieba = require(modulePath) as { cut(text: string): string[] };
    const words = jieba.cut('长三角一体化');
    assert.ok(Array.isArray(words) && words.length >= 2, `cut returned ${JSON.stringify(words)}`);
    assert.strictEqual(words.join(''), '长三角一体化');
    assert.ok(words.includes('长三角') || words.includes('一体化'), `unexpected segmentation ${words.join('/')}`);
  });
});

suite('pinyin-gloss Problems and their quick fix', () => {
  test('"Remove all pinyin glosses" is offered on every gloss diagnostic, and applying it is one undo step', async () => {
    const { api } = await getApi();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    const doc = editor.document;
    const analysis = await analysisOf(api, doc);
    const glosses = analysis.issues.filter((i) => i.kind === 'pinyin-gloss');
    assert.ok(glosses.length > 100, `only ${glosses.length} glosses`);
    const diagnostics = await waitFor(() => {
      const d = vscode.languages.getDiagnostics(doc.uri).filter((x) => x.code === 'pinyin-gloss');
      return d.length === glosses.length ? d : undefined;
    }, 20_000, `${glosses.length} pinyin-gloss diagnostics`);
    const original = doc.getText();
    let removeAll: vscode.CodeAction | undefined;
    for (const d of [diagnostics[0], diagnostics[Math.floor(diagnostics.length / 2)], diagnostics[diagnostics.length - 1]]) {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, d.range);
      const all = actions.find((a) => /^Remove all \d+ pinyin glosses$/.test(a.title));
      assert.ok(all, `no "Remove all pinyin glosses" at ${d.range.start.line}:${d.range.start.character}: ${actions.map((a) => a.title).join(' | ')}`);
      assert.ok(actions.some((a) => a.title === 'Remove this pinyin gloss'), 'no single-gloss fix');
      removeAll = all;
    }
    assert.ok(removeAll?.edit);
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.ok(await vscode.workspace.applyEdit(removeAll.edit), 'the quick fix edit was not applied');
    const cleaned = doc.getText();
    assert.strictEqual(cleaned.length, original.length - glosses.reduce((n, g) => n + g.end - g.start, 0));
    assert.ok(!/[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/.test(cleaned), 'glosses left');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), original, 'one undo did not restore every gloss');
    if (doc.isDirty) await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
