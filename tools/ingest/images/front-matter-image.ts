import { quoteYaml } from '../article-file';

/** An article file cut where its front matter ends, so each part can be changed without touching the other. */
export interface ArticleParts {
  /** From the opening `---` through the closing `---` and its line break. */
  readonly header: string;
  /** Everything after it, as written. */
  readonly body: string;
}

// The fences as src/lib/frontmatter.ts reads them: `---` alone on the first line, and the next line that is `---`.
const FRONT_MATTER = /^---[ \t]*\n(?:[\s\S]*?\n)?---[ \t]*(?:\n|$)/;

/** Splits an article file (with `\n` line endings, as the importer renders it) into its front matter and body. */
export function splitArticleParts(contents: string): ArticleParts | undefined {
  const match = FRONT_MATTER.exec(contents);
  return match ? { header: match[0], body: contents.slice(match[0].length) } : undefined;
}

/** The lines of the top-level `image:` block (its own line and the indented lines under it), or undefined. */
function imageBlock(lines: readonly string[]): { start: number; end: number } | undefined {
  const start = lines.findIndex((line) => /^image:\s*$/.test(line));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && /^[ \t]+\S/.test(lines[end] ?? '')) end += 1;
  return { start, end };
}

/**
 * The front matter with `image.src` set to `src`, or with the whole `image` block removed when `src` is undefined.
 * Works on the lines the importer writes (`image:`, then indented `src:`, `alt:`, `credit:`); returns undefined when
 * the header has no such block, so the caller can refuse to guess.
 */
export function withLeadImageSource(header: string, src: string | undefined): string | undefined {
  const lines = header.split('\n');
  const block = imageBlock(lines);
  if (!block) return undefined;
  if (src === undefined) {
    lines.splice(block.start, block.end - block.start);
    return lines.join('\n');
  }
  for (let index = block.start + 1; index < block.end; index += 1) {
    const match = /^([ \t]+)src:/.exec(lines[index] ?? '');
    if (match) {
      lines[index] = `${match[1]}src: ${quoteYaml(src)}`;
      return lines.join('\n');
    }
  }
  return undefined;
}
