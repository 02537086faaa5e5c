import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const STALE_MARK = '.broadsheet-stale-';

/** Whether `outDir` is a folder a build may move away: not the project itself, nor a folder holding it. */
export function isMovableOutDir(outDir: string, projectRoot: string): boolean {
  const fromOut = relative(outDir, projectRoot);
  // projectRoot inside (or equal to) outDir: relative() gives '' or a path without '..'.
  return fromOut.startsWith('..') || isAbsolute(fromOut);
}

/**
 * Empties the output folder at the start of `astro build` by renaming it aside, then deletes the old copy while the
 * build goes on. Astro empties the folder itself before bundling, one file at a time: about 5 s of a rebuild at
 * 5,000 articles, spent before any page is rendered. The build still starts from an empty folder (a page deleted
 * from the content can never survive in it); the deletion only moves off the critical path. Leftovers of a build that
 * was killed are deleted by the next one.
 */
export function clearOutputInBackground(): AstroIntegration {
  let isBuild = false;
  let removal: Promise<unknown> = Promise.resolve();
  return {
    name: 'broadsheet:clear-output',
    hooks: {
      'astro:config:setup': ({ command }) => {
        isBuild = command === 'build';
      },
      'astro:config:done': ({ config, logger }) => {
        if (!isBuild) return;
        const outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        if (!isMovableOutDir(outDir, fileURLToPath(config.root))) return;
        const parent = dirname(outDir);
        const stale = existsSync(parent)
          ? readdirSync(parent)
              .filter((name) => name.startsWith(`${basename(outDir)}${STALE_MARK}`))
              .map((name) => join(parent, name))
          : [];
        if (existsSync(outDir)) {
          const aside = `${outDir}${STALE_MARK}${process.pid}-${randomBytes(4).toString('hex')}`;
          try {
            renameSync(outDir, aside);
            stale.push(aside);
            // An empty folder in its place, as Astro's own emptying leaves: a build that then fails leaves it empty.
            mkdirSync(outDir, { recursive: true });
          } catch (error) {
            // Another file system or a locked folder: Astro empties it as it always does.
            logger.debug(`Could not move ${outDir} aside: ${String(error)}`);
          }
        }
        removal = Promise.all(stale.map((path) => rm(path, { recursive: true, force: true })));
      },
      'astro:build:done': async () => {
        await removal;
      },
    },
  };
}
