import type { FieldLineFinder } from '@/lib/content-rules/field-lines';
import type { ContentProblem } from '@/lib/content-rules/problems';
import { isSlug } from '@/lib/slug';

/** An article file and the id its path gives it (`undefined` when a path segment has no letter or digit). */
export interface ArticleFileId {
  /** The file as problems name it. */
  readonly file: string;
  /** Its article id, from `articleIdFromPath`. */
  readonly id: string | undefined;
}

/**
 * Problems with the ids of all article files together: a file whose name gives no id, and files that share one id
 * (one URL), each of which is named in a problem of its own.
 */
export function findArticleIdProblems(files: readonly ArticleFileId[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const filesById = new Map<string, string[]>();
  for (const { file, id } of files) {
    if (id === undefined) {
      problems.push({
        file,
        rule: 'invalid-id',
        reason: 'the file name has no letter or digit to make a URL from.',
        fix: 'Rename the file.',
      });
    } else {
      filesById.set(id, [...(filesById.get(id) ?? []), file]);
    }
  }
  for (const [id, sharing] of filesById) {
    if (sharing.length < 2) continue;
    const names = [...sharing].sort();
    for (const file of names) {
      problems.push({
        file,
        rule: 'duplicate-id',
        reason: `${names.join(' and ')} have the same article id "${id}" (one URL).`,
        fix: 'Rename one of them.',
      });
    }
  }
  return problems;
}

/** A source id an article names, and the field it is in. */
export interface SourceReference {
  /** `source` or `via`. */
  readonly field: 'source' | 'via';
  /** The source id. */
  readonly id: string;
}

/**
 * The source ids an article's front matter names, from the data as written (ids as text) or as Astro's schema left it
 * (references with an `id`). Text that is not an id is left to the schema's own message.
 */
export function sourceReferences(data: Readonly<Record<string, unknown>>): SourceReference[] {
  const idOf = (value: unknown): string | undefined => {
    const id =
      typeof value === 'string'
        ? value.trim()
        : typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
          ? value.id
          : undefined;
    return id !== undefined && isSlug(id) ? id : undefined;
  };
  const references: SourceReference[] = [];
  const source = idOf(data['source']);
  if (source !== undefined) references.push({ field: 'source', id: source });
  const via = data['via'];
  for (const value of Array.isArray(via) ? via : []) {
    const id = idOf(value);
    if (id !== undefined) references.push({ field: 'via', id });
  }
  return references;
}

/** A problem for each source id an article names (`source`, `via`) that has no source file, on the field's line. */
export function findUnknownSources(
  file: string,
  data: Readonly<Record<string, unknown>>,
  knownIds: ReadonlySet<string>,
  fieldLine: FieldLineFinder,
): ContentProblem[] {
  const unknown = sourceReferences(data).filter((reference) => !knownIds.has(reference.id));
  if (unknown.length === 0) return [];
  const known = [...knownIds].sort().join(', ') || 'none';
  return unknown.map(({ field, id }) => ({
    file,
    line: fieldLine(field),
    field,
    rule: 'unknown-source',
    reason: `${field} "${id}" is not a known source (known: ${known}).`,
    fix: `Add content/sources/${id}.yaml or fix the id.`,
  }));
}
