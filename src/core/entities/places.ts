/**
 * Places: gazetteer details (administrative chain, GB/T 2260 code, kind) for place mentions, and
 * exact gazetteer / region matches the tagger may miss (上虞区, 长江经济带, 人民大会堂).
 */
import type { Token } from '../engines';
import type { NerData, PlaceInfo } from './nerData';
import type { Interval } from './spanUtil';
import { tokenBoundaries, tokenIndex, unitSet } from './spanUtil';
import { nerDataLines, perDataDir } from './nerDataFile';

/** text.includes memoised for the text being analysed (placeInfo asks about the same ancestors often). */
let memoText = '';
let memo = new Map<string, boolean>();
function textIncludes(text: string, part: string): boolean {
  if (text !== memoText) { memoText = text; memo = new Map(); }
  let hit = memo.get(part);
  if (hit === undefined) { hit = text.includes(part); memo.set(part, hit); }
  return hit;
}

/** Best gazetteer entry for a place name: prefer the candidate whose ancestors are named in the text. */
export function placeInfo(name: string, text: string, data: NerData): PlaceInfo | undefined {
  const cands = data.placeIndex.get(name);
  if (!cands || cands.length === 0) return undefined;
  if (cands.length === 1) return cands[0];
  let best = cands[0], bestScore = -1;
  for (const c of cands) {
    let score = 0;
    for (const anc of c.chain.slice(1)) if (textIncludes(text, anc) || textIncludes(text, anc.slice(0, 2))) score++;
    if (score > bestScore) { best = c; bestScore = score; }
  }
  return best;
}

/** Tags of common words: a gazetteer name written as one such word is the word (城区/n, 东部/f), not the place. */
const COMMON_WORD_TAGS = new Set(['n', 'a', 'ad', 'an', 'd', 'v', 'vn', 'l', 'i', 'm', 'b', 'z', 'f']);

/** Full names only (with their administrative suffix, or listed regions/countries of 2+ chars) on token boundaries. */
export function findGazetteerPlaces(text: string, tokens: readonly Token[], data: NerData): Interval[] {
  const { starts, ends } = tokenBoundaries(text.length, tokens);
  const tokIdx = tokenIndex(text.length, tokens);
  const trie = data.lexicon.placeTrie;
  const out: Interval[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!starts[i]) continue;
    // Walk the trie once and keep the word ends, longest tried first.
    let node = 0, best = 0;
    for (let j = i; j < text.length; j++) {
      node = trie.next(node, text.charCodeAt(j));
      if (node < 0) break;
      if (j > i && trie.flags(node) && ends[j + 1]) {
        if (gazetteerNameAt(text, i, j + 1, tokens[tokIdx[i]], data)) best = j + 1 - i;
      }
    }
    // “青岛”号: a quoted name before 号 names a ship or craft, not the place.
    // (A country or capital is one whatever jieba's tag: 在|首尔/d|会见.)
    const national = best > 0 && !!data.placeIndex.get(text.slice(i, i + best))?.some((c) => c.placeKind === 'country' || c.placeKind === 'capital');
    if (best && (national || !isCommonWord(tokens[tokIdx[i]], i, i + best)) && !CRAFT_NAME_END.test(text.slice(i + best, i + best + 2))) { out.push({ start: i, end: i + best }); i += best - 1; }
    else if (best && macroRegionAt(text, tokens, tokIdx, i, i + best, data)) { out.push({ start: i, end: i + best + 2 }); i += best + 1; }
  }
  return out;
}

/**
 * 东部地区, 中西部地区: a region named by a direction word (东部/f, which alone is "the east of" what
 * precedes) and 地区 is one of the country's macro regions, unless a place precedes it (江苏东部地区,
 * 美国西部地区: a part of that place).
 */
function macroRegionAt(text: string, tokens: readonly Token[], tokIdx: Int32Array, start: number, end: number, data: NerData): boolean {
  const area = tokens[tokIdx[end]];
  if (!area || area.start !== end || area.word !== '地区') return false;
  if (!data.placeIndex.get(text.slice(start, end))?.some((c) => c.placeKind === 'region')) return false;
  const before = tokens[tokIdx[start - 1]];
  return !before || before.end !== start || (before.tag !== 'ns' && !data.placeIndex.has(before.word));
}

/**
 * Whether text[start, end) is a gazetteer place by its full name. Short forms (上虞) are only taken
 * from the tagger: alone they are too often ordinary words; but the short form of a province or
 * city that jieba reads as one place word (进军|福建/ns, 回了|固原/ns) is that place.
 * (A function of its own: a closure in findGazetteerPlaces' loops made V8 allocate a context for
 * every character walked.)
 */
function gazetteerNameAt(text: string, start: number, end: number, token: Token | undefined, data: NerData): boolean {
  const name = text.slice(start, end);
  const candidates = data.placeIndex.get(name);
  if (!candidates) return false;
  for (const c of candidates) if (c.name === name || (SHORT_FORM_KINDS.has(c.placeKind) && isPlaceWord(token, start, end))) return true;
  return false;
}

/** A closing quotation mark and 号 after a name: the name of a ship, train or spacecraft. */
const CRAFT_NAME_END = /^[”"』」]号/;

/** Kinds of place whose short form (福建 of 福建省, 固原 of 固原市) names them when jieba reads it as a place word. */
const SHORT_FORM_KINDS = new Set(['province', 'city']);

/** Whether the token at `start` is exactly [start, end) and a place word (ns). */
function isPlaceWord(t: Token | undefined, start: number, end: number): boolean {
  return !!t && t.start === start && t.end === end && t.tag === 'ns';
}

/** Whether the token at `start` (tokens do not overlap) is exactly [start, end) and a common word. */
function isCommonWord(t: Token | undefined, start: number, end: number): boolean {
  return !!t && t.start === start && t.end === end && COMMON_WORD_TAGS.has(t.tag);
}

/** Province abbreviations by code unit, so a scan over the text builds no one-character strings. */
const abbreviationCodes = new WeakMap<NerData, Uint8Array>();
function provinceAbbreviationCodes(data: NerData): Uint8Array {
  let codes = abbreviationCodes.get(data);
  if (!codes) {
    codes = new Uint8Array(65536);
    for (const a of data.provinceAbbreviations.keys()) if (a.length === 1) codes[a.charCodeAt(0)] = 1;
    abbreviationCodes.set(data, codes);
  }
  return codes;
}

const TRAVEL_WORDS = new Set(['在', '赴', '来', '到', '驻', '离', '抵', '回', '返', '从', '至', '访']);

/** Runs of province abbreviations (沪苏浙皖, 京津冀, 沪浙) and a single one after 在/赴/驻… (在沪). */
export function findAbbreviationPlaces(text: string, tokens: readonly Token[], data: NerData): Interval[] {
  const { starts, ends } = tokenBoundaries(text.length, tokens);
  const abbreviation = provinceAbbreviationCodes(data);
  const out: Interval[] = [];
  let i = 0;
  while (i < text.length) {
    if (!abbreviation[text.charCodeAt(i)] || !starts[i]) { i++; continue; }
    let j = i;
    while (j < text.length && abbreviation[text.charCodeAt(j)]) j++;
    while (j > i && !ends[j]) j--;
    if (j - i >= 2 || (j - i === 1 && TRAVEL_WORDS.has(text[i - 1] ?? ''))) out.push({ start: i, end: j });
    i = Math.max(j, i + 1);
  }
  return out;
}

/** A hall of a venue after its name (人民大会堂|东大厅, 北大厅, 金色大厅): part of where events are held. */
export const VENUE_HALL = /^(?:[东西南北]|金色|中央)?大厅/;

/** Words that continue a place name into a larger area (长三角地区, 长江流域). */
export const PLACE_EXTENSIONS = ['地区', '城市群', '流域', '片区', '新区'];

/** Heads of named parks, zones and venues built around a name (湖州丝绸小镇, 龙芯智慧产业园). */
const VENUE_HEADS = new Set(['小镇', '产业园', '科技园', '工业园', '产业园区', '工业园区', '科技园区', '软件园', '创业园', '物流园', '开发区', '高新区', '经济开发区',
  '科学城', '科技城', '金融城', '大学城', '新城', '商务区', '自贸区', '保税区', '综合保税区', '新区', '科学园区', '风景区', '风景名胜区', '旅游区', '度假区', '社区', '街道', '技术开发区', '经济技术开发区', '高新技术产业开发区', '发射场']);
/** A railway station's head after its city (北站, 东站, 高铁站). */
const STATION = /^(?:[东南西北]站|高铁站|火车站)$/;
/** Heads of venues events are held in (深圳会展中心, 京西宾馆, 首都体育馆): a name ending in one is a place. */
export const EVENT_VENUE_END = /(?:会展中心|会议中心|展览中心|博览中心|艺术中心|宾馆|饭店|酒店|国宾馆|山庄|体育馆|体育场|体育中心|剧院|音乐厅|大会堂|礼堂|会议厅|发布厅|展览馆|博物馆|美术馆|艺术馆|纪念馆|科技馆)$/;
/** Last characters of EVENT_VENUE_END's heads (会展中心, 宾馆, 饭店, 体育场, 剧院, 音乐厅, 大会堂). */
const VENUE_LAST_CHARS = new Set([...'心馆店场院厅堂庄'].map((c) => c.charCodeAt(0)));
/** Last code units of every head findVenuePlaces looks for (venues, VENUE_HEADS, 中心, 城, stations): other tokens are skipped at once. */
const VENUE_FINAL_UNITS = unitSet([...VENUE_HEADS, '中心', '城', '站', ...[...VENUE_LAST_CHARS].map((c) => String.fromCharCode(c))], 'last');
/** Words before 中心 that make it an event venue's head (会议|中心, 国际博览|中心). */
const VENUE_CENTRE_KINDS = new Set(['会议', '展览', '会展', '博览', '艺术', '国际博览', '国际会议', '国际展览', '国际会展']);
/** Tags of the naming word a venue name starts with: place, person-like or unknown proper word, proper noun, abbreviation. */
const VENUE_NAME_TAGS = new Set(['ns', 'nr', 'nz', 'x', 'j', 'nrt']);
/** How an unknown word glued onto the clause's preposition or conjunction ends (院在, 部和). */
const GLUED_FUNCTION_END = /[在于和与及的是对向将]$/;
/** Words that pick some of a kind (部分街道, 有关社区, 周边小镇): what follows names no venue, town or village. */
export const SOME_OF_WORDS = ['部分', '有关', '相关', '多个', '一些', '若干', '周边', '主要', '重点', '其他', '其它', '全部', '所有', '沿线'];
const SOME_OF = new Set(SOME_OF_WORDS);
/** Tags of the descriptive words between the name and the head (丝绸/n, 智慧/nr). */
const VENUE_MIDDLE_TAGS = new Set(['n', 'nr', 'nz', 'ns', 'x', 'vn', 'j']);

/**
 * Venue names: a naming word, up to two descriptive nouns, then a venue head (小镇, 产业园, 开发区).
 * The naming word must not be a common word of the place lexicon's kind (国家级产业园 has none).
 */
export function findVenuePlaces(text: string, tokens: readonly Token[], data: NerData, generic: ReadonlySet<string> = new Set()): Interval[] {
  const out: Interval[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const word = tokens[k].word;
    // Most words end in no head's last character: one array read instead of the look-ups below.
    if (!VENUE_FINAL_UNITS[word.charCodeAt(word.length - 1)]) continue;
    const venueEnd = VENUE_LAST_CHARS.has(word.charCodeAt(word.length - 1)) && EVENT_VENUE_END.test(word);
    // One proper word that is the whole venue (上海展览中心/l, 北京饭店/ns).
    if (venueEnd && word.length >= 4 && /^(?:ns|nt|nz|l|j)$/.test(tokens[k].tag)) {
      out.push({ start: tokens[k].start, end: tokens[k].end });
      continue;
    }
    // 会议|中心 and 国际博览|中心 are one head, as are 科技|城 and 金融|城; the name comes before them.
    const split = k >= 2 && ((word === '中心' && VENUE_CENTRE_KINDS.has(tokens[k - 1].word)) || (word === '城' && VENUE_HEADS.has(tokens[k - 1].word + word)));
    // 苏州|北站, 西安|东站: a station named after its city.
    const station = STATION.test(word) && k >= 1 && tokens[k - 1].tag === 'ns';
    if (k === 0 || !(venueEnd || split || station || VENUE_HEADS.has(word))) continue;
    if (station) {
      out.push({ start: tokens[k - 1].start, end: tokens[k].end });
      continue;
    }
    let best = -1;
    for (let j = (split ? k - 2 : k - 1); j >= Math.max(0, k - 3); j--) {
      const t = tokens[j];
      if (t.word.length < 2 || !/^[\u4e00-\u9fff]+$/.test(t.word)) break;
      // 研究|院在/x|合肥|高新区: an unknown word ending in a preposition is debris of the clause before.
      if (t.tag === 'x' && GLUED_FUNCTION_END.test(t.word)) break;
      // (海淀区|部分/n|街道: some of a place's streets are no venue.)
      if (SOME_OF.has(t.word)) break;
      // (国家|体育场, 国家|游泳|中心: the nation's venues are named by 国家.)
      // (行政院|大礼堂: a body names its own hall.)
      // (城市|街道: a kind of place names no venue.)
      if (!generic.has(t.word) && (VENUE_NAME_TAGS.has(t.tag) || data.lexicon.places.has(t.word) || data.lexicon.orgs.has(t.word) || t.word === '国家')) best = j;
      if (!VENUE_MIDDLE_TAGS.has(t.tag)) break;
    }
    if (best >= 0 && tokens[k].end - tokens[best].start <= 14) out.push({ start: tokens[best].start, end: tokens[k].end });
  }
  return out;
}

/** Cardinal or 各 + administrative units (三省, 一市, 两国, 各乡镇, 各县市): a count of places, not a name. */
export const COUNTED_UNITS = /^[一二三四五六七八九十两几多数各][省市县区国州镇乡村]+$/;

/**
 * Short place names listed next to a recognised place (金华、松江、嘉兴、杭州): a free list item that
 * the gazetteer knows as a place name, which jieba or the tagger read as something else (嘉兴/nr).
 * `places` are the chosen place spans in text order; `taken` marks characters already used.
 */
export function findListedPlaces(text: string, places: readonly Interval[], taken: Uint8Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  const item = (start: number, end: number): Interval | null => {
    if (end - start < 2 || end - start > 4) return null;
    for (let i = start; i < end; i++) if (taken[i] || !/[\u4e00-\u9fff]/.test(text[i])) return null;
    return data.placeIndex.has(text.slice(start, end)) ? { start, end } : null;
  };
  for (const p of places) {
    // The item after: up to the next list separator or sentence mark, or a shorter one before 等, a conjunction or a count (兰州、天水|等地, 青岛、烟台|三市).
    if (text[p.end] === '、') {
      let e = p.end + 1;
      while (e < text.length && e - p.end <= 5 && !/[、，,。；;：:\s]/.test(text[e])) e++;
      let it = item(p.end + 1, e);
      for (let len = 4; !it && len >= 2; len--) if (LISTED_AFTER_ITEM.test(text.slice(p.end + 1 + len, p.end + 4 + len))) it = item(p.end + 1, p.end + 1 + len);
      if (it) { out.push(it); taken.fill(1, it.start, it.end); }
    }
    // The item before: from the previous separator, or a shorter one after a verb of going or a list word (来到|天水、兰州).
    if (text[p.start - 1] === '、') {
      let s = p.start - 1;
      while (s > 0 && p.start - 1 - s < 5 && !/[、，,。；;：:\s“”]/.test(text[s - 1])) s--;
      let it = item(s, p.start - 1);
      for (let len = 4; !it && len >= 2; len--) {
        const at = p.start - 1 - len;
        if (at > 0 && LISTED_BEFORE_ITEM.test(text.slice(Math.max(0, at - 2), at))) it = item(at, p.start - 1);
      }
      if (it) { out.push(it); taken.fill(1, it.start, it.end); }
    }
  }
  return out;
}

/** What may follow the last item of a list of places: 等, a conjunction, a separator, a count of the places (三市, 两地). */
const LISTED_AFTER_ITEM = /^(?:[、，,。；;：:\s等和与及]|[两二三四五六七八九十]+[市省地县区国城])/;
/** What may come right before the first item of a list of places: a verb of going or being somewhere, a list word. */
const LISTED_BEFORE_ITEM = /(?:来到|前往|赴|到|在|深入|走进|途经|包括|覆盖|涉及|和|与|及)$/;

/** data/ner/generic-places.txt: common nouns for kinds of places (城镇, 海港, 平原) that name no place
 * (not 海湾: People's Daily writes it for the Persian Gulf). */
export const genericPlaces: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'generic-places.txt').flatMap((l) => l.trim().split(/\s+/)).filter(Boolean)),
);

/** Tags of ordinary words (nouns, verbs, adjectives, adverbs…), where one character is no place abbreviation. */
const ORDINARY_WORD_TAGS = new Set(['n', 'vn', 'a', 'ad', 'an', 'd', 'b', 'f', 'r', 't', 'l', 'i', 'c', 'p']);
/** jieba's tag of bodies' names, which it also gives words like 中医药/nt: a one-character place inside is part of the word. */
const PROPER_WORD_TAGS = new Set(['nt']);

/**
 * A one-character place the tagger cut out of an ordinary word (中|央经济工作会议: 中 read as China,
 * 京剧): dropped when the word jieba segmented around it is a common noun, adjective or the like of
 * two characters or more. People's Daily annotates such characters (京剧, 华侨, 中药), so this is for
 * the editor only. A verb keeps its object (访华, 抵京), and a word made only of abbreviations
 * (中葡, 中日/j) keeps them.
 */
export function placeCharsInsideWords<S extends { type: string; start: number; end: number }>(spans: readonly S[], tokens: readonly Token[], tokIdx: Int32Array, abbreviations: ReadonlySet<string>): S[] {
  return spans.filter((s) => {
    if (s.type !== 'LOC' || s.end - s.start !== 1) return true;
    const t = tokens[tokIdx[s.start]];
    if (!t) return true;
    // 美团/x → 美 | 团: a character that abbreviates no country or province is no place on its own.
    if (!abbreviations.has(t.word[s.start - t.start])) return false;
    if (t.end - t.start < 2) return true;
    // (中美关系/nt opens with a pair of abbreviations: those stay places.)
    if (PROPER_WORD_TAGS.has(t.tag)) return abbreviations.has(t.word[0]) && abbreviations.has(t.word[1]);
    if (!(ORDINARY_WORD_TAGS.has(t.tag) || t.tag === 'x')) return true;
    return [...t.word].every((c) => abbreviations.has(c));
  });
}

/**
 * A verb of going or 在, then a town, township, village or subdistrict name (来到白鹤滩镇, 在柳溪村),
 * or a town and a village in it (前往枫树岭镇|白马村。).
 */
const TOWN_AFTER_ARRIVAL = /(?:来到|走进|深入|前往|抵达|赴|到|在)([\u4e00-\u9fff]{2,4}?(?:镇|乡|村|街道))(?=[^\u4e00-\u9fff]|安置|社区|村委|党委|政府|卫生|中心|小学|中学|调研|考察|看望|慰问|察看|走访|了解|检查|[\u4e00-\u9fff]{2,3}村)/g;
/** First characters that make a "town" or village a reference to one (全镇, 各乡, 该村, 这个村), or a particle or conjunction that is no part of a name (所在的|红庄乡). */
const NOT_TOWN_START = /^[全各每个本该同这那一两几行此的了和与及]/;

/** Whether a town or village word names none in particular: a reference (这个村, 全镇) or a kind of place (乡村, 新农村). */
export function noParticularTown(name: string, generic: ReadonlySet<string>): boolean {
  return NOT_TOWN_START.test(name) || generic.has(name) || generic.has(name.slice(1));
}

/**
 * Towns, townships, villages and subdistricts named after a verb of going or 在 where jieba split the
 * name (来到|白鹤|滩|镇|安置点): the name up to its head, when it is no kind of place (乡村, 城镇).
 */
export function findTownsAfterArrival(text: string, tokens: readonly Token[], generic: ReadonlySet<string>): Interval[] {
  const { starts, ends } = tokenBoundaries(text.length, tokens);
  const out: Interval[] = [];
  for (const m of text.matchAll(TOWN_AFTER_ARRIVAL)) {
    const name = m[1];
    const start = m.index! + m[0].length - name.length, end = start + name.length;
    if (!starts[start] || !ends[end] || noParticularTown(name, generic)) continue;
    out.push({ start, end });
  }
  return out;
}

