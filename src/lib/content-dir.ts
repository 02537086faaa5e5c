import { isAbsolute, resolve } from 'node:path';

/** The environment variable that points Broadsheet at another content folder. */
export const CONTENT_DIR_VARIABLE = 'BROADSHEET_CONTENT_DIR';

/**
 * The absolute path of the content folder: `BROADSHEET_CONTENT_DIR` when set (absolute, or relative to the project
 * root), otherwise `content/` in the project root.
 */
export function resolveContentDir(projectRoot: string, environment: Readonly<Record<string, string | undefined>>): string {
  const configured = environment[CONTENT_DIR_VARIABLE]?.trim();
  if (!configured) return resolve(projectRoot, 'content');
  return isAbsolute(configured) ? resolve(configured) : resolve(projectRoot, configured);
}
