import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CharTrie, secondStepBit } from '../../src/core/entities/charTrie';
import { loadNerData } from '../../src/core/entities/nerData';
import { titleEndingAt, titleStartingAt } from '../../src/core/entities/persons';
import { findDataDir } from '../../src/core/resources';

const dataDir = findDataDir(__dirname);

test('CharTrie agrees with a Set on the title list and finds longest matches in running text', () => {
  const data = loadNerData(dataDir);
  const titles = [...data.lexicon.titles];
  const trie = CharTrie.of(titles);
  for (const t of titles) assert.ok(trie.has(t), t);
  assert.equal(trie.size, new Set(titles).size);
  // A title with its last character cut off is only present when it is itself a title.
  for (const t of titles.filter((x) => x.length > 2)) assert.equal(trie.has(t.slice(0, -1)), data.lexicon.titles.has(t.slice(0, -1)), t);
  const text = '上海市普陀区委副书记、区长肖文高出席会议';
  // 区长 ends right before 肖文高; 副书记 (or 书记) before 、.
  assert.equal(text.slice(text.indexOf('肖') - titleEndingAt(text, text.indexOf('肖'), data), text.indexOf('肖')), '区长');
  assert.ok(titleEndingAt(text, text.indexOf('、'), data) >= 2);
  assert.equal(titleStartingAt(text, text.indexOf('区长'), data), 2);
  assert.equal(titleStartingAt(text, text.indexOf('出席'), data), 0);
});

test('CharTrie flags combine per word and grow past the initial capacity', () => {
  const trie = new CharTrie(4);
  const words = Array.from({ length: 3000 }, (_, i) => '词' + String.fromCharCode(0x4e00 + i) + String.fromCharCode(0x4e00 + ((i * 7) % 500)));
  words.forEach((w, i) => trie.add(w, 1 << (i % 3)));
  trie.add(words[0], 8);
  assert.equal(trie.get(words[0]), 1 | 8);
  assert.equal(trie.get(words[2999]), 1 << (2999 % 3));
  assert.equal(trie.get('词'), 0);
  assert.equal(trie.longestAt('这是' + words[5] + '了', 2), 3);
  assert.equal(trie.flagsAt('xx' + words[7], 2, 5), trie.get(words[7]));
});

test('CharTrie.compact shrinks an oversized table without losing words, and words added afterwards are found', () => {
  const trie = new CharTrie(100_000); // sized from an upper bound, as buildDict does from the file length
  const words = ['上海市', '上海', '普陀区', '长三角', '长江经济带', '国家发展改革委'];
  words.forEach((w, i) => trie.add(w, 1 << i));
  const before = words.map((w) => trie.get(w));
  assert.equal(trie.compact(), trie);
  assert.deepEqual(words.map((w) => trie.get(w)), before);
  assert.equal(trie.get('上海市普'), 0);
  assert.equal(trie.longestAt('在上海市普陀区', 1), 3);
  // Growing again after compaction: many new words, old and new all present.
  const more = Array.from({ length: 5000 }, (_, i) => '新' + String.fromCharCode(0x4e00 + i));
  more.forEach((w) => trie.add(w, 64));
  assert.deepEqual(words.map((w) => trie.get(w)), before);
  assert.ok(more.every((w) => trie.get(w) === 64));
  assert.equal(trie.size, words.length + more.length);
});

test('CharTrie.secondStepFilter holds every second step of the lexicon and rules out most pairs of running text', () => {
  const dict = loadNerData(dataDir).lexicon.dict;
  const filter = dict.secondStepFilter();
  const isSet = (node: number, code: number) => {
    const bit = secondStepBit(node, code);
    return (filter[bit >>> 5] & (1 << (bit & 31))) !== 0;
  };
  // Every pair of a root child and a code unit that has a child in the trie: a clear bit there would lose matches.
  const { slots } = dict.tables();
  const rootChildren = new Set<number>();
  for (let o = 0; o < slots.length; o += 3) if (slots[o] === 0) rootChildren.add(slots[o + 2]);
  let steps = 0;
  for (let o = 0; o < slots.length; o += 3) {
    if (!rootChildren.has(slots[o])) continue;
    steps++;
    assert.ok(isSet(slots[o], slots[o + 1]), `second step ${slots[o]}/${slots[o + 1]} missing`);
  }
  assert.ok(steps > 10_000, `only ${steps} second steps`);
  // On real text most first characters of the lexicon are not followed by a second: the filter says so.
  const text = '国务院总理李强在北京人民大会堂会见来华进行正式访问的巴西总统卢拉，双方就深化中巴全面战略伙伴关系交换意见。会议强调，要坚持稳中求进工作总基调。';
  let tried = 0, ruledOut = 0, wrong = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const first = dict.next(0, text.charCodeAt(i));
    if (first < 0) continue;
    tried++;
    const hasChild = dict.next(first, text.charCodeAt(i + 1)) >= 0;
    if (!isSet(first, text.charCodeAt(i + 1))) {
      ruledOut++;
      if (hasChild) wrong++;
    }
  }
  assert.equal(wrong, 0);
  assert.ok(ruledOut > tried / 3, `ruled out ${ruledOut} of ${tried}`);
  // Words added later are walked through the filter too: it is rebuilt.
  const trie = CharTrie.of(['上海']);
  trie.secondStepFilter();
  trie.add('北京');
  const bj = trie.next(0, '北'.charCodeAt(0));
  const bit = secondStepBit(bj, '京'.charCodeAt(0));
  assert.ok(trie.secondStepFilter()[bit >>> 5] & (1 << (bit & 31)));
});
