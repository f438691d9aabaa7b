// The TextMate grammar (syntaxes/zh-policy.tmLanguage.json) tokenized with the same engine VS Code
// uses (vscode-textmate + Oniguruma): which text gets which scope, on a seed and on edge cases of
// its look-behinds (a gloss only after a Han character, a ? run matched from its start, numbers
// not inside Latin words).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as onig from 'vscode-oniguruma';

const root = path.resolve(__dirname, '../../..');

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
function grammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(path.join(root, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
      loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(path.join(root, 'syntaxes', 'zh-policy.tmLanguage.json'), 'utf8'), 'zh-policy.tmLanguage.json'),
    });
    const g = await registry.loadGrammar('text.zh-policy');
    if (!g) throw new Error('grammar text.zh-policy did not load');
    return g;
  })();
  return grammarPromise;
}

/** Each line's tokens as [text, last scope] pairs, the plain text scope dropped. */
async function scopesOf(text: string): Promise<Array<Array<[string, string]>>> {
  const g = await grammar();
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens
      .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as [string, string])
      .filter(([, scope]) => scope !== 'text.zh-policy');
  });
}

const scoped = (tokens: Array<[string, string]>, fragment: string) => tokens.filter(([, s]) => s.includes(fragment)).map(([t]) => t);

test('grammar: the traditional seed headline and its pinyin glosses', async () => {
  const seed = fs.readFileSync(path.join(root, 'seeds', '000_367782aa6370fb6f.txt'), 'utf8');
  const [headline] = await scopesOf(seed);
  assert.ok(scoped(headline, 'pinyin-gloss').includes('(chuàng)'), JSON.stringify(headline.slice(0, 6)));
  assert.ok(headline.some(([, s]) => s.startsWith('markup.heading.title')), 'the headline is a title');
});

test('grammar: a gloss only right after a Han character, of 1–7 letters', async () => {
  const [, line] = await scopesOf('标题\n中(pīn)音 a(pīn) 中（zhōng）国 A(bc) 字(abcdefgh)');
  assert.deepEqual(scoped(line, 'pinyin-gloss'), ['(pīn)', '（zhōng）']);
});

test('grammar: HTML remnants and damaged glosses take the whole run of ? from its start', async () => {
  const [, line] = await scopesOf('标题\n??p> ?p> ???/p> x?! ?p> ?ab) ??ab) \uFFFDab) a?ab)');
  assert.deepEqual(scoped(line, 'html-remnant'), ['??p>', '?p>', '???/p>', '?! ?p>']);
  assert.deepEqual(scoped(line, 'damaged-gloss'), ['?ab)', '??ab)', '\uFFFDab)', '?ab)']);
});

test('grammar: numbers and dates, not inside Latin words or longer digit runs', async () => {
  const [, line] = await scopesOf('标题\nA12 3.14% .5 x.7 12,345 中12 2024-01-02 12024-01-02 12月3日 112月3日 3月4日至5日 2020年1月2日');
  assert.deepEqual(scoped(line, 'constant.other.date'), ['2024-01-02', '12月3日', '3月4日至5日', '2020年1月2日']);
  assert.deepEqual(scoped(line, 'constant.numeric'), ['3.14%', '12,345', '12', '12024', '01', '02', '112', '3']);
});
