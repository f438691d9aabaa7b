/** Text issues of an analysis as LSP diagnostics (source 'policy-annotator', code = issue kind). */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IssueKind, TextIssue } from '../core/types';
import { currentLocale, t } from './messages';

export const DIAGNOSTIC_SOURCE = 'policy-annotator';

const SEVERITY: Record<IssueKind, DiagnosticSeverity> = {
  'pinyin-gloss': DiagnosticSeverity.Information,
  mojibake: DiagnosticSeverity.Warning,
  boilerplate: DiagnosticSeverity.Hint,
  'mixed-script': DiagnosticSeverity.Information,
  'line-wrap': DiagnosticSeverity.Hint,
};

function message(issue: TextIssue, text: string): string {
  const slice = text.slice(issue.start, issue.end);
  const shown = slice.length > 40 ? `${slice.slice(0, 40)}…` : slice;
  switch (issue.kind) {
    case 'pinyin-gloss':
      return t('diag.pinyinGloss', [shown]);
    case 'mojibake':
      return t('diag.mojibake', [shown]);
    case 'boilerplate': {
      const detail = issue.detail ? (currentLocale() === 'zh-cn' ? `（${issue.detail}）` : ` (${issue.detail})`) : '';
      return t('diag.boilerplate', [detail]);
    }
    case 'mixed-script':
      return t('diag.mixedScript', [shown]);
    case 'line-wrap':
      return t('diag.lineWrap');
  }
}

/**
 * At most this many diagnostics per document (the first ones, in document order): a multi-MB dump
 * can have a hundred thousand glosses, and converting and showing them would stall the editor.
 */
export const MAX_DIAGNOSTICS = 2000;

export function issuesToDiagnostics(doc: TextDocument, issues: readonly TextIssue[]): Diagnostic[] {
  const text = doc.getText();
  return issues.slice(0, MAX_DIAGNOSTICS).map((issue) => {
    const d: Diagnostic = {
      range: { start: doc.positionAt(issue.start), end: doc.positionAt(issue.end) },
      severity: SEVERITY[issue.kind] ?? DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: issue.kind,
      message: message(issue, text),
    };
    if (issue.kind === 'boilerplate') d.tags = [DiagnosticTag.Unnecessary];
    return d;
  });
}

/**
 * Whether two diagnostic lists show the same thing (ranges, severity, code, message, tags). After
 * a one-character edit most lines keep their problems where they were, and then nothing is sent:
 * for a multi-MB document that is a few hundred kilobytes less for the extension host to take in.
 */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character ||
      x.severity !== y.severity ||
      x.code !== y.code ||
      x.message !== y.message ||
      (x.tags?.length ?? 0) !== (y.tags?.length ?? 0) ||
      (x.tags ?? []).some((tag, j) => tag !== y.tags![j])
    ) {
      return false;
    }
  }
  return true;
}
