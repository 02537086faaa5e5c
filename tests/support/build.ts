import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { astroBin, siteBuildArgs } from '../../tools/build';
import { withBuildLock } from './build-lock';
import { PROJECT_SCRATCH_VARIABLE } from './global-setup';

/** The project root (where astro.config.mjs is). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// The full link-integrity check (fragments, feeds, absolute URLs, localhost) lives with the `npm run check:links` tool.
export { checkLinks, formatProblems, type LinkProblem, type LinkReport } from '../../tools/check-links';

/** A real 2×2 PNG, for fixtures whose images Astro must find and optimise. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

/** A fresh temporary folder for one test's content or output. */
export function temporaryFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `broadsheet-${prefix}-`));
}

/** A copy of the demo content in a fresh temporary folder (a content folder of its own, with its own build cache). */
export function demoContentCopy(prefix: string): string {
  const content = join(temporaryFolder(prefix), 'content');
  cpSync(join(projectRoot, 'content'), content, { recursive: true });
  return content;
}

/** Writes files given as `{ 'articles/a.md': '...' }` under `dir`. */
export function writeFiles(dir: string, files: Readonly<Record<string, string>>): void {
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), contents);
  }
}

/** What one build of the site (`astro build`, then the search index) did. */
export interface BuildResult {
  /** The process exit code. */
  readonly code: number | null;
  /** Standard output and error together. */
  readonly output: string;
  /** Where the site was written. */
  readonly outDir: string;
}

/**
 * Runs a real build of `contentDir` (through BROADSHEET_CONTENT_DIR) straight into `outDir`, which should be inside
 * the project (see astroBuild), on this Node 22: the site's build script, `astro build` and then the search index, as
 * `npm run build` runs them.
 */
export function astroBuildInto(
  contentDir: string,
  outDir: string,
  extraEnv: Record<string, string> = {},
): Promise<BuildResult> {
  return runNode(siteBuildArgs(['--outDir', outDir]), contentDir, outDir, extraEnv);
}

/** Runs a bare `astro build` (not the site's build script) of `contentDir` into `outDir`, as astroBuildInto does. */
export function bareAstroBuildInto(contentDir: string, outDir: string): Promise<BuildResult> {
  return runNode([astroBin, 'build', '--outDir', outDir], contentDir, outDir, {});
}

function runNode(
  args: string[],
  contentDir: string,
  outDir: string,
  extraEnv: Record<string, string>,
): Promise<BuildResult> {
  // A build runs as `npm run build` would: without the NODE_ENV=test that vitest sets for itself, nor the copies of
  // import.meta.env it puts in process.env (an inherited BASE_URL=/ made a BASE_PATH=/news/ build link to the root).
  const {
    NODE_ENV: _testRunnerMode,
    BASE_URL: _b,
    MODE: _m,
    DEV: _d,
    PROD: _p,
    SSR: _s,
    SITE: _site,
    ASSETS_PREFIX: _a,
    ...environment
  } = process.env;
  const lock = join(process.env[PROJECT_SCRATCH_VARIABLE] ?? join(projectRoot, 'node_modules/.cache'), 'build.lock');
  return withBuildLock(lock, () =>
    spawnBuild(args, outDir, {
      ...environment,
      BROADSHEET_CONTENT_DIR: contentDir,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      ...extraEnv,
    }),
  );
}

function spawnBuild(args: string[], outDir: string, environment: NodeJS.ProcessEnv): Promise<BuildResult> {
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: environment,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveBuild({ code, output, outDir }));
  });
}

/** A fresh folder for build output inside the project (see astroBuild). */
export function projectOutputFolder(): string {
  // Under vitest, inside the run's own folder (tests/support/global-setup.ts), removed when the run ends.
  const cacheRoot = process.env[PROJECT_SCRATCH_VARIABLE] ?? join(projectRoot, 'node_modules/.cache');
  mkdirSync(cacheRoot, { recursive: true });
  return mkdtempSync(join(cacheRoot, 'broadsheet-build-'));
}

/** Runs a real build of `contentDir` (through BROADSHEET_CONTENT_DIR) into `outDir`, as astroBuildInto does. */
export async function astroBuild(
  contentDir: string,
  outDir: string,
  extraEnv: Record<string, string> = {},
): Promise<BuildResult> {
  // Astro writes its prerender chunks to `.astro/.prerender/` in the project when the output folder is outside it, so
  // two builds into temporary folders at once (another test run on this machine) delete each other's chunks. A
  // build into a folder inside the project keeps them there; the finished site is then moved to `outDir`.
  const staging = projectOutputFolder();
  const { code, output } = await astroBuildInto(contentDir, staging, extraEnv);
  rmSync(outDir, { recursive: true, force: true });
  cpSync(staging, outDir, { recursive: true });
  rmSync(staging, { recursive: true, force: true });
  return { code, output, outDir };
}

/** Every `.html` file under `dir`, as paths relative to it. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) found.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** Reads a built page by its URL path (`/articles/x/` reads `articles/x/index.html`). */
export function readPage(outDir: string, urlPath: string): string {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(join(outDir, file), 'utf8');
}

/** The file a static host would serve for a site-relative URL path, or `undefined` when there is none. */
export function resolveBuiltFile(outDir: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const candidates = decoded.endsWith('/')
    ? [`${decoded}index.html`]
    : [decoded, `${decoded}/index.html`, `${decoded}.html`];
  return candidates
    .map((candidate) => join(outDir, candidate))
    .find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every `href` and `src` in the built site that points inside it and does not resolve to a built file. */
export function brokenInternalLinks(outDir: string, base = '/'): string[] {
  const origin = 'http://broadsheet.test';
  const broken: string[] = [];
  for (const page of htmlFiles(outDir)) {
    const pageUrl = new URL(`${base}${page.replace(/(^|\/)index\.html$/, '$1')}`, origin);
    const tree = fromHtml(readFileSync(join(outDir, page), 'utf8'));
    visit(tree, 'element', (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value !== 'string' || value === '' || value.startsWith('#')) continue;
        const target = new URL(value, pageUrl);
        if (target.origin !== origin) continue;
        if (!target.pathname.startsWith(base)) {
          broken.push(`${page}: ${value} (outside the base path ${base})`);
          continue;
        }
        if (!resolveBuiltFile(outDir, target.pathname.slice(base.length - 1))) broken.push(`${page}: ${value}`);
      }
    });
  }
  return broken;
}
