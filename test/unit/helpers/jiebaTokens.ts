import type { Token } from '../../../src/core/engines';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const jieba = require('nodejieba') as { tag(text: string): Array<{ word: string; tag: string }> };

/** Raw nodejieba.tag words with their offsets in `text` (what the recogniser's rules read). */
export function jiebaTokens(text: string): Token[] {
  let off = 0;
  return jieba.tag(text).map(({ word, tag }) => {
    const start = text.indexOf(word, off);
    off = start + word.length;
    return { word, tag, start, end: off };
  });
}
