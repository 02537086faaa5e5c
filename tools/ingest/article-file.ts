import { parseYaml, splitMarkdown } from '../../src/lib/frontmatter';
import { createArticleSchema, plainImage, plainReference, sourceSchema } from '../../src/lib/schemas';
import { ImportError } from './errors';
import type { NewSource } from './sources';

/** The front matter the importer writes, in the order it writes it. Dates are contract dates (`YYYY-MM-DD` or with offset). */
export interface ImportedFrontMatter {
  readonly title: string;
  readonly date: string;
  readonly source: string;
  readonly sourceUrl?: string | undefined;
  readonly author?: readonly string[] | undefined;
  readonly summary?: string | undefined;
  readonly tags?: readonly string[] | undefined;
  readonly via?: readonly string[] | undefined;
  readonly updated?: string | undefined;
  readonly image?: { readonly src: string; readonly alt: string; readonly credit?: string | undefined } | undefined;
  readonly lang?: string | undefined;
  readonly draft?: boolean | undefined;
}

/** A YAML single-quoted scalar: the one quoting style in which only `'` needs escaping. Line breaks become spaces. */
export function quoteYaml(value: string): string {
  const oneLine = value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return `'${oneLine.replace(/'/g, "''")}'`;
}

// A date-time is quoted so that YAML 1.1 tools cannot read it as a UTC timestamp and lose its offset; a plain day
// stays a bare YAML date, as in the content contract's example.
function yamlDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : quoteYaml(value);
}

function yamlList(values: readonly string[]): string {
  return `[${values.map(quoteYaml).join(', ')}]`;
}

/** Renders an article file: front matter with every string quoted, then the Markdown body. */
export function renderArticleFile(data: ImportedFrontMatter, body: string): string {
  const lines = [
    `title: ${quoteYaml(data.title)}`,
    `date: ${yamlDate(data.date)}`,
    `source: ${quoteYaml(data.source)}`,
  ];
  if (data.sourceUrl) lines.push(`sourceUrl: ${quoteYaml(data.sourceUrl)}`);
  if (data.author?.length === 1) lines.push(`author: ${quoteYaml(data.author[0] ?? '')}`);
  else if (data.author && data.author.length > 1) lines.push(`author: ${yamlList(data.author)}`);
  if (data.summary) lines.push(`summary: ${quoteYaml(data.summary)}`);
  if (data.via?.length) lines.push(`via: ${yamlList(data.via)}`);
  if (data.tags?.length) lines.push(`tags: ${yamlList(data.tags)}`);
  if (data.updated) lines.push(`updated: ${yamlDate(data.updated)}`);
  if (data.image) {
    lines.push('image:', `  src: ${quoteYaml(data.image.src)}`, `  alt: ${quoteYaml(data.image.alt)}`);
    if (data.image.credit) lines.push(`  credit: ${quoteYaml(data.image.credit)}`);
  }
  if (data.lang) lines.push(`lang: ${quoteYaml(data.lang)}`);
  if (data.draft) lines.push('draft: true');
  return `---\n${lines.join('\n')}\n---\n\n${body.trim()}\n`;
}

/** Renders a source file with every string quoted. */
export function renderSourceFile(source: NewSource): string {
  const lines = [`name: ${quoteYaml(source.name)}`, `url: ${quoteYaml(source.url)}`];
  if (source.language) lines.push(`language: ${quoteYaml(source.language)}`);
  return `${lines.join('\n')}\n`;
}

const articleSchema = createArticleSchema({ image: plainImage, reference: plainReference });

/**
 * Reads a rendered article back exactly as the build will (Broadsheet's YAML rules, the build's schema) and throws an
 * ImportError listing every problem; the importer calls it before anything is written.
 */
export function validateArticleFile(contents: string, knownSourceIds: ReadonlySet<string>): void {
  const { data } = splitMarkdown(contents);
  const parsed = articleSchema.safeParse(data);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
  if (parsed.success) {
    for (const id of [parsed.data.source.id, ...parsed.data.via.map((via) => via.id)]) {
      if (!knownSourceIds.has(id)) problems.push(`"${id}" is not a known source.`);
    }
  }
  if (problems.length > 0) {
    throw new ImportError(`the article would not be valid:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Checks a rendered source file with the build's source schema. */
export function validateSourceFile(contents: string): void {
  const parsed = sourceSchema.safeParse(parseYaml(contents));
  if (!parsed.success) {
    throw new ImportError(
      `the new source would not be valid: ${parsed.error.issues.map((issue) => issue.message).join(' ')}`,
    );
  }
}
