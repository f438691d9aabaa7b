#!/usr/bin/env node
// `npm start` (after `npm run build`): opens the seeds in an editor with the extension loaded from
// source. With VS Code desktop (`code` on PATH): an Extension Development Host. Otherwise: the
// VS Code server from .vscode-server/ (set up on first use) on 127.0.0.1, printing the URL to open;
// stays in the foreground until Ctrl+C.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const seeds = join(root, 'seeds');

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (!existsSync(join(root, 'dist', 'extension.js'))) {
    console.error('[start] dist/extension.js is missing: run "npm run build" (npm start does it for you)');
    process.exit(1);
  }
  if (onPath('code') && process.env.POLICY_ANNOTATOR_USE_SERVER !== '1') {
    console.log(`[start] code --extensionDevelopmentPath=${root} ${seeds}`);
    const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${root}`, seeds], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  const { setupVscodeServer } = await import('./setup-vscode-server.mjs');
  setupVscodeServer();
  const { makeServerDirs, startVscodeServer, workbenchUrl, remoteUri } = await import('../test/harness/vscodeServer.mjs');
  // A persistent profile inside the clone (git-ignored), so settings survive restarts.
  const dirs = makeServerDirs('zhp-start-', { 'editor.wordWrap': 'on' }, join(root, '.vscode-server', 'profile'));
  const port = Number(process.env.PORT || 8080);
  const server = await startVscodeServer({ dirs, port, logName: 'start-server', echo: false });
  const url = workbenchUrl(server.port, {
    folder: seeds,
    payload: [['extensionDevelopmentPath', remoteUri(server.port, root)]],
  });
  console.log('');
  console.log('[start] VS Code (web) with Chinese Policy Annotator loaded from source:');
  console.log(`        ${url}`);
  console.log(`[start] server log: ${server.logFile}; press Ctrl+C to stop.`);
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.child.on('exit', (code) => {
    if (stopping) return;
    console.error(`[start] VS Code server exited (${code}); see ${server.logFile}`);
    process.exit(code ?? 1);
  });
}

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
