/**
 * Traditional and pinyin forms of entities, computed on the server (which has the converter and
 * pinyin-pro) and sent along with the analysis, so the client's hovers need neither.
 */
import { pinyin } from 'pinyin-pro';
import type { Converter } from '../core/engines';
import type { Entity, EntityType } from '../core/types';
import { formsKey, type EntityForms } from '../shared/protocol';

/** Forms per canonical are memoised: pinyin-pro and opencc are slow-ish and names recur. */
const FORMS_LIMIT = 20000;
const pinyinForms = new Map<string, string>();
const traditionalForms = new Map<string, string>();

function memo(cache: Map<string, string>, key: string, compute: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = compute();
    if (cache.size >= FORMS_LIMIT) cache.clear();
    cache.set(key, v);
  }
  return v;
}

export function pinyinOf(canonical: string, type: EntityType): string {
  if (type === 'date') return '';
  // Surname readings differ from the common ones (肖 xiāo, not xiào; 单 shàn): read person names as names.
  const asName = type === 'person';
  return memo(pinyinForms, `${asName ? 'n' : 'w'}${canonical}`, () =>
    pinyin(canonical, { toneType: 'symbol', nonZh: 'consecutive', surname: asName ? 'head' : 'off' }),
  );
}

export function traditionalOf(canonical: string, converter: Converter): string {
  return memo(traditionalForms, canonical, () => {
    try {
      return converter.toTraditional(canonical, 't').text;
    } catch {
      return canonical; // converter problems must not break the hover
    }
  });
}

/** Forms of the entities whose key is not in `known` (which receives them). */
export function newForms(entities: readonly Entity[], converter: Converter, known: Set<string>): EntityForms | undefined {
  let out: EntityForms | undefined;
  for (const e of entities) {
    const key = formsKey(e.type, e.canonical);
    if (known.has(key)) continue;
    known.add(key);
    (out ??= {})[key] = [traditionalOf(e.canonical, converter), pinyinOf(e.canonical, e.type)];
  }
  return out;
}

/** Builds pinyin-pro's and opencc's tables now, so the first analysis does not pay for them. */
export function warmUpForms(converter: Converter): void {
  try {
    pinyin('国务院总理李强在北京会见', { toneType: 'symbol', nonZh: 'consecutive', surname: 'head' });
    pinyin('长三角一体化发展', { toneType: 'symbol', nonZh: 'consecutive', surname: 'off' });
    converter.toTraditional('长三角一体化发展规划纲要', 't');
  } catch {
    /* a broken converter shows up (and is handled) when forms are computed */
  }
}
