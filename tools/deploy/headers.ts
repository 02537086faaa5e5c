// The response headers of the deployed site have one source: `public/_headers`, in the format Netlify and Cloudflare
// Pages read from the published folder. Hosts with their own format get a copy generated from it (`vercel.json`, by
// `npm run sync:hosts`), and `npm run preview` applies it, so every host and the preview send the same headers.

/** One block of a `_headers` file: a path pattern and the headers for responses that match it. */
export interface HeaderRule {
  /** The URL path pattern: `/*`, `/_astro/*`, `/feeds/:name`, or an exact path. */
  readonly path: string;
  /** The headers, in file order, as `[name, value]`. */
  readonly headers: readonly (readonly [string, string])[];
}

/** A `headers` entry of `vercel.json`. */
export interface VercelHeaderRule {
  /** The path pattern in Vercel's syntax (path-to-regexp): `/(.*)`, `/_astro/(.*)`. */
  readonly source: string;
  /** The headers as `{ key, value }`. */
  readonly headers: readonly { readonly key: string; readonly value: string }[];
}

const headerNamePattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Parses a `_headers` file; throws on a line that is neither a path, an indented `Name: value`, a comment nor blank. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: [string, string][] }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const where = `_headers line ${index + 1}`;
    if (line.trim() === '' || line.trim().startsWith('#')) return;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      if (!path.startsWith('/') && !/^https:\/\//.test(path))
        throw new Error(`${where}: a rule starts with a path such as /*, got ${JSON.stringify(path)}.`);
      rules.push({ path, headers: [] });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${where}: a header comes before any path.`);
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim();
    if (colon === -1 || !headerNamePattern.test(name))
      throw new Error(`${where}: expected "Name: value", got ${JSON.stringify(line.trim())}.`);
    rule.headers.push([name, line.slice(colon + 1).trim()]);
  });
  return rules;
}

/** Whether a `_headers` path pattern matches a URL path: `*` matches anything, `:name` one segment. */
export function pathMatches(pattern: string, urlPath: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(urlPath);
}

/**
 * The headers a response for `urlPath` gets: every matching rule applies; a header set by two matching rules is
 * joined with `, ` (what Cloudflare Pages does), which is why no two overlapping rules should set one header.
 */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Map<string, string> {
  const result = new Map<string, string>();
  const names = new Map<string, string>();
  for (const rule of rules) {
    if (!pathMatches(rule.path, urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const existing = names.get(key);
      if (existing === undefined) {
        names.set(key, name);
        result.set(name, value);
      } else {
        result.set(existing, `${result.get(existing)}, ${value}`);
      }
    }
  }
  return result;
}

/** The `headers` of `vercel.json` for the same rules: `/*` becomes `/(.*)`; `:name` keeps its meaning. */
export function toVercelHeaders(rules: readonly HeaderRule[]): VercelHeaderRule[] {
  return rules.map((rule) => {
    if (!rule.path.startsWith('/'))
      throw new Error(`vercel.json cannot carry the absolute-URL rule ${rule.path}; use a path.`);
    return {
      source: rule.path.replace(/\*/g, '(.*)'),
      headers: rule.headers.map(([key, value]) => ({ key, value })),
    };
  });
}
