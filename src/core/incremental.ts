/**
 * Incremental analysis for the editor: the same results as analyzeArticle, but
 *  - script conversion and entity recognition are cached per line / paragraph, so re-analysing
 *    an edited article redoes only the paragraphs the edit touched (segmentation is cached per
 *    line by the segmenter itself); the event pass then runs over the cached entities, because
 *    events inherit dates and places across the article;
 *  - work is cut into steps, so a large article can be analysed in slices that yield to the event
 *    loop and stop as soon as a newer version of the document arrives.
 */
import type { AnalyzerDeps, PreparedText } from './analyze';
import type { Token } from './engines';
import { collectIssues, mapEntity, mapEvent } from './analyze';
import type { ArticleAnalysis, ArticleDate, EntityMention, EventMention, RecognizerInput, Span } from './types';
import { OffsetMap } from './offsetMap';
import { normalize } from './normalize';
import { detectScript } from './script';
import { detectArticleDate } from './articleDate';
import { IncrementalEventExtractor } from './events';
import { BlockEventCache, eventBlocks, lineSpans, ParagraphRecognizer, paragraphSpans, tagLine, type ParagraphCache } from './paragraphs';

export interface AnalyzedArticle {
  analysis: ArticleAnalysis;
  prepared: PreparedText;
  articleDate: ArticleDate | null;
}

interface LineConversion {
  text: string;
  starts: Int32Array;
  ends: Int32Array;
}

const CONVERSION_CACHE_LIMIT = 20000;

function inBounds(span: Span, length: number): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= length && span.start < span.end;
}

export class IncrementalAnalyzer {
  private readonly conversions = new Map<string, LineConversion>();
  private readonly paragraphs: ParagraphCache = new Map();
  /** Events are cached per chunk of lines too (the article-level pass reruns). */
  private readonly events = new IncrementalEventExtractor();
  /** Events of whole blocks of a long article, reused while nothing they read changed. */
  private readonly blockEvents = new BlockEventCache<EventMention>();
  /** What the caches were computed with: user terms, ignore list and engines. */
  private depsSignature: unknown[] = [];

  /** Analyses `original` to the end without yielding. */
  analyze(original: string, deps: AnalyzerDeps, options: { fileName?: string } = {}): AnalyzedArticle {
    const steps = this.steps(original, deps, options);
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
    }
  }

  /**
   * Analyses `original` in slices of about `sliceMs`, awaiting a macrotask between slices so other
   * requests (hovers, edits) are served; returns undefined as soon as `isStale()` says a newer
   * version exists.
   */
  async analyzeInSlices(
    original: string,
    deps: AnalyzerDeps,
    options: { fileName?: string; sliceMs?: number; isStale?: () => boolean } = {},
  ): Promise<AnalyzedArticle | undefined> {
    const sliceMs = options.sliceMs ?? 20;
    const steps = this.steps(original, deps, options);
    let sliceStart = Date.now();
    for (;;) {
      const r = steps.next();
      if (r.done) return r.value;
      if (Date.now() - sliceStart >= sliceMs) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (options.isStale?.()) return undefined;
        sliceStart = Date.now();
      }
    }
  }

  private *steps(original: string, deps: AnalyzerDeps, options: { fileName?: string }): Generator<void, AnalyzedArticle> {
    this.checkDeps(deps);
    const prepared = yield* this.prepare(original, deps);
    const text = prepared.analysisText;
    const articleDate = detectArticleDate(text, options.fileName);
    const tokens: Token[] = [];
    // The segmenter caches per line: tag line by line so a large article yields in between.
    for (const p of lineSpans(text)) {
      tagLine(deps.segmenter, text, p, tokens);
      if (p.end - p.start > 200) yield;
    }
    const input: RecognizerInput = { text, tokens, skip: prepared.skip, articleDate };
    const recognizer = new ParagraphRecognizer(input, deps.resources, this.paragraphs);
    for (const p of paragraphSpans(text)) {
      recognizer.next(p);
      yield;
    }
    const mentions = recognizer.finish().filter((m) => inBounds(m, text.length));
    yield;
    const events: EventMention[] = [];
    for (const block of eventBlocks(text)) {
      events.push(...this.blockEvents.extract(input, mentions, block, (i, m) => this.events.extract(i, m, { dataDir: deps.resources.dataDir })));
      yield;
    }
    const entities = mentions.map((m: EntityMention) => mapEntity(m, prepared));
    yield;
    return {
      articleDate,
      prepared,
      analysis: {
        script: prepared.script,
        date: articleDate?.iso ?? null,
        entities,
        events: events.filter((e) => inBounds(e.trigger, text.length) && inBounds(e.sentence, text.length)).map((e) => mapEvent(e, prepared)),
        issues: collectIssues(prepared),
      },
    };
  }

  /** prepareText, with the script conversion done (and cached) line by line. */
  private *prepare(original: string, deps: AnalyzerDeps): Generator<void, PreparedText> {
    const normalized = normalize(original);
    yield;
    const source = normalized.text;
    const parts: LineConversion[] = [];
    let derivedLength = 0;
    let work = 0;
    for (const p of lineSpans(source)) {
      const line = source.slice(p.start, p.end);
      let conv = this.conversions.get(line);
      if (!conv) {
        const c = deps.converter.toSimplified(line);
        conv = { text: c.text, starts: c.map.starts, ends: c.map.ends };
        if (this.conversions.size >= CONVERSION_CACHE_LIMIT) this.conversions.clear();
        this.conversions.set(line, conv);
        work += line.length;
        if (work > 20000) {
          work = 0;
          yield;
        }
      }
      parts.push(conv);
      derivedLength += conv.text.length + (p.end < source.length ? 1 : 0);
    }
    // Concatenate the lines (and the newlines between them) into one text and one map.
    const starts = new Int32Array(derivedLength);
    const ends = new Int32Array(derivedLength);
    const texts: string[] = [];
    let d = 0;
    let lineStart = 0;
    for (let k = 0; k < parts.length; k++) {
      const conv = parts[k];
      for (let i = 0; i < conv.text.length; i++) {
        starts[d] = conv.starts[i] + lineStart;
        ends[d] = conv.ends[i] + lineStart;
        d++;
      }
      texts.push(conv.text);
      const lineEnd = source.indexOf('\n', lineStart);
      if (lineEnd >= 0) {
        starts[d] = lineEnd;
        ends[d] = lineEnd + 1;
        d++;
        lineStart = lineEnd + 1;
      }
    }
    const conversionMap = new OffsetMap(starts, ends, source.length);
    const analysisText = texts.join('\n');
    const map = normalized.map.compose(conversionMap);
    const script = detectScript(source).script;
    const skip = normalized.boilerplate
      .map((b) => ({ start: conversionMap.toDerived(b.start), end: conversionMap.toDerived(b.end) }))
      .filter((s) => s.end > s.start);
    return { original, normalized, analysisText, map, script, skip };
  }

  /** Drops the caches when the user dictionary, the ignore list or an engine changed. */
  private checkDeps(deps: AnalyzerDeps): void {
    const signature = [deps.segmenter, deps.converter, deps.resources.dataDir, deps.resources.userTerms, deps.resources.ignored];
    if (signature.length !== this.depsSignature.length || signature.some((v, i) => v !== this.depsSignature[i])) {
      this.conversions.clear();
      this.paragraphs.clear();
      this.events.clear();
      this.blockEvents.clear();
      this.depsSignature = signature;
    }
  }
}

