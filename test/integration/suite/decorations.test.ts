import * as assert from 'assert';
import * as vscode from 'vscode';
import { recordMetrics } from '../helpers/paths';
import { analysisOf, getApi, openSeed, waitFor } from '../helpers/editor';

suite('decorations', () => {
  test('person underlines are drawn on seed 000, one range per person mention', async () => {
    const { api } = await getApi();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    const analysis = await analysisOf(api, editor.document);
    const persons = analysis.entities.filter((e) => e.type === 'person').length;
    assert.ok(persons > 0, 'no persons to underline');
    const t0 = Date.now();
    const counts = await waitFor(() => {
      const c = api.decorationCounts(editor);
      return c.person > 0 ? c : undefined;
    }, 20_000, 'person decorations');
    recordMetrics({ decorationCounts000: counts, decorationWaitMs: Date.now() - t0 });
    assert.strictEqual(counts.person, persons, 'person decorations differ from person entities');
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    assert.strictEqual(total, analysis.entities.length, 'decorations differ from entities in total');
  });

  test('Toggle Annotations removes the underlines and brings them back', async () => {
    const { api } = await getApi();
    const editor = await openSeed('000_367782aa6370fb6f.txt');
    await waitFor(() => api.decorationCounts(editor).person > 0, 20_000, 'person decorations');
    await vscode.commands.executeCommand('policyAnnotator.toggleAnnotations');
    await waitFor(() => Object.values(api.decorationCounts(editor)).every((n) => n === 0), 10_000, 'decorations cleared');
    await vscode.commands.executeCommand('policyAnnotator.toggleAnnotations');
    await waitFor(() => api.decorationCounts(editor).person > 0, 10_000, 'decorations back');
  });
});
