/**
 * Composition root: builds the services, registers each feature and hands everything to
 * `context.subscriptions`. Nothing heavy here: the language server starts in the background
 * and opencc-based core modules load on first use.
 */
import * as vscode from 'vscode';
import { AnalysisStore } from './client/analysisStore';
import type { PolicyAnnotatorApi } from './client/api';
import { Articles } from './client/articles';
import { commandHandlers, registerCommands } from './client/commands';
import { CoreLoader } from './client/coreLoader';
import { LanguageAutoDetect, registerAutoDetect } from './client/features/autoDetect';
import { ConversionCommands } from './client/features/conversionCommands';
import { registerDictionary, WorkspaceDictionary } from './client/features/dictionary';
import { EncodingCheck, registerEncodingCheck } from './client/features/encodingCheck';
import { EntityDecorations, registerEntityDecorations } from './client/features/entityDecorations';
import { EntityTreeProvider, registerEntityTree } from './client/features/entityTree';
import { EventTreeProvider, registerEventTree } from './client/features/eventTree';
import { EntityHovers, registerEntityHovers } from './client/features/hovers';
import { AnalysisServer, registerLanguageClient } from './client/features/languageClient';
import { registerSimplifiedPreview, SimplifiedPreviewProvider } from './client/features/simplifiedPreview';
import { registerStatusBar, StatusBar } from './client/features/statusBar';

export function activate(context: vscode.ExtensionContext): PolicyAnnotatorApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Chinese Policy Annotator');
  const store = new AnalysisStore();
  const core = new CoreLoader();
  const server = new AnalysisServer(context, store, output);
  const articles = new Articles(store);
  const decorations = new EntityDecorations(store);
  const events = new EventTreeProvider(articles);
  const entities = new EntityTreeProvider(articles);
  const statusBar = new StatusBar(store, server);
  const dictionary = new WorkspaceDictionary(server);
  const preview = new SimplifiedPreviewProvider(core);
  const conversion = new ConversionCommands(core);
  const hovers = new EntityHovers(store, server);

  context.subscriptions.push(
    output,
    store,
    articles,
    registerLanguageClient({ server, store }),
    registerEntityHovers({ hovers }),
    registerAutoDetect({ detector: new LanguageAutoDetect() }),
    registerEncodingCheck({ check: new EncodingCheck() }),
    registerEntityDecorations({ decorations, store }),
    registerEventTree({ events, articles }),
    registerEntityTree({ entities, articles }),
    registerStatusBar({ statusBar, store, server }),
    registerDictionary({ dictionary }),
    registerSimplifiedPreview({ preview }),
    registerCommands(commandHandlers({ context, core, server, articles, conversion, preview, decorations, dictionary, events })),
  );

  const activationMs = performance.now() - started;
  output.appendLine(`[client] activated in ${activationMs.toFixed(1)} ms`);
  return {
    activationMs,
    whenReady: () => server.whenReady(),
    getAnalysis: async (uri) => {
      const result = await server.requestAnalysis(uri);
      return result && !result.skipped ? result.analysis : undefined;
    },
    getAnalysisResult: (uri) => server.requestAnalysis(uri),
    decorationCounts: (editor) => decorations.countsFor(editor),
    serverState: () => server.state,
    statusBarText: () => statusBar.text,
    eventTree: events,
    hovers,
    entityTree: entities,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions (the server is stopped by its disposable).
}
