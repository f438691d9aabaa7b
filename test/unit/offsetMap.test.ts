import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetMap, OffsetMapBuilder } from '../../src/core/offsetMap';

test('identity map round-trips every offset', () => {
  const m = OffsetMap.identity(5);
  for (let i = 0; i <= 5; i++) assert.equal(m.toDerived(i), i);
  assert.deepEqual(m.toOriginal(1, 4), { start: 1, end: 4 });
  assert.deepEqual(m.toOriginal(5, 5), { start: 5, end: 5 });
});

test('builder: removed text maps around the gap, toDerived lands after it', () => {
  // original "發(fā)展" -> derived "發展"
  const original = '發(fā)展';
  const b = new OffsetMapBuilder();
  b.push('發', 0, 1);
  b.push('展', 5, 6);
  const { text, map } = b.build(original.length);
  assert.equal(text, '發展');
  assert.deepEqual(map.toOriginal(0, 2), { start: 0, end: 6 });
  assert.deepEqual(map.toOriginal(1, 2), { start: 5, end: 6 });
  assert.equal(original.slice(map.starts[1], map.ends[1]), '展');
  assert.equal(map.toDerived(0), 0);
  assert.equal(map.toDerived(2), 1, 'an offset inside the removed gloss maps to the next unit');
  assert.equal(map.toDerived(6), 2);
});

test('builder: a length-changing replacement covers the whole source for every unit', () => {
  const b = new OffsetMapBuilder();
  b.push('隨身碟', 0, 2); // U盘
  b.push('和', 2, 3);
  const { text, map } = b.build(3);
  assert.equal(text, '隨身碟和');
  for (let i = 0; i < 3; i++) assert.deepEqual(map.toOriginal(i, i + 1), { start: 0, end: 2 });
  assert.deepEqual(map.toOriginal(3, 4), { start: 2, end: 3 });
  assert.equal(map.toDerived(1), 0);
  assert.equal(map.toDerived(2), 3);
});

test('compose maps a derived-of-derived span straight to the original', () => {
  // outer: "發(fā)展X" -> "發展X"; inner: "發展X" -> "发展X" (same length)
  const outer = new OffsetMap(Int32Array.from([0, 5, 6]), Int32Array.from([1, 6, 7]), 7);
  const inner = OffsetMap.identity(3);
  const c = outer.compose(inner);
  assert.deepEqual(Array.from(c.starts), [0, 5, 6]);
  assert.deepEqual(Array.from(c.ends), [1, 6, 7]);
  assert.deepEqual(c.toOriginal(0, 2), { start: 0, end: 6 });
  // inner with a length change: 2 units -> 3 units covering both
  const inner2 = new OffsetMap(Int32Array.from([0, 0, 0, 2]), Int32Array.from([2, 2, 2, 3]), 3);
  const c2 = outer.compose(inner2);
  assert.deepEqual(c2.toOriginal(1, 2), { start: 0, end: 6 });
  assert.deepEqual(c2.toOriginal(3, 4), { start: 6, end: 7 });
  assert.throws(() => outer.compose(OffsetMap.identity(4)), /expects 4 units/);
});

test('toOriginal rejects spans outside the derived text', () => {
  const m = OffsetMap.identity(2);
  assert.throws(() => m.toOriginal(0, 3), RangeError);
  assert.throws(() => m.toOriginal(2, 1), RangeError);
});
