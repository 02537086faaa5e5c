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
