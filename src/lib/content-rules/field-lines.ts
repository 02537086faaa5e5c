import { normalizeNewlines, splitMarkdown } from '@/lib/frontmatter';

/** The 1-based file line of a top-level field (`image` for `image.src`), or undefined when it is not written. */
export type FieldLineFinder = (topLevelField: string) => number | undefined;

/**
 * The 1-based file line of each top-level key in a front matter block (`rawData`, the YAML between the fences, which
 * starts on line 2 of the file). Keys may be bare or quoted; the first occurrence wins.
 */
export function topLevelKeyLines(rawData: string, firstLine = 2): Map<string, number> {
  const lines = new Map<string, number>();
  rawData.split('\n').forEach((line, index) => {
    const match = /^(?:"([^"]+)"|'([^']+)'|([^\s#:'"][^:]*?))\s*:(?:\s|$)/.exec(line);
    const key = match?.[1] ?? match?.[2] ?? match?.[3];
    if (key !== undefined && !lines.has(key)) lines.set(key, firstLine + index);
  });
  return lines;
}

/**
 * A finder over YAML text that starts on `firstLine` of its file. The lines are only worked out when first asked for:
 * almost every file passes its checks and is never asked.
 */
export function fieldLinesOf(yamlText: string, firstLine: number): FieldLineFinder {
  let lines: Map<string, number> | undefined;
  return (field) => {
    lines ??= topLevelKeyLines(yamlText, firstLine);
    return lines.get(field);
  };
}

/** The field lines of a whole article file's text (its front matter starts on line 2); none when it cannot be read. */
export function articleFieldLines(text: string): FieldLineFinder {
  try {
    return fieldLinesOf(splitMarkdown(text).rawData, 2);
  } catch {
    return () => undefined;
  }
}

/** The field lines of a whole source file's text (its fields start on line 1). */
export function sourceFieldLines(text: string): FieldLineFinder {
  return fieldLinesOf(normalizeNewlines(text), 1);
}
