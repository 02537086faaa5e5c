import { type ContentProblem, splitReason } from '@/lib/content-rules/problems';

/** A Markdown body that could not be rendered: the file, the error, and where the body starts in the file. */
export interface RenderFailure {
  /** The file as problems name it. */
  readonly file: string;
  /** What the Markdown processor threw. */
  readonly error: unknown;
  /** The file line the body starts on; without it the error's line (counted in the body) is left out. */
  readonly bodyLine?: number | undefined;
}

/**
 * The problem for a body the Markdown pipeline refused or failed on: the rule one of our plugins names, with its line
 * in the file; or a body so deeply nested that the parser ran out of stack (the depth check catches the usual shapes,
 * any other structure deep enough to overflow ends here).
 */
export function renderFailureProblem({ file, error, bodyLine }: RenderFailure): ContentProblem {
  const message = error instanceof Error ? error.message : String(error);
  // Astro's processor puts the file's name in front of the message; problems name the file themselves.
  const detail = message.replace(/^Failed to parse Markdown file "[^"]*":\s*/, '');
  if (/call stack/i.test(detail)) {
    return {
      file,
      rule: 'nesting-too-deep',
      reason: 'the Markdown body could not be rendered: the parser ran out of stack.',
      fix: 'The body nests too deeply (quotes, lists, emphasis or HTML); flatten it.',
    };
  }
  // Our plugins fail with `<file>:<line>:<column>: <reason> <fix>`, the line counted from the body's first line.
  const located = /^[^\n]*?:(\d+):\d+: ([\s\S]*)$/.exec(detail);
  const line = located && bodyLine !== undefined ? bodyLine + Number(located[1]) - 1 : undefined;
  return {
    file,
    line,
    rule: ruleIdOf(error) ?? 'markdown',
    ...splitReason(located?.[2] ?? `the Markdown body could not be rendered: ${detail}`, 'Fix the body there.'),
  };
}

/** The rule id our Markdown plugins put on the message they fail with, wherever Astro's wrapper keeps it. */
function ruleIdOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const ruleId = (current as { ruleId?: unknown }).ruleId;
    if (typeof ruleId === 'string') return ruleId;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
