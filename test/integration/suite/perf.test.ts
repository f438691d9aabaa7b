/**
 * Editor budgets, measured inside the extension host and written to integration-metrics.json
 * (reported by `npm run bench`). Tests assert behaviour only (analyses arrive, underlines are
 * drawn, hovers answer): timings vary with the machine, so they are recorded, never asserted.
 */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as inspector from 'inspector';
import * as path from 'path';
import * as vscode from 'vscode';
import type { PolicyAnnotatorApi } from '../../../src/client/api';
import type { EventNode } from '../../../src/client/features/eventTree';
import { recordMetrics, repoRoot } from '../helpers/paths';
import { analysisOf, closeAll, getApi, openSeed, seedNames } from '../helpers/editor';

const now = () => performance.now();
const round = (ms: number) => Math.round(ms * 10) / 10;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function underlines(api: PolicyAnnotatorApi, editor: vscode.TextEditor): number {
  return Object.values(api.decorationCounts(editor)).reduce((a, b) => a + b, 0);
}

/** Polls every few milliseconds (waitFor's 100 ms would hide what is measured). */
async function until<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** An article of about `chars` characters made of the seeds (paragraphs kept whole). */
function articleOf(chars: number): string {
  const seeds = seedNames().map((n) => fs.readFileSync(path.join(repoRoot, 'seeds', n), 'utf8').trim());
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const s = seeds[i % seeds.length];
    parts.push(s);
    size += s.length + 1;
  }
  return parts.join('\n').slice(0, chars);
}

async function openUntitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'zh-policy', content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Inserts one character in the middle of the document and times until the analysis of the new
 * version arrives. The request makes the server analyse at once (no debounce delay); `serverMs` is
 * the server's own analysis time for that version (without transport and the extension host).
 */
async function timeOneCharEdit(api: PolicyAnnotatorApi, editor: vscode.TextEditor): Promise<{ ms: number; serverMs: number | undefined; entities: number }> {
  const doc = editor.document;
  const middle = doc.positionAt(Math.floor(doc.getText().length / 2));
  const before = doc.version;
  assert.ok(await editor.edit((b) => b.insert(middle, '的')), 'edit was not applied');
  assert.strictEqual(doc.version, before + 1);
  const t0 = now();
  const result = await api.getAnalysisResult(doc.uri);
  const ms = now() - t0;
  assert.ok(result && !result.skipped, 'no analysis for the edited document');
  assert.strictEqual(result.version, doc.version);
  return { ms, serverMs: result.timings?.analysisMs, entities: result.analysis.entities.length };
}

/** The main thread's time on a core and waiting for one, in ms (Linux schedstat; undefined elsewhere). */
function mainThreadSchedule(): { runMs: number; waitMs: number } | undefined {
  try {
    const [run, wait] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
    return Number.isFinite(run) && Number.isFinite(wait) ? { runMs: run / 1e6, waitMs: wait / 1e6 } : undefined;
  } catch {
    return undefined;
  }
}

/** What happened in one gap between timer ticks (see `blocking`). */
interface Gap {
  ms: number;
  /** CPU time of the whole process (all its threads) in the gap. */
  cpuMs: number;
  /** The main thread on a core, and runnable but waiting for a core (Linux only). */
  mainRunMs?: number;
  mainWaitMs?: number;
  /** When the gap ended (epoch ms). */
  at?: number;
}

/** A gap an idle process saw between its own timer ticks (see startMachineProbe). */
interface ProbeGap {
  /** When it ended (epoch ms). */
  at: number;
  ms: number;
  /** The probe's thread on a core, and runnable but waiting for one. */
  runMs: number;
  waitMs: number;
}

/**
 * A separate, idle Node process ticking every 5 ms beside the extension host: the gaps it sees
 * are the machine's (runqueue waits, late timer wake-ups), not extension code. Stopping it
 * returns its gaps over 20 ms.
 */
function startMachineProbe(): { stop(): Promise<ProbeGap[]> } {
  const script = `
    const fs = require('fs');
    const sched = () => { try { const [r, w] = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number); return [r / 1e6, w / 1e6]; } catch { return [0, 0]; } };
    const clock = () => performance.timeOrigin + performance.now();
    const gaps = [];
    let last = clock(), [lastRun, lastWait] = sched();
    setInterval(() => {
      const t = clock(), [run, wait] = sched();
      if (t - last > 20) gaps.push({ at: t, ms: t - last, runMs: run - lastRun, waitMs: wait - lastWait });
      last = t; lastRun = run; lastWait = wait;
    }, 5);
    process.stdin.on('data', () => { process.stdout.write(JSON.stringify(gaps)); process.exit(0); });
    process.stdin.on('end', () => process.exit(0));`;
  const child = cp.spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return {
    stop: () =>
      new Promise((resolve) => {
        const killer = setTimeout(() => child.kill(), 5000);
        const done = () => {
          clearTimeout(killer);
          try {
            resolve(JSON.parse(out) as ProbeGap[]);
          } catch {
            resolve([]);
          }
        };
        child.once('exit', done);
        child.once('error', done);
        child.stdin!.end('stop\n');
      }),
  };
}

/** The probe's longest gap overlapping [from, to] (epoch ms), rounded, or null. */
function probeGapWithin(gaps: ProbeGap[], from: number, to: number): ProbeGap | null {
  let best: ProbeGap | null = null;
  for (const g of gaps) if (g.at > from && g.at - g.ms < to && (!best || g.ms > best.ms)) best = g;
  return best && { at: Math.round(best.at), ms: round(best.ms), runMs: round(best.runMs), waitMs: round(best.waitMs) };
}

/**
 * Longest gap between 5 ms timer ticks while `work` runs: how long the extension host was blocked.
 * `busyMs` counts only the CPU time the process used in each gap: on a loaded machine a gap can
 * also be the process waiting for a core, which `ms` includes and `busyMs` does not. The main
 * thread's schedstat splits the gap further: running, waiting for a core, and the rest (asleep
 * or blocked in the kernel).
 */
async function blocking(work: () => Promise<unknown>): Promise<{ ms: number; busyMs: number; longestGap: Gap; longestMainRunMs?: number }> {
  let last = now();
  let lastCpu = process.cpuUsage();
  let lastSchedule = mainThreadSchedule();
  let longest: Gap = { ms: 0, cpuMs: 0 };
  let longestBusy = 0;
  let longestMainRun: number | undefined;
  const tick = () => {
    const t = now();
    const cpu = process.cpuUsage(lastCpu);
    const schedule = mainThreadSchedule();
    const cpuMs = (cpu.user + cpu.system) / 1000;
    longestBusy = Math.max(longestBusy, Math.min(t - last, cpuMs));
    if (schedule && lastSchedule) longestMainRun = Math.max(longestMainRun ?? 0, schedule.runMs - lastSchedule.runMs);
    if (t - last > longest.ms) {
      longest = { ms: round(t - last), cpuMs: round(cpuMs), at: Math.round(performance.timeOrigin + t) };
      if (schedule && lastSchedule) {
        longest.mainRunMs = round(schedule.runMs - lastSchedule.runMs);
        longest.mainWaitMs = round(schedule.waitMs - lastSchedule.waitMs);
      }
    }
    last = t;
    lastCpu = process.cpuUsage();
    lastSchedule = schedule;
  };
  const timer = setInterval(tick, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  tick();
  return { ms: longest.ms, busyMs: round(longestBusy), longestGap: longest, ...(longestMainRun === undefined ? {} : { longestMainRunMs: round(longestMainRun) }) };
}

suite('perf: editor budgets (recorded, not asserted)', () => {
  suiteTeardown(closeAll);

  test('activate() duration is reported by the API', async () => {
    const { api } = await getApi();
    assert.ok(api.activationMs >= 0);
    recordMetrics({ perf_activationMs: round(api.activationMs) });
  });

  test('open-to-first-underline: cold (server restarted, dictionary not loaded) and warm', async function () {
    this.timeout(180_000);
    const { api } = await getApi();
    await closeAll();
    await vscode.commands.executeCommand('policyAnnotator.restartServer');
    const seeds = seedNames();
    let t0 = now();
    const cold = await openSeed(seeds[1]);
    await until(() => underlines(api, cold) > 0, 120_000, 'first underline (cold)');
    const coldMs = now() - t0;
    await closeAll();
    t0 = now();
    const warm = await openSeed(seeds[2]);
    await until(() => underlines(api, warm) > 0, 60_000, 'first underline (warm)');
    const warmMs = now() - t0;
    assert.ok(underlines(api, warm) > 0);
    recordMetrics({ perf_openToFirstUnderlineColdMs: round(coldMs), perf_openToFirstUnderlineWarmMs: round(warmMs) });
  });

  test('re-analysis after a one-character edit: 10 000-character article', async function () {
    this.timeout(120_000);
    const { api } = await getApi();
    const editor = await openUntitled(articleOf(10_000));
    const first = await analysisOf(api, editor.document);
    assert.ok(first.entities.length > 0, 'no entities in the 10 000-character article');
    const runs: number[] = [];
    const serverRuns: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await timeOneCharEdit(api, editor);
      assert.ok(r.entities > 0, 'the edited article lost its entities');
      runs.push(r.ms);
      if (r.serverMs !== undefined) serverRuns.push(r.serverMs);
    }
    recordMetrics({
      perf_reanalysis10kMs: { p50: round(percentile(runs, 50)), max: round(Math.max(...runs)), runs: runs.map(round) },
      perf_reanalysis10kServerMs: serverRuns.length
        ? { p50: round(percentile(serverRuns, 50)), max: round(Math.max(...serverRuns)), runs: serverRuns.map(round) }
        : null,
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('1 MB article: first analysis, one-character edit, and how long the extension host is blocked', async function () {
    this.timeout(600_000);
    const { api } = await getApi();
    const content = articleOf(350_000); // ~1 MB of UTF-8
    let editor: vscode.TextEditor | undefined;
    let firstMs = 0;
    const { ms: blockedMs, busyMs } = await blocking(async () => {
      const t0 = now();
      editor = await openUntitled(content);
      const analysis = await analysisOf(api, editor.document);
      firstMs = now() - t0;
      assert.ok(analysis.entities.length > 1000, `only ${analysis.entities.length} entities in the 1 MB article`);
      await until(() => underlines(api, editor!) > 0, 120_000, 'underlines in the 1 MB article');
      // Let the sliced decoration passes finish inside the measured window.
      await new Promise((r) => setTimeout(r, 500));
    });
    const edit = await timeOneCharEdit(api, editor!);
    assert.ok(edit.entities > 1000);
    recordMetrics({
      perf_1MB: {
        chars: content.length,
        firstAnalysisMs: round(firstMs),
        reanalysisAfterEditMs: round(edit.ms),
        reanalysisAfterEditServerMs: edit.serverMs === undefined ? null : round(edit.serverMs),
        extensionHostLongestBlockMs: blockedMs,
        extensionHostLongestBusyMs: busyMs,
      },
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('5 MB article: open, first analysis, scrolling, a one-character edit; how long the extension host is blocked', async function () {
    this.timeout(900_000);
    const { api } = await getApi();
    // ~5 MB of UTF-8 is more characters than the default maxFileSize: raise it for this test.
    const config = vscode.workspace.getConfiguration('policyAnnotator');
    const limit = config.inspect<number>('maxFileSize')?.globalValue;
    await config.update('maxFileSize', 4_000_000, vscode.ConfigurationTarget.Global);
    let content = articleOf(2_200_000);
    while (Buffer.byteLength(content, 'utf8') > 5_000_000) content = content.slice(0, content.length - 20_000);
    const phases: Record<string, number> = {};
    const busy: Record<string, number> = {};
    const gaps: Record<string, Gap> = {};
    const mainRun: Record<string, number> = {};
    const windows: Record<string, [number, number]> = {};
    let editor: vscode.TextEditor | undefined;
    let firstMs = 0;
    let entities = 0;
    const probe = startMachineProbe();
    // POLICY_ANNOTATOR_PROFILE_DIR: also write a CPU profile of the extension host per phase (to find what blocks).
    const profileDir = process.env.POLICY_ANNOTATOR_PROFILE_DIR;
    const phase = async (name: string, work: () => Promise<unknown>) => {
      const session = profileDir ? new inspector.Session() : undefined;
      const post = (method: string) =>
        new Promise<{ profile?: unknown }>((resolve, reject) => session!.post(method, (err, result) => (err ? reject(err) : resolve((result ?? {}) as { profile?: unknown }))));
      if (session) {
        session.connect();
        await post('Profiler.enable');
        await post('Profiler.start');
      }
      const from = performance.timeOrigin + now();
      const measured = await blocking(work);
      windows[name] = [from, performance.timeOrigin + now()];
      ({ ms: phases[name], busyMs: busy[name], longestGap: gaps[name] } = measured);
      if (measured.longestMainRunMs !== undefined) mainRun[name] = measured.longestMainRunMs;
      if (session) {
        const { profile } = await post('Profiler.stop');
        fs.writeFileSync(path.join(profileDir!, `${name}.cpuprofile`), JSON.stringify(profile));
        session.disconnect();
      }
    };
    let probeGaps: ProbeGap[] = [];
    let edit: Awaited<ReturnType<typeof timeOneCharEdit>> | undefined;
    try {
      await phase('open', async () => {
        editor = await openUntitled(content);
      });
      await phase('firstAnalysis', async () => {
        const t0 = now();
        const analysis = await analysisOf(api, editor!.document);
        firstMs = now() - t0;
        entities = analysis.entities.length;
        assert.ok(entities > 5000, `only ${entities} entities in the 5 MB article`);
        await until(() => underlines(api, editor!) > 0, 120_000, 'underlines in the 5 MB article');
        await new Promise((r) => setTimeout(r, 500));
      });
      await phase('scroll', async () => {
        const doc = editor!.document;
        const before = doc.positionAt(Math.floor(content.length * 0.7));
        editor!.revealRange(new vscode.Range(before, before), vscode.TextEditorRevealType.InCenter);
        await until(() => editor!.visibleRanges.some((r) => r.contains(before)), 10_000, 'the editor to scroll');
        await new Promise((r) => setTimeout(r, 300));
        assert.ok(underlines(api, editor!) > 0, 'underlines after scrolling');
      });
      await phase('edit', async () => {
        edit = await timeOneCharEdit(api, editor!);
        await new Promise((r) => setTimeout(r, 500));
      });
      assert.ok(edit!.entities > 5000);
    } finally {
      // Stopped even when a phase fails, so no probe outlives the test.
      probeGaps = await probe.stop();
    }
    // Per phase: the idle probe's longest gap in the phase, and the one overlapping the extension
    // host's longest gap (the machine stalled both at once when they match).
    const machineProbe: Record<string, { longestGap: ProbeGap | null; duringExtensionHostLongestGap: ProbeGap | null }> = {};
    for (const [name, [from, to]] of Object.entries(windows)) {
      const g = gaps[name];
      machineProbe[name] = {
        longestGap: probeGapWithin(probeGaps, from, to),
        duringExtensionHostLongestGap: g.at ? probeGapWithin(probeGaps, g.at - g.ms, g.at) : null,
      };
    }
    recordMetrics({
      perf_5MB: {
        chars: content.length,
        bytes: Buffer.byteLength(content, 'utf8'),
        entities,
        firstAnalysisMs: round(firstMs),
        reanalysisAfterEditMs: round(edit!.ms),
        reanalysisAfterEditServerMs: edit!.serverMs === undefined ? null : round(edit!.serverMs),
        // "open" is VS Code handing the 5 MB text to the extension host (before any extension code runs).
        extensionHostLongestBlockMs: Math.max(phases.firstAnalysis, phases.scroll, phases.edit),
        longestBlockByPhaseMs: phases,
        extensionHostLongestBusyMs: Math.max(busy.firstAnalysis, busy.scroll, busy.edit),
        longestBusyByPhaseMs: busy,
        // Per phase, the longest gap split: process CPU, main thread running, main thread waiting for a core.
        longestGapByPhase: gaps,
        // An idle process's gaps in the same windows (runqueue waits and late wake-ups on this machine).
        machineProbeByPhase: machineProbe,
        // The longest the main thread itself ran between two ticks (its own work, whatever the machine's load).
        ...(Object.keys(mainRun).length
          ? { extensionHostLongestMainRunMs: Math.max(mainRun.firstAnalysis, mainRun.scroll, mainRun.edit), longestMainRunByPhaseMs: mainRun }
          : {}),
      },
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await config.update('maxFileSize', limit, vscode.ConfigurationTarget.Global);
  });

  test('hover response p50/p99 over entity positions of a seed', async function () {
    this.timeout(120_000);
    const { api } = await getApi();
    const editor = await openSeed(seedNames()[0]);
    const analysis = await analysisOf(api, editor.document);
    assert.ok(analysis.entities.length > 5);
    const positions = analysis.entities.map((e) => editor.document.positionAt(e.start));
    // The provider itself, in the extension host: what a hover costs once the workbench asks
    // (executeHoverProvider below adds two workbench round trips around it). First, so the first
    // hover on each entity builds its Markdown here.
    const provider: number[] = [];
    const token = new vscode.CancellationTokenSource().token;
    for (let i = 0; i < 200; i++) {
      const pos = positions[i % positions.length];
      const t0 = now();
      const hover = await api.hovers.provideHover(editor.document, pos, token);
      provider.push(now() - t0);
      assert.ok(hover, 'the provider answers on an entity');
    }
    const times: number[] = [];
    let answered = 0;
    for (let i = 0; i < 200; i++) {
      const pos = positions[i % positions.length];
      const t0 = now();
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
      times.push(now() - t0);
      if (hovers?.length) answered++;
      assert.ok((hovers?.length ?? 0) <= 1, `${hovers.length} hovers for one entity`);
    }
    assert.ok(answered > 150, `only ${answered} of 200 hovers answered`);
    recordMetrics({
      perf_hoverMs: { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)), n: times.length },
      perf_hoverProviderMs: { p50: round(percentile(provider, 50)), p99: round(percentile(provider, 99)), max: round(Math.max(...provider)), n: provider.length },
    });
  });

  test('Events view refresh: building the tree of the open articles', async () => {
    const { api } = await getApi();
    const editor = await openSeed(seedNames()[0]);
    await analysisOf(api, editor.document);
    const runs: number[] = [];
    let nodes = 0;
    for (let i = 0; i < 20; i++) {
      const t0 = now();
      api.eventTree.refresh();
      const walk = (list: EventNode[]): void => {
        for (const n of list) {
          api.eventTree.getTreeItem(n);
          nodes++;
          walk(api.eventTree.getChildren(n) as EventNode[]);
        }
      };
      walk(api.eventTree.getChildren() as EventNode[]);
      runs.push(now() - t0);
    }
    assert.ok(nodes > 0, 'the Events view is empty');
    recordMetrics({ perf_eventsViewRefreshMs: { p50: round(percentile(runs, 50)), max: round(Math.max(...runs)), nodesPerRefresh: nodes / 20 } });
  });
});
