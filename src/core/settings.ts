/**
 * Defaults and validation of the `policyAnnotator.*` settings. Pure: the client reads raw
 * values per resource (workspace.getConfiguration('policyAnnotator', uri)) and passes a getter here;
 * the server can do the same with values from workspace/configuration.
 */
import type { TraditionalVariant } from './engines';
import { ENTITY_TYPES, type EntityType } from './types';

export const SETTINGS_SECTION = 'policyAnnotator';

/** Keys under the section, as declared in package.json. */
export const SETTING_KEYS = {
  filePatterns: 'filePatterns',
  autoDetect: 'autoDetect',
  enabledTypes: 'enabledTypes',
  annotationsEnabled: 'annotations.enabled',
  maxFileSize: 'maxFileSize',
  debounceMs: 'debounceMs',
  traditionalVariant: 'traditionalVariant',
} as const;

export interface PolicyAnnotatorSettings {
  filePatterns: string[];
  autoDetect: boolean;
  enabledTypes: ReadonlySet<EntityType>;
  annotationsEnabled: boolean;
  maxFileSize: number;
  debounceMs: number;
  traditionalVariant: TraditionalVariant;
}

export const DEFAULT_SETTINGS: PolicyAnnotatorSettings = {
  filePatterns: ['**/seeds/*.txt', '**/*.zhp', '**/*.policy.txt'],
  autoDetect: true,
  enabledTypes: new Set(ENTITY_TYPES),
  annotationsEnabled: true,
  maxFileSize: 2_000_000,
  debounceMs: 300,
  traditionalVariant: 'tw',
};

const VARIANTS: readonly TraditionalVariant[] = ['tw', 'twp', 'hk', 't'];

/** Accepts `["person", …]` or `{ "person": true, "date": false, … }` (missing keys stay on). */
export function parseEnabledTypes(raw: unknown): ReadonlySet<EntityType> {
  const known = (t: unknown): t is EntityType => typeof t === 'string' && (ENTITY_TYPES as readonly string[]).includes(t);
  if (Array.isArray(raw)) return new Set(raw.filter(known));
  if (raw && typeof raw === 'object') {
    const record = raw as Record<string, unknown>;
    return new Set(ENTITY_TYPES.filter((t) => record[t] !== false));
  }
  return DEFAULT_SETTINGS.enabledTypes;
}

function clampInt(raw: unknown, min: number, max: number, fallback: number): number {
  return typeof raw === 'number' && Number.isFinite(raw) ? Math.min(max, Math.max(min, Math.round(raw))) : fallback;
}

/** Validated settings from a raw getter (`get('maxFileSize')` …); invalid values fall back to defaults. */
export function readSettings(get: (key: string) => unknown): PolicyAnnotatorSettings {
  const patterns = get(SETTING_KEYS.filePatterns);
  const variant = get(SETTING_KEYS.traditionalVariant);
  const bool = (key: string, fallback: boolean) => {
    const v = get(key);
    return typeof v === 'boolean' ? v : fallback;
  };
  return {
    filePatterns: Array.isArray(patterns)
      ? patterns.filter((p): p is string => typeof p === 'string' && p.trim() !== '')
      : DEFAULT_SETTINGS.filePatterns,
    autoDetect: bool(SETTING_KEYS.autoDetect, DEFAULT_SETTINGS.autoDetect),
    enabledTypes: parseEnabledTypes(get(SETTING_KEYS.enabledTypes)),
    annotationsEnabled: bool(SETTING_KEYS.annotationsEnabled, DEFAULT_SETTINGS.annotationsEnabled),
    maxFileSize: clampInt(get(SETTING_KEYS.maxFileSize), 0, 1_000_000_000, DEFAULT_SETTINGS.maxFileSize),
    debounceMs: clampInt(get(SETTING_KEYS.debounceMs), 0, 10_000, DEFAULT_SETTINGS.debounceMs),
    traditionalVariant: VARIANTS.includes(variant as TraditionalVariant)
      ? (variant as TraditionalVariant)
      : DEFAULT_SETTINGS.traditionalVariant,
  };
}
