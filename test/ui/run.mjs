#!/usr/bin/env node
// UI end-to-end tests: the packaged .vsix installed into the VS Code server, the workbench driven
// in headless Chromium by playwright-core. Opens a copy of seeds/, checks the underlines, a hover,
// the Events view, and Convert to Simplified + undo from the command palette. Screenshots of each
// step go to test-results/ui-*.png.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  repoRoot, resultsDir, assertVscodeServerInstalled, makeServerDirs, installExtension,
  startVscodeServer, workbenchUrl, launchChromium,
} from '../harness/vscodeServer.mjs';
import { packageVsix } from '../../scripts/package.mjs';

const SEED = '000_367782aa6370fb6f.txt';
const nls = JSON.parse(readFileSync(join(repoRoot, 'package.nls.json'), 'utf8'));
const results = [];
let page;
let shot = 0;

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function screenshot(name) {
  shot += 1;
  const file = join(resultsDir, `ui-${String(shot).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function step(name, fn) {
  const t0 = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true, ms: Date.now() - t0, detail });
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)${detail ? ` — ${detail}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - t0, error: String(error?.message ?? error) });
    console.log(`  ✘ ${name}: ${error?.message ?? error}`);
    if (page) await screenshot(`FAILED-${name.replace(/\W+/g, '-').slice(0, 40)}`).catch(() => {});
  }
}

/** Polls `probe` in Node until truthy. */
async function until(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Text of the rendered editor lines of the active editor, top to bottom. */
function editorLines() {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor .view-lines')
      ?? document.querySelector('.monaco-editor .view-lines');
    if (!editor) return [];
    return [...editor.querySelectorAll('.view-line')]
      .map((el) => ({ top: parseFloat(el.style.top) || 0, text: el.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text);
  });
}

/**
 * Underlines in the editor. VS Code draws a decoration that only has borders as an absolutely
 * positioned `div.cdr.ced-…` in `.view-overlays` (text-style decorations become `span.ced-…`
 * inside `.view-line`). An underline is a bottom border (this extension draws it so, to take theme
 * colours) or a text-decoration. Returns each one with the text under it (read back from the
 * rendered line at its position) and its centre.
 */
function underlines() {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
    if (!editor) return [];
    const candidates = [...editor.querySelectorAll('.view-overlays [class*="ced-"], .view-lines span[class*="ced-"]')];
    return candidates
      .map((el) => {
        const cs = getComputedStyle(el);
        const underline = cs.textDecorationLine.includes('underline') || (cs.borderBottomStyle !== 'none' && parseFloat(cs.borderBottomWidth) > 0);
        const r = el.getBoundingClientRect();
        let text = el.tagName === 'SPAN' ? el.textContent : '';
        if (!text && r.width > 0) {
          const y = r.top + r.height / 2;
          // Points just inside the ends snap to the character boundaries at the ends.
          const a = document.caretRangeFromPoint(r.left + 2, y);
          const b = document.caretRangeFromPoint(r.right - 2, y);
          if (a && b) {
            const range = document.createRange();
            range.setStart(a.startContainer, a.startOffset);
            range.setEnd(b.startContainer, b.startOffset);
            text = range.toString();
          }
        }
        return { text, underline, style: `${cs.borderBottomStyle} ${cs.borderBottomWidth} ${cs.borderBottomColor}`, x: r.left + r.width / 2, y: r.top + r.height / 2, w: r.width };
      })
      .filter((u) => u.underline && u.w > 0);
  });
}

async function runCommandFromPalette(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

async function main() {
  assertVscodeServerInstalled();
  mkdirSync(resultsDir, { recursive: true });
  for (const f of readdirSync(resultsDir)) if (/^ui-.*\.png$/.test(f)) rmSync(join(resultsDir, f));
  const started = Date.now();
  const vsix = packageVsix();
  // Word wrap, as a reader of long Chinese paragraphs would have it: keeps entities on screen.
  const dirs = makeServerDirs('zhp-ui-', { 'editor.wordWrap': 'on' });
  installExtension(vsix, dirs);
  const workspace = mkdtempSync(join(tmpdir(), 'zhp-ui-ws-'));
  cpSync(join(repoRoot, 'seeds'), join(workspace, 'seeds'), { recursive: true });
  const folder = join(workspace, 'seeds');
  const original = readFileSync(join(folder, SEED), 'utf8');
  const server = await startVscodeServer({ dirs, logName: 'ui-server' });
  const browser = await launchChromium();
  const consoleLog = [];
  let originalFirstLine = '';
  try {
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('console', (msg) => consoleLog.push(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => consoleLog.push(`[pageerror] ${err.message}`));
    console.log(`[test:ui] ${server.url} workspace ${folder}`);

    await step('workbench loads with the seeds folder and the installed extension', async () => {
      await page.goto(workbenchUrl(server.port, { folder }), { waitUntil: 'domcontentloaded', timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SEED }).waitFor({ timeout: 60_000 });
      await page.locator(`.activitybar [aria-label*="${nls['viewContainer.title']}"]`).first().waitFor({ timeout: 30_000 });
      await screenshot('workbench');
    });

    await step('Quick Open opens the traditional seed', async () => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(SEED);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: SEED }).first().waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      const lines = await until(async () => {
        const l = await editorLines();
        return l.some((t) => t.includes('肖文高')) ? l : undefined;
      }, 30_000, 'the seed text in the editor');
      originalFirstLine = lines[0];
      check(original.startsWith(originalFirstLine.trimEnd()), `first rendered line differs from the file: ${originalFirstLine.slice(0, 40)}`);
      const language = await page.locator('[id="status.editor.mode"]').first().textContent({ timeout: 5000 }).catch(() => '');
      await screenshot('seed-open');
      return `language mode: ${language?.trim()}`;
    });

    let spans = [];
    await step('entities are underlined in the editor', async () => {
      spans = await until(async () => {
        const s = await underlines();
        return s.length > 0 && s.some((x) => x.text.includes('肖文高')) ? s : undefined;
      }, 60_000, 'underlined spans including 肖文高');
      await screenshot('underlines');
      const styles = [...new Set(spans.map((s) => s.style))];
      return `${spans.length} underlines, e.g. ${spans.slice(0, 6).map((s) => s.text).join(' ')}; styles: ${styles.slice(0, 3).join(' | ')}`;
    });

    /** Hovers `target` (an underlined span) until the hover text satisfies `wanted`, then screenshots it as `shot`. */
    const hoverOn = async (target, wanted, what, shot) => {
      check(target, `no underlined span for ${what}`);
      await page.mouse.move(target.x - 40, target.y - 40);
      await page.mouse.move(target.x, target.y, { steps: 5 });
      const hover = page.locator('.monaco-hover:not(.hidden)').first();
      const text = await until(async () => {
        const t = await hover.textContent({ timeout: 1000 }).catch(() => '');
        return t && wanted(t) ? t : undefined;
      }, 20_000, what);
      await page.waitForTimeout(400); // let the hover's fade-in finish before the screenshot
      await screenshot(shot);
      await page.mouse.move(5, 500);
      await page.keyboard.press('Escape');
      return text.replace(/\s+/g, ' ');
    };

    await step('hovering 肖文高 shows the entity with its position 区长', async () => {
      const target = spans.find((s) => s.text.includes('肖文高'));
      const text = await hoverOn(target, (t) => t.includes('肖文高') && t.includes('区长'), 'a hover with 肖文高 and 区长', 'hover');
      return text.slice(0, 160);
    });

    await step('the Events view lists the 研讨会 meeting', async () => {
      await page.locator(`.activitybar [aria-label*="${nls['viewContainer.title']}"]`).first().click();
      const rows = page.locator('.sidebar .pane-body .monaco-list-row');
      const texts = await until(async () => {
        const t = await rows.allTextContents();
        return t.some((x) => /研[讨討][会會]/.test(x)) ? t : undefined;
      }, 30_000, 'an Events view row with 研讨会');
      await screenshot('events-view');
      return `${texts.length} rows, e.g. ${texts.filter((x) => /研[讨討][会會]/.test(x))[0].slice(0, 60)}`;
    });

    await step('with the Events view open, the hover on 肖文高 lists his events', async () => {
      const target = (await underlines()).find((s) => s.text.includes('肖文高'));
      // The README's screenshot: Events and Entities views beside the hover.
      const text = await hoverOn(target, (t) => t.includes('肖文高') && /meeting|会议/.test(t), 'a hover on 肖文高 naming a meeting', 'overview');
      return text.slice(0, 120);
    });

    await step('Convert to Simplified from the command palette converts the editor text', async () => {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Home');
      await runCommandFromPalette(nls['command.convertToSimplified']);
      const lines = await until(async () => {
        const l = await editorLines();
        return l[0] && l[0] !== originalFirstLine ? l : undefined;
      }, 20_000, 'the first line to change');
      check(!/[創進國長區會]/.test(lines.slice(0, 5).join('')), `traditional characters remain: ${lines[0].slice(0, 40)}`);
      check(/[创进国长区会]/.test(lines[0]), `no simplified characters in: ${lines[0].slice(0, 40)}`);
      await screenshot('converted');
      return `${originalFirstLine.slice(0, 24)} → ${lines[0].slice(0, 24)}`;
    });

    await step('one Ctrl+Z restores the original text', async () => {
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Control+Z');
      const lines = await until(async () => {
        const l = await editorLines();
        return l[0] === originalFirstLine ? l : undefined;
      }, 10_000, 'the original first line after one undo');
      const dirty = await page.locator('.tabs-container .tab.active.dirty').count();
      check(dirty === 0, 'the editor is still dirty after undo');
      await screenshot('undone');
      return lines[0].slice(0, 24);
    });

    await step('the seed file on disk is unchanged', async () => {
      const now = readFileSync(join(folder, SEED), 'utf8');
      let i = 0;
      while (i < now.length && now[i] === original[i]) i++;
      check(now === original, `changed at offset ${i} (${original.length} → ${now.length} chars): ${JSON.stringify(original.slice(i, i + 20))} → ${JSON.stringify(now.slice(i, i + 20))}; files: ${readdirSync(folder).join(', ')}`);
    });
  } finally {
    writeFileSync(join(resultsDir, 'ui-browser-console.log'), consoleLog.join('\n'));
    await browser.close().catch(() => {});
    await server.stop();
    rmSync(dirs.base, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
  }
  const failed = results.filter((r) => !r.ok);
  writeFileSync(join(resultsDir, 'ui-results.json'), JSON.stringify({ totalMs: Date.now() - started, results }, null, 2));
  console.log(`[test:ui] ${results.length - failed.length} passing, ${failed.length} failing (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in test-results/ui-*.png`);
  if (failed.length) {
    console.log('----- VS Code server log (tail) -----');
    console.log(readFileSync(server.logFile, 'utf8').split('\n').slice(-40).join('\n'));
  }
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(`[test:ui] ${error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
