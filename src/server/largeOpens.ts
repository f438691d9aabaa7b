/**
 * Large documents arrive as an empty didOpen followed by chunks of their text (see LargeOpenMethod
 * in src/shared/protocol.ts). Until the last chunk, the document is "opening": not analysed, and
 * requests about it wait.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LargeOpenParams, OpenChunkParams } from '../shared/protocol';

interface Opening {
  version: number;
  chunks: number;
  received: number;
  done: Promise<void>;
  resolve: () => void;
}

export class LargeOpens {
  private readonly opening = new Map<string, Opening>();

  constructor(
    private readonly documentOf: (uri: string) => TextDocument | undefined,
    private readonly onComplete: (doc: TextDocument) => void,
    private readonly log: (msg: string) => void,
  ) {}

  announce(params: LargeOpenParams): void {
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    this.opening.get(params.uri)?.resolve();
    this.opening.set(params.uri, { version: params.version, chunks: params.chunks, received: 0, done, resolve });
  }

  /** Whether `uri` is still receiving its text (its didOpen text is not the document's text yet). */
  isOpening(uri: string): boolean {
    return this.opening.has(uri);
  }

  /** Resolves when `uri` has its whole text (at once if it is not opening). */
  whenOpen(uri: string): Promise<void> {
    return this.opening.get(uri)?.done ?? Promise.resolve();
  }

  chunk(params: OpenChunkParams): void {
    const o = this.opening.get(params.uri);
    const doc = this.documentOf(params.uri);
    if (!o || !doc) return;
    if (params.index !== o.received) {
      this.log(`chunk ${params.index} of ${params.uri} out of order (expected ${o.received})`);
      return;
    }
    const end = doc.positionAt(doc.getText().length);
    TextDocument.update(doc, [{ range: { start: end, end }, text: params.text }], o.version);
    o.received++;
    if (o.received === o.chunks) this.finish(params.uri, doc);
  }

  /** The document closed (or the server forgets it) before its last chunk. */
  forget(uri: string): void {
    this.opening.get(uri)?.resolve();
    this.opening.delete(uri);
  }

  private finish(uri: string, doc: TextDocument): void {
    const o = this.opening.get(uri)!;
    this.opening.delete(uri);
    this.onComplete(doc);
    o.resolve();
  }
}
