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
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import type { IndexSiteOptions } from '../../src/lib/search/index-site';
import { astroBin, siteBuildArgs } from '../../tools/build';
import { generateContent } from '../../tools/generate-content';
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

/**
 * A site built from `articles` short generated articles over three years (three sources), copied to a folder of its
 * own, so that a search test can index it again and again as a build would; returns that folder.
 */
export async function generatedSiteCopy(prefix: string, articles = 30): Promise<string> {
  const contentDir = temporaryFolder(prefix);
  generateContent(contentDir, { articles, sources: 3, years: 3, words: [40, 120] });
  const build = await astroBuild(contentDir, temporaryFolder(`${prefix}-out`));
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
  const siteDir = temporaryFolder(`${prefix}-site`);
  cpSync(build.outDir, siteDir, { recursive: true });
  return siteDir;
}

/** Every file of a built site's search folder (`pagefind/`), as its path there → its bytes in base64. */
export function searchFolderFiles(siteDir: string): Map<string, string> {
  const folder = join(siteDir, 'pagefind');
  const paths = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
  return new Map(paths.map((path) => [path, readFileSync(join(folder, path)).toString('base64')]));
}

/**
 * The search folder (as searchFolderFiles gives it) that a clean indexing run, with no memory, writes over a copy of
 * `siteDir`'s pages: what an incremental run over the same pages must end with, byte for byte.
 */
export async function cleanSearchFolder(siteDir: string, options: IndexSiteOptions): Promise<Map<string, string>> {
  const clean = temporaryFolder('search-clean');
  cpSync(siteDir, clean, { recursive: true });
  rmSync(join(clean, 'pagefind'), { recursive: true, force: true });
  // Loaded here, so that the many tests that use this file without indexing do not load Pagefind.
  const { indexSite } = await import('../../src/lib/search/index-site');
  await indexSite(clean, { ...options, memoryFile: undefined });
  return searchFolderFiles(clean);
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
  return withBuildLock(buildLockFile(), () => spawnBuild(args, outDir, buildEnvironment(contentDir, extraEnv)));
}

/** The lock every build of a test run takes turns on (see build-lock.ts). */
function buildLockFile(): string {
  return join(process.env[PROJECT_SCRATCH_VARIABLE] ?? join(projectRoot, 'node_modules/.cache'), 'build.lock');
}

/** The environment of a test's build of `contentDir`. */
function buildEnvironment(contentDir: string, extraEnv: Record<string, string>): NodeJS.ProcessEnv {
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
  return {
    ...environment,
    BROADSHEET_CONTENT_DIR: contentDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...extraEnv,
  };
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

/** What a build started by killedBuildInto did before it ended. */
export interface KilledBuild {
  /** Standard output and error together, everything the build printed. */
  readonly output: string;
  /** The output as it was when the kill was sent: what the condition saw. */
  readonly outputAtKill: string;
  /** SIGKILL when the kill ended the build, null when the build ended by itself first (never killed). */
  readonly signal: NodeJS.Signals | null;
  /** The exit code, when the build ended by itself. */
  readonly code: number | null;
}

/** Whether a process of the process group `group` is still alive (a zombie waiting to be reaped is not). */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
  } catch {
    return false;
  }
  // Linux: a killed process stays listed until its parent reaps it; only one that is not a zombie counts.
  if (!existsSync('/proc/self/stat')) return true;
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((pid) => {
      try {
        // pid (comm) state ppid pgrp …: comm may hold spaces, so the fields are read after its closing parenthesis.
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === group && state !== 'Z';
      } catch {
        return false;
      }
    });
}

/**
 * Starts a real build as astroBuildInto does, but in a process group of its own, and SIGKILLs the whole group (the
 * build script, Astro's process, Pagefind's) as soon as `killWhen` holds. `killWhen` is asked with the output so far
 * on every piece of output and every few milliseconds (so it may also look at files). Resolves once every process of
 * the group has died, holding the build lock until then, so that no other build starts beside a dying one.
 */
export function killedBuildInto(
  contentDir: string,
  outDir: string,
  killWhen: (output: string) => boolean,
  extraEnv: Record<string, string> = {},
): Promise<KilledBuild> {
  const run = () =>
    new Promise<KilledBuild>((resolveBuild, reject) => {
      const child = spawn(process.execPath, siteBuildArgs(['--outDir', outDir]), {
        cwd: projectRoot,
        env: buildEnvironment(contentDir, extraEnv),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let output = '';
      let outputAtKill: string | undefined;
      const check = () => {
        if (outputAtKill !== undefined || child.pid === undefined || child.exitCode !== null) return;
        if (!killWhen(output)) return;
        outputAtKill = output;
        process.kill(-child.pid, 'SIGKILL');
      };
      const poll = setInterval(check, 5);
      const take = (chunk: Buffer) => {
        output += chunk.toString();
        check();
      };
      child.stdout.on('data', take);
      child.stderr.on('data', take);
      child.on('error', (error) => {
        clearInterval(poll);
        reject(error);
      });
      child.on('close', async (code, signal) => {
        clearInterval(poll);
        const group = child.pid ?? 0;
        // Every process of the group had the output pipes, so all have at least closed them; wait until none runs.
        while (group > 0 && groupAlive(group)) await sleep(20);
        resolveBuild({ output, outputAtKill: outputAtKill ?? output, signal, code });
      });
    });
  return withBuildLock(buildLockFile(), run);
}

/**
 * A clean build of `contentDir`: of a copy of it in a new folder (so with its own, empty, cache) into a new, empty
 * output folder, as a site built for the first time.
 */
export async function cleanBuild(contentDir: string, prefix = 'clean'): Promise<BuildResult> {
  const copy = join(temporaryFolder(prefix), 'content');
  cpSync(contentDir, copy, { recursive: true });
  return astroBuild(copy, temporaryFolder(`${prefix}-out`));
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
