/**
 * Organisations beyond the tagger: known names and abbreviations (data/ner/organizations.tsv) and a
 * suffix grammar (…联盟, …研究所, …委员会, …公司) with place / name prefixes, plus the orgKind.
 */
import type { Token } from '../engines';
import type { NerData } from './nerData';
import { isHan, phraseToken, tokenBoundaries, unitSet, type Interval } from './spanUtil';
import { nerDataLines, perDataDir } from './nerDataFile';
import { knownPlace } from './bioConventions';

export interface OrgSpan extends Interval { source: string }

const MAX_ORG_LEN = 24;
/** Tags that make a prefix specific enough to name an organisation (place, organisation, proper noun, unknown word, abbreviation). */
const NAMING_TAGS = new Set(['ns', 'nt', 'nz', 'nrt', 'x', 'eng', 'nr']);

export function orgKind(name: string, data: NerData): string {
  const known = data.orgKinds.get(name);
  if (known) return known;
  for (const [suffix, kind] of data.orgSuffixList) if (name.endsWith(suffix) && name.length > suffix.length) return kind;
  return 'other';
}

/** Longest known-organisation matches that start and end on token boundaries. */
/** 等 "and others", closing a list, and 将 "will": jieba glues them to a body's last character. */
const GLUED_AFTER_BODY = new Set([0x7b49, 0x5c06]);

function lexiconMatches(text: string, tokens: readonly Token[], data: NerData): OrgSpan[] {
  const { starts, ends } = tokenBoundaries(text.length, tokens);
  const out: OrgSpan[] = [];
  const trie = data.lexicon.orgTrie;
  const maxLen = Math.min(data.lexicon.maxLen, 12);
  for (let i = 0; i < text.length; i++) {
    if (!starts[i]) continue;
    let node = 0, best = 0;
    for (let j = i; j < text.length && j - i < maxLen; j++) {
      node = trie.next(node, text.charCodeAt(j));
      if (node < 0) break;
      // (科技|部等/x, 发展改革|委将/x: a list's 等 or a 将 "will" jieba glued to the name's last character.)
      if (j > i && trie.flags(node) && (ends[j + 1] || (GLUED_AFTER_BODY.has(text.charCodeAt(j + 1)) && ends[j + 2] && starts[j]))) best = j + 1 - i;
    }
    if (best) { out.push({ start: i, end: i + best, source: 'organizations.tsv' }); i += best - 1; }
  }
  return out;
}

/** Last code units of the suffixes: most tokens are ruled out with one lookup. */
const lastCharCache = new WeakMap<NerData, Set<number>>();
function suffixLastChars(data: NerData): Set<number> {
  let set = lastCharCache.get(data);
  if (!set) {
    set = new Set(data.orgSuffixList.map(([s]) => s.charCodeAt(s.length - 1)));
    lastCharCache.set(data, set);
  }
  return set;
}

/** Tags a name never starts with (verbs, numerals, measure words, adjectives, adverbs). */
const NO_START_TAGS = new Set(['v', 'vn', 'vd', 'm', 'q', 'a', 'ad', 'an', 'd', 'b', 'z']);
const NUMERAL_START = /^[0-9一二三四五六七八九十百千万两几多数各]/;
const OPEN_PAREN = new Set(['(', '（']);
const CLOSE_PAREN = new Set([')', '）']);

/** Whether a token names something: a place, an organisation, a proper noun, an abbreviation run (沪苏浙皖). */
function namingToken(t: Token, data: NerData): boolean {
  // 九地/x, 八家/m count things; one abbreviation character (在沪商会) is too loose.
  if (NUMERAL_START.test(t.word) && t.tag !== 'ns' && t.tag !== 'nt') return false;
  if (t.word.length === 1 && t.tag !== 'ns' && t.tag !== 'nt') return false;
  return NAMING_TAGS.has(t.tag) || data.lexicon.places.has(t.word) || data.lexicon.orgs.has(t.word)
    || [...t.word].every((c) => data.provinceAbbreviations.has(c));
}

/**
 * Where an organisation suffix ending at `end` begins: the longest suffix whose start is a token start
 * (研究/所 → 研究所), or the start of a compound word that ends with a 2+ character suffix or is
 * tagged nt (上海市政府/nt). Returns the head token's start and whether the word itself carries a prefix.
 */
function suffixHead(text: string, tokens: readonly Token[], tokIdx: Int32Array, k: number, data: NerData): { start: number; inWord: boolean } | null {
  const end = tokens[k].end;
  for (const [s] of data.orgSuffixList) {
    const from = end - s.length;
    if (from < 0 || !text.startsWith(s, from)) continue;
    const h = tokIdx[from];
    if (h < 0) continue;
    const head = tokens[h];
    if (head.start === from) return { start: from, inWord: false };
    if (h === k && (s.length >= 2 || head.tag === 'nt')) return { start: head.start, inWord: true };
    // 沙特阿拉伯/ns|投资部/n: a ministry word right after a place (not 东部, 总部, 干部: parts and people).
    if (h === k && s === '部' && head.word.length <= 4 && !NOT_A_MINISTRY.test(head.word) && tokens[k - 1]?.tag === 'ns' && tokens[k - 1].end === head.start) {
      return { start: head.start, inWord: false };
    }
  }
  return null;
}

/** Words ending in 部 that name a part, a place or people rather than a ministry. */
const NOT_A_MINISTRY = /^(?:[东西南北中内外全局本总支干腹底头顶基胸背上下前后]|俱乐|司令|指挥|分|营|事业|编辑|工作|项目|销售)部$/;

/**
 * The organisation chunker: [place / proper-noun prefix] [modifier words, (parenthesised part)]* suffix,
 * e.g. 长三角县市区(科技)产业协同发展联盟, 海通证券研究所, 武宁创新共同体, 上海市政府. The left edge
 * stops at punctuation, verbs, function words and listed stop words (会同, 以及, 来自), and a name
 * never starts with a verb, numeral or modifier; a name needs some naming token before its suffix.
 */
/** How an unknown word that glued a preposition or conjunction onto a name's first character starts (为市, 在沪). */
const GLUED_FUNCTION_START = /^[为在和与于对向将把被及由从据经同]/;
/** A level of government written as a word of its own (区|发展改革委). */
export const LEVEL_WORD = /^[省市县区镇乡]$/;
/** What may stand before a level word that opens a body's name: a clause or list boundary. */
const BEFORE_LEVEL_WORD = /[、，,。；;：:\s（(]/;
/** Tags of a word before a level word that leaves it opening a name (由/p 省|水利厅, 和/c 市|财政局). */
const BEFORE_LEVEL_TAGS = new Set(['p', 'c']);

/** Whether token k is a level word of its own opening a body's name: after a boundary, a preposition or a conjunction. */
export function levelWordOpensName(k: number, text: string, tokens: readonly Token[]): boolean {
  const level = tokens[k], before = tokens[k - 1];
  return !!level && LEVEL_WORD.test(level.word)
    && (level.start === 0 || BEFORE_LEVEL_WORD.test(text[level.start - 1]) || (!!before && before.end === level.start && BEFORE_LEVEL_TAGS.has(before.tag)));
}

/** An unknown word jieba made of a preposition or conjunction and the next character (为市/x, 由省/x). */
export const gluedFunctionWord = (t: Token) => t.tag === 'x' && GLUED_FUNCTION_START.test(t.word);

/** Tags of the field nouns a department's name joins with 和 (经济和信息化, 人力资源和社会保障). */
const FIELD_TAGS = new Set(['n', 'vn', 'l', 'nz']);

function suffixMatches(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, guidelines: boolean): OrgSpan[] {
  const out: OrgSpan[] = [];
  const lastChars = suffixLastChars(data);
  const words = data.orgChunker;
  // (刘晓东|为市/x|人民政府: an unknown word opening with a preposition is the clause's, not the name's.)
  const inside = (t: Token) => !words.leftStops.has(t.word) && !gluedFunctionWord(t)
    && (words.modifiers.has(t.word) || (phraseToken(t) && t.tag !== 'm'));
  /** A field noun of a department's name (经济, 人力资源), not a complete body. */
  const field = (x: Token | undefined) => !!x && FIELD_TAGS.has(x.tag) && isHan(x.word[0]) && !endsWithSuffix(x.word, data);
  tokens.forEach((t, k) => {
    if (!lastChars.has(t.word.charCodeAt(t.word.length - 1))) return;
    // 工业互联网, 物联网: networks, not websites (人民网) or bodies.
    if (NETWORK_NOUN.test(t.word)) return;
    // 汉江流域|中心|城市, 中心|工作: 中心 "central" modifying the noun after it.
    if (centralModifier(t.end, text, tokens, tokIdx)) return;
    const head = suffixHead(text, tokens, tokIdx, k, data);
    if (!head) return;
    // Extend left over name tokens and balanced parenthesised parts of up to 6 characters.
    // A proper noun that ends with the suffix (国家环保局/nt, 法国队/nt) is a whole name already; a
    // common compound (产业联盟/n) still takes the name before it.
    let j = tokIdx[head.start];
    let first = j;
    while (j > 0 && !(head.inWord && (t.tag === 'nt' || t.tag === 'ns'))) {
      const prev = tokens[j - 1];
      if (t.end - prev.start > MAX_ORG_LEN) break;
      if (CLOSE_PAREN.has(prev.word)) {
        let o = j - 2;
        while (o >= 0 && !OPEN_PAREN.has(tokens[o].word) && prev.start - tokens[o].end <= 6 && isHan(tokens[o].word[0])) o--;
        if (o < 1 || !OPEN_PAREN.has(tokens[o].word) || o === j - 2 || !inside(tokens[o - 1])) break;
        j = o - 1;
        first = j;
        continue;
      }
      // 经济|和|信息化|局, 住房|和|城乡建设|委员会: 和 between two field nouns is inside the body's name
      // (not between two bodies: 商务局|和|统计局).
      if (prev.word === '和' && field(tokens[j]) && field(tokens[j - 2])) {
        j -= 2;
        first = j;
        continue;
      }
      if (!inside(prev)) break;
      j--;
      first = j;
    }
    // Trim what cannot start a name: verbs, numerals, modifiers (unless they name something).
    // Unknown words (x) at the edge are mostly segmentation debris (这支, 逼平, 由原).
    while (first < k && (OPEN_PAREN.has(tokens[first].word) || CLOSE_PAREN.has(tokens[first].word) || tokens[first].tag === 'x' || (!namingToken(tokens[first], data)
      && (NO_START_TAGS.has(tokens[first].tag) || NUMERAL_START.test(tokens[first].word) || words.modifiers.has(tokens[first].word))))) first++;
    const start = tokens[first].start;
    if (start === head.start && !head.inWord) return;
    // A one-character unit after a complete organisation is a department of it (上海发改委|长三角处).
    if (t.end - head.start === 1 && !head.inWord) {
      for (let i = first; i < tokIdx[head.start]; i++) if (endsWithSuffix(tokens[i].word, data)) return;
    }
    if (!balanced(text.slice(start, t.end))) return;
    let named = head.inWord && (tokens[k].tag === 'nt' || tokens[k].tag === 'ns');
    for (let i = first; i < tokIdx[head.start] && !named; i++) if (namingToken(tokens[i], data)) named = true;
    // 国家|林业|和|草原|局, 省|工业|和|信息化|厅: under the guidelines the nation's bodies are named by
    // 国家 (not 国家|和|…), a level's departments by the level word opening them.
    if (!named && guidelines && tokIdx[head.start] - first >= 2 && !JOINING.has(tokens[first + 1].word)
      && (tokens[first].word === '国家' || levelWordOpensName(first, text, tokens))) named = true;
    if (head.inWord && !named) {
      const word = tokens[k].word;
      const prefix = word.slice(0, word.length - (t.end - head.start));
      if (data.lexicon.places.has(prefix)) named = true;
    }
    // 谱写中国式现代化新篇章贡献|人大|力量: a people's congress or a political consultative conference
    // is a place's (浙江省人大, 全国政协, 市政协); words that open with no place name none.
    if (named && PLACE_LEGISLATURES.has(text.slice(head.start, t.end)) && !placeOpens(tokens[first], data)) return;
    if (named && !genericOrganization(text.slice(start, t.end), tokens.slice(first, k + 1), data)) out.push({ start, end: t.end, source: 'org-suffix' });
  });
  return out;
}

/** Suffixes of bodies only a place has (its people's congress, its political consultative conference). */
const PLACE_LEGISLATURES = new Set(['人大', '人大常委会', '政协']);
/** Words that open the name of a place's body besides place names: the nation and the levels. */
const PLACE_BODY_OPENER = /^(?:全国|中共|[省市县区乡镇州旗]|自治区|自治州)$/;

function placeOpens(t: Token, data: NerData): boolean {
  return t.tag === 'ns' || PLACE_BODY_OPENER.test(t.word) || knownPlace(t.word, data);
}

function endsWithSuffix(word: string, data: NerData): boolean {
  return data.orgSuffixList.some(([s]) => word.length > s.length && word.endsWith(s));
}

function balanced(name: string): boolean {
  let depth = 0;
  for (const c of name) {
    if (OPEN_PAREN.has(c)) depth++;
    else if (CLOSE_PAREN.has(c) && --depth < 0) return false;
  }
  return depth === 0;
}

/** A name that is only a generic head (中心, 联盟) or a generic head after common words (发展联盟, 智库联盟). */
export function genericOrganization(name: string, tokens: readonly Token[], data: NerData, nationalNamed = false): boolean {
  if (data.orgChunker.genericHeads.has(name)) return true;
  if (tokens.length < 2 || data.orgKinds.has(name)) return false;
  const last = tokens[tokens.length - 1];
  if (!data.orgChunker.commonHeads.has(last.word)) return false;
  // 国家|标准化|管理|委员会: under the guidelines the nation's bodies are named by 国家 (People's Daily
  // conventions, measured on its CV, do better without).
  if (nationalNamed && tokens[0].word === '国家' && tokens.length >= 3 && !/[及和与、]/.test(name)) return false;
  return tokens.slice(0, -1).every((t) => !namingToken(t, data));
}

/** `guidelines`: the product's conventions (the nation's bodies are named by 国家), not People's Daily's. */
export function findOrganizations(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, guidelines = true): OrgSpan[] {
  return [...lexiconMatches(text, tokens, data), ...suffixMatches(text, tokens, tokIdx, data, guidelines), ...(guidelines ? [...placeBodies(text, tokens, data), ...ministryDepartments(tokens)] : [])];
}

/** A bracketed part inside a body's name and the name's end: (集团)有限公司, (合肥)股份有限公司, (深圳)…研究院. */
const BRACKETED_NAME_TAIL = /[（(][\u4e00-\u9fff]{1,4}[）)](?:[\u4e00-\u9fff]{0,8}?)(?:(?:股份)?有限(?:责任)?公司|集团(?:股份)?有限公司|研究院|研究所)/g;
/** Words that end what comes before a body's name (list marks and conjunctions, prepositions, particles). */
const BEFORE_NAME_TAGS = new Set(['p', 'c', 'u', 'uj', 'ul', 'uz', 'r', 'x', 'm', 'q', 'd']);
/** Longest head before the bracket. */
const MAX_BRACKETED_HEAD = 16;

/**
 * Bodies whose names hold a bracket (合肥市建设投资控股(集团)有限公司, 本源量子计算科技(合肥)股份有限公司,
 * 中国(深圳)综合开发研究院): jieba and the tagger break them at the bracket. The head runs back from the
 * bracket over words of the name to a list mark, conjunction, preposition or particle.
 */
export function findBracketedBodies(text: string, tokens: readonly Token[], tokIdx: Int32Array): OrgSpan[] {
  const out: OrgSpan[] = [];
  if (text.indexOf('(') < 0 && text.indexOf('（') < 0) return out;
  for (const m of text.matchAll(BRACKETED_NAME_TAIL)) {
    const b = m.index!;
    let start = b;
    for (let k = tokIdx[b - 1]; k >= 0 && b - tokens[k].start <= MAX_BRACKETED_HEAD; k--) {
      const t = tokens[k];
      if (t.end !== start || BEFORE_NAME_TAGS.has(t.tag) || !/^[\u4e00-\u9fff]+$/.test(t.word)) break;
      start = t.start;
    }
    if (b - start >= 2) out.push({ start, end: b + m[0].length, source: 'bracketed name' });
  }
  return out;
}

/** A company's registered form ends its full name (…有限公司, …有限责任公司, …股份有限公司). */
const LEGAL_COMPANY_SUFFIX = /(?:股份)?有限(?:责任)?公司/g;
/** Words a company's full name never holds: where one stands, the name starts after it. */
const BEFORE_COMPANY_WORDS = new Set(['在', '到', '赴', '来到', '走进', '前往', '深入', '走访', '参观', '考察', '调研', '会见', '看望', '慰问', '视察', '与', '和', '同', '对', '向', '为', '由', '从', '经', '据', '是', '系', '将', '把', '被', '让', '等', '及', '以及', '旗下', '下属', '所属', '控股的']);
/** Tags a company's full name may start with: places, proper nouns, abbreviations, bodies, nouns (中 of 中铁 is f). */
const COMPANY_START_TAGS = new Set(['ns', 'nz', 'nt', 'j', 'x', 'nrt', 'n', 'nr']);
/** Longest full name before the registered form. */
const MAX_COMPANY_HEAD = 18;

/**
 * A company's full name (中国证券登记结算有限责任公司, 中铁一局集团有限公司): the words before its registered
 * form back to a list mark, a function word, a verb of going or meeting or a title, whatever their
 * tags (登记/v 结算/v are part of the name); then from the first word that may start a name.
 */
export function findLegalCompanyNames(text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): OrgSpan[] {
  const out: OrgSpan[] = [];
  if (text.indexOf('有限') < 0) return out;
  for (const m of text.matchAll(LEGAL_COMPANY_SUFFIX)) {
    const b = m.index!;
    let k = tokIdx[b];
    // (华为技术有限公司/nt: the suffix inside one word; the word's own start is where the walk begins.)
    let start = k >= 0 && tokens[k].start < b ? tokens[k].start : b;
    if (!(k >= 0 && tokens[k].start < b)) k = tokIdx[b - 1];
    else k--;
    for (; k >= 0 && b - tokens[k].start <= MAX_COMPANY_HEAD; k--) {
      const t = tokens[k];
      if (t.end !== start || BEFORE_NAME_TAGS.has(t.tag) || BEFORE_COMPANY_WORDS.has(t.word) || data.lexicon.titles.has(t.word) || !/^[\u4e00-\u9fff]+$/.test(t.word)) break;
      start = t.start;
    }
    // From the first word that may open a name (注册|某某有限公司, 来到|浙江吉利控股集团有限公司).
    for (let j = tokIdx[start]; start < b && j >= 0 && tokens[j].start === start && !COMPANY_START_TAGS.has(tokens[j].tag) && !(tokens[j].word === '中' && tokens[j].tag === 'f'); j++) start = tokens[j].end;
    if (b - start < 2) continue;
    out.push({ start, end: b + m[0].length, source: 'company full name' });
  }
  return out;
}

/** How a ministry, commission or administration jieba reads as one body ends (财政部, 国家发展改革委, 海关总署). */
const MINISTRY_END = /(?:部|委|委员会|总署|总局)$/;

/**
 * A department (司) of a ministry, named after it (财政部|国库|司, 海关总署|统计分析|司, 商务部|外贸|司):
 * a body jieba tags nt ending as a ministry does, one or two field words, then 司 (which jieba
 * often tags as a surname). Under the guidelines the department is one body with its ministry.
 */
function ministryDepartments(tokens: readonly Token[]): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (let k = 0; k + 2 < tokens.length; k++) {
    const ministry = tokens[k];
    // (教育部/n: jieba tags some ministries as common nouns.)
    if ((ministry.tag !== 'nt' && !(ministry.tag === 'n' && ministry.word.length >= 3)) || !MINISTRY_END.test(ministry.word)) continue;
    for (let j = k + 1; j <= k + 2 && j + 1 < tokens.length; j++) {
      const field = tokens[j];
      if (field.start !== tokens[j - 1].end || !PLACE_BODY_FIELD_TAGS.has(field.tag)) break;
      const head = tokens[j + 1];
      if (head.word === '司' && head.start === field.end) {
        out.push({ start: ministry.start, end: head.end, source: 'ministry department' });
        break;
      }
    }
  }
  return out;
}

/** How a government department, command or unit ends (管理局, 旅游局, 指挥部, 消防救援总队, 人民政府). */
const GOVERNMENT_BODY_END = /(?:局|厅|委|委员会|办公室|总队|支队|指挥部|管委会|人民政府|政府)$/;
/** A place's own government or party committee, right after it (金塘镇|人民政府). */
const TOWN_GOVERNMENT = new Set(['人民政府', '党委', '政府']);
/** Tags of the field words between a place and its department's head (文化|广电|和|旅游局, 抗震救灾/l). */
const PLACE_BODY_FIELD_TAGS = new Set(['n', 'vn', 'nz', 'l', 'j']);

/**
 * A department of a named place (哈尔滨市|文化|广电|和|旅游局, 四川省|消防|救援|总队, 深圳市|前海|管理局):
 * a province, city or county the gazetteer knows, then up to four field words (two may be joined by
 * 和/与) ending in a department's head. Under the guidelines the place is part of the body's name.
 */
/** The government word `word` ends with (人民政府). (Not a closure in placeBodies' loop: V8 then allocated a context per token.) */
function governmentEnding(word: string): string | undefined {
  for (const g of TOWN_GOVERNMENT) if (word.endsWith(g)) return g;
  return undefined;
}

/** A state's formal name as one jieba word (老挝人民民主共和国, 柬埔寨王国). */
const STATE_FORMAL_WORD = /^[\u4e00-\u9fff]{2,10}(?:共和国|王国|合众国|酋长国|公国)$/;
/** A state's ministry (投资部, 外交部), not a part or a cadre (内部, 干部, 东部). */
const STATE_MINISTRY_END = /^[\u4e00-\u9fff]*[^内全干外局东西南北中总]部$/;

function placeBodies(text: string, tokens: readonly Token[], data: NerData): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const place = tokens[k];
    // 广西壮族自治区人民政府/l: one jieba word, a known place and its government.
    const government = place.word.length >= 6 ? governmentEnding(place.word) : undefined;
    if (government && data.placeIndex.has(place.word.slice(0, place.word.length - government.length))) {
      out.push({ start: place.start, end: place.end, source: 'place body' });
      continue;
    }
    if (k + 1 >= tokens.length) break;
    // (金塘镇/x|人民政府: a town jieba did not know.)
    const town = place.word.length >= 3 && /[镇乡]$/.test(place.word) && (place.tag === 'x' || place.tag === 'ns') && isHan(place.word[0]);
    // (老挝人民民主共和国/ns|计划|投资部: a state's formal name, which the gazetteer lists by its short one.)
    if (!town && (place.tag !== 'ns' || place.word.length < 2 || !(data.placeIndex.has(place.word) || STATE_FORMAL_WORD.test(place.word)))) continue;
    if (TOWN_GOVERNMENT.has(tokens[k + 1].word) && tokens[k + 1].start === place.end) {
      out.push({ start: place.start, end: tokens[k + 1].end, source: 'place body' });
      continue;
    }
    // 江苏省|民政厅/nt: a department jieba knows as a body's name, right after the place.
    const department = tokens[k + 1];
    if (department.start === place.end && department.tag === 'nt' && department.word.length >= 2 && GOVERNMENT_BODY_END.test(department.word) && department.end - place.start <= 16) {
      out.push({ start: place.start, end: department.end, source: 'place body' });
      continue;
    }
    for (let j = k + 1, n = 0; j < tokens.length && n < 5; j++, n++) {
      const t = tokens[j];
      const joined = JOINING.has(t.word) && j > k + 1 && j + 1 < tokens.length;
      // (前海/f: a district's name jieba reads as a direction word.)
      const field = PLACE_BODY_FIELD_TAGS.has(t.tag) || (t.tag === 'f' && t.word.length === 2 && j === k + 1);
      if (!joined && !field) break;
      const ministry = STATE_FORMAL_WORD.test(place.word) && STATE_MINISTRY_END.test(t.word);
      if (field && (j > k + 1 || ministry) && (GOVERNMENT_BODY_END.test(t.word) || ministry) && t.end - place.start <= 16) {
        out.push({ start: place.start, end: t.end, source: 'place body' });
        break;
      }
    }
  }
  return out;
}

/** A name in corner or double quotes (出席「国家科学及技术委员会」成立周年记者会). */
const QUOTED_NAME = /[「“]([^「」“”，,。；;、：:！？\n]{4,24})[」”]/g;

/**
 * Organisations named in quotes, as Taiwan and Hong Kong news often write them: the quoted words end
 * with an organisation suffix (委员会, 协会, 研究院…; not a lone 部/局/办/队, which end common words too).
 */
export function findQuotedOrganizations(text: string, data: NerData): OrgSpan[] {
  const out: OrgSpan[] = [];
  for (const m of text.matchAll(QUOTED_NAME)) {
    const name = m[1];
    let suffixed = false;
    for (let k = 2; k <= Math.min(6, name.length - 2) && !suffixed; k++) suffixed = data.lexicon.orgSuffixes.has(name.slice(-k));
    if (!suffixed) continue;
    const start = m.index! + 1;
    out.push({ start, end: start + name.length, source: 'quoted name' });
  }
  return out;
}

/** Nouns 中心 "central" modifies (中心城市, 中心工作): the 中心 before them heads no body. */
const CENTRAL_NOUN = new Set(['城市', '城区', '地带', '区域', '位置', '环节', '任务', '工作', '地位', '镇', '村']);

/** Whether the 中心 ending at `end` is "central", modifying the noun jieba reads right after it (国际金融中心|地位). */
export function centralModifier(end: number, text: string, tokens: readonly Token[], tokIdx: Int32Array): boolean {
  const after = tokens[tokIdx[end]];
  return text.endsWith('中心', end) && !!after && after.start === end && CENTRAL_NOUN.has(after.word);
}
/** Common nouns ending in 网 that name no website or body (电网 stays: 国家电网, 南方电网). */
export const NETWORK_NOUN = /(?:互联网|物联网|车联网|路网|管网|水网|局域网|广域网|骨干网)$/;

/** A level word + a body with no name (市政协, 省政府, 区委): which city's is not said. */
export function bareLevelOrganization(name: string, data: NerData): boolean {
  return name.length >= 2 && '省市县区镇乡'.includes(name[0]) && data.lexicon.orgSuffixes.has(name.slice(1));
}

/** Business-line words of company names besides the chunker's modifiers. */
const COMPANY_WORDS = new Set(['股份', '控股', '实业', '技术', '软件', '电子', '网络', '能源', '贸易', '传媒', '智能', '制造', '材料', '汽车', '医药', '生物', '环保', '电气', '物流', '建设', '集团', '投资', '工程', '建筑']);
const COMPANY_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司|集团|公司)$/;
/** A count or pointer before a body (一家, 这家, 每个): the body is not named. (零/m of 零跑科技 is a name.) */
const COUNTED_BODY = /^[一二两三几每各该这那此某本][家个所]$/;
/** What may stand right before a company name in running text: a list mark, bracket, line start, 与/和/及. */
const NAME_LEFT_EDGE = /[、，,：:；;。(（“\n\s与和及]/;

/**
 * Companies whose names are common words (零跑|科技有限公司: jieba reads 零/m 跑/v): a company span with
 * no naming word takes the 1–4 characters before it up to a list mark or line start; with none, it is
 * generic (科技有限公司) and dropped (null). Other spans are returned unchanged.
 */
export function companyNameStart(text: string, tokens: readonly Token[], tokIdx: Int32Array, start: number, end: number, data: NerData): number | null {
  if (!COMPANY_SUFFIX.test(text.slice(start, end))) return start;
  const suffix = COMPANY_SUFFIX.exec(text.slice(start, end))![0];
  const words = tokens.slice(tokIdx[start], tokIdx[end - suffix.length - 1] + 1).filter((t) => t.end <= end - suffix.length);
  // Only business-line words before the suffix (科技, 股份, 投资): the name itself is missing.
  const businessLine = (w: string) => data.orgChunker.modifiers.has(w) || COMPANY_WORDS.has(w);
  // (科技股份/n: business-line words jieba read as one.)
  const lineWord = (w: string) => businessLine(w) || (w.length === 4 && businessLine(w.slice(0, 2)) && businessLine(w.slice(2)));
  // (科技|股份有限公司 inside 科技股份/n: the text before the suffix, when jieba's words straddle it.)
  const line = text.slice(start, end - suffix.length);
  if (!line || !(words.length ? words.every((t) => lineWord(t.word)) : lineWord(line))) return start;
  for (let s = start - 1; s >= Math.max(0, start - 4); s--) {
    if (!isHan(text[s])) return NAME_LEFT_EDGE.test(text[s]) && s < start - 1 ? s + 1 : null;
    // (他在一家|科技有限公司: a count or a function word before it; the company is not named.)
    const before = tokens[tokIdx[s]];
    if (before && (COUNTED_BODY.test(before.word) || (before.tag !== 'm' && before.tag !== 'q' && BEFORE_NAME_TAGS.has(before.tag)) || BEFORE_COMPANY_WORDS.has(before.word))) return null;
    if (s === 0 || NAME_LEFT_EDGE.test(text[s - 1])) return tokens[tokIdx[s]]?.start === s ? s : null;
    // 深圳市|优必选|科技股份有限公司: the brand after the company's city, the city opening the name.
    const city = tokens[tokIdx[s - 1]];
    if (s < start - 1 && tokens[tokIdx[s]]?.start === s && city && city.end === s && city.tag === 'ns' && city.word.length >= 2
      && (city.start === 0 || NAME_LEFT_EDGE.test(text[city.start - 1]))) return city.start;
  }
  return null;
}

/**
 * A sub-unit after a complete organisation (长三角区域合作办公室|综合组): the organisation is the named
 * body; the group, section or office inside it (组, 处, 科, 室 after at most a two-character word)
 * is not annotated on its own.
 */
export function trimSubUnit(tokens: readonly Token[], tokIdx: Int32Array, start: number, end: number): number {
  const last = tokens[tokIdx[end - 1]];
  if (!last || last.end !== end || last.word.length !== 1 || !'组处科室'.includes(last.word) || last.tag === 'nt') return end;
  for (let k = tokIdx[end - 1] - 1; k >= 0 && tokens[k].start >= start; k--) {
    if (tokens[k].tag === 'nt' && tokens[k].word.length >= 4) return end - tokens[k].end <= 3 ? tokens[k].end : end;
  }
  return end;
}

/** Tags a list item may start with to name an organisation (泰豪/x 软件): unknown word, proper noun, abbreviation, organisation. */
const LISTED_ORG_START = new Set(['x', 'nz', 'j', 'nt', 'nrt']);

/**
 * Organisations named in a list next to recognised organisations (普陀区科委、长风投促中心与泰豪软件、
 * 海通证券上海分公司): a free item of 3–8 characters between list marks, starting with a proper word
 * jieba does not know (泰豪/x) and holding no verb.
 */
export function findListedOrganizations(text: string, tokens: readonly Token[], tokIdx: Int32Array, orgs: readonly Interval[], taken: Uint8Array, data: NerData): Interval[] {
  const out: Interval[] = [];
  const LIST_EDGE = /[、，,。；;：:\s与和及]/;
  const item = (s: number, e: number): Interval | null => {
    if (e - s < 3 || e - s > 8) return null;
    for (let i = s; i < e; i++) if (taken[i] || !isHan(text[i])) return null;
    const first = tokens[tokIdx[s]], last = tokens[tokIdx[e - 1]];
    if (!first || !last || first.start !== s || last.end !== e || !LISTED_ORG_START.has(first.tag) || first.word.length < 2) return null;
    for (let k = tokIdx[s]; k <= tokIdx[e - 1]; k++) if (!phraseToken(tokens[k]) || /^(?:v|vn|a|ad|d|m)$/.test(tokens[k].tag)) return null;
    return data.lexicon.places.has(text.slice(s, e)) ? null : { start: s, end: e };
  };
  for (const o of orgs) {
    if (text[o.start - 1] === '、' || text[o.start - 1] === '与' || text[o.start - 1] === '和') {
      let s = o.start - 1;
      while (s > 0 && o.start - 1 - s < 8 && !LIST_EDGE.test(text[s - 1])) s--;
      const it = item(s, o.start - 1);
      if (it) { out.push(it); taken.fill(1, it.start, it.end); }
    }
    if (text[o.end] === '、') {
      let e = o.end + 1;
      while (e < text.length && e - o.end <= 8 && !LIST_EDGE.test(text[e])) e++;
      const it = item(o.end + 1, e);
      if (it) { out.push(it); taken.fill(1, it.start, it.end); }
    }
  }
  return out;
}

/** Conjunctions that join two bodies (深圳市人民政府|与|华为技术有限公司). */
const JOINING = new Set(['与', '和', '同', '及', '以及']);

/**
 * A tagger organisation that is two bodies joined by 与/和/同/及 (深圳市人民政府与华为技术有限公司):
 * split where each side is a whole body by itself (a known organisation, a word jieba tags nt, or a
 * name ending in an organisation suffix). Names that merely contain 与 (中国与全球化智库) keep it: their
 * first part is no body.
 */
export function splitJoinedOrganizations<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  const body = (start: number, end: number) => {
    if (end - start < 2) return false;
    const name = text.slice(start, end);
    if (data.lexicon.orgs.has(name)) return true;
    const t = tokens[tokIdx[start]];
    if (t && t.start === start && t.end === end && t.tag === 'nt') return true;
    return endsWithSuffix(name, data);
  };
  const out: S[] = [];
  for (const s of spans) {
    if (s.type !== 'ORG') {
      out.push(s);
      continue;
    }
    let split = false;
    for (let i = s.start + 2; i < s.end - 2 && !split; i++) {
      const t = tokens[tokIdx[i]];
      if (!t || t.start !== i || !JOINING.has(t.word) || t.end > s.end - 2) continue;
      if (body(s.start, t.start) && body(t.end, s.end)) {
        out.push({ ...s, end: t.start }, { ...s, start: t.end });
        split = true;
      }
    }
    if (!split) out.push(s);
  }
  return out;
}

/** data/ner/companies-news.txt by first character, longest first. */
/** data/ner/not-organizations.txt: words jieba tags nt that name no organisation (国际经贸, 新兴产业, 美国联邦). */
export const notOrganizations: (dataDir: string) => ReadonlySet<string> = perDataDir(
  (dataDir) => new Set(nerDataLines(dataDir, 'not-organizations.txt').flatMap((l) => l.trim().split(/\s+/)).filter(Boolean)),
);

const newsCompanies = perDataDir((dataDir) => {
  const byFirst = new Map<string, string[]>();
  for (const name of nerDataLines(dataDir, 'companies-news.txt').flatMap((l) => l.trim().split(/\s+/)).filter(Boolean)) {
    const list = byFirst.get(name[0]) ?? [];
    list.push(name);
    byFirst.set(name[0], list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
});

/** jieba tags of a word used as a verb, adjective or adverb (让人联想到, 一个吉利的日子). */
const NOT_A_NAME_TAGS = new Set(['v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'm', 'q']);

/** The first code units of a map's keys (1): most tokens start with none and need no string look-up. */
const firstUnitSets = new WeakMap<ReadonlyMap<string, unknown>, Uint8Array>();
function firstUnitsOf(map: ReadonlyMap<string, unknown>): Uint8Array {
  let units = firstUnitSets.get(map);
  if (!units) {
    units = unitSet(map.keys(), 'first');
    firstUnitSets.set(map, units);
  }
  return units;
}

/**
 * Companies written bare (华为, 宁德时代, 阿里巴巴): names from data/ner/companies-news.txt where jieba's
 * words start and end with them (宁德|时代 is one; 京东方 holds no 京东), except a single word jieba reads as
 * a verb or adjective. The tagger, trained on 1998 news, reads most of them as places or persons.
 */
export function findNewsCompanies(text: string, tokens: readonly Token[], tokIdx: Int32Array, dataDir: string): Interval[] {
  const byFirst = newsCompanies(dataDir);
  if (byFirst.size === 0) return [];
  const first = firstUnitsOf(byFirst);
  const out: Interval[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!first[t.word.charCodeAt(0)]) continue;
    const names = byFirst.get(t.word[0]);
    if (!names) continue;
    for (const n of names) {
      const end = t.start + n.length;
      // A jieba word ends where the name does.
      if (end > text.length || tokens[tokIdx[end - 1]]?.end !== end || !text.startsWith(n, t.start) || (t.word === n && NOT_A_NAME_TAGS.has(t.tag))) continue;
      out.push({ start: t.start, end });
      break;
    }
  }
  return out;
}

/** A list of companies closed by 等 and what they are (…等外资企业, …等车企, …等跨国公司). */
const COMPANY_LIST_END = /^等[\u4e00-\u9fff]{0,6}?(?:企业|公司|集团|车企|药企|厂商|厂家|巨头|外企|央企|国企(?!业)|民企|品牌)(?!家|主|界|负责人|代表|高管|老总|董事长|总经理|员工|职工|人士)/;
/** What says the list is of places or trades, not firms (…等地企业, …等国企业, …等城市的企业, …等行业企业; 乡镇企业 are firms). */
const NOT_FIRMS_BEFORE_HEAD = /[地省市县区镇乡]|^国$|国家|城市|行业|领域|产业/;
/** Nouns a company's name may end in after the name (丰田|通商, 三星|电子, 现代|汽车). */
const COMPANY_NAME_TAIL = /^[\u4e00-\u9fff]{2}$/;

/**
 * Firms named in a list closed by 等…企业 (德国巴斯夫、日本丰田通商等外资企业): an item that is a name the
 * tagger or the company list found (as a place or a person too: 巴斯夫), after a country of its own and
 * before one two-character noun of its name, is an organisation, country and all (美国高通公司 is one).
 * Items the tagger found nothing in (钢铁、煤炭等企业) are trades, not firms.
 */
export function findListedCompanies(text: string, tokens: readonly Token[], tokIdx: Int32Array, names: readonly Interval[], data: NerData): Interval[] {
  const out: Interval[] = [];
  if (text.indexOf('等') < 0) return out;
  const nameAt = new Map<number, Interval>();
  for (const n of names) if (!nameAt.has(n.start) || nameAt.get(n.start)!.end < n.end) nameAt.set(n.start, n);
  const country = (k: number) => tokens[k] && data.placeIndex.get(tokens[k].word)?.some((p) => p.placeKind === 'country');
  // One list item [start, end): its span as a firm's name, or null.
  const firm = (start: number, end: number): Interval | null => {
    let k = tokIdx[start];
    if (k < 0 || tokens[k].start !== start) return null;
    if (country(k) && tokens[k].end < end) k++;
    const name = nameAt.get(tokens[k].start);
    if (!name || name.end > end) return null;
    if (name.end < end) {
      const tail = tokens[tokIdx[name.end]];
      if (!tail || tail.start !== name.end || tail.end !== end || !COMPANY_NAME_TAIL.test(tail.word) || tail.tag !== 'n') return null;
    }
    return { start, end };
  };
  for (const m of text.matchAll(/等/g)) {
    const at = m.index!;
    const head = COMPANY_LIST_END.exec(text.slice(at, at + 14));
    if (!head || NOT_FIRMS_BEFORE_HEAD.test(head[0].slice(1, -2).replace('乡镇', ''))) continue;
    // Items back from 等 over list marks: each from a word boundary after the mark (or the clause's
    // start, a verb, a preposition) to the next mark.
    const items: Interval[] = [];
    let end = at;
    for (;;) {
      let start = end;
      for (let k = tokIdx[end - 1]; k >= 0 && end - tokens[k].start <= 8; k--) {
        const t = tokens[k];
        if (t.end !== start || !/^[\u4e00-\u9fffA-Za-z0-9]+$/.test(t.word) || BEFORE_NAME_TAGS.has(t.tag) || /^v/.test(t.tag)) break;
        start = t.start;
      }
      if (start === end) break;
      items.push({ start, end });
      if (text[start - 1] !== '、') break;
      end = start - 1;
    }
    if (items.length < 2) continue;
    for (const it of items) {
      const f = firm(it.start, it.end);
      if (f) out.push(f);
    }
  }
  return out;
}
