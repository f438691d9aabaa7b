/**
 * The LSP hover, for LSP clients other than our extension (which answers hovers itself from its
 * mirror of the analyses): the same Markdown, from src/shared/hoverContent.ts.
 */
import type { Converter } from '../core/engines';
import type { ArticleAnalysis, Entity } from '../core/types';
import { hoverIndex, hoverMarkdown as sharedMarkdown, type HoverLabels } from '../shared/hoverContent';
import { pinyinOf, traditionalOf } from './entityForms';
import { currentLocale, t } from './messages';

export { HoverIndex } from '../shared/hoverContent';

export function entityAt(analysis: ArticleAnalysis, offset: number): Entity | undefined {
  return hoverIndex(analysis).entityAt(offset);
}

function labels(): HoverLabels {
  return {
    showMentions: t('hover.showMentions'),
    addToDictionary: t('hover.addToDictionary'),
    ignore: t('hover.ignore'),
    moreEvents: (n) => t('hover.moreEvents', [n]),
  };
}

export function hoverMarkdown(uri: string, analysis: ArticleAnalysis, entity: Entity, converter: Converter): string {
  const forms = { traditional: traditionalOf(entity.canonical, converter), pinyin: pinyinOf(entity.canonical, entity.type) };
  return sharedMarkdown(uri, hoverIndex(analysis), entity, forms, labels(), `${uri}\u0001${currentLocale()}`);
}
