import * as vscode from 'vscode';
import { EVENT_TYPES, type EventFrame, type EventType } from '../../core/types';
import type { Article, Articles } from '../articles';
import { COMMANDS, CONTEXT_KEYS, VIEWS } from '../constants';
import { baseName, eventIcon, eventTypeLabel } from '../labels';

export type EventGrouping = 'document' | 'type' | 'date';

export type EventNode =
  | { kind: 'group'; key: string; label: string; count: number; icon?: vscode.ThemeIcon; expanded: boolean; children: EventNode[] }
  | { kind: 'event'; article: Article; event: EventFrame; showDocument: boolean }
  | { kind: 'detail'; label: string; description?: string; icon: string; tooltip?: string; reveal?: { uri: vscode.Uri; start: number; end: number } };

const SENTENCE_LABEL_MAX = 80;

/**
 * Events view: events of the active article, the other open articles and (after Annotate
 * Workspace) the workspace; grouped by document, type or date; filterable by type.
 */
export class EventTreeProvider implements vscode.TreeDataProvider<EventNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EventNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groupingValue: EventGrouping = 'document';
  private filter: ReadonlySet<EventType> | undefined;

  constructor(private readonly articles: Articles) {}

  get grouping(): EventGrouping {
    return this.groupingValue;
  }
  get typeFilter(): ReadonlySet<EventType> | undefined {
    return this.filter;
  }

  setGrouping(grouping: EventGrouping): void {
    this.groupingValue = grouping;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.eventsGrouping, grouping);
    this.refresh();
  }

  setFilter(types: ReadonlySet<EventType> | undefined): void {
    this.filter = types && types.size < EVENT_TYPES.length ? types : undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.eventsFiltered, this.filter !== undefined);
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Root nodes for the current grouping (also used by tests). */
  roots(): EventNode[] {
    const active = vscode.window.activeTextEditor?.document.uri;
    const articles = this.articles.all(active);
    const keep = (e: EventFrame) => !this.filter || this.filter.has(e.type);
    const items = articles.flatMap((article) =>
      article.analysis.events.filter(keep).map((event) => ({ article, event })),
    );
    const multiDoc = articles.length > 1;
    const eventNode = (x: { article: Article; event: EventFrame }, showDocument: boolean): EventNode => ({
      kind: 'event', article: x.article, event: x.event, showDocument,
    });
    switch (this.groupingValue) {
      case 'document':
        return articles
          .map((article, i): EventNode => {
            const events = article.analysis.events.filter(keep);
            return {
              kind: 'group',
              key: article.uri.toString(),
              label: baseName(article.uri),
              count: events.length,
              icon: new vscode.ThemeIcon(article.open ? 'file-text' : 'file'),
              expanded: i === 0 || articles.length <= 3,
              children: events.map((event) => eventNode({ article, event }, false)),
            };
          })
          // Articles without events stay listed (count 0) unless a type filter is active.
          .filter((g) => g.kind === 'group' && (g.count > 0 || !this.filter));
      case 'type':
        return EVENT_TYPES.map((type): EventNode => {
          const children = items.filter((x) => x.event.type === type).map((x) => eventNode(x, multiDoc));
          return { kind: 'group', key: type, label: eventTypeLabel(type), count: children.length, icon: eventIcon(type), expanded: true, children };
        }).filter((g) => g.kind === 'group' && g.count > 0);
      case 'date': {
        const byDate = new Map<string, Array<{ article: Article; event: EventFrame }>>();
        for (const x of items) {
          const key = x.event.date ?? x.article.analysis.date ?? '';
          byDate.set(key, [...(byDate.get(key) ?? []), x]);
        }
        // Timeline: dated events in order (partial --MM-DD dates sort after full ones), undated last.
        const keys = [...byDate.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
        return keys.map((key): EventNode => ({
          kind: 'group',
          key: `date:${key}`,
          label: key === '' ? vscode.l10n.t('Undated') : key,
          count: byDate.get(key)!.length,
          icon: new vscode.ThemeIcon('calendar'),
          expanded: true,
          children: byDate.get(key)!.map((x) => eventNode(x, multiDoc)),
        }));
      }
    }
  }

  getChildren(node?: EventNode): EventNode[] {
    if (!node) return this.roots();
    if (node.kind === 'group') return node.children;
    if (node.kind === 'event') return eventDetails(node.article, node.event);
    return [];
  }

  getTreeItem(node: EventNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(
          node.label,
          node.count === 0
            ? vscode.TreeItemCollapsibleState.None
            : node.expanded
              ? vscode.TreeItemCollapsibleState.Expanded
              : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.description = String(node.count);
        item.iconPath = node.icon;
        item.contextValue = 'eventGroup';
        return item;
      }
      case 'event': {
        const { event, article } = node;
        const item = new vscode.TreeItem(eventLabel(event), vscode.TreeItemCollapsibleState.Collapsed);
        const where = [event.date, event.place].filter((x): x is string => !!x).join(' · ');
        item.description = node.showDocument ? [where, baseName(article.uri)].filter(Boolean).join(' — ') : where;
        item.iconPath = eventIcon(event.type);
        const sentence = sentenceText(article, event);
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown(`**${eventTypeLabel(event.type)}** — `).appendText(event.summary);
        if (sentence) tip.appendMarkdown('\n\n> ').appendText(sentence);
        item.tooltip = tip;
        item.contextValue = 'event';
        item.command = revealCommand(article.uri, event.sentence.start, event.sentence.end);
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.tooltip = node.tooltip;
        if (node.reveal) item.command = revealCommand(node.reveal.uri, node.reveal.start, node.reveal.end);
        return item;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function eventLabel(event: EventFrame): string {
  const trigger = event.trigger.canonical ?? event.trigger.text;
  return event.object ? `${trigger} ${event.object}` : trigger;
}

function sentenceText(article: Article, event: EventFrame): string | undefined {
  return article.text()?.slice(event.sentence.start, event.sentence.end).replace(/\s+/g, ' ').trim();
}

function eventDetails(article: Article, event: EventFrame): EventNode[] {
  const out: EventNode[] = event.participants.map((p) => ({
    kind: 'detail',
    label: p.text,
    description: p.role,
    icon: p.type === 'person' ? 'person' : 'organization',
  }));
  if (event.place) out.push({ kind: 'detail', label: event.place, description: vscode.l10n.t('place'), icon: 'location' });
  if (event.date) out.push({ kind: 'detail', label: event.date, description: vscode.l10n.t('date'), icon: 'calendar' });
  const sentence = sentenceText(article, event);
  if (sentence) {
    out.push({
      kind: 'detail',
      label: sentence.length > SENTENCE_LABEL_MAX ? `${sentence.slice(0, SENTENCE_LABEL_MAX)}…` : sentence,
      icon: 'quote',
      tooltip: sentence,
      reveal: { uri: article.uri, start: event.sentence.start, end: event.sentence.end },
    });
  }
  return out;
}

function revealCommand(uri: vscode.Uri, start: number, end: number): vscode.Command {
  return { command: COMMANDS.revealEvent, title: vscode.l10n.t('Reveal'), arguments: [uri.toString(), start, end] };
}

/** Opens `uri` (if needed) and selects [start, end) (original UTF-16 offsets). */
export async function revealSpan(uri: string | vscode.Uri, start: number, end: number): Promise<vscode.TextEditor> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const doc = await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(doc, { preview: true });
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(end));
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export async function pickEventTypes(current: ReadonlySet<EventType> | undefined): Promise<Set<EventType> | undefined> {
  const picks = await vscode.window.showQuickPick(
    EVENT_TYPES.map((type) => ({ label: eventTypeLabel(type), description: type, type, picked: !current || current.has(type) })),
    { canPickMany: true, title: vscode.l10n.t('Show events of these types') },
  );
  return picks && new Set(picks.map((p) => p.type));
}

export function registerEventTree(deps: { events: EventTreeProvider; articles: Articles }): vscode.Disposable {
  const { events, articles } = deps;
  const view = vscode.window.createTreeView(VIEWS.events, { treeDataProvider: events, showCollapseAll: true });
  const describe = () => {
    const grouping = { document: vscode.l10n.t('by document'), type: vscode.l10n.t('by type'), date: vscode.l10n.t('by date') }[events.grouping];
    view.description = events.typeFilter ? `${grouping} · ${vscode.l10n.t('filtered')}` : grouping;
  };
  describe();
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.eventsGrouping, events.grouping);
  return vscode.Disposable.from(
    events,
    view,
    events.onDidChangeTreeData(describe),
    articles.onDidChange(() => events.refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => events.refresh()),
  );
}
