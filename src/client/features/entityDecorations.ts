import * as vscode from 'vscode';
import { ENTITY_TYPES, type EntityType } from '../../core/types';
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
    const byType = new Map<EntityType, vscode.Range[]>();
    for (const entity of stored.analysis.entities) {
      if (!settings.enabledTypes.has(entity.type)) continue;
      const range = new vscode.Range(doc.positionAt(entity.start), doc.positionAt(entity.end));
      const list = byType.get(entity.type);
      if (list) list.push(range);
      else byType.set(entity.type, [range]);
    }
    this.draw(editor, byType);
  }

  private draw(editor: vscode.TextEditor, byType: Map<EntityType, vscode.Range[]>): void {
    const counts = emptyCounts();
    for (const [type, decoration] of this.types) {
      const ranges = byType.get(type) ?? [];
      counts[type] = ranges.length;
      editor.setDecorations(decoration, ranges);
    }
    this.counts.set(editor.document.uri.toString(), counts);
  }

  forget(uri: vscode.Uri): void {
    this.counts.delete(uri.toString());
  }

  dispose(): void {
    for (const d of this.types.values()) d.dispose();
    this.types.clear();
  }
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
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affects(e, SETTING_KEYS.enabledTypes) || affects(e, SETTING_KEYS.annotationsEnabled)) decorations.updateAll();
    }),
  );
}
