// Error classes of a recogniser run, from `node scripts/eval-ner.mjs ... --errors 100000` output on stdin:
//   node scripts/eval-ner.mjs --cv 5 --errors 100000 | node scripts/ner-error-summary.mjs [--show N]
// Each miss is classed as: wrong type (same span, other type), boundary (overlapping span of the same
// type), overlapped (overlapping span of another type) or unseen (nothing predicted there); each
// spurious span likewise, plus the rule or tagger source that produced it.
import { readFileSync } from 'node:fs';

const show = Number(process.argv[process.argv.indexOf('--show') + 1] || 15);
const lines = readFileSync(0, 'utf8').split('\n');
const parse = (s) => s.trim().split(' ').filter(Boolean).map((x) => {
  const m = /^(PER|LOC|ORG):(.*)@(\d+)(?:\[(.*)\])?$/.exec(x);
  return m && { type: m[1], text: m[2], start: Number(m[3]), end: Number(m[3]) + m[2].length, source: m[4] };
}).filter(Boolean);
const classes = {}, examples = {};
const note = (key, ex) => { classes[key] = (classes[key] ?? 0) + 1; (examples[key] ??= []).push(ex); };
for (let i = 0; i < lines.length; i++) {
  if (!lines[i].startsWith('   missed')) continue;
  const sentence = lines[i - 1];
  const missed = parse(lines[i].slice(9)), wrong = parse(lines[i + 1].slice(9));
  const overlaps = (a, b) => a.start < b.end && b.start < a.end;
  for (const g of missed) {
    const o = wrong.filter((p) => overlaps(p, g));
    const kind = o.some((p) => p.start === g.start && p.end === g.end) ? 'wrong-type'
      : o.some((p) => p.type === g.type) ? 'boundary' : o.length ? 'overlapped' : 'unseen';
    note(`miss ${g.type} ${kind}`, `${g.text}${o.length ? ' <- ' + o.map((p) => `${p.type}:${p.text}[${p.source}]`).join(',') : ''}   | ${sentence.slice(Math.max(0, g.start - 8), g.end + 8)}`);
  }
  for (const p of wrong) {
    const o = missed.filter((g) => overlaps(p, g));
    if (o.length) { note(`spurious ${p.type} (overlaps gold) [${p.source}]`, `${p.text}`); continue; }
    note(`spurious ${p.type} [${p.source}]`, `${p.text}   | ${sentence.slice(Math.max(0, p.start - 8), p.end + 8)}`);
  }
}
for (const [k, v] of Object.entries(classes).sort((a, b) => b[1] - a[1])) {
  console.log(`${String(v).padStart(5)}  ${k}`);
  for (const e of examples[k].slice(0, show)) console.log(`         ${e}`);
}
