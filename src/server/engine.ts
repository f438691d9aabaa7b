/**
 * The analysis engines of the server process: segmenter (nodejieba, loaded in the background),
 * converter and resources. If nodejieba cannot load (module missing, bad dictionary) the engine
 * stays usable in a degraded mode with a character-run segmenter.
 */
import { join } from 'node:path';
import type { Converter, Segmenter, UserTerm } from '../core/engines';
import { findDataDir, type Resources } from '../core/resources';
import { CharRunSegmenter, JiebaSegmenter } from '../core/jiebaSegmenter';
import { OpenccConverter } from '../core/script';
import { analyzeArticle, type AnalyzerDeps } from '../core/analyze';
import type { ServerStatusParams } from '../shared/protocol';
import { loadNerData } from '../core/entities/nerData';

export function locateDataDir(): string {
  try {
    return findDataDir(__dirname);
  } catch {
    // Packaged layout: dist/server.js next to data/.
    return join(__dirname, '..', 'data');
  }
}

export class AnalysisEngine {
  readonly dataDir: string;
  private segmenter: Segmenter = new CharRunSegmenter();
  private jieba: JiebaSegmenter | null = null;
  private converterInstance: Converter | null = null;
  private userTerms: UserTerm[] = [];
  private ignored = new Set<string>();
  private readyPromise: Promise<ServerStatusParams> | null = null;
  status: ServerStatusParams = { state: 'loading' };

  constructor(dataDir?: string) {
    this.dataDir = dataDir ?? locateDataDir();
  }

  /** Starts loading nodejieba once (after the current tick, so `initialize` is answered first). */
  load(): Promise<ServerStatusParams> {
    this.readyPromise ??= (async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      try {
        this.converter(); // opencc tables are built once, here, off the first analysis
      } catch (err) {
        this.status = { state: 'error', message: `script converter failed: ${(err as Error).message}` };
        return this.status;
      }
      // The dictionaries build on a libuv thread while this thread loads the recognisers' data and
      // stays free for messages.
      try {
        this.jieba = await JiebaSegmenter.loadWhile({ dataDir: this.dataDir, userTerms: this.userTerms }, () => this.warmUp());
        this.segmenter = this.jieba;
        this.status = { state: 'ready' };
      } catch (err) {
        this.status = { state: 'degraded', message: (err as Error).message };
      }
      this.noteTaggerEngine();
      return this.status;
    })();
    return this.readyPromise;
  }

  /**
   * Loads the recognisers' data (tagger model, gazetteer, glossary, event lexicon, conversion
   * tables) now, once, so the first document opened does not pay for it. The segmenter may still
   * be the character one: the data does not depend on it.
   */
  private warmUp(): void {
    try {
      analyzeArticle('2020年1月1日，国务院总理李强在北京会见美国国务卿，并出席《长三角一体化发展规划纲要》发布会。', this.deps());
      this.converter().toTraditional('中国', 't');
    } catch {
      /* a failing recogniser shows up (and is logged) on the first real analysis */
    }
  }

  /** Without the native tagger everything still works, more slowly: said in the status tooltip and the log. */
  private noteTaggerEngine(): void {
    try {
      const { taggerEngine } = loadNerData(this.dataDir);
      if (taggerEngine.native) return;
      const note = `recognition tags in JavaScript, which is slower (native tagger ${taggerEngine.problem})`;
      this.status = { ...this.status, message: this.status.message ? `${this.status.message}; ${note}` : note };
    } catch {
      /* the recognisers' data failing to load is reported by the first analysis */
    }
  }

  converter(): Converter {
    return (this.converterInstance ??= new OpenccConverter());
  }

  deps(): AnalyzerDeps {
    return {
      segmenter: this.segmenter,
      converter: this.converter(),
      resources: { dataDir: this.dataDir, userTerms: this.userTerms, ignored: this.ignored } satisfies Resources,
    };
  }

  setDictionary(terms: UserTerm[], ignored: string[]): void {
    this.userTerms = terms;
    this.ignored = new Set(ignored);
    this.jieba?.addTerms(terms);
  }
}
