/**
 * Export formats of an analysis: the CLI JSON record, brat standoff (.ann), character BIO
 * (CoNLL) and an events CSV. Analyses carry UTF-16 offsets; brat wants code points, so the
 * conversion is explicit here.
 */
import type { ArticleAnalysis, Entity, EventFrame, TextIssue } from './types';

export interface JsonRecord {
  file: string;
  script: ArticleAnalysis['script'];
  date: string | null;
  entities: Array<Record<string, unknown>>;
  events: EventFrame[];
  issues: Array<Pick<TextIssue, 'kind' | 'start' | 'end'>>;
}

/** The CLI's JSON object for one file (SPEC "CLI" section), keys in the documented order. */
export function toJsonRecord(file: string, analysis: ArticleAnalysis): JsonRecord {
  return {
    file,
    script: analysis.script,
    date: analysis.date,
    entities: analysis.entities.map((e) => {
      const { type, text, canonical, start, end, ...details } = e;
      return { type, text, canonical, start, end, ...details };
    }),
    events: analysis.events.map((ev) => ({
      type: ev.type,
      trigger: { text: ev.trigger.text, canonical: ev.trigger.canonical, start: ev.trigger.start, end: ev.trigger.end },
      date: ev.date,
      place: ev.place,
      participants: ev.participants.map((p) => ({ text: p.text, type: p.type, role: p.role ?? null }) as EventFrame['participants'][number]),
      object: ev.object,
      sentence: { start: ev.sentence.start, end: ev.sentence.end },
      summary: ev.summary,
    })),
    issues: analysis.issues.map((i) => ({ kind: i.kind, start: i.start, end: i.end })),
  };
}

/** Converts UTF-16 offsets of `text` to code-point offsets (astral characters count once). */
export function codePointIndex(text: string): (utf16: number) => number {
  const prefix = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    prefix[i] = cp;
    const c = text.charCodeAt(i);
    const isHighOfPair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (!isHighOfPair) cp++;
  }
  prefix[text.length] = cp;
  return (utf16) => prefix[Math.max(0, Math.min(text.length, utf16))];
}

/** Brat fragments of [start, end): brat annotations may not span line breaks, so split there. */
function bratFragments(original: string, start: number, end: number): Array<[number, number]> {
  const frags: Array<[number, number]> = [];
  const re = /[^\r\n]+/g;
  const slice = original.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) frags.push([start + m.index, start + m.index + m[0].length]);
  return frags.length ? frags : [[start, end]];
}

/** brat standoff: T lines for entities and triggers (code-point offsets), E lines for events. */
export function toBrat(original: string, analysis: ArticleAnalysis): string {
  const cp = codePointIndex(original);
  const lines: string[] = [];
  let tId = 0;
  const textBound = (label: string, start: number, end: number): string => {
    const id = `T${++tId}`;
    const frags = bratFragments(original, start, end);
    const offsets = frags.map(([s, e]) => `${cp(s)} ${cp(e)}`).join(';');
    const text = frags.map(([s, e]) => original.slice(s, e)).join(' ');
    lines.push(`${id}\t${label} ${offsets}\t${text}`);
    return id;
  };
  const entityIds = analysis.entities.map((e) => ({ entity: e, id: textBound(e.type, e.start, e.end) }));

  /** The entity with this canonical text, preferring one inside the event's sentence. */
  const findEntity = (canonical: string, ev: EventFrame, types: readonly Entity['type'][]) => {
    const candidates = entityIds.filter(({ entity }) => types.includes(entity.type) && (entity.canonical === canonical || entity.text === canonical));
    return (
      candidates.find(({ entity }) => entity.start >= ev.sentence.start && entity.end <= ev.sentence.end) ?? candidates[0]
    )?.id;
  };

  let eId = 0;
  for (const ev of analysis.events) {
    const trig = textBound(ev.type, ev.trigger.start, ev.trigger.end);
    const args: string[] = [`${ev.type}:${trig}`];
    const roleCount = new Map<string, number>();
    const addArg = (role: string, id: string | undefined) => {
      if (!id) return;
      const n = (roleCount.get(role) ?? 0) + 1;
      roleCount.set(role, n);
      args.push(`${role}${n > 1 ? n : ''}:${id}`);
    };
    for (const p of ev.participants) addArg('Participant', findEntity(p.text, ev, [p.type]));
    if (ev.place) addArg('Place', findEntity(ev.place, ev, ['place', 'organization']));
    if (ev.object) addArg('Object', findEntity(ev.object, ev, ['document', 'organization', 'policy', 'place']));
    lines.push(`E${++eId}\t${args.join(' ')}`);
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

const SENTENCE_END = /[。！？!?]/;

/**
 * Character BIO (CoNLL): one character per line `char<TAB>tag` with tags B-type / I-type / O
 * (our entity types); whitespace is skipped, a blank line ends each sentence (。！？ or line break).
 */
export function toConll(original: string, analysis: ArticleAnalysis): string {
  const tags: string[] = new Array(original.length).fill('O');
  for (const e of analysis.entities) {
    for (let i = e.start; i < e.end; i++) tags[i] = i === e.start ? `B-${e.type}` : `I-${e.type}`;
  }
  const out: string[] = [];
  let sentenceOpen = false;
  const endSentence = () => {
    if (sentenceOpen) out.push('');
    sentenceOpen = false;
  };
  for (let i = 0; i < original.length; ) {
    const cpValue = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cpValue);
    // A lone surrogate stays a single unit.
    const width = cpValue > 0xffff && ch.length === 2 ? 2 : 1;
    const unit = original.slice(i, i + width);
    if (unit === '\n' || unit === '\r') {
      endSentence();
    } else if (!/^\s$/u.test(unit)) {
      out.push(`${unit}\t${tags[i]}`);
      sentenceOpen = true;
      if (SENTENCE_END.test(unit)) endSentence();
    }
    i += width;
  }
  endSentence();
  return out.length ? out.join('\n') + '\n' : '';
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(value: string | null | undefined): string {
  const s = value ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvRow {
  file: string;
  analysis: ArticleAnalysis;
  /** The document text, for the sentence column (empty column when absent). */
  original?: string;
}

/** Events CSV: file,date,type,trigger,object,place,participants,sentence — CRLF rows, RFC 4180. */
export function eventsToCsv(rows: readonly CsvRow[]): string {
  const out = ['file,date,type,trigger,object,place,participants,sentence'];
  for (const { file, analysis, original } of rows) {
    for (const ev of analysis.events) {
      const participants = ev.participants.map((p) => (p.role ? `${p.text}(${p.role})` : p.text)).join('; ');
      const sentence = original ? original.slice(ev.sentence.start, ev.sentence.end).replace(/\s*[\r\n]+\s*/g, ' ').trim() : '';
      out.push(
        [file, ev.date ?? '', ev.type, ev.trigger.canonical ?? ev.trigger.text, ev.object ?? '', ev.place ?? '', participants, sentence].map(csvField).join(','),
      );
    }
  }
  return out.join('\r\n') + '\r\n';
}
