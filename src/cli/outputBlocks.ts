/**
 * annotate's output, one file's block at a time: the thread that analysed a file also formats it
 * (a worker posts a string, not the analysis object), and the main thread writes the blocks in
 * argument order. Together the blocks are byte for byte what formatting everything at once gives:
 * JSON is one record (one input file) or an array of records indented as JSON.stringify(…, null, 2)
 * would; brat and conll are blocks joined by blank lines, with "==> FILE <==" before each when
 * there are several files.
 */
import { toBrat, toConll, toJsonRecord } from '../core/exportFormats';
import type { ArticleAnalysis } from '../core/types';

export interface OutputSpec {
  format: 'json' | 'brat' | 'conll';
  severalFiles: boolean;
}

/** One file's block, without what separates it from the others (see OrderedOutput). */
export function outputBlock(spec: OutputSpec, path: string, text: string, analysis: ArticleAnalysis): string {
  if (spec.format === 'json') {
    const record = JSON.stringify(toJsonRecord(path, analysis), null, 2);
    // JSON strings hold no raw line breaks: indenting every line indents the record one level.
    return spec.severalFiles ? `  ${record.replace(/\n/g, '\n  ')}` : record;
  }
  const render = spec.format === 'brat' ? toBrat : toConll;
  return `${spec.severalFiles ? `==> ${path} <==\n` : ''}${render(text, analysis)}`;
}

/** Joins blocks in the order they are added, writing each at once. */
export class OrderedOutput {
  private count = 0;
  constructor(
    private readonly spec: OutputSpec,
    private readonly write: (text: string) => void,
  ) {}

  add(block: string): void {
    const first = this.count++ === 0;
    if (this.spec.format !== 'json') this.write(first ? block : `\n${block}`);
    else if (this.spec.severalFiles) this.write(`${first ? '[\n' : ',\n'}${block}`);
    else this.write(`${block}\n`);
  }

  /** What closes the output (the JSON array's bracket). */
  get closing(): string {
    return this.spec.format === 'json' && this.spec.severalFiles && this.count > 0 ? '\n]\n' : '';
  }
}
