// Starts and stops the VS Code server installed by scripts/setup-vscode-server.mjs, for the
// integration tests, the UI tests and `npm start`. Logs go to test-results/.
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const resultsDir = join(repoRoot, 'test-results');
export const vscodeDir = join(repoRoot, '.vscode-server', 'node_modules', 'code-server', 'lib', 'vscode');
const serverMain = join(vscodeDir, 'out', 'server-main.js');
const setupStamp = join(repoRoot, '.vscode-server', 'setup-complete.json');

/** Throws a message naming the missing prerequisite instead of letting tests skip. */
export function assertVscodeServerInstalled() {
  if (!existsSync(setupStamp) || !existsSync(serverMain)) {
    throw new Error(`VS Code server not set up in ${join(repoRoot, '.vscode-server')}: run "node scripts/setup-vscode-server.mjs" first`);
  }
}

/** A free TCP port on 127.0.0.1, `preferred` when it is free. */
export function findFreePort(preferred = 0) {
  const tryPort = (port) =>
    new Promise((resolvePort, reject) => {
      const probe = createServer();
      probe.once('error', reject);
      probe.listen(port, '127.0.0.1', () => {
        const { port: chosen } = probe.address();
        probe.close(() => resolvePort(chosen));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/**
 * User/server/extensions dirs under `baseDir` (default: a fresh temp dir); the user settings switch
 * off workspace trust, auto-save, git and other network or first-run noise.
 */
export function makeServerDirs(prefix = 'zhp-vscode-', settings = {}, baseDir = undefined) {
  const base = baseDir ?? mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(base, { recursive: true });
  const dirs = {
    base,
    userDataDir: join(base, 'user-data'),
    serverDataDir: join(base, 'server-data'),
    extensionsDir: join(base, 'extensions'),
  };
  const userSettings = {
    'security.workspace.trust.enabled': false,
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.commandCenter.enabled': false,
    'workbench.enableExperiments': false,
    'files.autoSave': 'off',
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    // A remote (server) extension host looks for ports to forward by running
    // `ls -l /proc/[0-9]*/fd/[0-9]* | grep socket:` every few seconds; each spawn blocks its main
    // thread for the fork and exec (30-250 ms on the loaded 2-core machine). Desktop VS Code does
    // not do this, and it is not ours: off, so the editor budgets measure the extension. (code-server
    // registers a tunnel provider, so only the "output" source turns the scan off.)
    'remote.autoForwardPorts': false,
    'remote.autoForwardPortsSource': 'output',
    ...settings,
  };
  // code-server reads user settings from <user-data-dir>/User; the server's machine settings also apply.
  for (const dir of [join(dirs.userDataDir, 'User'), join(dirs.serverDataDir, 'data', 'Machine'), join(dirs.serverDataDir, 'data', 'User')]) {
    mkdirSync(dir, { recursive: true });
    // A persistent profile (npm start) keeps the user's own edits to its settings.
    if (!existsSync(join(dir, 'settings.json'))) writeFileSync(join(dir, 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  mkdirSync(dirs.extensionsDir, { recursive: true });
  return dirs;
}

function dirArgs(dirs) {
  return ['--user-data-dir', dirs.userDataDir, '--server-data-dir', dirs.serverDataDir, '--extensions-dir', dirs.extensionsDir];
}

/** Installs a .vsix into `dirs.extensionsDir` with the server CLI (runs once and exits). */
export function installExtension(vsixPath, dirs) {
  assertVscodeServerInstalled();
  const out = execFileSync(process.execPath, [serverMain, ...dirArgs(dirs), '--accept-server-license-terms', '--install-extension', vsixPath, '--force'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  console.log(out.trim());
  return out;
}

/**
 * Starts the server on 127.0.0.1 and resolves once it prints "Extension host agent listening on".
 * @returns {Promise<{port:number, url:string, child:import('node:child_process').ChildProcess, logFile:string, log:()=>string, waitForLog:(re:RegExp, timeoutMs:number)=>Promise<RegExpMatchArray>, stop:()=>Promise<void>}>}
 */
export async function startVscodeServer({ dirs, port = 0, env = {}, logName = 'vscode-server', extraArgs = [], echo = false }) {
  assertVscodeServerInstalled();
  mkdirSync(resultsDir, { recursive: true });
  const chosenPort = await findFreePort(port);
  const logFile = join(resultsDir, `${logName}.log`);
  const logStream = createWriteStream(logFile);
  let text = '';
  const child = spawn(
    process.execPath,
    [serverMain, '--host', '127.0.0.1', '--port', String(chosenPort), '--without-connection-token', '--accept-server-license-terms', ...dirArgs(dirs), ...extraArgs],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const waiters = new Set();
  const onData = (chunk) => {
    const s = chunk.toString();
    text += s;
    logStream.write(s);
    if (echo) process.stdout.write(s);
    for (const w of [...waiters]) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exited = false;
  child.on('exit', (code, signal) => {
    exited = true;
    logStream.write(`\n[harness] server exited code=${code} signal=${signal}\n`);
    for (const w of [...waiters]) w();
  });

  const waitForLog = (re, timeoutMs) =>
    new Promise((resolveWait, reject) => {
      const check = () => {
        const m = text.match(re);
        if (m) { done(); resolveWait(m); }
        else if (exited) { done(); reject(new Error(`VS Code server exited before logging ${re}; see ${logFile}`)); }
      };
      const timer = setTimeout(() => { done(); reject(new Error(`timed out after ${timeoutMs} ms waiting for ${re} in ${logFile}`)); }, timeoutMs);
      const done = () => { clearTimeout(timer); waiters.delete(check); };
      waiters.add(check);
      check();
    });

  const stop = () =>
    new Promise((resolveStop) => {
      if (exited) { logStream.end(); return resolveStop(); }
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => { clearTimeout(killTimer); logStream.end(); resolveStop(); });
      child.kill('SIGTERM');
    });

  try {
    await waitForLog(/Extension host agent listening on (\d+)/, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port: chosenPort, url: `http://127.0.0.1:${chosenPort}/`, child, logFile, log: () => text, waitForLog, stop };
}

/**
 * Workbench URL opening `folder`; `payload` pairs (e.g. extensionDevelopmentPath) are passed to the
 * workbench, which hands them to the remote extension host.
 */
export function workbenchUrl(port, { folder, payload } = {}) {
  const params = [];
  if (folder) params.push(`folder=${encodeURIComponent(folder)}`);
  if (payload && payload.length) params.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/${params.length ? `?${params.join('&')}` : ''}`;
}

/** `vscode-remote://` URI of an absolute server path, as the workbench payload expects. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath}`;
}

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches Debian chromium headless through playwright-core (never downloads a browser). */
export async function launchChromium() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install the Debian package "chromium" (or set CHROMIUM_PATH)`);
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Reads a log file if present (for printing into the CI log). */
export function readIfExists(path) {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
