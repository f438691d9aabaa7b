import * as vscode from 'vscode';
import { ENTITY_TYPES, type Entity, type EntityType } from '../../core/types';
import { SETTING_KEYS } from '../../core/settings';
import type { AnalysisStore } from '../analysisStore';
import { CONTEXT_KEYS, LANGUAGE_ID } from '../constants';
import { affects, settingsFor } from '../settings';

/** Border style per type, so types differ by more than colour alone. */
const BORDER_STYLE: Record<EntityType, string> = {
  person: 'solid',
  position: 'dotted',
  organization: 'solid',
  place: 'solid',
  date: 'dashed',
  document: 'double',
  policy: 'dotted',
};

/** Theme colour id of an entity type, as contributed in package.json (`contributes.colors`). */
export function entityColorId(type: EntityType): string {
  return `policyAnnotator.${type}Foreground`;
}

/**
 * Underlines entities in visible zh-policy editors: one decoration type per entity type
 * (created once), one setDecorations call per type per update.
 */
export class EntityDecorations implements vscode.Disposable {
  private readonly types = new Map<EntityType, vscode.TextEditorDecorationType>();
  /** Session toggle (Toggle Annotations); the setting `annotations.enabled` is the default. */
  private hiddenByToggle = false;
  /** Ranges last drawn per document (editors of one document show the same decorations). */
  private readonly counts = new Map<string, Record<EntityType, number>>();
  /** Pending redraw of a large document's underlines after scrolling, per editor. */
  private readonly slices = new Map<vscode.TextEditor, NodeJS.Timeout>();
  /** Editors whose underlines cover only the visible ranges (large documents). */
  private readonly windowed = new WeakSet<vscode.TextEditor>();

  constructor(private readonly store: AnalysisStore) {
    for (const type of ENTITY_TYPES) {
      const color = new vscode.ThemeColor(entityColorId(type));
      this.types.set(
        type,
        vscode.window.createTextEditorDecorationType({
          // Underline drawn as a bottom border: borders accept theme colours, CSS text-decoration does not.
          borderStyle: `none none ${BORDER_STYLE[type]} none`,
          borderWidth: type === 'document' ? '0 0 3px 0' : '0 0 2px 0',
          borderColor: color,
          overviewRulerColor: color,
          overviewRulerLane: vscode.OverviewRulerLane.Center,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
  }

  get visible(): boolean {
    return !this.hiddenByToggle;
  }

  toggle(): void {
    this.hiddenByToggle = !this.hiddenByToggle;
    void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.annotationsVisible, !this.hiddenByToggle);
    this.updateAll();
  }

  /** Entity counts last drawn in `editor` (for tests and the status bar). */
  countsFor(editor: vscode.TextEditor): Record<EntityType, number> {
    return this.counts.get(editor.document.uri.toString()) ?? emptyCounts();
  }

  updateAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.update(editor);
  }

  updateUri(uri: vscode.Uri): void {
    const key = uri.toString();
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.uri.toString() === key) this.update(editor);
  }

  update(editor: vscode.TextEditor): void {
    const doc = editor.document;
    if (doc.languageId !== LANGUAGE_ID) {
      if (this.counts.has(doc.uri.toString())) this.draw(editor, new Map());
      return;
    }
    const settings = settingsFor(doc);
    const stored = this.store.get(doc.uri);
    if (!settings.annotationsEnabled || this.hiddenByToggle || !stored || stored.skipped) {
      this.draw(editor, new Map());
      return;
    }
    // Offsets are only valid for the version they were computed on; until a fresh result
    // arrives, VS Code keeps shifting the decorations already drawn along with the edits.
    if (stored.version !== doc.version) return;
    const all = stored.analysis.entities;
    const entities = settings.enabledTypes.size === ENTITY_TYPES.length ? all : all.filter((e) => settings.enabledTypes.has(e.type));
    if (entities.length > LARGE_ENTITY_COUNT) {
      this.drawLarge(editor, entities);
      return;
    }
    this.draw(editor, rangesByType(doc, entities));
  }

  private draw(editor: vscode.TextEditor, byType: Map<EntityType, vscode.Range[]>): void {
    this.cancelSlices(editor);
    this.windowed.delete(editor);
    const counts = emptyCounts();
    for (const [type, decoration] of this.types) {
      const ranges = byType.get(type) ?? [];
      counts[type] = ranges.length;
      editor.setDecorations(decoration, ranges);
    }
    this.counts.set(editor.document.uri.toString(), counts);
  }

  /**
   * Very many entities (a multi-MB article): underline only what is on screen (with a margin), and
   * again when the editor scrolls, so no step grows with the document.
   */
  private drawLarge(editor: vscode.TextEditor, entities: readonly Entity[]): void {
    const doc = editor.document;
    const visible: Entity[] = [];
    for (const r of editor.visibleRanges) {
      const from = doc.offsetAt(new vscode.Position(Math.max(0, r.start.line - VISIBLE_MARGIN_LINES), 0));
      const to = doc.offsetAt(new vscode.Position(r.end.line + VISIBLE_MARGIN_LINES, 0));
      // Entities are sorted by start: binary-search the window.
      for (let i = firstEndingAfter(entities, from); i < entities.length && entities[i].start < to && visible.length < MAX_VISIBLE; i++) visible.push(entities[i]);
    }
    this.draw(editor, rangesByType(doc, visible));
    this.windowed.add(editor);
  }

  /** The editor scrolled: a large document's underlines follow the visible ranges. */
  scrolled(editor: vscode.TextEditor): void {
    if (!this.windowed.has(editor) || this.slices.has(editor)) return;
    // Coalesce a burst of scroll events into one redraw.
    this.slices.set(editor, setTimeout(() => {
      this.slices.delete(editor);
      this.update(editor);
    }, 15));
  }

  private cancelSlices(editor: vscode.TextEditor): void {
    const timer = this.slices.get(editor);
    if (timer) clearTimeout(timer);
    this.slices.delete(editor);
  }

  forget(uri: vscode.Uri): void {
    this.counts.delete(uri.toString());
  }

  dispose(): void {
    for (const timer of this.slices.values()) clearTimeout(timer);
    this.slices.clear();
    for (const d of this.types.values()) d.dispose();
    this.types.clear();
  }
}

/** Above this many underlines a document is decorated only around its visible ranges. */
const LARGE_ENTITY_COUNT = 3000;
/** Lines above and below the visible ranges that are underlined too (so scrolling a little shows underlines at once). */
const VISIBLE_MARGIN_LINES = 200;
/** At most this many underlines around the visible ranges (very long lines). */
const MAX_VISIBLE = 20000;

function rangesByType(doc: vscode.TextDocument, entities: readonly Entity[]): Map<EntityType, vscode.Range[]> {
  const byType = new Map<EntityType, vscode.Range[]>();
  for (const entity of entities) {
    const range = new vscode.Range(doc.positionAt(entity.start), doc.positionAt(entity.end));
    const list = byType.get(entity.type);
    if (list) list.push(range);
    else byType.set(entity.type, [range]);
  }
  return byType;
}

/** Index of the first entity (sorted by start, non-overlapping) ending after `offset`. */
function firstEndingAfter(entities: readonly Entity[], offset: number): number {
  let lo = 0, hi = entities.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (entities[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function emptyCounts(): Record<EntityType, number> {
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>;
}

export function registerEntityDecorations(deps: { decorations: EntityDecorations; store: AnalysisStore }): vscode.Disposable {
  const { decorations, store } = deps;
  void vscode.commands.executeCommand('setContext', CONTEXT_KEYS.annotationsVisible, decorations.visible);
  decorations.updateAll();
  return vscode.Disposable.from(
    decorations,
    store.onDidChange((uri) => decorations.updateUri(uri)),
    vscode.workspace.onDidCloseTextDocument((doc) => decorations.forget(doc.uri)),
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => decorations.update(e))),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => decorations.scrolled(e.textEditor)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, SETTING_KEYS.enabledTypes) || affects(e, SETTING_KEYS.annotationsEnabled)) decorations.updateAll();
    }),
  );
}
