import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EventNode } from '../../../src/client/features/eventTree';
import type { EntityNode } from '../../../src/client/features/entityTree';
import { analysisOf, getApi, openSeed, waitFor } from '../helpers/editor';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

suite('views', () => {
  test('Events view: a document group whose events include the 研讨会 meeting, with details', async () => {
    const { api } = await getApi();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    const analysis = await analysisOf(api, editor.document);
    await vscode.commands.executeCommand('policyAnnotator.eventsGroupByDocument');
    const roots = await waitFor(() => {
      const r = api.eventTree.getChildren() as EventNode[];
      return r.length > 0 ? r : undefined;
    }, 20_000, 'Events view roots');
    const group = roots.find((n) => label(api.eventTree.getTreeItem(n) as vscode.TreeItem).startsWith('000_'));
    assert.ok(group, `no group for seed 000 in ${roots.map((n) => label(api.eventTree.getTreeItem(n) as vscode.TreeItem)).join(', ')}`);
    const events = api.eventTree.getChildren(group) as EventNode[];
    assert.strictEqual(events.length, analysis.events.length);
    const items = events.map((n) => api.eventTree.getTreeItem(n) as vscode.TreeItem);
    const meeting = items.find((i) => /研[讨討][会會]/.test(label(i)));
    assert.ok(meeting, `no 研讨会 event among: ${items.map(label).join(' | ')}`);
    assert.ok(meeting.command, 'event item has no reveal command');
    const details = api.eventTree.getChildren(events[items.indexOf(meeting)]) as EventNode[];
    assert.ok(details.length > 0, 'event has no children (participants, place, date, sentence)');
  });

  test('Events view groups by type and by date', async () => {
    const { api } = await getApi();
    await openSeed('000_367782aa6370fb6f.txt');
    await vscode.commands.executeCommand('policyAnnotator.eventsGroupByType');
    const byType = (api.eventTree.getChildren() as EventNode[]).map((n) => label(api.eventTree.getTreeItem(n) as vscode.TreeItem));
    assert.ok(byType.length > 0, 'no type groups');
    await vscode.commands.executeCommand('policyAnnotator.eventsGroupByDate');
    const byDate = (api.eventTree.getChildren() as EventNode[]).map((n) => label(api.eventTree.getTreeItem(n) as vscode.TreeItem));
    assert.ok(byDate.length > 0, 'no date groups');
    await vscode.commands.executeCommand('policyAnnotator.eventsGroupByDocument');
  });

  test('Entities view: type groups with counts, and 肖文高 under persons', async () => {
    const { api } = await getApi();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    await analysisOf(api, editor.document);
    const roots = await waitFor(() => {
      const r = api.entityTree.getChildren() as EntityNode[];
      return r.length > 0 ? r : undefined;
    }, 20_000, 'Entities view roots');
    const person = roots.find((n) => n.kind === 'type' && n.type === 'person');
    assert.ok(person, 'no person group');
    const groupItem = api.entityTree.getTreeItem(person) as vscode.TreeItem;
    const children = api.entityTree.getChildren(person) as EntityNode[];
    assert.strictEqual(groupItem.description, String(children.length));
    const names = children.map((c) => label(api.entityTree.getTreeItem(c) as vscode.TreeItem));
    assert.ok(names.includes('肖文高'), `persons: ${names.join(' ')}`);
  });
});
