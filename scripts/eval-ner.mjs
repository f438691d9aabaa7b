// Dev loop for the NER recogniser on a character BIO file (People's Daily style).
//   node scripts/eval-ner.mjs [--bio FILE] [--train] [--cv K] [--errors N] [--epochs E]
// --train: train the character tagger on the whole file and write data/ner/tagger-model.json.
// --cv K:  K-fold cross-validation of the full recogniser (tagger trained on K-1 folds each time).
// default: score the recogniser with the shipped model.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i < 0 ? dflt : process.argv[i + 1] ?? true; };
const has = (name) => process.argv.includes(name);
const bioPath = arg('--bio', '/work/shared/data/peoples-daily-ner-dev.bio');
const dataDir = join(root, 'data');

mkdirSync(join(root, 'out'), { recursive: true });
const bundle = join(root, 'out', 'ner-dev.js');
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
const jieba = require('nodejieba');

const sentences = ner.parseBio(readFileSync(bioPath, 'utf8'));
const t0 = Date.now();
const tokenized = sentences.map((s) => {
  let off = 0;
  const tokens = jieba.tag(s.text).map(({ word, tag }) => {
    const start = s.text.indexOf(word, off);
    const t = { word, tag, start: start < 0 ? off : start, end: (start < 0 ? off : start) + word.length };
    off = t.end;
    return t;
  });
  return { ...s, tokens };
});
const jiebaMs = Date.now() - t0;
const lex = ner.loadNerData(dataDir).lexicon;

const goldIdx = (s) => {
  const g = new Array(s.text.length).fill(0);
  for (const sp of s.spans) for (let i = sp.start; i < sp.end; i++) g[i] = ner.TAGS.indexOf((i === sp.start ? 'B-' : 'I-') + sp.type);
  return g;
};
const trainOn = (items) => ner.trainTagger(items.map((s) => ({ feats: ner.charFeatures(s.text, s.tokens, lex), gold: goldIdx(s) })), Number(arg('--epochs', 8)));

const resources = { dataDir, userTerms: [] };
const scoredTypes = new Set(['person', 'place', 'organization']);
function run(items) {
  const t = Date.now();
  const pred = items.map((s) => ner.recognizeEntities({ text: s.text, tokens: s.tokens, skip: [], articleDate: null }, resources, { types: scoredTypes, bioConventions: true }));
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
  writeFileSync(join(dataDir, 'ner', 'tagger-model.json'), JSON.stringify(model));
  console.log(`trained on ${tokenized.length} sentences, ${Object.keys(model.weights).length} features`);
} else if (has('--cv')) {
  const k = Number(arg('--cv', 5));
  const allPred = new Array(tokenized.length);
  for (let f = 0; f < k; f++) {
    const test = tokenized.filter((_, i) => i % k === f), train = tokenized.filter((_, i) => i % k !== f);
    ner.setTagger(dataDir, trainOn(train));
    const { pred } = run(test);
    tokenized.forEach((_, i) => { if (i % k === f) allPred[i] = pred[i === f ? 0 : Math.floor(i / k)]; });
    report(test, pred, `fold ${f + 1}/${k}`);
  }
  const score = report(tokenized, allPred, `${k}-fold cross-validation (all folds pooled)`);
  if (has('--errors')) errors(tokenized, allPred, Number(arg('--errors', 30)));
} else {
  const { pred, ms } = run(tokenized);
  report(tokenized, pred, `${bioPath} (shipped model)`);
  console.log(`jieba.tag ${jiebaMs} ms, recognizeEntities ${ms} ms for ${tokenized.reduce((a, s) => a + s.text.length, 0)} chars`);
  if (has('--errors')) errors(tokenized, pred, Number(arg('--errors', 30)));
}
