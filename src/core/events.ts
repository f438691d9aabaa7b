/**
 * Event extraction: trigger words (data/events/triggers.tsv) matched on segmenter tokens,
 * filtered by context (plans and exhortations, nominal uses, background clauses), then filled
 * into frames (date, place, participants, object) from the recognised entities and the sentence.
 * Works on the analysis text (simplified, gloss-free); all spans are analysis offsets.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Token } from './engines';
import type {
  ArticleDate, EntityMention, EventMention, EventParticipant, EventType, RecognizerInput, Span,
} from './types';
import { EVENT_TYPES } from './types';

// ---------------------------------------------------------------------------------------------
// Lexicon

export interface TriggerEntry {
  word: string;
  type: EventType;
  flags: ReadonlySet<string>;
}

export interface EventLexicon {
  triggers: ReadonlyMap<string, TriggerEntry>;
  /** cue kind → words (see data/events/cues.tsv). */
  cues: ReadonlyMap<string, ReadonlySet<string>>;
}

const lexiconCache = new Map<string, EventLexicon>();

/** Lists derived from a lexicon once (not per trigger): cue arrays, longest-first word lists. */
interface CompiledLexicon {
  empty: ReadonlySet<string>;
  prefixes: readonly string[];
  suffixes: readonly string[];
  /** Triggers (flag noun-tail) that may end a longer noun token (专题报告/n). */
  tails: readonly string[];
  /** By UTF-16 unit: FIRST_OF_TRIGGER, FIRST_OF_PREFIX, LAST_OF_SUFFIX bits (cheap rejection of most tokens). */
  edgeChars: Uint8Array;
  longestTrigger: number;
  meetingSubjects: readonly string[];
  meetingNouns: readonly string[];
  speakerVerbs: readonly string[];
  /** Adverbs, longest first (onlyAdverbs). */
  adverbs: readonly string[];
  /** Adverbs then demonstratives, longest first (np trimming). */
  edgeWords: readonly string[];
}

const FIRST_OF_TRIGGER = 1, FIRST_OF_PREFIX = 2, LAST_OF_SUFFIX = 4;

const compiledCache = new WeakMap<EventLexicon, CompiledLexicon>();

function compile(lex: EventLexicon): CompiledLexicon {
  let c = compiledCache.get(lex);
  if (c) return c;
  const list = (kind: string) => [...(lex.cues.get(kind) ?? [])];
  const words = [...lex.triggers.keys()];
  const edgeChars = new Uint8Array(0x10000);
  for (const w of words) edgeChars[w.charCodeAt(0)] |= FIRST_OF_TRIGGER;
  for (const w of list('prefix')) edgeChars[w.charCodeAt(0)] |= FIRST_OF_PREFIX;
  for (const w of list('suffix')) edgeChars[w.charCodeAt(w.length - 1)] |= LAST_OF_SUFFIX;
  c = {
    empty: new Set(),
    prefixes: list('prefix'),
    suffixes: list('suffix'),
    tails: words.filter((w) => lex.triggers.get(w)?.flags.has('noun-tail')),
    edgeChars,
    longestTrigger: Math.max(0, ...words.map((w) => w.length)),
    meetingSubjects: list('meeting-subj'),
    meetingNouns: list('meeting-noun'),
    speakerVerbs: list('speaker-verb'),
    adverbs: list('adverb').sort((a, b) => b.length - a.length),
    edgeWords: [...list('adverb'), ...list('demonstrative')].sort((a, b) => b.length - a.length),
  };
  compiledCache.set(lex, c);
  return c;
}

function tsvRows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((c) => c.trim()));
}

/** Reads (and caches) the trigger lexicon and cue lists of `dataDir/events/`. */
export function loadEventLexicon(dataDir: string): EventLexicon {
  const cached = lexiconCache.get(dataDir);
  if (cached) return cached;
  const triggers = new Map<string, TriggerEntry>();
  for (const [word, type, flags] of tsvRows(join(dataDir, 'events', 'triggers.tsv'))) {
    if (!word || !(EVENT_TYPES as readonly string[]).includes(type)) continue;
    triggers.set(word, { word, type: type as EventType, flags: new Set((flags ?? '').split(',').filter(Boolean)) });
  }
  const cues = new Map<string, Set<string>>();
  for (const [word, kind] of tsvRows(join(dataDir, 'events', 'cues.tsv'))) {
    if (!word || !kind) continue;
    if (!cues.has(kind)) cues.set(kind, new Set());
    cues.get(kind)!.add(word);
  }
  const lexicon = { triggers, cues };
  lexiconCache.set(dataDir, lexicon);
  return lexicon;
}

/** The bundled data folder: the first `data/` with events/triggers.tsv above this module. */
function defaultDataDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'data', 'events', 'triggers.tsv'))) return join(dir, 'data');
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`data/events/triggers.tsv not found above ${__dirname}`);
}

// ---------------------------------------------------------------------------------------------
// Text structure: paragraphs (lines), sentences, clauses, sections (a dateline starts one)

const SENTENCE_END = new Set(['。', '！', '？', '；', '!', '?', ';']);
const CLAUSE_SEP = new Set(['，', ',', '：', ':']);
const OPEN = '《“‘（(「『【[';
const CLOSE = '》”’）)」』】]';
/** Before a trigger: its subject witnesses it (两国元首共同见证了…的签署). */
const WITNESSED = /见证了?[^，,。；;]{0,40}的?$/;
/** 见证 opening what a clause's subject witnessed (…在利雅得见证特区政府与…签署). */
const WITNESS_VERB = /(?:共同)?见证了?(?=[^，,。；;]{0,40}$)/;
/** Punctuation that ends what follows a trigger (an opening 《 or quote does not). */
const STOP = /[\s，,。．！？!?；;：:、）)》”]/;
/** A sentence opening after the talks or meeting it names (会谈后，…, 会见结束后，…). */
const AFTER_TALKS = /^\s*(?:在)?(会谈|会见|会晤)(?:结束)?(?:后|之后)[，,]/;
/** A clause whose subject is both sides (双方还共同签署): adverbs may follow. */
const BOTH_SIDES = /^(?:会谈|会见|会晤|会后|随后)?(?:双方|两国总理|两国元首|两国领导人|两国外长|两省市|两省|两市|两地)(?:还|并|又|也|共同|正式|一致|见证了?)*(?:见证了?[^，,。；;]{1,40}的)?$/;
/** After a body: the rest of its meeting's name closing a time clause (亚太经合组织|第三十一次领导人非正式会议期间，). */
const MEETING_OF_TIME_CLAUSE = /^[^，,。；;]{0,30}(?:会议|峰会|论坛|大会|年会)(?:期间|之际|前夕)[，,]/;
/** A body named in a meeting's name after 在 (在|十四届全国人大|二次会议上作报告): where the event happens, not who acts. */
const AT_BEFORE = /在[^，,。；;：:]{0,20}$/;
/** After that body: the rest of the meeting's name and 上, with no verb of holding it (举行, 召开: the body acts then). */
const MEETING_WHERE = /^(?:(?!举行|召开|举办|主办)[^，,。；;]){0,40}?(?:会议|大会|论坛|峰会|年会|座谈会|发布会|开幕式|闭幕式|仪式|典礼)上/;
/** A meeting's name, then what the meeting did (座谈会|听取意见建议, 专题会议|研究部署…, 新闻发布会|介绍…). */
const MEETING_THEN_VERB = /^([^，,。；;]{0,30}?(?:会议|座谈会|推进会|调度会|研讨会|汇报会|工作会|大会|发布会|记者会))(?:听取|研究|部署|传达|学习|交流|讨论|征求|审议|分析|总结|通报|强调|指出|介绍|解读|发布|宣布)/;
/** How the name of one meeting or ceremony ends, 暨 or not (…胜利80周年大会, …开幕式暨…论坛). */
const ONE_MEETING_END = /(?:大会|会议|论坛|峰会|年会|仪式|典礼|庆典|博览会|交易会|展览会|研讨会)$/;
/** Right before a talks or inspection trigger that ends its clause: joining it (参加会见, 陪同调研). */
const JOINING = /(?:参加|陪同|出席)了?$/;
const JOINABLE: ReadonlySet<EventType> = new Set(['talks', 'inspection']);

/** After a joined trigger: those who joined it are listed next (出席会见的还有…, 参加会谈的有…, 陪同考察的包括…). */
const JOINED_LIST_AFTER = /^的(?:还|也|主要)?(?:有|包括)[：:]?/;

/** After a speech trigger: its speakers are listed next (发言的还有…, 作交流发言的有…, 讲话的是…). */
const SPEAKERS_LISTED_AFTER = /^的(?:还|也|主要|分别)?(?:有|包括|是)[：:]?/;

/** Whether a trigger of `type`, after `before` and with `rest` of its clause after it, joins an event told before. */
function companionOf(type: EventType, before: string, rest: string): boolean {
  return JOINABLE.has(type) && JOINING.test(before) && (/^[。，,；;！!]?$/.test(rest.replace(/^了/, '')) || JOINED_LIST_AFTER.test(rest));
}

/** After an actor, up to the trigger: only a time, adverbs, on whose behalf or with whom (同日公布, 代表市政府签约). */
const ACTOR_THEN_TRIGGER = /^(?:同日|当日|当天|日前|近日|昨日|今日|今天|\d{1,2}日|[上下]午|也|还|又|正式|共同|分别|代表[^，,。；;]{1,12}|与[^，,。；;]{1,20})*$/;
/** Referred to a body for its decision (提请市委常委会|审定, 报请国务院|审批). */
const REFERRED_FOR = /(?:提请|提交|报请|报送|呈报)[^，,。；;]{0,16}$/;
/** On behalf of whom (代表党中央、国务院), up to where the action goes on. */
const ON_BEHALF_OF = /代表(?![团处会们性队作])[^，,。；;在向作]{2,24}/g;
/** A light verb right before a trigger (举行|会谈, 进行|会谈). */
const LIGHT_VERB_END = /(?:举行|进行)$/;
/** Adverbs between a meeting and its decision (会议还决定, 会议同时决定). */
const ADVERBS_BEFORE_DECISION = /(?:还|也|亦|并|又|同时|一致|原则上|最后|经研究)+$/;
/** Where the second character of the last going verb (前往, 来到…) before `from` in `seg` stands, else -1. */
function goingAt(seg: string, from: number): number {
  // (lastIndexOf takes a negative start as 0: nothing lies before the start of the text.)
  if (from < 1) return -1;
  let best = -1;
  for (const verb of GOING_VERBS) {
    const i = seg.lastIndexOf(verb, from - 1);
    if (i >= 0 && i + 1 > best) best = i + 1;
  }
  return best;
}

/** Verbs of going somewhere (前往, 来到, 深入, 走进, 抵达): the place after them is where the trip goes. */
const GOING_VERBS = ['前往', '来到', '深入', '走进', '抵达'];

/** Kinds of place, named by their levels (乡镇, 县区, 城乡): no particular place. */
const KIND_OF_PLACE = /^(?:各|全|基层|所在)?(?:[省市县区乡镇村]{2}|城乡|城镇|社区|小区|街道|辖区|园区|景区|开发区)$/;
/** Verbs of attending a ceremony (出席|…成立典礼). */
const ATTENDING = /(?:出席|参加)了?/g;
/** A ceremony named after the trigger of what it performs (…签约仪式, 揭牌仪式): that trigger. */
const CEREMONY_OF = /(..)(?:仪式|活动)$/;

/** Between a clause-modal verb and the trigger: the meeting it is part of the name of (…促进博览会…在北京举行). */
const MEETING_NAMED_AFTER = /^[^，,。；;]{0,20}?(?:博览会|交易会|展览会|大会|论坛|峰会|年会|发布会|全体会议|工作会议|座谈会|推进会)/;
/** After a clause-modal verb: the head of a body it is part of the name of (投资促进|服务中心, 贸易促进|委员会). */
const BODY_NAMED_AFTER = /^(?:服务)?(?:中心|局|会|委员会|署|办公室|办)/;
/** After a trigger: a noun it qualifies and a statistic of it (签约项目金额达…, 发布数量超过…). */
const STATISTIC_AFTER = /^(?:项目|金额|总额|资金|数量|规模)[^，,。；;]{0,6}?(?:达到?|超过|超|逾|共计|总计|累计)/;

/** After 应: whose invitation (国务院总理李强邀请, 中方之邀). */
const INVITATION = /^[^，,。；;]{1,40}?(?:邀请|之邀)[，,]/;
/** Before a trigger: 并 linking it to the event before in its clause (主持会议并讲话, 出席并发表重要讲话). */
const LINKED_BY_BING = /并(?:作了?|发表了?|作出)?(?:题为《[^《》]{1,60}》的)?(?:重要|总结|书面|主旨)?$/;
/** A clause that is only "hereby" before its release word (，现予公布, ，特此通报). */
const HEREBY_BEFORE = /^(?:现予以?|予以|特此)$/;
/** After a bare 主持: 并 and a speech (主持并讲话, 主持并作重要讲话). */
const HOSTS_AND_SPEAKS = /^并(?:作|发表)?了?(?:重要|总结)?(?:讲话|致辞|发言)/;
/** A clause opened by 并 and where it happens (…来滇考察，并在昆明举行…): it goes on with the subject before. */
const BING_THEN_PLACE = /^并(?:于[^，,。；;]{1,12}?)?在[^，,。；;]{1,16}$/;
/** The whole of a clause before its trigger is that link (…，并发表重要|讲话). */
const OPENED_BY_BING = new RegExp(`^${LINKED_BY_BING.source}`);
/** Before an award trigger: to whom (向获得者李德仁颁发, 为…颁奖). */
const AWARDED_TO = /^(?:向|为|给)/;
/** Objects that name nothing (视察工作, 通报有关情况). */
const UNNAMED_OBJECT = /^(?:工作|情况|有关情况|相关情况|(?:重大|重点)?项目[\d一二三四五六七八九十百千]+[个项])$/;
/** A day alone (19日, 19日上午) and the marker its date value carries until the article level resolves it. */
const BARE_DAY = /^([0-9]{1,2})日/;
const BARE_DAY_MARK = '?-';
/** What may come before a place frame opening a sentence (在X，…): nothing, or a short opening clause (随后，, 1月22日，). */
const SENTENCE_FRAME_BEFORE = /^(?:\s*|[^，,。；;：:]{1,8}[，,])$/;
/** How many days before the last day told a day told alone may still be in the same month. */
const DAYS_TOLD_BACK = 3;

/**
 * Article level, in text order: a day told alone (11月18日…。19日，…) is in the month of the last day
 * told before it with a month, when it is not earlier in that month or only a few days earlier (a
 * banquet the evening before a closing told first: 21日闭幕。…20日晚，…); a day further back may be
 * in the next month and stays unknown (null).
 */
function resolveBareDays(drafts: FinalDraft[], sentences: FinalDraft['sentence'][]): void {
  let month: string | null = null; // '2025-11' or '--11'
  let lastDay = 0;
  const resolve = (value: DateValue): DateValue => {
    if (typeof value !== 'string') return value;
    if (value.startsWith(BARE_DAY_MARK)) {
      const day = Number(value.slice(BARE_DAY_MARK.length));
      if (month === null || day < lastDay - DAYS_TOLD_BACK) return null;
      value = `${month}-${String(day).padStart(2, '0')}`;
    }
    const last = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(value.split('/').pop()!);
    if (last) {
      month = `${last[1]}-${last[2]}`;
      lastDay = Number(last[3]);
    }
    return value;
  };
  let di = 0;
  for (const s of sentences) {
    // An event's own date comes before its sentence's (both are told there; the event's is nearer).
    for (; di < drafts.length && drafts[di].sentence === s; di++) drafts[di].ownDate = resolve(drafts[di].ownDate);
    s.here = resolve(s.here);
  }
}

/** After a launch trigger: put into service (开通运营, 启动运行), no object of its own. */
const IN_SERVICE = /^(?:运营|运行|投运|投用|使用|投产)(?:[，,。；;、\s]|$)/;
/** After 经 + a body: its approval (经国务院同意, 经党中央批准). */
const APPROVED_AFTER = /^(?:同意|批准|授权|审定|审议)/;
/** The verb 作 (作了) opening the phrase before a noun-trigger (作政府工作报告), not inside 工作, 合作, 作为, 作出. */
const ZUO_BEFORE = /(?<![工合协创操制写动著劳运])作(?![为出用者品风])了?[^，,。；;：:！？]{0,16}$/;
/** Between a place and the trigger: an attended meeting, then 并 (在北京|出席论坛开幕式并|发表…). */
const ATTENDED_THEN = /^(?:出席|参加)[^，,。；;]{1,24}并(?:发表|作)?$/;
/** A clause opening the sentence with its purpose or basis (为贯彻落实…，/根据…，/按照…，). */
const FRAME_CLAUSE = /^(?:为了?|根据|按照|依据|依照)[^，,。；;]{2,40}[，,]/;
/** After a place: an optional building of it (总统府, 国宾馆), then the partner (同/与/和…). */
const VENUE_THEN_PARTNER = /^((?:[\u4e00-\u9fff]{0,3}(?:府|宫|馆|厅|堂|楼|中心))?)(?:同|与|和)/;
/** Time zones written before a date (当地时间10月29日). */
const ZONE_TIME = new Set(['当地时间', '北京时间']);
/** An event's own place when its subject went somewhere (来到…，) no place entity names (see arrivalPlace). */
const MOVED_ON = '';
/** 来到湖州南太湖新区 ending a clause: where its subject went (see arrivalPlace). */
const ARRIVAL = /(?:来到|走进|前往|抵达|深入)([^，,。；;]{2,24})$/;
/** Verbs of visiting that may open the clause before its trigger (走访慰问, 实地察看). */
const VISITING = /^(?:先后|分别|深入|实地)?(?:走访|察看|查看|看望|走进)$/;
/** 分别代表两国政府 (on behalf of), not 代表团, 代表大会 or 代表处. */
const BEHALF = /(?:分别|共同|各自)?代表(?![团处会们性队作])/;
const PUNCT = /[\s，,。．！？!?；;：:、《》“”‘’（）()「」『』【】\[\]—…·]/;
const QUANTIFIED = /^(?:[一两二三四五六七八九十几多数若干]|\d+)(?:批|系列|些|个|项|份|家|揽子|场|次|条|位|名)/;
const DATELINE = /^\s*(?:[^\s，,。]{0,16}?(?:讯|电|消息)(?:[】\]]|(?=[\s(（]))|[^\s，,。：:]{0,20}?[\d一二三四五六七八九十]{1,3}日(?:电|讯)|[^\s，,。]{0,12}?消息[：:]|[^\s，,。]{0,20}?新[闻聞](?:公[报報]|稿)[ \u3000]*[（(][\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日[）)])/;
/** A clause of announcing right before a trigger's own clause (宣布，决定…). */
const ANNOUNCED_BEFORE = /(?:宣布|宣告)[，,]$/;
/**
 * Before a decision: the deliberation it comes out of (经中央纪委常委会会议研究并报中共中央批准，决定…;
 * 经审查，决定…; 最高人民检察院经审查决定…).
 */
const DELIBERATED_BEFORE = /经[^。；;！？]{0,60}(?:研究|审议|审查|批准|同意|讨论|调查)[，,]?$/;
/** 于 and a date after a decision (决定于9月27日…): the verb, not the noun. */
const FOR_A_DATE = /^于(?:\d|[一二三四五六七八九十今明])/;
/** What 联合 names rather than qualifies (联合声明, 联合公报, 联合宣言). */
const JOINT_DOCUMENT = /^(?:声明|公报|宣言|新闻公报|新闻稿|倡议)$/;
/** After the last recipient named: how many more and who they are (等50名科学家, 等20人, 等单位). */
const RECIPIENT_GROUP = /^等(?:[\d一二三四五六七八九十百千]+(?:名|位|人|个|家))?(?:科学家|同志|代表|个人|单位|集体|企业|专家|教师|学生|青年|干部|职工|先进个人|先进集体)?/;
/** Recipients counted before the award (10项成果, 50名科学家, 三家企业). */
const COUNTED_RECIPIENTS = /^[\d一二三四五六七八九十百千]+(?:项|名|位|人|个|家|所|支)(?:成果|科学家|个人|单位|集体|企业|专家|教师|学生|青年|干部|职工|团队|项目|学校|医院)?/;
/** A second verb joined to the trigger by 并 that takes the same thing (签署并发表|联合声明). */
const JOINED_VERB_AFTER = /^并(?:发表|发布|交换|实施|公布)了?/;
/** Words before 决定 that make it the noun (这一决定于…生效, 该决定). */
const DETERMINED_NOUN_BEFORE = /(?:[这那该此一项个]|的)$/;
/** A reporter's byline right after a dateline (记者王霞光、李长云报道：, （记者王辰阳、周蕊）): not part of the first sentence. */
const BYLINE = /^\s*(?:记者[^。：:，,]{1,24}?报道[：:]|[（(](?:本报|新华社)?(?:记者|通讯员)[^（()）\n]{1,40}[）)])/;
/** The clause before is a time clause (在…即将访问中国之际,): a modal inside it does not govern the rest. */
const TIME_CLAUSE_END = /(?:之际|之时|时|期间)$/;

/** Before a launch's trigger: 为 after those who unveil it, then what it is for (陈立国还为|云和县“山海协作”产业园); not 作为, 成为, 认为, 为了. */
const FOR_BEFORE_TRIGGER = /(?<=[\u4e00-\u9fff])(?<![作成认更称视因以行])为(?!了)(?=[^，,。；;：:、为]{2,30}$)/;
/** After the place of talks or a signing: the partner's preposition (在爱丽舍宫|同法国总统…举行会谈). */
const PARTNER_AFTER_PLACE = /^[同与和跟]/;
/** After a decision: a meeting it fixes (…座谈会在江苏省召开, 于2025年1月中旬召开, 召开…). */
const FIXED_MEETING = /^[^，,。；;：:]{0,40}?(?:召开|举行|举办)/;
/** Before a speech trigger in its clause: a verb of studying it, up to 重要 or 的 right before (传达学习…重要|讲话). */
const SPEECH_STUDIED_BEFORE = /(?:传达|学习|贯彻|领会|研读)[^，,。；;]*(?:重要|的)$/;
/** After a visit's trigger: the speech or instructions given on it, named for their spirit (考察湖北|重要讲话精神, 视察江苏时的重要指示精神). */
const SPIRIT_OF_SPEECH_AFTER = /^[\u4e00-\u9fff]{0,10}?(?:时的|期间的)?(?:重要)?(?:讲话|指示|指示批示)精神/;
/** After a trigger: the rest of a field's label (发布|单位：, 发布|时间：, 公布|日期：). */
const FIELD_LABEL_AFTER = /^(?:单位|时间|日期|机关|机构|部门)\s*[:：]/;
/** Before a date: what plans something for it (将于, 拟于, 预计于2027年, 计划在). */
const PLANNED_FOR = /(?:将|拟|预计|预定|计划|定)[于在]?$/;
/** A day told relative to the article's (今天, 昨日, 今（23）日上午, 昨（22）日). */
const RELATIVE_DAY = /^[今昨明前](?:[（(]\d{1,2}[）)]日|天|日|晚|晨|夜)/;
const TIME_OF_DAY = /^(?:上午|下午|中午|晚上|晚间|傍晚|凌晨|早上|清晨|夜间)$/;
/** Last words of a building's or venue's name. */
const VENUE_HEADS = '园|宫|馆|厅|堂|楼|府|官邸|总部|中心|广场';
/** After a place: a venue of it, then (adverbs and) the trigger (北京|首钢园开幕, 上海|世博中心隆重举行). */
const VENUE_THEN = new RegExp(`^([\u4e00-\u9fff]{1,6}?(?:${VENUE_HEADS}))([\u4e00-\u9fff]{0,4})$`);
/** How the name of a building or venue ends (礼宾府, 钓鱼台国宾馆, 首钢园, 世博中心). */
const VENUE_NAME = new RegExp(`(?:${VENUE_HEADS})$`);
/** How a province, city, county, district or town below the country ends (肥东县, 合肥市). */
const LOCAL_UNIT_END = /[省市县区州镇乡]$/;
const PLACE_SUFFIX = /[省市区县州镇乡村岛湖]$/;
/** A part of a body's site named after it, before a visit's trigger (城南书院校区, 东区分厂, 研发中心). */
const SITE_PART = /^[\u4e00-\u9fff]{0,8}?(?:校区|分校|分院|院区|园区|厂区|基地|车间|分厂|门店|展厅|展馆|实验室|研发中心|生产线)/;
/** Words that end the name of a deciding body (市委、市政府决定…). */
const BODY_SUFFIX = /(?:政府|党委|市委|省委|县委|区委|党组|委员会|理事会|组织|常委会|国务院|中央)$/;
/** A body named by its level alone (省政府, 区委, 县人民政府): the recogniser names no such body. */
const LEVEL_BODY = '[省市县区镇乡](?:人民政府|政府|委)';
/** A clause opening with such a body, then 与/和/同 (省政府与…签署). */
const SIGNING_SIDE_BEFORE = new RegExp(`^(?:[0-9０-９]{1,2}日[上下]?午?，?)?(${LEVEL_BODY})(?:与|和|同)`);
/** A clause that is such a body and the trigger it holds (区政府召开…, 市委近日举行…, 省政府授予…). */
const LEVEL_BODY_HOLDS = new RegExp(`^(${LEVEL_BODY})(?:近日|日前|今天|今日|昨天|昨日|专门|专题|正式)?$`);

// Character classes by UTF-16 code unit, for the loops that visit every character of the text.
const C_OPEN = 1, C_CLOSE = 2, C_SENTENCE_END = 4, C_CLAUSE_SEP = 8, C_SPACE = 16;
let charClassTable: Uint8Array | null = null;

function charClasses(): Uint8Array {
  if (!charClassTable) {
    charClassTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      charClassTable[c] = (OPEN.includes(ch) ? C_OPEN : 0) | (CLOSE.includes(ch) ? C_CLOSE : 0)
        | (SENTENCE_END.has(ch) ? C_SENTENCE_END : 0) | (CLAUSE_SEP.has(ch) ? C_CLAUSE_SEP : 0) | (/\s/.test(ch) ? C_SPACE : 0);
    }
  }
  return charClassTable;
}

interface Sentence extends Span {
  paragraph: number;
  /** Position in the article's sentence list. */
  index: number;
}

// ---------------------------------------------------------------------------------------------
// Offset indexes: every per-sentence or per-trigger look-up is a binary search plus a scan of
// that range, so extraction stays linear in the text (lists are sorted by start).

/** Index of the first item whose start is >= pos. */
function firstStartingAt(items: readonly Span[], pos: number): number {
  let lo = 0, hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Running maximum of `end` over a start-sorted list: does anything before index k end after pos? */
function prefixMaxEnds(items: readonly Span[]): Float64Array {
  const out = new Float64Array(items.length);
  let max = -Infinity;
  for (let i = 0; i < items.length; i++) out[i] = max = Math.max(max, items[i].end);
  return out;
}

/** Skip spans (boilerplate), sorted, answering "does this span overlap any?" in log time. */
class SkipIndex {
  private readonly spans: Span[];
  private readonly maxEnd: Float64Array;

  constructor(skip: readonly Span[]) {
    this.spans = [...skip].sort((a, b) => a.start - b.start);
    this.maxEnd = prefixMaxEnds(this.spans);
  }

  overlaps(span: Span): boolean {
    // Candidates start before span.end; one of them overlaps iff the latest end among them is after span.start.
    const k = firstStartingAt(this.spans, span.end);
    return k > 0 && this.maxEnd[k - 1] > span.start;
  }
}

/** Non-blank lines of text[from, to) (from is a line start), trimmed. */
function paragraphsOf(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  const cls = charClasses();
  let start = from;
  while (start <= to) {
    let i = text.indexOf('\n', start);
    if (i < 0 || i > to) i = to;
    let s = start;
    let e = i;
    while (s < e && cls[text.charCodeAt(s)] & C_SPACE) s++;
    while (e > s && cls[text.charCodeAt(e - 1)] & C_SPACE) e--;
    if (e > s) out.push({ start: s, end: e });
    start = i + 1;
  }
  return out;
}

function sentencesOf(text: string, paragraphs: Span[]): Sentence[] {
  const out: Sentence[] = [];
  const cls = charClasses();
  paragraphs.forEach((p, paragraph) => {
    const dateline = DATELINE.exec(text.slice(p.start, p.end));
    let s = dateline ? p.start + dateline[0].length : p.start;
    const byline = dateline ? BYLINE.exec(text.slice(s, p.end)) : null;
    if (byline) s += byline[0].length;
    let depth = 0;
    for (let i = p.start; i < p.end; i++) {
      const c = cls[text.charCodeAt(i)];
      if (c === 0) continue;
      const ch = text[i];
      if (c & C_OPEN) depth++;
      else if (c & C_CLOSE) depth = Math.max(0, depth - 1);
      else if (c & C_SENTENCE_END && depth === 0 && !((ch === '?' || ch === '!') && /\S/.test(text[i + 1] ?? ' '))) {
        let e = i + 1;
        while (e < p.end && cls[text.charCodeAt(e)] & C_CLOSE) e++;
        pushTrimmed(text, s, e, paragraph, out);
        s = e;
        i = e - 1;
      }
    }
    pushTrimmed(text, s, p.end, paragraph, out);
  });
  return out;
}

function pushTrimmed(text: string, s: number, e: number, paragraph: number, out: Sentence[]): void {
  const cls = charClasses();
  while (s < e && cls[text.charCodeAt(s)] & C_SPACE) s++;
  while (e > s && cls[text.charCodeAt(e - 1)] & C_SPACE) e--;
  if (e > s) out.push({ start: s, end: e, paragraph, index: out.length });
}

/** Clause spans of a sentence: split at commas and colons outside brackets and quotes. */
function clausesOf(text: string, sentence: Span): Span[] {
  const out: Span[] = [];
  const cls = charClasses();
  let end = sentence.end;
  while (end > sentence.start && cls[text.charCodeAt(end - 1)] & (C_SENTENCE_END | C_SPACE)) end--;
  let s = sentence.start;
  let depth = 0;
  for (let i = sentence.start; i < end; i++) {
    const c = cls[text.charCodeAt(i)];
    if (c === 0) continue;
    if (c & C_OPEN) depth++;
    else if (c & C_CLOSE) depth = Math.max(0, depth - 1);
    else if (c & (C_CLAUSE_SEP | C_SPACE) && depth === 0) {
      if (i > s) out.push({ start: s, end: i });
      s = i + 1;
    }
  }
  if (end > s || out.length === 0) out.push({ start: s, end: Math.max(s, end) });
  return out;
}

/** Marks the characters of text[from, to) (from is a line start) inside 《》 and quotes, where cue words do not count. */
function quotedMask(text: string, from = 0, to = text.length): Uint8Array {
  const mask = new Uint8Array(to - from);
  let depth = 0;
  const [open1, open2, open3, close1, close2, close3] = [...'《“「》”」'].map((ch) => ch.charCodeAt(0));
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === open1 || c === open2 || c === open3) depth++;
    else if ((c === close1 || c === close2 || c === close3) && depth > 0) depth--;
    else if (c === 10) depth = 0;
    if (depth > 0) mask[i - from] = 1;
  }
  return mask;
}

// ---------------------------------------------------------------------------------------------
// Trigger matching

interface TriggerMatch extends Span {
  entry: TriggerEntry;
  /** Index of the first token after the trigger. */
  nextToken: number;
  /** Index of the token the trigger starts in. */
  firstToken: number;
}

/**
 * A year that says when something is due or how long it runs, not when the article's events
 * happen: after 到/至 or a dash (到2027年, 2024—2027年), before 前/以前/之前/底前 or 以来, from when a rule
 * applies (自2026年1月1日起), the year of work planned (研究2025年经济工作), or inside a document
 * title (《…行动计划（2024—2027年）》).
 */
function targetYear(text: string, start: number, end: number): boolean {
  if (/(?:到|至|—|－|-|~|～)$/.test(text.slice(Math.max(0, start - 1), start))) return true;
  if (/^(?:年)?(?:底)?(?:前(?!往)|以前|之前)/.test(text.slice(end, end + 4))) return true;
  // 2023年以来: where a period began, told in a later year.
  if (/^(?:年)?以来/.test(text.slice(end, end + 3))) return true;
  // 自2026年1月1日起 (施行): when a rule takes effect, often the next year.
  if (/(?:自|从|于)$/.test(text.slice(Math.max(0, start - 1), start)) && /^[^，,。；;]{0,8}起/.test(text.slice(end, end + 10))) return true;
  // 分析研究2025年经济工作: the year planned for, told in the year before (总结2024年经济工作 is this year's).
  if (/(?:部署|研究|谋划|安排|做好)$/.test(text.slice(Math.max(0, start - 2), start)) && /^(?:年)?[^，,。；;]{0,10}?工作/.test(text.slice(end, end + 14))) return true;
  // 2026年将重点推进…, 会议决定，2026年1月在武汉召开…: a year planned for or a meeting fixed for later.
  if (/^(?:年)?[^，,。；;]{0,6}?(?:将|计划|力争|预计|拟)/.test(text.slice(end, end + 10))) return true;
  if (/(?:决定|确定)[，,]?$/.test(text.slice(Math.max(0, start - 3), start))) return true;
  // 2024年省级决算草案, 114年度岁出: a budget's fiscal year, reviewed the year before or after it.
  if (/^(?:年度?)?[^，,。；;、\d]{0,6}?(?:预算|决算|岁出|岁入)/.test(text.slice(end, end + 12))) return true;
  const open = text.lastIndexOf('《', start);
  return open >= 0 && text.lastIndexOf('》', start) < open && text.indexOf('》', end) >= 0;
}

/**
 * Whether `date` (ISO, --MM-DD, or an interval of either) falls within `within`, years aside; true
 * when either names no day (2024, 2024-03): nothing says the days differ.
 */
function sameDays(date: string, within: string): boolean {
  const days = (iso: string) => iso.split('/').map((p) => /(\d{2}-\d{2})$/.exec(p)?.[1]);
  const [from, to = from] = days(within);
  const own = days(date);
  if (!from || !to || own.some((d) => !d)) return true;
  return own.every((d) => d! >= from && d! <= to);
}

/** Sources of person mentions that credit a reporter (see recognize.ts): never event participants. */
const CREDIT_SOURCES = new Set(['byline', 'reporter credit']);

/** An ISO value (or range end) down to the day: 2026-04-16, --04-16 (not the month range 2026-01/2026-03). */
const HAS_DAY = /(?:^|\/)(?:\d{4}|-)-\d{2}-\d{2}(?:$|\/)/;

/** Meeting nouns a named meeting ends with, and the words that name none by themselves. */
const MEETING_END = /(?:会议|论坛|大会|峰会|年会|仪式|典礼|研讨会|座谈会|博览会|交易会|发布会|记者会|推进会|例会|通气会|报告会|推介会|开幕式|闭幕式|活动|晚会|招待会)$/;
const GENERIC_MEETING = /^(?:会议|论坛|大会|峰会|年会|仪式|典礼|活动|开幕式|闭幕式|启动仪式|签约仪式|揭牌仪式|发布会|座谈会|晚会|招待会)$/;

/** A clause that opens with a meeting hosted by whoever follows 由 (反馈会由江西省委书记尹弘主持). */
const MEETING_HOSTED_BY = /^([^，,。；;由]{1,20}?(?:会议|会|论坛|峰会|仪式|典礼|活动))由/;

/** The meeting named at the start of `after` (what follows 出席), or null for none or a generic one (出席活动, 出席此次会议). */
function namedMeeting(after: string): string | null {
  const phrase = meetingPhrase(after);
  if (!phrase || !MEETING_END.test(phrase) || GENERIC_MEETING.test(phrase)) return null;
  return phrase;
}

/** Whether `meeting` is the opening or closing session (开幕大会, 闭幕式) of a meeting told with trigger `word` (开幕, 闭幕). */
function sessionOf(meeting: string, word: string): boolean {
  return /^(?:开幕|闭幕)(?:大会|式|会)$/.test(meeting) && word.endsWith(meeting.slice(0, 2));
}

/** The phrase at the start of `after` that may name a meeting (出席|本次论坛, 出席|签约仪式). */
function meetingPhrase(after: string): string | undefined {
  return /^[了]?(?:相关|有关|本次|此次|这次|上述|该|当天的|当日的)?([^，,。；;、！？!?\s并和及]{2,30})/.exec(after)?.[1];
}

/** After a person's name: the person owns what follows (总书记重要讲话精神, 同志的指示), rather than acting. */
const POSSESSOR_AFTER = /^(?:总书记|主席|总理|同志|委员长)?(?:(?:在|关于|对)[^，,。；;]{1,24}?的)?(?:的|重要讲话|重要指示|重要批示|重要论述|重要回信|重要贺信|讲话精神|指示精神|批示精神|亲属|家属|夫人|子女|之子|之女)/;

/** Roles an actor keeps when the next event of the clause shares its actors (see fillObjectsAndParticipants). */
const KEPT_ROLES = new Set(['member', 'attendee', 'organizer']);

/** Words before a trigger that tell a history of events rather than one (曾多次举行会谈). */
const NOT_ONE_EVENT = new Set(['多次', '曾多次', '屡次', '数次', '历次', '多年来']);

/** After the name opening a transcript's line: the colon of a speaker's label (林剑：, 新华社记者：, 总台记者：). */
const SPEAKER_LABEL_AFTER = /^(?:记者|发言人)?[：:]/;
/** After a person or body the news came from (记者从市交通委获悉, 据商务部网站消息). */
const NEWS_SOURCE_AFTER = /^》?(?:(?:处|方面)?(?:获悉|了解到|得知|获得消息)|(?:网站|官网|官方网站|微信公众号|官方微博|客户端)?(?:\d{1,2}月\d{1,2}日)?消息|报道称?[，,：:])/;

/** 将 "will" jieba glued to the head of a body's name before it (商务|部将/n|于6月启动: 部将 "a general's officer"). */
const GLUED_WILL = /^[部局委院厅署办司府]将$/;

/**
 * A speaking verb and a comma or colon after a name (郑书扬说，, 陈立明宣布：, 商务部表示，): the name
 * reports what the rest of the sentence tells and acts in none of it.
 */
const REPORTING_AFTER = /^(?:说|表示|介绍|宣布|透露|指出|称)[，,：:]/;

const MAX_TRIGGER_TOKENS = 4;

function charTokens(text: string): Token[] {
  return Array.from({ length: text.length }, (_, i) => ({ word: text[i], tag: 'x', start: i, end: i + 1 }));
}

/** Triggers that start and end on token boundaries (or follow a prefix cue inside one token: 研究部署). */
function matchTriggers(tokens: readonly Token[], lex: EventLexicon): TriggerMatch[] {
  const { prefixes, suffixes, tails, edgeChars, longestTrigger } = compile(lex);
  const out: TriggerMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let best: TriggerMatch | null = null;
    let word = '';
    const w = tokens[i].word;
    // Most tokens cannot begin a trigger: skip the concatenations (and map look-ups) for them.
    const canStart = w === '' || (edgeChars[w.charCodeAt(0)] & FIRST_OF_TRIGGER) !== 0;
    for (let j = i; canStart && j < Math.min(tokens.length, i + MAX_TRIGGER_TOKENS); j++) {
      if (j > i && tokens[j].start !== tokens[j - 1].end) break;
      word += tokens[j].word;
      if (word.length > longestTrigger) break;
      const entry = lex.triggers.get(word);
      if (entry) best = { start: tokens[i].start, end: tokens[j].end, entry, nextToken: j + 1, firstToken: i };
    }
    // 在京举行 as one token: the trigger after a one- or two-character place.
    if (!best && w.length >= 4 && w.length <= 5 && w[0] === '在') {
      for (const k of [2, 3]) {
        const entry = lex.triggers.get(w.slice(k));
        if (entry && !best) best = { start: tokens[i].start + k, end: tokens[i].end, entry, nextToken: i + 1, firstToken: i };
      }
    }
    // 在讲话中/l, 在发言中/i as one token: the speech is the trigger inside it.
    if (!best && w.length >= 4 && w.length <= 6 && w[0] === '在' && w[w.length - 1] === '中') {
      const entry = lex.triggers.get(w.slice(1, -1));
      if (entry?.type === 'speech') best = { start: tokens[i].start + 1, end: tokens[i].end - 1, entry, nextToken: i + 1, firstToken: i };
    }
    if (!best && w !== '') {
      if (edgeChars[w.charCodeAt(0)] & FIRST_OF_PREFIX) for (const p of prefixes) {
        const entry = w.startsWith(p) ? lex.triggers.get(w.slice(p.length)) : undefined;
        if (entry) best = { start: tokens[i].start + p.length, end: tokens[i].end, entry, nextToken: i + 1, firstToken: i };
      }
      if (edgeChars[w.charCodeAt(w.length - 1)] & LAST_OF_SUFFIX) for (const sfx of suffixes) {
        const entry = w.endsWith(sfx) ? lex.triggers.get(w.slice(0, w.length - sfx.length)) : undefined;
        if (entry) best = { start: tokens[i].start, end: tokens[i].end - sfx.length, entry, nextToken: i + 1, firstToken: i };
      }
    }
    // 经表决，通过了《…》 / 经审议，通过: the 通过 after a vote or a reading is the vote's decision
    // (通过 alone is mostly "through, by means of").
    if (!best && w === '通过' && i >= 2 && /^[，,]$/.test(tokens[i - 1].word) && (tokens[i - 2].word === '表决' || tokens[i - 2].word === '审议')) {
      const entry = lex.triggers.get(tokens[i - 2].word + '通过');
      if (entry) best = { start: tokens[i].start, end: tokens[i].end, entry, nextToken: i + 1, firstToken: i };
    }
    // 作专题报告: a trigger closing a noun token of its own.
    if (!best && w.length > 2) for (const tail of tails) {
      if (w.endsWith(tail)) best = { start: tokens[i].end - tail.length, end: tokens[i].end, entry: lex.triggers.get(tail)!, nextToken: i + 1, firstToken: i };
    }
    if (best) {
      out.push(best);
      i = best.nextToken - 1;
    }
  }
  // Adjacent triggers of one type are one trigger (参观考察, 考察调研).
  const merged: TriggerMatch[] = [];
  for (const m of out) {
    const last = merged[merged.length - 1];
    if (last && last.end === m.start && last.entry.type === m.entry.type && !last.entry.flags.has('bare')) {
      merged[merged.length - 1] = { ...last, end: m.end, nextToken: m.nextToken, entry: { ...m.entry, flags: new Set([...last.entry.flags, ...m.entry.flags]) } };
    } else merged.push(m);
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Extraction

export interface EventExtractionOptions {
  /** Folder with events/triggers.tsv and events/cues.tsv (default: the bundled data/). */
  dataDir?: string;
}

interface Draft {
  match: TriggerMatch;
  sentence: Sentence;
  clause: Span;
  type: EventType;
  background: boolean;
  date: string | null;
  place: string | null;
  explicitPlace: boolean;
  participants: EventParticipant[];
  object: string | null;
  /** Where the object stands in the text, when it does. */
  objectSpan?: Span | null;
  /** See ChunkDraft.subjectAt. */
  subjectAt?: number;
}

export function extractEvents(
  input: RecognizerInput,
  entities: readonly EntityMention[],
  options: EventExtractionOptions = {},
): EventMention[] {
  const lex = loadEventLexicon(options.dataDir ?? defaultDataDir());
  return new ArticleExtraction(input, entities, lex).run();
}

/**
 * extractEvents for an article that is edited again and again (the editor): what each chunk of
 * lines yields on its own is remembered, so a one-character edit re-extracts only the chunk it
 * touched; the article-level pass (dates, places and attendees carried across paragraphs, the
 * headline) then runs over the remembered chunk results. Same output as extractEvents.
 */
export class IncrementalEventExtractor {
  private readonly cache: ChunkCache = new Map();
  private lexicon: EventLexicon | null = null;

  extract(input: RecognizerInput, entities: readonly EntityMention[], options: EventExtractionOptions = {}): EventMention[] {
    const lex = loadEventLexicon(options.dataDir ?? defaultDataDir());
    if (lex !== this.lexicon) {
      this.cache.clear();
      this.lexicon = lex;
    }
    if (this.cache.size > CHUNK_CACHE_LIMIT) this.cache.clear();
    return new ArticleExtraction(input, entities, lex).run(this.cache);
  }

  clear(): void {
    this.cache.clear();
  }
}

const CHUNK_CACHE_LIMIT = 20000;
/** Entries kept per chunk text (the same line can appear in several contexts). */
const ENTRIES_PER_TEXT = 4;
/** How far past a chunk the extraction may read (governingDates looks 4 characters ahead): part of the cache key. */
const CONTEXT_AFTER = 8;

/** What one chunk yields without the rest of the article; offsets relative to the chunk start. */
interface ChunkResult {
  /** One flag per paragraph of the chunk: it opens with a dateline (a new section). */
  datelines: boolean[];
  /** The headline candidate: the first paragraph that is not chrome, and its index in the chunk. */
  firstParagraph: (Span & { index: number }) | null;
  sentences: Array<Span & { paragraph: number; here: DateValue }>;
  drafts: ChunkDraft[];
  /** Persons and organisations before each 出席/参加… token: they attend the governing meeting. */
  /** `meeting`: the meeting named right after the cue (出席未来投资倡议论坛), when it names one. */
  /** joins: the type of the event they join (参加会见: the talks before; 出席签约仪式: the signing before, else after). */
  attendees: Array<{ at: number; actors: Array<{ text: string; type: 'person' | 'organization' }>; meeting?: string; joins?: EventType; ceremony?: boolean; alongside?: boolean }>;
}

/** undefined: no governing date; otherwise the date's value (null when it has no ISO form). */
type DateValue = string | null | undefined;

interface ChunkDraft extends Span {
  word: string;
  type: EventType;
  bare: boolean;
  /** Index into ChunkResult.sentences. */
  sentence: number;
  background: boolean;
  object: string | null;
  participants: EventParticipant[];
  ownDate: DateValue;
  /** Where the sentence places it; MOVED_ON ('') where its subject went somewhere no place entity names. */
  ownPlace: string | null;
  /** Its clause's subject is both sides (两国元首共同签署) and its chunk found no talks to take them from. */
  bothSidesUnresolved: boolean;
  /** Both sides witness it (两国元首共同见证了…的签署): they attend, whatever the event's usual role. */
  sidesWitness: boolean;
  /** Where its clause's subject would start (after 随后，…) when it names no person and no subject of its own: a title there may stand for its holder (article level). */
  subjectAt?: number;
}

/** A chunk result with what it was computed from (besides its text, which is the cache key). */
interface ChunkEntry {
  result: ChunkResult;
  /** Token boundaries relative to the chunk, and their tags. */
  tokenSpans: Int32Array;
  tokenTags: string;
  entities: string;
  context: string;
  /** Speakers found past the chunk's end: [sentences looked at, speaker]. */
  lookahead: Array<[number, string | null]>;
}

type ChunkCache = Map<string, ChunkEntry[]>;

interface FinalDraft extends Span {
  word: string;
  type: EventType;
  bare: boolean;
  sentence: Span & { paragraph: number; here: DateValue; dateline: boolean };
  background: boolean;
  object: string | null;
  participants: EventParticipant[];
  ownDate: DateValue;
  ownPlace: string | null;
  bothSidesUnresolved: boolean;
  sidesWitness: boolean;
  /** See ChunkDraft.subjectAt (article offsets). */
  subjectAt?: number;
  date: string | null;
  place: string | null;
  explicitPlace: boolean;
}

/**
 * One extraction over an article: cuts it into chunks (lines, except where a token or entity
 * crosses a line break), extracts each chunk on its own (or takes it from the cache), then runs
 * the article-level pass.
 */
class ArticleExtraction {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Entities outside the skip spans, by start (longest first). */
  readonly entities: readonly EntityMention[];
  readonly compiled: CompiledLexicon;
  readonly skip: SkipIndex;
  readonly knownYear: number | null;
  private knownActorTrie: KnownActorNode | null = null;
  /** First characters of the known names (most characters of a chunk start none). */
  private readonly actorFirstChars = new Uint8Array(0x10000);
  private chunkSpans: Span[] = [];
  private readonly chunkSentences = new Map<number, Sentence[]>();

  constructor(readonly input: RecognizerInput, entities: readonly EntityMention[], readonly lex: EventLexicon) {
    this.text = input.text;
    this.compiled = compile(lex);
    this.skip = new SkipIndex(input.skip);
    this.tokens = input.tokens.length > 0 ? input.tokens : charTokens(input.text);
    this.entities = [...entities].filter((e) => !this.skip.overlaps(e)).sort((a, b) => a.start - b.start || b.end - a.end);
    this.knownYear = this.findKnownYear();
  }

  /** Without a cache the whole text is one chunk (nothing to re-use, no per-chunk work). */
  run(cache?: ChunkCache): EventMention[] {
    this.chunkSpans = cache ? this.chunks() : this.text.length > 0 ? [{ start: 0, end: this.text.length }] : [];
    const results = this.chunkSpans.map((chunk, index) => (cache ? this.cached(cache, chunk, index) : this.extractChunk(chunk, index).result));
    return this.finish(results);
  }

  /** The year of the article date, else of the first explicit year in the text. */
  private findKnownYear(): number | null {
    if (this.input.articleDate?.year) return this.input.articleDate.year;
    for (const e of this.entities) {
      const y = /^(\d{4})/.exec(e.type === 'date' ? e.iso ?? '' : '');
      if (y && !targetYear(this.text, e.start, e.end)) return Number(y[1]);
    }
    for (const m of this.text.matchAll(/((?:19|20)\d{2})年/g)) {
      if (!this.skip.overlaps({ start: m.index!, end: m.index! + 4 }) && !targetYear(this.text, m.index!, m.index! + m[0].length)) return Number(m[1]);
    }
    return null;
  }

  /** A character trie of the person and organisation names (the last recognised type of a name wins, its rank is its first appearance). */
  get knownActors(): KnownActorNode {
    if (!this.knownActorTrie) {
      const names = new Map<string, 'person' | 'organization'>();
      for (const e of this.entities) {
        if ((e.type === 'person' || e.type === 'organization') && e.canonical.length >= 2 && !CREDIT_SOURCES.has(e.source ?? '')) names.set(e.canonical, e.type);
      }
      const root: KnownActorNode = {};
      let rank = 0;
      for (const [name, type] of names) {
        let node = root;
        for (let i = 0; i < name.length; i++) {
          node.next ??= new Map();
          const code = name.charCodeAt(i);
          let child = node.next.get(code);
          if (!child) node.next.set(code, (child = {}));
          node = child;
        }
        node.actor = { name, type, rank: rank++ };
        this.actorFirstChars[name.charCodeAt(0)] = 1;
      }
      this.knownActorTrie = root;
    }
    return this.knownActorTrie;
  }

  /** Spans between the line breaks that no token (other than the break itself) or entity crosses. */
  private chunks(): Span[] {
    const { text } = this;
    const blocked = new Set<number>();
    const block = (s: Span, allowSingle: boolean) => {
      if (allowSingle && s.end - s.start <= 1) return;
      for (let i = s.start; i < s.end; i++) if (text.charCodeAt(i) === 10) blocked.add(i);
    };
    for (const t of this.tokens) block(t, true);
    for (const e of this.entities) block(e, false);
    const out: Span[] = [];
    let start = 0;
    for (;;) {
      let nl = text.indexOf('\n', start);
      while (nl >= 0 && blocked.has(nl)) nl = text.indexOf('\n', nl + 1);
      const end = nl < 0 ? text.length : nl;
      if (end > start) out.push({ start, end });
      if (nl < 0) return out;
      start = nl + 1;
    }
  }

  private extractChunk(chunk: Span, index: number): { result: ChunkResult; lookahead: Array<[number, string | null]> } {
    const lookahead: Array<[number, string | null]> = [];
    const result = new ChunkExtractor(this, chunk, (n) => {
      const speaker = this.speakerAfter(index, n);
      lookahead.push([n, speaker]);
      return speaker;
    }).run();
    return { result, lookahead };
  }

  /** The chunk's result from the cache when everything it was computed from is unchanged. */
  private cached(cache: ChunkCache, chunk: Span, index: number): ChunkResult {
    const { text } = this;
    const key = text.slice(Math.max(0, chunk.start - 1), Math.min(text.length, chunk.end + CONTEXT_AFTER));
    const tokens = this.tokensOf(chunk);
    if (!tokens.every((t) => t.word.length === t.end - t.start && text.startsWith(t.word, t.start))) return this.extractChunk(chunk, index).result;
    const entities = this.entityKey(chunk);
    const context = this.contextKey(chunk);
    const list = cache.get(key);
    const hit = list?.find((e) => e.entities === entities && e.context === context && sameTokens(e, tokens, chunk.start)
      && e.lookahead.every(([n, speaker]) => this.speakerAfter(index, n) === speaker));
    if (hit) return hit.result;
    const { result, lookahead } = this.extractChunk(chunk, index);
    const tokenSpans = new Int32Array(tokens.length * 2);
    tokens.forEach((t, k) => {
      tokenSpans[2 * k] = t.start - chunk.start;
      tokenSpans[2 * k + 1] = t.end - chunk.start;
    });
    const entry: ChunkEntry = { result, tokenSpans, tokenTags: tokens.map((t) => t.tag).join('\u0001'), entities, context, lookahead };
    if (!list) cache.set(key, [entry]);
    else list.splice(0, list.length >= ENTRIES_PER_TEXT ? 1 : 0, entry);
    return result;
  }

  /** Tokens starting in [chunk.start, chunk.end] (the line break after the chunk included). */
  tokensOf(chunk: Span): readonly Token[] {
    return this.tokens.slice(firstStartingAt(this.tokens, chunk.start), firstStartingAt(this.tokens, chunk.end + 1));
  }

  entitiesOf(chunk: Span): readonly EntityMention[] {
    return this.entities.slice(firstStartingAt(this.entities, chunk.start), firstStartingAt(this.entities, chunk.end));
  }

  /** What the extraction reads of the chunk's entities, relative to the chunk. */
  private entityKey(chunk: Span): string {
    return this.entitiesOf(chunk).map((e) => `${e.type}\u0002${e.start - chunk.start}\u0002${e.end - chunk.start}\u0002${e.canonical}\u0002${e.iso ?? ''}`).join('\u0001');
  }

  /**
   * What the chunk reads of the rest of the article: the year dates are completed with, the
   * article date's span (its own date is not an event date), skip spans, and the names recognised
   * elsewhere that occur in the chunk (with their types, in article order).
   */
  private contextKey(chunk: Span): string {
    const span = this.input.articleDate?.span;
    const dateSpan = span && span.start < chunk.end + 1 && span.end > chunk.start - 1 ? `${span.start - chunk.start}-${span.end - chunk.start}` : '';
    const skip = this.input.skip
      .filter((s) => s.start < chunk.end + 1 && s.end > chunk.start - 1)
      .map((s) => `${Math.max(s.start, chunk.start - 1) - chunk.start}-${Math.min(s.end, chunk.end + 1) - chunk.start}`)
      .join(',');
    const hits = new Map<string, KnownActor>();
    const { text } = this;
    const root = this.knownActors;
    for (let at = chunk.start; at < chunk.end; at++) {
      const code = text.charCodeAt(at);
      if (!this.actorFirstChars[code]) continue;
      let node: KnownActorNode | undefined = root.next?.get(code);
      if (!node) continue;
      if (node.actor) hits.set(node.actor.name, node.actor);
      for (let i = at + 1; i < chunk.end; i++) {
        node = node.next?.get(text.charCodeAt(i));
        if (!node) break;
        if (node.actor) hits.set(node.actor.name, node.actor);
      }
    }
    const names = [...hits.values()].sort((a, b) => a.rank - b.rank).map((a) => `${a.type[0]}${a.name}`).join(',');
    return `${this.knownYear ?? ''}|${dateSpan}|${skip}|${names}`;
  }

  /** The speaker opening one of the first `n` sentences after chunk `index` ("…作了讲话。\n李强指出"). */
  speakerAfter(index: number, n: number): string | null {
    for (let c = index + 1; c < this.chunkSpans.length && n > 0; c++) {
      let sentences = this.chunkSentences.get(c);
      if (!sentences) {
        const chunk = this.chunkSpans[c];
        sentences = sentencesOf(this.text, paragraphsOf(this.text, chunk.start, chunk.end));
        this.chunkSentences.set(c, sentences);
      }
      for (const s of sentences.slice(0, n)) {
        const speaker = speakerOpening(this.text, this.entities, s, this.compiled.speakerVerbs);
        if (speaker) return speaker.canonical;
      }
      n -= Math.min(n, sentences.length);
    }
    return null;
  }

  // --- the article-level pass ----------------------------------------------------------------

  private finish(results: ChunkResult[]): EventMention[] {
    const drafts: FinalDraft[] = [];
    const sentences: FinalDraft['sentence'][] = [];
    const attendees: ChunkResult['attendees'] = [];
    let firstParagraph: (Span & { index: number }) | null = null;
    let paragraphs = 0;
    results.forEach((r, k) => {
      const base = this.chunkSpans[k].start;
      const first = sentences.length;
      for (const s of r.sentences) {
        sentences.push({ start: s.start + base, end: s.end + base, paragraph: s.paragraph + paragraphs, here: s.here, dateline: r.datelines[s.paragraph] });
      }
      for (const d of r.drafts) {
        drafts.push({
          ...d, start: d.start + base, end: d.end + base, sentence: sentences[first + d.sentence],
          ...(d.subjectAt !== undefined ? { subjectAt: d.subjectAt + base } : {}),
          participants: d.participants.map((p) => ({ ...p })), date: null, place: null, explicitPlace: false,
        });
      }
      for (const a of r.attendees) attendees.push({ ...a, at: a.at + base });
      if (!firstParagraph && r.firstParagraph) firstParagraph = { start: r.firstParagraph.start + base, end: r.firstParagraph.end + base, index: r.firstParagraph.index + paragraphs };
      paragraphs += r.datelines.length;
    });
    const digest = isDigest(sentences, this.text);
    resolveBareDays(drafts, sentences);
    this.fillDates(drafts, sentences, digest);
    // 自6月1日起启动 in an article of 14 May: what starts from a day after the article is a plan (a
    // decision for a later date stays). Only 自…起: a digest's later story may be dated after its dateline.
    const published = this.input.articleDate;
    if (published) for (let i = drafts.length - 1; i >= 0; i--) {
      const d = drafts[i];
      if (d.type === 'decision' || !FROM_DAY_ON.test(this.text.slice(d.sentence.start, d.start))) continue;
      const from = this.entities.find((e) => e.type === 'date' && e.start >= d.sentence.start && e.end <= d.start && this.text[e.end] === '起'
        && /[自从]/.test(this.text.slice(Math.max(d.sentence.start, e.start - 1), e.start)));
      if (from?.iso && startsAfter(from.iso, published)) drafts.splice(i, 1);
    }
    this.fillPlaces(drafts, digest);
    this.attachAttendees(drafts, attendees, sentences);
    this.fillBothSides(drafts);
    this.fillTitleSubjects(drafts);
    this.fillTitleEvents(drafts, firstParagraph, sentences);
    this.fillDeclaredOpenings(drafts);
    return drafts.map((d) => {
      const trigger = { start: d.start, end: d.end };
      return {
        type: d.type,
        trigger,
        date: d.date,
        place: d.place,
        participants: d.participants,
        object: d.object,
        sentence: { start: d.sentence.start, end: d.sentence.end },
        summary: summarize(d, this.text.slice(d.start, d.end)),
      };
    });
  }

  /** Persons/organisations before 出席/参加… attend the governing meeting (the last one before, else the next). */
  private attachAttendees(drafts: FinalDraft[], attendees: ChunkResult['attendees'], sentences: readonly FinalDraft['sentence'][]): void {
    const meetings = drafts.filter((d) => d.type === 'meeting' && !d.bare);
    const attendeeNames = new Map<FinalDraft, Set<string>>();
    const ceremonies = new Set<FinalDraft>();
    for (const { at, actors, meeting, joins, ceremony, alongside } of attendees) {
      let target: FinalDraft | undefined;
      if (joins) {
        // 王毅参加会见。: the last talks (or visit) told before, if any; a ceremony may come first (出席签约仪式。…签署了…).
        // (The 启动 of 出席启动仪式 names the ceremony: it is no launch to join.)
        const own = (d: FinalDraft) => !!ceremony && d.start > at && d.start - at <= 16 && /^(?:仪式|活动)/.test(this.text.slice(d.end, d.end + 2));
        const joinable = (d: FinalDraft) => d.type === joins && !d.background && !own(d);
        const from = firstStartingAt(drafts, at);
        let k = from - 1;
        while (k >= 0 && !joinable(drafts[k])) k--;
        if (k >= 0) target = drafts[k];
        // (A bare 陪同 names no kind: it accompanies only a visit that is the last event told.)
        if (alongside && target && drafts.slice(k + 1, from).some((d) => !d.background)) target = undefined;
        for (let k = from; ceremony && k < drafts.length && !target; k++) if (joinable(drafts[k]) && drafts[k].start > at) target = drafts[k];
        // Joined to the launch or signing told, the ceremony's own trigger is no event of its own.
        if (target && ceremony) for (let k = from; k < drafts.length && drafts[k].start - at <= 16; k++) if (drafts[k].type === joins && own(drafts[k])) ceremonies.add(drafts[k]);
      } else {
        // The last meeting before the token, else the first one after it (drafts are in text order).
        const before = firstStartingAt(meetings, at);
        target = meetings[before - 1];
        if (!target) for (let k = before; k < meetings.length && !target; k++) if (meetings[k].start > at) target = meetings[k];
      }
      if (!target) continue;
      // 出席未来投资倡议论坛: attendees of a meeting named there, not of the last one told about.
      // (出席开幕大会: the opening session of the meeting told opening.)
      if (meeting && !(target.object && (target.object.includes(meeting) || meeting.includes(target.object))) && !sessionOf(meeting, target.word)) continue;
      // Nor of a meeting an event of another day was told about after (a digest's next story).
      if (target.date && target.start < at && this.otherDayBetween(drafts, target, at)) continue;
      // Nor of one on another day than the attendee's sentence tells (…举行正式会晤。24日，罗塞芙出席…对话会).
      const own = sentences[firstStartingAt(sentences, at + 1) - 1];
      if (own && own.start <= at && own.here && target.date && own.start > target.start && !sameDays(own.here, target.date)) continue;
      // …调研，并看望慰问了…。…陪同调研。: those accompanying a visit (or joining talks) take part in all of it, every
      // event of its kind in the sentence that told it.
      const joined = joins && !ceremony && target.start < at
        ? drafts.filter((d) => d.sentence === target!.sentence && d.type === joins && !d.background && d.start <= target!.start)
        : [target];
      for (const t of joined) this.addAttendees(t, actors, attendeeNames);
    }
    if (ceremonies.size) for (let k = drafts.length - 1; k >= 0; k--) if (ceremonies.has(drafts[k])) drafts.splice(k, 1);
    // A bare 主持 hosts the meeting just mentioned (举行了成果发布会…袁家军主持), on the same day (11月19日，…
    // 副省长主持签约仪式 hosts no 座谈会 of 11月18日).
    let governing: FinalDraft | null = null; // the latest meeting so far with an object
    for (const d of drafts) {
      if (d.bare && !d.object && governing && governing.date === d.date) d.object = governing.object;
      if (d.type === 'meeting' && d.object) governing = d;
    }
  }

  /** Appends the new names only (participants are already unique): a long article's attendees stay linear. */
  private addAttendees(target: FinalDraft, actors: ChunkResult['attendees'][number]['actors'], attendeeNames: Map<FinalDraft, Set<string>>): void {
    let seen = attendeeNames.get(target);
    if (!seen) attendeeNames.set(target, (seen = new Set(target.participants.map((p) => p.text))));
    for (const e of actors) {
      if (seen.has(e.text)) continue;
      // 中国人民大学建校85周年纪念大会…李书磊出席: the body the meeting is named after does not attend it.
      if (e.type === 'organization' && target.object?.startsWith(e.text) && target.object.length > e.text.length) continue;
      seen.add(e.text);
      target.participants.push({ text: e.text, type: e.type, role: 'attendee' });
    }
  }

  /** Whether an event between `meeting` and `at` (drafts are in text order) happens on another day than it. */
  private otherDayBetween(drafts: FinalDraft[], meeting: FinalDraft, at: number): boolean {
    const date = meeting.date!;
    for (let k = firstStartingAt(drafts, meeting.start + 1); k < drafts.length && drafts[k].start < at; k++) {
      const d = drafts[k];
      if (!d.background && d.date && !sameDays(d.date, date)) return true;
    }
    return false;
  }

  /**
   * A sentence's own governing date, else the paragraph's latest date expression, else the latest
   * resolved date of the section (a dateline like 晨报讯 starts a new section).
   */
  private fillDates(drafts: FinalDraft[], sentences: FinalDraft['sentence'][], digest: boolean): void {
    let paragraph = -1;
    let paraDate: string | null | undefined;
    let sectionDate: string | null = null;
    let lastDated: string | null = null;
    let lastDay: string | null = null;
    let di = 0;
    for (const s of sentences) {
      if (s.paragraph !== paragraph) {
        paragraph = s.paragraph;
        paraDate = undefined;
        // In a digest every paragraph is a story of its own: an undated one inherits no date, unless
        // it says it continues the last (当天，…; 会后，…).
        const continuing = CONTINUING.test(this.text.slice(s.start, s.start + 4));
        if (s.dateline || (digest && !continuing)) sectionDate = null;
        // (同日上午，… after an undated story of a digest: the same day as the last story that had one.)
        else if (digest && continuing && sectionDate === null) sectionDate = lastDated;
      }
      let datedHere = 0;
      // 同日，…公布了3月份…: the same day as the last day told about, whatever period the sentence names.
      const opening = this.text.slice(s.start, s.start + 4);
      // 次日，…: the day after it, which the rest of the paragraph goes on telling.
      const nextDay: string | null = NEXT_DAY.test(opening) && lastDay ? dayAfter(lastDay) : null;
      if (nextDay) paraDate = sectionDate = nextDay;
      // 此前一天，…: the day before it, told in passing (the paragraph goes on with the day it told).
      const dayBefore: string | null = DAY_BEFORE.test(this.text.slice(s.start, s.start + 5)) && lastDay ? dayAfter(lastDay, -1) : null;
      const sameDay: string | null = SAME_DAY.test(opening) ? lastDay : nextDay ?? dayBefore;
      for (; di < drafts.length && drafts[di].sentence === s; di++) {
        const d = drafts[di];
        if (d.background) continue;
        d.date = sameDay && !(d.ownDate && HAS_DAY.test(d.ownDate)) ? sameDay
          : d.ownDate !== undefined ? d.ownDate
          // 此前，董军同穆尼尔举行了会谈 / 胡中明近日赴南海舰队调研: some day before, not the day told about.
          : this.vaguelyTimed(s, d) ? null
          : paraDate !== undefined ? paraDate : sectionDate;
        if (d.ownDate !== undefined && d.ownDate === s.here) datedHere++;
        if (d.date && HAS_DAY.test(d.date)) lastDay = d.date;
      }
      // 此前，广东省人民政府与华为…签署…。省长王伟中出席签约仪式并致辞: the sentences after an opening
      // that times the story only as some day before go on telling that unknown day.
      if (s.here === undefined && !sameDay && VAGUE_OPENING.test(this.text.slice(s.start, s.end))) paraDate = null;
      if (s.here !== undefined) {
        // (同日，… / 次日，…: the day the opening word points to, which the date it is cannot tell.)
        const value: string | null | undefined = s.here === null && sameDay ? sameDay : s.here;
        // 今年 after 6月6日 does not change the day being told about, nor does a month or year no
        // event of the sentence happens in (…上表示，5月份国民经济…: a statistic's period).
        const current: string | null = paraDate ?? sectionDate;
        const coarser = !!value && !!current && HAS_DAY.test(current) && !HAS_DAY.test(value);
        if (!(value && current && current.startsWith(value)) && !(coarser && datedHere === 0)) {
          paraDate = value;
          if (value) sectionDate = lastDated = value;
          if (value && HAS_DAY.test(value)) lastDay = value;
        }
      }
    }
  }

  /** Whether the words of the sentence before the event's trigger time it only as some day before (此前, 近日, 日前). */
  private vaguelyTimed(s: Span, d: FinalDraft): boolean {
    return VAGUE_TIME.test(this.text.slice(s.start, d.start));
  }

  /**
   * The place in "在 PLACE (adverbs) TRIGGER" before the trigger, else the latest such place of the
   * article, unless the event's own sentence dates it to another day than the event that place was
   * stated for (a digest's next story: 9月10日至12日,…调研 does not happen where the last story did).
   */
  private fillPlaces(drafts: FinalDraft[], digest: boolean): void {
    let last: string | null = null;
    let lastDate: string | null = null;
    let lastOwnDate: DateValue = undefined;
    let paragraph = -1;
    // 在柳州，李强考察了…: a place framing a paragraph's opening holds for that paragraph; the next goes
    // back to the place told before the frame (22日下午，李强主持召开座谈会 is not in 柳州).
    let framed: { paragraph: number; before: string | null } | null = null;
    for (const d of drafts) {
      const newParagraph = d.sentence.paragraph !== paragraph;
      if (newParagraph && framed && framed.paragraph !== d.sentence.paragraph) {
        last = framed.before;
        framed = null;
      }
      if (digest && newParagraph && !CONTINUING.test(this.text.slice(d.sentence.start, d.sentence.start + 4))) last = null;
      // 本报上海1月5日电 opening a later paragraph: another dispatch, from another place.
      if (newParagraph && d.sentence.dateline) last = null;
      paragraph = d.sentence.paragraph;
      const own = d.ownPlace;
      if (own === MOVED_ON) {
        d.place = null;
        if (!d.background) last = null;
      } else if (own) {
        d.place = own;
        d.explicitPlace = true;
        if (!d.background) {
          const opensParagraph = /(?:^|\n)[ \t\u3000]*$/.test(this.text.slice(Math.max(0, d.sentence.start - 8), d.sentence.start));
          if (opensParagraph && PLACE_FRAME.test(this.text.slice(d.sentence.start, d.start)) && this.text.startsWith(own, d.sentence.start + 1)) {
            if (!framed) framed = { paragraph: d.sentence.paragraph, before: last };
          }
          last = own;
          lastDate = d.date;
          lastOwnDate = d.ownDate;
        }
      } else if (d.background) d.place = null;
      // 同日，李强致电卡里奥拉: a call or letter happens nowhere in particular; it inherits no place.
      else if (REMOTE_TRIGGERS.has(d.word)) d.place = null;
      // 此前，董军同穆尼尔举行了会谈: another day, so not where the last event was.
      else if (d.ownDate === undefined && this.vaguelyTimed(d.sentence, d)) d.place = null;
      // 9日在总统府接见…。\n香港特区政府今日公布…: a paragraph dated by its own words, where neither day
      // can be placed in a month to compare them, may be another story: it inherits no place.
      else if (newParagraph && d.ownDate === null && lastOwnDate === null) {
        d.place = null;
        last = null;
      } else if (d.ownDate && lastDate && !sameDays(d.ownDate, lastDate)) {
        d.place = null;
        last = null;
      } else d.place = last;
    }
  }

  /**
   * 会谈…。\n会谈后，两国元首共同签署…: both sides the chunk (a line) could not name are those of the
   * talks or meeting in the paragraph before (see sidesOf; article level, so that edits extracting
   * line by line agree with a fresh analysis).
   */
  private fillBothSides(drafts: FinalDraft[]): void {
    drafts.forEach((d, i) => {
      if (!d.bothSidesUnresolved) return;
      // 会谈后，双方签署了…: the talks it names are the last ones told, however many paragraphs of what was said came between.
      const after = AFTER_TALKS.exec(this.text.slice(d.sentence.start, d.start))?.[1];
      for (let k = i - 1; k >= 0 && (after || drafts[k].sentence.paragraph >= d.sentence.paragraph - 1); k--) {
        if (after && drafts[k].word !== after && drafts[k].sentence.paragraph < d.sentence.paragraph - 1) continue;
        const sides = sidesOf(drafts[k]);
        if (!sides) continue;
        // (…签署…，并共同会见记者: later events of the sentence with no actors of their own share them.)
        for (let j = i; j < drafts.length && drafts[j].sentence === d.sentence; j++) {
          const e = drafts[j];
          if (j > i && e.participants.length > 0) break;
          const role = e.sidesWitness ? 'attendee' : roleFor(e.type, e.bare);
          e.participants = dedupeParticipants([...sides.map((p) => ({ ...p, role: role ?? p.role })), ...e.participants]);
        }
        return;
      }
    });
  }

  /**
   * 赖清德总统今日接见…。随后，总统出席…并致词: a title alone opening the clause of an event with no person is
   * the person who held that title last before it in the article, unless a name follows the title.
   */
  private fillTitleSubjects(drafts: FinalDraft[]): void {
    let held: EntityMention[] | null = null;
    for (const d of drafts) {
      const at = d.subjectAt;
      if (at === undefined || d.participants.some((p) => p.type === 'person')) continue;
      held ??= this.entities.filter((e) => e.type === 'position' && !!e.person && e.canonical.length >= 2);
      let holder: EntityMention | undefined;
      for (const e of held) {
        if (e.start >= at) break;
        if (this.text.startsWith(e.canonical, at) && at + e.canonical.length < d.start) holder = e;
      }
      if (!holder) continue;
      // (随后，总统赖清德出席…: a name or title read there is the subject itself.)
      const end = at + holder.canonical.length;
      if (entitiesStartingIn(this.entities, at, end).some((e) => e.type === 'person' || e.type === 'position')) continue;
      const role = roleFor(d.type, d.bare);
      d.participants = dedupeParticipants([{ text: holder.person!, type: 'person', role }, ...d.participants]);
    }
  }

  /**
   * 第十三届文博会在深圳开幕。孟凡利宣布开幕: the opening declared is that of the meeting just told to open
   * or be held, in the same or the paragraph before.
   */
  private fillDeclaredOpenings(drafts: FinalDraft[]): void {
    drafts.forEach((d, i) => {
      // (宣布运动会开幕: a short name the meeting's full name ends with is that meeting too.)
      if (d.type !== 'meeting' || !OPENS_OR_CLOSES.test(d.word) || !/宣布(?:[^，,。；;]{1,8})?$/.test(this.text.slice(d.sentence.start, d.start))) return;
      if (d.object && !/宣布$/.test(this.text.slice(d.sentence.start, d.start - d.object.length))) return;
      for (let k = i - 1; k >= 0 && drafts[k].sentence.paragraph >= d.sentence.paragraph - 1; k--) {
        const told = drafts[k].object;
        if (drafts[k].type === 'meeting' && told && (!d.object || (told.length > d.object.length && told.endsWith(d.object)))) { d.object = told; return; }
      }
    });
  }

  /** Events of a headline (first line after any chrome, no sentence end) share date and place with the same event in the body. */
  private fillTitleEvents(drafts: FinalDraft[], first: (Span & { index: number }) | null, sentences: FinalDraft['sentence'][]): void {
    if (!first || /[。！？]/.test(this.text.slice(first.start, first.end)) || first.end - first.start > 80) return;
    // The lead: the first body sentence that tells a day (a page's date or source line, with no
    // clause mark, is none).
    const lead = sentences.find((s) => s.paragraph > first.index && typeof s.here === 'string' && HAS_DAY.test(s.here)
      && /[，,。]/.test(this.text.slice(s.start, s.end)));
    // 2026年11月26日外交部发言人毛宁主持例行记者会: a headline that opens with the article's date is of that day.
    const published = this.input.articleDate;
    const ownDay = published?.span && published.span.start >= first.start && published.span.end <= first.end && HAS_DAY.test(published.iso) ? published.iso : null;
    for (const d of drafts) {
      if (d.sentence.paragraph !== first.index) continue;
      if (ownDay && !d.date) d.date = ownDay;
      const same = drafts.find((o) => o.sentence.paragraph > first.index && o.type === d.type && o.word === d.word);
      const dated = drafts.find((o) => o.sentence.paragraph > first.index && o.date);
      // 商务部召开例行新闻发布会 | 11月20日，…在例行新闻发布会上介绍，… 进博会于11月5日至10日在上海举办: with no
      // such event in the body, the headline's is the lead's day, not that of a later event told in passing.
      if (!same && lead && lead.here && (!dated || dated.sentence.paragraph > lead.paragraph)) {
        if (!d.date) d.date = lead.here;
        continue;
      }
      const body = same ?? dated;
      if (!body) continue;
      // (2026年世界互联网大会乌镇峰会开幕: the year in the meeting's name; the body tells the day.)
      if (!d.date || (same && same.date && same.date !== d.date && same.date.startsWith(d.date))) d.date = body.date;
      if (!d.place || !d.explicitPlace || (body.place && body.place.length > d.place.length)) d.place = body.place;
      // The headline's event is the body's: the same people take part (its attendees come later).
      if (d.participants.length === 0 && body.type === d.type && body.word === d.word) d.participants = body.participants.map((p) => ({ ...p }));
    }
  }
}

/**
 * After 签约/签署: a noun it modifies (签约项目共31个, 签约现场) or the 暨 joining it into an occasion's name
 * (签约暨开工仪式); not projects counted as what was signed (现场签约项目32个).
 */
const SIGNING_NOUN_AFTER = /^(?:项目(?![0-9一二三四五六七八九十两]+[个项])(?![^，,。；;]{0,6}(?:协议|合同|协定|备忘录|意向书))|现场|环节|暨|活动|大会)/;
/** What an inspection's trigger runs into that is no thing inspected (调研座谈, 考察指导工作). */
const ACTIVITY_AFTER_VISIT = /^(?:座谈|指导|交流|工作|指导工作|座谈交流)$/;
/** Talks held at a distance (a call, a letter), which take no place from the events before them. */
const REMOTE_TRIGGERS = new Set(['通电话', '致电', '致信', '复信', '回信', '致函', '致贺信', '致贺电', '通话', '视频通话', '视频会晤']);
/** Before a body that is visited (在|赴|到|来到|深入|走进 华为技术有限公司 调研). */
const VISITING_BEFORE = /(?:[在赴到]|来到|深入|走进|前往)$/;
/** A clause that opens with the other side of a signing, its subject left out (并与腾讯…签署, 还同…签约). */
const SIGNING_WITH_OPENING = /^(?:并|还|同时|也|随后)?(?:与|同|和)/;
/** A verb of going right before a body: the body is where one went (前往国防部, 来到市政府). */
const GOING_TO_BEFORE = /(?:[赴到]|来到|走进|前往)$/;
/** After a release word opening its clause: what the document itself says (通报指出, 报告显示): a document, no release. */
const DOCUMENT_SAYS_AFTER = /^(?:中)?(?:指出|显示|称|强调|认为|要求|提出|明确|表明|披露)/;
/** A page's credit line (来源：苏州发布, 作者：…, 责任编辑：…): the names on it are no events (a media account called …发布). */
const CREDIT_LINE = /^[ \t\u3000【（(]*(?:来源|稿源|信息来源|文章来源|作者|编辑|责任编辑|责编|审核|校对|记者|通讯员)\s*[:：]/;
/** A clause whose subject is 他 or 她 (after a connective: 随后，他…), not 他们, nor 他对…/他让… (whose trigger has a subject of its own). */
const PRONOUN_SUBJECT = /^(?:(?:随后|其后|之后|接着|此后|同时|当天|会上|期间|最后)[，,]?)?[他她](?!们)(?![^，,。；;]*[对让使])/;
/** Kinds of place that act as the state or government they stand for. */
const ACTING_PLACE_KINDS = new Set(['country', 'province', 'city', 'capital', 'district', 'county']);
/** What follows a place acting as a party: another party, a count of them, a time, an adverb (not a noun it qualifies). */
const PARTY_AFTER = /^(?:[、与和同]|[两三四五六七八九十]国|等国|于|在|已|已经|正式|将|共同|也|还|均|[0-9一二三四五六七八九十]{1,4}[年月日])/;
/** Connectives opening a clause before its subject (此前，…, 另外，…). */
const CLAUSE_CONNECTIVE = /^(?:此前|另外|此外|同时|目前|日前|近日|随后|其中|当天|同日)[，,]?/;
/** Words before a clause's subject (随后，…). */
const TITLE_SUBJECT_OPENING = /^(?:随后|其后|之后|接着|此后|同时|当天|会上|会后|最后)?[，,]?/;
/** A place framing the opening of a paragraph (在柳州，…). */
const PLACE_FRAME = /^在[\u4e00-\u9fff]{2,10}[，,]/;
/** A clause that goes on with the sentence's subject, opening with a verb of going, an adverb or its topic (深入…调研, 并…, 就…进行调研). */
const SUBJECTLESS_CLAUSE = /^(?:并|还|又|随后|先后|深入|来到|走进|前往|赴|到|就|围绕|针对)/;
/** After 启动: the button or lever of a ceremony (启动键, 启动按钮, 启动杆). */
const START_BUTTON_AFTER = /^(?:键|按钮|按键|球|杆|台|装置)/;
/** Opening a launch's subject: a verb that marks or declares it (标志着, 宣布, 宣告, 意味着). */
const MARKS_BEFORE = /^(?:这|此举|这也)?(?:标志着|宣布|宣告|意味着)/;
/** 由 after what is launched, before those who launch it (联盟|由|四川大学…共同发起). */
const BY_FOUNDERS = /(?<=[\u4e00-\u9fff）)])由(?=[^，,。；;]{2,})/;
/** A page's date or source line (时间：…, 来源：…, 2025-01-08 16:22:10 来源：…). */
const DATE_OR_SOURCE_LINE = /^(?:(?:发布|发稿|更新)?(?:时间|日期)\s*[:：]|来源\s*[:：]|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}|[|｜]|来源|$))/;
/** A meeting attended, named after the verb (出席了…视频会议, 参加…论坛): those in its name are no actors of what follows. */
const ATTENDED_MEETING = /(?:出席|参加)了?[^，,。；;]{1,40}?(?:会议|论坛|峰会|大会|仪式|活动|开幕式|闭幕式|典礼|年会|博览会)/g;
/** How an event is held, right after its place (以视频方式, 通过视频连线, 以线上形式). */
const HELD_BY = /^(?:以|通过)(?:视频|线上|网络|电话|书面)(?:连线)?(?:方式|形式)?/;
/** A relative clause of what someone came to attend (出席…论坛的, 来华参加…的). */
const ATTENDING_WHO = /(?:出席|参加|列席)[^，,。；;]{1,40}?的/g;
/** An attending phrase that qualifies the noun after it (出席论坛的外方代表, 参加会议的全体人员). */
const ATTENDING_RELATIVE = /^(?:出席|参加|列席)[^，,。；;的]{1,30}的(?:外方|中方|各方|各国|全体|与会|有关|部分|中外)?(?:代表|嘉宾|人员|领导|专家|企业家|客人|外宾|贵宾|官员|学员|同志|委员)/;
/** Institutions events are held at (…在上海交通大学举行, 在中央党校开班). */
const VENUE_BODY = /(?:大学|学院|学校|中学|小学|党校|医院|研究院|研究所|科学院)$/;
/** A report heard (听取省三防办、省气象局等部门工作汇报): those who report do not act in what follows. */
const HEARD_REPORT = /听取了?[^，,。；;]{1,40}?(?:汇报|报告|介绍|通报|简报)|(?:传达|学习|贯彻|领会)了?[^，,。；;]{1,50}?(?:精神|指示|批示|讲话|部署|要求)/g;
/** A clause that is all one HEARD_REPORT aside (传达学习…精神). */
const WHOLE_HEARD_REPORT = new RegExp(`^(?:${HEARD_REPORT.source})$`);
/** How a meeting reaches others (视频连线湖南、江西等省防指): those reached do not act in what it decides. */
const VIDEO_LINK = /(?:通过|并)?视频连线[^，,。；;]{1,40}/g;
const WHOLE_VIDEO_LINK = new RegExp(`^(?:${VIDEO_LINK.source})$`);
/** A sentence opening that tells what happened at the meeting (会上，, 会前，, 会议期间，). */
const NARRATIVE_OPENER = /^\s*(?:会上|会前|会后|会议期间|会议结束后|会议开始前)[，,]/;
/** A sentence telling what the meeting decided (会议决定，…; 会议还审议通过了…). */
const MEETING_DECIDED = /^\s*会议(?:还|并|同时)?(?:决定|审议通过|表决通过|通过了|确定|批准)/;
/** Who drafted or submitted a document, before it (审议通过|内政部拟具的《…》). */
const DRAFTED_BY = /^了?[^，,。；;《]{1,16}(?:拟具|拟订|拟定|起草|提交|报送|提请|制定|修订|编制)的《$/;
/** 今年 (or 今年下半年) with no year known, or 当天/同日: no day of its own, so it does not end the day told about. */
const NO_OWN_DAY = /^(?:今年|去年|明年|前年|当天|当日|同日)/;
/** A sentence the meeting opens as its subject, up to the decision's clause (会议还审定了《…》，|确定…). */
const MEETING_OPENS_SENTENCE = /^\s*(?:会议|全会|常委会|常务会议|院会)(?:还|也|并|同时|亦)?(?:研究|听取|审定|审议|讨论|学习|传达)[^。；;！？]{0,80}[，,]$/;
/** A clause holding a meeting, and up to three clauses of what it did, before a decision's clause (召开常务会议，听取…汇报，|部署…). */
const MEETING_CLAUSE_BEFORE = /(?:召开|举行|主持召开)[^，,。；;]{0,30}(?:会议|全会|常委会|院会)[，,](?:[^，,。；;]{1,40}[，,]){0,3}$/;
/** Triggers for a meeting's opening or closing, and the session nouns that make them a name (闭幕|大会). */
const OPENS_OR_CLOSES = /^(?:开幕|闭幕)$/;
const SESSION_AFTER = new Set(['大会', '会议', '式', '典礼', '全体会议']);
/** From a day on (自6月1日起, 从下月1日起), before the trigger. */
const FROM_DAY_ON = /(?:自|从)[^，,。；;]{1,12}起/;
/**
 * Whether an ISO value (2026-06-01, --06-01, 2026-06, or a range) starts after the article's date; a
 * value without a year is taken in the article's year, a month from its first day. Years alone never.
 */
export function startsAfter(value: string, article: ArticleDate): boolean {
  const m = /^(\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(value.split('/')[0]);
  if (!m || article.month === undefined || article.day === undefined) return false;
  const year = m[1] === '-' ? article.year ?? 0 : Number(m[1]);
  const articleYear = m[1] === '-' ? article.year ?? 0 : article.year;
  if (articleYear === undefined) return false;
  return year * 10000 + Number(m[2]) * 100 + Number(m[3] ?? 0) > articleYear * 10000 + article.month * 100 + article.day;
}

/** A sentence opening that dates it to the day told about before (同日，…). */
const SAME_DAY = /^\s*(?:同日|当天|当日|同一天|同天)/;
/** A sentence opening that dates it to the day after the one told about (次日，…; 翌日上午). */
const NEXT_DAY = /^\s*(?:次日|翌日|第二天|隔天)/;
/** What one takes part in after 参加/出席 that is no meeting: an exercise, a contest, a task (参加|联合演习。). */
const NOT_A_MEETING_AFTER = /^了?[^，,。；;]{0,10}?(?:演习|演练|训练|比赛|竞赛|考试|选举|培训|劳动|救援|维和|行动|任务|志愿服务)(?:[，,。；;]|$)/;
const DAY_BEFORE = /^\s*(?:此前一天|前一天)/;
/** Times some day before the one told about, of no known day (此前, 近日, 日前, 前不久). */
const VAGUE_TIME = /此前|近日|日前|前不久|不久前|早前|先前|近期/;
/** A sentence whose first clause times it only as some day before (此前，…; 胡中明近日赴…调研). */
const VAGUE_OPENING = new RegExp(`^[^，,。；;：:]*?(?:${VAGUE_TIME.source})`);

/** The day after an ISO day (2024-03-05, --03-05, or a range's last day), in the same form. */
function dayAfter(iso: string, days = 1): string | null {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(iso.split('/').pop() ?? '');
  if (!m) return null;
  // (A yearless day counts in a common year.)
  const d = new Date(Date.UTC(m[1] === '-' ? 2001 : Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  const mmdd = `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return m[1] === '-' ? `--${mmdd}` : `${d.getUTCFullYear()}-${mmdd}`;
}
/** A numbered item opening a paragraph (1., 2、, （三）). */
const NUMBERED_ITEM = /^\s*(?:\d{1,2}[.．、](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)/;
/** A paragraph opening that continues the story before it (当天, 同日, 会后…). */
const CONTINUING = /^(?:当天|当日|同日|同天|同一天|会上|会后|会前|期间|随后|此前|其间)/;

/**
 * A digest (新闻联播摘要): three or more paragraphs open with a sentence dated to a day, each to
 * another day than the paragraph before. Its paragraphs are separate stories.
 */
/** A paragraph opening with a day and no month (15日上午，…, 当地时间16日，…). */
const BARE_DAY_OPENING = /^[\s\u3000]*(?:当地时间)?[0-9０-９一二三四五六七八九十]{1,3}日/;

function isDigest(sentences: readonly FinalDraft['sentence'][], text: string): boolean {
  let paragraph = -1;
  let lastDay: string | null = null;
  let stories = 0;
  for (const s of sentences) {
    if (s.paragraph === paragraph) continue;
    paragraph = s.paragraph;
    const day = s.here && HAS_DAY.test(s.here) ? s.here : null;
    // 15日上午，习近平同…会谈: a later day told without its month goes on with the story told before (a trip
    // day by day); a digest's stories go back in time (19日，… 18日，…) or name their month.
    const goesOn = !!day && !!lastDay && day > lastDay && BARE_DAY_OPENING.test(text.slice(s.start, s.start + 12));
    // (2.国务院总理李强27日下午…: a numbered item dated by its own words, though no month is known to place its day.)
    if ((day && day !== lastDay && !goesOn) || (!day && s.here !== undefined && NUMBERED_ITEM.test(text.slice(s.start, s.start + 6)))) stories++;
    if (day) lastDay = day;
  }
  return stories >= 3;
}

function sameTokens(entry: ChunkEntry, tokens: readonly Token[], base: number): boolean {
  const spans = entry.tokenSpans;
  if (spans.length !== tokens.length * 2) return false;
  let at = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (spans[2 * k] !== t.start - base || spans[2 * k + 1] !== t.end - base) return false;
    if (!entry.tokenTags.startsWith(t.tag, at)) return false;
    at += t.tag.length;
    if (k < tokens.length - 1 && entry.tokenTags.charCodeAt(at++) !== 1) return false;
  }
  return at === entry.tokenTags.length;
}

/** Entities with start in [from, to] of a start-sorted list, in order. */
function entitiesStartingIn(list: readonly EntityMention[], from: number, to: number): EntityMention[] {
  const out: EntityMention[] = [];
  for (let k = firstStartingAt(list, from); k < list.length && list[k].start <= to; k++) out.push(list[k]);
  return out;
}

/** A sentence opened by [title] NAME + a speaking verb (李强指出): the name. */
function speakerOpening(text: string, entities: readonly EntityMention[], s: Span, verbs: readonly string[]): EntityMention | null {
  const lead = entitiesStartingIn(entities, s.start, s.end - 1);
  let pos = s.start;
  for (const e of lead) {
    if (e.start - pos > 1) break;
    if (e.type === 'person') {
      const rest = text.slice(e.end, e.end + 3);
      if (verbs.some((v) => rest.startsWith(v))) return e;
      break;
    }
    if (e.type !== 'position' && e.type !== 'organization') break;
    pos = e.end;
  }
  return null;
}

/** What a release names by its kind alone (数据, 消息): no object. (A notice or announcement, 通知, 公告, is kept: the document issued.) */
const GENERIC_RELEASED = /^(?:最新)?(?:数据|消息|信息|情况)$/;

/**
 * Whether `word` is one of `cues` followed by a generic meeting noun (出席会议/l). (A function, not a
 * closure in attendees()' loop over tokens: V8 then allocated a context for every token.)
 */
function cueAndGenericMeeting(word: string, cues: readonly string[]): boolean {
  for (const w of cues) if (word.startsWith(w) && GENERIC_MEETING.test(word.slice(w.length))) return true;
  return false;
}

/** Extraction inside one chunk of the article (text, tokens and entities are the article's, offsets too). */
class ChunkExtractor {
  private readonly text: string;
  private readonly tokens: readonly Token[];
  private readonly entities: readonly EntityMention[];
  /** The date entities of `entities` (same order): governingDates runs for every sentence and draft. */
  private readonly dates: readonly EntityMention[];
  /** quoted[i - chunk.start]: character i is inside 《》 or quotes. */
  private readonly quoted: Uint8Array;
  private readonly paragraphs: Span[];
  private readonly sentences: Sentence[];
  private readonly knownYear: number | null;
  private readonly compiled: CompiledLexicon;
  private readonly lex: EventLexicon;
  private readonly input: RecognizerInput;
  private readonly skip: SkipIndex;
  /** tokenMaxEnd[k]: the latest end among tokens 0..k. */
  private readonly tokenMaxEnd: Float64Array;
  /** Where document entities start (a trigger followed by a document is a verb). */
  private readonly documentStarts: Set<number>;
  /** Where person and organisation entities end (a date right after a subject heads its clause). */
  private readonly actorEnds: Set<number>;
  /** Where positions end (市长|今天视察: a date after a title heads the clause as after a name). */
  private readonly positionEnds: Set<number>;

  constructor(
    private readonly article: ArticleExtraction,
    private readonly chunk: Span,
    /** The speaker opening one of the first n sentences after the chunk. */
    private readonly speakerAfter: (n: number) => string | null,
  ) {
    this.text = article.text;
    this.input = article.input;
    this.lex = article.lex;
    this.compiled = article.compiled;
    this.skip = article.skip;
    this.knownYear = article.knownYear;
    this.tokens = article.tokensOf(chunk);
    this.tokenMaxEnd = prefixMaxEnds(this.tokens);
    this.entities = article.entitiesOf(chunk);
    this.dates = this.entities.filter((e) => e.type === 'date');
    this.documentStarts = new Set(this.entities.filter((e) => e.type === 'document').map((e) => e.start));
    this.actorEnds = new Set(this.entities.filter((e) => e.type === 'person' || e.type === 'organization').map((e) => e.end));
    this.positionEnds = new Set(this.entities.filter((e) => e.type === 'position').map((e) => e.end));
    this.quoted = quotedMask(this.text, chunk.start, chunk.end);
    this.paragraphs = paragraphsOf(this.text, chunk.start, chunk.end);
    this.sentences = sentencesOf(this.text, this.paragraphs);
  }

  private isQuoted(i: number): boolean {
    return this.quoted[i - this.chunk.start] === 1;
  }

  private cue(kind: string): ReadonlySet<string> {
    return this.lex.cues.get(kind) ?? this.compiled.empty;
  }

  private inSkip(span: Span): boolean {
    return this.skip.overlaps(span);
  }

  /** The first paragraph that is not website chrome (当前位置：首页 > …), with its index: the headline, if any. */
  private headline(shift: (s: Span) => Span): (Span & { index: number }) | null {
    for (let i = 0; i < this.paragraphs.length; i++) {
      const p = this.paragraphs[i];
      const at = p.start + Math.max(0, this.text.slice(p.start, p.end).search(/\S/));
      // (时间：2023-12-05 08:30 来源：安徽日报, 2025-01-08 16:22:10 来源：东方网: a page's date or source line comes before its headline too.)
      if (at < p.end && !this.inSkip({ start: at, end: at + 1 }) && !DATE_OR_SOURCE_LINE.test(this.text.slice(at, p.end))) return { ...shift(p), index: i };
    }
    return null;
  }

  /** Entities with start in [from, to], in order (callers filter further). */
  private entitiesStarting(from: number, to: number): EntityMention[] {
    return entitiesStartingIn(this.entities, from, to);
  }

  /** Entities inside [start, end). */
  private entitiesIn(start: number, end: number): EntityMention[] {
    return this.entitiesStarting(start, end).filter((e) => e.end <= end);
  }

  run(): ChunkResult {
    const matches = matchTriggers(this.tokens, this.lex).filter((m) => !this.inSkip(m));
    const drafts: Draft[] = [];
    const exhortation = this.exhortationParagraphs();
    let first = 0; // first match starting at or after the current sentence (sentences and matches are in text order)
    for (const sentence of this.sentences) {
      while (first < matches.length && matches[first].start < sentence.start) first++;
      // (会议指出，要…。会议决定，设立…: a decision the meeting took is news even there; 会上，…作交流发言:
      // so is what was done at the meeting.)
      const opening = this.text.slice(sentence.start, sentence.start + 8);
      if (exhortation.has(sentence.paragraph) && !MEETING_DECIDED.test(opening) && !NARRATIVE_OPENER.test(opening)) continue;
      if (first >= matches.length || matches[first].start >= sentence.end) continue; // no trigger: nothing to split
      const clauses = clausesOf(this.text, sentence);
      let suppressedFrom = Infinity;
      for (let k = first; k < matches.length && matches[k].start < sentence.end; k++) {
        const m = matches[k];
        if (m.end > sentence.end) continue;
        if (m.start >= suppressedFrom) break;
        const clause = clauses.find((c) => m.start >= c.start && m.start < c.end) ?? sentence;
        if (!this.accept(m, sentence, clause)) continue;
        drafts.push({
          match: m, sentence, clause, type: m.entry.type, background: this.isBackground(m, clause),
          date: null, place: null, explicitPlace: false, participants: [], object: null,
        });
        // 会议确定,X在Y召开: the clause after the decision is its content, not another event; so is a
        // meeting it fixes in its own clause (会议确定2021年度…座谈会在江苏省召开, 决定于1月中旬召开…会议).
        if (m.entry.flags.has('complement') && (CLAUSE_SEP.has(this.text[m.end]) || this.fixedMeetingAt(m.end, clause.end) >= 0)) suppressedFrom = m.end;
      }
    }
    // 举行了会谈: 举行 is a light verb for the talks that follow in its clause.
    const kept = drafts.filter((d, i) => {
      const after = drafts[i + 1];
      return !(d.type === 'meeting' && after && after.type === 'talks' && after.clause === d.clause && d.match.entry.word === '举行');
    });
    this.fillObjectsAndParticipants(kept);
    const base = this.chunk.start;
    const shift = (s: Span) => ({ start: s.start - base, end: s.end - base });
    return {
      datelines: this.paragraphs.map((p) => DATELINE.test(this.text.slice(p.start, p.end))),
      firstParagraph: this.headline(shift),
      sentences: this.sentences.map((s) => {
        // (第一阶段将于9月1日开始接受申请: a date planned for tells no day the next sentences are about.)
        const here = this.pickDate(this.governingDates(s.start, s.end).filter((e) => !PLANNED_FOR.test(this.text.slice(Math.max(s.start, e.start - 4), e.start))));
        return { ...shift(s), paragraph: s.paragraph, here: here ? this.ownDayValue(here) : undefined };
      }),
      drafts: kept.map((d) => {
        const own = d.background ? null : this.pickDate(this.governingDates(d.sentence.start, d.match.start));
        return {
          ...shift(d.match), word: d.match.entry.word, type: d.type, bare: d.match.entry.flags.has('bare'), sentence: d.sentence.index,
          bothSidesUnresolved: d.participants.length === 0 && BOTH_SIDES.test(this.text.slice(d.clause.start, d.match.start)),
          sidesWitness: WITNESSED.test(this.text.slice(d.clause.start, d.match.start)),
          background: d.background, object: d.object, participants: d.participants,
          ownDate: own ? this.ownDayValue(own) : undefined, ownPlace: this.explicitPlace(d) ?? this.arrivalPlace(d) ?? this.settingPlace(d) ?? this.subjectPlace(d),
          ...(d.subjectAt !== undefined ? { subjectAt: d.subjectAt - base } : {}),
        };
      }),
      attendees: this.attendees().map((a) => ({ ...a, at: a.at - base })),
    };
  }


  // --- acceptance -------------------------------------------------------------------------

  private accept(m: TriggerMatch, sentence: Span, clause: Span): boolean {
    const { text } = this;
    const flags = m.entry.flags;
    const next = text[m.end] ?? '';
    const prev = text[m.start - 1] ?? '';
    const nextTok = this.tokens[m.nextToken]?.start === m.end ? this.tokens[m.nextToken].word : '';
    if (this.cue('nominal-head').has(nextTok) && !this.modifiesNoun(m.nextToken)) return false;
    if (this.cue('after-bg').has(nextTok)) return false;
    // 主持闭幕大会, 出席开幕大会: the session a meeting opens or closes with, named; not its opening.
    if (OPENS_OR_CLOSES.test(m.entry.word) && SESSION_AFTER.has(nextTok)) return false;
    const rest = text.slice(m.end, clause.end);
    // 王毅参加会见。 / 黄坤明陪同调研。: joining the talks or visit just told, not one of their own
    // (attendees() attaches them to it).
    if (companionOf(m.entry.type, text.slice(Math.max(clause.start, m.start - 3), m.start), rest)) return false;
    // 宣布中共中央决定。, 传达了中央决定: a decision named as what is announced or carried out (a noun ending its clause) is told, not taken.
    if (m.entry.word === '决定' && (m.end === clause.end || /^[。，,；;！]/.test(next)) && /(?:宣布|宣读|传达|贯彻|执行|落实)/.test(text.slice(clause.start, m.start))) return false;
    // 加入DEPA有利于…, 举办全国禁毒展览是得民心之举: the event as the subject of what it brings or is, no event told.
    if (m.start === clause.start && /^[^，,。；;]{1,30}?(?:有利于|有助于|将有助|意味着|标志着|为[^，,。；;]{1,20}?(?:提供|带来|注入)|(?<![于在])是(?![在由从])[^，,。；;]{0,12}?(?:之举|举措|措施|体现|需要|关键|前提|基础|保障|重要|必要))/.test(rest)) return false;
    // 3.0版升级议定书的签署，标志着…: an event named as a noun, then what it signifies in the next clause.
    // (…早期收获安排的签署，将为两国企业带来…: so is one that brings something.)
    if (prev === '的' && m.end === clause.end && /^[，,](?:也|更|将|还|必将|势必)?(?:标志着|意味着|有利于|有助于|有助|表明|体现了|彰显了?|为|给|带来|推动|促进)/.test(text.slice(m.end, m.end + 6))) return false;
    // 习近平在回信中说: the letter or talks just told, quoted from; no new event.
    if (m.entry.type === 'talks' && prev === '在' && next === '中') return false;
    // 签约项目金额达1200亿元: the trigger qualifies the noun of a statistic.
    if (STATISTIC_AFTER.test(rest)) return false;
    // 成立50周年, 加入亚行以来: anniversaries and "since" phrases are background.
    // (部署了入梅以来的防汛工作: a "since" phrase inside the object is no background.)
    // (成立五年来, 加入三个月来: so is a span of time since.)
    if (/^[\d一二三四五六七八九十百]+周年/.test(rest) || /^[^，,。；;]{0,12}以来(?!的)/.test(rest) || /^[\d一二三四五六七八九十百两几多]+(?:个)?(?:年|月|天|周)多?来/.test(rest)) return false;
    // 启动仪式上, 成立大会上 opening a clause: a setting, not an event; so is 在启动仪式上致辞.
    if ((m.start === clause.start || prev === '在') && /^(?:仪式|大会|式)上/.test(rest)) return false;
    // 会见来华举行…会晤的欧洲理事会主席科斯塔: a trigger in a clause describing the person met is no
    // event of its own.
    if (this.describesPersonMet(m, clause, rest)) return false;
    // 关于印发…的通知: a trigger inside a document's name names no event of its own.
    // (刘奇作了关于…工作的报告: a report named 关于…的报告 that someone delivers is a speech.)
    if (this.entitiesStarting(Math.max(0, m.start - 60), m.start).some((e) => e.type === 'document' && e.start < m.start && e.end >= m.end
      && !(m.entry.type === 'speech' && e.end === m.end && ZUO_BEFORE.test(text.slice(Math.max(clause.start, e.start - 8), e.start))))) return false;
    // 会谈后, 签约结束后, 会见期间, 考察结束时 opening a clause: the time of what follows, told again.
    if (m.start === clause.start && /^(?:结束)?(?:后|之后|以后|期间|前夕|前|之前|时|之时)(?:[，,]|$)/.test(rest)) return false;
    // 新中国成立后，…, 欧元启动后，…: an event closing a time clause dates what follows, unless the
    // clause tells it with a date or a person (叶利钦28日下午与基里延科总理会见后，任命了…).
    if (/^(?:后|之后|以后)(?:[，,]|$)/.test(rest) && !this.entitiesIn(clause.start, m.start).some((e) => e.type === 'date' || e.type === 'person')) return false;
    // 发起猛烈攻势: an attack (in war or sport) is launched, but no initiative.
    if (m.entry.type === 'launch' && /^(?:了)?(?:[^，,。；;]{0,4})(?:攻势|进攻|反攻|反击|冲击|总攻|冲锋)/.test(rest)) return false;
    // 提请市委常委会审定: a review asked for has not happened.
    if (m.entry.type === 'decision' && REFERRED_FOR.test(text.slice(clause.start, m.start))) return false;
    // 学习习近平总书记考察湖北重要讲话精神: the spirit of what was said on a past visit, no event here.
    if (m.entry.type === 'inspection' && SPIRIT_OF_SPEECH_AFTER.test(text.slice(m.end, clause.end))) return false;
    // 发布单位：新闻局, 发布时间：…: a field's label, not an event.
    if (FIELD_LABEL_AFTER.test(text.slice(m.end, m.end + 4))) return false;
    // 签署仪式在…举行, 在签约仪式上致辞: the ceremony names the meeting held for it; the signing is told apart (…签署了协议).
    // (第十届全国“最美科技工作者”发布仪式, 颁发仪式: so does a release or award ceremony; a launch ceremony, 启动仪式, is
    // read as the launch, as the seeds do.)
    if ((m.entry.type === 'signing' || m.entry.type === 'release' || m.entry.type === 'award') && text.startsWith('仪式', m.end)) return false;
    // 共同按下启动键, 推动启动杆: the button of a ceremony, no launch of its own.
    if (m.entry.type === 'launch' && START_BUTTON_AFTER.test(text.slice(m.end, m.end + 2))) return false;
    // 签约项目共31个, 重大项目集中签约暨开工仪式, 在签约现场: a signing naming a thing or an occasion, no event of its own.
    if (m.entry.type === 'signing' && SIGNING_NOUN_AFTER.test(text.slice(m.end, m.end + 8))) return false;
    // 通报指出，…: the document a release word names, speaking; no release told.
    if (m.entry.type === 'release' && m.start === clause.start && DOCUMENT_SAYS_AFTER.test(text.slice(m.end, m.end + 3))) return false;
    // 新华社北京3月5日电（受权发布）: a label in brackets, no event.
    if (/[（(][^（()）]{0,4}$/.test(text.slice(Math.max(0, m.start - 5), m.start)) && /^[^（()）]{0,4}[）)]/.test(text.slice(m.end, m.end + 5))) return false;
    // 来源：苏州发布: a credit line names a source, not an event.
    if (CREDIT_LINE.test(text.slice(text.lastIndexOf('\n', m.start - 1) + 1, m.start))) return false;
    // 致闭幕辞, 致开幕词: a speech named for the opening or closing it marks; no opening or closing told.
    if (m.entry.type === 'meeting' && prev === '致' && /^[辞词]/.test(next)) return false;
    // 传达学习习近平总书记重要讲话和重要指示精神, 学习…在…上的重要讲话: a speech studied is the topic, given before.
    if (m.entry.type === 'speech' && SPEECH_STUDIED_BEFORE.test(text.slice(clause.start, m.start))) return false;
    // 其发言受到关注: a possessed speech is a thing, not an event.
    if (m.entry.type === 'speech' && prev === '其') return false;
    // 双方曾多次举行会谈: a history of events, not one event.
    if (this.tokensIn(clause.start, m.start).some((t) => NOT_ONE_EVENT.has(t.word))) return false;

    // A list of activity nouns (开展经济考察、展览展示…等) names kinds of activity, not an event.
    if (next === '、' || (prev === '、' && text.slice(m.end, clause.end).includes('等'))) return false;
    // X的成立发展: a nominalised trigger is an event only when it closes the phrase (成果展的举办,).
    if (prev === '的' && !(next === '' || next === '了' || PUNCT.test(next))) return false;
    if (this.governedByModal(m, sentence, clause)) return false;
    if (flags.has('verbal')) {
      // (会议还决定, 会议一致同意: adverbs may stand between the meeting and its decision.)
      const before = text.slice(Math.max(sentence.start, m.start - 8), m.start).replace(ADVERBS_BEFORE_DECISION, '');
      const subject = this.compiled.meetingSubjects.some((w) => before.endsWith(w)) || this.bodySubject(m, clause);
      const doc = next === '《' || (next === '了' && text[m.end + 1] === '《') || this.documentStarts.has(m.end);
      const prefixed = m.start > this.tokens[m.firstToken].start; // 研究部署
      // 决定了/确定了 alone also reads "determined" (宗旨决定了…): those need a deciding body.
      const perfective = next === '了' && !flags.has('complement');
      // 央行9月24日宣布，决定于9月27日下调…: what a body announced it decides, for a date it names.
      const announced = m.start === clause.start && ANNOUNCED_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 3), m.start))
        && this.entitiesIn(sentence.start, m.start).some((e) => e.type === 'organization');
      const datedFor = FOR_A_DATE.test(text.slice(m.end, m.end + 3)) && !DETERMINED_NOUN_BEFORE.test(text.slice(Math.max(sentence.start, m.start - 2), m.start));
      // 主持召开国务院常务会议，部署…: the clause after the meeting's tells what it did.
      // (会议研究了《…》，决定…: a sentence the meeting opens as subject, the decision in a later clause.)
      const afterMeeting = m.start === clause.start && (MEETING_CLAUSE_BEFORE.test(text.slice(sentence.start, m.start)) || MEETING_OPENS_SENTENCE.test(text.slice(sentence.start, m.start)));
      const deliberated = DELIBERATED_BEFORE.test(text.slice(sentence.start, m.start));
      if (!(perfective || doc || subject || prefixed || announced || datedFor || afterMeeting || deliberated)) return false;
    }
    if (flags.has('bare')) {
      const rest = text.slice(m.end, clause.end);
      const meetingNoun = this.compiled.meetingNouns.some((w) => rest.includes(w));
      // (赵刚主持并讲话: hosting, then speaking at, the meeting just told.)
      if (!(next === '' || next === '了' || PUNCT.test(next) || meetingNoun || HOSTS_AND_SPEAKS.test(text.slice(m.end, m.end + 12)))) return false;
      if (nextTok === '人') return false;
    }
    if (flags.has('after-zuo')) {
      const before = text.slice(clause.start, m.start);
      if (!/作|进行/.test(before)) return false;
    }
    // 李强作政府工作报告, 作了题为《…》的报告: the verb 作 (not 工作, 合作, 作为) shortly before.
    if (flags.has('zuo') && !ZUO_BEFORE.test(text.slice(Math.max(clause.start, m.start - 24), m.start))) return false;
    if (flags.has('needs-doc')) {
      const at = next === '了' ? m.end + 1 : m.end;
      if (!(text[at] === '《' || this.documentStarts.has(at))) return false;
    }
    return true;
  }

  /** The token after a two-character nominal-head word is a noun (举行工作宴会): the head only modifies it. */
  private modifiesNoun(headToken: number): boolean {
    const head = this.tokens[headToken];
    const after = this.tokens[headToken + 1];
    // One-character heads (启动区, 调研人) are bound to the trigger whatever follows.
    return head.word.length >= 2 && !!after && after.start === head.end && /^n/.test(after.tag) && !/^nr/.test(after.tag);
  }

  /**
   * A deciding body right before the trigger (俄政府27日决定, 薛埠镇党委决定, 巴西政府前不久决定):
   * an organisation, or a word ending like a government or party body, followed only by dates and adverbs.
   */
  private bodySubject(m: TriggerMatch, clause: Span): boolean {
    let end = m.start;
    for (let moved = true; moved && end > clause.start;) {
      moved = false;
      const date = this.entities.find((e) => e.type === 'date' && e.end === end);
      if (date) { end = date.start; moved = true; continue; }
      const gap = /(?:前不久|日前|近日|最近|已经|已|又|也|还|都|并|随即|当即|正式|一致|共同)$/.exec(this.text.slice(clause.start, end));
      if (gap) { end -= gap[0].length; moved = true; }
    }
    if (this.actorEnds.has(end) && this.entities.some((e) => e.end === end && e.type === 'organization')) return true;
    return BODY_SUFFIX.test(this.text.slice(clause.start, end));
  }

  /** After 会见/会谈 in the clause, the trigger sits in a 的-phrase that ends right before a title or a name. */
  private describesPersonMet(m: TriggerMatch, clause: Span, rest: string): boolean {
    if (!/会见|会谈|接见/.test(this.text.slice(clause.start, m.start))) return false;
    for (let at = rest.indexOf('的'); at >= 0; at = rest.indexOf('的', at + 1)) {
      const after = m.end + at + 1;
      if (this.entitiesStarting(after, after).some((e) => e.type === 'position' || e.type === 'person')) return true;
    }
    return false;
  }

  /** A modal before the trigger (要/将/希望… in its sentence, 推动… in its clause) makes it a plan. */
  private governedByModal(m: TriggerMatch, sentence: Span, clause: Span): boolean {
    const modal = this.cue('modal');
    const clauseModal = this.cue('clause-modal');
    // Tokens before the sentence only matter when one of them already reaches past the trigger.
    const from = firstStartingAt(this.tokens, sentence.start);
    if (from > 0 && this.tokenMaxEnd[from - 1] > m.start) return false;
    const attend = this.cue('attend');
    // 出席…供应链促进博览会开幕式并致辞: after 出席 a 促进 names what is attended.
    let attended = false;
    for (let k = from; k < this.tokens.length; k++) {
      const t = this.tokens[k];
      if (t.end > m.start) break;
      if (this.isQuoted(t.start)) continue;
      if ((modal.has(t.word) || GLUED_WILL.test(t.word)) && !this.invitedBy(t) && !this.inTimeClause(t, m.start)) return true;
      if (t.start >= clause.start && attend.has(t.word)) attended = true;
      // (第二届中国国际供应链促进博览会新闻发布会在北京举行: 促进 inside the name of the meeting.)
      if (t.start >= clause.start && clauseModal.has(t.word) && !attended && !MEETING_NAMED_AFTER.test(this.text.slice(t.end, m.start))
        // (投资促进服务中心签署…, 推动…领导小组组长…讲话: 促进 inside the name of a body or a title.)
        && !BODY_NAMED_AFTER.test(this.text.slice(t.end, t.end + 6)) && !this.entitiesStarting(clause.start, t.start).some((e) => (e.type === 'organization' || e.type === 'position') && e.end >= t.end)) return true;
    }
    return false;
  }

  /** 应 opening "at the invitation of" (应国务院总理李强邀请，…), not the modal "should". */
  private invitedBy(t: Token): boolean {
    return t.word === '应' && INVITATION.test(this.text.slice(t.end, t.end + 48));
  }

  /** The modal token sits in an earlier time clause of the sentence (在…即将访问中国之际,). */
  private inTimeClause(t: Token, triggerStart: number): boolean {
    const rest = this.text.slice(t.end, triggerStart);
    const comma = rest.search(/[，,]/);
    return comma >= 0 && TIME_CLAUSE_END.test(rest.slice(0, comma));
  }

  /** Paragraphs opening with an exhortation (要…, 会议指出,要…): nothing in them happened. */
  private exhortationParagraphs(): Set<number> {
    const out = new Set<number>();
    const modal = this.cue('modal');
    const speakerVerbs = this.compiled.speakerVerbs;
    this.paragraphs.forEach((p, i) => {
      let start = p.start;
      const firstComma = this.text.slice(p.start, Math.min(p.end, p.start + 12)).search(/[，,：:]/);
      if (firstComma > 0) {
        const head = this.text.slice(p.start, p.start + firstComma);
        // Not 习近平在江西考察时强调，要…: the visit of the head happened.
        if (speakerVerbs.some((v) => head.endsWith(v)) && !/在|时/.test(head)) start = p.start + firstComma + 1;
      }
      let tok: Token | undefined;
      for (let k = firstStartingAt(this.tokens, start); k < this.tokens.length && this.tokens[k].start < p.end; k++) {
        if (this.tokens[k].word.trim() !== '') { tok = this.tokens[k]; break; }
      }
      if (tok && modal.has(tok.word) && !this.invitedBy(tok)) out.add(i);
    });
    return out;
  }

  /** 是…发起的 (a relative clause of background) and 对…成立表示祝贺 describe earlier events. */
  private isBackground(m: TriggerMatch, clause: Span): boolean {
    const before = this.tokensIn(clause.start, m.start).map((t) => t.word);
    const after = this.text.slice(m.end, clause.end);
    if (before.includes('是') && after.includes('的')) return true;
    if (before.includes('对') && after.includes('表示')) return true;
    return false;
  }

  /**
   * A meeting's name standing alone as the clause before the trigger's clause, which opens with when or
   * where it is held (…全体会议，于…在北京举行): that name, else null.
   */
  private meetingClauseBefore(d: Draft, triggerStart: number): { start: number; end: number; text: string } | null {
    const { text } = this;
    if (d.clause.start <= d.sentence.start || !/[，,]/.test(text[d.clause.start - 1] ?? '') || !/^(?:于|在)/.test(text.slice(d.clause.start, triggerStart))) return null;
    let start = d.clause.start - 1;
    while (start > d.sentence.start && !/[，,。；;：:\n]/.test(text[start - 1])) start--;
    const name = text.slice(start, d.clause.start - 1).trim();
    if (name.length < 4 || name.length > 50 || !ONE_MEETING_END.test(name)) return null;
    const at = text.indexOf(name, start);
    return { start: at, end: at + name.length, text: name };
  }

  /** Tokens inside [start, end). */
  private tokensIn(start: number, end: number): Token[] {
    const out: Token[] = [];
    for (let k = firstStartingAt(this.tokens, start); k < this.tokens.length && this.tokens[k].start <= end; k++) {
      if (this.tokens[k].end <= end) out.push(this.tokens[k]);
    }
    return out;
  }

  // --- objects and participants -------------------------------------------------------------

  private fillObjectsAndParticipants(drafts: Draft[]): void {
    drafts.forEach((d, i) => {
      const prevInSentence = i > 0 && drafts[i - 1].sentence === d.sentence ? drafts[i - 1] : null;
      const regionStart = Math.max(d.clause.start, prevInSentence && prevInSentence.match.end > d.clause.start ? prevInSentence.match.end : d.clause.start);
      const objectSpan = this.withoutLeadingDate(this.objectOf(d, i, regionStart, drafts));
      // (国家统计局发布数据显示: a kind of thing released, named by no name, is no object.)
      const named = objectSpan && !(d.type === 'release' && GENERIC_RELEASED.test(objectSpan.text)) ? objectSpan : null;
      d.object = named ? named.text : null;
      d.objectSpan = named;
      d.participants = this.participantsOf(d, prevInSentence, objectSpan);
      // (…召开新闻发布会，发布《…》: a clause opened by its trigger shares the subject of the clause before.)
      // (…颁发奖章、证书，并发表重要讲话: a clause opened by 并 and its trigger too.)
      // (研究|部署: a cue jieba joined to the trigger's word is no word before it.)
      const lead = this.text.slice(d.clause.start, Math.min(d.match.start, this.tokens[d.match.firstToken]?.start ?? d.match.start));
      // (全会听取…习近平…作的工作报告，审议通过了…: whose report was heard is no subject of what the meeting does next.)
      const heardBefore = !!prevInSentence && /听取/.test(this.text.slice(prevInSentence.clause.start, prevInSentence.match.start));
      const sameSubject = prevInSentence && !heardBefore && (prevInSentence.clause === d.clause
        || ((prevInSentence.clause.end >= d.clause.start - 1 || this.onlyAsidesBetween(prevInSentence.clause.end, d.clause.start)) && (this.onlyAdverbs(lead) || OPENED_BY_BING.test(lead) || BING_THEN_PLACE.test(lead))));
      // (…决定授予王乃彦…: an award's recipients are its own; its giver is the subject before; 习近平同苏林举行
      // 会谈，会见…梁强: so are those met, and the one who meets them is the subject before.)
      if (d.participants.every((p) => p.role === 'recipient' || p.role === 'met') && prevInSentence && sameSubject) {
        // …出席启动仪式并致辞: the same actors, in this event's role (those met there meet no one here);
        // members, attendees and organisers stay what they are (…加入联盟并授牌).
        const role = roleFor(d.type, d.match.entry.flags.has('bare'));
        d.participants = dedupeParticipants([...this.subjectSide(prevInSentence, d).filter((p) => p.role !== 'met' && p.role !== 'recipient')
          .map((p) => ({ ...p, role: p.role && KEPT_ROLES.has(p.role) ? p.role : role ?? p.role })), ...d.participants]);
      }
      // (…发布了《…》，并与腾讯、百度等企业签署合作备忘录: the subject before signs with those after 与.)
      else if (d.type === 'signing' && prevInSentence && SIGNING_WITH_OPENING.test(lead) && prevInSentence.clause.end >= d.clause.start - 1) {
        const role = roleFor(d.type, d.match.entry.flags.has('bare'));
        const sides = prevInSentence.participants.filter((p) => p.role !== 'met' && p.role !== 'recipient' && p.role !== 'attendee');
        d.participants = dedupeParticipants([...sides.map((p) => ({ ...p, role: role ?? p.role })), ...d.participants]);
      }
      // 会见…，双方签署…; …共同主持…会晤。会晤后，两国总理共同签署…: both sides are those of the talks
      // or meeting before in the paragraph, in this event's role. (A chunk is a line: the paragraph
      // before is searched at article level, by fillBothSides.)
      if (BOTH_SIDES.test(lead)) {
        let sides: EventParticipant[] | null = null;
        for (let k = i - 1; k >= 0 && !sides && drafts[k].sentence.paragraph === d.sentence.paragraph; k--) sides = sidesOf(drafts[k]);
        // 两国元首共同见证了…的签署: the sides witness it; they do not sign.
        const role = WITNESSED.test(lead) ? 'attendee' : roleFor(d.type, d.match.entry.flags.has('bare'));
        if (sides) d.participants = dedupeParticipants([...sides.map((p) => ({ ...p, role: role ?? p.role })), ...d.participants]);
      }
      if (!d.object && d.type === 'launch' && prevInSentence?.object) d.object = prevInSentence.object;
      // 随后，他来到…调研, 她在致辞中表示: a pronoun subject is the person who acted last in the paragraph.
      // (A body or country right before the trigger is its own subject.)
      const ownSubject = () => this.entities.some((e) => e.end === d.match.start && (e.type === 'organization' || e.type === 'person' || (e.type === 'place' && e.placeKind === 'country')));
      // 随后，总统出席…开幕典禮并致词: a title alone as the subject may stand for the person who held it last
      // in the article (resolved at article level, where every earlier paragraph is known).
      if (!d.participants.some((p) => p.type === 'person') && !ownSubject()) {
        d.subjectAt = d.clause.start + (TITLE_SUBJECT_OPENING.exec(this.text.slice(d.clause.start, d.match.start))?.[0].length ?? 0);
      }
      // (他先后来到柳州、南宁等地，深入…等企业调研: a later clause of the sentence going on without a subject of its
      // own; 他先后来到…，看望慰问…: so does one the trigger opens.)
      const clauseLead = this.text.slice(d.clause.start, d.match.start);
      const pronounLead = PRONOUN_SUBJECT.test(clauseLead)
        || (d.clause.start > d.sentence.start && PRONOUN_SUBJECT.test(this.text.slice(d.sentence.start, d.clause.start)) && (clauseLead === '' || SUBJECTLESS_CLAUSE.test(clauseLead)));
      if (!d.participants.some((p) => p.type === 'person') && pronounLead && !ownSubject()) {
        let person: EventParticipant | undefined;
        for (let k = i - 1; k >= 0 && !person && drafts[k].sentence.paragraph === d.sentence.paragraph; k--) {
          person = drafts[k].participants.find((p) => p.type === 'person' && p.role !== 'met' && p.role !== 'recipient');
        }
        const role = roleFor(d.type, d.match.entry.flags.has('bare'));
        if (person) d.participants = dedupeParticipants([{ ...person, role: role ?? person.role }, ...d.participants]);
        else {
          // (韩振东首先来到…，察看…。随后，他来到…调研: else the person who opens a sentence before, after any title.)
          const subject = this.subjectBefore(this.paragraphs[d.sentence.paragraph].start, d.clause.start);
          if (subject) d.participants = dedupeParticipants([{ text: subject.canonical, type: 'person', role }, ...d.participants]);
        }
      }
    });
  }

  /**
   * The participants of `prev` that `d` shares as its subject: for talks after talks (习近平同苏林举行会谈，
   * 会见…), only those named before the partner's 同/与 (the other side of the talks meets no one here).
   */
  private subjectSide(prev: Draft, d: Draft): EventParticipant[] {
    if (d.type !== 'talks' || prev.type !== 'talks') return prev.participants;
    const lead = this.text.slice(prev.clause.start, prev.match.start);
    const partner = /[同与]/.exec(lead);
    if (!partner) return prev.participants;
    const before = lead.slice(0, partner.index);
    const subject = prev.participants.filter((p) => before.includes(p.text));
    return subject.length ? subject : prev.participants;
  }

  /** The last person in [from, to) who opens a sentence or clause, after any title (省委书记韩振东在…), else undefined. */
  private subjectBefore(from: number, to: number): EntityMention | undefined {
    const persons = this.entitiesIn(from, to).filter((e) => e.type === 'person');
    for (let k = persons.length - 1; k >= 0; k--) {
      const p = persons[k];
      const title = this.entities.find((e) => e.type === 'position' && e.end === p.start);
      const at = title ? title.start : p.start;
      if (at === from || /[。！？；，,\n]/.test(this.text[at - 1] ?? '')) return p;
    }
    return undefined;
  }

  /** 省委决定今年第四季度，对…: a time after the trigger is when, not what (the object is none when that is all). */
  private withoutLeadingDate(o: (Span & { text: string }) | null): (Span & { text: string }) | null {
    if (!o) return o;
    // (2020年度长三角地区主要领导座谈会: a year naming the meeting is part of its name.)
    const date = entitiesStartingIn(this.dates, o.start, o.start).find((e) => e.end <= o.end && (e.end === o.end || /^[，,]/.test(this.text[e.end] ?? '')));
    if (!date) return o;
    const start = date.end + 1;
    return o.end - start >= 2 ? { start, end: o.end, text: this.text.slice(start, o.end) } : null;
  }

  private objectOf(d: Draft, index: number, regionStart: number, drafts: Draft[]): (Span & { text: string }) | null {
    const { text } = this;
    const m = d.match;
    const next = text[m.end] === '了' && STOP.test(text[m.end + 1] ?? '。') ? '' : text[m.end] ?? '';
    const afterEnd = this.afterLimit(index, drafts);
    if (d.background) {
      const before = this.tokensIn(d.clause.start, m.start);
      const shi = before.find((t) => t.word === '是');
      if (shi) return this.np(d.clause.start, shi.start);
      const dui = before.find((t) => t.word === '对');
      if (dui) return this.np(dui.end, m.start);
    }
    // 宣布本届冬奥会开幕: what is declared open starts after 宣布.
    const declared = text.lastIndexOf('宣布', m.start - 1);
    if (declared >= regionStart) regionStart = declared + 2;
    // 在江西考察时强调: the trigger ends a time clause; what follows is what happened then.
    if (/^(?:时|之际|期间)/.test(text.slice(m.end, m.end + 2))) return null;
    // 共同见证签署。: the signing was told before; the witnesses are no object.
    if ((!next || STOP.test(next)) && /见证了?$/.test(text.slice(Math.max(regionStart, m.start - 3), m.start))) return null;
    switch (d.type) {
      case 'speech':
      case 'talks':
        return null;
      case 'meeting': {
        if (m.entry.flags.has('bare')) {
          // 主持例行记者会: the meeting named right after it; 反馈会由…主持: the meeting the clause opens
          // with; else filled from the governing meeting later.
          const named = namedMeeting(text.slice(m.end, afterEnd));
          const at = named ? text.indexOf(named, m.end) : -1;
          if (named && at >= 0) return { start: at, end: at + named.length, text: named };
          const by = MEETING_HOSTED_BY.exec(text.slice(d.clause.start, m.start));
          return by && !GENERIC_MEETING.test(by[1]) ? { start: d.clause.start, end: d.clause.start + by[1].length, text: by[1] } : null;
        }
        // 在巴塞罗那举行的北大西洋议会春季会议的闭幕式上: the name ends at the next 的.
        if (next === '的') {
          let end = this.firstDe(m.end + 1, afterEnd);
          // …举行的新闻发布会上表示: the meeting noun ends before 上/期间 with what was said there.
          const setting = /[会式坛礼典赛展]+(?=上|期间|中|时)/.exec(text.slice(m.end + 1, end));
          if (setting) end = m.end + 1 + setting.index + setting[0].length;
          return this.np(m.end + 1, end, /[上中里内]$|期间$/);
        }
        // 举行工作宴会, 在人民大会堂举行大型签字仪式: what follows the trigger is the meeting.
        if (next && !STOP.test(next)) {
          const after = this.np(m.end, afterEnd) ?? this.np(this.lastDe(m.end, afterEnd), afterEnd);
          if (after) return after;
        }
        // 中国共产党第二十届中央委员会第四次全体会议，于…在北京举行: the meeting's name is the clause before, its subject.
        const subjectClause = this.meetingClauseBefore(d, m.start);
        if (subjectClause) return subjectClause;
        const zai = this.zaiFrame(regionStart, m.start);
        return this.subjectObject(regionStart, zai ?? m.start, d);
      }
      case 'launch': {
        // (并)为示范区第三批制度创新成果揭牌: 为 marks what the plaque is unveiled for.
        // (刘晓东、吴庆文为“…创新中心”揭牌, 县委、县政府为2024年度“…精品村”授牌, 陈立国还为云和县…产业园授牌:
        // after those who unveil it.)
        const beneficiary = /^(?:并|还|同时|也)?为/.exec(text.slice(regionStart, m.start)) ?? FOR_BEFORE_TRIGGER.exec(text.slice(regionStart, m.start));
        if (beneficiary && m.start - regionStart > beneficiary.index + beneficiary[0].length + 1) regionStart += beneficiary.index + beneficiary[0].length;
        const nextTok = this.tokens[m.nextToken]?.word ?? '';
        // …分中心在合肥高新区揭牌成立, 深中通道海底隧道正式开通运营: the subject is what is launched (less the place frame).
        const before = () => {
          // 出席粤港澳大湾区企业家联盟成立典礼: what is launched starts after the verb of attending.
          const attend = [...text.slice(regionStart, m.start).matchAll(ATTENDING)].pop();
          if (attend) regionStart += attend.index! + attend[0].length;
          // (标志着平台正式启动, 宣布大会开幕: what marks or declares it is no part of what is launched.)
          const marks = MARKS_BEFORE.exec(text.slice(regionStart, m.start));
          if (marks) regionStart += marks[0].length;
          // (联盟由四川大学、重庆大学…共同发起: what is launched comes before 由 and those who launch it.)
          const by = BY_FOUNDERS.exec(text.slice(regionStart, m.start));
          if (by && this.entitiesIn(regionStart + by.index + 1, m.start).some((e) => e.type === 'organization' || e.type === 'person')) {
            const np = this.np(regionStart, regionStart + by.index, undefined, true);
            if (np) return np;
          }
          const end = this.zaiFrame(regionStart, m.start) ?? m.start;
          return this.np(regionStart, end, undefined, true) ?? this.np(this.lastDe(regionStart, end), end, undefined, true);
        };
        if (!next || STOP.test(next) || nextTok === '仪式' || nextTok === '典礼' || nextTok === '大会' || next === '的' || IN_SERVICE.test(text.slice(m.end, m.end + 3))) return before();
        return this.np(m.end, afterEnd) ?? before();
      }
      case 'inspection': {
        if (m.entry.flags.has('met')) return null;
        const after = this.np(m.end, afterEnd);
        // 赴四川省能源投资集团有限责任公司调研(座谈): the body visited, unless a place or thing follows.
        const visited = this.entitiesIn(d.clause.start, m.start).find((e) => this.visitedBody(e, m.start));
        if (visited && (!after || ACTIVITY_AFTER_VISIT.test(after.text))) {
          const end = this.visitedSiteEnd(visited, m.start);
          return { start: visited.start, end, text: visited.canonical + this.text.slice(visited.end, end) };
        }
        return after;
      }
      case 'decision': {
        const fixed = m.entry.flags.has('complement') && !CLAUSE_SEP.has(next) ? this.fixedMeetingAt(m.end, d.clause.end) : -1;
        if (fixed >= 0) {
          // 确定2021年度…座谈会|在江苏省召开: the meeting before its frame; 决定于1月中旬召开|…第三次会议: after the verb.
          const frame = text.slice(m.end, fixed).search(/在|于|将|由/);
          if (frame <= 0) return this.np(fixed + 2, d.clause.end);
          // (确定第六次会议|明年|在宣城市举行: the meeting's time is no part of its name.)
          const when = this.dates.find((e) => e.start > m.end && e.start < m.end + frame);
          return this.np(m.end, when ? when.start : m.end + frame);
        }
        if (m.entry.flags.has('complement') && CLAUSE_SEP.has(next)) {
          const clauseEnd = clausesOf(text, d.sentence).find((c) => c.start === m.end + 1)?.end ?? d.sentence.end;
          // (会议决定，将《…（草案）》提请全国人大常委会审议: what is to be done with a document is decided about it.)
          const opens = /^(?:将|把)《?/.exec(text.slice(m.end + 1, m.end + 3));
          const disposed = opens ? this.entitiesStarting(m.end + 1 + opens[0].length, m.end + 1 + opens[0].length).find((e) => e.type === 'document') : undefined;
          if (disposed) return { start: disposed.start, end: disposed.end, text: disposed.canonical };
          const stop = text.slice(m.end + 1, clauseEnd).search(/在|于|将|由/);
          // (会议决定，设立国家级经济技术开发区3家: without a frame the whole clause is the decision.)
          const cut = stop >= 0 ? stop : clauseEnd - m.end - 1;
          // (会议决定，2025年1月在杭州召开…会议: a date alone before the frame; the meeting follows its verb.)
          const meetingVerb = this.fixedMeetingAt(m.end + 1, clauseEnd);
          if (meetingVerb >= 0 && cut > 0 && this.dates.some((e) => e.start === m.end + 1 && e.end === m.end + 1 + cut)) return this.np(meetingVerb + 2, clauseEnd);
          return cut > 0 ? this.np(m.end + 1, m.end + 1 + cut) : null;
        }
        // 审议通过内政部拟具的《…》: the document a body drafted is what is passed.
        const drafted = this.entitiesIn(m.end, afterEnd).find((e) => e.type === 'document' && e.start - m.end <= 24);
        if (drafted && DRAFTED_BY.test(text.slice(m.end, drafted.start))) return { start: drafted.start, end: drafted.end, text: drafted.canonical };
        const after = this.np(m.end, afterEnd);
        // 对打造先进制造业高地作出部署: what the arrangements are for comes after 对.
        const dui = after ? -1 : text.lastIndexOf('对', m.start - 1);
        if (dui >= d.clause.start && /^作出/.test(m.entry.word)) return this.np(dui + 1, m.start);
        return after;
      }
      default: {
        // 现将《…》印发给你们: the thing issued is what 将/把 takes before the trigger; 《…》已经同意，现印发给你们:
        // the document the sentence opens with.
        if (next === '给') {
          const jiang = Math.max(text.lastIndexOf('将', m.start - 1), text.lastIndexOf('把', m.start - 1));
          if (jiang >= regionStart) return this.np(jiang + 1, m.start);
          const doc = this.entitiesIn(d.sentence.start, m.start).find((e) => e.type === 'document');
          return doc ? { start: doc.start, end: doc.end, text: doc.canonical } : null;
        }
        // 授予兰州大学王乃彦等50名科学家国家自然科学奖: the recipients come first; the award is what follows them.
        if (d.type === 'award' && next && !STOP.test(next)) {
          const recipient = this.entitiesIn(m.end, afterEnd).filter((e) => e.type === 'person' || e.type === 'organization').pop();
          if (recipient) {
            const group = RECIPIENT_GROUP.exec(text.slice(recipient.end, afterEnd));
            const award = this.np(recipient.end + (group ? group[0].length : 0), afterEnd);
            if (award) return award;
          }
          // (授予10项成果省自然科学奖一等奖: recipients counted, not named; the award follows them.)
          const counted = COUNTED_RECIPIENTS.exec(text.slice(m.end, afterEnd));
          if (!recipient && counted) {
            const award = this.np(m.end + counted[0].length, afterEnd);
            if (award) return award;
          }
        }
        // 共同签署并发表联合声明: what is signed is what the verb joined by 并 takes.
        const joined = JOINED_VERB_AFTER.exec(text.slice(m.end, m.end + 4));
        // (The joined verb may be a trigger of its own, 发表《…》: its object is read up to the trigger after it.)
        if (joined) return this.np(m.end + joined[0].length, m.end + joined[0].length > afterEnd && index + 1 < drafts.length ? this.afterLimit(index + 1, drafts) : afterEnd);
        if (next && !STOP.test(next)) return this.np(m.end, afterEnd);
        // 《…》已由…修订通过，现予公布: what is hereby made public is the document the sentence opens with.
        if (HEREBY_BEFORE.test(text.slice(regionStart, m.start))) {
          const doc = this.entitiesIn(d.sentence.start, m.start).find((e) => e.type === 'document');
          return doc ? { start: doc.start, end: doc.end, text: doc.canonical } : null;
        }
        // 共同见证《…议定书》签署: what is signed is what 见证 governs.
        const witnessed = WITNESS_VERB.exec(text.slice(regionStart, m.start));
        if (witnessed) {
          const np = this.np(regionStart + witnessed.index + witnessed[0].length, text[m.start - 1] === '的' ? m.start - 1 : m.start);
          if (np) return np;
        }
        // 见证了…合作文件的签署: what is signed is what the verb before 的 governs.
        if (text[m.start - 1] === '的') {
          const verb = this.tokensIn(regionStart, m.start - 1).filter((t) => t.tag === 'v').pop();
          if (verb) return this.np(text[verb.end] === '了' ? verb.end + 1 : verb.end, m.start - 1);
        }
        // 副市长孙哲代表市政府签约。, 国家外汇管理局同日公布，: the subject acts; it is not what is signed or issued.
        const lastActor = this.entitiesIn(regionStart, m.start).filter((e) => e.type === 'person' || e.type === 'organization').pop();
        if (lastActor && ACTOR_THEN_TRIGGER.test(text.slice(lastActor.end, m.start))) return null;
        // …议定书在吉隆坡正式签署: the subject, without the place frame.
        const zai = this.zaiFrame(regionStart, m.start);
        return zai !== null ? this.subjectObject(regionStart, zai, d) : this.np(regionStart, m.start);
      }
    }
  }

  /** Position of the first 的 outside quotes in [start, end), else end. */
  private firstDe(start: number, end: number): number {
    for (let i = start; i < end; i++) if (this.text[i] === '的' && !this.isQuoted(i)) return i;
    return end;
  }

  /** Just after the last 的 outside quotes in [start, end), else start. */
  private lastDe(start: number, end: number): number {
    for (let i = end - 1; i >= start; i--) if (this.text[i] === '的' && !this.isQuoted(i)) return i + 1;
    return start;
  }

  /**
   * A meeting named as the subject (…大会5月11日在北京举行): without trailing dates and adverbs, after
   * the last 的; not when the subject is an actor (联合国在纽约召开…). An empty subject (…活动，六月六日
   * 在北京举行) points back to the head noun of the sentence's previous clause.
   */
  private subjectObject(start: number, end: number, d: Draft): (Span & { text: string }) | null {
    const { text } = this;
    for (let moved = true; moved && end > start;) {
      moved = false;
      const date = this.entities.find((e) => e.type === 'date' && e.end === end && e.start >= start);
      if (date) { end = date.start; moved = true; continue; }
      const adv = /(?:曾经|曾|正|已经|已|将|也|还|又|都|于)$/.exec(text.slice(start, end));
      if (adv && end - adv[0].length > start) { end -= adv[0].length; moved = true; }
    }
    while (end > start && /[\s，,]/.test(text[end - 1])) end--;
    while (end > start && text[end - 1] === '的') end--; // 本次成果展的举办
    if (end <= start) {
      const clauses = clausesOf(text, d.sentence);
      const at = clauses.findIndex((c) => c.start === d.clause.start);
      const prev = at > 0 ? clauses[at - 1] : null;
      return prev ? this.np(this.lastDe(prev.start, prev.end), prev.end) : null;
    }
    start = this.lastDe(start, end);
    if (this.entities.some((e) => e.start <= start && e.end >= end && (e.type === 'person' || e.type === 'organization' || e.type === 'place'))) return null;
    // 华为技术有限公司与深圳市人民政府在深圳签约: actors joined by 与/和, who sign; nothing signed is named.
    if (this.onlyJoinedActors(start, end)) return null;
    return this.np(start, end);
  }

  /** Whether [start, end) is two or more persons or bodies and the words joining them (与, 和, 同, 及, 、) only. */
  private onlyJoinedActors(start: number, end: number): boolean {
    const inside = this.entitiesIn(start, end).filter((x) => x.type === 'person' || x.type === 'organization');
    let at = start, actors = 0;
    while (at < end) {
      const e = inside.find((x) => x.start === at);
      if (e) { at = e.end; actors++; continue; }
      const joiner = /^(?:以及|与|和|同|及|、)/.exec(this.text.slice(at, end));
      if (!joiner || actors === 0) return false;
      at += joiner[0].length;
    }
    return actors >= 2;
  }

  /** Where an object after the trigger ends: clause end, the next trigger, or 暨 (A暨B仪式). */
  private afterLimit(index: number, drafts: Draft[]): number {
    const d = drafts[index];
    let end = d.clause.end;
    // Drafts are in text order: the next trigger is the first later draft.
    let k = index + 1;
    while (k < drafts.length && drafts[k].match.start <= d.match.start) k++;
    const nextTrigger = k < drafts.length && drafts[k].match.start < end ? drafts[k] : undefined;
    if (nextTrigger) end = nextTrigger.match.start;
    return end;
  }

  /** Position of 在 in "NP 在 PLACE (adverbs) TRIGGER", or null. */
  private zaiFrame(regionStart: number, triggerStart: number): number | null {
    const seg = this.text.slice(regionStart, triggerStart);
    const at = seg.lastIndexOf('在');
    if (at <= 0) return null;
    const inner = seg.slice(at + 1);
    if (inner.length === 0 || inner.length > 24 || PUNCT.test(inner.replace(/[()（）]/g, ''))) return null;
    return regionStart + at;
  }

  /**
   * A noun phrase object from [start, end): a document entity or 《…》 at its start wins; otherwise
   * the trimmed span, rejected when it is not a name (contains 的, starts with a quantity, holds a person).
   */
  private np(start: number, end: number, trailing?: RegExp, fromEnd = false): (Span & { text: string }) | null {
    const { text } = this;
    if (end <= start) return null;
    let s = start;
    let e = end;
    if (text[s] === '了' || text[s] === '过') s++;
    // 3.第三届…博览会26日在北京开幕: the item's number opening the paragraph is no part of the name.
    const item = s === 0 || text[s - 1] === '\n' ? NUMBERED_ITEM.exec(text.slice(s, s + 6)) : null;
    if (item) s += item[0].length;
    // 暨 joins two things (倡议暨联盟启动仪式): keep the part next to the trigger.
    const ji = text.slice(s, e).indexOf('暨');
    // (纪念…抗日战争暨世界反法西斯战争胜利80周年大会: one meeting named for both.)
    if (ji >= 0 && !ONE_MEETING_END.test(text.slice(s, e))) {
      if (fromEnd) s = s + ji + 1;
      else e = s + ji;
    }
    let doc: EntityMention | undefined;
    for (const x of this.entitiesStarting(s, s + 1)) if (x.type === 'document' && x.end <= e) { doc = x; break; }
    if (doc && !fromEnd) return { start: doc.start, end: doc.end, text: doc.canonical };
    if (text[s] === '《') {
      const close = text.indexOf('》', s);
      if (close > s && close <= e) return { start: s + 1, end: close, text: text.slice(s + 1, close) };
    }
    if (fromEnd || text[e - 1] === '的') while (e > s && text[e - 1] === '的') e--;
    const words = this.compiled.edgeWords;
    let changed = true;
    while (changed && e > s) {
      changed = false;
      while (s < e && /[\s，,、]/.test(text[s])) { s++; changed = true; }
      for (const w of words) {
        // (联合声明, 联合公报: 联合 is part of the name there, not "jointly".)
        if (text.startsWith(w, s) && e - s > w.length + 1 && !(w === '联合' && JOINT_DOCUMENT.test(text.slice(s + 2, e)))) { s += w.length; changed = true; break; }
        if (e - s > w.length + 1 && text.startsWith(w, e - w.length)) { e -= w.length; changed = true; break; }
      }
      if (trailing) {
        const t = trailing.exec(text.slice(s, e));
        if (t && t[0].length < e - s) { e -= t[0].length; changed = true; }
      }
      while (e > s && /[\s，,、]/.test(text[e - 1])) { e--; changed = true; }
    }
    // 举行“2025中国宏观经济论坛”: the name without its quotes.
    if (e - s > 2 && /[“「]/.test(text[s]) && /[”」]/.test(text[e - 1]) && !/[“”「」]/.test(text.slice(s + 1, e - 1))) { s++; e--; }
    // 签署第16号主席令予以公布: the light verb and what it does are no part of the thing.
    const lightVerb = /予以|加以/.exec(text.slice(s + 2, e));
    if (lightVerb) e = s + 2 + lightVerb.index;
    // 发布数据显示，…: what the thing shows is no part of it; 印发通知部署…: nor what it sets out.
    if (e - s > 3 && /(?:显示|表明)$/.test(text.slice(e - 2, e))) e -= 2;
    const setsOut = /^(?:通知|意见|方案|公告|文件|声明|通报)(?:部署|要求|明确|提出|指出|强调|规定|称)/.exec(text.slice(s, e));
    if (setsOut) e = s + setsOut[0].length - (setsOut[0].endsWith('称') ? 1 : 2);
    // 召开座谈会听取意见建议, 召开会议研究部署…: the meeting, not what it did.
    const meetingThen = MEETING_THEN_VERB.exec(text.slice(s, e));
    if (meetingThen) e = s + meetingThen[1].length;
    const phrase = text.slice(s, e);
    if (phrase.length < 2 || phrase.length > 90) return null;
    // 视察工作, 通报情况: nothing named.
    if (UNNAMED_OBJECT.test(phrase)) return null;
    // 沙特ACWA Power签约 read from the space: a phrase that starts inside a name is no object.
    if (this.entitiesStarting(Math.max(0, s - 32), s - 1).some((x) => x.end > s)) return null;
    if (this.outsideQuotes(s, e).includes('的')) return null;
    if (QUANTIFIED.test(phrase)) return null;
    // Mostly names and titles (李强、娄勤俭…共同启动): those are participants, not the object.
    const people = this.entitiesIn(s, e).filter((x) => x.type === 'person' || x.type === 'position');
    if (people.reduce((n, x) => n + x.end - x.start, 0) * 2 > e - s) return null;
    if (/[。！？；]/.test(phrase)) return null;
    return { start: s, end: e, text: phrase };
  }

  /** Where the recipients of an award start in [start, end): after the last 向/为/给 word there, else -1. */
  private awardedToAt(start: number, end: number): number {
    const to = this.tokensIn(start, end).filter((t) => AWARDED_TO.test(t.word) && t.word.length === 1);
    return to.length ? to[to.length - 1].end : -1;
  }

  private outsideQuotes(s: number, e: number): string {
    let out = '';
    for (let i = s; i < e; i++) if (!this.isQuoted(i)) out += this.text[i];
    return out;
  }

  private participantsOf(d: Draft, prev: Draft | null, object: Span | null): EventParticipant[] {
    const m = d.match;
    let start = Math.max(d.sentence.start, prev ? prev.match.end : d.sentence.start);
    // …宣布项目开工，县长杨涛致辞: a speaker named in the trigger's own clause speaks alone.
    // (Not after a list of officials parted by commas: 苏州市委书记刘小涛，…陆方舟出席并讲话.)
    if (d.type === 'speech' && start < d.clause.start && this.actorsIn(d.clause.start, m.start).some((e) => e.type === 'person')
      && this.tokensIn(start, d.clause.start).some((t) => t.tag === 'v')) start = d.clause.start;
    // 为贯彻落实党中央、国务院决策部署，…联合印发: a leading purpose or basis clause names no actor.
    const frame = FRAME_CLAUSE.exec(this.text.slice(start, m.start));
    if (frame) start += frame[0].length;
    if (d.background) {
      const shi = this.tokensIn(d.clause.start, m.start).find((t) => t.word === '是');
      start = shi ? shi.end : d.clause.start;
    }
    const role = roleFor(d.type, m.entry.flags.has('bare'));
    const out: EventParticipant[] = [];
    // 习近平向…李德仁、薛其坤颁发奖章: those after 向 receive the award.
    const awardedFrom = d.type === 'award' ? this.awardedToAt(start, m.start) : -1;
    // 李家超在利雅得见证特区政府与…签署: those before 见证 witness it; those after it act.
    const witness = WITNESS_VERB.exec(this.text.slice(start, m.start));
    const witnessedAt = witness ? start + witness.index : -1;
    // 听取中央纪委国家监委工作汇报，研究部署…: whose report was heard does not decide, nor do those whose speech
    // is studied (传达学习习近平总书记在中央政治局…的重要讲话精神，研究部署…).
    // (…出席了中国—东盟商务理事会视频会议并发表讲话: the bodies of the meeting attended do not speak.)
    // (…主持召开会商会，视频连线广东省应急管理厅，研究部署…: nor do those reached by video.)
    const aside = [...this.text.slice(start, m.start).matchAll(HEARD_REPORT), ...this.text.slice(start, m.start).matchAll(ATTENDED_MEETING),
      ...this.text.slice(start, m.start).matchAll(VIDEO_LINK),
      // (李强代表党中央、国务院在大会上讲话: those spoken for do not speak; sides signing for them do sign.)
      // (亲属代表邓朴方: 代表 after a noun is a representative, who acts.)
      ...(d.type === 'signing' ? [] : [...this.text.slice(start, m.start).matchAll(ON_BEHALF_OF)].filter((h) => this.entitiesIn(start, start + h.index!).some((e) => e.type === 'person' && e.end === start + h.index!)))]
      .map((h) => ({ start: start + h.index!, end: start + h.index! + h[0].length }));
    for (const e of this.actorsIn(start, m.start)) {
      if (object && e.start >= object.start && e.end <= object.end) continue;
      // (…出席在北京举行的二十国集团峰会，并发表讲话: what an event told as a modifier (举行的…) is about does not act here.)
      // (考察了中国商用飞机有限责任公司，并同陈吉宁举行会谈: what the event before visited does not act in the next.)
      if (prev?.objectSpan && (this.text[prev.match.end] === '的' || prev.type === 'inspection') && e.start >= prev.objectSpan.start && e.end <= prev.objectSpan.end) continue;
      if (aside.some((h) => e.start >= h.start && e.end <= h.end)) continue;
      // (…年会在上海交通大学举行: the venue, not who holds it.)
      if (this.text[e.start - 1] === '在' && this.venueBody(e.start, m.start) === e) continue;
      // (赴四川省能源投资集团有限责任公司调研, 在华为技术有限公司考察: the body visited, not a visitor.)
      if (d.type === 'inspection' && this.visitedBody(e, m.start)) continue;
      // (前往國防部，出席年終記者會並致詞: where the actor went, not who speaks.)
      if (e.type === 'organization' && GOING_TO_BEFORE.test(this.text.slice(Math.max(0, e.start - 2), e.start))) continue;
      const after = this.text.slice(e.end, e.end + 4);
      const own = awardedFrom >= 0 && e.start >= awardedFrom ? 'recipient' : witnessedAt >= 0 && e.end <= witnessedAt ? 'attendee' : role;
      out.push({ text: e.canonical, type: e.type as 'person' | 'organization', role: /^(牵头|主办|承办|组织)/.test(after) ? 'organizer' : own });
    }
    // 12月2日下午，区政府召开全区安全生产工作会议: a body named by its level alone holds the meeting
    // (省政府授予…, 市政府印发…: gives the award, issues the document).
    if ((d.type === 'meeting' || d.type === 'award' || d.type === 'release' || d.type === 'launch') && !out.some((p) => p.type === 'organization')) {
      const body = LEVEL_BODY_HOLDS.exec(this.text.slice(d.clause.start, m.start));
      if (body) out.unshift({ text: body[1], type: 'organization', role });
    }
    // 市委、市政府决定…: a deciding body the recogniser did not name is still the decider.
    if (d.type === 'decision' && out.length === 0) {
      const body = /([^，,。；;：:]{1,12}?)(?:前不久|日前|近日|最近)?$/.exec(this.text.slice(d.clause.start, m.start));
      for (const name of body ? body[1].split('、') : []) {
        if (BODY_SUFFIX.test(name) && name.length <= 8) out.push({ text: name, type: 'organization', role: 'decider' });
      }
    }
    // 省政府与中国农业发展银行…签署: a side of a signing the recogniser did not name (a body named by its
    // level alone) still signs.
    if (d.type === 'signing' && out.length > 0) {
      const side = SIGNING_SIDE_BEFORE.exec(this.text.slice(d.clause.start, m.start));
      if (side && !out.some((p) => p.text === side[1])) out.unshift({ text: side[1], type: 'organization', role });
    }
    // 中国于11月28日正式加入《…》, 安徽省与华为…签署, 新西兰、新加坡、智利三国…签署: a country, province or
    // city opening the trigger's own clause is a party, the state or government it stands for; those
    // of a clause before (商务部宣布，…) only tell of it.
    // (新疆维吾尔自治区召开领导干部大会: a meeting too, when the place holds it with no body named.)
    if (d.type === 'join' || d.type === 'signing' || (d.type === 'meeting' && !out.some((p) => p.type === 'organization'))) {
      const parties = this.actingPlaces(d.clause.start, m.start);
      if (parties.length > 0) {
        const before = new Set(this.actorsIn(start, d.clause.start).map((e) => e.canonical));
        const kept = out.filter((p) => !before.has(p.text));
        out.length = 0;
        out.push(...parties.map((e) => ({ text: e.canonical, type: 'organization' as const, role })), ...kept.filter((p) => !parties.some((e) => e.canonical === p.text)));
      }
    }
    // 授予王乃彦等…国家自然科学奖: those between the trigger and the award receive it.
    if (d.type === 'award' && object && object.start > m.end) {
      for (const e of this.actorsIn(m.end, object.start)) out.push({ text: e.canonical, type: e.type as 'person' | 'organization', role: 'recipient' });
    }
    if (m.entry.flags.has('met')) {
      // 会见出席…圣彼得堡国际经济论坛的…丁薛祥: what those met came to attend is not met.
      const attended = [...this.text.slice(m.end, d.clause.end).matchAll(ATTENDING_WHO)].map((a) => ({ start: m.end + a.index!, end: m.end + a.index! + a[0].length }));
      for (const e of this.actorsIn(m.end, d.clause.end)) {
        if (attended.some((a) => e.start >= a.start && e.end <= a.end)) continue;
        out.push({ text: e.canonical, type: e.type as 'person' | 'organization', role: 'met' });
      }
    }
    // (…主持会议并讲话，市长王强出席: a speech linked by 并 is its clause's subject's, filled later.)
    // 在大会上发言的还有A、B、C等: every one listed after the trigger speaks.
    const listed = d.type === 'speech' && !out.some((p) => p.type === 'person') ? SPEAKERS_LISTED_AFTER.exec(this.text.slice(m.end, m.end + 8)) : null;
    if (listed) {
      for (const e of this.actorsIn(m.end + listed[0].length, d.sentence.end)) if (e.type === 'person') out.push({ text: e.canonical, type: 'person', role: 'speaker' });
    }
    if (d.type === 'speech' && !out.some((p) => p.type === 'person') && !LINKED_BY_BING.test(this.text.slice(Math.max(d.clause.start, m.start - 8), m.start))) {
      // (南昌市消防救援支队、九江市应急管理局作了典型发言。: bodies that speak; the next sentence's speaker is not theirs.)
      const speaker = this.actorsIn(m.end, d.sentence.end).find((e) => e.type === 'person')?.canonical ?? (this.bodiesSpeak(d.clause.start, m.start) ? null : this.lookaheadSpeaker(d.sentence));
      if (speaker) out.push({ text: speaker, type: 'person', role: 'speaker' });
    }
    return dedupeParticipants(out);
  }

  /** Persons and organisations in [start, end), without the organisation a title belongs to (国务院发展研究中心党组书记马建堂). */
  /**
   * The places that open a clause as its subject, alone or listed (中国于…, 安徽省与…, 新西兰、新加坡、智利三国…):
   * countries, provinces and cities followed by a list mark, 与/和/同, a time word or an adverb, never by a noun
   * they qualify (中国企业).
   */
  private actingPlaces(clauseStart: number, end: number): EntityMention[] {
    const out: EntityMention[] = [];
    let at = clauseStart + (CLAUSE_CONNECTIVE.exec(this.text.slice(clauseStart, end))?.[0].length ?? 0);
    for (const e of this.entitiesIn(at, end)) {
      if (e.start !== at) break;
      if (e.type !== 'place' || !ACTING_PLACE_KINDS.has(e.placeKind ?? '')) break;
      // (中国加入…, 新疆维吾尔自治区召开…: the trigger right after the place.)
      if (e.end === end) { out.push(e); break; }
      const after = PARTY_AFTER.exec(this.text.slice(e.end, end));
      if (!after) break;
      out.push(e);
      if (!/^[、与和同]$/.test(after[0])) break;
      at = e.end + after[0].length;
    }
    return out;
  }

  private actorsIn(start: number, end: number): EntityMention[] {
    const inRange = this.entitiesIn(start, end);
    let actors = inRange.filter((e, i) => {
      // The reporter of a dateline credit (（记者王浩）) tells the event; he does not act in it. Nor
      // does a person whose words are the topic (学习习近平总书记重要讲话精神, 李强的讲话).
      if (e.type === 'person') return !CREDIT_SOURCES.has(e.source ?? '') && !this.notActing(e.type, e.end, e.start);
      if (e.type !== 'organization' || this.notActing(e.type, e.end, e.start)) return false;
      const next = inRange[i + 1];
      return !(next && next.start === e.end && (next.type === 'position' || next.type === 'person'));
    });
    // Names recognised elsewhere in the article also count where the recogniser missed them
    // (周艳作… segmented as one word) or cut them short (11家长三角… → 三角…).
    const blockers = inRange.filter((e) => e.type !== 'person' && e.type !== 'organization' && e.type !== 'place');
    for (const { name, type, at } of this.knownActorsIn(start, end)) {
      const span = { start: at, end: at + name.length };
      if (this.notActing(type, span.end, span.start)) continue;
      if (blockers.some((b) => b.start < span.end && b.end > span.start)) continue;
      const overlapping = actors.filter((a) => a.start < span.end && a.end > span.start);
      if (overlapping.some((a) => a.end - a.start >= name.length)) continue;
      actors = actors.filter((a) => !overlapping.includes(a));
      actors.push({ type, ...span, canonical: name, source: 'known name' });
    }
    return actors.sort((a, b) => a.start - b.start);
  }

  /**
   * Whether the person or organisation named up to `end` is named without acting: the news came
   * from it (记者从市交通委获悉), (a person) its words are the topic (学习习近平总书记重要讲话精神), or
   * (a body) it names the meeting of a time clause (出席亚太经合组织…会议期间，).
   */
  /**
   * Where a meeting a decision fixes starts its verb in the decision's clause ([from, clauseEnd): 召开,
   * 举行 or 举办 after a time or place frame or a meeting's name), else -1.
   */
  private fixedMeetingAt(from: number, clauseEnd: number): number {
    const m = FIXED_MEETING.exec(this.text.slice(from, clauseEnd));
    return m ? from + m.index + m[0].length - 2 : -1;
  }

  private notActing(type: string, end: number, start = -1): boolean {
    // 已经国务院同意，现印发给你们: the body that approved does not issue.
    if (type === 'organization' && start > 0 && this.text[start - 1] === '经' && APPROVED_AFTER.test(this.text.slice(end, end + 4))) return true;
    if (type === 'organization' && start > 0 && AT_BEFORE.test(this.text.slice(Math.max(0, start - 21), start)) && MEETING_WHERE.test(this.text.slice(start, end + 30))) return true;
    // 林剑：3月17日晚，习近平…通电话, 新华社记者：…, 总台央视记者：…: the speaker of a transcript's line tells it.
    if (start >= 0 && SPEAKER_LABEL_AFTER.test(this.text.slice(end, end + 4)) && /(?:^|\n)[ \t\u3000]*[\u4e00-\u9fff]{0,4}$/.test(this.text.slice(Math.max(0, start - 8), start))) return true;
    return NEWS_SOURCE_AFTER.test(this.text.slice(end, end + 12)) || REPORTING_AFTER.test(this.text.slice(end, end + 4))
      || (type === 'person' && POSSESSOR_AFTER.test(this.text.slice(end, end + 24)))
      || (type === 'organization' && MEETING_OF_TIME_CLAUSE.test(this.text.slice(end, end + 40)));
  }

  /**
   * Occurrences in [start, end) of person and organisation names recognised anywhere in the
   * article (two characters or more): by name in order of first recognition, then by position.
   */
  private knownActorsIn(start: number, end: number): KnownActorHit[] {
    const trie = this.article.knownActors;
    const { text } = this;
    const hits: KnownActorHit[] = [];
    for (let at = start; at < end; at++) {
      let node: KnownActorNode | undefined = trie;
      for (let i = at; i < end; i++) {
        node = node.next?.get(text.charCodeAt(i));
        if (!node) break;
        if (node.actor) hits.push({ ...node.actor, at });
      }
    }
    return hits.sort((a, b) => a.rank - b.rank || a.at - b.at);
  }

  /** Whether bodies named right before the trigger speak (…九江市应急管理局作了典型发言), not persons of them (政协主席和委员作了…). */
  private bodiesSpeak(clauseStart: number, triggerStart: number): boolean {
    const last = this.actorsIn(clauseStart, triggerStart).pop();
    return !!last && last.type === 'organization' && /^(?:作了?|进行了?)?(?:典型|交流|书面|重点|表态)?$/.test(this.text.slice(last.end, triggerStart));
  }

  /** "X作了讲话。… 李强指出": the first later sentence opened by [title] NAME + a speaking verb. */
  private lookaheadSpeaker(sentence: Sentence): string | null {
    const idx = sentence.index;
    const later = this.sentences.slice(idx + 1, idx + 4);
    for (const s of later) {
      const speaker = speakerOpening(this.text, this.entities, s, this.compiled.speakerVerbs);
      if (speaker) return speaker.canonical;
    }
    // The rest of the three sentences come after the chunk.
    return later.length < 3 ? this.speakerAfter(3 - later.length) : null;
  }

  /** Persons/organisations before each 出席/参加… token (the article-level pass gives them to a meeting). */
  private attendees(): ChunkResult['attendees'] {
    const attend = this.cue('attend');
    const cues = [...attend];
    const firstChars = new Set(cues.map((w) => w.charCodeAt(0)));
    const out: ChunkResult['attendees'] = [];
    for (const t of this.tokens) {
      const joins = this.joinedType(t);
      if (!joins && !firstChars.has(t.word.charCodeAt(0))) continue;
      if (this.inSkip(t) || this.isQuoted(t.start)) continue;
      // 出席会议/l: jieba reads the cue and a generic meeting noun as one word.
      if (!joins && !attend.has(t.word) && !cueAndGenericMeeting(t.word, cues)) continue;
      let index = firstStartingAt(this.sentences, t.start + 1) - 1;
      const sentence = this.sentences[index];
      if (!sentence || t.end > sentence.end) continue;
      // 上海市委书记李强,…;江苏省委书记娄勤俭,…;…李国英出席会议: a list cut by semicolons is one subject.
      let from = sentence.start;
      while (index > 0 && /[；;]\s*$/.test(this.text.slice(this.sentences[index - 1].start, from)) && !this.text.slice(this.sentences[index - 1].start, from).includes('\n')) {
        index--;
        from = this.sentences[index].start;
      }
      // 会见了出席论坛的外方代表: those attending are who 的 introduces, not the subject of the sentence.
      if (!joins && ATTENDING_RELATIVE.test(this.text.slice(t.start, sentence.end))) continue;
      // 派出…官兵参加演习: taking part in an exercise, a contest or a task, not in a meeting.
      if (!joins && NOT_A_MEETING_AFTER.test(this.text.slice(t.end, sentence.end))) continue;
      // (…到厦门象屿集团调研，集团董事长张水利陪同。: a bare 陪同 closes a clause of its own; the visit before is not its subject.)
      const alongside = !!joins && this.text.startsWith('陪同', t.end - 2) && !this.lex.triggers.has(this.text.slice(t.end, t.end + 2));
      // (县委书记赵钟瑞，县委副书记、县长李安民陪同。: clauses before it that tell no event list more of them;
      // 省委书记王晓晖会见…，省长施小琳出席签约仪式: one that tells an event has its own actors.)
      from = this.companionListStart(from, t.start);
      const actors = this.actorsIn(from, t.start).map((e) => ({ text: e.canonical, type: e.type as 'person' | 'organization' }));
      if (joins) {
        // 出席会见的还有A、B: those joining are listed after the trigger, not before the verb.
        const list = this.joinedListStart(t);
        if (list >= 0) {
          const listed = this.actorsIn(list, sentence.end).map((e) => ({ text: e.canonical, type: e.type as 'person' | 'organization' }));
          out.push({ at: t.start, actors: listed, joins });
          continue;
        }
        out.push({ at: t.start, actors, joins, ...(alongside ? { alongside } : {}) });
        continue;
      }
      const meeting = namedMeeting(this.text.slice(t.end, sentence.end));
      // 出席签约仪式, 出席揭牌仪式: the ceremony of a signing or launch told about (no meeting of its own).
      const ceremony = this.lex.triggers.get(CEREMONY_OF.exec(meetingPhrase(this.text.slice(t.end, sentence.end)) ?? '')?.[1] ?? '');
      if (ceremony && ceremony.type !== 'meeting') out.push({ at: t.start, actors, joins: ceremony.type, ceremony: true });
      else out.push({ at: t.start, actors, ...(meeting ? { meeting } : {}) });
    }
    return out;
  }

  /** Where the subject of a bare 陪同 at `at` starts: after the last clause of the sentence (from `from`) that tells an event. */
  private companionListStart(from: number, at: number): number {
    let start = Math.max(this.text.lastIndexOf('，', at), this.text.lastIndexOf(',', at)) + 1;
    while (start > from) {
      const prev = Math.max(this.text.lastIndexOf('，', start - 2), this.text.lastIndexOf(',', start - 2)) + 1;
      const clauseStart = Math.max(prev, from);
      let tellsEvent = false;
      for (let k = firstStartingAt(this.tokens, clauseStart); k < this.tokens.length && this.tokens[k].end < start && !tellsEvent; k++) tellsEvent = this.lex.triggers.has(this.tokens[k].word);
      if (tellsEvent) break;
      start = clauseStart;
    }
    return Math.max(start, from);
  }

  /** Where the list of those joining starts after joining verb `t` and its trigger (出席|会见的还有|…), else -1. */
  private joinedListStart(t: Token): number {
    const at = this.text[t.end] === '了' ? t.end + 1 : t.end;
    for (const len of [2, 4]) {
      const m = JOINED_LIST_AFTER.exec(this.text.slice(at + len, at + len + 8));
      if (m && this.lex.triggers.has(this.text.slice(at, at + len))) return at + len + m[0].length;
    }
    return -1;
  }

  /** The type of the talks or visit a joining verb joins (王毅参加|会见。, 黄坤明陪同|调研。), else null. */
  private joinedType(t: Token): EventType | null {
    // (Runs for every token: the last character rules out almost all before the regex runs.)
    const last = t.word[t.word.length - 1];
    if ((last !== '加' && last !== '同' && last !== '席' && last !== '了') || !JOINING.test(t.word)) return null;
    // 市委书记王建华来到石门村调研，镇党委书记李红陪同。: 陪同 closing its clause accompanies the visit just told.
    if (t.word.endsWith('陪同') && /^[。，,；;！!]/.test(this.text[t.end] ?? '')) return 'inspection';
    const at = this.text[t.end] === '了' ? t.end + 1 : t.end;
    for (const [word, len] of [[this.text.slice(at, at + 2), 2], [this.text.slice(at, at + 4), 4]] as const) {
      const entry = this.lex.triggers.get(word);
      if (!entry || !JOINABLE.has(entry.type)) continue;
      const clauseEnd = this.text.slice(at + len).search(/[，,。；;！!？?\n]|$/);
      if (companionOf(entry.type, this.text.slice(t.start, at), this.text.slice(at + len, at + len + clauseEnd + 1))) return entry.type;
    }
    return null;
  }

  // --- dates ------------------------------------------------------------------------------

  private completeYear(iso: string): string {
    if (this.knownYear === null) return iso;
    return iso.split('/').map((part) => (part.startsWith('--') ? `${this.knownYear}-${part.slice(2)}` : part)).join('/');
  }

  /** Date expressions heading a clause (10月17日,… / 昨日上午,…), not attributes (2019年“芜湖会议”以来). */
  private governingDates(start: number, end: number): EntityMention[] {
    const span = this.input.articleDate?.span;
    return entitiesStartingIn(this.dates, start, end).filter((e) => {
      if (e.end > end) return false;
      if (!e.iso && TIME_OF_DAY.test(e.canonical)) return false;
      if (span && e.start < span.end && e.end > span.start) return false;
      const after = this.text.slice(e.end, e.end + 4);
      // (15日前往, 15日后来: 前往/后来 are words of their own, no "before" or "after".)
      if (/^(?:以来|来|前(?!往)|后(?!来)|起|至今|以前|以后)/.test(after)) return false;
      if (/^\s*(?:电|讯|消息)/.test(after)) return false; // dateline
      let p = e.start - 1;
      while (p >= 0 && /[ \t\u3000]/.test(this.text[p])) p--;
      // 当地时间10月29日，…: the time zone belongs to the date.
      if (p >= 3 && ZONE_TIME.has(this.text.slice(p - 3, p + 1))) {
        p -= 4;
        // (法国当地时间5月6日: so does the place whose time it is.)
        const place = this.entities.find((x) => x.type === 'place' && x.end === p + 1);
        if (place) p = place.start - 1;
      }
      if (p < start) return true;
      const before = this.text[p];
      // 在今天晚上同…会谈, 于5月17日至23日在德班举行, 大会5月11日在北京举行, 25日晚举行: an adverbial date.
      if (before === '在' || before === '于' || /^[在于与同向就晚]/.test(after)) return true;
      // …（记者 张三）12月2日，: a credit or note in brackets ends before the clause the date heads.
      if (/[，,。；;\n（(）)】]/.test(before) || /(?:讯|电|消息)$/.test(this.text.slice(Math.max(0, p - 1), p + 1))) return true;
      // 李强12日在北京会见…: a date right after the subject's name also heads the clause.
      if (this.actorEnds.has(e.start) || this.positionEnds.has(e.start)) return true;
      // 中央纪委国家监委网站12月5日通报…: so does one right before a trigger, whatever stands before it.
      const next = this.tokens[firstStartingAt(this.tokens, e.end)];
      if (next && next.start === e.end && this.lex.triggers.has(next.word)) return true;
      // 市府昨（22）日举行…, 市长今天视察…: a day told relative to today heads its clause wherever it stands
      // (not 今天的中国).
      return RELATIVE_DAY.test(e.canonical) && !this.text.startsWith('的', e.end);
    });
  }

  /** A date's value as a sentence's or event's own date; undefined when it tells no day of its own (今年 unresolved, 当天). */
  private ownDayValue(e: EntityMention): string | null | undefined {
    return e.iso === undefined && NO_OWN_DAY.test(e.canonical) ? undefined : this.dateValue(e);
  }

  private dateValue(e: EntityMention): string | null {
    if (e.iso) return this.completeYear(e.iso);
    // 19日 with no month known here: a marker the article level resolves from the days told before.
    const day = BARE_DAY.exec(e.canonical);
    return day ? `${BARE_DAY_MARK}${day[1].padStart(2, '0')}` : null;
  }

  /** Most specific governing date (day > month > year), the nearest on ties. */
  private pickDate(candidates: EntityMention[]): EntityMention | null {
    const precision = (e: EntityMention) => (e.iso ? (/-\d{2}-\d{2}/.test(e.iso) ? 3 : /-\d{2}/.test(e.iso) ? 2 : 1) : 0);
    let best: EntityMention | null = null;
    for (const c of candidates) if (!best || precision(c) >= precision(best)) best = c;
    return best;
  }

  // --- places -----------------------------------------------------------------------------

  /** An organisation right after a preposition or verb of going, before an inspection's trigger: what is visited. */
  private visitedBody(e: EntityMention, triggerStart: number): boolean {
    return this.visitedSiteEnd(e, triggerStart) >= 0;
  }

  /**
   * Where the site visited ends when `e` is the body visited before the trigger: its end, or the end of
   * its part named after it (来到湖南第一师范学院|城南书院校区|考察); -1 when `e` is no body visited.
   */
  private visitedSiteEnd(e: EntityMention, triggerStart: number): number {
    if (e.type !== 'organization' || !VISITING_BEFORE.test(this.text.slice(Math.max(0, e.start - 2), e.start))) return -1;
    const part = SITE_PART.exec(this.text.slice(e.end, triggerStart));
    const end = e.end + (part ? part[0].length : 0);
    return /^(?:[，,]?(?:进行|开展|实地|专题|深入|走访|调研|考察|视察|检查|督导|慰问|看望)){0,2}$/.test(this.text.slice(end, triggerStart).replace(/[了着]/g, '')) ? end : -1;
  }

  /** An institution that hosts events (上海交通大学, 中央党校) spanning [start, …) with only adverbs before `end`, else null. */
  private venueBody(start: number, end: number): EntityMention | null {
    const body = this.entitiesStarting(start, start).find((x) => x.type === 'organization' && x.end <= end);
    return body && VENUE_BODY.test(body.canonical) && this.onlyAdverbs(this.text.slice(body.end, end)) ? body : null;
  }

  private explicitPlace(d: Draft): string | null {
    const { text } = this;
    const seg = text.slice(d.sentence.start, d.match.start);
    // (前往 as 赴: its last character is where the place starts after.)
    const lastPrep = (from: number) => (from < 0 ? -1 : Math.max(...['在', '于', '到', '赴'].map((w) => seg.lastIndexOf(w, from)), goingAt(seg, from)));
    for (let at = lastPrep(seg.length); at >= 0; at = lastPrep(at - 1)) {
      let s = d.sentence.start + at + 1;
      // 在今年4月日内瓦举办: a date right after the preposition.
      for (let moved = true; moved;) {
        moved = false;
        for (const x of this.entitiesStarting(s, s)) if (x.type === 'date' && x.end <= d.match.start) { s = x.end; moved = true; break; }
      }
      const inner = text.slice(s, d.match.start);
      // 赴云南省昆明市、大理白族自治州，围绕…开展专题调研: where the trip goes, whatever follows in the sentence.
      const going = GOING_VERBS.find((v) => seg.startsWith(v, at - 1));
      if (seg[at] === '赴' || going) {
        // 来到/深入/走进/抵达 count in the trigger's own clause only (来到X，听取…，随后视察Y: not where Y is;
        // 来到X，调研 is arrivalPlace's); 深入长江岸线: a river or lake gone along is no place the event is held.
        if ((going && going !== '前往' && /[，,；;]/.test(text.slice(s, d.match.start)))
          || this.entitiesStarting(s, s).some((x) => x.type === 'place' && x.placeKind === 'water')) continue;
        const run = this.placeRun(s, d.match.start);
        if (run.name && !run.stoppedByName) return run.name;
      }
      const first = this.firstListedPlace(s, d.match.start);
      if (first) return first;
      // 在松北区利民街道，张继红看望慰问…: a place framing the sentence from its start is where it happens.
      if (seg[at] === '在' && SENTENCE_FRAME_BEFORE.test(seg.slice(0, at))) {
        const run = this.placeRun(s, d.match.start);
        if (run.name && !run.stoppedByName && /^[，,]/.test(text.slice(run.end, run.end + 1))) return run.name;
      }
      // 在国家会展中心（上海）开幕: a venue named with its city in brackets.
      const bracketed = /^([^（）]{2,20})（[^（）]{1,8}）$/.exec(inner);
      if (bracketed && this.entitiesIn(s, s + bracketed[1].length).some((x) => x.type === 'place' && x.start === s && x.end === s + bracketed[1].length)) return inner;
      // 在北京人民大会堂同来华进行国事访问的巴西总统卢拉举行会谈: the other side can be a long phrase.
      const withPartner = d.type === 'talks' || d.type === 'signing';
      // (在天津梅江会展中心出席世界经济论坛…年会开幕式并致辞: so can a meeting attended there, before 并.)
      const run = this.placeRun(s, d.match.start);
      const attendedThere = !!run.name && !run.stoppedByName && ATTENDED_THEN.test(text.slice(run.end, d.match.start));
      // (在马来西亚吉隆坡共同见证《…议定书》签署: a signing witnessed there, however long its document's name.)
      if (seg[at] === '在' && run.name && !run.stoppedByName && /^(?:共同)?见证/.test(text.slice(run.end, d.match.start))) return run.name;
      // (A foreign name's middle dot, 埃马纽埃尔·马克龙, breaks no phrase; nor do the quotes of a name, 「一带一路」高峰论坛.)
      if (inner.length <= (withPartner || attendedThere ? 48 : 24) && !PUNCT.test(inner.replace(/[·「」“”]/g, ''))) {
        // 在人民大会堂同来华…的哈萨克斯坦总统…举行会谈: the places right after 在 up to the partner's 同/与
        // (the partner's phrase names places of its own).
        if (withPartner) {
          const opening = this.placeRun(s, d.match.start);
          if (opening.name && !opening.stoppedByName && PARTNER_AFTER_PLACE.test(text.slice(opening.end, opening.end + 1))) return opening.name;
        }
        // The last run of consecutive place entities (在纳米比亚首都温得和克 → 温得和克; 在浙江湖州 → 浙江湖州).
        let name = '';
        let e = -1;
        // Only after a place right at the preposition (not 在这场长三角举办的…: the region is the host there).
        // 在北京分别代表两国政府签署: an "on behalf of" phrase ends the place's part (its 中国 is no venue).
        const behalf = BEHALF.exec(inner);
        const stop = behalf ? s + behalf.index : d.match.start;
        const places = this.entitiesIn(s, stop).filter((x) => x.end <= stop);
        if (!places.some((x) => x.type === 'place' && x.start === s)) places.length = 0;
        for (const x of places) {
          if (x.type !== 'place') continue;
          if (x.start === e) name += x.canonical;
          else name = x.canonical;
          e = x.end;
        }
        // (在北京以视频方式会见: how the event is held is no part of the gap.)
        // (在人民大会堂举行会谈: jieba reads 举行会谈 as one word, so the light verb is in the gap.)
        const gap = e >= 0 ? text.slice(e, stop).replace(HELD_BY, '').replace(LIGHT_VERB_END, '') : '';
        const actorInGap = e >= 0 && this.entitiesIn(e, d.match.start).some((x) => x.type === 'person' || x.type === 'organization');
        // (在人民大会堂北大厅为黄循财举行欢迎仪式: the one it is held for, a person, is no place of its own.)
        if (name && (this.onlyAdverbs(gap) || (gap.length <= 8 && !actorInGap && /^(?:总部|与|同|和|向|联合)/.test(gap)) || (gap.length <= 16 && /^为/.test(gap)))) return name;
        // The first run of places here: the partner's phrase may name places of its own (来华, 巴西总统;
        // 在莫斯科同俄罗斯总理米舒斯京共同主持), and so may what was attended there, which is where the
        // event happens (在上海出席第二届中国国际…博览会开幕式并致辞).
        const opening = this.placeRun(s, stop);
        if (opening.name) {
          if (ATTENDED_THEN.test(text.slice(opening.end, stop)) || /^(?:共同)?见证/.test(text.slice(opening.end, stop))) return opening.name;
          // (在巴西利亚总统府同…举行会谈: a building of the place is part of it.)
          const partner = VENUE_THEN_PARTNER.exec(text.slice(opening.end, d.match.start));
          if (partner) return opening.name + partner[1];
          // (在北京首钢园开幕: a venue of the place, then the trigger.)
          const venue = VENUE_THEN.exec(text.slice(opening.end, stop));
          if (venue && this.onlyAdverbs(venue[2])) return opening.name + venue[1];
        }
      }
      // 在上海交通大学举行: a university or institute right before the trigger is where it is held.
      const venue = seg[at] === '在' ? this.venueBody(s, d.match.start) : null;
      if (venue) return venue.canonical;
      // Without a place entity: a short name ending like a place (在金华市举行), or an abbreviation (在京举行).
      // (Not a kind of place: 到乡镇调研, 深入社区.)
      if (inner.length >= 2 && inner.length <= 8 && !PUNCT.test(inner) && PLACE_SUFFIX.test(inner) && !KIND_OF_PLACE.test(inner)) return inner;
      if (inner.length === 1 && this.cue('place-abbrev').has(inner)) return inner;
      // 在礼宾府会见: a named building no entity covers (not a government: 在市政府召开).
      if (inner.length >= 3 && inner.length <= 8 && !PUNCT.test(inner) && VENUE_NAME.test(inner) && !/政府$/.test(inner)
        && !this.entitiesIn(s, d.match.start).some((x) => x.type === 'person' || x.type === 'organization')) return inner;
      if (at === 0) break;
    }
    return null;
  }

  /**
   * 习近平在利马出席…会议期间，会见…: the place of the time clause (ending 期间, 之际, 时) right before the
   * trigger's clause: "在" + consecutive place entities. Null otherwise.
   */
  private settingPlace(d: Draft): string | null {
    const { text } = this;
    let comma = d.clause.start - 1;
    let from: number;
    // …在慕尼黑出席…会议期间同…举行会谈: the time clause may end inside the trigger's clause.
    const inside = /期间|之际/.exec(text.slice(d.clause.start, d.match.start));
    if (inside) {
      from = d.clause.start;
      comma = d.clause.start + inside.index;
    } else {
      if (comma <= d.sentence.start || !/[，,]/.test(text[comma])) return null;
      from = Math.max(d.sentence.start, text.lastIndexOf('，', comma - 1) + 1, text.lastIndexOf(',', comma - 1) + 1);
      if (!TIME_CLAUSE_END.test(text.slice(from, comma))) return null;
    }
    const zai = text.indexOf('在', from);
    if (zai < 0 || zai > comma) return null;
    const run = this.placeRun(zai + 1, comma);
    return run.name && !run.stoppedByName ? run.name : null;
  }

  /**
   * 他来到湖州南太湖新区，考察了…: the places just arrived at in the clause before, when the trigger
   * opens the next clause (after adverbs only). Null otherwise.
   */
  private arrivalPlace(d: Draft): string | null {
    const { text } = this;
    const comma = text.lastIndexOf('，', d.match.start - 1);
    const gap = text.slice(comma + 1, d.match.start);
    // (…，走访慰问困难群众: a verb of visiting may come first.)
    if (comma <= d.sentence.start || !(this.onlyAdverbs(gap) || VISITING.test(gap))) return null;
    const arrival = ARRIVAL.exec(text.slice(Math.max(d.sentence.start, comma - 24), comma));
    if (!arrival) return null;
    // 来到南昌县、进贤县，: the first place of a list (深入城关镇、柳河乡等地，: whatever 等 closes it with).
    const etc = /等(?:地|处|地方)?$/.exec(arrival[1]);
    const listed = this.firstListedPlace(comma - arrival[1].length, etc ? comma - etc[0].length : comma);
    if (listed) return listed;
    const run = this.placeRun(comma - arrival[1].length, comma);
    // (来到哈尔滨冰雪大世界，看望慰问…: somewhere no place entity names; the event inherits no earlier place.)
    return run.end === comma && run.name ? run.name : MOVED_ON;
  }

  /**
   * 安徽省合肥市肥东县召开…推进会: a province, city, county or town opening the clause right before
   * the trigger acts where it is. (Not a country: 中国与巴西签署 says nothing of where.)
   */
  private subjectPlace(d: Draft): string | null {
    let start = d.clause.start;
    for (const x of this.entitiesStarting(start, start)) if (x.type === 'date') start = x.end;
    const run = this.placeRun(start, d.match.start);
    if (!run.name || run.stoppedByName || !LOCAL_UNIT_END.test(run.name) || !this.onlyAdverbs(this.text.slice(run.end, d.match.start))) return null;
    return run.name;
  }

  /**
   * Consecutive place entities from `start` on inside [start, end) (浙江|湖州 → 浙江湖州): their names
   * joined, where they end, and whether a person, organisation or other entity right after them stopped the run.
   */
  private placeRun(start: number, end: number): { name: string; end: number; stoppedByName: boolean } {
    let name = '';
    let at = start;
    for (const x of this.entitiesIn(start, end)) {
      if (x.start !== at) break;
      if (x.type !== 'place') return { name, end: at, stoppedByName: true };
      name += x.canonical;
      at = x.end;
    }
    return { name, end: at, stoppedByName: false };
  }

  /**
   * 在四川成都、绵阳调研: [start, end) is places listed with 、 (and nothing else); the first of them
   * (consecutive place entities joined: 四川成都) is where the event starts. Null otherwise.
   */
  private firstListedPlace(start: number, end: number): string | null {
    const inner = this.text.slice(start, end);
    if (!inner.includes('、') || inner.length > 32 || PUNCT.test(inner.replace(/、/g, ''))) return null;
    const items = this.entitiesIn(start, end);
    if (items.length < 2 || items[0].start !== start || items[items.length - 1].end !== end) return null;
    let name = '';
    let listed = false;
    for (let k = 0; k < items.length; k++) {
      const x = items[k];
      const joint = this.text.slice(k === 0 ? start : items[k - 1].end, x.start);
      if (x.type !== 'place' || (joint !== '' && joint !== '、')) return null;
      if (joint === '、') listed = true;
      else if (!listed) name += x.canonical;
    }
    return listed ? name : null;
  }

  /**
   * Whether the clauses in [from, to) only tell what a meeting heard or studied (…召开会议，传达学习…精神，
   * 听取…汇报，研究部署…): the clause after them goes on with the meeting's subject.
   */
  private onlyAsidesBetween(from: number, to: number): boolean {
    const clauses = this.text.slice(from, to).split(/[，,]/).filter((c) => c.length > 0);
    return clauses.length > 0 && clauses.every((c) => WHOLE_HEARD_REPORT.test(c) || WHOLE_VIDEO_LINK.test(c));
  }

  private onlyAdverbs(gap: string): boolean {
    if (gap.length > 6 || PUNCT.test(gap)) return false;
    const words = this.compiled.adverbs;
    let rest = gap;
    for (let changed = true; changed && rest;) {
      changed = false;
      for (const w of words) if (rest.startsWith(w)) { rest = rest.slice(w.length); changed = true; break; }
    }
    return rest === '';
  }
}

interface KnownActor {
  name: string;
  type: 'person' | 'organization';
  /** Order of first recognition in the article. */
  rank: number;
}

interface KnownActorHit extends KnownActor {
  at: number;
}

interface KnownActorNode {
  next?: Map<number, KnownActorNode>;
  actor?: KnownActor;
}

function roleFor(type: EventType, host: boolean): string | undefined {
  if (host) return 'host';
  switch (type) {
    case 'speech': return 'speaker';
    case 'signing': return 'signatory';
    case 'inspection': return 'visitor';
    case 'talks': return 'host';
    case 'join': return 'member';
    case 'launch': return 'initiator';
    case 'release': return 'issuer';
    case 'award': return 'awarder';
    default: return undefined;
  }
}

/** The two (or more) sides of talks or a meeting: its persons, else its organisations (两省市 → the delegations). */
function sidesOf(e: { type: EventType; participants: readonly EventParticipant[] }): EventParticipant[] | null {
  if (e.type !== 'talks' && e.type !== 'meeting') return null;
  // (会见…梁强、…范明政: one side meeting several is no pair of sides.)
  if (e.participants.filter((p) => p.role === 'met').length >= 2) return null;
  const persons = e.participants.filter((p) => p.type === 'person');
  if (persons.length >= 2) return persons;
  const bodies = e.participants.filter((p) => p.type === 'organization');
  return persons.length === 0 && bodies.length >= 2 ? bodies : null;
}

function dedupeParticipants(list: EventParticipant[]): EventParticipant[] {
  const seen = new Set<string>();
  return list.filter((p) => (seen.has(p.text) ? false : (seen.add(p.text), true)));
}

/** One line: `10-17 上海市普陀区: 召开 首届…研讨会 (杜平, 肖文高 …)`. */
function summarize(d: Pick<FinalDraft, 'date' | 'place' | 'participants' | 'object'>, trigger: string): string {
  const where = [d.date ? d.date.replace(/^--/, '').replace(/\/--/, '/') : '', d.place ?? ''].filter(Boolean).join(' ');
  const names = d.participants.map((p) => p.text);
  const who = names.length ? ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ' …' : ''})` : '';
  return `${where ? `${where}: ` : ''}${trigger}${d.object ? ` ${d.object}` : ''}${who}`;
}
