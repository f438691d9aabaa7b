/**
 * The server's user-facing strings (diagnostics, quick fixes, hover links, warnings) in English and
 * Simplified Chinese, picked by the `locale` of the LSP `initialize` request.
 */

export type ServerLocale = 'en' | 'zh-cn';

const EN = {
  'diag.pinyinGloss': 'Pinyin gloss {0} injected into the text',
  'diag.mojibake': 'Damaged HTML/encoding remnant "{0}"',
  'diag.boilerplate': 'Website boilerplate{0}: ignored by the annotator',
  'diag.mixedScript': 'Mixed script: "{0}" is written in the other script than the rest of the article',
  'diag.lineWrap': 'Line break inside a sentence: the annotator reads the two lines as one',
  'action.removeGloss': 'Remove this pinyin gloss',
  'action.removeAllGlosses': 'Remove all {0} pinyin glosses',
  'action.removeMojibake': 'Remove damaged remnant',
  'action.decodeEntity': 'Replace the HTML entity by {0}',
  'action.joinLines': 'Join the broken lines',
  'action.joinAllLines': 'Join all {0} broken lines',
  'action.toSimplified': 'Convert to Simplified',
  'hover.showMentions': 'Show All Mentions',
  'hover.addToDictionary': 'Add to Dictionary',
  'hover.ignore': 'Ignore',
  'hover.moreEvents': '… {0} more',
  'dictionary.skipped': 'Workspace dictionary: {0} entries skipped ({1})',
  'dictionary.skippedOne': 'Workspace dictionary: 1 entry skipped ({1})',
} as const;

export type MessageKey = keyof typeof EN;

const ZH_CN: Record<MessageKey, string> = {
  'diag.pinyinGloss': '正文中夹带拼音注音 {0}',
  'diag.mojibake': '残留的 HTML/编码乱码“{0}”',
  'diag.boilerplate': '网站模板文字{0}：标注时忽略',
  'diag.mixedScript': '繁简混用：“{0}”与全文其余部分字形不同',
  'diag.lineWrap': '句子中间断行：标注时按一行读取',
  'action.removeGloss': '删除此拼音注音',
  'action.removeAllGlosses': '删除全部 {0} 处拼音注音',
  'action.removeMojibake': '删除乱码残留',
  'action.decodeEntity': '将 HTML 实体替换为 {0}',
  'action.joinLines': '合并断开的行',
  'action.joinAllLines': '合并全部 {0} 处断行',
  'action.toSimplified': '转换为简体',
  'hover.showMentions': '显示所有出现',
  'hover.addToDictionary': '加入词典',
  'hover.ignore': '忽略',
  'hover.moreEvents': '… 另有 {0} 项',
  'dictionary.skipped': '工作区词典：跳过 {0} 个条目（{1}）',
  'dictionary.skippedOne': '工作区词典：跳过 1 个条目（{1}）',
};

const TABLES: Record<ServerLocale, Record<MessageKey, string>> = { en: EN, 'zh-cn': ZH_CN };

/** Chinese UI locales (zh, zh-cn, zh-tw, zh-hans…) get the Chinese table; everything else English. */
export function serverLocale(locale: string | undefined): ServerLocale {
  return /^zh\b/i.test(locale ?? '') ? 'zh-cn' : 'en';
}

let current: ServerLocale = 'en';

export function setServerLocale(locale: string | undefined): void {
  current = serverLocale(locale);
}

export function currentLocale(): ServerLocale {
  return current;
}

/** The message `key` in the current (or given) locale, with {0}, {1}… replaced by `args`. */
export function t(key: MessageKey, args: ReadonlyArray<string | number> = [], locale: ServerLocale = current): string {
  return TABLES[locale][key].replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
