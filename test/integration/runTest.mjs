#!/usr/bin/env node
// Runs the mocha suite in out/test/integration/suite inside a real VS Code extension host.
// - VS Code desktop (via @vscode/test-electron `runTests`) when VSCODE_EXECUTABLE is set, or when
//   VSCODE_TEST_DOWNLOAD=1 allows downloading it.
// - Otherwise (offline machines) the VS Code server from .vscode-server/, with the workbench opened
//   in headless Chromium; the test run is requested through the workbench URL payload and the
//   extension host's exit code, logged by the server, is the result.
import { cpSync, existsSync, mkdirSync, rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  repoRoot, resultsDir, assertVscodeServerInstalled, makeServerDirs, startVscodeServer,
  workbenchUrl, remoteUri, launchChromium, readIfExists,
} from '../harness/vscodeServer.mjs';

const suiteEntry = join(repoRoot, 'out', 'test', 'integration', 'suite', 'index.js');
const mochaLog = join(resultsDir, 'integration-mocha.log');
const metricsJson = join(resultsDir, 'integration-metrics.json');
// The extension host writes into a per-run scratch dir, copied to test-results/ at the end, so
// two runs at once (developers) never interleave their output.
const scratch = mkdtempSync(join(tmpdir(), 'zhp-int-'));
const runLog = join(scratch, 'mocha.log');
const runMetrics = join(scratch, 'metrics.json');
const TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS || 10 * 60_000);

function fail(message) {
  console.error(`[test:integration] ${message}`);
  process.exit(1);
}

function prepareWorkspace() {
  cpSync(join(repoRoot, 'seeds'), join(scratch, 'seeds'), { recursive: true });
  return join(scratch, 'seeds');
}

function testEnv() {
  return {
    POLICY_ANNOTATOR_TEST_LOG: runLog,
    POLICY_ANNOTATOR_TEST_METRICS: runMetrics,
    POLICY_ANNOTATOR_TEST_RESULTS: resultsDir,
    POLICY_ANNOTATOR_REPO: repoRoot,
    ...(process.env.POLICY_ANNOTATOR_PROFILE_DIR ? { POLICY_ANNOTATOR_PROFILE_DIR: process.env.POLICY_ANNOTATOR_PROFILE_DIR } : {}),
    ...(process.env.POLICY_ANNOTATOR_TEST_GREP ? { POLICY_ANNOTATOR_TEST_GREP: process.env.POLICY_ANNOTATOR_TEST_GREP } : {}),
  };
}

async function runDesktop(workspace, executable) {
  const { runTests } = await import('@vscode/test-electron');
  const options = {
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: suiteEntry,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: testEnv(),
  };
  if (executable) options.vscodeExecutablePath = executable;
  else options.version = '1.100.3';
  try {
    await runTests(options);
    return 0;
  } catch (error) {
    console.error(`[test:integration] desktop run failed: ${error}`);
    return 1;
  }
}

async function runInServer(workspace) {
  assertVscodeServerInstalled();
  const dirs = makeServerDirs('zhp-int-');
  const server = await startVscodeServer({ dirs, env: testEnv(), logName: 'integration-server' });
  console.log(`[test:integration] VS Code server on ${server.url} (log ${server.logFile})`);
  const browser = await launchChromium();
  const consoleLog = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('console', (msg) => consoleLog.push(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => consoleLog.push(`[pageerror] ${err.message}`));
    // The web workbench reports the test run's exit code (and its logs) to window.codeAutomationExit.
    let reportExit;
    const exitReported = new Promise((resolveExit) => { reportExit = resolveExit; });
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      saveWorkbenchLogs(logs);
      reportExit(Number(code));
    });
    const url = workbenchUrl(server.port, {
      folder: workspace,
      payload: [
        ['extensionDevelopmentPath', remoteUri(server.port, repoRoot)],
        ['extensionTestsPath', remoteUri(server.port, suiteEntry)],
      ],
    });
    console.log(`[test:integration] opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    // The trust dialog should be disabled by settings; press it anyway if it shows up.
    page.getByRole('button', { name: /Yes, I trust/i }).click({ timeout: 20_000 }).catch(() => {});
    // The server's own "exited with code" line is 0 even when the suite fails, so it only counts as a
    // crash signal when the workbench never reported.
    const crashed = server.waitForLog(/Extension Host Process exited with code: (-?\d+)/, TIMEOUT_MS)
      .then((m) => new Promise((r) => setTimeout(() => r(Number(m[1]) || 1), 10_000)));
    return await Promise.race([exitReported, crashed]);
  } finally {
    writeFileSync(join(resultsDir, 'integration-browser-console.log'), consoleLog.join('\n'));
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(dirs.base, { recursive: true, force: true });
  }
}

function saveWorkbenchLogs(logs) {
  if (!Array.isArray(logs)) return;
  const dir = join(resultsDir, 'integration-workbench-logs');
  mkdirSync(dir, { recursive: true });
  for (const { relativePath, contents } of logs) {
    if (typeof relativePath !== 'string' || typeof contents !== 'string') continue;
    const target = join(dir, relativePath.replace(/\.\.+/g, '_'));
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, contents);
  }
}

async function main() {
  if (!existsSync(suiteEntry)) fail(`${suiteEntry} is missing: run "npm run build" first`);
  mkdirSync(resultsDir, { recursive: true });
  rmSync(mochaLog, { force: true });
  rmSync(metricsJson, { force: true });
  const workspace = prepareWorkspace();
  const started = Date.now();
  const executable = process.env.VSCODE_EXECUTABLE;
  let code;
  if (executable || process.env.VSCODE_TEST_DOWNLOAD === '1') {
    if (executable && !existsSync(executable)) fail(`VSCODE_EXECUTABLE=${executable} does not exist`);
    console.log(`[test:integration] VS Code desktop (${executable || 'download 1.100.3'})`);
    code = await runDesktop(workspace, executable);
  } else {
    console.log('[test:integration] no VS Code desktop (set VSCODE_EXECUTABLE or VSCODE_TEST_DOWNLOAD=1): using the VS Code server + headless Chromium');
    code = await runInServer(workspace).catch((error) => {
      console.error(`[test:integration] ${error instanceof Error ? error.message : error}`);
      return 1;
    });
  }
  const mochaOutput = readIfExists(runLog);
  writeFileSync(mochaLog, mochaOutput);
  if (existsSync(runMetrics)) cpSync(runMetrics, metricsJson);
  if (mochaOutput) {
    console.log('----- mocha output (extension host) -----');
    console.log(mochaOutput.trimEnd());
    console.log('-----------------------------------------');
  } else {
    console.error(`[test:integration] no mocha output in ${mochaLog}: the suite did not run (see test-results/integration-server.log)`);
    if (code === 0) code = 1;
  }
  rmSync(scratch, { recursive: true, force: true });
  console.log(`[test:integration] extension host exit code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(code);
}

main().catch((error) => fail(error instanceof Error ? error.stack : String(error)));
