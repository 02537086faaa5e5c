import { type HeaderRule, toVercelHeaders, type VercelHeaderRule } from './headers.js';

/** The whole `vercel.json`: how Vercel builds the site, and the headers of `public/_headers` in Vercel's format. */
export interface VercelConfig {
  readonly $schema: string;
  readonly framework: null;
  readonly installCommand: string;
  readonly buildCommand: string;
  readonly outputDirectory: string;
  readonly trailingSlash: boolean;
  readonly headers: readonly VercelHeaderRule[];
}

/** `vercel.json` for these header rules; `npm run sync:hosts` writes it, a test checks the committed file equals it. */
export function vercelConfig(rules: readonly HeaderRule[]): VercelConfig {
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    // No framework preset: Vercel serves dist/ as plain static files, as every other host does.
    framework: null,
    installCommand: 'npm ci',
    buildCommand: 'npm run build',
    outputDirectory: 'dist',
    // The site's links all end in a slash (Astro's trailingSlash: 'always'); /x redirects to /x/ as on other hosts.
    trailingSlash: true,
    headers: toVercelHeaders(rules),
  };
}

/** The text of `vercel.json`: two-space JSON with a final newline. */
export function vercelJsonText(rules: readonly HeaderRule[]): string {
  return `${JSON.stringify(vercelConfig(rules), null, 2)}\n`;
}
