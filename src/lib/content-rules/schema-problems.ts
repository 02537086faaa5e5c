import type { z } from 'astro/zod';
import type { FieldLineFinder } from '@/lib/content-rules/field-lines';
import { CONTENT_FORMAT_GUIDE, type ContentProblem, splitReason } from '@/lib/content-rules/problems';
import { createArticleSchema, plainImage, plainReference, sourceSchema } from '@/lib/schemas';

// The schemas themselves live in lib/schemas.ts; Astro applies them in the build. These functions run the same
// schemas outside Astro (plainImage and plainReference stand in for Astro's helpers, which accept any text here) to
// turn each issue into a problem with its line and a fix: `npm run check:content` for every file, the loaders when
// Astro's own check has failed.
const articleSchema = createArticleSchema({ image: plainImage, reference: plainReference });

// What each kind of file is checked against, and where a missing field's line goes.
const schemas = {
  article: { schema: articleSchema, where: 'the front matter' },
  source: { schema: sourceSchema, where: 'the file' },
} as const;

/** Which schema a file is checked against: an article's front matter, or a source file's fields. */
export type SchemaKind = keyof typeof schemas;

/** One problem per issue of the article or source schema in a file's fields as written; none when they are valid. */
export function findSchemaProblems(
  kind: SchemaKind,
  data: Readonly<Record<string, unknown>>,
  file: string,
  fieldLine: FieldLineFinder,
): ContentProblem[] {
  const { schema, where } = schemas[kind];
  const parsed = schema.safeParse(data);
  return parsed.success ? [] : schemaProblems(parsed.error, file, fieldLine, where);
}

/** One problem per schema issue, with the line of the top-level field it is about and the fix its message gives. */
function schemaProblems(error: z.ZodError, file: string, fieldLine: FieldLineFinder, where: string): ContentProblem[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const top = keys[0] ?? (typeof issue.path[0] === 'string' ? issue.path[0] : undefined);
    const field =
      keys.length > 0
        ? [...issue.path.map(String), keys.join(', ')].filter(Boolean).join('.')
        : issue.path.map(String).join('.');
    const line = top === undefined ? undefined : fieldLine(top);
    const base = { file, line, field: field || undefined, rule: 'schema' };
    // An unknown field's message lists the known ones after its first sentence: that list is part of the reason.
    if (keys.length > 0) return { ...base, reason: issue.message, fix: 'Remove the field, or correct its name.' };
    // zod leaves the input out of issues; the schemas' own wording says when a field is missing.
    const fallbackFix = / is required\.$/.test(issue.message)
      ? `Add a "${field}:" line to ${where}.`
      : `Change ${field || 'the value'} as described in ${CONTENT_FORMAT_GUIDE}.`;
    return { ...base, ...splitReason(issue.message, fallbackFix) };
  });
}
