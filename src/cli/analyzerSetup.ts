/** Builds the analyzer dependencies for the CLI and its workers (one segmenter per thread; the patched nodejieba shares its dictionaries between threads). */
import { findDataDir } from '../core/resources';
import { CharRunSegmenter, JiebaSegmenter } from '../core/jiebaSegmenter';
import { OpenccConverter } from '../core/script';
import { analyzeArticle, type AnalyzerDeps } from '../core/analyze';
import type { Segmenter } from '../core/engines';
import { loadNerData } from '../core/entities/nerData';

/** A short traditional-script news sentence: analysing it loads every lazily loaded table. */
const WARM_UP_TEXT = '2020年1月1日，國務院總理在北京會見美國國務卿，雙方就經濟合作簽署協議。';

export async function createDeps(
  dataDir: string = findDataDir(__dirname),
  warn: (msg: string) => void = () => {},
  opts: { warmUpFirst?: boolean; preload?: boolean } = {},
): Promise<AnalyzerDeps> {
  const converter = new OpenccConverter();
  const resources = { dataDir, userTerms: [] };
  // A thread loads its conversion tables, NER model, gazetteers and lexicons (module caches, per
  // thread) by analysing a short sentence with the character segmenter, which needs no dictionary:
  // the preloading thread while the dictionary builds on a libuv thread, a CLI worker while
  // another thread has it built.
  const warmUp = () => {
    if (!opts.warmUpFirst) return;
    try {
      analyzeArticle(WARM_UP_TEXT, { segmenter: new CharRunSegmenter(), converter, resources });
    } catch {
      // Only a head start: a real analysis reports the problem.
    }
  };
  let segmenter: Segmenter;
  try {
    if (opts.preload) {
      segmenter = await JiebaSegmenter.loadWhile({ dataDir, warn }, warmUp);
    } else {
      warmUp();
      segmenter = JiebaSegmenter.load({ dataDir, warn });
    }
  } catch (err) {
    warn(`warning: word segmentation unavailable, continuing without it: ${(err as Error).message}`);
    segmenter = new CharRunSegmenter();
  }
  const { taggerEngine } = loadNerData(dataDir);
  if (!taggerEngine.native) warn(`note: recognition tags in JavaScript, which is slower: native tagger ${taggerEngine.problem}`);
  return { segmenter, converter, resources };
}
