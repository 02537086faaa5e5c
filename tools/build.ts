// The site's build, as `npm run build` runs it: `astro build`, then the search index, each in a process of its own.
//
//   node --import tsx tools/build.ts [astro build options, e.g. --outDir out]
//
// (tsx as a loader rather than the tsx command, which starts a second Node process first, so Astro starts sooner:
// bench/JOURNAL.md#before-and-after.)
//
// The search index waits until Astro's process has exited, so the two never hold their memory at the same time (see
// src/integrations/pagefind.ts). Exit codes: Astro's own when the build fails, 1 when indexing fails, 0 otherwise.
// BROADSHEET_CPU_PROF_DIR=<folder> runs Astro's process under --cpu-prof, for `npm run bench -- --profile`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readOutputState } from '../src/integrations/fast-build/output-state';
import { SEARCH_HANDOFF_ENV, type SearchHandoff } from '../src/integrations/pagefind';

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

function runAstroBuild(options: readonly string[], handoffFile: string): Promise<number> {
  const profileDir = process.env.BROADSHEET_CPU_PROF_DIR;
  const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, astroBin, 'build', ...options], {
    cwd: process.cwd(),
    env: { ...process.env, [SEARCH_HANDOFF_ENV]: handoffFile },
    stdio: 'inherit',
  });
  return new Promise((done, fail) => {
    child.on('error', fail);
    // A build killed by a signal has no exit code; it still failed.
    child.on('close', (code) => done(code ?? 1));
  });
}

async function main(options: readonly string[]): Promise<number> {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-build-'));
  try {
    const handoffFile = join(work, 'search.json');
    const code = await runAstroBuild(options, handoffFile);
    if (code !== 0) return code;
    const { dir, language, memoryFile, timeZone, pagesFile } = readSearchHandoff(handoffFile);
    const pageStamps = pagesFile === undefined ? undefined : recordedPageStamps(pagesFile, dir, handoffFile);
    // Loaded only now, so that Astro's process starts without waiting for Pagefind's module.
    const { indexSiteAndReport } = await import('../src/lib/search/index-site');
    await indexSiteAndReport(dir, { language, timeZone, memoryFile, pageStamps }, (line) =>
      console.log(`[search] ${line}`),
    );
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
