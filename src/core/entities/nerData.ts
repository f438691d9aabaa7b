/**
 * Loads and caches (per data folder) the NER data files: data/ner/*.txt|tsv, the generated
 * administrative gazetteer and the tagger model. Everything is precompiled once into sets and maps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaggerLexicon, TaggerModelData } from './charTagger';
import { CharTagger, LEX } from './charTagger';
import { CharTrie } from './charTrie';
import { loadNativeTagger } from './nativeTagger';

export interface PlaceInfo {
  name: string;
  code?: string;
  placeKind: string;
  /** Most specific first, including the place itself. */
  chain: string[];
}

export interface NerData {
  lexicon: TaggerLexicon;
  /** Every known place form (full and short) → its candidates (several when names repeat across provinces). */
  placeIndex: Map<string, PlaceInfo[]>;
  orgKinds: Map<string, string>;
  /** Org suffixes, longest first, with their kind. */
  orgSuffixList: Array<[string, string]>;
  titleList: string[];
  maxTitleLen: number;
  tagger: CharTagger | null;
  /** Whether the tagger's inner loop runs in the native addon, and why not when it does not. */
  taggerEngine: { native: boolean; problem?: string };
  /** One-character province abbreviations (沪 → 上海市). */
  provinceAbbreviations: Map<string, string>;
  /** Word lists of the organisation chunker (data/ner/org-chunker.tsv). */
  orgChunker: OrgChunkerWords;
}

export interface OrgChunkerWords {
  /** Allowed inside a name whatever their tag (创新/v). */
  modifiers: ReadonlySet<string>;
  /** End a name on the left (会同, 以及, 来自). */
  leftStops: ReadonlySet<string>;
  /** No organisation on their own (中心, 联盟, 领导小组). */
  genericHeads: ReadonlySet<string>;
  /** Heads that need a naming word before them (发展联盟 is generic, 零跑科技有限公司 is not). */
  commonHeads: ReadonlySet<string>;
}

function loadOrgChunkerWords(dataDir: string): OrgChunkerWords {
  const kinds = new Map<string, string[]>();
  for (const l of lines(join(dataDir, 'ner', 'org-chunker.tsv'))) {
    const [kind, list = ''] = l.split('\t');
    kinds.set(kind, [...(kinds.get(kind) ?? []), ...list.trim().split(/\s+/).filter(Boolean)]);
  }
  const set = (k: string) => new Set(kinds.get(k) ?? []);
  return { modifiers: set('modifier'), leftStops: set('left-stop'), genericHeads: set('generic-head'), commonHeads: set('common-head') };
}

const cache = new Map<string, NerData>();

function lines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

const words = (path: string) => lines(path).flatMap((l) => l.trim().split(/\s+/));

const ADMIN_SUFFIX = /(特别行政区|自治区|自治州|自治县|自治旗|林区|新区|地区|矿区|省|市|区|县|盟|旗)$/;
const ETHNIC_TAIL = /^(.{2,}?)((?:各族|[\u4e00-\u9fff]{1,5}族)+)$/;

/** Short forms people write: 浙江 for 浙江省, 上虞 for 上虞区, 延边 for 延边朝鲜族自治州, 广西 for 广西壮族自治区. */
export function shortForms(name: string): string[] {
  const out: string[] = [];
  let base = name.replace(ADMIN_SUFFIX, '');
  if (base === name) return out;
  const eth = ETHNIC_TAIL.exec(base);
  if (eth) base = eth[1];
  if (base.length >= 2) out.push(base);
  return out;
}

function addPlace(index: Map<string, PlaceInfo[]>, form: string, info: PlaceInfo) {
  const list = index.get(form);
  if (list) list.push(info);
  else index.set(form, [info]);
}

function loadPlaces(dataDir: string): Map<string, PlaceInfo[]> {
  const index = new Map<string, PlaceInfo[]>();
  const gazPath = join(dataDir, 'generated', 'gazetteer.json');
  if (existsSync(gazPath)) {
    const rows = JSON.parse(readFileSync(gazPath, 'utf8')).rows as Array<[string, string, string, number]>;
    const chainOf = (i: number): string[] => {
      const chain: string[] = [];
      for (let k = i; k >= 0; k = rows[k][3]) chain.push(rows[k][0]);
      return chain;
    };
    rows.forEach(([name, code, kind], i) => {
      const info: PlaceInfo = { name, code: code || undefined, placeKind: kind === 'prefecture' ? 'city' : kind, chain: chainOf(i) };
      addPlace(index, name, info);
      for (const s of shortForms(name)) addPlace(index, s, info);
    });
  }
  for (const l of lines(join(dataDir, 'ner', 'countries.tsv'))) {
    const [country, shorts = '', capital = ''] = l.split('\t');
    const info: PlaceInfo = { name: country, placeKind: 'country', chain: [country] };
    addPlace(index, country, info);
    // One-character abbreviations (中, 美) are left to the tagger: as lexicon entries they fire everywhere.
    for (const s of shorts.split(',').filter((x) => x.length >= 2)) addPlace(index, s, info);
    if (capital && capital !== country) addPlace(index, capital, { name: capital, placeKind: 'capital', chain: [capital, country] });
  }
  for (const l of lines(join(dataDir, 'ner', 'regions.tsv'))) {
    const [name, kind = 'region', within = ''] = l.split('\t');
    // (将军澳	town	西贡区: an area inside a place the gazetteer knows takes that place's chain.)
    const outer = within ? index.get(within)?.[0]?.chain ?? [within] : [];
    addPlace(index, name, { name, placeKind: kind, chain: [name, ...outer] });
  }
  return index;
}

const DICT_MAX_LEN = 12;
const LEXICON_LETTERS: Record<string, number> = { P: LEX.place, O: LEX.org, N: LEX.person, T: LEX.foreign, Z: LEX.proper };

/** One trie for all lexicon words (jieba's ns/nt/nr/nrt/nz words plus ours) with kind flags. */
function buildDict(dataDir: string, places: Set<string>, orgs: Set<string>, titles: Set<string>, suffixes: Set<string>): { dict: CharTrie; dictMaxLen: number } {
  const path = join(dataDir, 'generated', 'ner-lexicon.tsv');
  const content = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const dict = new CharTrie(content.length);
  const add = (w: string, flag: number) => { if (w.length >= 2 && w.length <= DICT_MAX_LEN) dict.add(w, flag); };
  // Lines are `word<TAB>letters`; scanned by index instead of split into arrays (111k lines).
  for (let i = 0; i < content.length;) {
    let nl = content.indexOf('\n', i);
    if (nl < 0) nl = content.length;
    const tab = content.indexOf('\t', i);
    if (tab > i && tab < nl && content.charCodeAt(i) !== 35 /* # */) {
      let flag = 0;
      for (let k = tab + 1; k < nl; k++) flag |= LEXICON_LETTERS[content[k]] ?? 0;
      if (flag) add(content.slice(i, tab), flag);
    }
    i = nl + 1;
  }
  for (const w of places) add(w, LEX.place);
  for (const w of orgs) add(w, LEX.org);
  for (const w of titles) add(w, LEX.title);
  for (const w of suffixes) add(w, LEX.orgSuffix);
  return { dict: dict.compact(), dictMaxLen: DICT_MAX_LEN };
}

/** Given-name characters → bucket 1 (rare) .. 3 (very common), per code unit. */
function loadGivenNames(dataDir: string): Uint8Array {
  const out = new Uint8Array(65536);
  for (const l of lines(join(dataDir, 'generated', 'given-name-chars.tsv'))) {
    const [ch, count] = l.split('\t');
    const n = Number(count);
    if (ch.length === 1) out[ch.charCodeAt(0)] = n >= 100 ? 3 : n >= 20 ? 2 : 1;
  }
  return out;
}

const reversed = (s: string) => s.split('').reverse().join('');

/** The shipped model, or null when it cannot be read (rules still work then). */
function loadTagger(path: string): TaggerModelData | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as TaggerModelData;
  } catch {
    return null;
  }
}

/** Sentences that reach most feature templates (names, titles, places, organisations, a transliterated name). */
const SELF_CHECK = ['上海市普陀区委副书记、区长肖文高在国家发展改革委主持召开会议。', '美国国务卿安东尼·布林肯访问北京，与外交部长王毅会谈。'];

/**
 * A tagger over `model`, native when the addon loads and agrees with the JavaScript loop on the
 * self-check sentences (a stale build that slipped past the version check tags differently).
 */
function buildTagger(model: TaggerModelData | null, dataDir: string, lexicon: TaggerLexicon): { tagger: CharTagger | null; engine: NerData['taggerEngine'] } {
  // Missing, unreadable, or trained for another tag set: the rules still work without it.
  const none = { tagger: null, engine: { native: false, problem: 'no usable tagger model' } };
  if (!model) return none;
  let tagger: CharTagger;
  try {
    tagger = new CharTagger(model);
  } catch {
    return none;
  }
  const native = loadNativeTagger(dataDir);
  if (!native.binding) return { tagger, engine: { native: false, problem: native.problem } };
  tagger.useNative(native.binding);
  const inJs = (problem: string) => {
    tagger.useNative(null);
    return { tagger, engine: { native: false, problem } };
  };
  for (const text of SELF_CHECK) {
    // One token per character: the check needs no segmenter and still reaches the token templates.
    const tokens = [...text].map((word, i) => ({ word, tag: 'n', start: i, end: i + 1 }));
    let agrees: boolean;
    try {
      agrees = JSON.stringify(tagger.tag(text, tokens, lexicon)) === JSON.stringify(tagger.tagJs(text, tokens, lexicon));
    } catch (err) {
      return inJs(`the native tagger failed its self-check: ${(err as Error).message}`);
    }
    if (!agrees) return inJs('the native tagger disagrees with the JavaScript tagger (a stale build? run "npm run rebuild:native")');
  }
  return { tagger, engine: { native: true } };
}

export function loadNerData(dataDir: string): NerData {
  const hit = cache.get(dataDir);
  if (hit) return hit;
  const placeIndex = loadPlaces(dataDir);
  const orgKinds = new Map<string, string>();
  // Bodies marked "rules" are no tagger lexicon feature: the model was trained without them, and a
  // lexicon flag on words its training text has changes what it learnt of the flag everywhere.
  const ruleOnlyOrgs = new Set<string>();
  for (const l of lines(join(dataDir, 'ner', 'organizations.tsv'))) {
    const [name, kind = 'other', use = ''] = l.split('\t');
    orgKinds.set(name, kind);
    if (use.trim() === 'rules') ruleOnlyOrgs.add(name);
  }
  // Suffixes marked "rules" likewise: the rules read them, the tagger's features do not.
  const ruleOnlySuffixes = new Set<string>();
  const orgSuffixList = lines(join(dataDir, 'ner', 'org-suffixes.tsv'))
    .map((l) => {
      const [suffix, kind = 'other', use = ''] = l.split('\t');
      if (use.trim() === 'rules') ruleOnlySuffixes.add(suffix);
      return [suffix, kind] as [string, string];
    })
    .sort((a, b) => b[0].length - a[0].length);
  const titleList = words(join(dataDir, 'ner', 'titles.txt')).sort((a, b) => b.length - a.length);
  const places = new Set(placeIndex.keys());
  const orgs = new Set(orgKinds.keys());
  let maxLen = 2;
  for (const s of [...places, ...orgs]) if (s.length > maxLen) maxLen = s.length;
  const surnameList = words(join(dataDir, 'ner', 'surnames.txt'));
  const titles = new Set(titleList);
  const ruleTitles = words(join(dataDir, 'ner', 'titles-rules.txt')).filter((w) => !titles.has(w));
  const orgSuffixes = new Set(orgSuffixList.map(([s]) => s).filter((s) => !ruleOnlySuffixes.has(s)));
  const surnameRank = new Uint8Array(65536);
  surnameList.forEach((w, i) => { if (w.length === 1) surnameRank[w.charCodeAt(0)] = i < 100 ? 1 : 2; });
  const compoundSurnames = new Set(words(join(dataDir, 'ner', 'compound-surnames.txt')));
  const lexicon: TaggerLexicon = {
    places,
    orgs,
    surnames: new Set(surnameList),
    compoundSurnames,
    titles,
    orgSuffixes,
    maxLen: Math.min(maxLen, 16),
    ...buildDict(dataDir, places, new Set([...orgs].filter((o) => !ruleOnlyOrgs.has(o))), titles, orgSuffixes),
    placeTrie: CharTrie.of(places),
    orgTrie: CharTrie.of(orgs),
    // (The rules read the titles of titles-rules.txt too; the tagger's features only titles.txt.)
    titleTrie: CharTrie.of([...titles, ...ruleTitles]),
    titleReverseTrie: CharTrie.of([...titles, ...ruleTitles].map(reversed)),
    givenNameBucket: loadGivenNames(dataDir),
    surnameRank,
    compoundSurnameCodes: new Set([...compoundSurnames].filter((w) => w.length === 2).map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(1))),
  };
  const modelPath = join(dataDir, 'ner', 'tagger-model.json');
  const { tagger, engine: taggerEngine } = buildTagger(existsSync(modelPath) ? loadTagger(modelPath) : null, dataDir, lexicon);
  const provinceAbbreviations = new Map(lines(join(dataDir, 'ner', 'province-abbreviations.tsv')).map((l) => l.split('\t') as [string, string]));
  const data: NerData = {
    lexicon, placeIndex, orgKinds, orgSuffixList, titleList, maxTitleLen: titleList[0]?.length ?? 0, tagger, taggerEngine, provinceAbbreviations,
    orgChunker: loadOrgChunkerWords(dataDir),
  };
  cache.set(dataDir, data);
  return data;
}

/** Replaces the tagger for a data folder (cross-validation trains one model per fold). */
export function setTagger(dataDir: string, model: TaggerModelData | null): void {
  const data = loadNerData(dataDir);
  const built = buildTagger(model, dataDir, data.lexicon);
  data.tagger = built.tagger;
  data.taggerEngine = built.engine;
}
