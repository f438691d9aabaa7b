// Bundles the extension client, the language server, the CLI and the unit tests with esbuild.
// `vscode` and `nodejieba` stay external: the first is provided by the editor, the second is a native addon.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateGazetteer } from './gen-gazetteer.mjs';
import { generateNerLexicon } from './gen-ner-lexicon.mjs';

const watch = process.argv.includes('--watch');
const root = new URL('..', import.meta.url).pathname;

await generateGazetteer(root);
generateNerLexicon(root);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['vscode', 'nodejieba'],
  logLevel: 'warning',
  absWorkingDir: root,
};

const testEntries = (dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f))
    : [];

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['src/client/textTools.ts'], outfile: 'dist/textTools.js' },
  { ...common, entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/worker.js' },
  { ...common, entryPoints: testEntries('test/unit'), outdir: 'out/test/unit' },
  { ...common, entryPoints: testEntries('test/integration/suite'), outdir: 'out/test/integration/suite' },
  { ...common, entryPoints: ['test/bench/bench.ts'], outfile: 'out/bench/bench.js' },
].filter((b) => (b.entryPoints ?? []).every((e) => existsSync(join(root, e))) && (b.entryPoints ?? []).length > 0);

if (watch) {
  for (const b of builds) (await esbuild.context(b)).watch();
  console.log('esbuild: watching');
} else {
  // Build every bundle even when one fails, so one broken entry point does not hide the others' errors.
  const results = await Promise.allSettled(builds.map((b) => esbuild.build(b)));
  const failed = results.filter((r) => r.status === 'rejected');
  console.log(`esbuild: built ${builds.filter((_, i) => results[i].status === 'fulfilled').map((b) => b.outfile ?? b.outdir).join(', ')}`);
  if (failed.length) {
    console.error(`esbuild: ${failed.length} bundle(s) failed`);
    process.exit(1);
  }
}
