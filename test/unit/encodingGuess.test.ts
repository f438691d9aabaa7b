import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guessChineseEncoding, looksMisdecoded } from '../../src/client/encodingGuess';

const seedsDir = join(__dirname, '..', '..', '..', 'seeds');
const seeds = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(seedsDir, f)));

test('no seed (UTF-8, some with mojibake remnants) looks misdecoded, and none is guessed as a legacy encoding', () => {
  assert.ok(seeds.length >= 5);
  for (const bytes of seeds) {
    assert.equal(looksMisdecoded(new TextDecoder().decode(bytes)), false);
    assert.equal(guessChineseEncoding(bytes), undefined);
  }
});

test('GBK bytes of a real sentence decoded as UTF-8 look misdecoded, and GBK is guessed', () => {
  // 国务院总理李强在北京主持召开国务院常务会议 in GBK.
  const gbk = Buffer.from('b9facef1d4bad7dcc0edc0eec7bfd4dab1b1bea9d6f7b3d6d5d9bfaab9facef1d4bab3a3cef1bbe1d2e9', 'hex');
  assert.equal(new TextDecoder('gbk').decode(gbk), '国务院总理李强在北京主持召开国务院常务会议');
  assert.equal(looksMisdecoded(new TextDecoder().decode(gbk)), true);
  assert.equal(guessChineseEncoding(gbk)?.encoding, 'gbk');
});

test('Big5 bytes of Traditional text are guessed as Big5, although they are also valid GBK', () => {
  // 國務院總理李強在北京主持召開國務院常務會議 in Big5.
  const big5 = Buffer.from('b0eab0c8b07cc160b27aa7f5b16aa662a55fa8caa544abf9a56cb67db0eab0c8b07cb160b0c8b77cc4b3', 'hex');
  const decoded = new TextDecoder('big5').decode(big5);
  assert.equal(decoded, '國務院總理李強在北京主持召開國務院常務會議');
  assert.equal(looksMisdecoded(new TextDecoder().decode(big5)), true);
  assert.equal(guessChineseEncoding(big5)?.encoding, 'big5hkscs');
});

test('a few stray replacement characters in a long text are not enough', () => {
  const text = '国务院总理李强在北京主持召开国务院常务会议。'.repeat(20) + '\uFFFD\uFFFD\uFFFD\uFFFD';
  assert.equal(looksMisdecoded(text), false);
  assert.equal(looksMisdecoded(''), false);
});
