/**
 * Shared types of the analysis pipeline. Pure data: no vscode import anywhere under src/core.
 * All offsets are UTF-16 code-unit offsets, half-open [start, end).
 */

export interface Span {
  start: number;
  end: number;
}

export type Script = 'simplified' | 'traditional' | 'mixed';

export type IssueKind = 'pinyin-gloss' | 'mojibake' | 'boilerplate' | 'mixed-script' | 'line-wrap';

/** A problem found in the ORIGINAL text (spans in original offsets). */
export interface TextIssue extends Span {
  kind: IssueKind;
  /** Human-readable detail, e.g. the gloss text or the boilerplate category. */
  detail?: string;
  /** What the repair puts in its place (an HTML entity's character); removed when absent. */
  replacement?: string;
}

export const ENTITY_TYPES = ['person', 'position', 'organization', 'place', 'date', 'document', 'policy'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const EVENT_TYPES = [
  'meeting', 'talks', 'speech', 'signing', 'launch', 'release', 'inspection', 'decision', 'join', 'award',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Type-specific details of an entity (all optional; filled where known). */
export interface EntityDetails {
  /** person: positions held in this article (canonical text). position: the person it belongs to. */
  positions?: string[];
  person?: string;
  /** organization kind: party | government | legislature | enterprise | think-tank | university | alliance | media | association | other */
  orgKind?: string;
  /** place: administrative chain, most specific first, e.g. ["上虞区","绍兴市","浙江省"]; code = GB/T 2260 code */
  chain?: string[];
  code?: string;
  /** place: region | country | capital | province | city | district | county | town | venue | water | other */
  placeKind?: string;
  /** date: ISO date, partial date (--10-17) or interval (a/b) */
  iso?: string;
  /** policy: one-line gloss. */
  gloss?: string;
  /** document: issuer if stated. */
  issuer?: string;
  /** Where it came from: user dictionary, glossary, gazetteer, rule name. */
  source?: string;
}

export interface Entity extends Span, EntityDetails {
  type: EntityType;
  /** Original slice [start, end) of the document. */
  text: string;
  /** Simplified, gloss-free form. */
  canonical: string;
}

export interface EventParticipant {
  text: string;
  type: 'person' | 'organization';
  role?: string;
}

/** What an event says, wherever its spans point (analysis text or original). */
interface EventFields {
  type: EventType;
  date: string | null;
  place: string | null;
  participants: EventParticipant[];
  object: string | null;
  sentence: Span;
  summary: string;
}

export interface EventFrame extends EventFields {
  /** `text` is the original slice; `canonical` its simplified, gloss-free form. */
  trigger: { text: string; start: number; end: number; canonical: string };
}

export interface ArticleAnalysis {
  script: Script;
  /** Article date (ISO, or --MM-DD when no year is known) or null. */
  date: string | null;
  entities: Entity[];
  events: EventFrame[];
  issues: TextIssue[];
}

/** The article's own date, from a dateline, a "时间:" line or the file name. */
export interface ArticleDate {
  year?: number;
  month?: number;
  day?: number;
  /** ISO form: 2020-06-09, or --10-18 when no year is known. */
  iso: string;
  /** Analysis-text span it was read from, if any. */
  span?: Span;
}

/** An entity found by a recogniser, in ANALYSIS-text offsets (the pipeline maps it to the original). */
export interface EntityMention extends Span, EntityDetails {
  type: EntityType;
  /** Simplified, gloss-free form (normally the analysis-text slice). */
  canonical: string;
}

/** An event found by the extractor, in ANALYSIS-text offsets. */
export interface EventMention extends EventFields {
  trigger: Span;
}

/** What recognisers and the event extractor receive. */
export interface RecognizerInput {
  /** Simplified, gloss-free analysis text. */
  text: string;
  /** Segmenter tokens over `text`. */
  tokens: readonly import('./engines').Token[];
  /** Spans of `text` that are boilerplate: nothing inside them is reported. */
  skip: Span[];
  articleDate: ArticleDate | null;
}
