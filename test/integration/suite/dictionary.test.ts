import * as assert from 'assert';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../../src/client/api';
import type { ArticleAnalysis, Entity } from '../../../src/core/types';
import { analysisOf, closeAll, getApi, waitFor } from '../helpers/editor';
import { openArticle, writeArticle } from '../helpers/tempArticles';
import { UiStubs } from '../helpers/uiStubs';

/** Made-up names no gazetteer or rule knows: the dictionary alone must make them entities. */
const NEW_TERM = '云栖数智';
const HAND_TERM = '星河数治会';
const ARTICLE =
  '2023年5月6日，上海市委书记陈吉宁在上海主持召开座谈会。\n' +
  `${NEW_TERM}的代表和${HAND_TERM}的专家列席会议，介绍了长三角一体化发展的做法。\n`;

function dictionaryFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder);
  return vscode.Uri.joinPath(folder.uri, '.policy-annotator', name);
}

async function readOrEmpty(uri: vscode.Uri): Promise<string | undefined> {
  return vscode.workspace.fs.readFile(uri).then((b) => new TextDecoder().decode(b), () => undefined);
}

async function restore(uri: vscode.Uri, content: string | undefined): Promise<void> {
  if (content === undefined) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  else await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
}

/** Polls the server until the analysis of `doc` satisfies `ok` (dictionary changes re-annotate without a new version). */
async function analysisWhere(api: PolicyAnnotatorApi, doc: vscode.TextDocument, ok: (a: ArticleAnalysis) => boolean, what: string) {
  return waitFor(async () => {
    const a = await api.getAnalysis(doc.uri);
    return a && ok(a) ? a : undefined;
  }, 20_000, what);
}

const mention = (a: ArticleAnalysis, canonical: string): Entity | undefined => a.entities.find((e) => e.canonical === canonical);

suite('workspace dictionary round trip', () => {
  const stubs = new UiStubs();
  let api: PolicyAnnotatorApi;
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  const dictUri = () => dictionaryFile('dictionary.tsv');
  const ignoreUri = () => dictionaryFile('ignore.txt');
  let dictBefore: string | undefined;
  let ignoreBefore: string | undefined;

  suiteSetup(async () => {
    api = (await getApi()).api;
    await api.whenReady();
    dictBefore = await readOrEmpty(dictUri());
    ignoreBefore = await readOrEmpty(ignoreUri());
    editor = await openArticle(await writeArticle('dictionary-article.zhp', ARTICLE));
    doc = editor.document;
    stubs.install();
  });
  suiteTeardown(async () => {
    stubs.restore();
    await restore(dictUri(), dictBefore);
    await restore(ignoreUri(), ignoreBefore);
    await closeAll();
  });
  setup(async () => {
    stubs.errors.length = 0;
    editor = await vscode.window.showTextDocument(doc, { preview: false });
  });
  teardown(() => assert.deepStrictEqual(stubs.errors, [], 'an error message was shown'));

  test('Add to Dictionary on a selection (editor context menu) makes an unknown term an entity of the chosen type and gloss', async () => {
    const before = await analysisOf(api, doc);
    assert.ok(!mention(before, NEW_TERM), `${NEW_TERM} is already recognised: pick another made-up term`);
    const start = ARTICLE.indexOf(NEW_TERM);
    editor.selection = new vscode.Selection(doc.positionAt(start), doc.positionAt(start + NEW_TERM.length));
    const gloss = 'A made-up alliance of data firms';
    stubs.quickPick = (items) => items.find((i) => (i as { type?: string }).type === 'organization');
    stubs.inputBox = () => gloss;
    // The context menu passes the document's URI as the argument; the term is the selection.
    await vscode.commands.executeCommand('policyAnnotator.addToDictionary', doc.uri);

    const tsv = await readOrEmpty(dictUri());
    assert.ok(tsv?.split(/\r?\n/).includes(`${NEW_TERM}\torganization\t${gloss}`), `dictionary.tsv:\n${tsv}`);
    const after = await analysisWhere(api, doc, (a) => !!mention(a, NEW_TERM), `${NEW_TERM} to be recognised`);
    const entity = mention(after, NEW_TERM)!;
    assert.strictEqual(entity.type, 'organization');
    assert.strictEqual(entity.gloss, gloss);
    assert.strictEqual(doc.getText(new vscode.Range(doc.positionAt(entity.start), doc.positionAt(entity.end))), NEW_TERM);
    // The hover names the new entity with the chosen type.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(entity.start + 1));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(hoverText.includes(NEW_TERM) && hoverText.includes('Organization'), `hover:\n${hoverText}`);
    assert.strictEqual(doc.isDirty, false, 'Add to Dictionary changed the article');
  });

  test('Ignore Entity on a selection drops it from the next analysis; removing it from ignore.txt brings it back', async () => {
    const before = await analysisOf(api, doc);
    const person = mention(before, '陈吉宁');
    assert.ok(person, `陈吉宁 not recognised: ${before.entities.map((e) => e.canonical).join(' ')}`);
    editor.selection = new vscode.Selection(doc.positionAt(person.start), doc.positionAt(person.end));
    await vscode.commands.executeCommand('policyAnnotator.ignoreEntity', doc.uri);
    assert.ok((await readOrEmpty(ignoreUri()))?.split(/\r?\n/).includes('陈吉宁'), 'ignore.txt lacks the entity');
    const after = await analysisWhere(api, doc, (a) => !mention(a, '陈吉宁'), '陈吉宁 to disappear');
    assert.ok(after.entities.length > 0, 'ignoring one entity dropped all');

    // Editing ignore.txt by hand (here: back to what it was) re-annotates.
    await restore(ignoreUri(), ignoreBefore);
    await analysisWhere(api, doc, (a) => !!mention(a, '陈吉宁'), '陈吉宁 to come back after editing ignore.txt');
  });

  test('editing dictionary.tsv by hand re-annotates open articles', async () => {
    const before = await analysisOf(api, doc);
    assert.ok(!mention(before, HAND_TERM), `${HAND_TERM} is already recognised: pick another made-up term`);
    const current = (await readOrEmpty(dictUri())) ?? '';
    await vscode.workspace.fs.writeFile(dictUri(), new TextEncoder().encode(`${current}${HAND_TERM}\torganization\n`));
    const after = await analysisWhere(api, doc, (a) => !!mention(a, HAND_TERM), `${HAND_TERM} after editing dictionary.tsv`);
    assert.strictEqual(mention(after, HAND_TERM)!.type, 'organization');
    assert.ok(mention(after, NEW_TERM), 'the earlier dictionary term was lost');
  });
});
