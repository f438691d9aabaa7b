import * as vscode from 'vscode';
import type { CoreLoader } from '../coreLoader';
import { minimalReplacement } from '../textEdits';
import { settingsFor } from '../settings';

export type Direction = 'simplified' | 'traditional';

/**
 * Convert to Simplified / Traditional on the non-empty selections, or on the whole document
 * when nothing is selected: all replacements go into ONE editor.edit, so one undo step.
 */
export class ConversionCommands {
  constructor(private readonly core: CoreLoader) {}

  async convert(direction: Direction, editor = vscode.window.activeTextEditor): Promise<boolean> {
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open an article to convert.'));
      return false;
    }
    const doc = editor.document;
    const selected = editor.selections.filter((s) => !s.isEmpty);
    const ranges: vscode.Range[] = selected.length > 0 ? selected : [fullRange(doc)];
    const converter = this.core.converter();
    const variant = settingsFor(doc).traditionalVariant;
    const edits: Array<{ range: vscode.Range; text: string }> = [];
    for (const range of ranges) {
      const before = doc.getText(range);
      const after = direction === 'simplified' ? converter.toSimplified(before).text : converter.toTraditional(before, variant).text;
      const change = minimalReplacement(before, after);
      if (!change) continue;
      const base = doc.offsetAt(range.start);
      edits.push({
        range: new vscode.Range(doc.positionAt(base + change.start), doc.positionAt(base + change.end)),
        text: change.text,
      });
    }
    if (edits.length === 0) {
      void vscode.window.showInformationMessage(
        direction === 'simplified'
          ? vscode.l10n.t('Nothing to convert: the text is already Simplified.')
          : vscode.l10n.t('Nothing to convert: the text is already Traditional.'),
      );
      return false;
    }
    return editor.edit((builder) => {
      for (const e of edits) builder.replace(e.range, e.text);
    });
  }
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
}
