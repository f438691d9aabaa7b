/**
 * Validation of jieba dictionary files BEFORE nodejieba reads them.
 * cppjieba aborts the whole process (XCHECK → abort) on a missing file, a malformed
 * main-dictionary line or an empty stop-word list, so every file is checked here and
 * problems come back as messages with file and line number.
 */
import { readFileSync, statSync } from 'node:fs';

export type DictionaryKind = 'main' | 'hmm' | 'user' | 'idf' | 'stopWords';

export interface DictionaryProblem {
  file: string;
  /** 1-based line number, absent for whole-file problems. */
  line?: number;
  message: string;
}

export interface DictionaryCheck {
  ok: boolean;
  problems: DictionaryProblem[];
  /** Number of non-empty lines read (0 when the file could not be read). */
  lines: number;
}

/** Stop listing problems after this many: one bad file should not produce a megabyte of text. */
const MAX_PROBLEMS = 20;
const TAG = /^[A-Za-z][A-Za-z0-9_]*$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function formatProblem(p: DictionaryProblem): string {
  return p.line !== undefined ? `${p.file}:${p.line}: ${p.message}` : `${p.file}: ${p.message}`;
}

/**
 * Reads `file` as strict UTF-8 text, or explains why it cannot be used (missing, directory,
 * unreadable, empty unless `allowEmpty`, binary, not UTF-8, larger than `maxBytes`).
 */
export function readUtf8File(
  file: string,
  opts: { allowEmpty?: boolean; maxBytes?: number } = {},
): { text: string; bom: boolean } | { error: string } {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return { error: st.isDirectory() ? 'is a directory, not a file' : 'is not a regular file' };
    size = st.size;
    if (opts.maxBytes !== undefined && size > opts.maxBytes) return { error: `file is too large (${size} bytes, limit ${opts.maxBytes})` };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { error: code === 'ENOENT' ? 'file not found' : `cannot access file (${code ?? String(err)})` };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    return { error: `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})` };
  }
  if (size === 0 || bytes.length === 0) return opts.allowEmpty ? { text: '', bom: false } : { error: 'file is empty' };
  return decodeUtf8(bytes);
}

/** Strict UTF-8 decoding of bytes; NUL bytes mean binary data. */
export function decodeUtf8(bytes: Uint8Array): { text: string; bom: boolean } | { error: string } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { error: `binary data (NUL byte at byte offset ${nul})` };
  try {
    // The decoder drops a leading byte-order mark (ignoreBOM: false).
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { text, bom };
  } catch {
    return { error: `not valid UTF-8 (byte offset ${firstInvalidUtf8Byte(bytes)}); convert the file to UTF-8` };
  }
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

/** Checks one line of a dictionary of `kind`; returns an error message or null. */
function checkLine(kind: DictionaryKind, line: string): string | null {
  // Stop words are whole lines (spaces and tabs are themselves stop words); HMM is checked apart.
  if (kind === 'stopWords' || kind === 'hmm') return null;
  if (line.includes('\r')) return 'carriage return (CRLF line ends are not allowed; use LF)';
  if (line.includes('\t')) return 'tab character (fields are separated by single spaces)';
  const fields = line.split(' ');
  if (fields.some((f) => f === '')) return 'empty field (leading, trailing or double space)';
  switch (kind) {
    case 'main':
      if (fields.length !== 3) return `expected "word freq tag", found ${fields.length} field(s)`;
      if (!NUMBER.test(fields[1]) || Number(fields[1]) <= 0) return `frequency "${fields[1]}" is not a positive number`;
      if (!TAG.test(fields[2])) return `tag "${fields[2]}" is not a POS tag`;
      return null;
    case 'user':
      if (fields.length > 3) return `expected "word [freq] [tag]", found ${fields.length} fields`;
      if (fields.length === 3) {
        if (!/^\d+$/.test(fields[1]) || Number(fields[1]) <= 0) return `frequency "${fields[1]}" is not a positive integer`;
        if (!TAG.test(fields[2])) return `tag "${fields[2]}" is not a POS tag`;
      }
      if (fields.length === 2 && !TAG.test(fields[1])) return `tag "${fields[1]}" is not a POS tag`;
      return null;
    case 'idf':
      if (fields.length !== 2) return `expected "word idf", found ${fields.length} field(s)`;
      if (!NUMBER.test(fields[1])) return `idf "${fields[1]}" is not a number`;
      return null;
  }
}

/** The HMM model: 1 start line and 4 transition lines of 4 numbers, then 4 emission lines `c:p,c:p…`. */
function checkHmm(file: string, lines: string[], problems: DictionaryProblem[]): void {
  let seen = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || problems.length >= MAX_PROBLEMS) return;
    seen++;
    if (seen <= 5) {
      const nums = line.split(' ');
      if (nums.length !== 4 || !nums.every((n) => NUMBER.test(n))) {
        problems.push({ file, line: i + 1, message: 'expected 4 probabilities separated by spaces' });
      }
    } else if (seen <= 9) {
      const bad = line.split(',').find((pair) => {
        const parts = pair.split(':');
        return parts.length !== 2 || [...parts[0]].length !== 1 || !NUMBER.test(parts[1]);
      });
      if (bad !== undefined) problems.push({ file, line: i + 1, message: `emission entry "${bad.slice(0, 20)}" is not "char:prob"` });
    }
  });
  if (seen < 9) problems.push({ file, message: `HMM model is incomplete (${seen} of 9 data lines)` });
}

/**
 * One regex for a well-formed line, per kind: a single pass over a 5 MB dictionary is much
 * faster than splitting it, and the line-by-line check only runs when something is wrong.
 */
const GOOD_LINE: Partial<Record<DictionaryKind, string>> = {
  main: '[^ \\t\\r\\n]+ [0-9.eE+]+ [A-Za-z][A-Za-z0-9_]*',
  idf: '[^ \\t\\r\\n]+ [0-9.eE+-]+',
};

function quickCheck(kind: DictionaryKind, text: string): number | null {
  const good = GOOD_LINE[kind];
  if (!good) return null;
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  if (body === '') return null;
  // An empty line is allowed except in the main dictionary.
  const bad = new RegExp(`^(?!(?:${good})$${kind === 'main' ? '' : '|$'})`, 'm');
  if (bad.test(body)) return null;
  let lines = 1;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) lines++;
  return lines;
}

/** Validates the text of a dictionary of `kind` (already decoded). */
export function checkDictionaryText(file: string, kind: DictionaryKind, text: string): DictionaryCheck {
  const quick = quickCheck(kind, text);
  if (quick !== null) return { ok: true, problems: [], lines: quick };

  const problems: DictionaryProblem[] = [];
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  let nonEmpty = 0;
  if (kind === 'hmm') {
    checkHmm(file, lines, problems);
    nonEmpty = lines.filter((l) => l.trim() !== '').length;
  } else {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === '') {
        // cppjieba's main loader rejects empty lines; the others skip them.
        if (kind === 'main') problems.push({ file, line: i + 1, message: 'empty line' });
        continue;
      }
      nonEmpty++;
      if (problems.length >= MAX_PROBLEMS) continue;
      const msg = checkLine(kind, line);
      if (msg) problems.push({ file, line: i + 1, message: msg });
    }
  }
  if (nonEmpty === 0 && problems.length === 0) problems.push({ file, message: 'file has no entries' });
  return { ok: problems.length === 0, problems, lines: nonEmpty };
}

/** Validates a dictionary file on disk: exists, regular file, non-empty, UTF-8, no NUL, well-formed lines. */
export function checkDictionaryFile(file: string, kind: DictionaryKind): DictionaryCheck {
  // cppjieba splits the user-dictionary argument on '|' and ';'.
  if (/[|;]/.test(file)) {
    return { ok: false, lines: 0, problems: [{ file, message: 'path contains "|" or ";", which jieba treats as a list separator' }] };
  }
  const read = readUtf8File(file);
  if ('error' in read) return { ok: false, lines: 0, problems: [{ file, message: read.error }] };
  const check = checkDictionaryText(file, kind, read.text);
  // jieba would read the byte-order mark as part of the first word.
  if (read.bom && kind !== 'hmm') check.problems.unshift({ file, line: 1, message: 'starts with a UTF-8 byte-order mark; save without BOM' });
  check.ok = check.problems.length === 0;
  return check;
}

/** Validates several files; returns all problems (empty when every file is usable). */
export function checkDictionaryFiles(files: ReadonlyArray<{ file: string; kind: DictionaryKind }>): DictionaryProblem[] {
  return files.flatMap(({ file, kind }) => checkDictionaryFile(file, kind).problems);
}
