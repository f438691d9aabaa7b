import * as fs from 'fs';
import * as path from 'path';

/** The repository: given by the runner, else four levels above out/test/integration/suite/. */
export const repoRoot = process.env.POLICY_ANNOTATOR_REPO ?? path.resolve(__dirname, '..', '..', '..', '..');
export const resultsDir = process.env.POLICY_ANNOTATOR_TEST_RESULTS ?? path.join(repoRoot, 'test-results');
/** The runner passes a per-run path (copied to test-results/ afterwards) so parallel runs do not mix. */
export const metricsFile = process.env.POLICY_ANNOTATOR_TEST_METRICS ?? path.join(resultsDir, 'integration-metrics.json');
export const goldDir = path.resolve(repoRoot, '..', 'shared', 'gold', 'seeds');

/** Merges `values` into test-results/integration-metrics.json (each test file is its own bundle). */
export function recordMetrics(values: Record<string, unknown>): void {
  fs.mkdirSync(resultsDir, { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(fs.readFileSync(metricsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    current = {};
  }
  fs.writeFileSync(metricsFile, JSON.stringify({ ...current, ...values }, null, 2) + '\n');
}
