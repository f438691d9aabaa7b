/**
 * Scoring of predicted entities and events against the gold annotations (../shared/gold/seeds/*.json,
 * format in GUIDELINES.md). Pure functions: callers canonicalise texts (simplified, gloss-free) first.
 *
 * Entities: a SET of (type, text) per article, as the gold lists them.
 * Events: one-to-one greedy matching on type + trigger text + overlap of object or participants.
 * Gold events listed twice count as two occurrences: each must be matched by its own prediction
 * (an article that really reports the same event twice, e.g. headline and body, yields two).
 */

export interface GoldEntity {
  type: string;
  text: string;
}

export interface GoldEvent {
  type: string;
  trigger: string;
  date: string | null;
  place: string | null;
  participants: string[];
  object: string | null;
}

export interface GoldArticle {
  id: string;
  date: string | null;
  entities: GoldEntity[];
  events: GoldEvent[];
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, tp, fp, fn };
}

export function sumPRF(parts: readonly PRF[]): PRF {
  return prf(
    parts.reduce((a, x) => a + x.tp, 0),
    parts.reduce((a, x) => a + x.fp, 0),
    parts.reduce((a, x) => a + x.fn, 0),
  );
}

export interface EntityScore {
  perType: Record<string, PRF>;
  overall: PRF;
  /** Gold (type, text) pairs not predicted, and predicted pairs not in gold. */
  missed: GoldEntity[];
  spurious: GoldEntity[];
}

/** Entities as sets of (type, text): each distinct pair counts once however often it occurs. */
export function scoreEntities(gold: readonly GoldEntity[], predicted: readonly GoldEntity[]): EntityScore {
  const key = (e: GoldEntity) => `${e.type}\t${e.text}`;
  const unkey = (k: string): GoldEntity => {
    const [type, text] = k.split('\t');
    return { type, text };
  };
  const g = new Set(gold.map(key));
  const p = new Set(predicted.map(key));
  const types = new Set([...g, ...p].map((k) => k.split('\t')[0]));
  const perType: Record<string, PRF> = {};
  for (const t of [...types].sort()) {
    const gt = [...g].filter((k) => k.startsWith(`${t}\t`));
    const pt = [...p].filter((k) => k.startsWith(`${t}\t`));
    const tp = pt.filter((k) => g.has(k)).length;
    perType[t] = prf(tp, pt.length - tp, gt.length - tp);
  }
  const tp = [...p].filter((k) => g.has(k)).length;
  return {
    perType,
    overall: prf(tp, p.size - tp, g.size - tp),
    missed: [...g].filter((k) => !p.has(k)).map(unkey),
    spurious: [...p].filter((k) => !g.has(k)).map(unkey),
  };
}

/**
 * How well two events of the same type and trigger agree on what they are about:
 * 3 = objects equal, 2 = one object contains the other, 1 = participants intersect or both events
 * name neither object nor participants, 0 = no overlap (not a match).
 */
export function eventOverlap(gold: GoldEvent, predicted: GoldEvent): number {
  const go = gold.object ?? '';
  const po = predicted.object ?? '';
  if (go && po && go === po) return 3;
  if (go && po && (go.includes(po) || po.includes(go))) return 2;
  const gp = new Set(gold.participants);
  if (predicted.participants.some((x) => gp.has(x))) return 1;
  const bare = (e: GoldEvent) => !e.object && e.participants.length === 0;
  return bare(gold) && bare(predicted) ? 1 : 0;
}

export interface EventMatch {
  gold: number;
  predicted: number;
  dateCorrect: boolean;
  placeCorrect: boolean;
}

export interface EventScore extends PRF {
  matches: EventMatch[];
  /** Share of matched events whose date (place) equals the gold, 0 when nothing matched. */
  dateAccuracy: number;
  placeAccuracy: number;
  dateCorrect: number;
  placeCorrect: number;
  /** Participants of the matched events, as sets of names: found, extra, missing. */
  participants: PRF;
  perType: Record<string, PRF>;
  /** Indexes of unmatched gold and predicted events. */
  missed: number[];
  spurious: number[];
}

/** One-to-one greedy matching, best overlap first, then document order. */
export function scoreEvents(gold: readonly GoldEvent[], predicted: readonly GoldEvent[]): EventScore {
  const pairs: Array<{ g: number; p: number; q: number }> = [];
  gold.forEach((ge, g) => {
    predicted.forEach((pe, p) => {
      if (ge.type !== pe.type || ge.trigger !== pe.trigger) return;
      const q = eventOverlap(ge, pe);
      if (q > 0) pairs.push({ g, p, q });
    });
  });
  pairs.sort((a, b) => b.q - a.q || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const matches: EventMatch[] = [];
  for (const { g, p } of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    matches.push({
      gold: g,
      predicted: p,
      dateCorrect: (gold[g].date ?? null) === (predicted[p].date ?? null),
      placeCorrect: (gold[g].place ?? null) === (predicted[p].place ?? null),
    });
  }
  matches.sort((a, b) => a.gold - b.gold);
  const types = new Set([...gold, ...predicted].map((e) => e.type));
  const perType: Record<string, PRF> = {};
  for (const t of [...types].sort()) {
    const tp = matches.filter((m) => gold[m.gold].type === t).length;
    perType[t] = prf(tp, predicted.filter((e) => e.type === t).length - tp, gold.filter((e) => e.type === t).length - tp);
  }
  const dateCorrect = matches.filter((m) => m.dateCorrect).length;
  const placeCorrect = matches.filter((m) => m.placeCorrect).length;
  let pTp = 0, pFp = 0, pFn = 0;
  for (const m of matches) {
    const g = new Set(gold[m.gold].participants), q = new Set(predicted[m.predicted].participants);
    for (const name of q) if (g.has(name)) pTp++; else pFp++;
    for (const name of g) if (!q.has(name)) pFn++;
  }
  return {
    ...prf(matches.length, predicted.length - matches.length, gold.length - matches.length),
    matches,
    dateCorrect,
    placeCorrect,
    participants: prf(pTp, pFp, pFn),
    dateAccuracy: matches.length ? dateCorrect / matches.length : 0,
    placeAccuracy: matches.length ? placeCorrect / matches.length : 0,
    perType,
    missed: gold.map((_, i) => i).filter((i) => !usedG.has(i)),
    spurious: predicted.map((_, i) => i).filter((i) => !usedP.has(i)),
  };
}

/** Totals over several articles' event scores. */
export function sumEventScores(parts: readonly EventScore[]): PRF & { dateAccuracy: number; placeAccuracy: number; matched: number; participants: PRF } {
  const total = sumPRF(parts);
  const matched = total.tp;
  const dates = parts.reduce((a, x) => a + x.dateCorrect, 0);
  const places = parts.reduce((a, x) => a + x.placeCorrect, 0);
  return { ...total, matched, dateAccuracy: matched ? dates / matched : 0, placeAccuracy: matched ? places / matched : 0, participants: sumPRF(parts.map((x) => x.participants)) };
}

/** Anything shaped like an analysis event frame (CLI JSON or ArticleAnalysis). */
export interface EventLike {
  type: string;
  trigger: { text: string };
  date: string | null;
  place: string | null;
  participants: ReadonlyArray<{ text: string }>;
  object: string | null;
}

/** Predicted events in gold form; `canon` makes texts simplified and gloss-free (trigger text is an original slice). */
export function toGoldEvents(events: readonly EventLike[], canon: (s: string) => string = (s) => s): GoldEvent[] {
  return events.map((e) => ({
    type: e.type,
    trigger: canon(e.trigger.text),
    date: e.date ?? null,
    place: e.place === null ? null : canon(e.place),
    participants: e.participants.map((p) => canon(p.text)),
    object: e.object === null ? null : canon(e.object),
  }));
}

/** Pinyin glosses as injected in the seeds: 創(chuàng)新 → 創新. */
export function stripPinyinGlosses(s: string): string {
  return s.replace(/\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ]+)\)/g, '');
}
