import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { isOutside, normalizeLikeBrowsers, pathLeavesContent, schemeOf } from '@/lib/markdown/local-path';

/** Options of the image checks: where images may come from. */
export interface ImageSourceOptions {
  /** Absolute path of the content folder; a relative image must resolve inside it. */
  readonly contentDir: string;
}

/** Where a node starts in its file, as unist positions give it. */
export interface SourcePosition {
  /** The first character's place; lines and columns count from 1. */
  readonly start: { readonly line: number; readonly column: number };
}

/** Which rule an image URL broke, and how to fix it. */
export interface ImageSourceProblem {
  /** Short rule id, used as the message's `ruleId`. */
  readonly rule: string;
  /** What is wrong and what to write instead, phrased to follow `image "<url>" `. */
  readonly reason: string;
}

const allowedSchemes = new Set(['http', 'https']);

/** The Markdown file's absolute path, from a vfile whose path may be a path or a `file:` URL; undefined without one. */
export function markdownFilePath(file: VFile): string | undefined {
  const given: unknown = file.path;
  if (typeof given !== 'string' || given === '') return undefined;
  const asPath = given.startsWith('file:') ? fileURLToPath(given) : given;
  return path.resolve(file.cwd, asPath);
}

/** The file as authors know it: relative to the content folder's parent (`content/articles/x.md`), else as given. */
export function displayFilePath(filePath: string | undefined, contentDir: string): string {
  if (filePath === undefined) return '(Markdown without a file path)';
  const relative = path.relative(path.dirname(contentDir), filePath);
  if (relative === '' || isOutside(relative)) return filePath;
  return relative.split(path.sep).join('/');
}

/** Checks one image URL against the image rules; returns the first rule it breaks, or undefined when it is allowed. */
export function findImageSourceProblem(
  url: string,
  filePath: string | undefined,
  contentDir: string,
): ImageSourceProblem | undefined {
  const folder = `${path.basename(contentDir)}/`;
  const remedy = `Use an https: URL or a path inside ${folder}.`;
  const normalized = normalizeLikeBrowsers(url);

  if (normalized === '') {
    return { rule: 'image-empty', reason: `has no URL. ${remedy}` };
  }

  const scheme = schemeOf(normalized);
  if (scheme !== undefined) {
    const lower = scheme.toLowerCase();
    if (!allowedSchemes.has(lower)) {
      return {
        rule: 'image-scheme',
        reason: `uses the ${lower}: scheme; only http: and https: images are allowed. ${remedy}`,
      };
    }
    // rehype-sanitize compares schemes case-sensitively, so `HTTPS:` would silently lose its src.
    if (scheme !== lower) {
      return { rule: 'image-scheme-case', reason: `writes its scheme in capitals. Write it in lower case: ${lower}:` };
    }
    if (normalized !== url) {
      return {
        rule: 'image-whitespace',
        reason: `has spaces or control characters around it or inside its scheme. Remove them.`,
      };
    }
    if (!URL.canParse(normalized)) {
      return { rule: 'image-url-invalid', reason: `is not a valid URL. Check it, or use a path inside ${folder}.` };
    }
    return undefined;
  }

  if (normalized !== url || /[\u0000-\u001f\u007f]/.test(normalized)) {
    return {
      rule: 'image-whitespace',
      reason: `has spaces or control characters around it or inside it. Remove them.`,
    };
  }
  // Browsers read `\` as `/` in URLs, so `\\host\x.png` would be protocol-relative on the page.
  if (normalized.includes('\\')) {
    return { rule: 'image-backslash', reason: `contains a backslash. Use forward slashes in a path inside ${folder}.` };
  }
  if (normalized.startsWith('//')) {
    return {
      rule: 'image-protocol-relative',
      reason: `is protocol-relative. Write the scheme: https:${normalized}`,
    };
  }
  if (normalized.startsWith('/')) {
    return {
      rule: 'image-absolute-path',
      reason: `is an absolute path, which cannot be checked or bundled. Use a path relative to this file, inside ${folder}, or an https: URL.`,
    };
  }
  // A query or fragment on a local image is not part of the file name; Vite would read `?raw`, `?url` and the like as import flags.
  if (/[?#]/.test(normalized)) {
    return {
      rule: 'image-query',
      reason: `has a query (?) or fragment (#), which a local image cannot carry. Remove everything from the ? or #.`,
    };
  }

  // Astro imports the decodeURI() form; Vite may decode further, so both forms must stay inside.
  const decodedForms: string[] = [];
  try {
    decodedForms.push(decodeURI(normalized), decodeURIComponent(normalized));
  } catch {
    return {
      rule: 'image-malformed-escape',
      reason: `has a malformed percent-escape. Write a literal % as %25, or fix the escape.`,
    };
  }

  for (const decoded of decodedForms) {
    if (/[\u0000-\u001f\u007f]/.test(decoded)) {
      return { rule: 'image-control-character', reason: `contains encoded control characters. Remove them.` };
    }
    if (decoded.includes('\\')) {
      return {
        rule: 'image-backslash',
        reason: `contains an encoded backslash. Use forward slashes in a path inside ${folder}.`,
      };
    }
    if (pathLeavesContent(decoded, filePath, contentDir)) {
      return filePath === undefined
        ? {
            rule: 'image-outside-content',
            reason: `climbs out of its folder, and this Markdown has no file path to check it against ${folder}. ${remedy}`,
          }
        : { rule: 'image-outside-content', reason: `leaves the content folder. ${remedy}` };
    }
  }
  return undefined;
}

/** The full error text: file (and line), the URL, what is wrong and the fix. */
export function formatImageSourceError(
  options: {
    readonly file: string;
    readonly label: string;
    readonly url: string;
    readonly position?: SourcePosition | undefined;
  },
  problem: ImageSourceProblem,
): string {
  const start = options.position?.start;
  const where = start ? `${options.file}:${start.line}:${start.column}` : options.file;
  return `${where}: ${options.label} ${JSON.stringify(options.url)} ${problem.reason}`;
}

/** Stops rendering the Markdown file for a path-rule problem, with a message naming the file, the place and the fix. */
export function failOnPathProblem(
  file: VFile,
  where: {
    readonly filePath: string | undefined;
    readonly contentDir: string;
    readonly label: string;
    readonly url: string;
    readonly position: Position | undefined;
  },
  problem: ImageSourceProblem,
): never {
  const { filePath, contentDir, label, url, position } = where;
  const reason = formatImageSourceError({ file: displayFilePath(filePath, contentDir), label, url, position }, problem);
  return file.fail(reason, { place: position, ruleId: problem.rule, source: 'broadsheet-markdown' });
}
