/**
 * The manifest and the client agree: every contributed command has a handler, every handler is
 * contributed, every view is registered, every setting is read, every %key% is localised.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS, VIEWS, HOVER_COMMANDS, STATIC_FILENAME_PATTERNS } from '../../src/client/constants';
import { DEFAULT_SETTINGS, SETTING_KEYS, readSettings } from '../../src/core/settings';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const nlsEn = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
const nlsZh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
const contributes = pkg.contributes;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}
const clientSources = [...sourceFiles(join(root, 'src', 'client')), join(root, 'src', 'extension.ts')];
const clientText = clientSources.map((f) => readFileSync(f, 'utf8')).join('\n');

test('every contributed command is in the constants table, and vice versa', () => {
  const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
  const table = new Set<string>(Object.values(COMMANDS));
  assert.deepEqual([...declared].filter((c) => !table.has(c)), [], 'declared in package.json without a table entry');
  assert.deepEqual([...table].filter((c) => !declared.has(c)), [], 'in the table but not declared in package.json');
});

test('every command key has a handler in commands.ts', () => {
  const commandsTs = readFileSync(join(root, 'src', 'client', 'commands.ts'), 'utf8');
  const body = commandsTs.slice(commandsTs.indexOf('export function commandHandlers'));
  for (const key of Object.keys(COMMANDS)) assert.match(body, new RegExp(`\\n\\s+${key}: `), `no handler for ${key}`);
});

test('menus and walkthrough links only name declared commands', () => {
  const declared = new Set<string>(contributes.commands.map((c: { command: string }) => c.command));
  for (const [menu, items] of Object.entries(contributes.menus as Record<string, Array<{ command: string }>>)) {
    for (const item of items) assert.ok(declared.has(item.command), `${menu} names ${item.command}`);
  }
  const viewIds = new Set<string>(Object.values(contributes.views).flat().map((v) => (v as { id: string }).id));
  const linked = JSON.stringify([contributes.viewsWelcome, contributes.walkthroughs, nlsEn]).match(/command:[\w.]+/g) ?? [];
  assert.ok(linked.length > 0);
  for (const link of linked) {
    const id = link.slice('command:'.length);
    const viewFocus = id.endsWith('.focus') && viewIds.has(id.slice(0, -'.focus'.length));
    assert.ok(declared.has(id) || viewFocus, `link to unknown command ${id}`);
  }
  for (const id of HOVER_COMMANDS) assert.ok(declared.has(id));
});

test('every contributed view is registered with createTreeView by the client', () => {
  const views = Object.values(contributes.views).flat() as Array<{ id: string }>;
  assert.deepEqual(views.map((v) => v.id).sort(), [VIEWS.entities, VIEWS.events].sort());
  assert.ok(contributes.viewsContainers.activitybar.some((c: { id: string }) => c.id === VIEWS.container));
  for (const key of ['events', 'entities'] as const) {
    assert.match(clientText, new RegExp(`createTreeView\\(VIEWS\\.${key}\\b`), `view ${VIEWS[key]} never registered`);
  }
});

test('every setting is read by the code, and the defaults match the pure settings module', () => {
  const props = contributes.configuration.properties as Record<string, { default: unknown }>;
  const declaredKeys = Object.keys(props).map((k) => k.replace(/^policyAnnotator\./, ''));
  const known = new Set<string>(Object.values(SETTING_KEYS));
  for (const key of declaredKeys) {
    if (key === 'trace.server') {
      // Read by vscode-languageclient from `<clientId>.trace.server`; our client id must be the section.
      assert.match(clientText, /CLIENT_ID = 'policyAnnotator'/);
      continue;
    }
    assert.ok(known.has(key), `setting ${key} is not read by src/core/settings.ts`);
  }
  for (const key of known) assert.ok(declaredKeys.includes(key), `setting ${key} read but not declared`);
  // Defaults declared in package.json are what readSettings produces from them.
  const fromManifest = readSettings((k) => props[`policyAnnotator.${k}`]?.default);
  assert.deepEqual({ ...fromManifest, enabledTypes: [...fromManifest.enabledTypes] }, { ...DEFAULT_SETTINGS, enabledTypes: [...DEFAULT_SETTINGS.enabledTypes] });
  // Each validated field is used by the client.
  for (const field of Object.keys(DEFAULT_SETTINGS)) {
    assert.match(clientText, new RegExp(`\\.${field}\\b`), `settings field ${field} never used by the client`);
  }
});

test('every %key% has an English and a Chinese entry, and no entry is unused', () => {
  const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
  const keys = new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
  assert.ok(keys.size > 40);
  for (const key of keys) {
    assert.ok(nlsEn[key]?.trim(), `package.nls.json lacks ${key}`);
    assert.ok(nlsZh[key]?.trim(), `package.nls.zh-cn.json lacks ${key}`);
  }
  assert.deepEqual(Object.keys(nlsEn).filter((k) => !keys.has(k)), [], 'unused English entries');
  assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nlsEn).sort());
});

test('every runtime message (vscode.l10n.t) has a Chinese translation', () => {
  const bundle = JSON.parse(readFileSync(join(root, pkg.l10n, 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
  const messages = new Set([...clientText.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1]));
  assert.ok(messages.size > 30);
  for (const m of messages) assert.ok(bundle[m], `l10n/bundle.l10n.zh-cn.json lacks "${m}"`);
  // Placeholders survive translation.
  for (const [en, zh] of Object.entries(bundle)) {
    for (const ph of en.match(/\{\d\}/g) ?? []) assert.ok(zh.includes(ph), `"${zh}" lacks ${ph}`);
  }
});

test('files the manifest points to exist', () => {
  const paths = [
    pkg.main.replace(/^\.\//, '').replace(/^dist\/.*/, 'src/extension.ts'),
    ...contributes.viewsContainers.activitybar.map((c: { icon: string }) => c.icon),
    ...contributes.walkthroughs.flatMap((w: { steps: Array<{ media: { markdown: string } }> }) => w.steps.map((s) => s.media.markdown)),
  ];
  for (const p of paths) assert.ok(existsSync(join(root, p)), `${p} missing`);
  const colors = contributes.colors.map((c: { id: string }) => c.id);
  for (const type of ['person', 'position', 'organization', 'place', 'date', 'document', 'policy']) {
    assert.ok(colors.includes(`policyAnnotator.${type}Foreground`), `colour for ${type}`);
  }
  assert.ok(pkg.activationEvents.includes('onLanguage:zh-policy'));
});

test('the language claims the default article paths statically, and the client knows which', () => {
  const language = contributes.languages.find((l: { id: string }) => l.id === 'zh-policy');
  assert.ok(language, 'language zh-policy not contributed');
  assert.deepEqual(language.extensions, ['.zhp']);
  const pathPatterns = (language.filenamePatterns as string[]).filter((p) => p.includes('/'));
  assert.deepEqual(pathPatterns, [...STATIC_FILENAME_PATTERNS]);
  for (const p of STATIC_FILENAME_PATTERNS) assert.ok(DEFAULT_SETTINGS.filePatterns.includes(p), `${p} not a default filePattern`);
  assert.ok(existsSync(join(root, language.configuration)), `${language.configuration} missing`);
  const grammar = contributes.grammars.find((g: { language: string }) => g.language === 'zh-policy');
  assert.equal(grammar?.scopeName, 'text.zh-policy');
  assert.ok(existsSync(join(root, grammar.path)), `${grammar.path} missing`);
});
