import * as vscode from 'vscode';
import { hoverIndex, hoverMarkdown, type HoverLabels } from '../../shared/hoverContent';
import { formsKey } from '../../shared/protocol';
import type { AnalysisStore } from '../analysisStore';
import { HOVER_COMMANDS, LANGUAGE_ID } from '../constants';
import type { AnalysisServer } from './languageClient';

/**
 * Entity hovers, answered in the extension host from the store (the client's mirror of the
 * server's analyses, kept current by its updates): no round trip to the server per hover. The
 * server stays the only analyser; it also sent the traditional and pinyin forms shown here.
 */
export class EntityHovers implements vscode.HoverProvider {
  private labelsValue: HoverLabels | undefined;

  constructor(
    private readonly store: AnalysisStore,
    private readonly server: AnalysisServer,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    let result = this.store.current(document);
    // Typing: the analysis of this version is on its way (the request makes the server start it now).
    if (!result) {
      await this.server.requestAnalysis(document.uri).catch(() => undefined);
      if (token.isCancellationRequested) return undefined;
      result = this.store.current(document);
    }
    if (!result || result.skipped) return undefined;
    const uri = document.uri.toString();
    const index = hoverIndex(result.analysis);
    const entity = index.entityAt(document.offsetAt(position));
    if (!entity) return undefined;
    const [traditional, pinyin] = this.store.forms(uri, formsKey(entity.type, entity.canonical)) ?? ['', ''];
    const value = hoverMarkdown(uri, index, entity, { traditional, pinyin }, this.labels(), `${uri}\u0001${vscode.env.language}`);
    const markdown = new vscode.MarkdownString(value);
    // Trust exactly our own command links so they are clickable.
    markdown.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(entity.start), document.positionAt(entity.end)));
  }

  private labels(): HoverLabels {
    return (this.labelsValue ??= {
      showMentions: vscode.l10n.t('Show All Mentions'),
      addToDictionary: vscode.l10n.t('Add to Dictionary'),
      ignore: vscode.l10n.t('Ignore'),
      moreEvents: (count) => vscode.l10n.t('… {0} more', count),
    });
  }
}

export function registerEntityHovers(deps: { hovers: EntityHovers }): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, deps.hovers);
}
