/**
 * Policy slogans and formulas (六稳, 一网通办, 长三角一体化 …) from the bundled glossary
 * (data/policy-glossary.tsv), found by longest match with a character trie in one pass.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityMention } from '../types';

export interface GlossaryEntry {
  term: string;
  gloss: string;
  aliases?: string[];
  /** Match only when the occurrence stands alone inside quotation marks (“一极”). */
  quotedOnly?: boolean;
}

export const GLOSSARY_FILE = 'policy-glossary.tsv';
const KNOWN_FLAGS = new Set(['quoted']);

/** Parses the glossary TSV; throws an Error naming the line on malformed or duplicate entries. */
export function parseGlossary(content: string, source = GLOSSARY_FILE): GlossaryEntry[] {
  const entries: GlossaryEntry[] = [];
  const seen = new Set<string>();
  content.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/^\uFEFF/, '');
    if (!line.trim() || line.startsWith('#')) return;
    const where = `${source}:${index + 1}`;
    const [term = '', gloss = '', aliasField = '', flagField = ''] = line.split('\t').map((c) => c.trim());
    if (!term || !gloss) throw new Error(`${where}: expected term<TAB>gloss[<TAB>aliases[<TAB>flags]]`);
    const aliases = aliasField ? aliasField.split(',').map((a) => a.trim()).filter(Boolean) : [];
    const flags = flagField ? flagField.split(',').map((f) => f.trim()).filter(Boolean) : [];
    for (const f of flags) if (!KNOWN_FLAGS.has(f)) throw new Error(`${where}: unknown flag "${f}"`);
    for (const form of [term, ...aliases]) {
      if (seen.has(form)) throw new Error(`${where}: duplicate term "${form}"`);
      seen.add(form);
    }
    const entry: GlossaryEntry = { term, gloss };
    if (aliases.length) entry.aliases = aliases;
    if (flags.includes('quoted')) entry.quotedOnly = true;
    entries.push(entry);
  });
  return entries;
}

const cache = new Map<string, GlossaryEntry[]>();

export function loadGlossary(dataDir: string): GlossaryEntry[] {
  let entries = cache.get(dataDir);
  if (!entries) {
    const file = join(dataDir, GLOSSARY_FILE);
    entries = parseGlossary(readFileSync(file, 'utf8'), file);
    cache.set(dataDir, entries);
  }
  return entries;
}

/** Trie over UTF-16 code units (looked up with charCodeAt: no one-character strings per step). */
interface TrieNode {
  next: Map<number, TrieNode>;
  entry?: GlossaryEntry;
}

/** A glossary's trie, and the code units its forms start with (1), so that most offsets cost one array read. */
const tries = new WeakMap<readonly GlossaryEntry[], { root: TrieNode; firstUnits: Uint8Array }>();

function trieOf(glossary: readonly GlossaryEntry[]): { root: TrieNode; firstUnits: Uint8Array } {
  let trie = tries.get(glossary);
  if (trie) return trie;
  const root: TrieNode = { next: new Map() };
  for (const entry of glossary) {
    for (const form of [entry.term, ...(entry.aliases ?? [])]) {
      // Text is matched one code unit at a time against whole code points, so forms outside the BMP never match.
      if (/[\uD800-\uDFFF]/.test(form)) continue;
      let node = root;
      for (let k = 0; k < form.length; k++) {
        const code = form.charCodeAt(k);
        let child = node.next.get(code);
        if (!child) node.next.set(code, (child = { next: new Map() }));
        node = child;
      }
      node.entry ??= entry;
    }
  }
  const firstUnits = new Uint8Array(65536);
  for (const code of root.next.keys()) firstUnits[code] = 1;
  trie = { root, firstUnits };
  tries.set(glossary, trie);
  return trie;
}

const OPEN_QUOTES = '“‘「『"\'';
const CLOSE_QUOTES = '”’」』"\'';

function standsInQuotes(text: string, start: number, end: number): boolean {
  return start > 0 && OPEN_QUOTES.includes(text[start - 1]) && end < text.length && CLOSE_QUOTES.includes(text[end]);
}

export function findPolicyTerms(text: string, glossary: readonly GlossaryEntry[]): EntityMention[] {
  const { root, firstUnits } = trieOf(glossary);
  const out: EntityMention[] = [];
  let i = 0;
  while (i < text.length) {
    if (!firstUnits[text.charCodeAt(i)]) {
      i++;
      continue;
    }
    // The longest term starting here whose context fits wins.
    let hit: GlossaryEntry | undefined, hitEnd = -1;
    let node: TrieNode | undefined = root;
    for (let j = i; j < text.length && node; j++) {
      node = node.next.get(text.charCodeAt(j));
      const entry = node?.entry;
      if (entry && (!entry.quotedOnly || standsInQuotes(text, i, j + 1))) { hit = entry; hitEnd = j + 1; }
    }
    if (!hit) {
      i++;
      continue;
    }
    out.push({
      type: 'policy', start: i, end: hitEnd, canonical: text.slice(i, hitEnd), gloss: hit.gloss, source: 'glossary',
    });
    i = hitEnd;
  }
  return out;
}

/**
 * A slogan in quotes named as a strategy, project, campaign, idea or reform by the word after it (“千项万亿”工程,
 * “模塑申城”行动, “如我在诉”理念, “证照分离”改革; 弘扬“上海精神”; 以“高效办成一件事”为牵引): a policy the glossary does not list. Only heads that
 * make the quoted words a policy count; a quoted brand, craft or activity name (“科里科气”城市品牌,
 * “天宫”空间站, “高铁进山城”主题活动) is none.
 */
/** What a quoted slogan may hold: no quotes, titles, line breaks or clause punctuation. */
const SLOGAN_CHAR = '[^“”「」《》\\n，。；：,;:!?！？]';
const QUOTED_SLOGAN = new RegExp(`[“「](${SLOGAN_CHAR}{2,16})[”」](?=(?:发展|重大|重点|系列)?(?:战略|工程|行动|理念|方针|政策|攻坚战|工作法|精神|改革))`, 'g');
/** A quoted slogan a programme is led by (以“高效办成一件事”为牵引, 以“两山”理念为引领 is the head's). */
const QUOTED_LEAD = new RegExp(`(?<=以[“「])(${SLOGAN_CHAR}{2,16})(?=[”」]为(?:牵引|抓手|引领|统领|主线|突破口|载体))`, 'g');

/** A quoted spirit carried on (弘扬“上海精神”, 践行“丝路精神”): the head is inside the quotes. */
const QUOTED_SPIRIT = new RegExp(`(?<=(?:弘扬|践行|秉持|传承|发扬)[“「])(${SLOGAN_CHAR}{1,12}精神)(?=[”」])`, 'g');

/** A numbered formula in quotes (“三大定位”, “五个更大”, “两个确立”, “四个意识”): a 提法 whatever follows it (not “一个错误”: 一个 is "a"). */
const QUOTED_NUMBERED = /(?<=[“「])((?!一个)[一二三四五六七八九十两]{1,2}(?:个|大|项|张|条)[\u4e00-\u9fff]{1,4})(?=[”」])/g;

/**
 * A programme or strategy whose head is inside the quotes (“一号开放工程”, “百千万工程”, “春风行动”, “蓝天保卫战”); no
 * phrase with 的, 了 or 是. (Not 计划: a quoted plan is a document.)
 */
const QUOTED_PROGRAMME = new RegExp(`(?<=[“「])(${SLOGAN_CHAR}{2,12}(?:工程|战略|行动|攻坚战|保卫战))(?=[”」])`, 'g');

export function findQuotedSlogans(text: string): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of [...text.matchAll(QUOTED_SLOGAN), ...text.matchAll(QUOTED_SPIRIT), ...text.matchAll(QUOTED_LEAD), ...text.matchAll(QUOTED_PROGRAMME), ...text.matchAll(QUOTED_NUMBERED)]) {
    const name = m[1];
    if (/[的了是]/.test(name)) continue;
    // Mostly Han (人工智能+, 数据要素×, 15分钟社区生活圈 pass; a quoted English title does not).
    if ((name.match(/[\u4e00-\u9fff]/g)?.length ?? 0) < Math.max(2, name.length - 4)) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ type: 'policy', start, end: start + name.length, canonical: name, source: 'quoted slogan' });
  }
  return out;
}
