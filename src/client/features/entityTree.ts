import * as vscode from 'vscode';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../core/types';
import type { Articles } from '../articles';
import { COMMANDS, LANGUAGE_ID, VIEWS } from '../constants';
import { entityIcon, entityTypeLabel } from '../labels';

export type EntityNode =
  | { kind: 'type'; uri: string; type: EntityType; entities: EntityNode[] }
  | { kind: 'entity'; uri: string; type: EntityType; canonical: string; mentions: Entity[] };

/** Entities view: the active article's entities grouped by type, each with its mention count. */
export class EntityTreeProvider implements vscode.TreeDataProvider<EntityNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EntityNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly articles: Articles) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** The article shown: the active editor's, if it is an analysed zh-policy document. */
  private currentUri(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && doc.languageId === LANGUAGE_ID ? doc.uri : undefined;
  }

  /** Groups per analysis: the view refreshes on every editor switch, the analysis changes less often. */
  private readonly groups = new WeakMap<object, EntityNode[]>();

  roots(): EntityNode[] {
    const uri = this.currentUri();
    const article = uri && this.articles.find(uri);
    if (!article) return [];
    let groups = this.groups.get(article.analysis.entities);
    if (!groups) {
      groups = groupEntities(uri.toString(), article.analysis.entities);
      this.groups.set(article.analysis.entities, groups);
    }
    return groups;
  }

  getChildren(node?: EntityNode): EntityNode[] {
    if (!node) return this.roots();
    return node.kind === 'type' ? node.entities : [];
  }

  getTreeItem(node: EntityNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const item = new vscode.TreeItem(entityTypeLabel(node.type), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.entities.length);
      item.iconPath = entityIcon(node.type);
      item.contextValue = 'entityType';
      return item;
    }
    const first = node.mentions[0];
    const item = new vscode.TreeItem(node.canonical, vscode.TreeItemCollapsibleState.None);
    const originals = [...new Set(node.mentions.map((m) => m.text))].filter((t) => t !== node.canonical);
    item.description = [`×${node.mentions.length}`, ...originals.slice(0, 2)].join(' ');
    item.tooltip = entityTooltip(first, node.mentions.length);
    item.iconPath = entityIcon(node.type);
    item.contextValue = 'entity';
    item.command = {
      command: COMMANDS.revealNextMention,
      title: vscode.l10n.t('Next mention'),
      arguments: [node.uri, node.canonical],
    };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Type groups (in ENTITY_TYPES order) of entities aggregated by canonical text, most mentioned first. */
export function groupEntities(uri: string, entities: readonly Entity[]): EntityNode[] {
  const byKey = new Map<string, Entity[]>();
  for (const e of entities) {
    const key = `${e.type}\u0000${e.canonical}`;
    const list = byKey.get(key);
    if (list) list.push(e);
    else byKey.set(key, [e]);
  }
  const groups = [...byKey.values()];
  return ENTITY_TYPES.map((type): EntityNode => {
    const children: EntityNode[] = groups
      .filter((mentions) => mentions[0].type === type)
      .sort((a, b) => b.length - a.length || a[0].start - b[0].start)
      .map((mentions) => ({ kind: 'entity', uri, type, canonical: mentions[0].canonical, mentions }));
    return { kind: 'type', uri, type, entities: children };
  }).filter((g) => g.kind === 'type' && g.entities.length > 0);
}

function entityTooltip(e: Entity, count: number): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**`).appendText(e.canonical).appendMarkdown(`** — ${entityTypeLabel(e.type)} ×${count}`);
  const details: Array<[string, string | undefined]> = [
    [vscode.l10n.t('Positions'), e.positions?.join('、')],
    [vscode.l10n.t('Person'), e.person],
    [vscode.l10n.t('Kind'), e.orgKind ?? e.placeKind],
    [vscode.l10n.t('Administrative chain'), e.chain?.join(' → ')],
    [vscode.l10n.t('Division code'), e.code],
    [vscode.l10n.t('Date'), e.iso],
    [vscode.l10n.t('Gloss'), e.gloss],
    [vscode.l10n.t('Issuer'), e.issuer],
  ];
  for (const [label, value] of details) if (value) md.appendMarkdown(`\n\n${label}: `).appendText(value);
  return md;
}

export function registerEntityTree(deps: { entities: EntityTreeProvider; articles: Articles }): vscode.Disposable {
  const { entities, articles } = deps;
  const view = vscode.window.createTreeView(VIEWS.entities, { treeDataProvider: entities, showCollapseAll: true });
  return vscode.Disposable.from(
    entities,
    view,
    articles.onDidChange(() => entities.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => entities.refresh()),
  );
}
