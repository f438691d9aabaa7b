/** Builds the analyzer dependencies for the CLI and its workers (one segmenter per thread; the patched nodejieba shares its dictionaries between threads). */
import { findDataDir } from '../core/resources';
import { CharRunSegmenter, JiebaSegmenter } from '../core/jiebaSegmenter';
import { OpenccConverter } from '../core/script';
import type { AnalyzerDeps } from '../core/analyze';
import type { Segmenter } from '../core/engines';

export function createDeps(dataDir: string = findDataDir(__dirname), warn: (msg: string) => void = () => {}): AnalyzerDeps {
  let segmenter: Segmenter;
  try {
    segmenter = JiebaSegmenter.load({ dataDir, warn });
  } catch (err) {
    warn(`warning: word segmentation unavailable, continuing without it: ${(err as Error).message}`);
    segmenter = new CharRunSegmenter();
  }
  return { segmenter, converter: new OpenccConverter(), resources: { dataDir, userTerms: [] } };
}
