/** Cheap "is this mostly Chinese?" test for auto-detection (pure, no vscode). */

/** Share of Han characters among the non-space, non-punctuation characters of `head` (0 when empty). */
export function hanRatio(head: string): number {
  let han = 0;
  let counted = 0;
  for (const ch of head) {
    if (/[\s\p{P}\p{S}\d]/u.test(ch)) continue;
    counted++;
    if (/\p{Script=Han}/u.test(ch)) han++;
  }
  return counted === 0 ? 0 : han / counted;
}

/** A parenthesised lower-case Latin syllable, as injected after characters by some sites. */
const PINYIN_GLOSS = /[(\uFF08][a-z\u00E0-\u01DC\u0300-\u036F]{1,8}[)\uFF09]/g;

/** True when the first `headLength` characters are at least `threshold` Han (and there are enough of them). */
export function looksChinese(text: string, headLength = 500, threshold = 0.6): boolean {
  // Parenthesised pinyin glosses (創(chuàng)新) are Latin letters but part of a Chinese text.
  const head = text.slice(0, headLength).replace(PINYIN_GLOSS, '');
  let hanCount = 0;
  for (const ch of head) if (/\p{Script=Han}/u.test(ch)) hanCount++;
  return hanCount >= 20 && hanRatio(head) >= threshold;
}
