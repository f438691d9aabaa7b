import * as vscode from 'vscode';
import { readSettings, SETTINGS_SECTION, type PolicyAnnotatorSettings } from '../core/settings';

/** Settings for one resource, read fresh each time (never cached: folders may differ). */
export function settingsFor(scope?: vscode.ConfigurationScope | null): PolicyAnnotatorSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return readSettings((key) => config.get(key));
}

/** Whether a configuration change touches `policyAnnotator.<key>` (for `scope` if given). */
export function affects(e: vscode.ConfigurationChangeEvent, key: string, scope?: vscode.ConfigurationScope): boolean {
  return e.affectsConfiguration(`${SETTINGS_SECTION}.${key}`, scope);
}
