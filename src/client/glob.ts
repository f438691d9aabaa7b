/**
 * The `policyAnnotator.filePatterns` globs, matched against ABSOLUTE paths (as VS Code matches
 * document-filter patterns), so `**​/seeds/*.txt` also matches when the workspace folder is
 * `seeds` itself. Pure: no vscode import. Supports `**`, `*`, `?`, `{a,b}` and `[...]`.
 */

export function globToRegExp(glob: string): RegExp {
  let out = '';
  let depth = 0; // inside {…}
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      out += slashAfter ? '(?:.*/)?' : '.*';
      i += slashAfter ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '{') (out += '(?:'), depth++;
    else if (c === '}' && depth > 0) (out += ')'), depth--;
    else if (c === ',' && depth > 0) out += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  // A pattern that is not rooted matches at any folder boundary.
  const rooted = glob.startsWith('/') || glob.startsWith('**') || /^[A-Za-z]:/.test(glob);
  return new RegExp(`${rooted ? '^' : '(?:^|/)'}${out}$`);
}

/** Whether the absolute `path` (any separators) matches one of `patterns`. */
export function matchesAny(path: string, patterns: readonly string[]): boolean {
  const normalized = path.replace(/\\/g, '/');
  return patterns.some((p) => globToRegExp(p.replace(/\\/g, '/')).test(normalized));
}

/**
 * A cheap superset glob for `workspace.findFiles` (relative to a folder): the file-name part of
 * each pattern anywhere below the folder; results are then filtered with `matchesAny`.
 */
export function searchGlob(patterns: readonly string[]): string | undefined {
  const tails = [...new Set(patterns.map((p) => `**/${p.replace(/\\/g, '/').split('/').pop()}`))];
  if (tails.length === 0) return undefined;
  return tails.length === 1 ? tails[0] : `{${tails.join(',')}}`;
}
