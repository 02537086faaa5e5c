import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { siteLocationFromEnv } from '@/lib/site-location';
import { type HeaderRule, headersFor, parseHeadersFile, pathMatches } from '../../tools/deploy/headers';
import { type VercelConfig, vercelConfig } from '../../tools/deploy/vercel-config';
import { projectRoot } from '../support/build';

const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');

// URLs of every kind the site serves, to compare what each host would send for them.
const samplePaths = [
  '/',
  '/articles/2024/04/story/',
  '/_astro/page.DyZ1x2.css',
  '/rss.xml',
  '/feed.json',
  '/sitemap-index.xml',
  '/pagefind/pagefind.js',
  '/404.html',
  '/favicon.svg',
];

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string>;
  readonly env?: Record<string, string>;
}
interface Workflow {
  readonly on: { readonly push?: { readonly branches?: string[] }; readonly workflow_dispatch?: unknown };
  readonly permissions: Record<string, string>;
  readonly jobs: Record<
    string,
    { readonly needs?: string; readonly environment?: { readonly name: string }; readonly steps: Step[] }
  >;
}

/** Evaluates the `${{ a || b }}` expressions the workflow uses, against a context of known values. */
function evaluate(expression: string, context: Record<string, string>): string {
  const inner = /^\$\{\{(.*)\}\}$/.exec(expression.trim())?.[1];
  if (inner === undefined) return expression;
  for (const operand of inner.split('||').map((part) => part.trim())) {
    if (!/^[\w.-]+$/.test(operand)) throw new Error(`unsupported expression ${expression}`);
    const value = context[operand] ?? '';
    if (value !== '') return value;
  }
  return '';
}

describe('the GitHub Pages workflow', () => {
  const workflow = yaml.load(read('.github/workflows/deploy.yml')) as Workflow;
  const build = workflow.jobs['build'];
  const deploy = workflow.jobs['deploy'];
  const steps = build?.steps ?? [];
  const stepUsing = (action: string) => steps.find((step) => step.uses?.split('@')[0] === action);

  it('runs on pushes to main and on demand, with the Pages permissions', () => {
    expect(workflow.on.push?.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  it('installs with npm ci on the Node of .nvmrc, builds, checks links and uploads dist/', () => {
    expect(stepUsing('actions/checkout')).toBeDefined();
    expect(stepUsing('actions/setup-node')?.with?.['node-version-file']).toBe('.nvmrc');
    const order = [
      'actions/configure-pages',
      'npm ci',
      'actions/cache',
      'npm run build',
      'npm run check:links',
      'actions/upload-pages-artifact',
    ].map((marker) => steps.findIndex((step) => step.uses?.split('@')[0] === marker || step.run === marker));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(stepUsing('actions/upload-pages-artifact')?.with?.['path']).toBe('dist');
    // The incremental-build cache is restored after npm ci (which would delete it) and before the build.
    expect(stepUsing('actions/cache')?.with?.['path']).toBe('node_modules/.astro');
    for (const step of steps)
      if (step.uses) expect(step.uses, 'actions are pinned to a major version').toMatch(/^actions\/[\w-]+@v\d+$/);
  });

  it('deploys the artifact after the build, in the github-pages environment', () => {
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(deploy?.steps.map((step) => step.uses?.split('@')[0])).toContain('actions/deploy-pages');
  });

  it('builds a project site under /<repo>/, a user site and a custom domain at /, and lets repository variables override', () => {
    const buildStep = steps.find((step) => step.run === 'npm run build');
    const checkStep = steps.find((step) => step.run === 'npm run check:links');
    expect(checkStep?.env).toEqual(buildStep?.env);
    const pagesId = stepUsing('actions/configure-pages')?.id ?? 'missing';
    const locate = (outputs: { origin: string; base_path: string }, vars: Record<string, string> = {}) => {
      const context: Record<string, string> = {
        [`steps.${pagesId}.outputs.origin`]: outputs.origin,
        [`steps.${pagesId}.outputs.base_path`]: outputs.base_path,
        ...Object.fromEntries(Object.entries(vars).map(([key, value]) => [`vars.${key}`, value])),
      };
      const env = Object.fromEntries(
        Object.entries(buildStep?.env ?? {}).map(([key, value]) => [key, evaluate(value, context)]),
      );
      return siteLocationFromEnv(env);
    };
    // What actions/configure-pages reports for each kind of Pages site.
    expect(locate({ origin: 'https://jane.github.io', base_path: '/broadsheet' })).toEqual({
      url: 'https://jane.github.io',
      base: '/broadsheet/',
    });
    expect(locate({ origin: 'https://jane.github.io', base_path: '' })).toEqual({
      url: 'https://jane.github.io',
      base: '/',
    });
    expect(locate({ origin: 'https://news.example.org', base_path: '' })).toEqual({
      url: 'https://news.example.org',
      base: '/',
    });
    expect(
      locate(
        { origin: 'https://jane.github.io', base_path: '/broadsheet' },
        { SITE_URL: 'https://news.example.org', BASE_PATH: '/' },
      ),
    ).toEqual({
      url: 'https://news.example.org',
      base: '/',
    });
  });
});

describe('the header rules of every host', () => {
  const rules = parseHeadersFile(read('public/_headers'));
  const vercel = JSON.parse(read('vercel.json')) as VercelConfig;

  it('caches hashed assets for a year and leaves HTML and feeds to the hosts’ revalidating default', () => {
    expect(headersFor(rules, '/_astro/page.DyZ1x2.css').get('Cache-Control')).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of samplePaths.filter((sample) => !sample.startsWith('/_astro/'))) {
      const cache = headersFor(rules, path).get('Cache-Control');
      expect(cache === undefined || /no-cache|max-age=0/.test(cache), `${path}: ${cache}`).toBe(true);
    }
  });

  it('never sets one header in two rules that match the same URL (hosts would join the values)', () => {
    const clashes: string[] = [];
    for (const path of samplePaths) {
      const seen = new Map<string, string>();
      for (const rule of rules.filter((candidate) => pathMatches(candidate.path, path))) {
        for (const [name] of rule.headers) {
          const earlier = seen.get(name.toLowerCase());
          if (earlier !== undefined) clashes.push(`${path}: ${name} in ${earlier} and ${rule.path}`);
          seen.set(name.toLowerCase(), rule.path);
        }
      }
    }
    expect(clashes).toEqual([]);
  });

  it('vercel.json is generated from public/_headers (run `npm run sync:hosts` after editing _headers)', () => {
    expect(vercel).toEqual(vercelConfig(rules));
  });

  it('vercel.json sends the same headers as _headers for every kind of URL', () => {
    const vercelRules: HeaderRule[] = vercel.headers.map((rule) => ({
      path: rule.source.replace(/\(\.\*\)/g, '*'),
      headers: rule.headers.map(({ key, value }) => [key, value] as const),
    }));
    for (const path of samplePaths) {
      expect(Object.fromEntries(headersFor(vercelRules, path)), path).toEqual(
        Object.fromEntries(headersFor(rules, path)),
      );
    }
    expect(vercel).toMatchObject({ buildCommand: 'npm run build', outputDirectory: 'dist', trailingSlash: true });
  });

  it('netlify.toml builds dist/ and leaves the headers to _headers, so they have one source', () => {
    const netlify = parseToml(read('netlify.toml')) as {
      build?: { command?: string; publish?: string };
      headers?: unknown;
    };
    expect(netlify.build).toMatchObject({ command: 'npm run build', publish: 'dist' });
    expect(netlify.headers).toBeUndefined();
  });

  it('.nvmrc names a Node that package.json engines accepts', () => {
    const [major = 0, minor = 0] = read('.nvmrc').trim().replace(/^v/, '').split('.').map(Number);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
    const [needMajor = 0, needMinor = 0] = (/>=\s*(\d+)\.(\d+)/.exec(engines)?.slice(1) ?? []).map(Number);
    expect(major > needMajor || (major === needMajor && minor >= needMinor), `${major}.${minor} vs ${engines}`).toBe(
      true,
    );
  });
});

describe('parseHeadersFile', () => {
  it('reads paths, indented headers and comments', () => {
    expect(parseHeadersFile('# c\n/*\n  X-A: 1\n\n/_astro/*\n\tCache-Control: a, b\n')).toEqual([
      { path: '/*', headers: [['X-A', '1']] },
      { path: '/_astro/*', headers: [['Cache-Control', 'a, b']] },
    ]);
  });
  it('rejects a header before any path, a line without a colon, and a path that is not one', () => {
    expect(() => parseHeadersFile('  X-A: 1\n')).toThrow(/line 1: a header comes before any path/);
    expect(() => parseHeadersFile('/*\n  X-A 1\n')).toThrow(/line 2: expected "Name: value"/);
    expect(() => parseHeadersFile('_astro/*\n')).toThrow(/line 1: a rule starts with a path/);
  });
  it('matches splats and placeholders', () => {
    expect(pathMatches('/*', '/a/b/')).toBe(true);
    expect(pathMatches('/_astro/*', '/_astro/x.css')).toBe(true);
    expect(pathMatches('/_astro/*', '/articles/_astro/x.css')).toBe(false);
    expect(pathMatches('/tags/:slug/', '/tags/nato/')).toBe(true);
    expect(pathMatches('/tags/:slug/', '/tags/a/b/')).toBe(false);
    expect(pathMatches('/rss.xml', '/rssxxml')).toBe(false);
  });
  it('joins a header that two matching rules set, as Cloudflare Pages does', () => {
    const rules = parseHeadersFile('/*\n  X-A: 1\n/a/*\n  x-a: 2\n');
    expect(Object.fromEntries(headersFor(rules, '/a/b'))).toEqual({ 'X-A': '1, 2' });
  });
});
