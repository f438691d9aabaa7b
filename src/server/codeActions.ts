/** Quick fixes for the text issues: remove glosses / mojibake, join broken lines, convert mixed-script runs. */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Converter } from '../core/engines';
import type { ArticleAnalysis, IssueKind } from '../core/types';
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
  /** Issue kinds whose "all of them" fix is already offered (once per request). */
  const offeredAll = new Set<string>();
  /** Deletes this issue, and (once) every issue of its kind in one WorkspaceEdit, so that the whole removal is one undo step. */
  const removeOneAndAll = (d: Diagnostic, kind: IssueKind, one: string, all: (n: number) => string) => {
    actions.push({ title: one, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit([{ range: d.range, newText: '' }]) });
    const issues = analysis?.issues.filter((i) => i.kind === kind) ?? [];
    if (offeredAll.has(kind) || issues.length < 2) return;
    offeredAll.add(kind);
    actions.push({
      title: all(issues.length),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: edit(issues.map((i) => ({ range: { start: doc.positionAt(i.start), end: doc.positionAt(i.end) }, newText: '' }))),
    });
  };
  for (const d of diagnostics) {
    if (d.source !== DIAGNOSTIC_SOURCE || !rangesOverlap(d.range, range)) continue;
    switch (d.code) {
      case 'pinyin-gloss':
        removeOneAndAll(d, 'pinyin-gloss', t('action.removeGloss'), (n) => t('action.removeAllGlosses', [n]));
        break;
      case 'mojibake': {
        // An HTML entity (&ldquo;) is replaced by its character, other damage removed.
        const start = doc.offsetAt(d.range.start), end = doc.offsetAt(d.range.end);
        const replacement = analysis?.issues.find((i) => i.kind === 'mojibake' && i.start === start && i.end === end)?.replacement ?? '';
        actions.push({
          title: replacement ? t('action.decodeEntity', [replacement]) : t('action.removeMojibake'),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: edit([{ range: d.range, newText: replacement }]),
        });
        break;
      }
      case 'line-wrap':
        removeOneAndAll(d, 'line-wrap', t('action.joinLines'), (n) => t('action.joinAllLines', [n]));
        break;
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
