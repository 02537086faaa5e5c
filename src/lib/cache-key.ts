import { createHash } from 'node:crypto';

// Astro's incremental builds (experimental.incrementalBuild) copy a page from the last build instead of rendering it
// again when its route's code is unchanged and the `cacheKey` its getStaticPaths entry gives is the same. A key must
// therefore change whenever anything the page shows changes. Each route builds its key from exactly the data it
// renders, through this one function, so no page can show something its key leaves out.

/** A collection entry as Astro gives it: its content digest stands for its front matter and body. */
interface DigestedEntry {
  readonly collection: string;
  readonly id: string;
  readonly digest: string;
}

function isDigestedEntry(value: object): value is DigestedEntry {
  const candidate = value as Partial<DigestedEntry>;
  return (
    typeof candidate.collection === 'string' && typeof candidate.id === 'string' && typeof candidate.digest === 'string'
  );
}

// The text hashed is what `JSON.stringify(shown, replacer)` gave with a replacer that wrote an entry as
// `collection/id@digest` and a Map as its entries, except that a deeply frozen object or array whose JSON is longer
// than 64 characters is written as `#` and the SHA-256 of that JSON (text no JSON value begins with), every time. Listing pages show whole articles,
// so at 20,000 articles the pages' keys serialised 168 MB of JSON, each article about eight times; content.ts freezes
// its articles, and each is now serialised and hashed once a build. Only a value frozen all the way down is remembered: nothing in it
// can change, so its text cannot go stale. tests/unit/cache-key.test.ts compares the keys with the replacer's.

// A frozen value whose JSON is no longer than this is written as its JSON, which is shorter than a hash.
const SHORT_JSON = 64;

// Deeply frozen objects and arrays already written, with the text that stands for them.
const frozenText = new WeakMap<object, string>();

// Set when the value being written holds something that may change (an unfrozen object, a Map, a toJSON method).
let mutableSeen = false;

/** The JSON text of `value` as a property or array element; undefined where JSON leaves the value out. */
function toJson(input: unknown, key: string): string | undefined {
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    mutableSeen = true;
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON does
    default:
      return undefined; // undefined, a function or a symbol
  }
  if (value === null) return 'null';
  const remembered = frozenText.get(value);
  if (remembered !== undefined) return remembered;
  const outerMutableSeen = mutableSeen;
  mutableSeen = !Object.isFrozen(value);
  let text = objectJson(value, key);
  if (!mutableSeen) {
    if (text.length > SHORT_JSON) text = `#${createHash('sha256').update(text).digest('base64url')}`;
    frozenText.set(value, text);
  }
  mutableSeen ||= outerMutableSeen;
  return text;
}

function objectJson(value: object, _key: string): string {
  if (Array.isArray(value)) return arrayJson(value);
  if (isDigestedEntry(value)) return JSON.stringify(`${value.collection}/${value.id}@${value.digest}`);
  if (value instanceof Map) {
    mutableSeen = true;
    return arrayJson([...value.entries()]);
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) {
    mutableSeen = true;
    return JSON.stringify(value);
  }
  let text = '';
  for (const name of Object.keys(value)) {
    const member = toJson((value as Record<string, unknown>)[name], name);
    if (member === undefined) continue;
    text += `${text === '' ? '{' : ','}${quotedName(name)}:${member}`;
  }
  return text === '' ? '{}' : `${text}}`;
}

// Pages show the same few property names over and over; each is quoted once.
const quotedNames = new Map<string, string>();

function quotedName(name: string): string {
  let quoted = quotedNames.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    if (quotedNames.size < 10_000) quotedNames.set(name, quoted);
  }
  return quoted;
}

function arrayJson(items: readonly unknown[]): string {
  let text = '[';
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0) text += ',';
    text += toJson(items[index], String(index)) ?? 'null';
  }
  return `${text}]`;
}

/**
 * A cacheKey for a page that shows `shown`: a SHA-256 of its JSON. A collection entry counts as its collection, id
 * and content digest (the digest changes with any byte of the file), which keeps keys small: no article body is
 * serialised. A Map counts as its entries. Object keys are not sorted: the same code builds the same objects in the
 * same order, and a change of code changes the route's dependency hash anyway. (Sorting every object's keys was a
 * cost paid for every page: docs/performance.md#how-it-stays-fast.)
 */
export function pageCacheKey(shown: unknown): string {
  return createHash('sha256')
    .update(toJson(shown, '') ?? 'undefined')
    .digest('base64url');
}
