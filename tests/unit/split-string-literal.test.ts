import { describe, expect, it } from 'vitest';
import { splitJsonParseModule } from '@/lib/build/split-string-literal';

/** Runs a module's `export default` expression and returns its value. */
function evaluate(code: string): unknown {
  return new Function(`return ${code.replace(/^export default /, '').replace(/;\s*$/, '')}`)();
}

describe('splitJsonParseModule', () => {
  const store = { articles: [{ html: '<p class="lead">“Curly” quotes, it’s 😀 \\ "plain" and \n newlines</p>' }], n: 42 };
  const module = `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;

  it('gives the same value from literals no longer than the part length, cutting inside escapes and surrogate pairs', () => {
    for (const partLength of [1, 2, 3, 7, 50]) {
      const split = splitJsonParseModule(module, partLength);
      expect(split, `part length ${partLength}`).toBeDefined();
      expect(evaluate(split!)).toEqual(store);
      const literals = split!.match(/^".*",?$/gm) ?? [];
      expect(literals.length).toBeGreaterThan(1);
      // Each literal is the part length in source characters, or up to five more to finish an escape.
      for (const literal of literals) expect(literal.replace(/,$/, '').length - 2).toBeLessThanOrEqual(partLength + 5);
    }
  });
  it('handles a store of many megabytes', () => {
    const big = { html: 'x“"\\'.repeat(2_000_000) };
    const split = splitJsonParseModule(`export default JSON.parse(${JSON.stringify(JSON.stringify(big))})`);
    expect(evaluate(split!)).toEqual(big);
  });
  it('keeps escaped backslashes and quotes apart from the escapes they sit next to', () => {
    const tricky = { text: '\\"\\\\u0041\u00e9\\\\\\"end' };
    const code = `export default JSON.parse(${JSON.stringify(JSON.stringify(tricky))})`;
    for (const partLength of [1, 2, 3, 4, 5, 6]) expect(evaluate(splitJsonParseModule(code, partLength)!)).toEqual(tricky);
  });
  it('leaves a small module, and code of any other shape, as it is', () => {
    expect(splitJsonParseModule(module, 1_000_000)).toBeUndefined();
    expect(splitJsonParseModule('export default new Map()', 1)).toBeUndefined();
    expect(splitJsonParseModule(`export default JSON.parse("[1]") + sideEffect()`, 1)).toBeUndefined();
    expect(splitJsonParseModule(`export default JSON.parse("[1]", ("x"))`, 1)).toBeUndefined();
    expect(splitJsonParseModule(`export default JSON.parse("[1]" + "2")`, 1)).toBeUndefined();
  });
});
