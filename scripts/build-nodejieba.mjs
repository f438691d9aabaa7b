#!/usr/bin/env node
// Rebuilds nodejieba from its (patched) sources after `npm install` / `npm ci` (postinstall, after
// patch-package has applied patches/nodejieba+3.5.8.patch). Runs node-gyp directly: nodejieba's own
// install script would fetch the unpatched prebuilt binary on a networked machine.
// The patch adds tagSpans/tagNames (typed-array tagging), tagSpansAhead/takeSpans (tagging the lines
// ahead on a thread of its own) and preload (dictionaries built on a worker thread), builds TextRank lazily (half the memory), and has cppjieba's DictTrie load its
// dictionary without copying every entry three times (0.44 → 0.17 s, same trie).
// On failure the previous binary is kept and the segmenter falls back to the stock tag(): a warning,
// not a failed install. Skips the build when the binary is already the patched one and up to date.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pkgDir = join(root, 'node_modules', 'nodejieba');
const binary = join(pkgDir, 'build', 'Release', 'nodejieba.node');
const source = join(pkgDir, 'lib', 'nodejieba.cpp');
/** Patched sources the binary is built from: the binding, and cppjieba's dictionary loader. */
const sources = [source, ...['DictTrie.hpp', 'Trie.hpp'].map((f) => join(pkgDir, 'submodules', 'cppjieba', 'include', 'cppjieba', f))];
const require = createRequire(import.meta.url);
const log = (msg) => console.log(`[build-nodejieba] ${msg}`);

/** True when `file` is a nodejieba binary with the patch's tagSpans, tagSpansAhead and preload (checked in a child: require caches addons). */
export function isPatchedBinary(file = binary) {
  try {
    const probe = `const b = require(${JSON.stringify(file)}); process.exit(typeof b.tagSpans === 'function' && typeof b.tagSpansAhead === 'function' && typeof b.preload === 'function' ? 0 : 1)`;
    execFileSync(process.execPath, ['-e', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** npm's own node-gyp (npm sets npm_config_node_gyp for lifecycle scripts), else one on the module path. */
export function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp, join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed as a package: fine when npm's copy exists
  }
  return candidates.find((c) => c && existsSync(c));
}

function main() {
  if (!existsSync(source)) {
    log('nodejieba is not installed; nothing to build');
    return;
  }
  const patched = readFileSync(source, 'utf8').includes('tagSpans');
  if (!patched) {
    log('warning: nodejieba sources are not patched (patch-package did not run?); keeping the stock binary');
    return;
  }
  const force = process.argv.includes('--force');
  const newestSource = Math.max(...sources.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs));
  if (!force && existsSync(binary) && statSync(binary).mtimeMs >= newestSource && isPatchedBinary()) {
    log('patched binary is up to date');
    return;
  }
  const gyp = nodeGyp();
  if (!gyp) {
    log('warning: node-gyp not found; keeping the stock binary (segmentation falls back to nodejieba.tag)');
    return;
  }
  // Keep the current binary: node-gyp rebuild removes build/ first.
  const backup = join(root, 'node_modules', '.cache', 'nodejieba-stock.node');
  if (existsSync(binary)) {
    mkdirSync(dirname(backup), { recursive: true });
    copyFileSync(binary, backup);
  }
  log(`node-gyp rebuild in ${pkgDir}`);
  try {
    execFileSync(process.execPath, [gyp, 'rebuild', '--release', `-j`, 'max'], { cwd: pkgDir, stdio: 'inherit' });
    if (!isPatchedBinary()) throw new Error('the rebuilt binary lacks tagSpans, tagSpansAhead or preload');
    log('patched binary built');
  } catch (err) {
    log(`warning: rebuilding nodejieba failed (${err instanceof Error ? err.message : err}); keeping the stock binary`);
    if (existsSync(backup)) {
      mkdirSync(dirname(binary), { recursive: true });
      copyFileSync(backup, `${binary}.tmp`);
      renameSync(`${binary}.tmp`, binary);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
