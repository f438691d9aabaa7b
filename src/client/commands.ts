import * as vscode from 'vscode';
import { COMMANDS, type CommandKey } from './constants';
import type { Articles } from './articles';
import type { CoreLoader } from './coreLoader';
import { entityTypeLabel } from './labels';
import { cleanActiveArticle } from './features/cleanArticle';
import type { ConversionCommands } from './features/conversionCommands';
import { promptAddToDictionary, promptIgnore, type WorkspaceDictionary } from './features/dictionary';
import type { EntityDecorations } from './features/entityDecorations';
import { pickEventTypes, revealSpan, type EventTreeProvider } from './features/eventTree';
import { exportAnnotations, exportEvents } from './features/export';
import type { AnalysisServer } from './features/languageClient';
import { revealNextMention, showMentions } from './features/mentions';
import { openSample } from './features/sample';
import type { SimplifiedPreviewProvider } from './features/simplifiedPreview';
import { annotateWorkspace } from './features/workspaceAnnotation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;
/** Exactly one handler per command id: the compiler rejects a missing or unknown key. */
export type CommandHandlers = Record<CommandKey, CommandHandler>;

export interface CommandDeps {
  context: vscode.ExtensionContext;
  core: CoreLoader;
  server: AnalysisServer;
  articles: Articles;
  conversion: ConversionCommands;
  preview: SimplifiedPreviewProvider;
  decorations: EntityDecorations;
  dictionary: WorkspaceDictionary;
  events: EventTreeProvider;
}

/** Entity commands take (uri, canonical) from hover links, or an Entities view node from its menu. */
function entityArgs(a: unknown, b: unknown): [string, string] {
  if (a && typeof a === 'object' && 'uri' in a && 'canonical' in a) {
    const node = a as { uri: unknown; canonical: unknown };
    return [String(node.uri), String(node.canonical)];
  }
  return [String(a), String(b)];
}

export function commandHandlers(d: CommandDeps): CommandHandlers {
  const annotate = () => annotateWorkspace(d.server, d.articles);
  return {
    convertToSimplified: () => d.conversion.convert('simplified'),
    convertToTraditional: () => d.conversion.convert('traditional'),
    cleanArticle: () => cleanActiveArticle(d.core),
    openSimplifiedPreview: () => d.preview.open(),
    toggleAnnotations: () => d.decorations.toggle(),
    showMentions: (a: unknown, b: unknown) => showMentions(d.articles, d.server, ...entityArgs(a, b)),
    addToDictionary: (arg?: unknown, type?: unknown) => promptAddToDictionary(d.dictionary, entityTypeLabel, arg, type),
    ignoreEntity: (arg?: unknown) => promptIgnore(d.dictionary, arg),
    annotateWorkspace: annotate,
    exportAnnotations: () => exportAnnotations(d.articles, annotate),
    exportEvents: (target?: vscode.Uri) => exportEvents(d.articles, target),
    eventsGroupByDocument: () => d.events.setGrouping('document'),
    eventsGroupByType: () => d.events.setGrouping('type'),
    eventsGroupByDate: () => d.events.setGrouping('date'),
    eventsFilterByType: async () => {
      const types = await pickEventTypes(d.events.typeFilter);
      if (types) d.events.setFilter(types);
    },
    refreshEvents: () => d.events.refresh(),
    revealEvent: (uri: string, start: number, end: number) => revealSpan(uri, start, end),
    revealNextMention: (a: unknown, b: unknown) => revealNextMention(d.articles, d.server, ...entityArgs(a, b)),
    restartServer: () => d.server.restart(),
    showOutput: () => d.server.showOutput(),
    openSample: () => openSample(d.context),
  };
}

/** Registers every handler under its id; errors become one clear message instead of a silent rejection. */
export function registerCommands(handlers: CommandHandlers): vscode.Disposable {
  return vscode.Disposable.from(
    ...(Object.keys(COMMANDS) as CommandKey[]).map((key) =>
      vscode.commands.registerCommand(COMMANDS[key], async (...args: unknown[]) => {
        try {
          return await handlers[key](...args);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          void vscode.window.showErrorMessage(vscode.l10n.t('Chinese Policy Annotator: {0}', message));
          return undefined;
        }
      }),
    ),
  );
}
