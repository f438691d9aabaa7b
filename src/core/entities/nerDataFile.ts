/** Reading the small data/ner/*.txt|tsv lists the rules use: once per data folder, comments skipped. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Lines of data/ner/<name> that are neither blank nor comments (#…); none when the file is absent. */
export function nerDataLines(dataDir: string, name: string): string[] {
  const path = join(dataDir, 'ner', name);
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.trimStart().startsWith('#'));
}

/** `parse` run once per data folder (rules call their loaders for every paragraph). */
export function perDataDir<T>(parse: (dataDir: string) => T): (dataDir: string) => T {
  const cache = new Map<string, T>();
  return (dataDir) => {
    let value = cache.get(dataDir);
    if (value === undefined) cache.set(dataDir, (value = parse(dataDir)));
    return value;
  };
}
