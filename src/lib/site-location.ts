// Where the site is served: its public origin (SITE_URL) and the path under it (BASE_PATH), read from the
// environment and checked, so that a typo stops the build with a message instead of shipping broken links.

/** Where the built site will be served. */
export interface SiteLocation {
  /** The public origin, such as `https://example.org`, without a trailing slash. */
  readonly url: string;
  /** The path the site is served under, with a leading and a trailing slash: `/`, or `/news/`. */
  readonly base: string;
}

/** The environment variables Broadsheet reads (all optional). */
export type SiteEnvironment = Readonly<Record<string, string | undefined>>;

/** Where the site is served when the environment says nothing: `npm run preview` on this machine. */
export const defaultSiteLocation: SiteLocation = { url: 'http://127.0.0.1:4321', base: '/' };

const segmentPattern = /^[A-Za-z0-9._~-]+$/;

/**
 * Normalises a base path to `/a/b/`: a missing leading or trailing slash is added (`news`, `/news` and `news/` all
 * give `/news/`); an empty value is `/`. Anything that is not a plain path (a URL, `?`, `#`, `..`, `//`, spaces) throws.
 */
export function normalizeBasePath(value: string, variable = 'BASE_PATH'): string {
  const trimmed = value.trim();
  const problem = (why: string) =>
    new Error(
      `${variable}=${JSON.stringify(value)} ${why} Write the path the site is served under, such as /news/ (or / for the whole domain).`,
    );
  if (trimmed === '' || trimmed === '/') return '/';
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) {
    return fail(problem('is a URL, not a path. Put the origin in SITE_URL and only the path in BASE_PATH.'));
  }
  const segments = trimmed.replace(/^\/|\/$/g, '').split('/');
  for (const segment of segments) {
    if (segment === '') return fail(problem('has an empty segment (//).'));
    if (segment === '.' || segment === '..') return fail(problem('has a . or .. segment.'));
    if (!segmentPattern.test(segment)) {
      return fail(
        problem(
          `has a segment (${JSON.stringify(segment)}) with characters other than letters, digits, -, _, . and ~.`,
        ),
      );
    }
  }
  return `/${segments.join('/')}/`;
}

/**
 * Checks a public site URL: `http:` or `https:`, no credentials, query or fragment. Returns its origin and the path
 * it carries (`https://user.github.io/repo` gives `/repo/`), so that a URL copied with its path still works.
 */
export function parseSiteUrl(value: string, variable = 'SITE_URL'): SiteLocation {
  const trimmed = value.trim();
  const problem = (why: string) =>
    new Error(
      `${variable}=${JSON.stringify(value)} ${why} Write the public address of the site, such as https://example.org.`,
    );
  if (!URL.canParse(trimmed)) return fail(problem('is not a URL.'));
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail(problem(`uses ${url.protocol}; only http: and https: are allowed.`));
  }
  if (url.username !== '' || url.password !== '') return fail(problem('carries a user name or password.'));
  if (url.search !== '' || url.hash !== '') return fail(problem('has a query (?) or fragment (#).'));
  return { url: url.origin, base: normalizeBasePath(decodeURIComponent(url.pathname), variable) };
}

/**
 * The site's location from the environment. `SITE_URL` (default `http://127.0.0.1:4321`) gives the origin; on
 * Netlify and Vercel, when it is not set, their production address is used. `BASE_PATH` (default `/`) gives the
 * path; a path inside SITE_URL counts as BASE_PATH when BASE_PATH is not set, and must agree with it when it is.
 */
export function siteLocationFromEnv(environment: SiteEnvironment): SiteLocation {
  const fromUrl = siteUrlFromEnv(environment);
  const basePath = environment['BASE_PATH'];
  if (basePath === undefined || basePath.trim() === '') return fromUrl;
  const base = normalizeBasePath(basePath);
  if (fromUrl.base !== '/' && fromUrl.base !== base) {
    return fail(
      new Error(
        `SITE_URL=${JSON.stringify(environment['SITE_URL'])} ends in the path ${fromUrl.base}, but BASE_PATH=${JSON.stringify(basePath)} says ${base}. ` +
          'Leave the path out of SITE_URL, or make the two agree.',
      ),
    );
  }
  return { url: fromUrl.url, base };
}

function siteUrlFromEnv(environment: SiteEnvironment): SiteLocation {
  const explicit = environment['SITE_URL'];
  if (explicit !== undefined && explicit.trim() !== '') return parseSiteUrl(explicit);
  // Netlify's URL and Vercel's production host name are the addresses the site is published at.
  const netlifyUrl = environment['URL'];
  if (environment['NETLIFY'] === 'true' && netlifyUrl) return parseSiteUrl(netlifyUrl, 'URL (set by Netlify)');
  const vercelHost = environment['VERCEL_PROJECT_PRODUCTION_URL'];
  if (environment['VERCEL'] === '1' && vercelHost) {
    return parseSiteUrl(`https://${vercelHost}`, 'VERCEL_PROJECT_PRODUCTION_URL (set by Vercel)');
  }
  return defaultSiteLocation;
}

function fail(error: Error): never {
  throw error;
}
