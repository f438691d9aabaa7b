/**
 * The analysis pipeline: normalise → simplified script → segment → entities → events,
 * with every span mapped back to the ORIGINAL document's UTF-16 offsets.
 */
import type { Converter, Segmenter, Token } from './engines';
import type { OffsetMap } from './offsetMap';
import type { Resources } from './resources';
import type {
  ArticleAnalysis, ArticleDate, Entity, EntityMention, EventFrame, EventMention, RecognizerInput, Script, Span, TextIssue,
} from './types';
import { normalize, type NormalizedText } from './normalize';
import { detectScript, mixedScriptSpans } from './script';
import { eventBlocks, extractInBlock, lineSpans, ParagraphRecognizer, paragraphSpans, tagLine } from './paragraphs';
import { extractEvents } from './events';
import type { RecognizeOptions } from './entities/recognize';
import { detectArticleDate } from './articleDate';

export interface AnalyzerDeps {
  segmenter: Segmenter;
  converter: Converter;
  resources: Resources;
}

/** The text the recognisers read, and how to get back to the original. */
export interface PreparedText {
  original: string;
  normalized: NormalizedText;
  /** Simplified, gloss-free, mojibake-free text. */
  analysisText: string;
  /** Analysis unit → original span. */
  map: OffsetMap;
  script: Script;
  /** Boilerplate spans in analysis offsets (nothing inside is reported). */
  skip: Span[];
}

export function prepareText(original: string, converter: Converter): PreparedText {
  const normalized = normalize(original);
  const conversion = converter.toSimplified(normalized.text);
  const map = normalized.map.compose(conversion.map);
  const script = detectScript(normalized.text).script;
  const skip = normalized.boilerplate
    .map((b) => ({ start: conversion.map.toDerived(b.start), end: conversion.map.toDerived(b.end) }))
    .filter((s) => s.end > s.start);
  return { original, normalized, analysisText: conversion.text, map, script, skip };
}

/** Issues of the original text: normaliser issues plus mixed-script runs (only in a mixed document). */
export function collectIssues(prepared: PreparedText): TextIssue[] {
  const issues: TextIssue[] = [...prepared.normalized.issues];
  if (prepared.script === 'mixed') {
    const text = prepared.normalized.text;
    for (const run of mixedScriptSpans(text)) {
      if (run.end <= run.start) continue;
      const span = prepared.normalized.map.toOriginal(run.start, run.end);
      issues.push({ kind: 'mixed-script', start: span.start, end: span.end, detail: text.slice(run.start, run.end) });
    }
  }
  return issues.sort((a, b) => a.start - b.start || a.end - b.end);
}

function inBounds(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= length && span.start < span.end;
}

export function mapEntity(m: EntityMention, prepared: PreparedText): Entity {
  const { start, end } = prepared.map.toOriginal(m.start, m.end);
  const { type, canonical, start: _s, end: _e, ...details } = m;
  return { type, text: prepared.original.slice(start, end), canonical, start, end, ...details };
}

export function mapEvent(ev: EventMention, prepared: PreparedText): EventFrame {
  const trigger = prepared.map.toOriginal(ev.trigger.start, ev.trigger.end);
  const sentence = prepared.map.toOriginal(ev.sentence.start, ev.sentence.end);
  return {
    type: ev.type,
    trigger: {
      text: prepared.original.slice(trigger.start, trigger.end),
      start: trigger.start,
      end: trigger.end,
      canonical: prepared.analysisText.slice(ev.trigger.start, ev.trigger.end),
    },
    date: ev.date,
    place: ev.place,
    participants: ev.participants.map((p) => ({ ...p })),
    object: ev.object,
    sentence,
    summary: ev.summary,
  };
}

/**
 * Articles from this length on are segmented ahead on another thread where the segmenter can
 * (Segmenter.tagAhead): below it the thread would cost about what it saves.
 */
export const TAG_AHEAD_MIN_LENGTH = 20000;

/** Runs recognisers and the event extractor on prepared text (analysis offsets). */
export function analyzePrepared(
  prepared: PreparedText,
  deps: AnalyzerDeps,
  options: AnalyzeOptions = {},
): { analysis: ArticleAnalysis; articleDate: ArticleDate | null } {
  const text = prepared.analysisText;
  const articleDate = detectArticleDate(text, options.fileName);
  const bio = options.conventions === 'bio';
  const tokens: Token[] = [];
  const input: RecognizerInput = { text, tokens, skip: prepared.skip, articleDate };
  // Paragraph by paragraph: bounded memory on large articles, and the same results as the editor's
  // incremental analysis. Each paragraph as soon as its lines are segmented, so that on a large
  // article the segmenter can cut the lines ahead on another thread meanwhile.
  const recognizer = new ParagraphRecognizer(input, deps.resources, undefined, bio ? BIO_RECOGNITION : undefined);
  const ahead = text.length >= TAG_AHEAD_MIN_LENGTH ? deps.segmenter.tagAhead?.(text) : undefined;
  try {
    const paragraphs = paragraphSpans(text);
    let next = 0;
    for (const line of lineSpans(text)) {
      const lineTokens = tagLine(deps.segmenter, text, line, tokens);
      while (next < paragraphs.length && paragraphs[next].end <= line.end) {
        const p = paragraphs[next++];
        recognizer.next(p, p.start === line.start && p.end === line.end ? lineTokens : undefined);
      }
    }
  } finally {
    ahead?.dispose();
  }
  const mentions = recognizer.finish().filter((m) => inBounds(m, text.length));
  const events = bio ? [] : eventBlocks(text)
    .flatMap((block) => extractInBlock(input, mentions, block, (i, m) => extractEvents(i, m, { dataDir: deps.resources.dataDir })))
    .filter((e) => inBounds(e.trigger, text.length) && inBounds(e.sentence, text.length));
  return {
    articleDate,
    analysis: {
      script: prepared.script,
      date: articleDate?.iso ?? null,
      entities: mentions.map((m) => mapEntity(m, prepared)),
      events: events.map((e) => mapEvent(e, prepared)),
      issues: collectIssues(prepared),
    },
  };
}

export interface AnalyzeOptions {
  /** File name: may carry the article date. */
  fileName?: string;
  /**
   * 'guidelines' (default): the product's entity types and events. 'bio': person/place/organization
   * only, following People's Daily / MSRA BIO conventions (nested places and organisations inside a
   * title phrase stay entities), no events — what `eval-ner` scores.
   */
  conventions?: 'guidelines' | 'bio';
}

const BIO_RECOGNITION: RecognizeOptions = {
  types: new Set(['person', 'place', 'organization']),
  bioConventions: true,
};

export function analyzeArticle(original: string, deps: AnalyzerDeps, options: AnalyzeOptions = {}): ArticleAnalysis {
  return analyzePrepared(prepareText(original, deps.converter), deps, options).analysis;
}
