// The Markdown and HTML parsers recurse once per nesting level, so deep enough nested quotes, lists or <div>s overflow
// the stack (docs/security.md#rejected-and-why). Real articles nest a few levels deep, so a cheap scan of the raw text
// rejects anything past MAX_NESTING_DEPTH with a clear message before a parser can fail obscurely.

/** The deepest nesting accepted, separately for Markdown containers (quotes, lists) and for HTML elements. */
export const MAX_NESTING_DEPTH = 100;

/** Where a body nests too deeply, and what to do about it. */
export interface NestingProblem {
  /** The 1-based line in the whole file where the limit is passed. */
  readonly line: number;
  /** What is wrong. */
  readonly reason: string;
  /** How to fix it. */
  readonly fix: string;
}

// Void elements have no end tag; the others here are closed implicitly by the HTML parser, so they do not stack up.
const elementsThatDoNotNest = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'thead',
  'tbody',
  'tfoot',
  'option',
  'optgroup',
  'rb',
  'rt',
  'rtc',
  'rp',
  'colgroup',
  'html',
  'head',
  'body',
]);

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[\s/][^<>]*)?>/g;
const fencePattern = /^[\s>]*(`{3,}|~{3,})/;
// A marker takes the spaces after it: they are part of the marker, not indentation.
const listMarker = /(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/y;

/**
 * Finds the first place where a Markdown body nests more than `MAX_NESTING_DEPTH` levels: quote markers, list
 * markers and indentation (two columns a level) for Markdown; open elements for inline HTML. Code is skipped.
 * `bodyLine` is the file line the body starts on.
 */
export function findNestingProblem(body: string, bodyLine = 1, limit = MAX_NESTING_DEPTH): NestingProblem | undefined {
  const lines = body.split('\n');
  const open: string[] = [];
  let fence: string | undefined;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fenceMatch = line.includes('`') || line.includes('~') ? fencePattern.exec(line) : null;
    if (fence !== undefined) {
      if (fenceMatch?.[1]?.[0] === fence[0] && (fenceMatch?.[1]?.length ?? 0) >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      continue;
    }
    const markdownDepth = containerDepth(line);
    if (markdownDepth > limit) {
      return {
        line: bodyLine + index,
        reason: `the Markdown nests ${markdownDepth} levels deep (quotes, lists and indentation); the limit is ${limit}.`,
        fix: 'Flatten the nested quotes or lists, and remove long runs of leading spaces.',
      };
    }
    if (!line.includes('<')) continue;
    for (const match of line.replace(/`[^`]*`/g, '').matchAll(tagPattern)) {
      const name = (match[2] ?? '').toLowerCase();
      if (elementsThatDoNotNest.has(name) || match[0].endsWith('/>')) continue;
      if (match[1] === '/') {
        const at = open.lastIndexOf(name);
        if (at !== -1) open.length = at;
        continue;
      }
      open.push(name);
      if (open.length > limit) {
        return {
          line: bodyLine + index,
          reason: `the inline HTML nests more than ${limit} elements deep (${open.length} open here, such as <${name}>).`,
          fix: 'Close the elements you open, or remove the wrapping elements; Markdown needs none of them.',
        };
      }
    }
  }
  return undefined;
}

/** How many containers a line's prefix opens: `>` and list markers, plus one level per two columns of indentation. */
function containerDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  let index = 0;
  while (index < line.length) {
    const character = line[index];
    if (character === ' ') columns += 1;
    else if (character === '\t') columns += 4;
    else if (character === '>') {
      depth += 1;
      if (line[index + 1] === ' ') index += 1;
    } else {
      listMarker.lastIndex = index;
      const marker = listMarker.exec(line);
      if (!marker) break;
      depth += 1;
      index += marker[0].length;
      continue;
    }
    index += 1;
  }
  return depth + Math.floor(columns / 2);
}
