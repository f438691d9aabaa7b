/** Reading CLI inputs: one clear reason per unusable file; inputs are only ever read. */
import { readUtf8File } from '../core/dictionaries';

export type InputRead = { path: string; text: string } | { path: string; error: string };

export function readInput(path: string): InputRead {
  const read = readUtf8File(path, { allowEmpty: true });
  return 'error' in read ? { path, error: read.error } : { path, text: read.text };
}
