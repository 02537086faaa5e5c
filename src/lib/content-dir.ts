import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';

/** The environment variable that points Broadsheet at another content folder. */
export const CONTENT_DIR_VARIABLE = 'BROADSHEET_CONTENT_DIR';

/**
 * The absolute path of the content folder: `BROADSHEET_CONTENT_DIR` when set (absolute, or relative to the project
 * root), otherwise `content/` in the project root.
 */
export function resolveContentDir(
  projectRoot: string,
  environment: Readonly<Record<string, string | undefined>>,
): string {
  const configured = environment[CONTENT_DIR_VARIABLE]?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return isAbsolute(configured) ? resolve(configured) : resolve(projectRoot, configured);
}

/**
 * Astro's cache folder (content store and incremental-build cache) for a content folder, relative to the project root.
 * Each content folder gets its own, so a build of test fixtures never reuses the demo's store; `npm run bench` removes
 * it for a cold build.
 */
export function cacheDirFor(projectRoot: string, contentDir: string): string {
  if (resolve(contentDir) === resolveContentDir(projectRoot, {})) return './node_modules/.astro';
  return `./node_modules/.astro/content-${createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 12)}`;
}
