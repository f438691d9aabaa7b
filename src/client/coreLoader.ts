/**
 * Lazy access to the opencc-based core (conversion, cleaning), so it stays off the activation
 * path. In the packaged extension it is the separate bundle dist/textTools.js next to
 * dist/extension.js; when that file is absent (unbundled runs) the source module is used.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Converter } from '../core/engines';

type TextTools = typeof import('./textTools');

export class CoreLoader {
  private tools: TextTools | undefined;
  private converterInstance: Converter | undefined;

  private load(): TextTools {
    if (!this.tools) {
      const bundled = join(__dirname, 'textTools.js');
      // A computed path, so the bundler leaves this require to run time.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      this.tools = (existsSync(bundled) ? require(bundled) : require(['.', 'textTools'].join('/'))) as TextTools;
    }
    return this.tools;
  }

  converter(): Converter {
    return (this.converterInstance ??= new (this.load().OpenccConverter)());
  }

  normalize(): Pick<TextTools, 'normalize' | 'cleanArticle'> {
    return this.load();
  }

  detectScript(text: string): ReturnType<TextTools['detectScript']> {
    return this.load().detectScript(text);
  }
}
