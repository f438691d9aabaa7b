import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { UserTerm } from './engines';

/** Static data and user terms the recognisers read. Modules parse and cache their own files per dataDir. */
export interface Resources {
  /** Folder holding the bundled data files (data/ of the extension). */
  dataDir: string;
  /** Terms from the workspace dictionary (.policy-annotator/dictionary.tsv), already validated. */
  userTerms: readonly UserTerm[];
  /** Canonical texts the user chose to ignore (.policy-annotator/ignore.txt). */
  ignored?: ReadonlySet<string>;
}

/**
 * Finds the bundled data folder by walking up from `from` (dist/, out/test/unit/, src/core/…)
 * until a folder with data/policy-glossary.tsv appears.
 */
export function findDataDir(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'data');
    if (existsSync(join(candidate, 'policy-glossary.tsv'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`data folder (data/policy-glossary.tsv) not found above ${from}`);
}
