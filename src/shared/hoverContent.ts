/**
 * Hover Markdown for an entity, built from an analysis and the entity forms the server sent. Shared
 * by the client's hover provider (which answers from its mirror of the server's analyses, without a
 * round trip) and the server's LSP hover (for other LSP clients). Pure: no vscode, no nodejieba, no
 * pinyin tables. Everything a hover needs is indexed once per analysis (on the first hover), so a
 * hover is a binary search plus a few map look-ups, never a scan of all entities or events.
 */
import type { ArticleAnalysis, Entity, EntityType, EventFrame } from '../core/types';

/** Localised parts of a hover (the command link titles). */
export interface HoverLabels {
  showMentions: string;
  addToDictionary: string;
  ignore: string;
  moreEvents(count: number): string;
}

/** The traditional and pinyin forms of an entity ('' when not known). */
export interface HoverForms {
  traditional: string;
  pinyin: string;
}

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
  private readonly sorted: readonly Entity[];
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
    // The server sends entities sorted: copy and sort only if they are not.
    const list = analysis.entities;
    const isSorted = list.every((e, i) => i === 0 || list[i - 1].start < e.start || (list[i - 1].start === e.start && list[i - 1].end <= e.end));
    this.sorted = isSorted ? list : [...list].sort((a, b) => a.start - b.start || a.end - b.end);
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


/** Events the entity takes part in: as participant, place, object, or mentioned in the sentence. */
export function eventsOf(analysis: ArticleAnalysis, entity: Entity): EventFrame[] {
  return hoverIndex(analysis).eventsOf(entity);
}

/** The hover of `entity` (cached per entity and `cacheKey`: uri, locale). */
export function hoverMarkdown(uri: string, index: HoverIndex, entity: Entity, forms: HoverForms, labels: HoverLabels, cacheKey = uri): string {
  const cached = index.markdown.get(entity);
  if (cached?.key === cacheKey) return cached.value;
  const value = buildMarkdown(uri, index, entity, forms, labels);
  index.markdown.set(entity, { key: cacheKey, value });
  return value;
}

function buildMarkdown(uri: string, index: HoverIndex, entity: Entity, forms: HoverForms, labels: HoverLabels): string {
  const traditional = forms.traditional || entity.canonical;
  const lines: string[] = [];
  const title = traditional !== entity.canonical ? `${md(entity.canonical)} / ${md(traditional)}` : md(entity.canonical);
  lines.push(`**${title}** — ${TYPE_LABEL[entity.type]}`);
  lines.push('');
  if (entity.type !== 'date') {
    const py = forms.pinyin;
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
  // A headline restating the body's event reads the same: one line for both.
  const eventLines = [...new Set(index.eventsOf(entity).map((ev) => `- ${ev.type}: ${md(ev.summary || ev.trigger.text)}${md(ev.date ? ` (${ev.date})` : '')}`))];
  if (eventLines.length) {
    lines.push('');
    lines.push('事件 Events:');
    lines.push(...eventLines.slice(0, 8));
    if (eventLines.length > 8) lines.push(`- ${labels.moreEvents(eventLines.length - 8)}`);
  }
  lines.push('');
  lines.push(
    [
      commandLink(labels.showMentions, 'policyAnnotator.showMentions', [uri, entity.canonical]),
      commandLink(labels.addToDictionary, 'policyAnnotator.addToDictionary', [entity.canonical, entity.type]),
      commandLink(labels.ignore, 'policyAnnotator.ignoreEntity', [entity.canonical]),
    ].join(' · '),
  );
  return lines.join('\n');
}
