// Astro bundles its content store into the build as one module, `export default JSON.parse("<the whole store>")`.
// V8 compiles a string literal in time that grows with the square of its length when it holds characters beyond
// Latin-1 (articles have curly quotes): 0.5 s for 14 MB, 2.3 s for 36 MB, 8.9 s for 72 MB in a plain Node 22
// measurement, and 9 s of every build at 5,000 articles. The same text as 1 MB literals joined at run time compiles
// in 1.5 s at 72 MB, and grows linearly.

/** How long each string literal written is, in characters of source (a few more to finish an escape). */
export const LITERAL_PART_LENGTH = 1_000_000;

/** Whether `index` in a string literal's text falls inside an escape sequence (after a backslash, or in `\\uXXXX`). */
function insideEscape(text: string, index: number): boolean {
  for (let back = 1; back <= 5 && index - back >= 0; back += 1) {
    if (text[index - back] !== '\\') continue;
    // A backslash counts only if it is not itself escaped: an odd run of them ends in a live one.
    let run = 1;
    while (index - back - run >= 0 && text[index - back - run] === '\\') run += 1;
    if (run % 2 === 0) continue;
    if (back === 1) return true;
    return text[index - back + 1] === 'u';
  }
  return false;
}

/**
 * The module `export default JSON.parse("...")` with its one string literal cut into literals of `partLength`
 * characters of source (up to five more to finish an escape), joined when the module runs: the same value, linear to compile. The literal is
 * cut as source text, never decoded, so the rewrite holds little more than one extra copy of the module in memory.
 * Any other code is returned as it is (undefined), so a change in Astro's output never breaks the build.
 */
export function splitJsonParseModule(code: string, partLength = LITERAL_PART_LENGTH): string | undefined {
  const prefix = 'export default JSON.parse("';
  const body = code.trimEnd().replace(/;$/, '');
  if (!body.startsWith(prefix) || !body.endsWith('")')) return undefined;
  const inner = body.slice(prefix.length, -2);
  if (inner.length <= partLength) return undefined;
  // The text between the quotes must be one literal: every quote in it escaped. (A regular expression over many
  // megabytes overflows the engine's stack, so this is a plain scan.)
  for (let index = inner.indexOf('"'); index !== -1; index = inner.indexOf('"', index + 1)) {
    if (!insideEscape(inner, index)) return undefined;
  }
  if (insideEscape(inner, inner.length)) return undefined;
  const parts: string[] = [];
  let start = 0;
  while (start < inner.length) {
    let end = Math.min(start + partLength, inner.length);
    // Never inside an escape: a part may run up to five characters long to finish one.
    while (end < inner.length && insideEscape(inner, end)) end += 1;
    parts.push(`"${inner.slice(start, end)}"`);
    start = end;
  }
  return `export default JSON.parse([\n${parts.join(',\n')}\n].join(''));\n`;
}
