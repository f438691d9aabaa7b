/**
 * Finds and loads the native build of the character tagger's inner loop (native/tagger, built by
 * scripts/build-native-tagger.mjs at install time). Optional: without it, or when it fails to
 * load or to agree with the JavaScript tagger, recognition runs the same loop in JavaScript (the
 * same results, about 1.7x slower) and the reason is kept for the status line and the CLI.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NativeTaggerBinding } from './charTagger';

/** Set POLICY_ANNOTATOR_NATIVE_TAGGER=0 to tag in JavaScript (comparisons, bisecting a difference). */
export const NATIVE_TAGGER_ENV = 'POLICY_ANNOTATOR_NATIVE_TAGGER';

/** The feature layout and functions the addon implements; bumped with every change to the features, decoding or calls (2: lexiconMatches; 3: its second-step filter). */
export const NATIVE_TAGGER_VERSION = 3;

export type NativeTaggerLoad = { binding: NativeTaggerBinding; problem?: undefined } | { binding: null; problem: string };

/** Where the addon is for a data folder: beside it, in the repository and in the packaged extension alike. */
export function nativeTaggerPath(dataDir: string): string {
  return join(dataDir, '..', 'native', 'tagger', 'build', 'Release', 'policy_tagger.node');
}

export function loadNativeTagger(dataDir: string, env: NodeJS.ProcessEnv = process.env): NativeTaggerLoad {
  if (env[NATIVE_TAGGER_ENV] === '0') return { binding: null, problem: `turned off (${NATIVE_TAGGER_ENV}=0)` };
  const file = nativeTaggerPath(dataDir);
  if (!existsSync(file)) return { binding: null, problem: `not built (${file} is missing; run "npm run rebuild:native")` };
  try {
    // dlopen instead of require: the bundles must not try to resolve or inline a binary.
    const mod = { exports: {} as { tag?: unknown; lexiconMatches?: unknown; version?: unknown } };
    process.dlopen(mod, file);
    if (typeof mod.exports.tag !== 'function' || typeof mod.exports.lexiconMatches !== 'function') return { binding: null, problem: `${file} lacks the tag or lexiconMatches function (run "npm run rebuild:native")` };
    if (mod.exports.version !== NATIVE_TAGGER_VERSION) {
      return { binding: null, problem: `${file} is version ${String(mod.exports.version)}, the code expects ${NATIVE_TAGGER_VERSION} (run "npm run rebuild:native")` };
    }
    return { binding: mod.exports as NativeTaggerBinding };
  } catch (err) {
    return { binding: null, problem: `${file} failed to load: ${(err as Error).message}` };
  }
}
