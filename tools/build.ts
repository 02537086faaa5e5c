// The site's build, as `npm run build` runs it: `astro build`, then the search index, each in a process of its own.
//
//   node --import tsx tools/build.ts [astro build options, e.g. --outDir out]
//
// (tsx as a loader rather than the tsx command, which starts a second Node process first, so Astro starts sooner:
// bench/JOURNAL.md#before-and-after.)
//
// The search index waits until Astro has written and recorded every page, after the build's collection of what page
// generation left, so the two processes overlap only while Astro writes the sitemap and exits (see
// src/integrations/pagefind.ts). Exit codes: Astro's own when the build fails, 1 when indexing fails, 0 otherwise.
// BROADSHEET_CPU_PROF_DIR=<folder> runs Astro's process under --cpu-prof, for `npm run bench -- --profile`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readOutputState } from '../src/integrations/fast-build/output-state';
import { SEARCH_HANDOFF_ENV, type SearchHandoff } from '../src/integrations/pagefind';
import { isPagesRecorded } from '../src/lib/build/pages-recorded';

const projectRoot = resolve(import.meta.dirname, '..');
/** Astro's command-line entry, run with `process.execPath` (the project's Node 22). */
export const astroBin = join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/**
 * The Node arguments that run this build script, for tools and tests that spawn the site's build with
 * `process.execPath`: `[...siteBuildArgs(['--outDir', out])]` builds as `npm run build -- --outDir out` does.
 */
export function siteBuildArgs(astroBuildOptions: readonly string[]): string[] {
  // tsx as a loader of this process (no second process as the tsx command starts), found from the project.
  const tsx = pathToFileURL(createRequire(join(projectRoot, 'package.json')).resolve('tsx')).href;
  return ['--import', tsx, fileURLToPath(import.meta.url), ...astroBuildOptions];
}

/** Reads what the search integration left for this script; a missing or malformed file is an error naming it. */
export function readSearchHandoff(file: string): SearchHandoff {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `astro build finished without telling where to build the search index (${file}: ${(error as Error).message}). ` +
        'Check that astro.config.mjs still lists the pagefindSearch() integration.',
    );
  }
  const { dir, language, memoryFile, timeZone, pagesFile } = (parsed ?? {}) as Partial<SearchHandoff>;
  const optionalText = (value: unknown) => value === undefined || typeof value === 'string';
  if (
    typeof dir !== 'string' ||
    typeof language !== 'string' ||
    ![memoryFile, timeZone, pagesFile].every(optionalText)
  ) {
    throw new Error(
      `${file}: expected { "dir": string, "language": string } (and "memoryFile", "timeZone", "pagesFile": string) ` +
        `from the search integration, got ${JSON.stringify(parsed)}`,
    );
  }
  // Without a memory file every bundle is indexed, as on a first build; without a time zone, years are UTC's.
  return {
    dir,
    language,
    ...(memoryFile === undefined ? {} : { memoryFile }),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(pagesFile === undefined ? {} : { pagesFile }),
  };
}

/**
 * The pages the build just left in `dir`, with their stamps, from the output record in `pagesFile`; undefined unless
 * that record was written by this very build (after `handoffFile`, which the build wrote before it) for this folder.
 * A record an earlier build left (the `output` piece switched off since) is never used.
 */
export function recordedPageStamps(
  pagesFile: string,
  dir: string,
  handoffFile: string,
): ReadonlyMap<string, string> | undefined {
  try {
    if (statSync(pagesFile, { bigint: true }).mtimeNs < statSync(handoffFile, { bigint: true }).mtimeNs)
      return undefined;
  } catch {
    return undefined;
  }
  const state = readOutputState(pagesFile);
  if (!state || resolve(state.outDir) !== resolve(dir)) return undefined;
  return new Map(Object.entries(state.files));
}

// V8's young generation, where new objects live until a scavenge copies the survivors out, is 16 MiB by default per
// semi-space. A build allocates a great many objects that live a few seconds (entries being loaded, pages being
// rendered), so with small semi-spaces most of them were copied once or twice before dying. 128 MiB made edit
// rebuilds faster for a little more memory at the peak (docs/performance.md#how-it-stays-fast).
const ASTRO_YOUNG_GENERATION = '--max-semi-space-size=128';

function runAstroBuild(options: readonly string[], handoffFile: string, onPagesRecorded: () => void): Promise<number> {
  const profileDir = process.env.BROADSHEET_CPU_PROF_DIR;
  const nodeArgs = [ASTRO_YOUNG_GENERATION, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
  // An IPC channel beside the usual streams, for the one message the output record sends (src/lib/build/pages-recorded.ts).
  const child = spawn(process.execPath, [...nodeArgs, astroBin, 'build', ...options], {
    cwd: process.cwd(),
    env: { ...process.env, [SEARCH_HANDOFF_ENV]: handoffFile },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  child.on('message', (message) => {
    if (isPagesRecorded(message)) onPagesRecorded();
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    // A build killed by a signal has no exit code; it still failed.
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Builds the search index of the site the handoff file names (written by the search integration). */
async function indexSearch(handoffFile: string): Promise<void> {
  const { dir, language, memoryFile, timeZone, pagesFile } = readSearchHandoff(handoffFile);
  const pageStamps = pagesFile === undefined ? undefined : recordedPageStamps(pagesFile, dir, handoffFile);
  // Loaded only now, so that Astro's process starts without waiting for Pagefind's module.
  const { indexSiteAndReport } = await import('../src/lib/search/index-site');
  await indexSiteAndReport(dir, { language, timeZone, memoryFile, pageStamps }, (line) =>
    console.log(`[search] ${line}`),
  );
}

async function main(options: readonly string[]): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-build-'));
  let indexing: Promise<void> | undefined;
  // Started once the build has recorded its pages (the search integration wrote its handoff before that), or else
  // once Astro has exited; in both cases the pages are all written. Astro meanwhile only writes the sitemap and exits.
  const startIndexing = () => {
    indexing ??= indexSearch(handoffFile);
    return indexing;
  };
  const handoffFile = join(work, 'search.json');
  try {
    const code = await runAstroBuild(options, handoffFile, () => {
      if (existsSync(handoffFile)) startIndexing().catch(() => undefined); // awaited, and reported, below
    });
    if (code !== 0) {
      await indexing?.catch(() => undefined);
      return code;
    }
    await startIndexing();
    return 0;
  } catch (error) {
    console.error(`[search] ${(error as Error).message}`);
    return 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
