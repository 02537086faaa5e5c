import path from 'node:path';
import type { ImageSourceProblem } from '@/lib/markdown/image-source';
import { normalizeLikeBrowsers, pathLeavesContent, schemeOf } from '@/lib/markdown/local-path';

/**
 * Checks one link target written in an article: a relative path (`../other.md`, `./notes/`) must stay inside the
 * content folder, like an image path. URLs with a scheme are left to the sanitizer (only http, https and mailto
 * survive), and site paths (`/about/`), fragments and queries point at the site, not at files.
 */
export function findLinkTargetProblem(
  url: string,
  filePath: string | undefined,
  contentDir: string,
): ImageSourceProblem | undefined {
  const folder = `${path.basename(contentDir)}/`;
  // Browsers read `\` as `/` in a URL, so `..\..\x` climbs like `../../x`.
  const normalized = normalizeLikeBrowsers(url).replace(/\\/g, '/');
  if (normalized === '' || schemeOf(normalized) !== undefined || /^[/#?]/.test(normalized)) return undefined;
  const pathPart = normalized.split(/[?#]/, 1)[0] ?? '';
  const forms = [pathPart];
  try {
    forms.push(decodeURIComponent(pathPart));
  } catch {
    // A malformed escape stays as written; browsers send it that way too.
  }
  for (const form of forms) {
    if (pathLeavesContent(form, filePath, contentDir)) {
      return {
        rule: 'link-outside-content',
        reason: `leaves the content folder. Link to a page with an https: URL or a site path such as /articles/…/, or to a file inside ${folder}.`,
      };
    }
  }
  return undefined;
}
