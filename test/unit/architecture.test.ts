/** Layering rules the code style depends on, checked on the sources themselves. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

function repoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'src', 'core'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('repository root not found');
    dir = up;
  }
  return dir;
}

const root = repoRoot(__dirname);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Module specifiers imported or required by a TypeScript source. */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)) out.push(m[1]);
  return out;
}

test('src/core never imports vscode', () => {
  const files = sources(join(root, 'src', 'core'));
  assert.ok(files.length > 10, 'core sources found');
  const offenders = files.filter((f) => imports(f).includes('vscode')).map((f) => relative(root, f));
  assert.deepEqual(offenders, []);
});

test('the extension client never loads nodejieba (it lives in the language server)', () => {
  const files = [join(root, 'src', 'extension.ts'), ...sources(join(root, 'src', 'client'))];
  const offenders = files
    .filter((f) => imports(f).some((s) => s === 'nodejieba' || /jiebaSegmenter$/.test(s)))
    .map((f) => relative(root, f));
  assert.deepEqual(offenders, []);
});

test('the bundled client (dist/extension.js) loads neither nodejieba nor the native tagger', () => {
  const bundle = readFileSync(join(root, 'dist', 'extension.js'), 'utf8');
  assert.ok(bundle.length > 1000, 'dist/extension.js is built (npm run build)');
  assert.doesNotMatch(bundle, /require\(["']nodejieba["']\)/);
  // Nor the native tagger: it loads with the recognisers, in the server.
  assert.doesNotMatch(bundle, /policy_tagger|process\.dlopen/);
  assert.match(readFileSync(join(root, 'dist', 'server.js'), 'utf8'), /policy_tagger\.node/);
  assert.match(readFileSync(join(root, 'dist', 'server.js'), 'utf8'), /require\(["']nodejieba["']\)/, 'the server is where nodejieba loads');
});
