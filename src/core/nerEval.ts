/**
 * Character-level BIO reading and exact-span NER scoring (People's Daily / MSRA style: PER, LOC, ORG).
 */
import type { EntityType } from './types';

export type BioType = 'PER' | 'LOC' | 'ORG';
export interface BioSpan { type: BioType; start: number; end: number }
export interface BioSentence { text: string; spans: BioSpan[] }
export interface Prf { p: number; r: number; f1: number; tp: number; fp: number; fn: number }
export interface NerScore { perType: Record<string, Prf>; overall: Prf }

export const BIO_TYPE_OF: Partial<Record<EntityType, BioType>> = { person: 'PER', place: 'LOC', organization: 'ORG' };

const BIO_TYPES = new Set(['PER', 'LOC', 'ORG']);

/**
 * Other corpora's names for the three types: MSRA's word tags (NR, NS, NT), spelt-out names, and
 * OntoNotes' GPE, which People's Daily (and this recogniser) counts as a place.
 */
const TYPE_ALIASES: Record<string, BioType> = {
  PER: 'PER', PERSON: 'PER', NR: 'PER',
  LOC: 'LOC', LOCATION: 'LOC', NS: 'LOC', GPE: 'LOC',
  ORG: 'ORG', ORGANIZATION: 'ORG', ORGANISATION: 'ORG', NT: 'ORG',
};

/** `B-PER`, `I_LOC`, `M-ORG` (BMES), `S-NR`…: position and type, or null for O and anything else. */
function readTag(tag: string): { pos: 'B' | 'I' | 'E' | 'S'; type: string } | null {
  const m = /^([BIESM])[-_](.+)$/i.exec(tag);
  if (!m) return null;
  const pos = m[1].toUpperCase();
  const type = m[2].toUpperCase();
  return { pos: pos === 'M' ? 'I' : (pos as 'B' | 'I' | 'E' | 'S'), type: TYPE_ALIASES[type] ?? type };
}

/**
 * Parses `char<space|tab>tag` lines (more columns: the first is the character, the last the tag),
 * sentences separated by blank lines. Tags may be BIO, BIOES or BMES, with `-` or `_`; types
 * PER/LOC/ORG or an alias (TYPE_ALIASES); other types are ignored.
 */
export function parseBio(content: string): BioSentence[] {
  const sentences: BioSentence[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (chars.length === 0) return;
    const spans: BioSpan[] = [];
    // Offsets are UTF-16 offsets into the joined text, so astral characters count as two units.
    const offsets: number[] = [];
    let off = 0;
    for (const c of chars) { offsets.push(off); off += c.length; }
    offsets.push(off);
    let open: { type: string; start: number } | null = null;
    const close = (endIdx: number) => {
      if (open && BIO_TYPES.has(open.type)) spans.push({ type: open.type as BioType, start: offsets[open.start], end: offsets[endIdx] });
      open = null;
    };
    tags.forEach((raw, i) => {
      const tag = readTag(raw);
      if (!tag) { close(i); return; }
      const { pos, type } = tag;
      if (pos === 'B' || pos === 'S' || !open || open.type !== type) { close(i); open = { type, start: i }; }
      if (pos === 'E' || pos === 'S') close(i + 1);
    });
    close(chars.length);
    sentences.push({ text: chars.join(''), spans });
    chars = [];
    tags = [];
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.trim() === '') { flush(); continue; }
    const fields = line.trim().split(/[ \t]+/);
    if (fields.length < 2 || /^\s/.test(line)) {
      // A line holding only a tag means the character was a space.
      const t = line.trim();
      if (fields.length === 1 && (t === 'O' || readTag(t))) { chars.push(' '); tags.push(t); }
      continue;
    }
    chars.push(fields[0]);
    tags.push(fields[fields.length - 1]);
  }
  flush();
  return sentences;
}

/** Entity types map to BIO types (person→PER …); other entity types (date, policy…) are not scored. */
const bioTypeOf = (type: string): string | undefined =>
  BIO_TYPES.has(type) ? type : BIO_TYPE_OF[type as EntityType];
const keys = (spans: ReadonlyArray<{ type: string; start: number; end: number }>): Set<string> => {
  const out = new Set<string>();
  for (const s of spans) { const t = bioTypeOf(s.type); if (t) out.add(`${t}:${s.start}:${s.end}`); }
  return out;
};

function prf(tp: number, fp: number, fn: number): Prf {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r), tp, fp, fn };
}

/** Exact-span scores: `gold[i]` and `predicted[i]` are the spans of sentence i. */
export function scoreNer(
  gold: ReadonlyArray<ReadonlyArray<{ type: string; start: number; end: number }>>,
  predicted: ReadonlyArray<ReadonlyArray<{ type: string; start: number; end: number }>>,
): NerScore {
  const counts: Record<string, { tp: number; fp: number; fn: number }> = {};
  const bump = (type: string) => (counts[type] ??= { tp: 0, fp: 0, fn: 0 });
  for (let i = 0; i < Math.max(gold.length, predicted.length); i++) {
    const g = keys(gold[i] ?? []);
    const p = keys(predicted[i] ?? []);
    for (const k of p) { const type = k.split(':')[0]; if (g.has(k)) bump(type).tp++; else bump(type).fp++; }
    for (const k of g) if (!p.has(k)) bump(k.split(':')[0]).fn++;
  }
  const perType: Record<string, Prf> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const [type, c] of Object.entries(counts)) {
    perType[type] = prf(c.tp, c.fp, c.fn);
    tp += c.tp; fp += c.fp; fn += c.fn;
  }
  return { perType, overall: prf(tp, fp, fn) };
}
