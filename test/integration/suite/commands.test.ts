import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EventNode } from '../../../src/client/features/eventTree';
import type { ArticleAnalysis } from '../../../src/core/types';
import { EXTENSION_ID, analysisOf, getApi, openSeed, seedNames, waitFor } from '../helpers/editor';
import { UiStubs } from '../helpers/uiStubs';
import { recordMetrics } from '../helpers/paths';

interface ManifestCommand {
  command: string;
  title: string;
}

function declaredCommands(): string[] {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext);
  const commands = (ext.packageJSON.contributes?.commands ?? []) as ManifestCommand[];
  return commands.map((c) => c.command);
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

suite('every declared command runs', () => {
  const stubs = new UiStubs();
  const covered = new Set<string>();
  let seed000: vscode.Uri;
  let analysis: ArticleAnalysis;
  const commandMs: Record<string, number> = {};

  suiteSetup(async () => {
    const { api } = await getApi();
    await api.whenReady();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    seed000 = editor.document.uri;
    analysis = await analysisOf(api, editor.document);
    stubs.install();
    assert.ok(String(vscode.window.showQuickPick).includes('this.quickPick'), 'UI stubs not installed on the shared vscode.window');
  });
  suiteTeardown(() => {
    stubs.restore();
    recordMetrics({ commandMs });
  });
  setup(async () => {
    stubs.errors.length = 0;
    await openSeed('000_367782aa6370fb6f.txt');
  });

  async function run(command: string, ...args: unknown[]): Promise<unknown> {
    covered.add(command);
    const t0 = Date.now();
    const result = await vscode.commands.executeCommand(command, ...args);
    commandMs[command] = Date.now() - t0;
    assert.deepStrictEqual(stubs.errors, [], `${command} reported an error`);
    return result;
  }

  test('the manifest declares the commands the extension registers', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const declared = declaredCommands();
    assert.ok(declared.length >= 10, `only ${declared.length} commands declared`);
    for (const id of declared) assert.ok(registered.has(id), `${id} is declared but not registered`);
  });

  test('view, preview, output, server and toggle commands', async () => {
    const { api } = await getApi();
    await run('policyAnnotator.openSimplifiedPreview');
    await waitFor(
      () => vscode.workspace.textDocuments.some((d) => d.uri.scheme !== 'file' && d.getText().includes('长三角')),
      20_000,
      'a Simplified preview document',
    );
    await openSeed('000_367782aa6370fb6f.txt');
    await run('policyAnnotator.toggleAnnotations');
    await run('policyAnnotator.toggleAnnotations');
    await run('policyAnnotator.showOutput');
    await run('policyAnnotator.eventsGroupByType');
    await run('policyAnnotator.eventsGroupByDate');
    await run('policyAnnotator.eventsGroupByDocument');
    await run('policyAnnotator.refreshEvents');
    await run('policyAnnotator.restartServer');
    await api.whenReady();
    await waitFor(() => api.serverState() === 'ready', 60_000, 'server ready after restart');
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    assert.ok((await analysisOf(api, editor.document)).entities.length > 0, 'no analysis after restart');
  });

  test('entity and event navigation commands select the right text', async () => {
    const person = analysis.entities.find((e) => e.type === 'person');
    assert.ok(person);
    await run('policyAnnotator.showMentions', seed000.toString(), person.canonical);
    await openSeed('000_367782aa6370fb6f.txt');
    await run('policyAnnotator.revealNextMention', seed000.toString(), person.canonical);
    let editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.getText(editor.selection), person.text, 'revealNextMention did not select the mention');

    const event = analysis.events[0];
    await run('policyAnnotator.revealEvent', seed000.toString(), event.sentence.start, event.sentence.end);
    editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const selected = editor.document.offsetAt(editor.selection.start);
    assert.ok(selected >= event.sentence.start && selected <= event.sentence.end, 'revealEvent did not move to the sentence');
  });

  test('Events filter by type keeps only the picked type', async () => {
    const { api } = await getApi();
    stubs.quickPick = (items) => items.filter((i) => (i as { type?: string }).type === 'meeting');
    await run('policyAnnotator.eventsFilterByType');
    await run('policyAnnotator.eventsGroupByType');
    const groups = (api.eventTree.getChildren() as EventNode[]).filter((n) => n.kind === 'group');
    assert.deepStrictEqual(groups.map((g) => g.kind === 'group' && g.key), ['meeting']);
    stubs.quickPick = (items, options) => (options?.canPickMany ? items : items[0]);
    await run('policyAnnotator.eventsFilterByType');
    await run('policyAnnotator.eventsGroupByDocument');
  });

  test('Annotate Workspace, Export Annotations (JSON) and Export Events (CSV)', async () => {
    const { api } = await getApi();
    await run('policyAnnotator.annotateWorkspace');
    const roots = api.eventTree.getChildren() as EventNode[];
    assert.ok(roots.length >= seedNames().length - 1, `Events view lists ${roots.length} documents after Annotate Workspace`);

    const jsonTarget = vscode.Uri.joinPath(seed000, '..', 'exports', '000.json');
    stubs.quickPick = (items) => items[0]; // JSON, then "This article"
    stubs.saveDialog = () => jsonTarget;
    await openSeed('000_367782aa6370fb6f.txt');
    await run('policyAnnotator.exportAnnotations');
    const exported = JSON.parse(await readText(jsonTarget)) as ArticleAnalysis;
    assert.ok(exported.entities.some((e) => e.canonical === '肖文高'));

    const csvTarget = vscode.Uri.joinPath(seed000, '..', 'exports', 'events.csv');
    await run('policyAnnotator.exportEvents', csvTarget);
    const csv = await readText(csvTarget);
    assert.ok(csv.split('\n').length > analysis.events.length, 'events.csv has too few lines');
    stubs.saveDialog = () => undefined;
  });

  test('Open Sample opens an article', async () => {
    stubs.quickPick = (items) => items[0];
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    await run('policyAnnotator.openSample');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() !== before, 10_000, 'a sample article editor');
  });

  test('Add to Dictionary writes .policy-annotator/dictionary.tsv', async () => {
    stubs.quickPick = (items) => items[0];
    stubs.inputBox = () => '';
    await run('policyAnnotator.addToDictionary', '长三角县域合作', 'organization');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder.uri, '.policy-annotator', 'dictionary.tsv');
    const tsv = await readText(file);
    assert.match(tsv, /^长三角县域合作\torganization/m);
  });

  test('Ignore Entity drops the entity from the next analysis', async () => {
    const { api } = await getApi();
    const editor = await openSeed('001_45de342918c548f4.txt');
    const before = await analysisOf(api, editor.document);
    const victim = before.entities.find((e) => e.type === 'place') ?? before.entities[0];
    await run('policyAnnotator.ignoreEntity', victim.canonical);
    await waitFor(async () => {
      const now = await api.getAnalysis(editor.document.uri);
      return now && !now.entities.some((e) => e.canonical === victim.canonical) ? now : undefined;
    }, 20_000, `${victim.canonical} to disappear after Ignore Entity`);
  });

  test('every declared command was exercised', () => {
    const rest = ['policyAnnotator.convertToSimplified', 'policyAnnotator.convertToTraditional', 'policyAnnotator.cleanArticle']; // editing.test.ts
    const missing = declaredCommands().filter((c) => !covered.has(c) && !rest.includes(c));
    assert.deepStrictEqual(missing, [], 'declared commands without a test');
  });
});
