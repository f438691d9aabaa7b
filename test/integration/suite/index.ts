/**
 * Extension-test entry: VS Code's extension host calls `run()` (desktop via @vscode/test-electron,
 * or the VS Code server opened in Chromium). Runs mocha over the bundled *.test.js beside this file
 * and tees the reporter output to a log file that the runner prints into the CI log, because the
 * extension host's stdout is not visible when it runs inside the VS Code server.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as util from 'util';
import { repoRoot, resultsDir, metricsFile } from '../helpers/paths';

/** Suites run in this order: later files change workspace state (dictionary, ignore list). */
const ORDER = ['activation', 'analysis', 'decorations', 'views', 'editing', 'commands'];

function rank(file: string): number {
  const i = ORDER.indexOf(file.replace(/\.test\.js$/, ''));
  return i < 0 ? ORDER.length : i;
}

export function run(): Promise<void> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const logFile = process.env.POLICY_ANNOTATOR_TEST_LOG ?? path.join(resultsDir, 'integration-mocha.log');
  fs.writeFileSync(logFile, '');
  fs.rmSync(metricsFile, { force: true });

  // mocha is loaded from the repo's node_modules at run time (its reporters and file loading use dynamic requires).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Mocha = require(path.join(repoRoot, 'node_modules', 'mocha')) as typeof import('mocha');
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const originalLog = base.consoleLog ?? console.log;
  base.consoleLog = (...args: unknown[]) => {
    fs.appendFileSync(logFile, util.format(...args) + '\n');
    originalLog(...args);
  };

  // POLICY_ANNOTATOR_TEST_GREP runs a subset while developing (e.g. "perf"); CI runs everything.
  const grep = process.env.POLICY_ANNOTATOR_TEST_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        base.consoleLog = originalLog;
        fs.appendFileSync(logFile, `\n${runner.stats?.passes ?? 0} passing, ${failures} failing, ${runner.stats?.pending ?? 0} pending\n`);
        if (failures > 0) reject(new Error(`${failures} integration tests failed`));
        else if ((runner.stats?.pending ?? 0) > 0) reject(new Error('integration tests must not be skipped'));
        else resolve();
      });
    } catch (err) {
      fs.appendFileSync(logFile, `mocha could not run: ${err instanceof Error ? err.stack : String(err)}\n`);
      reject(err);
    }
  });
}
