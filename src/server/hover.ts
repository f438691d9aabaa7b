/**
 * Hover Markdown for the entity under the cursor, built from the cached analysis. Everything a
 * hover needs is indexed once per analysis (on the first hover), so a hover is a binary search
 * plus a few map look-ups, never a scan of all entities or events.
 */
import { pinyin } from 'pinyin-pro';
import type { Converter } from '../core/engines';
import type { ArticleAnalysis, Entity, EntityType, EventFrame } from '../core/types';
import { currentLocale, t } from './messages';

const TYPE_LABEL: Record<EntityType, string> = {
  person: '人物 Person',
  position: '职务 Position',
  organization: '机构 Organization',
  place: '地点 Place',
  date: '日期 Date',
  document: '文件 Document',
  policy: '政策术语 Policy term',
};

/** Command URI with arguments encoded as a JSON array (what VS Code's Markdown command links expect). */
export function commandLink(title: string, command: string, args: unknown[]): string {
  return `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** Markdown-escapes text taken from the document. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

const sameKey = (type: EntityType, canonical: string) => `${type}\u0001${canonical}`;

/** Per-analysis look-up tables for hovers. */
export class HoverIndex {
  /** Entities sorted by start, and their starts for binary search. */
  private readonly sorted: Entity[];
  private readonly starts: Float64Array;
  /** Mentions of each (type, canonical), in document order. */
  private readonly mentionsByKey = new Map<string, Entity[]>();
  /** Positions a person holds anywhere in the article, per person canonical. */
  private readonly positionsByPerson = new Map<string, string[]>();
  /** Events naming a canonical as participant, place or object. */
  private readonly eventsByCanonical = new Map<string, EventFrame[]>();
  /** Events sorted by sentence start (for documents: the events of the sentence they are cited in). */
  private readonly eventsBySentence: EventFrame[];
  private readonly maxSentence: number;
  private readonly eventOrder = new Map<EventFrame, number>();
  /** Hover texts already built, per entity (with the uri and locale they were built for). */
  readonly markdown = new Map<Entity, { key: string; value: string }>();

  constructor(readonly analysis: ArticleAnalysis) {
    this.sorted = [...analysis.entities].sort((a, b) => a.start - b.start || a.end - b.end);
    this.starts = Float64Array.from(this.sorted, (e) => e.start);
    for (const e of this.sorted) {
      const key = sameKey(e.type, e.canonical);
      const list = this.mentionsByKey.get(key);
      if (list) list.push(e);
      else this.mentionsByKey.set(key, [e]);
      if (e.type === 'person' && e.positions?.length) {
        const held = this.positionsByPerson.get(e.canonical) ?? [];
        for (const p of e.positions) if (!held.includes(p)) held.push(p);
        this.positionsByPerson.set(e.canonical, held);
      }
    }
    for (const [i, ev] of analysis.events.entries()) {
      this.eventOrder.set(ev, i);
      const names = new Set<string>(ev.participants.map((p) => p.text));
      if (ev.place) names.add(ev.place);
      if (ev.object) names.add(ev.object);
      for (const n of names) {
        const list = this.eventsByCanonical.get(n);
        if (list) list.push(ev);
        else this.eventsByCanonical.set(n, [ev]);
      }
    }
    this.eventsBySentence = [...analysis.events].sort((a, b) => a.sentence.start - b.sentence.start);
    this.maxSentence = this.eventsBySentence.reduce((m, ev) => Math.max(m, ev.sentence.end - ev.sentence.start), 0);
  }

  /** The entity covering `offset` (entities do not overlap). */
  entityAt(offset: number): Entity | undefined {
    // Last entity starting at or before offset.
    let lo = 0, hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const e = this.sorted[lo - 1];
    return e && offset < e.end ? e : undefined;
  }

  mentions(entity: Entity): readonly Entity[] {
    return this.mentionsByKey.get(sameKey(entity.type, entity.canonical)) ?? [];
  }

  positionsOf(person: string): readonly string[] {
    return this.positionsByPerson.get(person) ?? [];
  }

  /** Events the entity takes part in: as participant, place, object, or (a document) cited in the sentence. */
  eventsOf(entity: Entity): EventFrame[] {
    const named = this.eventsByCanonical.get(entity.canonical) ?? [];
    if (entity.type !== 'document') return named;
    const inSentence: EventFrame[] = [];
    // A sentence containing the entity starts at most maxSentence before its end.
    let lo = 0, hi = this.eventsBySentence.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.eventsBySentence[mid].sentence.start <= entity.start) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && this.eventsBySentence[k].sentence.start >= entity.end - this.maxSentence; k--) {
      const ev = this.eventsBySentence[k];
      if (entity.end <= ev.sentence.end) inSentence.push(ev);
    }
    if (!inSentence.length) return named;
    // Keep the article's order, without duplicates.
    return [...new Set([...named, ...inSentence])].sort((a, b) => this.eventOrder.get(a)! - this.eventOrder.get(b)!);
  }
}

const indexes = new WeakMap<ArticleAnalysis, HoverIndex>();

/** The hover index of an analysis, built on first use and kept as long as the analysis is. */
export function hoverIndex(analysis: ArticleAnalysis): HoverIndex {
  let index = indexes.get(analysis);
  if (!index) {
    index = new HoverIndex(analysis);
    indexes.set(analysis, index);
  }
  return index;
}

export function entityAt(analysis: ArticleAnalysis, offset: number): Entity | undefined {
  return hoverIndex(analysis).entityAt(offset);
}

/** Events the entity takes part in: as participant, place, object, or mentioned in the sentence. */
export function eventsOf(analysis: ArticleAnalysis, entity: Entity): EventFrame[] {
  return hoverIndex(analysis).eventsOf(entity);
}

/** Pinyin and traditional forms per canonical: pinyin-pro and opencc are slow-ish and names recur. */
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

function pinyinOf(canonical: string, type: EntityType): string {
  // Surname readings differ from the common ones (肖 xiāo, not xiào; 单 shàn): read person names as names.
  const asName = type === 'person';
  return memo(pinyinForms, `${asName ? 'n' : 'w'}${canonical}`, () =>
    pinyin(canonical, { toneType: 'symbol', nonZh: 'consecutive', surname: asName ? 'head' : 'off' }),
  );
}

function traditionalOf(canonical: string, converter: Converter): string {
  return memo(traditionalForms, canonical, () => {
    try {
      return converter.toTraditional(canonical, 't').text;
    } catch {
      return canonical; // converter problems must not break the hover
    }
  });
}

/** Builds pinyin-pro's and opencc's tables now, so the first hover does not pay for them. */
export function warmUpHover(converter: Converter): void {
  try {
    pinyin('国务院总理李强在北京会见', { toneType: 'symbol', nonZh: 'consecutive', surname: 'head' });
    pinyin('长三角一体化发展', { toneType: 'symbol', nonZh: 'consecutive', surname: 'off' });
    converter.toTraditional('长三角一体化发展规划纲要', 't');
  } catch {
    /* a broken converter shows up (and is handled) on the first hover */
  }
}

export function hoverMarkdown(uri: string, analysis: ArticleAnalysis, entity: Entity, converter: Converter): string {
  const index = hoverIndex(analysis);
  const key = `${uri}\u0001${currentLocale()}`;
  const cached = index.markdown.get(entity);
  if (cached?.key === key) return cached.value;
  const value = buildMarkdown(uri, index, entity, converter);
  index.markdown.set(entity, { key, value });
  return value;
}

function buildMarkdown(uri: string, index: HoverIndex, entity: Entity, converter: Converter): string {
  const traditional = traditionalOf(entity.canonical, converter);
  const lines: string[] = [];
  const forms = traditional !== entity.canonical ? `${md(entity.canonical)} / ${md(traditional)}` : md(entity.canonical);
  lines.push(`**${forms}** — ${TYPE_LABEL[entity.type]}`);
  lines.push('');
  if (entity.type !== 'date') {
    const py = pinyinOf(entity.canonical, entity.type);
    if (py && py !== entity.canonical) lines.push(`拼音 Pinyin: *${md(py)}*  `);
  }
  switch (entity.type) {
    case 'person': {
      const positions = index.positionsOf(entity.canonical);
      if (positions.length) lines.push(`职务 Positions: ${positions.map(md).join('、')}  `);
      break;
    }
    case 'position':
      if (entity.person) lines.push(`任职者 Held by: ${md(entity.person)}  `);
      break;
    case 'organization':
      if (entity.orgKind) lines.push(`类别 Kind: ${md(entity.orgKind)}  `);
      break;
    case 'place':
      if (entity.chain?.length) lines.push(`行政区划 Division: ${entity.chain.map(md).join(' → ')}  `);
      if (entity.code) lines.push(`代码 Code: \`${entity.code}\`  `);
      if (entity.placeKind) lines.push(`类别 Kind: ${md(entity.placeKind)}  `);
      break;
    case 'date':
      if (entity.iso) lines.push(`ISO: \`${entity.iso}\`  `);
      break;
    case 'document':
      if (entity.issuer) lines.push(`发文机关 Issuer: ${md(entity.issuer)}  `);
      break;
  }
  // Glosses come from the policy glossary and from the workspace dictionary, for any type.
  if (entity.gloss) lines.push(`释义 Gloss: ${md(entity.gloss)}  `);
  lines.push(`本文出现 Mentions: ${index.mentions(entity).length}  `);
  const events = index.eventsOf(entity);
  if (events.length) {
    lines.push('');
    lines.push('事件 Events:');
    for (const ev of events.slice(0, 8)) {
      const when = ev.date ? ` (${ev.date})` : '';
      lines.push(`- ${ev.type}: ${md(ev.summary || ev.trigger.text)}${md(when)}`);
    }
    if (events.length > 8) lines.push(`- ${t('hover.moreEvents', [events.length - 8])}`);
  }
  lines.push('');
  lines.push(
    [
      commandLink(t('hover.showMentions'), 'policyAnnotator.showMentions', [uri, entity.canonical]),
      commandLink(t('hover.addToDictionary'), 'policyAnnotator.addToDictionary', [entity.canonical, entity.type]),
      commandLink(t('hover.ignore'), 'policyAnnotator.ignoreEntity', [entity.canonical]),
    ].join(' · '),
  );
  return lines.join('\n');
}
