/**
 * The workspace dictionary `.policy-annotator/dictionary.tsv` (`term<TAB>type<TAB>gloss`)
 * and the ignore list `.policy-annotator/ignore.txt` (one canonical text per line).
 * Bad lines are reported with their line number and skipped; nothing here throws.
 */
import type { UserTerm } from './engines';
import { ENTITY_TYPES, type EntityType } from './types';

export interface LineProblem {
  /** 1-based line number. */
  line: number;
  message: string;
}

const MAX_TERM_LENGTH = 64;

function isEntityType(t: string): t is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(t);
}

/** Why `term` cannot be a dictionary word, or null. */
export function termProblem(term: string): string | null {
  if (term === '') return 'empty term';
  if (/\s/.test(term)) return `term "${term}" contains whitespace`;
  if (/[\u0000-\u001f\u007f]/.test(term)) return 'term contains a control character';
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(term)) return 'term contains a lone surrogate';
  if (term.length > MAX_TERM_LENGTH) return `term is longer than ${MAX_TERM_LENGTH} characters`;
  return null;
}

export function parseUserDictionary(content: string): { terms: UserTerm[]; problems: LineProblem[] } {
  const terms: UserTerm[] = [];
  const problems: LineProblem[] = [];
  const seen = new Set<string>();
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cols = raw.split('\t').map((c) => c.trim());
    if (cols.length < 2) {
      problems.push({ line, message: 'expected "term<TAB>type<TAB>gloss" (no tab found)' });
      return;
    }
    const [term, type, ...rest] = cols;
    const bad = termProblem(term);
    if (bad) {
      problems.push({ line, message: bad });
      return;
    }
    if (!isEntityType(type)) {
      problems.push({ line, message: `unknown type "${type}" (one of ${ENTITY_TYPES.join(', ')})` });
      return;
    }
    if (seen.has(term)) {
      problems.push({ line, message: `duplicate term "${term}" (first definition kept)` });
      return;
    }
    seen.add(term);
    const gloss = rest.join(' ').trim();
    terms.push(gloss ? { term, type, gloss } : { term, type });
  });
  return { terms, problems };
}

/** One line of dictionary.tsv (no newline); tabs and newlines inside the gloss become spaces. */
export function formatUserTerm(term: UserTerm): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ').trim();
  return `${clean(term.term)}\t${clean(term.type)}\t${clean(term.gloss ?? '')}`;
}

/** The ignore list: one canonical text per line, `#` comments and blank lines skipped. */
export function parseIgnoreList(content: string): { ignored: string[]; problems: LineProblem[] } {
  const ignored: string[] = [];
  const problems: LineProblem[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .forEach((raw, i) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      if (/[\u0000-\u001f\u007f]/.test(text)) {
        problems.push({ line: i + 1, message: 'contains a control character' });
        return;
      }
      if (!ignored.includes(text)) ignored.push(text);
    });
  return { ignored, problems };
}
