import * as assert from 'assert';
import * as vscode from 'vscode';
import { getApi, openSeed } from '../helpers/editor';

const PINYIN_GLOSS = /[\u4e00-\u9fff][(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]/g;

/** Runs `command` on a fresh editor of `seed`, returns the text before and after, then undoes once. */
async function runThenUndoOnce(seed: string, command: string, select?: (doc: vscode.TextDocument) => vscode.Selection) {
  await getApi();
  const editor = await openSeed(seed);
  const doc = editor.document;
  const original = doc.getText();
  const versionBefore = doc.version;
  editor.selection = select ? select(doc) : new vscode.Selection(0, 0, 0, 0);
  await vscode.commands.executeCommand(command);
  const changed = doc.getText();
  assert.notStrictEqual(doc.version, versionBefore, `${command} did not edit the document`);
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('undo');
  const undone = doc.getText();
  if (doc.isDirty) {
    // Leave the file as on disk for the following tests whatever happened.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  return { original, changed, undone };
}

suite('edits are single undo steps', () => {
  test('Convert to Simplified converts the whole traditional seed; one undo restores it exactly', async () => {
    const { original, changed, undone } = await runThenUndoOnce('000_367782aa6370fb6f.txt', 'policyAnnotator.convertToSimplified');
    const count = (text: string, ch: string) => text.split(ch).length - 1;
    assert.ok(count(original, '長') > 0 && count(original, '會') > 0);
    assert.strictEqual(count(changed, '長') + count(changed, '會'), 0, 'traditional characters left');
    assert.strictEqual(count(changed, '长'), count(original, '长') + count(original, '長'), 'not converted to Simplified');
    assert.ok(changed.length <= original.length);
    assert.ok(changed.includes('肖文高'));
    assert.strictEqual(undone, original, 'one undo did not restore the original text');
  });

  test('Convert to Simplified on a selection converts only the selection', async () => {
    const { original, changed, undone } = await runThenUndoOnce('002_70052d761af381d0.txt', 'policyAnnotator.convertToSimplified', (doc) =>
      new vscode.Selection(new vscode.Position(0, 0), doc.lineAt(0).range.end),
    );
    const firstLineEnd = original.indexOf('\n');
    assert.notStrictEqual(changed.slice(0, changed.indexOf('\n')), original.slice(0, firstLineEnd), 'first line unchanged');
    assert.strictEqual(changed.slice(changed.indexOf('\n')), original.slice(firstLineEnd), 'text outside the selection changed');
    assert.strictEqual(undone, original);
  });

  test('Convert to Traditional on a simplified seed is one undo step', async () => {
    const { original, changed, undone } = await runThenUndoOnce('001_45de342918c548f4.txt', 'policyAnnotator.convertToTraditional');
    assert.ok(original.includes('长三角'));
    assert.ok(changed.includes('長三角'), 'not converted to Traditional');
    assert.strictEqual(undone, original);
  });

  test('Clean Article removes the pinyin glosses; one undo restores the original exactly', async () => {
    const { original, changed, undone } = await runThenUndoOnce('000_367782aa6370fb6f.txt', 'policyAnnotator.cleanArticle');
    const glossesBefore = original.match(PINYIN_GLOSS)?.length ?? 0;
    assert.ok(glossesBefore > 0);
    assert.strictEqual(changed.match(PINYIN_GLOSS)?.length ?? 0, 0, 'glosses left after Clean Article');
    assert.ok(changed.length < original.length);
    assert.ok(changed.includes('肖文高'), 'Clean Article removed article content');
    assert.strictEqual(undone, original, 'one undo did not restore the original text');
  });
});
