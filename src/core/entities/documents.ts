/**
 * Named documents: titles in 《…》 (span = the title without the marks), and unmarked names of
 * plans, initiatives, reports … that follow a verb of issuing or implementing
 * (发布了长三角县市区高质量一体化发展倡议, 审定了…2020年度工作计划和重点合作事项清单),
 * or 关于…的意见/通知/决定. Generic mentions (规划, 这个方案, 新一轮三年行动计划) are not names.
 */
import type { EntityMention } from '../types';

/** Longer suffixes first so 规划纲要 wins over 规划 and 倡议书 over 倡议. */
const SUFFIXES = [
  '倡议书', '倡议', '实施方案', '方案', '规划纲要', '规划', '纲要', '白皮书', '指导意见', '实施意见', '意见',
  '通知', '决议', '决定', '办法', '条例', '行动计划', '工作计划', '计划', '清单', '协议书', '协议', '备忘录', '宣言',
  '公报', '报告', '指数', '指南', '细则', '章程', '公约', '议定书', '框架协议', '路线图', '行动纲领', '战略纲要', '议案',
  '总预算案', '预算案', '纲领', '协定', '条约',
];
const SUFFIX_ALT = SUFFIXES.join('|');

/** Verbs after which a document name starts (not inside 发布会, 发布者: see UNMARKED). */
const VERBS = [
  '联合发布', '正式发布', '发布', '印发', '审定', '审议通过', '审议', '编制实施', '研究编制', '编制', '实施',
  '落实', '发出', '出台', '制定', '签署', '签订', '颁布', '公布', '贯彻', '执行', '起草', '修订', '通过',
  '发起', '推出', '批复', '下发', '宣读', '解读',
];
const VERB_ALT = VERBS.join('|');

/** Characters a name may contain: CJK, Latin letters, digits and half/full-width brackets. */
const NAME_CHAR = '[\\u4e00-\\u9fffA-Za-z0-9０-９()（）·—\\-]';
/** Words that make the mention generic, a coordination of several things, or a clause (通过…平台发表意见), not one name. */
/** Words that open a mention of some document rather than its name (这个方案, 一系列文件, 新一轮计划). */
const SOME_DOCUMENT = '这|那|该|此|本|其|各|有关|相关|上述|一系列|一批|一些|若干|新一轮';
const NOT_A_NAME = new RegExp(`^(?:${SOME_DOCUMENT}|以上|多项|系列|具体|重要|工作|涵盖|包括|包含|涉及)|^(?:[0-9一二三四五六七八九十两几数百千]+(?:余|多)?|多)[项份个件部批条]|和(?![平谐睦])|(?<!参)与|(?<!普)及|(?<![合兼])并|[或、的]|(?<![高平中初同均])等|发表|提出|听取|征求|^(?:通过|了)`);

/** Kinds of document rather than names of one (战略合作协议, 工作方案). */
const GENERIC = new RegExp(`^(?:战略|全面|深度|框架|合作|投资|项目|采购|工作|行动|发展|实施|专项|年度|三年|五年)+(?:${SUFFIX_ALT})$`);

const UNMARKED = new RegExp(`(${VERB_ALT})(?![会者人厅])(?:了|的)?(${NAME_CHAR}{4,40}?(?:${SUFFIX_ALT}))`, 'g');
const CONJUNCT = new RegExp(`^(?:和|及|与|以及|、)(${NAME_CHAR}{2,30}?(?:${SUFFIX_ALT}))`);
const ABOUT = new RegExp(`关于[^，。,；;！？!?\\n《》“”]{2,50}?的(?:${SUFFIX_ALT})`, 'g');
const TITLE = /《([^《》\n]{1,100})》/g;
/** A name in quotes (“…” or 「…」) with no punctuation of a sentence inside. */
const QUOTED = /[“「]([^“”「」《》\n，,。；;！？!?：:]{4,60})[”」]/g;
/** A law in quotes before the word for its draft or amendment (「国土安全法」草案, “反间谍法”修正案). */
/** Laws named after a verb of passing or making them, listed with 、 up to the clause's end or 等. */
const LAWS_PASSED = /(?:表决通过|审议通过|通过|制定|颁布|公布|施行|修订)了?([\u4e00-\u9fff、]{3,120}?)(?=等|[，,。；;：:\n]|$)/g;
/** Where a law's name may end in a list or a clause (…法、, …法修订草案等, …法。). */
const LAW_END = /法典?(?:修订草案|修正草案|草案|修正案)?(?:[、等，,。；;：:\n]|$)/;
/** A law's name as a list item: a field and 法 or 法典, or its draft or amendment (能源法, 矿产资源法修订草案, 生态环境法典草案). */
const LAW_NAME = /^[\u4e00-\u9fff]{2,16}法典?(?:修订草案|修正草案|草案|修正案)?$/;
/** Items ending in 法 that name no law: ways, kinds and acts (这种方法, 执法, 依法), or what opens a mention of some law. */
const NOT_A_LAW = /^(?:这|那|该|此|本|其|各|有关|相关|上述|新|一)|[种的个些]|(?:方|做|办|看|想|说|手|写|用|技|算|疗|语|兵|司|执|违|合|立|依|守|犯|变|魔|书|画|笔|刀|剑|拳|打)法$/;
const QUOTED_LAW = /[“「]([^“”「」《》\n，,。；;！？!?：:]{2,30}?(?:法|条例|法案))[”」](?=(?:修正)?草案|修正案|修法)/g;
const DOCUMENT_END = new RegExp(`(?:${SUFFIX_ALT})$`);
/** Quoted words that are no name of one document (“这个方案”, “一揽子计划”). */
const QUOTED_NOT_A_NAME = new RegExp(`^(?:${SOME_DOCUMENT}|一揽子)`);

/** Periodicals are named in 《》 too; they are media, not documents. */
const PERIODICAL = /(?:日报|晚报|早报|时报|周刊|周报|杂志|画报|学报|月刊|半月刊|求是|报)$/;
const AFTER_PERIODICAL = /^(?:杂志|报社|记者|编辑部|节目|栏目|频道|微信公众号|客户端)/;

/** Issuer before a verb of issuing: 国务院印发《…》 → 国务院. */
const ISSUER_VERB = /(?:联合)?(?:印发|发布|出台|公布|颁布|制定|下发|批复|审议通过)了?$/;
const ISSUER_TAIL = /([\u4e00-\u9fff、]{2,30})$/;
const TIME_WORDS = '(?:近日|日前|今天|今日|昨日|昨天|此前|最近|近期|同时|会上|会议|并|还|也|已|正式)';
const LEADING_TIME = new RegExp(`^${TIME_WORDS}+`);
const TRAILING_TIME = new RegExp(`${TIME_WORDS}+$`);
const ORG_END = /(?:中央|国务院|院|部|委|委员会|会|局|厅|办|办公室|政府|署|行|所|中心|组|党|处|联盟|集团|公司)$/;

function issuerBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 40), start);
  const verb = ISSUER_VERB.exec(before);
  if (!verb) return undefined;
  const tail = ISSUER_TAIL.exec(before.slice(0, verb.index));
  if (!tail) return undefined;
  const issuer = tail[1].replace(TRAILING_TIME, '').replace(LEADING_TIME, '');
  return issuer.length >= 2 && ORG_END.test(issuer) ? issuer : undefined;
}

function mention(text: string, start: number, end: number, source: string, issuerAt: number): EntityMention {
  const m: EntityMention = { type: 'document', start, end, canonical: text.slice(start, end), source };
  const issuer = issuerBefore(text, issuerAt);
  if (issuer) m.issuer = issuer;
  return m;
}

/** A name's brackets all close inside it (全国CPI（居民消费价格指数 is cut off mid-bracket: no name). */
function bracketsClosed(name: string): boolean {
  let depth = 0;
  for (const c of name) {
    if (c === '（' || c === '(') depth++;
    else if (c === '）' || c === ')') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** What amends an agreement named right before it (…自由贸易协定|升级议定书, …条约|补充议定书). */
const AMENDING = /^(?:升级|修订|补充|附加)(?:议定书|协议书|协议|协定)/;
/** Two parties joined before a document's name (中国与塞尔维亚…协定): the words on either side of 与/和/同. */
const TWO_PARTIES = /^([\u4e00-\u9fff]{1,8}?)(?:与|和|同)([\u4e00-\u9fff]{1,8}?)(?=[\u4e00-\u9fff]{2})/;

/**
 * Whether a name NOT_A_NAME refuses only for the 与 that joins two countries before it (中国与塞尔维亚
 * 自由贸易协定): the rest after the second country is a name by itself.
 */
function twoCountriesName(name: string, isCountry: (word: string) => boolean): boolean {
  const m = TWO_PARTIES.exec(name);
  if (!m || !isCountry(m[1])) return false;
  for (let end = m[0].length; end < name.length - 2; end++) {
    const second = name.slice(m[0].length - m[2].length, end);
    if (isCountry(second)) {
      const rest = name.slice(end);
      return !NOT_A_NAME.test(rest) && !GENERIC.test(rest);
    }
  }
  return false;
}

/** Formal names of treaties (not 协议, 备忘录: 合作协议 names a kind as often as one). */
const TREATY_SUFFIX = '议定书|协定|条约|公约';
/**
 * A treaty's name opening its clause (after a connective), then the verb telling it signed or in force,
 * with only a time, a place and adverbs between (…升级议定书已于10月28日在吉隆坡正式签署, …协定于1月1日生效).
 * A point between digits is part of the name (3.0版).
 */
const TREATY_BEFORE_VERB = new RegExp(`((?:^|[\\n。；;！？，,])(?:另外|此外|同时|其中|目前|据悉|而)?[，,]?)((?:${NAME_CHAR}|\\.(?=[0-9]))(?:${NAME_CHAR}|\\.(?=[0-9])){3,39}?(?:${TREATY_SUFFIX}))(?=(?:（[A-Za-z0-9]{2,10}）)?(?:已经?|将|也|还|均)?(?:于|在)?[^，,。；;！？\\n]{0,24}?(?:正式)?(?:签署|签订|生效|实施|落地))`, 'g');
const TREATY_WORD = new RegExp(TREATY_SUFFIX);
/** A treaty's name after a verb of furthering, joining or keeping it (推动…升级议定书尽早生效, 加入…协定, 履行…公约). */
const TREATY_AFTER_VERB = new RegExp(`(?:推动|推进|加快|批准|加入|商签|用好|完成|达成|遵守|履行|升级)(?:了|好)?((?:${NAME_CHAR}|\\.(?=[0-9])){4,39}?(?:${TREATY_SUFFIX}))`, 'g');
/** What names a kind of treaty, not one treaty (双边投资协定, 区域全面经济伙伴关系协定 is left out too): nothing else is left. */
const KIND_OF_TREATY_WORDS = /双边|多边|区域|自由贸易|自贸|投资|合作|贸易|经贸|全面|经济|伙伴关系|战略|友好|保护|促进|相关|国际/g;
/** Verbs and prepositions of a clause: the words before the treaty are a subject and its verb, no name (双方同意推动…协定). */
const CLAUSE_WORDS = new RegExp(`${VERB_ALT}|推动|推进|加快|同意|希望|表示|宣布|完成|认为|指出|强调|要求|支持|欢迎|是|要|将|把|使|让|对|就|向|从|被`);
/** Two parties or some of them opening a name (两国合作协定, 双方…): an agreement told, not named. */
const SOME_PARTIES = /^(?:两国|双方|各方|三方|多方|中外|有关|相关)/;

/** `isCountry`: whether a word names a country (a name may then start with two countries joined by 与). */
export function findDocuments(text: string, isCountry: (word: string) => boolean = () => false): EntityMention[] {
  const found: EntityMention[] = [];

  for (const m of text.matchAll(TITLE)) {
    const title = m[1].trim();
    if (!title || PERIODICAL.test(title) || AFTER_PERIODICAL.test(text.slice(m.index + m[0].length))) continue;
    const start = m.index + 1 + m[1].indexOf(title);
    found.push(mention(text, start, start + title.length, 'title-marks', m.index));
  }

  for (const m of text.matchAll(UNMARKED)) {
    const name = m[2];
    const start = m.index + m[0].length - name.length;
    if ((NOT_A_NAME.test(name) && !twoCountriesName(name, isCountry)) || GENERIC.test(name) || /《|》/.test(name) || !bracketsClosed(name)) continue;
    // (自由贸易协定|升级议定书: an agreement's protocol is named after it.)
    const end = start + name.length + (AMENDING.exec(text.slice(start + name.length, start + name.length + 8))?.[0].length ?? 0);
    found.push(mention(text, start, end, 'document-name', m.index + m[1].length));
    // …工作计划和重点合作事项清单: a second name shares the verb.
    const next = CONJUNCT.exec(text.slice(end, end + 40));
    if (next && !NOT_A_NAME.test(next[1]) && !GENERIC.test(next[1]) && bracketsClosed(next[1])) {
      const s2 = end + next[0].length - next[1].length;
      found.push(mention(text, s2, s2 + next[1].length, 'document-name', m.index + m[1].length));
    }
  }

  // 中国—东盟自由贸易区3.0版升级议定书已于10月28日正式签署: a treaty's name opening the clause that tells it signed or in force.
  // (The pattern has no literal to start from; most paragraphs name no treaty at all.)
  if (TREATY_WORD.test(text)) {
    for (const m of text.matchAll(TREATY_BEFORE_VERB)) {
      const name = m[2];
      if (NOT_A_NAME.test(name) || GENERIC.test(name) || SOME_PARTIES.test(name) || CLAUSE_WORDS.test(name) || !bracketsClosed(name)) continue;
      const start = m.index + m[1].length;
      found.push(mention(text, start, start + name.length, 'document-name', start));
    }
  }

  // 推动中国—东盟自由贸易区3.0版升级议定书尽早生效: a treaty's name after a verb of furthering it.
  if (TREATY_WORD.test(text)) {
    for (const m of text.matchAll(TREATY_AFTER_VERB)) {
      const name = m[1];
      if (NOT_A_NAME.test(name) || GENERIC.test(name) || SOME_PARTIES.test(name) || CLAUSE_WORDS.test(name) || !bracketsClosed(name)) continue;
      if (name.replace(new RegExp(`(?:${TREATY_SUFFIX})$`), '').replace(KIND_OF_TREATY_WORDS, '').length < 2) continue;
      const start = m.index + m[0].length - name.length;
      found.push(mention(text, start, start + name.length, 'document-name', start));
    }
  }

  // 「国土安全法」草案, “…条例”修正案: a law in quotes, named by the draft or amendment after it.
  for (const m of text.matchAll(QUOTED_LAW)) {
    if (QUOTED_NOT_A_NAME.test(m[1])) continue;
    found.push(mention(text, m.index + 1, m.index + 1 + m[1].length, 'document-quoted', m.index));
  }

  // 表决通过了矿产资源法修订草案、能源法、…等法律: laws listed after a verb of passing, each by its name.
  // (Only where a law's name may end: most paragraphs have none.)
  if (LAW_END.test(text)) {
    for (const m of text.matchAll(LAWS_PASSED)) {
      let at = m.index + m[0].length - m[1].length;
      for (const item of m[1].split('、')) {
        const name = LAW_NAME.exec(item)?.[0];
        if (name && !NOT_A_LAW.test(name)) found.push(mention(text, at, at + name.length, 'document-law', m.index));
        at += item.length + 1;
      }
    }
  }

  // 通过「国家气候变迁调适行动计划」, 印发“…三年行动方案”: a name in quotes that ends as a document does.
  for (const m of text.matchAll(QUOTED)) {
    const name = m[1];
    if (!DOCUMENT_END.test(name) || GENERIC.test(name) || QUOTED_NOT_A_NAME.test(name)) continue;
    found.push(mention(text, m.index + 1, m.index + 1 + name.length, 'document-quoted', m.index));
  }

  for (const m of text.matchAll(ABOUT)) {
    found.push(mention(text, m.index, m.index + m[0].length, 'document-about', m.index));
  }

  return dropOverlaps(found);
}

/** Keeps the longest of overlapping mentions, in text order. */
function dropOverlaps(mentions: EntityMention[]): EntityMention[] {
  const byLength = [...mentions].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: EntityMention[] = [];
  for (const m of byLength) {
    if (kept.every((k) => m.end <= k.start || m.start >= k.end)) kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
