#!/usr/bin/env node
// Builds the native character tagger (native/tagger: the tagger's per-character loop in C++, plain
// N-API) after `npm install` / `npm ci` (postinstall) and for `npm run rebuild:native`. Optional:
// on failure the extension and CLI tag in JavaScript (same results, slower) and say why, so a
// failed build is a warning, not a failed install. Skips the build when the binary is newer than
// its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeGyp } from './build-nodejieba.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'native', 'tagger');
const binary = join(dir, 'build', 'Release', 'policy_tagger.node');
const sources = ['tagger.cc', 'binding.gyp'].map((f) => join(dir, f));
const log = (msg) => console.log(`[build-native-tagger] ${msg}`);

function main() {
  const force = process.argv.includes('--force');
  if (!force && existsSync(binary) && sources.every((s) => statSync(binary).mtimeMs >= statSync(s).mtimeMs)) {
    log('native tagger is up to date');
    return;
  }
  const gyp = nodeGyp();
  if (!gyp) {
    log('warning: node-gyp not found; recognition will tag in JavaScript (slower)');
    return;
  }
  log(`node-gyp rebuild in ${dir}`);
  try {
    execFileSync(process.execPath, [gyp, 'rebuild', '--release'], { cwd: dir, stdio: 'inherit' });
    log('native tagger built');
  } catch (err) {
    log(`warning: building the native tagger failed (${err instanceof Error ? err.message : err}); recognition will tag in JavaScript (slower)`);
  }
}

main();
