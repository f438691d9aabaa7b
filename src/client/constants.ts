/**
 * Ids shared by the manifest (package.json) and the client. Pure: no vscode import, so the
 * manifest unit test can check them against package.json.
 */

/** Every command the extension contributes; `src/client/commands.ts` maps each key to its handler. */
export const COMMANDS = {
  convertToSimplified: 'policyAnnotator.convertToSimplified',
  convertToTraditional: 'policyAnnotator.convertToTraditional',
  cleanArticle: 'policyAnnotator.cleanArticle',
  openSimplifiedPreview: 'policyAnnotator.openSimplifiedPreview',
  toggleAnnotations: 'policyAnnotator.toggleAnnotations',
  /** args: (uri: string, canonical: string) — from hovers and the entity view. */
  showMentions: 'policyAnnotator.showMentions',
  /** args: none (selection) | (term: string, type?: EntityType) | (entity tree node). */
  addToDictionary: 'policyAnnotator.addToDictionary',
  /** args: none (selection) | (canonical: string) | (entity tree node). */
  ignoreEntity: 'policyAnnotator.ignoreEntity',
  annotateWorkspace: 'policyAnnotator.annotateWorkspace',
  exportAnnotations: 'policyAnnotator.exportAnnotations',
  exportEvents: 'policyAnnotator.exportEvents',
  eventsGroupByDocument: 'policyAnnotator.eventsGroupByDocument',
  eventsGroupByType: 'policyAnnotator.eventsGroupByType',
  eventsGroupByDate: 'policyAnnotator.eventsGroupByDate',
  eventsFilterByType: 'policyAnnotator.eventsFilterByType',
  refreshEvents: 'policyAnnotator.refreshEvents',
  /** args: (uri: string, start: number, end: number) — original UTF-16 offsets. */
  revealEvent: 'policyAnnotator.revealEvent',
  /** args: (uri: string, canonical: string) — each call selects the next mention. */
  revealNextMention: 'policyAnnotator.revealNextMention',
  restartServer: 'policyAnnotator.restartServer',
  showOutput: 'policyAnnotator.showOutput',
  openSample: 'policyAnnotator.openSample',
} as const;

export type CommandKey = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandKey];

/** Commands the server's hover Markdown may link to (command URIs need explicit trust). */
export const HOVER_COMMANDS: readonly CommandId[] = [
  COMMANDS.showMentions,
  COMMANDS.addToDictionary,
  COMMANDS.ignoreEntity,
  COMMANDS.revealEvent,
];

export const VIEWS = {
  container: 'policyAnnotator',
  events: 'policyAnnotator.events',
  entities: 'policyAnnotator.entities',
} as const;

export const LANGUAGE_ID = 'zh-policy';
/**
 * Path patterns also declared statically as `filenamePatterns` of the language in package.json, so
 * such files open as zh-policy before the extension is even active. Auto-detection hands them back
 * to plain text when the user's filePatterns (and auto-detection) no longer claim them.
 */
export const STATIC_FILENAME_PATTERNS: readonly string[] = ['**/seeds/*.txt'];
export const PREVIEW_SCHEME = 'policy-annotator-preview';
export const CLIENT_ID = 'policyAnnotator';

/** Workspace files the user edits; the server also watches them. */
export const WORKSPACE_DIR = '.policy-annotator';
export const DICTIONARY_FILE = 'dictionary.tsv';
export const IGNORE_FILE = 'ignore.txt';

/** Context keys used in `when` clauses of package.json. */
export const CONTEXT_KEYS = {
  annotationsVisible: 'policyAnnotator.annotationsVisible',
  eventsGrouping: 'policyAnnotator.eventsGrouping',
  eventsFiltered: 'policyAnnotator.eventsFiltered',
} as const;
