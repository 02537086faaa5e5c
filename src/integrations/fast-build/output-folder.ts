import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import {
  OUTPUT_STATE_FILE,
  pagesToKeep,
  readOutputState,
  recordOutputState,
  removeAllBut,
  removePages,
  writeOutputState,
} from '@/integrations/fast-build/output-state';
import { fastBuildReport } from '@/integrations/fast-build/report';
import { forgetFileStamps, rememberFileStamps } from '@/lib/build/file-stamp';
import { signalPagesRecorded } from '@/lib/build/pages-recorded';
import { SEARCH_BUNDLE_FOLDER } from '@/lib/search/index-site';

const STALE_MARK = '.broadsheet-stale-';

/**
 * Top-level entries of the output folder a build never removes: a deploy repository, as Astro means to spare it (its
 * own emptying misses it in 7.3.5; docs/fast-build.md#output).
 */
const SPARED = new Set(['.git']);

/** Whether `outDir` is a folder a build may move away: not the project itself, nor a folder holding it. */
export function isMovableOutDir(outDir: string, projectRoot: string): boolean {
  const fromOut = relative(outDir, projectRoot);
  // projectRoot inside (or equal to) outDir: relative() gives '' or a path without '..'.
  return fromOut.startsWith('..') || isAbsolute(fromOut);
}

/**
 * The `output` piece: prepares the output folder of `astro build` once the content has loaded (`astro:build:start`),
 * in one of two ways:
 *
 * - **Keeps the last build's pages** when the last build into this folder, with this build cache, succeeded and none
 *   of its pages has changed since (output-state.ts). Everything else goes; Astro then finds each reused page in place
 *   instead of copying it from its cache, renders the changed ones over theirs, and at the end this piece removes the
 *   kept pages this build no longer has (a deleted article, a renamed source's old pages), going by the files Astro
 *   reports in `astro:build:done`.
 * - **Starts empty** otherwise: the folder is renamed aside and the old copy deleted while the build goes on, rather
 *   than Astro's emptying one file at a time. Leftovers of a build that was killed are deleted by the next one. A
 *   folder holding a `.git` (a deploy repository) is emptied in place instead, around it.
 *
 * Either way nothing of the last build survives unless this build produced the same page. Until the content has
 * loaded the folder is left alone, so a build stopped by invalid content leaves the last site as it was. The search
 * index (`pagefind/`) is replaced by the indexing step after the build. It relies on Astro internals listed in
 * docs/fast-build.md#output; the fast-build integration runs it before every other integration.
 */
export function keepOutputFolder(): AstroIntegration {
  let isBuild = false;
  let outDir = '';
  let projectRoot = '';
  let stateFile = '';
  let kept: Set<string> | undefined;
  /** The folders left after preparing the output folder, with their stamps then (see recordOutputState). */
  let swept = new Map<string, string>();
  /** Every file this build wrote or reused (set at `astro:build:done`, read by the record taken after it). */
  let built = new Set<string>();
  let removal: Promise<unknown> = Promise.resolve();

  const startEmpty = (logger: AstroIntegrationLogger) => {
    const parent = dirname(outDir);
    const stale = existsSync(parent)
      ? readdirSync(parent)
          .filter((name) => name.startsWith(`${basename(outDir)}${STALE_MARK}`))
          .map((name) => join(parent, name))
      : [];
    if (existsSync(outDir) && [...SPARED].some((name) => existsSync(join(outDir, name)))) {
      // A deploy repository inside the folder stays where it is; the rest is removed in place.
      removeAllBut(outDir, new Set(), SPARED);
    } else if (existsSync(outDir)) {
      const aside = `${outDir}${STALE_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        renameSync(outDir, aside);
        stale.push(aside);
        mkdirSync(outDir, { recursive: true });
      } catch (error) {
        // A locked folder or a mount point: emptied in place.
        logger.debug(`Could not move ${outDir} aside (${String(error)}); emptying it in place.`);
        removeAllBut(outDir, new Set(), SPARED);
      }
    }
    removal = Promise.all(stale.map((path) => rm(path, { recursive: true, force: true })));
  };

  /** Comes after every other integration, so the record is taken once every file of the build is written. */
  const record: AstroIntegration = {
    name: 'broadsheet:fast-build:output-record',
    hooks: {
      'astro:build:done': () => {
        writeOutputState(stateFile, recordOutputState(outDir, built, swept));
        signalPagesRecorded();
      },
    },
  };

  return {
    name: 'broadsheet:fast-build:output',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        isBuild = command === 'build';
        // This integration empties the folder itself, or keeps the last build's pages.
        if (isBuild) updateConfig({ vite: { build: { emptyOutDir: false } }, integrations: [record] });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        projectRoot = fileURLToPath(config.root);
        stateFile = join(fileURLToPath(config.cacheDir), OUTPUT_STATE_FILE);
      },
      'astro:build:start': ({ logger }) => {
        forgetFileStamps();
        if (!isBuild) return;
        if (!isMovableOutDir(outDir, projectRoot)) {
          logger.warn(
            `The output folder ${outDir} holds the project; it is neither emptied nor pruned. Build into dist/.`,
          );
          return;
        }
        const state = existsSync(outDir) ? readOutputState(stateFile) : undefined;
        kept = pagesToKeep(state, outDir);
        // A build that stops halfway leaves no record, so the next one starts empty.
        rmSync(stateFile, { force: true });
        if (kept) {
          swept = removeAllBut(outDir, kept, new Set([...SPARED, SEARCH_BUNDLE_FOLDER]), state?.folders).folders;
          const report = fastBuildReport();
          if (report) report.pagesKept = kept.size;
          logger.info(`Kept the ${kept.size} pages of the last build in ${outDir} for Astro to reuse.`);
        } else {
          startEmpty(logger);
        }
      },
      // Every page is written by now: the output record's stamps of them serve the sitemap too (file-stamp.ts). They
      // are remembered until the next build starts; nothing in this process writes a page after its pages are written.
      'astro:build:generated': () => {
        if (isBuild) rememberFileStamps(join(outDir, SEARCH_BUNDLE_FOLDER));
      },
      'astro:build:done': async ({ assets, logger }) => {
        // Astro reports each route's files, reused or rendered, pages and endpoints alike.
        built = new Set([...assets.values()].flat().map((url) => fileURLToPath(url)));
        await removal;
        if (!kept) return;
        const gone = [...kept].filter((page) => !built.has(join(outDir, page)));
        const report = fastBuildReport();
        if (report) report.keptPagesReported = kept.size - gone.length;
        removePages(outDir, gone);
        if (gone.length > 0)
          logger.info(`Removed ${gone.length} pages of the last build that this build no longer has.`);
      },
    },
  };
}
