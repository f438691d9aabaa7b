/** Quick fixes for the text issues: remove glosses / mojibake, join broken lines, convert mixed-script runs. */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Converter } from '../core/engines';
import type { ArticleAnalysis } from '../core/types';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { t } from './messages';

function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character <= q.character);
  return before(a.start, b.end) && before(b.start, a.end);
}

export function codeActionsFor(
  doc: TextDocument,
  range: Range,
  diagnostics: readonly Diagnostic[],
  analysis: ArticleAnalysis | undefined,
  converter: () => Converter,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const uri = doc.uri;
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
  let offeredAll = false;
  let offeredAllWraps = false;
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !rangesOverlap(d.range, range)) continue;
    switch (d.code) {
      case 'pinyin-gloss': {
        actions.push({
          title: t('action.removeGloss'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([{ range: d.range, newText: '' }]),
        });
        const glosses = analysis?.issues.filter((i) => i.kind === 'pinyin-gloss') ?? [];
        if (!offeredAll && glosses.length > 1) {
          offeredAll = true;
          // One WorkspaceEdit, so the whole removal is one undo step.
          actions.push({
            title: t('action.removeAllGlosses', [glosses.length]),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: edit(glosses.map((g) => ({ range: { start: doc.positionAt(g.start), end: doc.positionAt(g.end) }, newText: '' }))),
          });
        }
        break;
      }
      case 'mojibake':
        actions.push({
          title: t('action.removeMojibake'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([{ range: d.range, newText: '' }]),
        });
        break;
      case 'line-wrap': {
        actions.push({
          title: t('action.joinLines'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([{ range: d.range, newText: '' }]),
        });
        const wraps = analysis?.issues.filter((i) => i.kind === 'line-wrap') ?? [];
        if (!offeredAllWraps && wraps.length > 1) {
          offeredAllWraps = true;
          // One WorkspaceEdit, so joining them all is one undo step.
          actions.push({
            title: t('action.joinAllLines', [wraps.length]),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: edit(wraps.map((w) => ({ range: { start: doc.positionAt(w.start), end: doc.positionAt(w.end) }, newText: '' }))),
          });
        }
        break;
      }
      case 'mixed-script': {
        const text = doc.getText(d.range);
        let simplified = text;
        try {
          simplified = converter().toSimplified(text).text;
        } catch {
          break;
        }
        if (simplified !== text) {
          actions.push({
            title: t('action.toSimplified'),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: edit([{ range: d.range, newText: simplified }]),
          });
        }
        break;
      }
    }
  }
  return actions;
}
