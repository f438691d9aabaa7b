// Dev loop for the NER recogniser on a character BIO file (People's Daily style).
//   node scripts/eval-ner.mjs [--bio FILE] [--train] [--cv K] [--errors N] [--epochs E]
// --train: train the character tagger on the whole file and write data/ner/tagger-model.json (or --out FILE).
// --as-cli: score with the recogniser's default options (what analyzeArticle uses).
// --tagger-only: score the character tagger alone, without the rules.
// Training knobs (defaults are what the shipped model uses): --epochs 16, --min-count 2 (features seen
// fewer times are not learnt), --min-weight 0.05, --augment 1 (mention-replacement copies),
// --ext P / --ext-per|loc|org P (share of replacements drawn from lexicons, default 0: it hurt CV),
// --gen-names (lexicon persons generated from surnames + given-name characters), --same-len, --drop T1,T2.
// --fold-models DIR: with --cv, write each fold's model to DIR/fold-F.json (sentence i is in fold i % K).
// --miss-stats [N]: with --cv, misses and false alarms by type and kind (wrong type, boundary, unseen), N examples each.
// --model FILE: score with that model instead of the shipped one.
// --cv K:  K-fold cross-validation of the full recogniser (tagger trained on K-1 folds each time).
// default: score the recogniser with the shipped model.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i < 0 ? dflt : process.argv[i + 1] ?? true; };
const has = (name) => process.argv.includes(name);
const bioPath = arg('--bio', '/work/shared/data/peoples-daily-ner-dev.bio');
const dataDir = join(root, 'data');

mkdirSync(join(root, 'out'), { recursive: true });
// One bundle per process: several dev loops may run side by side on one tree.
const bundle = join(root, 'out', `ner-dev-${process.pid}.js`);
await build({
  stdin: {
    contents: `export * from './src/core/nerEval'; export * from './src/core/entities/charTagger';
      export * from './src/core/entities/nerData'; export { recognizeEntities } from './src/core/entities/recognize';`,
    resolveDir: root, loader: 'ts',
  },
  // While H4's policy module is not written yet, stub it so the dev loop still runs.
  plugins: [{ name: 'policy-stub', setup(b) {
    b.onResolve({ filter: /\/policy$/ }, (a) => existsSync(join(a.resolveDir, a.path + '.ts')) ? undefined : { path: 'policy-stub', namespace: 'stub' });
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export const loadGlossary = () => []; export const findPolicyTerms = () => [];', loader: 'js' }));
  } }],
  bundle: true, platform: 'node', format: 'cjs', outfile: bundle, external: ['nodejieba', 'vscode'], logLevel: 'warning',
});
const ner = require(bundle);
rmSync(bundle, { force: true });
const jieba = require('nodejieba');

const sentences = ner.parseBio(readFileSync(bioPath, 'utf8'));
const t0 = Date.now();
const tokenize = (text) => {
  let off = 0;
  return jieba.tag(text).map(({ word, tag }) => {
    const start = text.indexOf(word, off);
    const t = { word, tag, start: start < 0 ? off : start, end: (start < 0 ? off : start) + word.length };
    off = t.end;
    return t;
  });
};
const tokenized = sentences.map((s) => ({ ...s, tokens: tokenize(s.text) }));
const jiebaMs = Date.now() - t0;
const lex = ner.loadNerData(dataDir).lexicon;

// --drop T1,T2: ablation, train without these feature templates (charTagger TEMPLATES).
const dropped = String(arg('--drop', '')).split(',').filter(Boolean);
// A name ending in * drops every template starting with it (D* = the lexicon templates).
const dropSet = new Set(ner.TEMPLATES.filter((t) => dropped.some((d) => (d.endsWith('*') ? t.startsWith(d.slice(0, -1)) : t === d))));
const featsOf = (s) => ner.charFeatures(s.text, s.tokens, lex, dropSet);

// Mention replacement (--augment R, default 1): R extra copies of every training sentence with an
// entity, each entity swapped for a random one of the same type — from the training sentences
// themselves and from the lexicons (surname + given-name names, gazetteer places, jieba nt words).
// It teaches the tagger contexts and name shapes instead of memorising the few names it saw.
const data0 = ner.loadNerData(dataDir);
const lexiconWords = (letter) => readFileSync(join(dataDir, 'generated', 'ner-lexicon.tsv'), 'utf8').split('\n')
  .filter((l) => l.endsWith('\t' + letter)).map((l) => l.split('\t')[0]);
// Generated Chinese names: a frequent surname and one or two given-name characters drawn by frequency.
const givenChars = readFileSync(join(dataDir, 'generated', 'given-name-chars.tsv'), 'utf8').split('\n')
  .map((l) => l.split('\t')).filter(([c, n]) => c && c.length === 1 && Number(n) >= 20).flatMap(([c, n]) => Array(Math.ceil(Math.sqrt(Number(n)))).fill(c));
const surnameList = readFileSync(join(dataDir, 'ner', 'surnames.txt'), 'utf8').split(/\s+/).filter((w) => w.length === 1).slice(0, 200);
const generatedNames = Array.from({ length: 5000 }, (_, i) => surnameList[(i * 7919) % surnameList.length] + givenChars[(i * 104729) % givenChars.length] + (i % 4 ? givenChars[(i * 15485863) % givenChars.length] : ''));
const externalPools = {
  PER: has('--gen-names') ? generatedNames : lexiconWords('N').filter((w) => w.length >= 2 && w.length <= 3 && lex.surnames.has(w[0])),
  LOC: [...data0.placeIndex.keys()].filter((w) => w.length >= 2),
  ORG: lexiconWords('O').filter((w) => w.length >= 3),
};
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (list) => list[Math.floor(rnd() * list.length)];
function augment(items, copies) {
  const pools = { PER: [], LOC: [], ORG: [] };
  for (const s of items) for (const sp of s.spans) pools[sp.type].push(s.text.slice(sp.start, sp.end));
  // --same-len: a name is swapped for one of the same length class (中 of 中美 for another one-character place).
  const lenClass = (w) => Math.min(w.length, 4);
  const byLen = {};
  for (const [type, list] of Object.entries(pools)) for (const w of list) (byLen[type + lenClass(w)] ??= []).push(w);
  const sameLen = has('--same-len');
  const out = [];
  for (let c = 0; c < copies; c++) {
    for (const s of items) {
      if (s.spans.length === 0) continue;
      let text = '', last = 0;
      const spans = [];
      for (const sp of [...s.spans].sort((a, b) => a.start - b.start)) {
        const orig = s.text.slice(sp.start, sp.end);
        const extP = Number(arg('--ext-' + sp.type.toLowerCase(), arg('--ext', 0)));
        const name = rnd() < extP ? pick(externalPools[sp.type])
          : sameLen ? pick(byLen[sp.type + lenClass(orig)] ?? pools[sp.type]) : pick(pools[sp.type]);
        text += s.text.slice(last, sp.start);
        spans.push({ type: sp.type, start: text.length, end: text.length + name.length });
        text += name;
        last = sp.end;
      }
      text += s.text.slice(last);
      out.push({ text, spans, tokens: tokenize(text) });
    }
  }
  return out;
}
const trainOn = (items) => {
  const all = [...items, ...augment(items, Number(arg('--augment', 1)))];
  return ner.trainTagger(all.map((s) => ({ feats: featsOf(s), gold: ner.spansToTags(s.text.length, s.spans) })), Number(arg('--epochs', 16)), Number(arg('--min-weight', 0.05)), Number(arg('--min-count', 2)));
};

const resources = { dataDir, userTerms: [] };
const scoredTypes = new Set(['person', 'place', 'organization']);
// --as-cli: default recogniser options, as analyzeArticle (and so `cli eval-ner`) calls it.
const options = has('--as-cli') ? {} : { types: scoredTypes, bioConventions: true };
function run(items) {
  const t = Date.now();
  const typeOf = { PER: 'person', LOC: 'place', ORG: 'organization' };
  const data = ner.loadNerData(dataDir);
  const pred = has('--tagger-only')
    ? items.map((s) => data.tagger.tag(s.text, s.tokens, data.lexicon).map((x) => ({ ...x, type: typeOf[x.type], source: 'tagger' })))
    : items.map((s) => ner.recognizeEntities({ text: s.text, tokens: s.tokens, skip: [], articleDate: null }, resources, options));
  return { pred, ms: Date.now() - t };
}
function report(items, pred, label) {
  const score = ner.scoreNer(items.map((s) => s.spans), pred);
  console.log(`== ${label}`);
  for (const [t, v] of Object.entries(score.perType).sort()) console.log(`${t}\tP=${v.p.toFixed(3)} R=${v.r.toFixed(3)} F1=${v.f1.toFixed(3)} (tp ${v.tp} fp ${v.fp} fn ${v.fn})`);
  const o = score.overall;
  console.log(`P=${o.p.toFixed(3)} R=${o.r.toFixed(3)} F1=${o.f1.toFixed(3)}`);
  return score;
}
// --miss-stats: misses and false alarms by type, classified (wrong type / boundary / unseen), and by length.
function missStats(items, pred) {
  const map = { person: 'PER', place: 'LOC', organization: 'ORG' };
  const stats = {};
  const bump = (k) => { stats[k] = (stats[k] ?? 0) + 1; };
  const examples = {};
  items.forEach((s, i) => {
    const ps = pred[i].filter((x) => map[x.type]).map((x) => ({ type: map[x.type], start: x.start, end: x.end }));
    const same = (a, b) => a.start === b.start && a.end === b.end;
    const over = (a, b) => a.start < b.end && b.start < a.end;
    for (const g of s.spans) {
      if (ps.some((p) => same(p, g) && p.type === g.type)) continue;
      const kind = ps.some((p) => same(p, g)) ? 'type' : ps.some((p) => over(p, g) && p.type === g.type) ? 'bound' : ps.some((p) => over(p, g)) ? 'other' : 'none';
      const key = `miss ${g.type} ${kind} len${Math.min(g.end - g.start, 6)}`;
      bump(key);
      (examples[`miss ${g.type} ${kind}`] ??= []).push(s.text.slice(g.start, g.end) + (kind === 'none' ? '' : '/' + ps.filter((p) => over(p, g)).map((p) => p.type + ':' + s.text.slice(p.start, p.end)).join(',')));
    }
    for (const p of ps) {
      if (s.spans.some((g) => same(p, g) && p.type === g.type)) continue;
      const kind = s.spans.some((g) => same(p, g)) ? 'type' : s.spans.some((g) => over(p, g) && p.type === g.type) ? 'bound' : s.spans.some((g) => over(p, g)) ? 'other' : 'none';
      bump(`fa ${p.type} ${kind} len${Math.min(p.end - p.start, 6)}`);
      (examples[`fa ${p.type} ${kind}`] ??= []).push(s.text.slice(p.start, p.end));
    }
  });
  const groups = {};
  for (const [k, v] of Object.entries(stats)) { const g = k.split(' len')[0]; (groups[g] ??= []).push(k.split(' ').pop() + ':' + v); groups[g].total = (groups[g].total ?? 0) + v; }
  for (const [g, l] of Object.entries(groups).sort()) console.log(`${g}\t${l.total}\t${l.sort().join(' ')}`);
  const nEx = Number(arg('--miss-stats', 40)) || 40;
  for (const [g, l] of Object.entries(examples).sort()) console.log(`-- ${g}: ${l.slice(0, nEx).join(' ')}`);
}
function errors(items, pred, n) {
  const map = { person: 'PER', place: 'LOC', organization: 'ORG' };
  let shown = 0;
  for (let i = 0; i < items.length && shown < n; i++) {
    const s = items[i];
    const g = new Set(s.spans.map((x) => `${x.type}:${s.text.slice(x.start, x.end)}@${x.start}`));
    const p = new Set(pred[i].filter((x) => map[x.type]).map((x) => `${map[x.type]}:${s.text.slice(x.start, x.end)}@${x.start}`));
    const src = new Map(pred[i].map((x) => [`${map[x.type]}:${s.text.slice(x.start, x.end)}@${x.start}`, x.source]));
    const fn = [...g].filter((x) => !p.has(x)), fp = [...p].filter((x) => !g.has(x));
    if (fn.length || fp.length) { shown++; console.log(`${s.text.slice(0, 80)}\n   missed ${fn.join(' ')}\n   wrong  ${fp.map((x) => x + "[" + src.get(x) + "]").join(" ")}`); }
  }
}

if (has('--train')) {
  const model = trainOn(tokenized);
  writeFileSync(String(arg('--out', join(dataDir, 'ner', 'tagger-model.json'))), JSON.stringify(model));
  console.log(`trained on ${tokenized.length} sentences, ${Buffer.from(model.counts, 'base64').length} features`);
} else if (has('--cv')) {
  const k = Number(arg('--cv', 5));
  const allPred = new Array(tokenized.length);
  for (let f = 0; f < k; f++) {
    const test = tokenized.filter((_, i) => i % k === f), train = tokenized.filter((_, i) => i % k !== f);
    const model = trainOn(train);
    // --fold-models DIR: keep each fold's model (fold-F.json), to debug a sentence with a tagger that never saw it.
    if (has('--fold-models')) { mkdirSync(String(arg('--fold-models')), { recursive: true }); writeFileSync(join(String(arg('--fold-models')), `fold-${f}.json`), JSON.stringify(model)); }
    ner.setTagger(dataDir, model);
    const { pred } = run(test);
    tokenized.forEach((_, i) => { if (i % k === f) allPred[i] = pred[i === f ? 0 : Math.floor(i / k)]; });
    report(test, pred, `fold ${f + 1}/${k}`);
  }
  const score = report(tokenized, allPred, `${k}-fold cross-validation (all folds pooled)`);
  if (has('--errors')) errors(tokenized, allPred, Number(arg('--errors', 30)));
  if (has('--miss-stats')) missStats(tokenized, allPred);
} else {
  // --model FILE: score with another trained model (e.g. one trained on other folds with --train --out).
  if (has('--model')) ner.setTagger(dataDir, JSON.parse(readFileSync(String(arg('--model')), 'utf8')));
  const { pred, ms } = run(tokenized);
  report(tokenized, pred, `${bioPath} (shipped model)`);
  console.log(`jieba.tag ${jiebaMs} ms, recognizeEntities ${ms} ms for ${tokenized.reduce((a, s) => a + s.text.length, 0)} chars`);
  if (has('--errors')) errors(tokenized, pred, Number(arg('--errors', 30)));
}
