#!/usr/bin/env node
// Installs the VS Code server + web workbench (shipped by the code-server npm package) into
// `.vscode-server/` inside the clone, for the integration and UI tests and `npm start`.
// code-server's own postinstall refuses to run as root and downloads ripgrep from GitHub, so its
// steps are done here instead: production deps, a system ripgrep, native rebuilds, the asar link
// and the built-in extensions' deps. Idempotent: skips everything when the stamp matches.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync, copyFileSync, chmodSync, symlinkSync, lstatSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const serverCacheDir = join(root, '.vscode-server');
export const vscodeDir = join(serverCacheDir, 'node_modules', 'code-server', 'lib', 'vscode');
const stampFile = join(serverCacheDir, 'setup-complete.json');

/** True when the cache holds a complete install of the pinned version. */
export function isVscodeServerReady() {
  if (!existsSync(stampFile)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.version === CODE_SERVER_VERSION && existsSync(join(vscodeDir, 'out', 'server-main.js'));
  } catch {
    return false;
  }
}

function log(message) {
  console.log(`[setup-vscode-server] ${message}`);
}

function run(cmd, args, cwd, extraEnv = {}) {
  log(`$ (cd ${cwd} && ${cmd} ${args.join(' ')})`);
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
}

function findRipgrep() {
  for (const candidate of [process.env.RG_PATH, '/usr/bin/rg', '/usr/local/bin/rg'].filter(Boolean)) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export function setupVscodeServer() {
  if (isVscodeServerReady()) {
    log(`code-server ${CODE_SERVER_VERSION} already set up in ${serverCacheDir}`);
    return;
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) log(`warning: VS Code 1.100 server expects Node 20, running ${process.version}`);
  const rg = findRipgrep();
  if (!rg) throw new Error('ripgrep (rg) not found: install the Debian package "ripgrep" (or set RG_PATH)');

  const started = Date.now();
  mkdirSync(serverCacheDir, { recursive: true });
  rmSync(stampFile, { force: true });
  if (!existsSync(join(serverCacheDir, 'package.json'))) {
    writeFileSync(join(serverCacheDir, 'package.json'), JSON.stringify({ name: 'vscode-server-cache', private: true }, null, 2));
  }
  // npm must not look up to the extension's own package.json/lockfile.
  const npmEnv = { npm_config_yes: 'true', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' };
  run('npm', ['install', '--ignore-scripts', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], serverCacheDir, npmEnv);

  run('npm', ['install', '--ignore-scripts', '--omit=dev', '--no-audit', '--no-fund'], vscodeDir, npmEnv);
  const rgBin = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgBin, { recursive: true });
  copyFileSync(rg, join(rgBin, 'rg'));
  chmodSync(join(rgBin, 'rg'), 0o755);
  log(`copied ${rg} -> ${join(rgBin, 'rg')}`);
  // Builds node-pty, spdlog, kerberos … against this Node; the ripgrep postinstall skips the download.
  run('npm', ['rebuild'], vscodeDir, npmEnv);

  const asar = join(vscodeDir, 'node_modules.asar');
  let asarExists = false;
  try { lstatSync(asar); asarExists = true; } catch { /* absent */ }
  if (!asarExists) {
    symlinkSync('node_modules', asar);
    log(`linked ${asar} -> node_modules`);
  }
  const extensionsDir = join(vscodeDir, 'extensions');
  if (existsSync(join(extensionsDir, 'package.json'))) {
    run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], extensionsDir, npmEnv);
  }
  writeFileSync(stampFile, JSON.stringify({ version: CODE_SERVER_VERSION, node: process.version, date: new Date().toISOString() }, null, 2));
  log(`done in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    setupVscodeServer();
  } catch (error) {
    console.error(`[setup-vscode-server] FAILED: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
