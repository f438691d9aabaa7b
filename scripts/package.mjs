#!/usr/bin/env node
// Packages the extension as a platform-specific .vsix (nodejieba is a native addon built for this
// platform). `npm run package` builds first. The file list is the allowlist in .vscodeignore:
// the bundled dist/*.js, data, grammars, localisation, seeds and nodejieba's binary (the patched
// build from scripts/build-nodejieba.mjs) + dictionaries.
// Skips vsce when the inputs are unchanged since the last package (content hash), unless --force.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPatchedBinary } from './build-nodejieba.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const TARGET = process.env.VSIX_TARGET || 'linux-x64';
export const vsixPath = join(root, 'dist', `zh-policy-annotator-${TARGET}.vsix`);
const stampPath = `${vsixPath}.inputs.sha256`;

/** Files whose content determines the package (a superset of what ships is fine). */
function inputFiles() {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  for (const dir of ['data', 'syntaxes', 'media', 'walkthrough', 'l10n', 'seeds']) walk(join(root, dir));
  for (const f of readdirSync(root)) if (/^(package(\.nls.*)?\.json|README\.md|LICENSE|CHANGELOG\.md|language-configuration\.json|\.vscodeignore)$/.test(f)) files.push(join(root, f));
  for (const f of readdirSync(join(root, 'dist'))) if (f.endsWith('.js')) files.push(join(root, 'dist', f));
  files.push(join(root, 'node_modules', 'nodejieba', 'build', 'Release', 'nodejieba.node'));
  files.push(join(root, 'native', 'tagger', 'build', 'Release', 'policy_tagger.node'));
  return files.filter((f) => existsSync(f) && statSync(f).isFile()).sort();
}

function inputsHash() {
  const hash = createHash('sha256');
  hash.update(TARGET);
  for (const f of inputFiles()) {
    hash.update(relative(root, f));
    hash.update(readFileSync(f));
  }
  return hash.digest('hex');
}

/** Lists the .vsix entries (via unzip -l when available). */
export function vsixEntries(path = vsixPath) {
  const out = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

/** The files the installed extension cannot work without; checked after every package. */
const REQUIRED_ENTRIES = [
  'extension/package.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/node_modules/nodejieba/index.js',
  'extension/node_modules/nodejieba/package.json',
  'extension/node_modules/nodejieba/build/Release/nodejieba.node',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/jieba.dict.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/hmm_model.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/idf.utf8',
  'extension/node_modules/nodejieba/submodules/cppjieba/dict/stop_words.utf8',
  // The native tagger is optional at run time (recognition falls back to JavaScript) but a package
  // built without it would be slower for every user: it is required here.
  'extension/native/tagger/build/Release/policy_tagger.node',
];

export function verifyVsix(path = vsixPath) {
  const entries = vsixEntries(path);
  const missing = REQUIRED_ENTRIES.filter((e) => !entries.includes(e));
  if (missing.length) throw new Error(`${path} lacks ${missing.join(', ')}`);
  const strayModules = entries.filter((e) => e.startsWith('extension/node_modules/') && !e.startsWith('extension/node_modules/nodejieba/'));
  if (strayModules.length) throw new Error(`${path} ships node_modules other than nodejieba: ${strayModules.slice(0, 5).join(', ')}`);
  const sources = entries.filter((e) => /^extension\/(src|test|out|scripts)\//.test(e) || e.endsWith('.ts') || e.endsWith('.map'));
  if (sources.length) throw new Error(`${path} ships sources: ${sources.slice(0, 5).join(', ')}`);
  return entries;
}

export function packageVsix({ force = false } = {}) {
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!existsSync(join(root, f))) throw new Error(`${f} is missing: run "npm run build" first`);
  }
  // Ship the patched nodejieba (tagSpans, lazy TextRank, shared dictionaries), never the stock build.
  if (!isPatchedBinary(join(root, 'node_modules', 'nodejieba', 'build', 'Release', 'nodejieba.node'))) {
    throw new Error('node_modules/nodejieba is not the patched build: run "npm run rebuild:native"');
  }
  const hash = inputsHash();
  if (!force && existsSync(vsixPath) && existsSync(stampPath) && readFileSync(stampPath, 'utf8').trim() === hash) {
    console.log(`[package] ${relative(root, vsixPath)} is up to date`);
    return vsixPath;
  }
  mkdirSync(dirname(vsixPath), { recursive: true });
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  // Dependencies mode (not --no-dependencies): vsce only collects node_modules files in that mode;
  // the .vscodeignore allowlist then keeps nodejieba alone.
  // No repository URL: keep README links relative (they resolve inside the installed extension).
  const args = [vsce, 'package', '--target', TARGET, '--out', vsixPath, '--allow-missing-repository', '--no-rewrite-relative-links', '--skip-license'];
  if (existsSync(join(root, 'LICENSE'))) args.splice(args.indexOf('--skip-license'), 1);
  console.log(`[package] vsce ${args.slice(1).join(' ')}`);
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  const entries = verifyVsix(vsixPath);
  writeFileSync(stampPath, hash + '\n');
  const size = statSync(vsixPath).size;
  console.log(`[package] ${relative(root, vsixPath)}: ${entries.length} files, ${(size / 1024 / 1024).toFixed(1)} MB`);
  return vsixPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    packageVsix({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`[package] FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
