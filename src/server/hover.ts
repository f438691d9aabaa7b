/** Hover Markdown for the entity under the cursor, built from the cached analysis. */
import { pinyin } from 'pinyin-pro';
import type { Converter } from '../core/engines';
import type { ArticleAnalysis, Entity, EntityType, EventFrame } from '../core/types';

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

export function entityAt(analysis: ArticleAnalysis, offset: number): Entity | undefined {
  return analysis.entities.find((e) => e.start <= offset && offset < e.end);
}

/** Events the entity takes part in: as participant, place, object, or mentioned in the sentence. */
export function eventsOf(analysis: ArticleAnalysis, entity: Entity): EventFrame[] {
  const c = entity.canonical;
  return analysis.events.filter(
    (ev) =>
      ev.participants.some((p) => p.text === c) ||
      ev.place === c ||
      ev.object === c ||
      (entity.type === 'document' && ev.sentence.start <= entity.start && entity.end <= ev.sentence.end),
  );
}

export function hoverMarkdown(uri: string, analysis: ArticleAnalysis, entity: Entity, converter: Converter): string {
  const same = analysis.entities.filter((e) => e.type === entity.type && e.canonical === entity.canonical);
  let traditional = entity.canonical;
  try {
    traditional = converter.toTraditional(entity.canonical, 't').text;
  } catch {
    /* converter problems must not break the hover */
  }
  const lines: string[] = [];
  const forms = traditional !== entity.canonical ? `${md(entity.canonical)} / ${md(traditional)}` : md(entity.canonical);
  lines.push(`**${forms}** — ${TYPE_LABEL[entity.type]}`);
  lines.push('');
  if (entity.type !== 'date') {
    // Surname readings differ from the common ones (肖 xiāo, not xiào; 单 shàn): read person names as names.
    const py = pinyin(entity.canonical, { toneType: 'symbol', nonZh: 'consecutive', surname: entity.type === 'person' ? 'head' : 'off' });
    if (py && py !== entity.canonical) lines.push(`拼音 Pinyin: *${md(py)}*  `);
  }
  switch (entity.type) {
    case 'person': {
      const positions = new Set<string>(same.flatMap((e) => e.positions ?? []));
      if (positions.size) lines.push(`职务 Positions: ${[...positions].map(md).join('、')}  `);
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
    case 'policy':
      if (entity.gloss) lines.push(`释义 Gloss: ${md(entity.gloss)}  `);
      break;
  }
  lines.push(`本文出现 Mentions: ${same.length}  `);
  const events = eventsOf(analysis, entity);
  if (events.length) {
    lines.push('');
    lines.push('事件 Events:');
    for (const ev of events.slice(0, 8)) {
      const when = ev.date ? ` (${ev.date})` : '';
      lines.push(`- ${ev.type}: ${md(ev.summary || ev.trigger.text)}${md(when)}`);
    }
    if (events.length > 8) lines.push(`- … ${events.length - 8} more`);
  }
  lines.push('');
  lines.push(
    [
      commandLink('Show All Mentions', 'policyAnnotator.showMentions', [uri, entity.canonical]),
      commandLink('Add to Dictionary', 'policyAnnotator.addToDictionary', [entity.canonical, entity.type]),
      commandLink('Ignore', 'policyAnnotator.ignoreEntity', [entity.canonical]),
    ].join(' · '),
  );
  return lines.join('\n');
}
