/**
 * "Was this file really UTF-8?" Pure (no vscode import): VS Code decodes a GBK or Big5 file as
 * UTF-8 and turns every invalid byte sequence into U+FFFD, so a text dense in U+FFFD was almost
 * certainly saved in a legacy Chinese encoding.
 */

/** Characters examined: enough to decide, cheap on a multi-MB document. */
export const ENCODING_SAMPLE_LENGTH = 20_000;
/** At least this many replacement characters… */
const MIN_REPLACEMENTS = 4;
/** …making up at least this share of the non-space characters. */
const MIN_REPLACEMENT_SHARE = 0.05;

/** Number of U+FFFD and of non-whitespace characters in `text`. */
export function replacementStats(text: string): { replacements: number; characters: number } {
  let replacements = 0;
  let characters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) replacements++;
    if (c > 0x20) characters++;
  }
  return { replacements, characters };
}

/** True when `text` looks like bytes of another encoding decoded as UTF-8. */
export function looksMisdecoded(text: string): boolean {
  const { replacements, characters } = replacementStats(text);
  return replacements >= MIN_REPLACEMENTS && replacements / Math.max(1, characters) >= MIN_REPLACEMENT_SHARE;
}

/**
 * The legacy Chinese encoding of `bytes` (VS Code encoding id and label), or undefined when they
 * do not decode strictly into mostly Han text. Big5 bytes are nearly always valid GBK too (as rare
 * characters), so GBK is chosen only when the two-byte pairs stay in the GB 2312 block that
 * holds every common Simplified character; otherwise Big5 (Taiwan, Hong Kong), then GB 18030.
 */
export function guessChineseEncoding(bytes: Uint8Array): { encoding: string; label: string } | undefined {
  const cut = bytes.length > ENCODING_SAMPLE_LENGTH * 2;
  const sample = bytes.subarray(0, ENCODING_SAMPLE_LENGTH * 2);
  const decodes = (decoder: string) => {
    const text = decodeStrict(decoder, sample) ?? (cut ? decodeStrict(decoder, sample.subarray(0, sample.length - 1)) : undefined);
    return text !== undefined && hanShare(text) >= 0.3;
  };
  if (gb2312PairShare(sample) >= 0.9 && decodes('gbk')) return { encoding: 'gbk', label: 'GBK' };
  if (decodes('big5')) return { encoding: 'big5hkscs', label: 'Big5' };
  if (decodes('gb18030')) return { encoding: 'gb18030', label: 'GB 18030' };
  return undefined;
}

/** Share of two-byte sequences whose bytes both lie in 0xA1–0xFE (the GB 2312 block of GBK). */
function gb2312PairShare(bytes: Uint8Array): number {
  let pairs = 0;
  let inBlock = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    if (i + 1 >= bytes.length) break;
    pairs++;
    if (bytes[i] >= 0xa1 && bytes[i] <= 0xf7 && bytes[i + 1] >= 0xa1 && bytes[i + 1] <= 0xfe) inBlock++;
    i += 2;
  }
  return pairs === 0 ? 0 : inBlock / pairs;
}

/** `bytes` decoded, or undefined when invalid in that encoding (or the runtime lacks the decoder). */
function decodeStrict(decoder: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(decoder, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function hanShare(text: string): number {
  let han = 0;
  let counted = 0;
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    counted++;
    if (/\p{Script=Han}/u.test(ch)) han++;
  }
  return counted === 0 ? 0 : han / counted;
}
