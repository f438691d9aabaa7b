/**
 * Entity recogniser: combines the character tagger (persons, places, organisations), the rules
 * (title/name context, positions, organisation suffixes, gazetteer) and H4's dates, documents and
 * policy terms into one sorted list of non-overlapping mentions.
 */
import type { EntityMention, EntityType, RecognizerInput, Span } from '../types';
import type { Resources } from '../resources';
import { loadNerData, type NerData, type PlaceInfo } from './nerData';
import { LEX } from './charTagger';
import { commonNrWords, foreignNamesAfterTitles, gluedNameEnd, extendTransliteratedNames, hyphenatedFirstNames, hyphenJoinedNames, extendSurnameOnlyNames,
  namesJiebaKnows, GLUED_AFTER_NAME, namesEndingInsideVerbs, namesRunIntoPredicates, namesAfterTitleLong, withSurnameAfterTitle, namesEndingInsideGivenNames, personsAfterTitles, extendTwoCharacterNames, personsReadAsPlaces, placeHeadsReadAsPersons, listedNamesAndTowns, listedPersons, splitJoinedPersons, conjunctionBeforeName, titleEndingAt, titleStartingAt, namesBeforeGluedWords, findKnownPersons, findBylines, findReporterCredits, placesReadAsPersons, findPersonsByContext, nonNameFinalChars, THING_AFTER_NAME, foreignSpelled, compoundSurnameNames, ONCE_AND_VERB, RANK_AFTER_NAME, dottedNames, unitBeforeTitle, findAnonymisedNames, findAppointedPersons, findMinorityNames, findForeignNamesBeforeTitles, RANK_OPENING, SERVICE_BRANCH } from './persons';
import { findPositions, findAppointedPositions, orgCover } from './positions';
import { bareLevelOrganization, centralModifier, gluedFunctionWord, LEVEL_WORD, levelWordOpensName, companyNameStart, findBracketedBodies, findLegalCompanyNames, findListedCompanies, findListedOrganizations, findNewsCompanies, findOrganizations, notOrganizations, findQuotedOrganizations, NETWORK_NOUN, genericOrganization, orgKind, splitJoinedOrganizations, trimSubUnit } from './organizations';
import { COUNTED_UNITS, SOME_OF_WORDS, findAbbreviationPlaces, genericPlaces, findGazetteerPlaces, findListedPlaces, findTownsAfterArrival, findVenuePlaces, EVENT_VENUE_END, placeCharsInsideWords, placeInfo, PLACE_EXTENSIONS, VENUE_HALL } from './places';
import { findMediaOutlets } from './media';
import { completeName, countryAbbreviations, withoutStrayPlaceCharacters, cutAfterCompleteName, findAbbreviationPairs, findAbbreviationUses, findAbbreviationCompounds, findSurnameAddresses, abbreviationCompoundTails, bareInstitutions, findBareInstitutions, endsWithOrgSuffix, extendOrganizationUnits, extendOrganizationChains, extendPlaceHead, extendSessionStart, findNtOrganizations, knownPlace, findPlaceLedOrganizations, findTitledOrganizations, splitAbbreviationPairs, teamLists, companiesReadAsPersons, companyNames, findCelestialPlaces, findVillageWords, findPublications, governmentsAsPlaces, splitPlaceChains, mergePlaceLedOrganizations, reviewPersons, orgHeadWords, type OrgHeadWords, trimNonNameStart, trimTitleEnd } from './bioConventions';
import { EVENT_WORDS, isHan, phraseToken, PREPOSITION_THEN_LEVEL, tokenBoundaries, tokenIndex, unitSet, withAutonomousLevel } from './spanUtil';
import { perDataDir } from './nerDataFile';
import type { Token } from '../engines';
import { findDates } from './dates';
import { findDocuments } from './documents';
import { findPolicyTerms, findQuotedSlogans, loadGlossary } from './policy';

const TAGGER_TYPE = { PER: 'person', LOC: 'place', ORG: 'organization' } as const;


/** Bodies People's Daily leaves unannotated when written bare (党委, 法院, 医院, 团组织). */
const BARE_BODIES = new Set(['党委', '党委会', '党组织', '团组织', '民间组织', '法院', '医院']);

/** A count of the best (十大, 百强) ending a tagger "organisation": a ranking of things, no body. */
const RANKING_END = /[一二三四五六七八九十百千]+[大强佳]$/;

/** How the name of a free trade zone or port ends (海南自贸港, 上海自贸试验区). */
const TRADE_ZONE_END = /(?:自贸港|自贸区|自贸试验区|自由贸易港|自由贸易区|自由贸易试验区)$/;

/** Kinds of body that name none in particular (国际组织, 社会组织). */
const KINDS_OF_BODY = new Set(['国际组织', '社会组织', '民间组织', '党组织', '基层党组织', '团组织', '群团组织', '行业协会', '金融机构', '科研院所', '科研机构', '中介机构', '国际机构']);

/** Heads of venues: buildings and grounds People's Daily annotates as places. */
const VENUE_END = /(?:博物馆|美术馆|展览馆|展览中心|纪念馆|体育馆|体育场|剧院|大会堂|广场|机场|车站)$/;

const ENTITY_TYPE_SET = new Set<string>(['person', 'position', 'organization', 'place', 'date', 'document', 'policy']);

function userTermCandidates(text: string, resources: Resources): EntityMention[] {
  const out: EntityMention[] = [];
  for (const term of resources.userTerms) {
    if (!term.term || !ENTITY_TYPE_SET.has(term.type)) continue;
    for (let i = text.indexOf(term.term); i >= 0; i = text.indexOf(term.term, i + term.term.length)) {
      out.push({ type: term.type as EntityType, start: i, end: i + term.term.length, canonical: term.term, source: 'user dictionary', ...(term.gloss ? { gloss: term.gloss } : {}) });
    }
  }
  return out;
}

function mention(type: EntityType, s: Span, text: string, source: string): EntityMention {
  return { type, start: s.start, end: s.end, canonical: text.slice(s.start, s.end), source };
}

/** 浙江湖州 → 湖州's entry when the prefix is one of its ancestors; 沪 / 沪苏浙皖 → province abbreviations. */
function compoundPlaceInfo(name: string, text: string, data: NerData): PlaceInfo | undefined {
  if ([...name].every((c) => data.provinceAbbreviations.has(c))) {
    const provinces = [...name].map((c) => data.provinceAbbreviations.get(c)!);
    return name.length === 1
      ? { name, placeKind: 'province', chain: [name, ...provinces], code: placeInfo(provinces[0], text, data)?.code }
      : { name, placeKind: 'region', chain: [name] };
  }
  for (let k = 2; k <= name.length - 2; k++) {
    const head = placeInfo(name.slice(0, k), text, data);
    const tail = placeInfo(name.slice(k), text, data);
    if (head && tail && tail.chain.includes(head.name)) return { ...tail, name, chain: [name, ...tail.chain.slice(1)] };
  }
  return undefined;
}

/** Fills orgKind / place chain / person positions on the chosen mentions. */
/** Positions (canonical, first-seen order) linked to each person, by the person's canonical name. */
export function positionsByPerson(mentions: readonly EntityMention[]): Map<string, string[]> {
  const positionsOf = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.type === 'position' && m.person) {
      const list = positionsOf.get(m.person) ?? [];
      if (!list.includes(m.canonical)) list.push(m.canonical);
      positionsOf.set(m.person, list);
    }
  }
  return positionsOf;
}

/**
 * A name read once is the same name where it is written again in the passage (亨特…亨特): the
 * other occurrences on token boundaries that no entity took. Persons, and the place of a dateline
 * (新华社阿拉木图…电…在阿拉木图出席): for other places and organisations it added more wrong spans
 * than right ones on People's Daily (cross-validated).
 */
function repeatedNames(chosen: readonly EntityMention[], text: string, tokens: readonly Token[], taken: Uint8Array): EntityMention[] {
  const names = new Map<string, EntityMention>();
  for (const m of chosen) {
    const len = m.end - m.start;
    if ((m.type === 'person' || (m.type === 'place' && m.source === 'dateline')) && len >= 2) {
      const name = text.slice(m.start, m.end);
      if (!names.has(name)) names.set(name, m);
    }
  }
  if (names.size === 0) return [];
  const { starts, ends } = tokenBoundaries(text.length, tokens);
  const out: EntityMention[] = [];
  for (const [name, first] of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (!starts[at] || !ends[end]) continue;
      let free = true;
      for (let i = at; i < end && free; i++) if (taken[i]) free = false;
      if (!free) continue;
      taken.fill(1, at, end);
      const { start: _s, end: _e, ...rest } = first;
      out.push({ ...rest, start: at, end, source: first.type === 'person' ? 'repeated person' : 'repeated place' } as EntityMention);
    }
  }
  return out;
}

function addDetails(chosen: EntityMention[], text: string, data: NerData): void {
  const positionsOf = positionsByPerson(chosen);
  for (const m of chosen) {
    if (m.type === 'organization' && !m.orgKind) m.orgKind = orgKind(m.canonical, data);
    else if (m.type === 'place' && !m.chain) {
      const info = placeInfo(m.canonical, text, data) ?? compoundPlaceInfo(m.canonical, text, data);
      if (info) {
        m.chain = m.canonical === info.name ? info.chain : [m.canonical, ...info.chain.slice(1)];
        if (info.code) m.code = info.code;
        m.placeKind = info.placeKind;
      }
    } else if (m.type === 'person') {
      const pos = positionsOf.get(m.canonical);
      if (pos) m.positions = pos;
    }
  }
}

export interface RecognizeOptions {
  /**
   * Only produce these types. Scoring person/place/organization alone (eval-ner) passes those three,
   * so positions then do not absorb the organisations and places inside title phrases.
   */
  types?: ReadonlySet<EntityType>;
  /**
   * People's Daily / MSRA BIO conventions instead of the gold guidelines: adjacent places stay
   * separate (上海市 | 普陀区, 沪 | 苏), and 地区/流域 are not joined to the place before them.
   */
  bioConventions?: boolean;
}

/** 高景|二号, 神舟|十七号: a name followed by a model number names a craft or product. */
const MODEL_NUMBER_AFTER = /^(?:[一二三四五六七八九十0-9]+号|[-—–‐]\d)/;

/**
 * 民|四庭/x read as the name 四庭: a person the tagger starts inside a jieba word, with no surname and
 * no transliteration spelling, is a piece of that word.
 */
function startsInsideWordWithoutSurname(s: TaggedSpan, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): boolean {
  const t = tokens[tokIdx[s.start]];
  if (!t || t.start >= s.start) return false;
  const lex = data.lexicon;
  if (lex.surnameRank[text.charCodeAt(s.start)] || lex.compoundSurnames.has(text.slice(s.start, s.start + 2))) return false;
  return !foreignSpelled(text.slice(s.start, s.end));
}

const LATIN_WORDS = /^[A-Za-z][A-Za-z\s'’.\-]*$/;
const ACRONYM = /^[A-Z]{2,8}$/;

/** A place span ending in a count of places (川三省, 沪苏浙皖四地) less the count, when a name remains. */
function cutPlaceCount<S extends { start: number; end: number }>(s: S, text: string): S {
  const count = PLACE_COUNT_END.exec(text.slice(s.start, s.end));
  return count && count.index >= 1 ? { ...s, end: s.start + count.index } : s;
}

/** A count of places ending a span (三省, 四地, 两国, 十一市). */
const PLACE_COUNT_END = /[一二三四五六七八九十两]+[省市县区国地方]$/;

function startsInsideLatinWord(s: TaggedSpan, tokens: readonly Token[], tokIdx: Int32Array): boolean {
  const t = tokens[tokIdx[s.start]];
  return !!t && t.start < s.start && /^[A-Za-z]/.test(t.word);
}

/** What follows the issuer code of a document number (国发〔2020〕8号, 沪府办发[2023]5号). */
const DOCUMENT_NUMBER_AFTER = /^[〔［\[(（]\d{4}[〕］\])）]/;
/** The rest of an issuer code before the year of a document number (政办发〔2026〕, 办函〔2025〕). */
const ISSUER_CODE_AFTER = /^[\u4e00-\u9fff]{0,5}(?:发|函|字|办|电)[〔［\[]\d{4}[〕］\]]/;

/** Characters that abbreviate a country or province (中, 美, 沪…), and 华 for China after a verb (访华, 来华). */
const abbreviationChars = perDataDir((dataDir) => new Set([...countryAbbreviations(dataDir), ...loadNerData(dataDir).provinceAbbreviations.keys(), '华']));

/**
 * What every step of one recognition reads. recognizeEntities runs its steps as separate functions:
 * as one 16 KB function V8's optimising compiler spent ~0.3 s on it per compile (three per batch,
 * in every worker thread), more than on any other code of the analysis.
 */
interface Pass {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly tokIdx: Int32Array;
  readonly data: NerData;
  readonly dataDir: string;
  readonly bio: boolean;
}

/** An inspection or supervision team: who sends it, its number, its field (中央第三生态环境保护督察组). */
const INSPECTION_TEAM = /(?:中央|国务院|省委|市委|自治区党委|省政府)(?:第[一二三四五六七八九十]{1,3})?[\u4e00-\u9fff]{0,10}?(?:督察组|巡视组|巡察组|督导组|指导组)/g;

/** Words before 水库 that name no reservoir (各大水库, 小型水库, 病险水库). */
const NOT_A_RESERVOIR_NAME = /^(?:各|全|大中|中小|小型|中型|大型|病险|骨干|重点|山塘|该|这|此|本|有关|部分|主要)|[的和与及、]/;

/** Reservoirs named by the one to four words before 水库, from a word boundary, holding no verb or function word. */
function findReservoirs(text: string, tokens: readonly Token[], tokIdx: Int32Array): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('水库'); at > 0; at = text.indexOf('水库', at + 2)) {
    // (官厅水库/nz, 三峡水库/nz: jieba's one word for the reservoir.)
    const whole = tokens[tokIdx[at]];
    if (whole && whole.start < at - 1 && whole.end === at + 2 && /^(?:ns|nz|x|nt)$/.test(whole.tag) && !NOT_A_RESERVOIR_NAME.test(whole.word)) {
      out.push({ start: whole.start, end: whole.end });
      continue;
    }
    let start = at;
    for (let k = tokIdx[at - 1]; k >= 0 && at - tokens[k].start <= 5; k--) {
      const t = tokens[k];
      if (t.end !== start || !/^[\u4e00-\u9fff]+$/.test(t.word) || NOT_IN_PLACE_NAME_TAGS.has(t.tag) || t.tag === 'm' || t.tag === 'q') break;
      start = t.start;
      // (A place before the reservoir's own name is a chain of its own: 湖北省|丹江口水库.)
      if (/[省市县区]$/.test(t.word)) { start = t.end; break; }
    }
    if (at - start >= 2 && !NOT_A_RESERVOIR_NAME.test(text.slice(start, at))) out.push({ start, end: at + 2 });
  }
  return out;
}

/** A town's or village's last character within the characters after a place: a chain may go on. */
const CHAIN_SUFFIX_AHEAD = /[镇乡街苏村社嘎]/;
/** Whether the name's last character at `end - 1` opens a time word (近|日) or is an adverb word of its own (将/d) before the verb. */
function adverbAfterName(text: string, tokens: readonly Token[], tokIdx: Int32Array, end: number): boolean {
  const t = tokens[tokIdx[end - 1]];
  if (!t || t.start !== end - 1) return false;
  if (t.tag === 't' && t.end > end) return true;
  const next = tokens[tokIdx[end]];
  return t.end === end && t.tag === 'd' && /^[将也还都就已曾正又]$/.test(t.word) && !!next && next.start === end && next.tag.startsWith('v');
}

/** Places a town or village may follow in a chain: a province, city, county, district, banner or town. */
const CHAIN_LEVEL_END = /(?:[省市县区州旗盟镇乡]|街道|苏木)$/;
/** A town, then a village, then a villagers' group, each named in up to five characters. */
const TOWN_PART = /^[\u4e00-\u9fff]{1,5}?(?:镇|乡|街道|苏木)/;
const VILLAGE_PART = /^[\u4e00-\u9fff]{1,5}?(?:村|社区|嘎查)/;
const GROUP_PART = /^(?:第?[一二三四五六七八九十\d]{1,3}村民小组|[一二三四五六七八九十\d]{1,3}组)/;
/** Words ending like towns and villages that name none (城乡, 乡村, 全镇, 本村, 部分街道…), and what no name holds. */
const NOT_A_TOWN_OR_VILLAGE = new RegExp(`^(?:城乡|城镇|乡镇|村镇|集镇|重镇|小镇|古镇|名镇|强镇|农村|乡村|山村|渔村|新农村|社区|街道|${SOME_OF_WORDS.join('|')}|[全各本该每此这那])|[的在和与是等到为对向把被从了着过也都就及或并]`);

/** Tags of words no town or village name holds (召开/v 全区乡, 调研/vn 乡村振兴, 今年/t 新一轮乡). */
const NOT_IN_PLACE_NAME_TAGS = new Set(['v', 'vn', 'vd', 'p', 'c', 'u', 'uj', 'ul', 'uz', 'd', 'r', 'ad', 't']);

/**
 * Where the towns, villages and groups after a place (at `from`) end; `from` itself when none follows.
 * `after`: what the place is: a village follows a town, or a county or district directly (花垣县|十八洞村).
 */
function chainContinuationEnd(text: string, tokens: readonly Token[], tokIdx: Int32Array, from: number, after: 'town' | 'county' | 'other'): number {
  let end = from;
  const part = (re: RegExp) => {
    const m = re.exec(text.slice(end, end + 8));
    if (!m || NOT_A_TOWN_OR_VILLAGE.test(m[0])) return false;
    const partEnd = end + m[0].length;
    // The name starts and ends on word boundaries (not 乡|村振兴) and holds no verb or function word.
    // (A word jieba does not know may run across the boundary: 谢家|铺镇港/x|中坪村/x.)
    const across = partEnd < text.length ? tokens[tokIdx[partEnd]] : undefined;
    if (across && across.start !== partEnd && across.tag !== 'x') return false;
    for (let k = tokIdx[end]; k >= 0 && k < tokens.length && tokens[k].start < partEnd; k++) if (tokens[k].start >= end && NOT_IN_PLACE_NAME_TAGS.has(tokens[k].tag)) return false;
    end = partEnd;
    return true;
  };
  const town = after !== 'town' && part(TOWN_PART);
  const village = (town || after !== 'other') && part(VILLAGE_PART);
  if (village) part(GROUP_PART);
  return end;
}

/** Where a chain of places ending at `start` (湖南省|湘西…自治州花垣县) starts: back over places that end where the next begins. */
function chainStart(places: readonly EntityMention[], start: number): number {
  for (let guard = 0; guard < 4; guard++) {
    const before = places.filter((x) => x.end === start && x.start < start).sort((a, b) => a.start - b.start)[0];
    if (!before) break;
    start = before.start;
  }
  return start;
}

/** The government, party, court and police bodies of a place, longer names first (人民政府 before 政府). */
const LOCAL_BODIES = '人民代表大会常务委员会|人民代表大会|人民政府|政府|党委|人大常委会|人大|政协|纪委监委|纪委|人民法院|人民检察院|公安局';
/** How the bodies of a place end (…人民检察院, …人民法院, …公安局, …人民政府). */
const LOCAL_BODY_END = new RegExp(`(?:${LOCAL_BODIES}|检察院|法院|公安分局|委员会|局)$`);
/** The government bodies of a place named before them (…县人民政府, …镇党委, …州人大常委会). */
const LOCAL_BODY_AFTER = new RegExp(`^(?:${LOCAL_BODIES})`);
/** The candidates of one text in the order they were found (ties of rank and length go to the first). */
class Candidates {
  /** Copies of the mentions added (later steps may extend them in place). */
  readonly list: EntityMention[] = [];
  /** The rank of each (lower wins first): 0 user terms, 1 positions and their persons, 2 tagger and H4 finders (longest first), 3 rule fallbacks. */
  readonly ranks: number[] = [];
  constructor(private readonly wanted: ReadonlySet<EntityType> | undefined, private readonly bio: boolean, private readonly text: string) {}

  add(m: EntityMention, rank: number): void {
    // 人民网-浙江频道: a site's channel is named after its region; the region is no place here.
    if (!this.bio && m.type === 'place' && this.text.startsWith('频道', m.end)) return;
    // People's Daily annotates venues as places (中国美术馆, 人民大会堂, 虹口体育馆), whatever reads them as bodies.
    if (this.bio && m.type === 'organization' && VENUE_END.test(m.canonical)) m = { ...m, type: 'place' };
    // The guidelines make named venues places (深圳会展中心, 京西宾馆), whatever reads them as bodies.
    // (南京|紫金山庄/PER: nor as a person.)
    if (!this.bio && (m.type === 'organization' || (m.type === 'person' && m.canonical.length >= 4)) && EVENT_VENUE_END.test(m.canonical)) m = { ...m, type: 'place' };
    // 海南自贸港, 上海自贸区: a free trade zone or port is a place, as 海南自由贸易港 is (not an area
    // two sides agreed on: 中国—东盟自由贸易区).
    if (!this.bio && m.type === 'organization' && TRADE_ZONE_END.test(m.canonical) && !/[—–-]/.test(m.canonical)) m = { ...m, type: 'place' };
    // 海军大校施毅, 施毅海军大校: the service branch of a rank names no body there.
    if (!this.bio && m.type === 'organization' && SERVICE_BRANCH.test(m.canonical) && RANK_OPENING.test(this.text.slice(m.end, m.end + 2))) return;
    // 中越命运共同体, 人类命运共同体: a policy idea, whatever reads 共同体 as a body.
    if (!this.bio && m.type === 'organization' && m.canonical.endsWith('命运共同体')) m = { ...m, type: 'policy', source: 'policy idea' };
    if (m.end > m.start && (!this.wanted || this.wanted.has(m.type))) {
      this.list.push({ ...m });
      this.ranks.push(rank);
    }
  }
}

export function recognizeEntities(input: RecognizerInput, resources: Resources, options: RecognizeOptions = {}): EntityMention[] {
  const { text, tokens } = input;
  const pass: Pass = { text, tokens, tokIdx: tokenIndex(text.length, tokens), data: loadNerData(resources.dataDir), dataDir: resources.dataDir, bio: !!options.bioConventions };
  const cands = new Candidates(options.types, pass.bio, text);
  for (const m of userTermCandidates(text, resources)) cands.add(m, 0);

  const commonNr = commonNrWords(pass.dataDir);
  const generic = genericPlaces(pass.dataDir);
  const heads = orgHeadWords(pass.dataDir);
  const reviewed = reviewedTaggerSpans(pass, commonNr, generic);
  const foreignAfterTitles = foreignNamesAfterTitles(reviewed, text, tokens, pass.tokIdx, pass.data, (start, end) => ({ type: 'PER' as const, start, end }));
  const named = refinedNames(pass, foreignAfterTitles.spans, commonNr);
  const tagged = pass.bio ? bioTaggedSpans(pass, named, generic, heads) : named;
  // Organisations the title phrases may take whole (江苏省驻沪办党组书记).
  const ruleOrgs = findOrganizations(text, tokens, pass.tokIdx, pass.data, !pass.bio);
  // (Tibetan and Mongolian names, 旺堆, 次仁卓嘎, 那顺孟和, count as known: they hold the title before them and win over a cut reading.)
  const knownPersons = [...findKnownPersons(text, tokens, pass.tokIdx, pass.dataDir, pass.data), ...(pass.bio ? [] : findMinorityNames(text, tokens, pass.tokIdx, pass.data))];
  // (原副市长王|某某: a pseudonymised name holds the title before it, whole.)
  const anonymised = pass.bio ? [] : findAnonymisedNames(text, tokens, pass.tokIdx, pass.data);
  addPersonsAndPositions(pass, tagged, foreignAfterTitles.found, ruleOrgs, [...knownPersons, ...anonymised], cands);
  // Grammar and glossary matches come before tagger spans so they win ties of equal length.
  for (const m of findDates(text, input.articleDate)) cands.add(m, 2);
  // (中国与塞尔维亚自由贸易协定: a document's name may open with two countries.)
  const isCountry = (word: string) => !!pass.data.placeIndex.get(word)?.some((p) => p.placeKind === 'country');
  for (const m of findDocuments(text, isCountry)) cands.add(m, 2);
  for (const m of findPolicyTerms(text, loadGlossary(pass.dataDir))) cands.add(m, 2);
  if (!pass.bio) for (const m of findQuotedSlogans(text)) cands.add(m, 2);
  for (const p of knownPersons) cands.add(mention('person', p, text, 'known person'), 2);
  // 愿同阿萨莉总统一道: a transliterated name before its holder's title.
  if (!pass.bio) for (const p of findForeignNamesBeforeTitles(text, pass.data)) cands.add(mention('person', p, text, 'name before title'), 2);
  for (const p of anonymised) cands.add(mention('person', p, text, 'pseudonymised name'), 2);
  // 任命刘华为…副省长: the name between the verb and 为, before the company 华为 jieba read there.
  if (!pass.bio) for (const p of findAppointedPersons(text, pass.data)) cands.add(mention('person', p, text, 'appointment'), 1);
  const companies = pass.bio ? [] : findNewsCompanies(text, tokens, pass.tokIdx, pass.dataDir);
  for (const o of companies) cands.add(mention('organization', o, text, 'company'), 2);
  // 德国巴斯夫、日本丰田通商等外资企业: names in a list of firms are firms, whatever the tagger read them as.
  for (const o of findListedCompanies(text, tokens, pass.tokIdx, [...tagged, ...companies], pass.data)) cands.add(mention('organization', o, text, 'listed company'), 2);
  const taggerSpans = addTaggerSpans(pass, tagged, heads, cands);
  addRuleOrganizations(pass, ruleOrgs, taggerSpans, tagged.filter((s) => s.type === 'ORG'), cands);
  if (pass.bio) addBioConventionFinds(pass, tagged, taggerSpans, heads, generic, cands);
  addEditorFinds(pass, cands);
  return chooseMentions(pass, cands, input.skip, resources, options.types);
}

/** Words no body's name holds (prepositions and 包括 "including"): a tagger body running over one starts after it. */
const WORDS_BEFORE_BODY = new Set(['包括', '经', '由', '向', '对', '据', '受', '在', '请', '送请', '提请', '报请', '函请', '呈请', '函告', '致函']);

function bodyAfterFunctionWord(s: TaggedSpan, tokens: readonly Token[], tokIdx: Int32Array): TaggedSpan {
  let start = s.start;
  // (函请/x|立法院: a span starting inside such a word, which token snapping would grow back over it.)
  const opening = tokens[tokIdx[s.start]];
  if (opening && opening.start < s.start && opening.end < s.end && WORDS_BEFORE_BODY.has(opening.word)) start = opening.end;
  for (let k = tokIdx[s.start]; k >= 0 && k < tokens.length && tokens[k].end < s.end; k++) {
    if (tokens[k].start >= start && WORDS_BEFORE_BODY.has(tokens[k].word)) start = tokens[k].end;
    // (会议|由省/x|人大常委会: the preposition jieba glued to the level that opens the body.)
    else if (tokens[k].start >= start && PREPOSITION_THEN_LEVEL.test(tokens[k].word)) start = tokens[k].start + 1;
  }
  return start > s.start && s.end - start >= 2 ? { ...s, start } : s;
}

/** Words that open a body's predicate (愿同, 地处) and tags of words that do (prepositions, conjunctions, adverbs). */
const PREDICATE_AFTER_BODY = new Set(['愿同', '愿与', '愿意', '地处', '位于']);
const PREDICATE_AFTER_BODY_TAGS = new Set(['p', 'c', 'd']);

/**
 * A tagger body run into the word opening its predicate (中国全国人大|愿同/x, 湖南|地处/s): it ends
 * before that word; what remains is a place when it is one (湖南).
 */
function bodyBeforePredicate(s: TaggedSpan, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): TaggedSpan {
  const t = tokens[tokIdx[s.end - 1]];
  // (中国全国人大|愿/愿同/x: a span ending inside such a word too.)
  const inside = !!t && t.end > s.end && PREDICATE_AFTER_BODY.has(t.word);
  if (!t || (t.end !== s.end && !inside) || t.start - s.start < 2 || !(PREDICATE_AFTER_BODY.has(t.word) || PREDICATE_AFTER_BODY_TAGS.has(t.tag))) return s;
  const rest = text.slice(s.start, t.start);
  return { ...s, end: t.start, type: knownPlace(rest, data) && !data.lexicon.orgs.has(rest) ? 'LOC' : s.type };
}

/** 米洛万/x 诺维奇/nrt read as a body: a name spelt in transliteration syllables that jieba ends as a foreign person's is a person. */
function personSpeltAsBody(s: TaggedSpan, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): boolean {
  const last = tokens[tokIdx[s.end - 1]];
  // (哈马斯/nrt is a known organisation, whatever its spelling.)
  return s.end - s.start >= 3 && !data.lexicon.orgs.has(text.slice(s.start, s.end)) && !!last && last.tag === 'nrt' && last.end === s.end && foreignSpelled(text.slice(s.start, s.end));
}

/** A place span ending in the level word of a head title that follows (刘宁省|长, 张三市|长) whose rest is a name, no place. */
function nameBeforeLevelHead(s: Span, text: string, data: NerData): boolean {
  const name = text.slice(s.start, s.end - 1);
  if (text[s.end] !== '长' || !'省市县区'.includes(text[s.end - 1]) || name.length < 2 || name.length > 3) return false;
  const lex = data.lexicon;
  return !!(lex.surnameRank[name.charCodeAt(0)] || lex.compoundSurnames.has(name.slice(0, 2))) && !data.placeIndex.has(name) && !lex.places.has(name);
}

/** Verbs of lying in a place, right before its name (位于, 地处, 坐落于). */
const LIES_IN_BEFORE = /(?:位于|位於|地处|坐落于|坐落在)$/;

/**
 * Whether one character is the head of a compound with the common noun right before it (铁路|港等地, 信息|港、):
 * the compound ends there. (发展|美中关系: an abbreviation before another is a pair of places.)
 */
function compoundHead(s: Span, text: string, tokens: readonly Token[], tokIdx: Int32Array): boolean {
  if (s.end < text.length && isHan(text[s.end]) && !/[等的和与及]/.test(text[s.end])) return false;
  const prev = tokens[tokIdx[s.start - 1]];
  return !!prev && prev.end === s.start && prev.word.length >= 2 && /^(?:n|vn|an)$/.test(prev.tag);
}

/** What the review steps read besides the span. */
interface ReviewContext {
  readonly pass: Pass;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly tokIdx: Int32Array;
  readonly data: NerData;
  readonly nonNameFinals: ReadonlySet<string>;
  readonly commonNr: ReadonlySet<string>;
  readonly generic: ReadonlySet<string>;
}

/** One review step on a tagger span: the span, changed or not; null to drop it; several to split it. */
type ReviewStep = (s: TaggedSpan, c: ReviewContext) => TaggedSpan | TaggedSpan[] | null;

/**
 * The steps reviewedTaggerSpans runs on every tagger span, in order. A table run once per span, not
 * a chain of map/filter: the chain built some fifty arrays and closures per paragraph.
 */
const REVIEW_STEPS: readonly ReviewStep[] = [
  // 自治/v|区党委理论学习中心组: an autonomous region's level word that jieba cut after 自治 opens the body.
  (s, { text }) => (s.type === 'ORG' || s.type === 'LOC' ? { ...s, start: withAutonomousLevel(text, s.start) } : s),
  // 。中央委员会: punctuation at a span's edge (a sentence's end before it, a mark opening what follows after it) is none of it.
  (s, { text }) => trimEdgePunctuation(s, text),
  // 刘宁省|长 主持 (jieba: 刘宁省/x): a name before the title 省长 (市长, 县长, 区长), read with its level word.
  (s, { text, data }) => (s.type !== 'ORG' && nameBeforeLevelHead(s, text, data) ? { ...s, type: 'PER', end: s.end - 1 } : s),
  (s, { text, data }) => (s.type === 'PER' && directionPlace(s, text, data) ? { ...s, type: 'LOC' } : s),
  // 以色列和|哈马斯/nrt: a "person" that is exactly a known organisation is that organisation.
  (s, { text, data }) => (s.type === 'PER' && data.lexicon.orgs.has(text.slice(s.start, s.end)) ? { ...s, type: 'ORG' } : s),
  // 工厂位于|塞格德, 地处|…: what something lies in is a place, however foreign its name reads.
  (s, { text }) => (s.type === 'PER' && LIES_IN_BEFORE.test(text.slice(Math.max(0, s.start - 3), s.start)) ? { ...s, type: 'LOC' } : s),
  (s, { text, tokens, tokIdx, data }) => (s.type === 'PER' && text[s.end - 1] === '率' && gluedByHmm(s, text, tokens, tokIdx, data) ? { ...s, end: s.end - 1 } : s),
  // 嘉宾包括|立法会, 经|立法院: a preposition or verb the tagger ran into a body's name; the body starts after it.
  (s, { text, tokens, tokIdx, data }) => (s.type === 'ORG' ? bodyBeforePredicate(bodyAfterFunctionWord(s, tokens, tokIdx), text, tokens, tokIdx, data) : s),
  (s, { text, tokens, tokIdx, data }) => (s.type === 'ORG' && personSpeltAsBody(s, text, tokens, tokIdx, data) ? { ...s, type: 'PER' } : s),
  // 马克龙于|5月5日: a preposition or conjunction jieba glued to the end of a dotted foreign name is no part of it.
  (s, { text }) => (s.type === 'PER' && s.end - s.start >= 4 && text.slice(s.start, s.end).includes('·') && GLUED_AFTER_NAME.has(text[s.end - 1]) ? { ...s, end: s.end - 1 } : s),
  (s, { text, tokens, tokIdx, data, nonNameFinals, commonNr }) => (s.type !== 'PER' || !(nonNameFinals.has(text[s.end - 1]) || commonNr.has(text.slice(s.start, s.end))
    || THING_AFTER_NAME.some((w) => text.startsWith(w, s.end)) || MODEL_NUMBER_AFTER.test(text.slice(s.end, s.end + 4))
    || startsInsideWordWithoutSurname(s, text, tokens, tokIdx, data)) ? s : null),
  (s, { text }) => (s.type !== 'LOC' || !COUNTED_UNITS.test(text.slice(s.start, s.end)) ? s : null),
  // 曾任|该公司总经理: "once served as", no person 曾任.
  (s, { text }) => (s.type !== 'PER' || !ONCE_AND_VERB.test(text.slice(s.start, s.end)) ? s : null),
  // 外交部|边海司|司长: a department before its head's title, no name.
  (s, { pass, text, data }) => (pass.bio || s.type !== 'PER' || !unitBeforeTitle(text, s.start, s.end, data) ? s : null),
  // “泰景三号”卫星, “天宫”空间站: a place inside a craft's quoted name.
  (s, { text }) => (s.type !== 'LOC' || !insideCraftName(s, text) ? s : null),
  // 横琴粤澳深度合作区执委会: a "place" ending in a body's head of two characters or more is that body.
  // (Not a centre, which may be a venue: 肯尼迪航天中心, 演艺中心.)
  (s, { pass, text, data }) => (!pass.bio && s.type === 'LOC' && s.end - s.start >= 4 && endsWithLongOrgSuffix(text.slice(s.start, s.end), data) ? { ...s, type: 'ORG' } : s),
  // “浙里办”, “粤省事”: a province's abbreviation opening a service's short quoted name is no place there
  // (“井陉模式”, “苏南模式”: a place's name is).
  // (“苏|南/ns模式”: not where jieba reads a longer place word there.)
  (s, { text, tokens, tokIdx }) => (s.type !== 'LOC' || !opensShortQuotedName(s, text) || (tokens[tokIdx[s.start]]?.tag === 'ns' && tokens[tokIdx[s.start]].end > s.end) ? s : null),
  // 云、贵、川|三省: a count of the places listed is no part of the last one.
  (s, { text }) => (s.type === 'LOC' ? cutPlaceCount(s, text) : s),
  // 参加汇报会 (jieba: 汇报会/nt): a kind of meeting names no body.
  (s, { text }) => (s.type !== 'ORG' || !MEETING_KIND.test(text.slice(s.start, s.end)) ? s : null),
  // 武汉国家中心|城市: 中心 "central" modifying the noun after it heads no body.
  (s, { text, tokens, tokIdx }) => (s.type !== 'ORG' || !centralModifier(s.end, text, tokens, tokIdx) ? s : null),
  (s, { text, generic }) => (s.type !== 'LOC' || !generic.has(text.slice(s.start, s.end)) ? s : null),
  // 国发〔2020〕8号: the issuer code of a document number names no body of its own.
  (s, { text }) => (!DOCUMENT_NUMBER_AFTER.test(text.slice(s.end, s.end + 6)) ? s : null),
  // 苏|政办发〔2026〕45号: nor does an abbreviation opening an issuer code.
  (s, { text }) => (!ISSUER_CODE_AFTER.test(text.slice(s.end, s.end + 12)) ? s : null),
  // 省各委办|厅局: the level's bodies in general (各 "each") name none.
  (s, { text }) => (s.type !== 'ORG' || !/^[省市县区]?各/.test(text.slice(s.start, s.end)) ? s : null),
  // A bare party committee, court or hospital (党委书记, 起诉到法院) names no particular body in news text.
  (s, { pass, text }) => (!pass.bio || s.type !== 'ORG' || !BARE_BODIES.has(text.slice(s.start, s.end)) ? s : null),
  // 国际组织负责人: a kind of body names no body; 中国法院十大|知识产权案件: nor does a ranking.
  (s, { pass, text }) => (pass.bio || s.type !== 'ORG' || !(KINDS_OF_BODY.has(text.slice(s.start, s.end)) || RANKING_END.test(text.slice(s.start, s.end))) ? s : null),
  // 电子信息|司|负责人: one character is a person only as a surname addressed (老王, 王某, 李总), which
  // People's Daily annotates and an analyst has no use for.
  // (李|家超在: a surname the tagger read alone before jieba's glued word stays, for namesBeforeGluedWords.)
  (s, { pass, text, tokens, tokIdx, data }) => (pass.bio || s.type !== 'PER' || s.end - s.start > 1 || /[老小]/.test(text[s.start - 1] ?? '') || /[某总老]/.test(text[s.end] ?? '')
    || gluedNameEnd(s, text, tokens, tokIdx, data) > 0 ? s : null),
  (s, { tokens, tokIdx }) => (s.type !== 'ORG' || !startsWithVerb(s, tokens, tokIdx) ? s : null),
  // 南宁国际铁路|港, 信息|港: a one-character "place" right after a common noun is the head of a compound, no abbreviation.
  (s, { pass, text, tokens, tokIdx }) => (pass.bio || s.type !== 'LOC' || s.end - s.start > 1 || !compoundHead(s, text, tokens, tokIdx) ? s : null),
  // 中法关系/nt: relations between countries are no body.
  (s, { text }) => (s.type !== 'ORG' || !text.endsWith('关系', s.end) ? s : null),
  // 赴城关镇、马坪乡, 来到马坪乡: a "person" ending in 乡 or 镇 listed after a town or gone to is that town.
  (s, { text }) => (s.type === 'PER' && s.end - s.start === 3 && /[乡镇]/.test(text[s.end - 1]) && TOWN_CONTEXT_BEFORE.test(text.slice(Math.max(0, s.start - 6), s.start)) ? { ...s, type: 'LOC' } : s),
  // 越南社会主义共和国/nt: a state's formal name is the country, a place.
  (s, { text }) => (s.type === 'ORG' && STATE_FORMAL_NAME.test(text.slice(s.start, s.end)) ? { ...s, type: 'LOC' } : s),
  // 中法/nt 同为…: countries written as a pair of abbreviations are places, as 中美 is, not a body.
  (s, { pass, text }) => (s.type === 'ORG' && s.end - s.start >= 2 && s.end - s.start <= 3 && [...text.slice(s.start, s.end)].every((ch) => countryAbbreviations(pass.dataDir).has(ch)) ? { ...s, type: 'LOC' } : s),
  // 联合国安理会|常任理事国/nt, 东盟|成员国: the states that belong to a body are no part of its name.
  (s, { text }) => {
    if (s.type !== 'ORG') return s;
    const status = MEMBER_STATES_END.exec(text.slice(s.start, s.end));
    return status && status.index >= 2 ? { ...s, end: s.start + status.index } : s;
  },
  // 学习领会/n|党的…精神: the Party after a common word the tagger ran into it is no body of that name.
  (s, { text, tokens, tokIdx, data }) => (s.type === 'ORG' && text[s.end - 1] === '党' && commonWordThenParty(s, text, tokens, tokIdx, data) ? null : s),
  // 人民代表大会|制度, 政治协商会议|制度: a body's name before 制度 names the system, not a body.
  (s, { text }) => (s.type !== 'ORG' || !text.startsWith('制度', s.end) ? s : null),
  // 广东省委|召开|全面深化改革委员会: a body never runs over the verb of what it does.
  (s, { text, tokens, tokIdx, data }) => (s.type === 'ORG' ? splitAtActionVerb(s, text, tokens, tokIdx, data) : s),
  // 第二届|联合国|全球可持续交通大会: a session ordinal before a body the name goes on past is the event's.
  (s, { text, tokens, tokIdx }) => (s.type === 'ORG' ? dropEventOrdinal(s, text, tokens, tokIdx) : s),
  // H|armonyOS: a span the tagger starts inside a Latin word is a piece of a product or code name.
  (s, { pass, tokens, tokIdx }) => (pass.bio || !startsInsideLatinWord(s, tokens, tokIdx) ? s : null),
  // China's State Council…: English words are no names the tagger (trained on Chinese) can read; acronyms (WTO, APEC) stay.
  (s, { pass, text }) => (pass.bio || !LATIN_WORDS.test(text.slice(s.start, s.end)) || ACRONYM.test(text.slice(s.start, s.end)) ? s : null),
  (s, { text, data }) => (s.type !== 'ORG' || !NETWORK_NOUN.test(text.slice(s.start, s.end)) || data.lexicon.orgs.has(text.slice(s.start, s.end)) ? s : null),
  // 费利佩|六世: a monarch's regnal number is part of the name; 王后|莱蒂西亚: a royal title is not.
  (s, { text }) => (s.type === 'PER' ? royalName(s, text) : s),
  // 国家/n|中医药局/nt: 国家 opening a national body's name, which jieba keeps apart.
  (s, { pass, text, tokens, tokIdx }) => (!pass.bio && s.type === 'ORG' && text.startsWith('国家', s.start - 2) && tokens[tokIdx[s.start - 1]]?.word === '国家' && tokens[tokIdx[s.start]]?.start === s.start ? { ...s, start: s.start - 2 } : s),
  // 市委常委|会/v 召开: the standing committee is the body (not 市委常委会议, its meeting).
  (s, { text }) => (s.type === 'ORG' && text.endsWith('常委', s.end) && text[s.end] === '会' && text[s.end + 1] !== '议' ? { ...s, end: s.end + 1 } : s),
  // 人民政协|网等/x 媒体: a news site named after a body, its 网 glued by jieba to the word after; the site ends with it.
  (s, { text }) => (s.type === 'ORG' && text[s.end] === '网' && SITE_NAME_FOLLOWER.test(text.slice(s.end + 1, s.end + 2)) ? { ...s, end: s.end + 1 } : s),
];

/** Whether `name` ends in an organisation suffix of two characters or more (执委会, 委员会, 人民政府) with a name before it. */
function endsWithLongOrgSuffix(name: string, data: NerData): boolean {
  return data.orgSuffixList.some(([suffix]) => suffix.length >= 2 && !suffix.endsWith('中心') && name.length > suffix.length + 1 && name.endsWith(suffix));
}

/** Whether `s`, an abbreviation (one character, or one and 省), opens a quoted name of at most five characters without filling it (“浙|里办”, “粤省|事”). */
function opensShortQuotedName(s: Span, text: string): boolean {
  if (!(s.end - s.start === 1 || (s.end - s.start === 2 && text[s.start + 1] === '省')) || (text[s.start - 1] !== '“' && text[s.start - 1] !== '「')) return false;
  const close = text.slice(s.end, s.start + 6).search(/[”」]/);
  return close > 0;
}

/** Marks no name starts with (a clause's end, closing quotes and brackets) or ends with (opening ones). */
const NOT_AT_NAME_START = /[\s。，,、；;：:！？!?”’）)」』】]/;
const NOT_AT_NAME_END = /[\s。，,、；;：:！？!?“‘（(「『【]/;

/** `s` without punctuation at its edges, or null when nothing is left. */
function trimEdgePunctuation(s: TaggedSpan, text: string): TaggedSpan | null {
  let { start, end } = s;
  while (start < end && NOT_AT_NAME_START.test(text[start])) start++;
  while (end > start && NOT_AT_NAME_END.test(text[end - 1])) end--;
  if (start === s.start && end === s.end) return s;
  return end > start ? { ...s, start, end } : null;
}

/** Before a town's name: another town and a list mark, or a verb of going. */
const TOWN_CONTEXT_BEFORE = /(?:[乡镇]、|来到|走进|深入|前往|赴|到)$/;

/** A state's formal name: a name ending in 共和国, 王国, 合众国, 酋长国, 公国 (not a body of one: …共和国外交部). */
const STATE_FORMAL_NAME = /^[\u4e00-\u9fff]{2,12}(?:共和国|王国|合众国|酋长国|公国|大公国)$/;

/** Tags of common words that open no party's name (领会/n, 热爱/v, 紧紧/d). */
const COMMON_BEFORE_PARTY_TAGS = new Set(['n', 'v', 'vn', 'a', 'ad', 'd']);

/** Whether span `s` (ending in 党) is one common word of jieba's and 党, and no organisation the lexicon knows. */
function commonWordThenParty(s: Span, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): boolean {
  const t = tokens[tokIdx[s.start]];
  return !!t && t.start === s.start && t.end === s.end - 1 && COMMON_BEFORE_PARTY_TAGS.has(t.tag) && !data.lexicon.orgs.has(text.slice(s.start, s.end));
}

/** The states a body has as members, ending a tagger span (常任理事国, 成员国, 缔约国). */
const MEMBER_STATES_END = /(?:常任理事国|非常任理事国|理事国|成员国|缔约国|观察员国|会员国)$/;

/** What may follow a site's name ending in 网 in a list or a credit: a list word or mark, punctuation, the end. */
const SITE_NAME_FOLLOWER = /^(?:[等、，,和与及。；;）)\s]|$)/;

/** Runs REVIEW_STEPS from step `from` on `s`, pushing what remains to `out`. */
function runReviewSteps(s: TaggedSpan, from: number, c: ReviewContext, out: TaggedSpan[]): void {
  let span: TaggedSpan = s;
  for (let k = from; k < REVIEW_STEPS.length; k++) {
    const r = REVIEW_STEPS[k](span, c);
    if (r === null) return;
    if (Array.isArray(r)) {
      for (const part of r) runReviewSteps(part, k + 1, c, out);
      return;
    }
    span = r;
  }
  out.push(span);
}

/** The character tagger's spans, less the readings that name nothing (filters before any repair). */
function reviewedTaggerSpans(pass: Pass, commonNr: ReadonlySet<string>, generic: ReadonlySet<string>): TaggedSpan[] {
  const { text, tokens, tokIdx, data } = pass;
  const context: ReviewContext = { pass, text, tokens, tokIdx, data, nonNameFinals: nonNameFinalChars(pass.dataDir), commonNr, generic };
  let reviewed: TaggedSpan[] = [];
  for (const s of reviewTaggedNames(data.tagger ? data.tagger.tag(text, tokens, data.lexicon) : [], text)) runReviewSteps(s, 0, context, reviewed);
  // 中国建设银行股份有限公司|广州|分行: a company's branch in a city is one body.
  if (!pass.bio) reviewed = studyGroups(dashJoinedBodies(branchOffices(reviewed, text, tokens, tokIdx), text), text);
  if (!pass.bio) reviewed = editorPlaceAndNameRepairs(reviewed, text, tokens, tokIdx, data);
  // 中国商飞|董事长|贺东风: a "person" right before a title and its holder is what the title belongs to.
  reviewed = reviewed.filter((s, i) => !(s.type === 'PER' && titleAndHolderAfter(s, reviewed[i + 1], tokens, tokIdx, data)));
  // A tagger "organisation" that is exactly a known place (赴|斯洛伐克, 澳大利亚|画展) is the place; team
  // lists (teamLists) make countries organisations again where they name teams.
  if (pass.bio) reviewed = reviewed.map((s) => (s.type === 'ORG' && knownPlace(text.slice(s.start, s.end), data) && !data.lexicon.orgs.has(text.slice(s.start, s.end)) ? { ...s, type: 'LOC' as const } : s));
  return reviewed;
}

/** Name repairs over the reviewed spans, in order: each step reads the previous one's spans. */
function refinedNames(pass: Pass, spans: TaggedSpan[], commonNr: ReadonlySet<string>): TaggedSpan[] {
  const { text, tokens, tokIdx, data } = pass;
  spans = extendTwoCharacterNames(hyphenJoinedNames(hyphenatedFirstNames(extendTransliteratedNames(spans, text, tokens, tokIdx), text, tokens, tokIdx), text), text, tokens, tokIdx, data);
  spans = placesReadAsPersons(extendSurnameOnlyNames(placeHeadsReadAsPersons(personsReadAsPlaces(spans, text, tokens, tokIdx, data), text, pass.bio), text, tokens, tokIdx, data), text, tokens, tokIdx);
  if (!pass.bio) spans = listedNamesAndTowns(spans, text, tokens, tokIdx, data);
  spans = listedPersons(spans, text, tokens, tokIdx, data, (start, end) => ({ type: 'PER' as const, start, end }));
  spans = namesRunIntoPredicates(namesEndingInsideVerbs(spans, tokens, tokIdx), text, tokens, tokIdx, data);
  spans = namesAfterTitleLong(spans, text, tokens, tokIdx, data, (start, end) => ({ type: 'PER' as const, start, end }));
  spans = namesJiebaKnows(namesBeforeGluedWords(namesEndingInsideGivenNames(spans, text, tokens, tokIdx, data), text, tokens, tokIdx, data), text, tokens, data, commonNr, (start, end) => ({ type: 'PER' as const, start, end }));
  spans = personsAfterTitles(splitJoinedOrganizations(conjunctionBeforeName(splitJoinedPersons(spans, text, tokens, tokIdx), text, tokens, tokIdx, data), text, tokens, tokIdx, data), tokens, tokIdx, data)
    .map((s) => (s.type === 'PER' ? withSurnameAfterTitle(s, text, tokens, tokIdx, data) : s));
  spans = dottedNames(spans, text, tokens, tokIdx, data, (start, end) => ({ type: 'PER' as const, start, end }));
  spans = compoundSurnameNames(spans, text, tokens, tokIdx, data, (start, end) => ({ type: 'PER' as const, start, end }))
    // 王强上|将出席: the rank after the name, whatever step grew the name into it.
    .map((s) => (s.type === 'PER' && s.end - s.start >= 3 && RANK_AFTER_NAME.test(text.slice(s.end - 1, s.end + 2)) ? { ...s, end: s.end - 1 } : s))
    // 卢拉近|日 (近日/t), 托卡耶夫将/d 出席: a time word or an adverb opening the predicate is no syllable of the name.
    .map((s) => (s.type === 'PER' && s.end - s.start >= 3 && adverbAfterName(text, tokens, tokIdx, s.end) ? { ...s, end: s.end - 1 } : s));
  if (!pass.bio) spans = placeCharsInsideWords(spans, tokens, tokIdx, abbreviationChars(pass.dataDir));
  else spans = withoutStrayPlaceCharacters(spans, text, pass.dataDir);
  return spans;
}

/** People's Daily conventions over the tagger spans, in order: each step reads the previous one's spans. */
function bioTaggedSpans(pass: Pass, spans: TaggedSpan[], generic: ReadonlySet<string>, heads: OrgHeadWords): TaggedSpan[] {
  const { text, tokens, tokIdx, data } = pass;
  spans = reviewPersons(spans, text, data);
  spans = companiesReadAsPersons(spans, text, companyNames(pass.dataDir));
  spans = splitPlaceChains(spans, text, tokens, tokIdx, data, generic);
  spans = splitAbbreviationPairs(spans, text, tokens, tokIdx, countryAbbreviations(pass.dataDir), data);
  spans = teamLists(spans, text);
  spans = governmentsAsPlaces(spans, text, data);
  spans = mergePlaceLedOrganizations(spans, tokens, tokIdx, data);
  spans = extendOrganizationUnits(spans, text, tokens, tokIdx, data, heads);
  return extendOrganizationChains(spans, text, tokens, tokIdx, data, heads);
}

/** Positions and their holders, persons from name context, reporter credits, bylines and datelines. */
function addPersonsAndPositions(pass: Pass, tagged: readonly TaggedSpan[], foreignFound: readonly Span[], ruleOrgs: readonly Span[], knownPersons: readonly Span[], cands: Candidates): void {
  const { text, tokens, tokIdx, data } = pass;
  const commonNr = commonNrWords(pass.dataDir);
  // Persons for position attachment: tagger names (it has seen the context), then title/name-context
  // names where the tagger found none (its boundaries beat the surname + jieba-word guess).
  // (省长王正|谱: a known person the tagger cut short is the whole name.)
  const taggerPersons = tagged.filter((s) => s.type === 'PER')
    .map((s) => knownPersons.find((k) => k.start <= s.start && k.end >= s.end && k.end - k.start > s.end - s.start) ?? s);
  // (日本首相|高市/x|早苗/x, 原副市长王/nr|某某: a name after a title read shorter than the foreign, Japanese,
  // known or pseudonymised name found there is part of it.)
  const inLonger = (p: Span, names: readonly Span[]) => names.some((f) => f.start <= p.start && f.end >= p.end && f.end - f.start > p.end - p.start);
  const contextPersons = findPersonsByContext(text, tokens, tokIdx, data)
    .map((p) => withSurnameAfterTitle(p, text, tokens, tokIdx, data))
    // (与|师生/nr|代表: a word jieba tags nr that names a group or a common thing is no name, title or not.)
    .filter((p) => !taggerPersons.some((s) => p.start < s.end && s.start < p.end) && !inLonger(p, foreignFound) && !inLonger(p, knownPersons) && !commonNr.has(text.slice(p.start, p.end)));
  const foreignPersons = foreignFound.filter((p) => ![...taggerPersons, ...contextPersons].some((s) => p.start < s.end && s.start < p.end));
  // (…局长丘应桦: a known person no other reading found holds the title before it.)
  const known = knownPersons.filter((p) => ![...taggerPersons, ...contextPersons, ...foreignPersons].some((s) => p.start < s.end && s.start < p.end));
  const persons = [...taggerPersons, ...contextPersons, ...foreignPersons, ...known];
  const cover = orgCover(text.length, [...ruleOrgs, ...tagged.filter((s) => s.type === 'ORG')]);
  for (const p of findPositions(text, tokens, tokIdx, persons, data, cover)) {
    const person = text.slice(p.person.start, p.person.end);
    cands.add({ ...mention('position', p, text, 'title rule'), person }, 1);
    cands.add(mention('person', p.person, text, 'title rule'), 1);
  }
  // 现任长沙市委常委、组织部部长: titles of a career or an appointment, their holder named apart.
  if (!pass.bio) for (const p of findAppointedPositions(text, tokens, tokIdx, data, persons, cover)) cands.add(mention('position', p, text, 'appointment'), 1);
  for (const p of contextPersons) cands.add(mention('person', p, text, 'name context'), 3);
  for (const p of foreignFound) cands.add(mention('person', p, text, 'foreign name after title'), 3);
  for (const r of findReporterCredits(text, data)) cands.add(mention('person', r, text, 'reporter credit'), 1);
  for (const b of findBylines(text, tokens, tokIdx, data)) {
    const person = text.slice(b.person.start, b.person.end);
    if (b.position) cands.add({ ...mention('position', b.position, text, 'byline'), person }, 1);
    cands.add(mention('person', b.person, text, 'byline'), 1);
  }
  if (!pass.bio) {
    for (const d of findMediaOutlets(text, data)) {
      if (d.outlet) cands.add(mention('organization', d.outlet, text, 'dateline'), 1);
      if (d.place) cands.add(mention('place', d.place, text, 'dateline'), 1);
    }
  }
}

/** The tagger's spans, repaired; returns them for the rules that yield to them. */
function addTaggerSpans(pass: Pass, tagged: readonly TaggedSpan[], heads: OrgHeadWords, cands: Candidates): Span[] {
  const { text, tokens, tokIdx, data, bio } = pass;
  const taggerSpans: Span[] = [];
  for (const s of tagged) {
    // (创新联盟/n 新成员: a place the tagger read from the middle of one common word is none.)
    if (!bio && s.type === 'LOC' && insideCommonWord(s, tokens, tokIdx)) continue;
    let fixed = adjustTagged(s, text, tokens, tokIdx, data, bio, heads);
    if (fixed && s.type === 'LOC' && !bio) fixed = snapToPlaceWord(fixed, tokens, tokIdx);
    // 积石山|县/zg: an administrative head jieba left as a word of its own is the place's.
    if (fixed && s.type === 'LOC' && !bio) fixed = withSeparateHead(fixed, text, tokens, tokIdx);
    if (fixed && s.type === 'LOC' && bio) fixed = { start: fixed.start, end: extendPlaceHead(text, fixed.end, tokens, tokIdx) };
    if (fixed) { cands.add(mention(TAGGER_TYPE[s.type], fixed, text, 'tagger'), 2); taggerSpans.push(fixed); }
  }
  return taggerSpans;
}

/** Whether `s` starts after and ends before the edges of one word jieba tags as a common word (COMMON_WORD_TAGS). */
function insideCommonWord(s: Span, tokens: readonly Token[], tokIdx: Int32Array): boolean {
  const t = tokens[tokIdx[s.start]];
  return !!t && t.start < s.start && t.end > s.end && COMMON_WORD_TAGS.has(t.tag);
}

/** One-character administrative heads (县, 市, 镇). */
const ADMIN_HEAD = /^[省市县区州镇乡村旗盟]$/;

/** A place with the one-character administrative head after it when jieba reads that head as a word of its own. */
function withSeparateHead(s: Span, text: string, tokens: readonly Token[], tokIdx: Int32Array): Span {
  const at = tokens[tokIdx[s.end]];
  return at && at.start === s.end && at.end === s.end + 1 && ADMIN_HEAD.test(at.word) ? { start: s.start, end: s.end + 1 } : s;
}


/** Whether `o` holds two of the tagger's organisations with 和/与/及/、 between them. */
function joinsTwoBodies(o: Span, bodies: readonly Span[], text: string): boolean {
  const inside = bodies.filter((b) => b.start >= o.start && b.end <= o.end);
  for (let k = 1; k < inside.length; k++) if (/[和与及、]/.test(text.slice(inside[k - 1].end, inside[k].start))) return true;
  return false;
}

/** Whether `o` contains every tagger span it touches (rather than cutting across one). */
function nestsTaggerSpans(o: Span, taggerSpans: readonly Span[]): boolean {
  return taggerSpans.every((t) => t.end <= o.start || t.start >= o.end || (t.start >= o.start && t.end <= o.end));
}

/**
 * A rule organisation that contains every tagger span it touches (发展联盟 inside 长三角…协同发展联盟,
 * 上海市 inside 上海市政府) competes with them by length; one that cuts across a tagger span yields.
 */
function addRuleOrganizations(pass: Pass, ruleOrgs: readonly (Span & { source: string })[], taggerSpans: readonly Span[], taggerBodies: readonly Span[], cands: Candidates): void {
  const { text, tokens, tokIdx, data, bio } = pass;
  for (let o of ruleOrgs) {
    if (!bio && bareLevelOrganization(text.slice(o.start, o.end), data)) continue;
    // 区|发展改革委, 市|发展改革委: a known body after a level word of its own is that level's body.
    if (!bio && o.source === 'organizations.tsv' && LEVEL_WORD.test(tokens[tokIdx[o.start - 1]]?.word ?? '')) o = { ...o, start: o.start - 1 };
    // People's Daily never annotates a government as an organisation (印度|政府, 临时政府).
    if (bio && text.endsWith('政府', o.end)) continue;
    // 城东污水处理厂扩建工程和区人民医院: two bodies the tagger read apart, joined by a conjunction, are two.
    if (joinsTwoBodies(o, taggerBodies, text)) continue;
    // (People's Daily labels 印度政府 as the place 印度 alone: no promotion under its conventions.)
    cands.add(mention('organization', o, text, o.source), nestsTaggerSpans(o, taggerSpans) && !bio ? 2 : 3);
  }
}

/**
 * People's Daily conventions: jieba organisation words, country pairs (中|美), organisations inside
 * title words (司法部长) and organisations led by a tagger place (古巴|代表团).
 */
function addBioConventionFinds(pass: Pass, tagged: TaggedSpan[], taggerSpans: readonly Span[], heads: OrgHeadWords, generic: ReadonlySet<string>, cands: Candidates): void {
  const { text, tokens, tokIdx, data, dataDir } = pass;
  const countries = countryAbbreviations(dataDir);
  for (const o of findPublications(tagged, text, data)) cands.add(mention('organization', o, text, 'publication'), 2);
  for (const o of findNtOrganizations(text, tokens, data, heads)) cands.add(mention('organization', o, text, 'jieba nt'), nestsTaggerSpans(o, taggerSpans) ? 2 : 3);
  for (const p of findAbbreviationPairs(text, countries)) cands.add(mention('place', p, text, 'abbreviation pair'), 1);
  for (const p of findAbbreviationUses(text, tokens, tokIdx, countries, data)) cands.add(mention('place', p, text, 'abbreviation use'), 3);
  for (const o of findTitledOrganizations(tokens, data)) cands.add(mention('organization', o, text, 'title word'), 3);
  for (const p of findAbbreviationCompounds(text, tokens, tokIdx, countries, abbreviationCompoundTails(dataDir), data)) cands.add(mention('place', p, text, 'abbreviation compound'), 3);
  for (const p of findSurnameAddresses(text, tokens, tokIdx, data)) cands.add(mention('person', p, text, 'surname address'), 3);
  for (const o of findBareInstitutions(tokens, bareInstitutions(dataDir))) cands.add(mention('organization', o, text, 'bare institution'), 3);
  for (const p of findCelestialPlaces(tokens)) cands.add(mention('place', p, text, 'celestial body'), 3);
  for (const o of findBareInstitutions(tokens, companyNames(dataDir))) cands.add(mention('organization', o, text, 'company'), 3);
  for (const p of findVillageWords(tokens, generic)) cands.add(mention('place', p, text, 'village word'), 3);
  for (const o of findPlaceLedOrganizations(tagged, text, tokens, tokIdx, data, heads, phraseToken)) {
    if (nestsTaggerSpans(o, taggerSpans)) cands.add(mention('organization', o, text, 'place-led'), 2);
  }
}

/** A country's legislature or government named by the country alone (塞尔维亚|议会, 日本|国会, 巴西|政府). */
const COUNTRY_BODY_WORDS = new Set(['议会', '国会', '国民议会', '联邦议会', '众议院', '参议院', '上议院', '下议院', '政府', '内阁', '外交部', '国防部']);
/** Their first code units: most tokens are ruled out with one lookup. */
const COUNTRY_BODY_FIRST = unitSet(COUNTRY_BODY_WORDS, 'first');

/** Bodies named by a country and the kind of body (塞尔维亚议会, 日本国会): one organisation. */
function countryBodies(tokens: readonly Token[], data: NerData): Span[] {
  const out: Span[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    const country = tokens[k], body = tokens[k + 1];
    if (!COUNTRY_BODY_FIRST[body.word.charCodeAt(0)] || body.start !== country.end || !COUNTRY_BODY_WORDS.has(body.word) || country.word === '中国') continue;
    if (data.placeIndex.get(country.word)?.some((p) => p.placeKind === 'country')) out.push({ start: country.start, end: body.end });
  }
  return out;
}

/** Quoted bodies, gazetteer places and, in the editor's conventions, venues, abbreviation runs and 地区/流域. */
function addEditorFinds(pass: Pass, cands: Candidates): void {
  const { text, tokens, data, bio } = pass;
  if (!bio) for (const o of findQuotedOrganizations(text, data)) cands.add(mention('organization', o, text, o.source), 1);
  // (A long full name, 河套深港科技创新合作区, competes with the tagger by length: it wins over the 河套深港 the tagger read.)
  for (const p of findGazetteerPlaces(text, tokens, data)) if (!insideCraftName(p, text)) cands.add(mention('place', p, text, 'gazetteer'), p.end - p.start >= 6 ? 2 : 3);
  if (bio) return;
  for (const p of findVenuePlaces(text, tokens, data, genericPlaces(pass.dataDir))) cands.add(mention('place', p, text, 'venue'), 2);
  for (const o of countryBodies(tokens, data)) cands.add(mention('organization', o, text, 'country body'), 2);
  for (const o of findBracketedBodies(text, tokens, pass.tokIdx)) cands.add(mention('organization', o, text, o.source), 2);
  for (const o of findLegalCompanyNames(text, tokens, pass.tokIdx, data)) {
    // (科技有限公司 alone: business-line words name no company.)
    if (companyNameStart(text, tokens, pass.tokIdx, o.start, o.end, data) === o.start) cands.add(mention('organization', o, text, o.source), 2);
  }
  // 花垣县|双龙镇|十八洞村: the towns and villages after a place continue its chain (one place, as 江苏省阜宁县 is).
  const places = cands.list.filter((x) => x.type === 'place');
  for (const c of places) {
    if (!CHAIN_SUFFIX_AHEAD.test(text.slice(c.end, c.end + 9)) || !CHAIN_LEVEL_END.test(c.canonical)) continue;
    const end = chainContinuationEnd(text, tokens, pass.tokIdx, c.end, /(?:镇|乡|街道|苏木)$/.test(c.canonical) ? 'town' : /[县区旗]$/.test(c.canonical) ? 'county' : 'other');
    if (end === c.end) continue;
    // (湖南省|湘西土家族苗族自治州花垣县|双龙镇: the chain starts with the places right before it.)
    cands.add(mention('place', { start: chainStart(places, c.start), end }, text, 'place chain'), 1);
  }
  // 中央第三生态环境保护督察组, 省委第二巡视组: inspection teams are bodies named by who sends them and their number.
  for (const m of text.matchAll(INSPECTION_TEAM)) cands.add(mention('organization', { start: m.index!, end: m.index! + m[0].length }, text, 'inspection team'), 2);
  // 丹江口水库, 黄材水库、田坪水库: a reservoir is named by the words before 水库.
  for (const r of findReservoirs(text, tokens, pass.tokIdx)) cands.add(mention('place', r, text, 'reservoir'), 2);
  // 河北省石家庄市|新华区人民检察院: a place chain before a body of a place under it is one body.
  const orgStarts = new Map(cands.list.filter((x) => x.type === 'organization' && /^[\u4e00-\u9fff]{1,6}?[区县市州旗]/.test(x.canonical)).map((x) => [x.start, x]));
  for (const p of places) {
    const o = orgStarts.get(p.end);
    if (!o || !/[省市州]$/.test(p.canonical) || !LOCAL_BODY_END.test(o.canonical)) continue;
    cands.add(mention('organization', { start: chainStart(places, p.start), end: o.end }, text, 'place chain body'), 2);
  }
  // 耿马县/x|人民政府: a county jieba does not know, read by the tagger, and the government of it: one body.
  for (const c of cands.list.filter((x) => x.type === 'place' && x.source === 'tagger' && /[省市县区镇乡州旗盟]$/.test(x.canonical))) {
    const body = LOCAL_BODY_AFTER.exec(text.slice(c.end, c.end + 11));
    if (body) cands.add(mention('organization', { start: c.start, end: c.end + body[0].length }, text, 'local body'), 2);
  }
  // 来到尧|上村/ns: the tagger may read a village's head with only its last characters; the name
  // after the verb of going then wins over it.
  const taggerPlaceEnds = new Set(cands.list.filter((c) => c.type === 'place' && c.source === 'tagger').map((c) => c.end));
  for (const p of findTownsAfterArrival(text, tokens, genericPlaces(pass.dataDir))) cands.add(mention('place', p, text, 'town'), taggerPlaceEnds.has(p.end) ? 2 : 3);
  // A run of abbreviations (沪苏浙皖) competes with the tagger by length: the tagger, trained on
  // People's Daily conventions, may split it into single provinces.
  for (const p of findAbbreviationPlaces(text, tokens, data)) cands.add(mention('place', p, text, 'province abbreviation'), p.end - p.start >= 2 ? 2 : 3);
  for (const c of cands.list) {
    if (c.type !== 'place') continue;
    const ext = PLACE_EXTENSIONS.find((w) => text.startsWith(w, c.end)) ?? (EVENT_VENUE_END.test(c.canonical) ? VENUE_HALL.exec(text.slice(c.end, c.end + 4))?.[0] : undefined);
    if (ext) { c.end += ext.length; c.canonical = text.slice(c.start, c.end); }
  }
}

/** 组 ending a name before a list mark or the clause's end: the group an office names after a place (江苏组、). */
const GROUP_NAMED_AFTER = /^组(?:[、，,；;。）)]|$)/;

/** The best non-overlapping candidates (rank, then length, then order), then lists, repeats and details. */
function chooseMentions(pass: Pass, cands: Candidates, skip: readonly Span[], resources: Resources, wanted: ReadonlySet<EntityType> | undefined): EntityMention[] {
  const { text, tokens, tokIdx, data, bio } = pass;
  const { list, ranks } = cands;
  // By rank, then longest first, then in the order found.
  const order = list.map((_, i) => i);
  order.sort((a, b) => ranks[a] - ranks[b] || (list[b].end - list[b].start) - (list[a].end - list[a].start) || a - b);
  const taken = new Uint8Array(text.length);
  for (const s of skip) taken.fill(1, Math.max(0, s.start), Math.min(text.length, s.end));
  const chosen: EntityMention[] = [];
  const notOrgs = notOrganizations(pass.dataDir);
  for (const i of order) {
    const c = list[i];
    if (resources.ignored?.has(c.canonical)) continue;
    // 国际经贸|斗争, 美国联邦|参议员: jieba's nt words that name no body leave the span to a place or to nothing.
    if (c.type === 'organization' && notOrgs.has(c.canonical)) continue;
    // 江苏组、浙江组: a group an office names after a place is a unit of it; the place inside is not annotated.
    if (!bio && c.type === 'place' && GROUP_NAMED_AFTER.test(text.slice(c.end, c.end + 2))) continue;
    let free = true;
    for (let i = c.start; i < c.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  if (!wanted || wanted.has('place')) {
    const places = chosen.filter((m) => m.type === 'place').sort((a, b) => a.start - b.start);
    for (const p of findListedPlaces(text, places, taken, data)) chosen.push(mention('place', p, text, 'place list'));
  }
  if (!bio && (!wanted || wanted.has('organization'))) {
    const orgs = chosen.filter((m) => m.type === 'organization').sort((a, b) => a.start - b.start);
    for (const o of findListedOrganizations(text, tokens, tokIdx, orgs, taken, data)) chosen.push(mention('organization', o, text, 'organisation list'));
  }
  chosen.push(...repeatedNames(chosen, text, tokens, taken));
  chosen.sort((a, b) => a.start - b.start);
  addDetails(chosen, text, data);
  return bio ? chosen : mergeJoinedNames(chosen, text);
}

/**
 * The other end of completePartialNames: a name the tagger read without its first one or two
 * characters (为古|特雷斯, 为岸|田文雄: the characters glued to the word before) is the fuller name
 * read elsewhere in the article when the text before it spells the missing start. `mentions` are
 * sorted and non-overlapping; positions naming the short form are renamed too.
 */
export function completeNameStarts(mentions: EntityMention[], text: string): EntityMention[] {
  const fullerBySuffix = new Map<string, string | null>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.canonical.length < 3) continue;
    for (let d = 1; d <= 2 && m.canonical.length - d >= 2; d++) {
      const suffix = m.canonical.slice(d), known = fullerBySuffix.get(suffix);
      // Two fuller names ending alike: which one is meant cannot be told.
      fullerBySuffix.set(suffix, known === undefined || known === m.canonical ? m.canonical : null);
    }
  }
  if (fullerBySuffix.size === 0) return mentions;
  const renamed = new Map<string, string>();
  mentions.forEach((m, i) => {
    if (m.type !== 'person' || text.slice(m.start, m.end) !== m.canonical) return;
    const fuller = fullerBySuffix.get(m.canonical);
    if (!fuller) return;
    const d = fuller.length - m.canonical.length, start = m.start - d;
    const before = mentions[i - 1];
    if (start < 0 || text.slice(start, m.start) !== fuller.slice(0, d) || (before && before.end > start)) return;
    renamed.set(m.canonical, fuller);
    m.start = start;
    m.canonical = fuller;
  });
  if (renamed.size) for (const m of mentions) if (m.type === 'position' && m.person && renamed.has(m.person)) m.person = renamed.get(m.person);
  return mentions;
}

/**
 * Article-level completion of person names: recognition is paragraph-local, so a name the tagger cut
 * short in one paragraph (孙景 before 淼 in a headline) is extended to the fuller name read elsewhere
 * in the article when the text there continues with it. `mentions` are sorted and non-overlapping;
 * positions naming the short form are renamed too. Linear: one map lookup per person mention.
 */
export function completePartialNames(mentions: EntityMention[], text: string): EntityMention[] {
  const byHead = new Map<string, string[]>();
  for (const m of mentions) {
    if (m.type !== 'person' || m.canonical.length < 3 || m.canonical.length > 4) continue;
    const head = m.canonical.slice(0, 2);
    const list = byHead.get(head) ?? [];
    if (!list.includes(m.canonical)) list.push(m.canonical);
    byHead.set(head, list);
  }
  if (byHead.size === 0) return mentions;
  const renamed = new Map<string, string>();
  mentions.forEach((m, i) => {
    if (m.type !== 'person' || m.canonical.length < 2 || text.slice(m.start, m.end) !== m.canonical) return;
    const fuller = byHead.get(m.canonical.slice(0, 2))?.find((n) => n.length > m.canonical.length && n.startsWith(m.canonical) && text.startsWith(n, m.start));
    if (!fuller) return;
    const next = mentions[i + 1];
    if (next && next.start < m.start + fuller.length) return;
    renamed.set(m.canonical, fuller);
    m.end = m.start + fuller.length;
    m.canonical = fuller;
  });
  if (renamed.size) for (const m of mentions) if (m.type === 'position' && m.person && renamed.has(m.person)) m.person = renamed.get(m.person);
  return mentions;
}

/** What follows a craft's quoted name (“天宫”空间站, “天舟九号”货运飞船), or ends it (…三号”). */
const CRAFT_AFTER_QUOTE = /^(?:号|卫星|空间站|飞船|货运飞船|载人飞船|火箭|运载火箭|探测器|舰|号舰|轮|号轮|客机|列车|号列车)/;

/** Whether a span lies inside a quoted name (within 10 characters of “ and ”) that names a craft. */
function insideCraftName(s: Span, text: string): boolean {
  const open = text.lastIndexOf('“', s.start - 1);
  const close = text.indexOf('”', s.end);
  if (open < 0 || close < 0 || s.start - open > 10 || close - s.end > 10 || text.slice(open, close).search(/[”，。；、\n]/) >= 0) return false;
  // (台风“桦加沙”: a storm's name is no place either.)
  return CRAFT_AFTER_QUOTE.test(text.slice(close + 1, close + 6)) || text[close - 1] === '号' || /(?:台风|飓风|热带风暴|热带气旋)$/.test(text.slice(Math.max(0, open - 4), open));
}

/** Words for a kind of meeting, some of which jieba tags as organisations (汇报会/nt, 通报会/nt). */
const MEETING_KIND = /^(?:汇报|通报|招商|招标|联席|协商|座谈|报告|发布|研讨|推进|动员|音乐|交易|见面|招待|茶话|表彰|誓师|观摩|对接|恳谈|洽谈|说明|交流|培训|总结|新闻发布)会$/;

/**
 * A name jieba's HMM read as one unknown word with the character after it (丁仲礼率/x 调研组: 率 "leads",
 * otherwise a rate and never a name's end): the span is that whole x-tagged word, a surname starts it
 * and two or three characters remain.
 */
function gluedByHmm(s: { start: number; end: number }, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): boolean {
  const t = tokens[tokIdx[s.start]];
  const len = s.end - s.start;
  return !!t && t.tag === 'x' && t.start === s.start && t.end === s.end && (len === 3 || len === 4) && data.lexicon.surnames.has(text[s.start]);
}

/** Verbs the tagger may take into an organisation's name (马兴瑞|会见代表团一行). */
const VERBS_BEFORE_BODIES = new Set(['会见', '会谈', '出席', '参加', '率领', '带领', '陪同', '接见', '看望', '慰问', '考察', '调研', '召开', '举行', '成立', '组建', '派出']);

/** An organisation span that opens with a verb jieba reads as a word of its own (会见/v 代表团). */
function startsWithVerb(s: { start: number; end: number }, tokens: readonly Token[], tokIdx: Int32Array): boolean {
  const t = tokens[tokIdx[s.start]];
  return !!t && t.start === s.start && t.end < s.end && VERBS_BEFORE_BODIES.has(t.word);
}

/** Heads of alliances and associations named by the field they join (产业联盟, 协会). */
const ALLIANCE_END = /(?:联盟|协会|商会|促进会|联合会)$/;

/** Tags of the field noun between a level word and a body's head (市|市场|监管局). */
const FIELD_TAGS = new Set(['n', 'vn']);

/** Common given-name characters that are far more often words of their own after a name (和, 将, 正). */
const NOT_GIVEN_NAME_WORDS = new Set(['和', '将', '正', '都', '亦', '曾', '则', '在', '又', '也', '已', '说', '对', '还', '等', '与', '向', '为', '到', '同', '即', '再', '便', '就']);
/** Verbs a person's name stands right before (出席, 表示). */
const PERSON_VERBS = new Set(['出席', '表示', '主持', '会见', '指出', '强调', '参加', '调研', '考察', '讲话', '致辞', '介绍', '宣布', '看望', '慰问', '会谈', '陪同', '回答']);

/** How the name of a diplomatic mission ends (美国大使馆, 上海总领事馆). */
const MISSION_END = /(?:大使馆|总领事馆|领事馆|使馆)$/;

/** Role words jieba tags as names (顾问/nr): a name read with one in front starts after it. */
const ROLE_WORDS_READ_AS_NAMES = new Set(['顾问', '助理', '外事顾问', '高级顾问']);

/**
 * Editor repairs of tagger places and names, in order: 东|兴县 (a one-character place before a county
 * word) is one place; 同德|方 (jieba: 同德/nrt 方/n, "the German side") is none; 中国|驻|美国大使馆 is a
 * body; then each name on its own (repairedName).
 */
function editorPlaceAndNameRepairs<S extends TaggedSpan>(spans: readonly S[], text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  return missionsAbroad(mergedCountyWords(spans, text).filter((s) => !sideOfCountry(s, text, tokens, tokIdx)), text)
    .map((s) => townFromListMark(s, text, spans))
    .map((s) => townAfterCounty(s, text, spans))
    .map((s) => nameToListMark(s, text, spans, data))
    .flatMap((s) => repairedName(s, text, tokens, tokIdx, data));
}

/**
 * 宁乡市|大成/v|桥镇: a town read without the first characters of its name, right after the city or county
 * it lies in: the town starts where that place ends.
 */
function townAfterCounty<S extends TaggedSpan>(s: S, text: string, spans: readonly S[]): S {
  if ((s.type !== 'LOC' && s.type !== 'PER') || s.end - s.start > 3 || !/(?:[镇乡]|街道)$/.test(text.slice(s.start, s.end))) return s;
  const county = spans.find((o) => o.type === 'LOC' && o.end < s.start && s.start - o.end <= 2 && /[市县区旗]$/.test(text.slice(o.start, o.end)));
  if (!county) return s;
  const gap = text.slice(county.end, s.start);
  if (![...gap].every((c) => isHan(c) && !NOT_IN_TOWN_NAME.test(c))) return s;
  return spans.some((o) => o !== s && o !== county && o.end > county.end && o.start < s.start) ? s : { ...s, type: 'LOC', start: county.end };
}

/**
 * 朱鹤新、宣昌|能/v、廖岷: a two-character name between list marks, one given-name character short of the
 * next mark, takes that character (jieba read it as a verb).
 */
function nameToListMark<S extends TaggedSpan>(s: S, text: string, spans: readonly S[], data: NerData): S {
  if (s.type !== 'PER' || s.end - s.start !== 2 || text[s.start - 1] !== '、' || !/^[、等和及]/.test(text.slice(s.end + 1, s.end + 2))) return s;
  if (!isHan(text[s.end]) || !data.lexicon.givenNameBucket[text.charCodeAt(s.end)] || !data.lexicon.surnameRank[text.charCodeAt(s.start)]) return s;
  return spans.some((o) => o !== s && o.start <= s.end && o.end > s.end) ? s : { ...s, end: s.end + 1 };
}

/** Characters that never start a town's name in a list (function words, verbs of a sentence). */
const NOT_IN_TOWN_NAME = /[的在和与及到于对是为等了将把被向从以由自据经同跟给让使至赴来去往]/;

/**
 * 递铺街道、孝|丰镇、天子|湖镇: a town or village read from a shorter known name inside it (丰镇, 湖镇, 江村)
 * when a list mark or the line's start comes one to three characters before: the town starts there.
 */
function townFromListMark<S extends TaggedSpan>(s: S, text: string, spans: readonly S[]): S {
  // (The tagger may read such a town as a person: 湖镇/PER, which placeHeadsReadAsPersons makes a place.)
  if ((s.type !== 'LOC' && s.type !== 'PER') || s.end - s.start > 4 || !/[镇乡村]$/.test(text.slice(s.start, s.end))) return s;
  let start = s.start;
  while (start > 0 && s.start - start < 3 && isHan(text[start - 1]) && !NOT_IN_TOWN_NAME.test(text[start - 1])) start--;
  if (start === s.start || !(start === 0 || /[、，,：:；;\n\s]/.test(text[start - 1]))) return s;
  // (Not over another name: 泰安|村 is whole already, 张家|湖镇 is a person then a place.)
  if (spans.some((o) => o !== s && o.end > start && o.start < s.start)) return s;
  return { ...s, start };
}

/** 东|兴县: a one-character place right before a place word ending in an administrative head is one place. */
function mergedCountyWords<S extends TaggedSpan>(spans: readonly S[], text: string): S[] {
  const out: S[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i], next = spans[i + 1];
    if (s.type === 'LOC' && s.end - s.start === 1 && next?.type === 'LOC' && next.start === s.end && next.end - next.start >= 2 && ADMIN_HEAD.test(text[next.end - 1])) {
      out.push({ ...s, end: next.end });
      i++;
    } else out.push(s);
  }
  return out;
}

/** 同德|方: a "place" ending in 方 read as a word of its own is a side (德方, the German side), no place. */
function sideOfCountry(s: TaggedSpan, text: string, tokens: readonly Token[], tokIdx: Int32Array): boolean {
  const last = tokens[tokIdx[s.end - 1]];
  return s.type === 'LOC' && s.end - s.start >= 3 && text[s.end - 1] === '方' && !!last && last.start === s.end - 1 && last.end === s.end;
}

/** 中国|驻|美国大使馆 (jieba: 美国大使馆/nt): a mission abroad is a body, with the country that sends it. */
function missionsAbroad<S extends TaggedSpan>(spans: readonly S[], text: string): S[] {
  const out: S[] = [];
  for (const s of spans) {
    // 巴西驻|华|大使馆: the host country read alone, the mission's head right after it.
    const head = s.type === 'LOC' && text[s.start - 1] === '驻' ? MISSION_HEAD.exec(text.slice(s.end, s.end + 4)) : null;
    const end = head ? s.end + head[0].length : s.end;
    if (s.type === 'PER' || !MISSION_END.test(text.slice(s.start, end)) || text[s.start - 1] !== '驻') { out.push(s); continue; }
    const sender = out[out.length - 1];
    const sent = sender?.type === 'LOC' && sender.end === s.start - 1;
    if (sent) out.pop();
    out.push({ ...s, type: 'ORG', start: sent ? sender.start : s.start - 1, end });
  }
  return out;
}

/** A mission's head right after its host place (驻华|大使馆). */
const MISSION_HEAD = /^(?:大使馆|总领事馆|领事馆|使馆)/;

/**
 * One name repaired: 顾问|普勒特纳 starts after the role word; 市|市场|监管局 takes in its level word and
 * field; 覃伟|中/f 出席 takes the given-name character; 李薇|广州 (a name, then a place word the
 * gazetteer knows) is a person and a place.
 */
function repairedName<S extends TaggedSpan>(s: S, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  const first = tokens[tokIdx[s.start]], last = tokens[tokIdx[s.end - 1]];
  if (s.type === 'PER' && first && first.start === s.start && first.end < s.end && ROLE_WORDS_READ_AS_NAMES.has(first.word)) s = { ...s, start: first.end };
  if (s.type === 'ORG') s = { ...s, start: levelBodyStart(s.start, text, tokens, tokIdx) };
  // 首个|低空|经济产业联盟, 一个|人工智能|产业联盟: an alliance or association takes in the field nouns before it.
  if (s.type === 'ORG' && ALLIANCE_END.test(text.slice(s.start, s.end)) && s.end - s.start <= 8) {
    for (let n = 0, k = tokIdx[s.start] - 1; n < 2 && k >= 0; n++, k--) {
      const t = tokens[k];
      if (t.end !== s.start || t.tag !== 'n' || t.word.length < 2) break;
      s = { ...s, start: t.start };
    }
  }
  const after = tokens[tokIdx[s.end]], verb = after ? tokens[tokIdx[after.end]] : undefined;
  if (s.type === 'PER' && s.end - s.start === 2 && data.lexicon.surnames.has(text[s.start]) && after && after.start === s.end && after.end === s.end + 1
    && data.lexicon.givenNameBucket[after.word.charCodeAt(0)] === 3
    // (院士|包信|和/c|出席: after a title, 和 before a verb is the name's last character, not "and".)
    && (!NOT_GIVEN_NAME_WORDS.has(after.word) || (after.word === '和' && titleEndingAt(text, s.start, data) > 0))
    && verb && verb.start === after.end && PERSON_VERBS.has(verb.word)) s = { ...s, end: after.end };
  // 王道|席率/x|国家工作组: jieba glued the last given-name character to 率 ("leads").
  else if (s.type === 'PER' && s.end - s.start === 2 && data.lexicon.surnames.has(text[s.start]) && after && after.start === s.end && after.tag === 'x'
    && after.end === s.end + 2 && text[after.end - 1] === '率' && isHan(text[s.end]) && data.lexicon.givenNameBucket[text.charCodeAt(s.end)] > 0) s = { ...s, end: s.end + 1 };
  if (s.type === 'PER' && last && last.end === s.end && last.start - s.start >= 2 && last.start - s.start <= 3 && last.tag === 'ns'
    && data.placeIndex.has(last.word) && data.lexicon.surnames.has(text[s.start])) return [{ ...s, end: last.start }, { ...s, type: 'LOC', start: last.start }];
  return [s];
}

/**
 * Where a body the tagger read after its level of government starts: 省|水利厅, 市|市场|监管局 and
 * 省|住房|和|城乡|建设厅 take in the level word (and the field nouns between), when the level word is a
 * word of its own after a boundary, a preposition or a conjunction (由省/x: the preposition glued on).
 */
function levelBodyStart(start: number, text: string, tokens: readonly Token[], tokIdx: Int32Array): number {
  let k = tokIdx[start] - 1;
  if (k < 0 || tokens[k].end !== start) {
    const glued = tokens[tokIdx[start - 1]];
    return glued && glued.end === start && glued.end - glued.start === 2 && gluedFunctionWord(glued) && LEVEL_WORD.test(text[start - 1]) ? start - 1 : start;
  }
  // Field nouns, two joined by 和 (住房|和|城乡), between the level word and the body.
  for (let n = 0; n < 3 && k >= 0; n++) {
    const t = tokens[k];
    const field = FIELD_TAGS.has(t.tag) && t.word.length >= 2;
    const joined = t.word === '和' && n > 0 && k > 0 && FIELD_TAGS.has(tokens[k - 1].tag) && tokens[k - 1].word.length >= 2;
    if (!field && !joined) break;
    k--;
  }
  const level = tokens[k];
  if (!level || !LEVEL_WORD.test(level.word)) {
    const glued = tokens[k];
    return glued && glued.end - glued.start === 2 && gluedFunctionWord(glued) && LEVEL_WORD.test(glued.word[1]) && k < tokIdx[start] - 1 ? glued.start + 1 : start;
  }
  return levelWordOpensName(k, text, tokens) ? level.start : start;
}

/** A party body's study group, written after it (省委|理论学习中心组). */
const STUDY_GROUP = '理论学习中心组';

/** 江西省委|理论学习|中心组: a body's theory study group is one body with it (the tagger reads 中心 apart). */
function studyGroups<S extends { type: string; start: number; end: number }>(spans: readonly S[], text: string): S[] {
  const out: S[] = [];
  let groupEnd = -1;
  for (const s of spans) {
    // The piece of the group's name the tagger read after the body is taken in.
    if (s.end <= groupEnd) continue;
    if (s.type === 'ORG' && text.startsWith(STUDY_GROUP, s.end)) {
      groupEnd = s.end + STUDY_GROUP.length;
      out.push({ ...s, end: groupEnd });
    } else out.push(s);
  }
  return out;
}

/** Verbs of what bodies do, which no body's name holds (召开, 出席, 签署): those the tagger may take in before a body, and more. */
const ACTION_VERBS = new Set([...VERBS_BEFORE_BODIES, '举办', '主持', '签署', '签订', '发布', '印发', '视察', '部署', '审议', '听取', '走访', '表示', '强调', '指出',
  '指导', '主办', '承办', '牵头', '研究部署', '审议通过']);

/** 日本国会|愿同/x|中国全国人大: "is willing to, with", between two bodies the tagger read as one. */
const WILLING_WITH = new Set(['愿同', '愿与', '愿意同', '愿意与']);

/** The parts of a tagger organisation on either side of an action verb inside it, each kept if it ends like a body. */
function splitAtActionVerb<S extends { start: number; end: number }>(s: S, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): S[] {
  let verb: Token | undefined;
  // (深圳市人民政府|指导: a verb ending the span counts too; the part after it is then empty.)
  for (let i = tokIdx[s.start] + 1; i < tokens.length && tokens[i].end <= s.end; i++) {
    // (Last, jieba may tag it a noun: 指导/n.)
    if (tokens[i].start > s.start && (((tokens[i].tag === 'v' || tokens[i].end === s.end) && ACTION_VERBS.has(tokens[i].word)) || EVENT_WORDS.has(tokens[i].word) || WILLING_WITH.has(tokens[i].word))) { verb = tokens[i]; break; }
  }
  if (!verb) return [s];
  // (A part that is one body word of jieba's, 日本国会/nt, is kept too.)
  const oneBodyWord = (p: Span) => { const t = tokens[tokIdx[p.start]]; return !!t && t.start === p.start && t.end === p.end && t.tag === 'nt'; };
  return [{ ...s, end: verb.start }, { ...s, start: verb.end }]
    .filter((p) => p.end - p.start >= 2 && (endsWithOrgSuffix(text.slice(p.start, p.end), data) || oneBodyWord(p)));
}

/** A session ordinal (第二届, 第七次) opening a name. */
const SESSION_ORDINAL = /^第[一二三四五六七八九十百零〇\d]+[届次]/;
/** Words that name what a session ordinal counts: a meeting, fair or games (第二届…大会). */
const SESSION_NOUN_TAGS = new Set(['n', 'vn', 'nz', 'nt', 'j', 'ns']);

/** A tagger organisation without the session ordinal it starts with when the name goes on past it (第二届|联合国|全球…大会). */
function dropEventOrdinal<S extends { start: number; end: number }>(s: S, text: string, tokens: readonly Token[], tokIdx: Int32Array): S {
  const m = SESSION_ORDINAL.exec(text.slice(s.start, s.end));
  if (!m || m[0].length >= s.end - s.start) return s;
  const next = tokens[tokIdx[s.end]];
  return next && next.start === s.end && SESSION_NOUN_TAGS.has(next.tag) ? { ...s, start: s.start + m[0].length } : s;
}

/** A title word right after the span, then a person span right after the title. */
function titleAndHolderAfter(s: { end: number }, next: { type: string; start: number } | undefined, tokens: readonly Token[], tokIdx: Int32Array, data: NerData): boolean {
  const t = tokens[tokIdx[s.end]];
  return !!t && !!next && next.type === 'PER' && t.start === s.end && next.start === t.end && data.lexicon.titles.has(t.word);
}

/** What names a branch after a city (广州分行, 上海分公司). */
const BRANCH_AFTER_PLACE = /^(?:分行|支行|分公司|分院|分会|分局|分部|办事处|代表处|营业部)/;

/** An organisation, a place right after it and a branch word after that are one organisation. */
function branchOffices(spans: TaggedSpan[], text: string, tokens: readonly Token[], tokIdx: Int32Array): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i], next = spans[i + 1];
    const branch = s.type === 'ORG' && next && next.type === 'LOC' && next.start === s.end ? BRANCH_AFTER_PLACE.exec(text.slice(next.end, next.end + 3)) : null;
    if (branch) {
      out.push({ ...s, end: next.end + branch[0].length });
      i++;
      continue;
    }
    // 中国农业银行|临沧/ns|分行/v: the city the tagger did not read, a place word of jieba's.
    const place = s.type === 'ORG' ? tokens[tokIdx[s.end]] : undefined;
    const placeBranch = place && place.start === s.end && place.tag === 'ns' && (!next || next.start >= place.end) ? BRANCH_AFTER_PLACE.exec(text.slice(place.end, place.end + 3)) : null;
    out.push(placeBranch ? { ...s, end: place!.end + placeBranch[0].length } : s);
  }
  return out;
}

/** A regnal number after a monarch's name (六世, 三世) and royal titles jieba may read into one (王后, 国王…). */
const REGNAL_NUMBER = /^[一二三四五六七八九十]{1,3}世/;
const ROYAL_TITLE = /^(?:王后|王妃|国王|女王|王子|公主|亲王|王储)/;

/** A person span with its regnal number taken in and a royal title before the name left out. */
function royalName<S extends { start: number; end: number }>(s: S, text: string): S {
  const regnal = REGNAL_NUMBER.exec(text.slice(s.end, s.end + 4));
  const title = ROYAL_TITLE.exec(text.slice(s.start, s.end));
  if (!regnal && !(title && s.end - s.start - title[0].length >= 2)) return s;
  return { ...s, start: title && s.end - s.start - title[0].length >= 2 ? s.start + title[0].length : s.start, end: regnal ? s.end + regnal[0].length : s.end };
}

/** After a body: its secretariat or organising committee, part of its name (中国—东盟博览会秘书处). */
const BODY_UNIT_AFTER = /^(?:秘书处|组委会)/;

/**
 * Bodies named for two sides joined by a dash (中国—东盟博览会, 中国—中亚峰会秘书处): the place before
 * the dash is part of the name, and so is a secretariat or organising committee right after it.
 */
function dashJoinedBodies(spans: TaggedSpan[], text: string): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i], next = spans[i + 1];
    // (中国—欧盟领导人会晤: a bare body after the dash names a relation, not a body of both.)
    if (s.type === 'LOC' && next && next.type === 'ORG' && next.start === s.end + 1 && /[—–－-]/.test(text[s.end]) && next.end - next.start > 3) {
      const unit = BODY_UNIT_AFTER.exec(text.slice(next.end, next.end + 3));
      out.push({ ...next, start: s.start, end: next.end + (unit ? unit[0].length : 0) });
      i++;
    } else out.push(s);
  }
  return out;
}

/** One-character words a name may run into (卢拉在|总统府, 王毅和…): prepositions, conjunctions, 是, 说. */
const RUN_ON_CHARS = new Set([...'在和与同是说为对向将也还就已'].map((c) => c.charCodeAt(0)));

/**
 * Article-level: a person read with a one-character word glued on (卢拉在, jieba: 卢拉在/x) is the
 * shorter name when that name is a person elsewhere in the article. `mentions` are changed in place.
 */
export function trimRunOnNames(mentions: EntityMention[]): EntityMention[] {
  const persons = new Set(mentions.filter((m) => m.type === 'person').map((m) => m.canonical));
  for (const m of mentions) {
    if (m.type !== 'person' || m.canonical.length < 3 || !RUN_ON_CHARS.has(m.canonical.charCodeAt(m.canonical.length - 1))) continue;
    const shorter = m.canonical.slice(0, -1);
    if (!persons.has(shorter)) continue;
    m.end -= 1;
    m.canonical = shorter;
  }
  return mentions;
}

/**
 * Article-level: a "place" named exactly like a person of the article that no place list knows
 * (李强为拉克松举行欢迎宴会 beside 新西兰总理拉克松) is that person. `mentions` are changed in place.
 */
export function placesNamedLikePersons(mentions: EntityMention[], data: NerData): EntityMention[] {
  const persons = new Set(mentions.filter((m) => m.type === 'person').map((m) => m.canonical));
  if (persons.size === 0) return mentions;
  for (const m of mentions) {
    if (m.type !== 'place' || !persons.has(m.canonical) || m.canonical.length < 2 || knownPlace(m.canonical, data)) continue;
    m.type = 'person';
    m.source = 'named like a person';
    delete m.chain;
  }
  return mentions;
}

/**
 * Article-level: where a person's full name read elsewhere in the article is written again and only
 * places were read inside it (章|建华/ns for 章建华), the name is that person: recognition is
 * paragraph-local and the tagger has no title or verb to go on there. `mentions` are sorted and
 * non-overlapping; returns the new list.
 */
export function personsOverPlaces(mentions: EntityMention[], text: string): EntityMention[] {
  const persons = new Map<string, EntityMention>();
  for (const m of mentions) {
    if (m.type === 'person' && m.canonical.length >= 2 && text.slice(m.start, m.end) === m.canonical && !persons.has(m.canonical)) persons.set(m.canonical, m);
  }
  if (persons.size === 0 || !mentions.some((m) => m.type === 'place')) return mentions;
  const lengths = [...new Set([...persons.keys()].map((n) => n.length))].sort((a, b) => a - b);
  // First code units of the names: most offsets start none, and need no slice and look-up.
  const firstUnits = unitSet(persons.keys(), 'first');
  const replaced = new Set<EntityMention>();
  const added: EntityMention[] = [];
  let i = 0;
  while (i < mentions.length) {
    const m = mentions[i];
    let next = i + 1;
    // Occurrences of a name covering this place, the place strictly shorter than the name.
    for (const len of m.type === 'place' ? lengths : []) {
      if (len <= m.end - m.start) continue;
      let found = false;
      for (let at = Math.max(0, m.end - len); at <= m.start && !found; at++) {
        if (!firstUnits[text.charCodeAt(at)]) continue;
        const person = persons.get(text.slice(at, at + len));
        if (!person) continue;
        const end = at + len;
        // Every mention the occurrence touches is a place inside it.
        let j = i;
        while (j > 0 && mentions[j - 1].end > at) j--;
        let k = j, inside = true;
        for (; k < mentions.length && mentions[k].start < end; k++) {
          const o = mentions[k];
          if (o.type !== 'place' || o.start < at || o.end > end || replaced.has(o)) inside = false;
        }
        if (!inside) continue;
        for (let q = j; q < k; q++) replaced.add(mentions[q]);
        const { start: _s, end: _e, ...rest } = person;
        added.push({ ...rest, start: at, end, source: 'repeated person' } as EntityMention);
        next = k;
        found = true;
      }
      if (found) break;
    }
    i = next;
  }
  if (added.length === 0) return mentions;
  return [...mentions.filter((m) => !replaced.has(m)), ...added].sort((a, b) => a.start - b.start);
}

/** An acronym in brackets right after a name (世界贸易组织（WTO）). */
const BRACKETED_ACRONYM = /^[（(]([A-Z][A-Za-z0-9&-]{1,9})[）)]/;
/** Kinds of name an acronym given in brackets stands for wherever it is written again. */
const ACRONYM_TYPES = new Set(['organization', 'document', 'place']);

/**
 * Article-level: an acronym given in brackets right after an organisation, document or place
 * (世界贸易组织（WTO）, 亚太经合组织（APEC）) is that name wherever the article writes it again as a
 * word of its own. `mentions` are sorted and non-overlapping; returns the new list.
 */
export function acronymAliases(mentions: EntityMention[], text: string): EntityMention[] {
  const aliases = new Map<string, EntityMention['type']>();
  // (The brackets themselves are the name's gloss: the acronym there would be the same participant twice.)
  const glosses = new Set<number>();
  for (const m of mentions) {
    const a = ACRONYM_TYPES.has(m.type) ? BRACKETED_ACRONYM.exec(text.slice(m.end, m.end + 12)) : null;
    if (!a) continue;
    glosses.add(m.end + 1);
    if (!aliases.has(a[1])) aliases.set(a[1], m.type);
  }
  if (aliases.size === 0) return mentions;
  const added: EntityMention[] = [];
  const starts = mentions.map((m) => m.start);
  const free = (start: number, end: number) => {
    // The first mention ending after start must begin at or after end.
    let lo = 0, hi = mentions.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (mentions[mid].end <= start) lo = mid + 1; else hi = mid; }
    return lo === mentions.length || starts[lo] >= end;
  };
  for (const [acronym, type] of aliases) {
    for (let at = text.indexOf(acronym); at >= 0; at = text.indexOf(acronym, at + 1)) {
      const end = at + acronym.length;
      if (glosses.has(at) || /[A-Za-z0-9]/.test(text[at - 1] ?? '') || /[A-Za-z0-9]/.test(text[end] ?? '') || !free(at, end)) continue;
      added.push({ type, start: at, end, canonical: acronym, source: 'acronym' });
    }
  }
  return added.length ? [...mentions, ...added].sort((a, b) => a.start - b.start) : mentions;
}

/** What makes a name a company's: 比亚迪股份有限公司, 华为技术有限公司, 阿里巴巴集团. */
const COMPANY_TAIL = /^(?:(?:科技|技术|汽车|电子|控股|实业|网络|信息|通信)?(?:股份有限公司|有限责任公司|有限公司|集团|公司))$/;

/**
 * Article-level: a "person" named exactly like the head of a company the article names in full
 * (比亚迪 beside 比亚迪股份有限公司) is the company's short name. `mentions` are changed in place.
 */
export function companyShortNames(mentions: EntityMention[]): EntityMention[] {
  const heads = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'organization') continue;
    for (let k = 2; k < m.canonical.length - 1; k++) if (COMPANY_TAIL.test(m.canonical.slice(k))) heads.add(m.canonical.slice(0, k));
  }
  if (heads.size === 0) return mentions;
  for (const m of mentions) {
    if (m.type === 'person' && heads.has(m.canonical)) {
      m.type = 'organization';
      m.source = 'company short name';
      delete m.positions;
    }
  }
  return mentions;
}

type TaggedSpan = { type: 'PER' | 'LOC' | 'ORG'; start: number; end: number };

/** Punctuation no person name contains (the dot of transliterated names is not among it). */
const NAME_BREAK = /[\s，,。；;：:、（）()《》“”"'！？!?【】\uFFFD]/;

/**
 * Document-level review of tagger names: a name read once with a following character (周艳作) is
 * trimmed when the shorter name is read elsewhere, and one cut short (孙景 of 孙景淼) is extended
 * when the longer name is read elsewhere; and a one-character place in a context that
 * makes it an ordinary word is dropped.
 */
export function reviewTaggedNames(tagged: readonly TaggedSpan[], text: string): TaggedSpan[] {
  // 拉克松于|6月: a preposition glued on is cut first, so that the name is known by its own length.
  const spans = tagged.map((s) => (s.type === 'PER' && s.end - s.start >= 3 && (endsInPreposition(text.slice(s.start, s.end), text, s.end) || endsInDayWord(text, s.end)) ? { ...s, end: s.end - 1 } : s));
  const names = new Set(spans.filter((s) => s.type === 'PER').map((s) => text.slice(s.start, s.end)));
  const out: TaggedSpan[] = [];
  for (const s of spans) {
    if (s.type === 'PER') {
      const name = text.slice(s.start, s.end);
      // 刘华）国家: the tagger's path may run a name over punctuation; the name ends there.
      const stop = NAME_BREAK.exec(name);
      if (stop) {
        if (stop.index >= 2) out.push({ ...s, end: s.start + stop.index });
        continue;
      }
      if (name.length >= 3 && names.has(name.slice(0, -1)) && occurrences(name, text) === 1) out.push({ ...s, end: s.end - 1 });
      else {
        const longer = [...names].find((n) => n.length > name.length && n.length <= 4 && n.startsWith(name) && text.startsWith(n, s.start));
        out.push(longer ? { ...s, end: s.start + longer.length } : s);
      }
      continue;
    }
    out.push(s);
  }
  return out.filter((s) => s.type !== 'LOC' || s.end - s.start > 1 || singlePlaceInContext(s, text));
}

/**
 * Words no name in the People's Daily data ends in, read glued to a name by jieba's HMM (李希在|大会上,
 * 拉克松于|6月, 甄占民作|主旨演讲): cut wherever read. (RUN_ON_CHARS adds 和, 与, 同, 为, which some given
 * names end in: those are cut only where the shorter name is read elsewhere.)
 */
const NEVER_NAME_FINAL = new Set([...'在于是说对向将也还就已作'].map((c) => c.charCodeAt(0)));

/** A name of three characters or more that ends in a preposition or adverb with text (no punctuation) right after it. */
function endsInPreposition(name: string, text: string, end: number): boolean {
  return NEVER_NAME_FINAL.has(name.charCodeAt(name.length - 1)) && !/\.|·/.test(name) && end < text.length && (isHan(text[end]) || /[0-9０-９]/.test(text[end]));
}

/** 赖清德今|（3）日, 蒋万安昨|（2）日: Taiwan's news write "today, the 3rd" right after the subject. */
function endsInDayWord(text: string, end: number): boolean {
  return /[今昨明]/.test(text[end - 1]) && /^[（(][0-9]{1,2}[）)]日/.test(text.slice(end, end + 5));
}

/** How many times `name` occurs in the text (a name written with a following 作 once is a misreading). */
function occurrences(name: string, text: string): number {
  let n = 0;
  for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) n++;
  return n;
}

/**
 * A one-character place is a word quoted or doubled (“云”端, 美美与共), or a stray character after
 * a broken one (陈龙�华), far more often than a country or province: those contexts are dropped.
 */
function singlePlaceInContext(s: TaggedSpan, text: string): boolean {
  const prev = text[s.start - 1] ?? '', next = text[s.end] ?? '', c = text[s.start];
  if (QUOTES.has(prev) && QUOTES.has(next)) return false;
  if (prev === '\uFFFD' || prev === c || next === c) return false;
  // 各美其美: the same character two places on is a four-character saying, not a country.
  if ((text[s.start - 2] === c && SAYING_LINKS.test(prev)) || (text[s.end + 1] === c && SAYING_LINKS.test(next))) return false;
  // 云签约, 云发布, 云招商: "cloud" (online) before an activity, not Yunnan.
  if (c === '云' && CLOUD_ACTIVITY.test(text.slice(s.end, s.end + 2))) return false;
  return true;
}

/** What "cloud" (online) qualifies right after 云 (云签约, 云展会, 云课堂, 云端). */
const CLOUD_ACTIVITY = /^(?:签约|签署|发布|招商|展会|展览|课堂|办公|会议|直播|服务|平台|端|计算|上|游|旅游|逛|看|监工|问诊|审批|推介|洽谈|招聘|会见)/;

/** Function characters between the repeated character of a saying (各美其美, 自然而然). */
const SAYING_LINKS = /^[其各之与而亦且]$/;

const QUOTES = new Set(['“', '”', '‘', '’', '"', "'", '「', '」']);

/** Tags whose one-token words are not names even when the tagger says so (高水平/n, 应邀出席/l). */
const NOT_NAME_TAGS = new Set(['n', 'l', 'v', 'vn', 'a', 'an', 'ad', 'i', 'd', 'nz', 'ns', 'nt', 'm']);

/** Last characters of proper nouns that name a thing, a group or a site, not a person (华龙网, 普米族, 全真教, 金鼎奖). */
const THING_FINAL = /[网族教剂号路村法展奖书科班期语油鞋帽线牌日街站杯馆园队团会社厂店剧片曲歌舞]$/;

/**
 * jieba's dictionary tags many personal names nz (辛业江, 刘彦彬, 邱淑贞): a three-character one of a
 * surname and two given-name characters, at least one of them common, ending like no thing, is a name when
 * the tagger reads it as one.
 */
function nameLikeProperNoun(word: string, lex: NerData['lexicon']): boolean {
  if (word.length !== 3 || !lex.surnameRank[word.charCodeAt(0)] || THING_FINAL.test(word)) return false;
  const a = lex.givenNameBucket[word.charCodeAt(1)], b = lex.givenNameBucket[word.charCodeAt(2)];
  return a > 0 && b > 0 && a + b >= 3;
}

/** Last characters of place names: administrative units, waters, mountains, areas, venues. */
const PLACE_END = /[省市县区镇乡村州盟旗江河湖海洋山岛岭峰湾港口门城关峡谷滩洲渚泉川原坝堤塘溪池园馆堂寺庙宫桥路街道巷里弄坊屯寨埠站场带圈角洲国库淀垸]$/;

/** Tags of words whose one character is no abbreviated place (升华/v, 价廉物美/i). */
const INSIDE_WORD_TAGS = new Set(['v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'i', 'l', 'c', 'p', 'm', 'q', 'r', 'u', 'z']);
/** Characters of going to or being in a place before an abbreviation (访华, 驻京, 来华, 在京). */
const VISIT_CHARS = new Set([...'访驻赴抵离侵反来在']);

/** Tags of common words that are not places or organisations on their own. */
const COMMON_WORD_TAGS = new Set(['n', 'a', 'ad', 'an', 'd', 'v', 'vn', 'l', 'i', 'm', 'b', 'z']);

/** A word made of two gazetteer names (云南昆明, 四川成都). */
function twoKnownPlaces(word: string, data: NerData): boolean {
  for (let k = 2; k <= word.length - 2; k++) if (data.placeIndex.has(word.slice(0, k)) && data.placeIndex.has(word.slice(k))) return true;
  return false;
}

/** Snaps tagger organisations to jieba word boundaries and drops "persons" that are one common word. */
export function adjustTagged(s: { type: 'PER' | 'LOC' | 'ORG'; start: number; end: number; unit?: boolean }, text: string, tokens: readonly Token[], tokIdx: Int32Array, data: NerData, bio = false, heads?: OrgHeadWords): Span | null {
  const lex = data.lexicon;
  const first = tokens[tokIdx[s.start]], last = tokens[tokIdx[s.end - 1]];
  if (!first || !last) return s;
  const oneWord = first === last && first.start === s.start && first.end === s.end && s.end - s.start >= 2;
  if (s.type === 'PER' && oneWord && NOT_NAME_TAGS.has(first.tag) && !(first.tag === 'nz' && nameLikeProperNoun(first.word, lex))) return null;
  // Surname character + a place word with a place ending (南太湖, 东港区) is a place, not a name.
  if (s.type === 'PER' && s.end - s.start === 3 && lex.surnames.has(text[s.start]) && !lex.compoundSurnames.has(text.slice(s.start, s.start + 2))
    && (lex.dict.get(text.slice(s.start + 1, s.end)) & LEX.place) && /[湖河港湾岛省市县区州]$/.test(text.slice(0, s.end))) return null;
  // A place that is one common word (青春/n, 深度/n, 城区/n) unless a lexicon knows it. (Not for
  // organisations: 政府/n, 海军/n are organisations in news text.)
  if (s.type === 'LOC' && oneWord && COMMON_WORD_TAGS.has(first.tag) && !(lex.dict.get(first.word) & (LEX.place | LEX.org))) return null;
  // jieba tags some common words ns (青春, 云集, 多维度): a place word neither in the gazetteer nor
  // ending like a place name (…州, …湖, …山) is dropped.
  // (In the editor 云南昆明/ns, two gazetteer names in one word, stays; People's Daily splits such chains.)
  if (s.type === 'LOC' && oneWord && first.tag === 'ns' && !data.placeIndex.has(first.word) && !PLACE_END.test(first.word) && (bio || !twoKnownPlaces(first.word, data))) return null;
  // 升华/v, 价廉物美/i, 大中/a: a one-character "place" inside a longer verb, adjective or idiom word is
  // part of that word (not 访华/v, 赴美/v: a verb of visiting takes the abbreviation).
  if (bio && s.type === 'LOC' && s.end - s.start === 1 && first.end - first.start > 1 && INSIDE_WORD_TAGS.has(first.tag)
    && !VISIT_CHARS.has(text[s.start - 1] ?? '')) return null;
  // 北京时间 (a time zone) and 大、中城市 / 轻、中、重 (sizes) name no place.
  if (bio && s.type === 'LOC' && text.startsWith('时间', s.end)) return null;
  if (bio && s.type === 'LOC' && text.slice(s.start, s.end) === '中'
    && ((text[s.start - 1] === '、' && /[大小轻重高低长短]/.test(text[s.start - 2] ?? '')) || (text[s.end] === '、' && /[大小轻重高低长短]/.test(text[s.end + 1] ?? '')))) return null;
  // 更美 (more beautiful): a one-character "place" after an adverb is the adjective.
  if (!bio && s.type === 'LOC' && s.end - s.start === 1 && /^(?:d|ad)$/.test(tokens[tokIdx[s.start] - 1]?.tag ?? '')) return null;
  // 金山银山, 青山绿水: a two-character "place" in a parallel four-character phrase (AB + CB).
  const after = tokens[tokIdx[s.end]];
  if (s.type === 'LOC' && s.end - s.start === 2 && text[s.end + 1] === text[s.end - 1] && text[s.end] !== text[s.start]
    && after && after.start === s.end && after.end === s.end + 2 && !data.placeIndex.has(after.word)) return null;
  // A "place" that is part of one non-place word (人民 of 人民政府/nt) and no gazetteer name.
  if (!bio && s.type === 'LOC' && s.end - s.start >= 2 && first === last && (first.start < s.start || first.end > s.end) && first.tag !== 'ns'
    && !data.placeIndex.has(text.slice(s.start, s.end)) && !(lex.dict.get(text.slice(s.start, s.end)) & LEX.place)) return null;
  if (s.type !== 'ORG') return s;
  // Under the guidelines a name starting inside a verb (促进会|筹备委员会 read from 会) is a broken reading,
  // and a bare level + body (市政协, 省政府) names no particular organisation.
  if (!bio && first.start < s.start && !phraseToken(first)) return null;
  if (!bio && bareLevelOrganization(text.slice(s.start, s.end), data)) return null;
  let { start, end } = s;
  // (由省/x|应急|管理厅: not over the preposition jieba glued on.)
  if (first.start < start && phraseToken(first) && !gluedFunctionWord(first)) start = first.start;
  // (An end grown over a sub-unit, 省委|宣传部, is on a unit head already.)
  if (last.end > end && phraseToken(last) && !(bio && s.unit)) {
    // People's Daily: a name the tagger ended on an organisation head stays there (外交部|长); one that
    // cut into a word after a complete name (联合国|维和) ends before that word.
    // (Not over what endsBeforeRest names.)
    if (!bio) end = endsBeforeRest(text, end, last.end, data) ? end : last.end;
    else if (!endsWithOrgSuffix(text.slice(start, end), data)) end = last.start > start && completeName(text.slice(start, last.start), data) ? last.start : last.end;
  }
  if (bio) {
    start = extendSessionStart(text, trimNonNameStart(start, end, tokens, tokIdx, data));
    if (!s.unit) {
      end = trimTitleEnd(text, start, end, data);
      end = cutAfterCompleteName(text, start, end, tokens, tokIdx, data, heads);
    }
  }
  // A name never spans a list (发展联席会议、党委政府) or a quotation mark.
  if (/[、，。；：“”‘’"《》]/.test(text.slice(start, end))) return null;
  if (!bio) {
    const company = companyNameStart(text, tokens, tokIdx, start, end, data);
    if (company === null) return null;
    start = company;
    end = trimSubUnit(tokens, tokIdx, start, end);
  }
  // Generic heads (中心, 发展联盟, 智库联盟) name no particular organisation.
  if (tokens[tokIdx[start]]?.start === start && tokens[tokIdx[end - 1]]?.end === end
    && genericOrganization(text.slice(start, end), tokens.slice(tokIdx[start], tokIdx[end - 1] + 1), data, !bio)) return null;
  return { start, end };
}

/**
 * Whether a tagger body ending at `end` inside a word (ending at `wordEnd`) stops there rather than
 * growing to the word's end: the rest opens with a title (中国社会科学院学部|委员, 国民党团|总召傅/x:
 * a member or officer of the body), is the list word jieba glued on (人民政协网|等/x), or names the
 * body's member states (联合国|安理会常任理事国/nt).
 */
function endsBeforeRest(text: string, end: number, wordEnd: number, data: NerData): boolean {
  const rest = text.slice(end, wordEnd);
  return rest === '等' || MEMBER_STATES_END.test(rest) || titleStartingAt(text, end, data) > 0;
}

/**
 * A tagger place cut inside one longer ns word (临港 of 临港新片区) becomes the word; a word ending in
 * the generic 区域 (region) gives the name before it (长三角区 of 长三角区域 → 长三角).
 */
function snapToPlaceWord(s: Span, tokens: readonly Token[], tokIdx: Int32Array): Span {
  const t = tokens[tokIdx[s.start]];
  if (!t || t !== tokens[tokIdx[s.end - 1]] || t.tag !== 'ns') return s;
  if (t.word.endsWith('区域') && t.end - 2 - t.start >= 2) return { start: t.start, end: t.end - 2 };
  if (t.start === s.start && t.end === s.end) return s;
  return { start: t.start, end: t.end };
}

/** A direction + a known place read as a name (南太湖 as 南 + 太湖: jieba tags it nr). */
function directionPlace(s: Span, text: string, data: NerData): boolean {
  return s.end - s.start === 3 && '东西南北'.includes(text[s.start]) && data.lexicon.places.has(text.slice(s.start + 1, s.end));
}

/** Dashes joining two partners (中国—东盟). */
const DASH = /^[—–-]$/;

/**
 * 上海市 + 普陀区 → 上海市普陀区 when the second place lies inside the first (its chain names it); and
 * 中国 + — + 东盟数字技术创新中心 → one body: a partner joined by a dash opens the name of what the two
 * set up (中国—东盟…中心, 中国—中亚峰会秘书处).
 */
function mergeJoinedNames(mentions: EntityMention[], text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const prev = out[out.length - 1];
    // (Not the partner alone: 中国—东盟|博览会 names two sides, 东盟 no body the two set up.)
    if (prev && m.type === 'organization' && prev.type === 'place' && prev.end === m.start - 1 && prev.end - prev.start >= 2 && m.end - m.start >= 5 && DASH.test(text[prev.end])) {
      out[out.length - 1] = { ...m, start: prev.start, canonical: text.slice(prev.start, m.end) };
      continue;
    }
    if (prev && m.type === 'place' && prev.type === 'place' && prev.end === m.start && m.chain && prev.chain
      // (浙江省嘉兴市|嘉善县: a chain merged already ends with the next place's parent.)
      && m.chain.slice(1).some((a) => a === prev.chain![0] || a.startsWith(prev.canonical) || prev.canonical.endsWith(a))) {
      out[out.length - 1] = { ...m, start: prev.start, canonical: text.slice(prev.start, m.end), chain: [text.slice(prev.start, m.end), ...m.chain.slice(1)] };
      continue;
    }
    out.push(m);
  }
  return out;
}

