import { realpathSync } from 'node:fs';
import path from 'node:path';

// Shared by the image and link rules, the content loader and `npm run check:content`: one answer to "does this path
// written in an article stay inside the content folder?".

/** What browsers do before reading a URL's scheme: drop leading and trailing C0 controls and spaces, and every tab and newline. */
export function normalizeLikeBrowsers(url: string): string {
  return url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
}

/** The URL scheme as written (`HTTPS` stays `HTTPS`), or undefined for a relative URL. */
export function schemeOf(url: string): string | undefined {
  return /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1];
}

/** Whether a path relative to `folder` (as `path.relative` returns it) points outside it. */
export function isOutside(relative: string): boolean {
  return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

/**
 * Whether a decoded relative path, written in the Markdown file `filePath`, resolves outside `contentDir`. Without a
 * file path the only folder that can be judged is the file's own one, so any climb out of it counts as leaving.
 */
export function pathLeavesContent(decodedPath: string, filePath: string | undefined, contentDir: string): boolean {
  if (filePath === undefined) {
    const climbed = path.posix.normalize(decodedPath);
    return climbed === '..' || climbed.startsWith('../') || climbed.startsWith('/');
  }
  const resolved = path.resolve(path.dirname(filePath), decodedPath);
  const relative = path.relative(contentDir, resolved);
  if (relative === '' || isOutside(relative)) return true;
  // A symbolic link inside the folder can point anywhere; the build would copy its target into dist/.
  const real = realPath(resolved);
  const realContent = realPath(contentDir);
  if (real === undefined || realContent === undefined) return false;
  const realRelative = path.relative(realContent, real);
  return realRelative === '' || isOutside(realRelative);
}

function realPath(target: string): string | undefined {
  try {
    return realpathSync(target);
  } catch {
    // A missing file cannot leak anything; the build reports it as missing.
    return undefined;
  }
}
