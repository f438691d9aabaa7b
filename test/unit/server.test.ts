import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisPublished, AnalysisResult, AnalysisUpdate, AnnotateFilesResult, ServerStatusParams } from '../../src/shared/protocol';
import { applyAnalysis, EMPTY_ANALYSIS } from '../../src/shared/analysisDelta';
import { HoverIndex } from '../../src/server/hover';
import { SERVER_PRIORITY } from '../../src/server/priority';

const root = resolve(__dirname, '../../..');
const seedPath = join(root, 'seeds', '004_ee36ff66a312e937.txt');
const glossedPath = join(root, 'seeds', '000_367782aa6370fb6f.txt');
const tmp = mkdtempSync(join(tmpdir(), 'pa-server-'));

interface Diag { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; source: string; severity: number }

/** Starts `script --stdio` and records what it sends; `init` adds to the initialize params, `settings` answers workspace/configuration. */
function startServer(script: string, init: Record<string, unknown> = {}, settings?: (scopeUri: string) => Record<string, unknown>) {
  const child = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const state = {
    child,
    exited: undefined as number | null | undefined,
    conn: createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)),
    statuses: [] as ServerStatusParams[],
    ready: new Map<string, AnalysisResult[]>(),
    /** Every analysis update received, and what they built per uri (as the extension's store does). */
    updates: [] as AnalysisUpdate[],
    built: new Map<string, { seq: number; analysis: AnalysisResult['analysis'] }>(),
    diagnostics: new Map<string, Diag[]>(),
    /** How many times diagnostics were published, per uri. */
    diagnosticsSent: new Map<string, number>(),
    messages: [] as string[],
    waiters: [] as Array<() => void>,
  };
  child.on('exit', (code) => (state.exited = code));
  const notify = () => state.waiters.splice(0).forEach((w) => w());
  const c = state.conn;
  c.onNotification('policyAnnotator/status', (p: ServerStatusParams) => (state.statuses.push(p), notify()));
  c.onNotification('policyAnnotator/analysisUpdate', (u: AnalysisUpdate) => {
    state.updates.push(u);
    const have = state.built.get(u.uri);
    const base = u.base === 0 ? EMPTY_ANALYSIS : have?.seq === u.base ? have.analysis : undefined;
    if (!base) throw new Error(`update ${u.seq} builds on ${u.base}, which this client does not have`);
    const analysis = applyAnalysis(base, u.lists, u);
    state.built.set(u.uri, { seq: u.seq, analysis });
    if (u.partial) return;
    const result: AnalysisResult = { uri: u.uri, version: u.version, analysis, seq: u.seq, ...(u.skipped ? { skipped: u.skipped } : {}), ...(u.timings ? { timings: u.timings } : {}) };
    state.ready.set(u.uri, [...(state.ready.get(u.uri) ?? []), result]);
    notify();
  });
  c.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    state.diagnostics.set(p.uri, p.diagnostics);
    state.diagnosticsSent.set(p.uri, (state.diagnosticsSent.get(p.uri) ?? 0) + 1);
    notify();
  });
  c.onNotification('window/showMessage', (p: { message: string }) => (state.messages.push(p.message), notify()));
  c.onNotification('window/logMessage', () => undefined);
  c.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string }> }) => p.items.map((i) => settings?.(i.scopeUri ?? '') ?? {}));
  c.listen();
  const initialized = (async () => {
    const capabilities = settings ? { workspace: { configuration: true } } : {};
    await c.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null, ...init });
    void c.sendNotification('initialized', {});
  })();
  const until = async <T>(probe: () => T | undefined | false, what: string, ms = 90_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((r) => {
        state.waiters.push(r);
        setTimeout(r, 500);
      });
    }
  };
  return { ...state, initialized, until, get exitCode() { return state.exited; } };
}

const server = startServer(join(root, 'dist', 'server.js'));
const { conn, statuses, ready, updates, diagnostics, diagnosticsSent, messages, until, initialized } = server;

after(() => {
  conn.dispose();
  server.child.kill();
});

let version = 1;
function open(uri: string, text: string) {
  void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-policy', version: version++, text } });
}

test('server starts, loads nodejieba in the background and reports ready', async () => {
  await initialized;
  const status = await until(() => statuses.find((s) => s.state !== 'loading'), 'status');
  assert.equal(status.state, 'ready', status.message);
});

test('the server runs below the editor\'s priority: every thread of it, V8\'s helpers and the dictionary loader too', async () => {
  await until(() => statuses.find((s) => s.state !== 'loading'), 'status');
  const pid = server.child.pid!;
  if (process.platform === 'linux') {
    // Field 19 of /proc/PID/task/TID/stat is the thread's nice value (after the command in brackets).
    const nices = readdirSync(`/proc/${pid}/task`).map((tid) => Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]));
    assert.ok(nices.length >= 4, `threads: ${nices.length}`);
    assert.deepEqual(nices.filter((n) => n < SERVER_PRIORITY), [], `nice values: ${nices.join(' ')}`);
  } else {
    assert.equal(getPriority(pid), SERVER_PRIORITY);
  }
  // The test process itself keeps its priority.
  assert.equal(getPriority(), 0);
});

test('opening a seed publishes diagnostics and analysis updates; hover on a person has markdown + command links', async () => {
  const text = readFileSync(seedPath, 'utf8');
  const uri = pathToFileURL(seedPath).href;
  open(uri, text);
  const result = await until(() => ready.get(uri)?.[0], 'analysisReady');
  assert.equal(result.skipped, undefined);
  assert.ok(result.analysis.entities.length > 10);
  await until(() => diagnostics.has(uri), 'diagnostics');
  const person = result.analysis.entities.find((e) => e.type === 'person');
  assert.ok(person, 'a person in the seed');
  const doc = TextDocument.create(uri, 'zh-policy', 1, text);
  const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(person.start + 1) })) as {
    contents: { kind: string; value: string };
    range: { start: { line: number; character: number } };
  };
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, new RegExp(`${person.canonical}.*人物 Person`));
  assert.match(hover.contents.value, /command:policyAnnotator\.showMentions\?%5B%22file/);
  assert.match(hover.contents.value, /command:policyAnnotator\.addToDictionary\?/);
  assert.match(hover.contents.value, /拼音 Pinyin: \*\S+/);
  assert.deepEqual(hover.range.start, doc.positionAt(person.start));
  const none = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.ok(none === null || typeof none === 'object');
  const again = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  assert.deepEqual(again.analysis, result.analysis);
});

test('glossed seed: gloss diagnostics with quick fixes for one and for all glosses', async () => {
  const text = readFileSync(glossedPath, 'utf8');
  const uri = pathToFileURL(glossedPath).href;
  open(uri, text);
  const diags = await until(() => diagnostics.get(uri), 'diagnostics');
  const gloss = diags.find((d) => d.code === 'pinyin-gloss');
  assert.ok(gloss);
  assert.equal(gloss.source, 'policy-annotator');
  const doc = TextDocument.create(uri, 'zh-policy', 1, text);
  assert.match(text.slice(doc.offsetAt(gloss.range.start), doc.offsetAt(gloss.range.end)), /^\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)$/);
  assert.ok(diags.some((d) => d.code === 'mojibake' && d.severity === 2));
  const actions = (await conn.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: gloss.range,
    context: { diagnostics: [gloss] },
  })) as Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>;
  assert.equal(actions[0].title, 'Remove this pinyin gloss');
  assert.deepEqual(actions[0].edit.changes[uri].map((e) => e.newText), ['']);
  const all = actions.find((a) => a.title.startsWith('Remove all'));
  assert.ok(all);
  assert.equal(all.edit.changes[uri].length, diags.filter((d) => d.code === 'pinyin-gloss').length);
});

test('a line broken inside a sentence: a hint with quick fixes that join it, and all of them in one edit', async () => {
  const uri = 'file:///tmp/wrapped.zhp';
  const text = '长三角企业家联盟成立\n会议强调，要共同完善长三角一体化发展推进机制。发挥长三角企业\n\n家联盟作用，形成全社会共同助推长三角区域一体化高质量发展的强\n劲合力。\n';
  open(uri, text);
  const diags = await until(() => diagnostics.get(uri)?.filter((d) => d.code === 'line-wrap').length === 2 ? diagnostics.get(uri) : undefined, 'line-wrap diagnostics');
  const wrap = diags.find((d) => d.code === 'line-wrap')!;
  assert.equal(wrap.severity, 4);
  const actions = (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: wrap.range, context: { diagnostics: [wrap] } })) as Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>;
  assert.deepEqual(actions.map((a) => a.title), ['Join the broken lines', 'Join all 2 broken lines']);
  assert.deepEqual(actions[1].edit.changes[uri].map((e) => e.newText), ['', '']);
});

test('an HTML entity: its quick fix puts in the character it stands for (&ldquo; → “); other damage is removed', async () => {
  const uri = 'file:///tmp/entities.zhp';
  const text = '会议提出建设&ldquo;成渝地区双城经济圈&rdquo;。\n';
  open(uri, text);
  const diags = await until(() => diagnostics.get(uri)?.filter((d) => d.code === 'mojibake').length === 2 ? diagnostics.get(uri) : undefined, 'entity diagnostics');
  const first = diags.find((d) => d.code === 'mojibake')!;
  const actions = (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } })) as Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> } }>;
  assert.equal(actions[0].title, 'Replace the HTML entity by “');
  assert.deepEqual(actions[0].edit.changes[uri].map((e) => e.newText), ['“']);
});

test('binary document is skipped with a reason', async () => {
  const uri = 'file:///tmp/binary.zhp';
  open(uri, '长三角\u0000\u0001\u0002');
  const r = await until(() => ready.get(uri)?.[0], 'binary analysis');
  assert.equal(r.skipped?.reason, 'binary');
});

test('a bad workspace dictionary is reported and the server keeps working; good terms are used', async () => {
  const uri = 'file:///tmp/dict.zhp';
  const text = '沪苏浙共建长三角智慧文旅联盟，王小明出席。';
  open(uri, text);
  await until(() => ready.get(uri)?.[0], 'first analysis');
  void conn.sendNotification('policyAnnotator/dictionaryChanged', null);
  void conn.sendNotification('policyAnnotator/dictionaryChanged', {
    terms: [{ term: '', type: 'place' }, 42, { term: '长三 角', type: 'place' }, { term: 'X', type: 'city' }, { term: '长三角智慧文旅联盟', type: 'organization', gloss: 'user gloss' }],
    ignored: ['王小明', 7],
  });
  await until(() => messages.find((m) => /Workspace dictionary: 4 entries skipped/.test(m)), 'dictionary warning');
  const r = await until(
    // The recogniser may find the alliance on its own: the user's gloss proves the re-analysis used the dictionary.
    () => ready.get(uri)?.find((a) => a.analysis.entities.some((e) => e.canonical === '长三角智慧文旅联盟' && e.gloss === 'user gloss')),
    're-analysis with the user term',
  );
  assert.ok(!r.analysis.entities.some((e) => e.canonical === '王小明'), 'ignored entity dropped');
  assert.equal(server.exitCode, undefined, 'server still running');
  const check = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  assert.ok(check.analysis.entities.some((e) => e.canonical === '长三角智慧文旅联盟' && e.gloss === 'user gloss'));
  void conn.sendNotification('policyAnnotator/dictionaryChanged', { terms: [], ignored: [] });
});

test('annotateFiles: analyses files from disk, errors for missing, binary and GBK files', async () => {
  const gbk = join(tmp, 'gbk.txt');
  writeFileSync(gbk, Buffer.from([0xb3, 0xa4, 0xc8, 0xfd, 0xbd, 0xc7]));
  const bin = join(tmp, 'bin.txt');
  writeFileSync(bin, Buffer.from([1, 0, 2]));
  const res = (await conn.sendRequest('policyAnnotator/annotateFiles', { paths: [seedPath, join(tmp, 'missing.txt'), bin, gbk] })) as AnnotateFilesResult;
  assert.equal(res.results.length, 4);
  assert.ok(res.results[0].analysis && res.results[0].analysis.entities.length > 10);
  assert.match(res.results[1].error ?? '', /not found/);
  assert.match(res.results[2].error ?? '', /binary/);
  assert.match(res.results[3].error ?? '', /UTF-8/);
});

test('without nodejieba the server runs degraded and still publishes normaliser diagnostics', async () => {
  // A copy of the bundle outside the project: `require('nodejieba')` cannot resolve there.
  const dir = mkdtempSync(join(tmpdir(), 'pa-degraded-'));
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(root, 'dist', 'server.js'), join(dir, 'dist', 'server.js'));
  symlinkSync(join(root, 'data'), join(dir, 'data'));
  const degraded = startServer(join(dir, 'dist', 'server.js'));
  try {
    await degraded.initialized;
    const status = await degraded.until(() => degraded.statuses.find((s) => s.state !== 'loading'), 'status');
    assert.equal(status.state, 'degraded');
    assert.match(status.message ?? '', /nodejieba/);
    const uri = pathToFileURL(glossedPath).href;
    void degraded.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-policy', version: 1, text: readFileSync(glossedPath, 'utf8') } });
    const diags = await degraded.until(() => degraded.diagnostics.get(uri), 'diagnostics');
    assert.ok(diags.some((d) => d.code === 'pinyin-gloss'));
    const r = await degraded.until(() => degraded.ready.get(uri)?.[0], 'analysis');
    assert.equal(r.analysis.script, 'traditional');
    assert.equal(degraded.exitCode, undefined);
  } finally {
    degraded.conn.dispose();
    degraded.child.kill();
  }
});

test('hover index: binary search and per-canonical tables agree with a scan of the analysis', async () => {
  const uri = pathToFileURL(seedPath).href;
  const result = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  const analysis = result.analysis;
  assert.ok(analysis.entities.length > 10 && analysis.events.length > 0);
  const index = new HoverIndex(analysis);
  const text = readFileSync(seedPath, 'utf8');
  for (let offset = 0; offset <= text.length; offset++) {
    assert.equal(index.entityAt(offset), analysis.entities.find((e) => e.start <= offset && offset < e.end), `offset ${offset}`);
  }
  for (const e of analysis.entities) {
    assert.equal(index.mentions(e).length, analysis.entities.filter((x) => x.type === e.type && x.canonical === e.canonical).length);
    const scanned = analysis.events.filter(
      (ev) => ev.participants.some((p) => p.text === e.canonical) || ev.place === e.canonical || ev.object === e.canonical ||
        (e.type === 'document' && ev.sentence.start <= e.start && e.end <= ev.sentence.end),
    );
    assert.deepEqual(index.eventsOf(e), scanned, e.canonical);
  }
});

test('analysis request: a reference when the answer was already notified, the whole result otherwise', async () => {
  const uri = pathToFileURL(seedPath).href;
  const ref = (await conn.sendRequest('policyAnnotator/analysis', { uri, acceptPublished: true })) as AnalysisPublished;
  const published = ready.get(uri)!.at(-1)!;
  assert.deepEqual(ref, { uri, version: published.version, seq: published.seq, published: true });
  const full = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  assert.deepEqual(full.analysis, published.analysis);
  assert.ok(full.forms && Object.keys(full.forms).length > 0, 'the whole result carries the entity forms');
  assert.ok((full.timings?.analysisMs ?? -1) >= 0, 'the server reports its analysis time');
});

test('a dictionary change invalidates the cached analysis at once; user glosses show on any entity type', async () => {
  const uri = 'file:///tmp/gloss.zhp';
  const text = '浙江省文化和旅游厅与长三角智慧文旅联盟签署合作协议。';
  open(uri, text);
  const before = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  // Recognised (or from the previous dictionary) but without a gloss so far.
  assert.ok(!before.analysis.entities.some((e) => e.gloss), 'no gloss before the dictionary change');
  const gloss = 'alliance of smart culture-and-tourism bodies in the Yangtze River Delta';
  void conn.sendNotification('policyAnnotator/dictionaryChanged', { terms: [{ term: '长三角智慧文旅联盟', type: 'organization', gloss }], ignored: [] });
  // Asked right after the notification, for the same document version: must not be the old analysis.
  const after = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  assert.equal(after.version, before.version);
  const org = after.analysis.entities.find((e) => e.canonical === '长三角智慧文旅联盟');
  assert.ok(org, 'the user term is an entity in the answer to the next request');
  assert.equal(org.type, 'organization');
  assert.equal(org.gloss, gloss, 'the answer is the analysis with the new dictionary');
  const doc = TextDocument.create(uri, 'zh-policy', after.version, text);
  const hover = (await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(org.start + 1) })) as { contents: { value: string } };
  assert.match(hover.contents.value, /机构 Organization/);
  assert.match(hover.contents.value, /释义 Gloss: alliance of smart culture\\-and\\-tourism bodies/);
  void conn.sendNotification('policyAnnotator/dictionaryChanged', { terms: [], ignored: [] });
});

test('zh-cn locale: Chinese diagnostics and quick fixes; annotateFiles reads maxFileSize per folder', async () => {
  const small = mkdtempSync(join(tmpdir(), 'pa-small-'));
  const smallFile = join(small, 'article.txt');
  copyFileSync(seedPath, smallFile);
  const smallDir = pathToFileURL(small).href;
  const zh = startServer(join(root, 'dist', 'server.js'), { locale: 'zh-cn' }, (scopeUri) =>
    scopeUri.startsWith(`${smallDir}/`) ? { maxFileSize: 100 } : {},
  );
  try {
    await zh.initialized;
    const status = await zh.until(() => zh.statuses.find((s) => s.state !== 'loading'), 'status');
    assert.equal(status.state, 'ready', status.message);
    const uri = pathToFileURL(glossedPath).href;
    void zh.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-policy', version: 1, text: readFileSync(glossedPath, 'utf8') } });
    const diags = (await zh.until(() => zh.diagnostics.get(uri), 'diagnostics')) as Array<Diag & { message: string }>;
    const gloss = diags.find((d) => d.code === 'pinyin-gloss');
    assert.ok(gloss);
    assert.match(gloss.message, /^正文中夹带拼音注音 \(/);
    const actions = (await zh.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: gloss.range, context: { diagnostics: [gloss] } })) as Array<{ title: string }>;
    assert.equal(actions[0].title, '删除此拼音注音');
    assert.match(actions[1]?.title ?? '', /^删除全部 \d+ 处拼音注音$/);
    const res = (await zh.conn.sendRequest('policyAnnotator/annotateFiles', { paths: [smallFile, seedPath] })) as AnnotateFilesResult;
    // 100 characters: the reader stops at 400 bytes (4 a character) before decoding.
    assert.match(res.results[0].error ?? '', /too large \(\d+ (characters, limit 100|bytes, limit 400)\)/);
    assert.ok(res.results[1].analysis && res.results[1].analysis.entities.length > 10, 'the default limit applies outside the folder');
  } finally {
    zh.conn.dispose();
    zh.child.kill();
  }
});

test('an edit reaches the client as a small delta; applied to what it had, it equals the whole new analysis', async () => {
  const uri = 'file:///tmp/delta.zhp';
  const text = readFileSync(seedPath, 'utf8');
  const v1 = version++;
  void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-policy', version: v1, text } });
  const first = await until(() => ready.get(uri)?.find((r) => r.version === v1), 'first analysis');
  assert.ok(first.analysis.entities.length > 20);
  const v2 = version++;
  const doc = TextDocument.create(uri, 'zh-policy', v1, text);
  const at = doc.positionAt(Math.floor(text.length / 2));
  void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v2 }, contentChanges: [{ range: { start: at, end: at }, text: '的' }] });
  const second = await until(() => ready.get(uri)?.find((r) => r.version === v2), 'analysis after the edit');
  const full = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  assert.equal(full.version, v2);
  assert.deepEqual(second.analysis, full.analysis);
  const delta = updates.filter((u) => u.uri === uri && u.version === v2);
  assert.equal(delta.length, 1);
  const inserted = delta[0].lists.entities?.insert.length ?? 0;
  assert.ok(inserted < first.analysis.entities.length / 4, `${inserted} of ${full.analysis.entities.length} entities re-sent after a one-character edit`);
  assert.ok(!delta[0].forms || Object.keys(delta[0].forms).length < 5, 'forms the client has are not sent again');
  void conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('after an edit diagnostics are sent again only when they changed', async () => {
  const uri = 'file:///tmp/diagnostics-after-edit.zhp';
  const text = readFileSync(glossedPath, 'utf8');
  const v1 = version++;
  void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-policy', version: v1, text } });
  const first = await until(() => diagnostics.get(uri), 'diagnostics of the opened document');
  const gloss = first.find((d) => d.code === 'pinyin-gloss');
  assert.ok(gloss && gloss.range.start.character > 0, 'a gloss inside a line');
  const line = gloss.range.start.line;
  const lineEnd = text.split('\n')[line].replace(/\r$/, '').length;
  const edit = async (character: number) => {
    const v = version++;
    const at = { line, character };
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: '的' }] });
    await until(() => ready.get(uri)?.find((r) => r.version === v), `analysis of version ${v}`);
    // Diagnostics after an edit wait for typing to pause (300 ms).
    await new Promise((r) => setTimeout(r, 1000));
  };
  assert.equal(diagnosticsSent.get(uri), 1);
  // At the end of the gloss's line no problem moves: nothing is sent.
  await edit(lineEnd);
  assert.equal(diagnosticsSent.get(uri), 1, 'diagnostics re-sent though none changed');
  // Before the gloss on its line: the gloss moved one character right and is sent again.
  await edit(0);
  assert.equal(diagnosticsSent.get(uri), 2, 'diagnostics not sent after they moved');
  const moved = diagnostics.get(uri)!.find((d) => d.code === 'pinyin-gloss' && d.range.start.line === gloss.range.start.line);
  assert.equal(moved?.range.start.character, gloss.range.start.character + 1);
  assert.equal(diagnostics.get(uri)!.length, first.length);
  void conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('a large document sent in chunks: requests wait for the last chunk, the analysis covers the whole text', async () => {
  const uri = 'file:///tmp/chunked.zhp';
  const text = readFileSync(seedPath, 'utf8');
  const v = version++;
  const size = Math.ceil(text.length / 3);
  const chunks = [text.slice(0, size), text.slice(size, 2 * size), text.slice(2 * size)];
  void conn.sendNotification('policyAnnotator/largeOpen', { uri, version: v, chunks: chunks.length });
  void conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'zh-policy', version: v, text: '' } });
  void conn.sendNotification('policyAnnotator/openChunk', { uri, index: 0, text: chunks[0] });
  // Asked before the last chunks were sent: the answer is the analysis of the whole text.
  const pending = conn.sendRequest('policyAnnotator/analysis', { uri }) as Promise<AnalysisResult>;
  await new Promise((r) => setTimeout(r, 50));
  void conn.sendNotification('policyAnnotator/openChunk', { uri, index: 1, text: chunks[1] });
  void conn.sendNotification('policyAnnotator/openChunk', { uri, index: 2, text: chunks[2] });
  const result = await pending;
  const whole = (await conn.sendRequest('policyAnnotator/analysis', { uri: pathToFileURL(seedPath).href })) as AnalysisResult;
  assert.equal(result.version, v);
  assert.deepEqual(result.analysis.entities.map((e) => [e.start, e.canonical]), whole.analysis.entities.map((e) => [e.start, e.canonical]));
  // An edit after the chunks applies to the whole text.
  const doc = TextDocument.create(uri, 'zh-policy', v, text);
  const end = doc.positionAt(text.length);
  void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v + 1000 }, contentChanges: [{ range: { start: end, end }, text: '\n国务院总理李强出席会议。' }] });
  const edited = (await conn.sendRequest('policyAnnotator/analysis', { uri })) as AnalysisResult;
  assert.equal(edited.version, v + 1000);
  assert.ok(edited.analysis.entities.some((e) => e.canonical === '李强' && e.start > text.length));
  void conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});
