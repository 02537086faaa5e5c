import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';

/** What rendering one body found: the local image paths Astro would import, or why it failed. */
export type BodyRenderResult =
  | { readonly ok: true; readonly localImagePaths: readonly string[] }
  | {
      readonly ok: false;
      readonly rule?: string | undefined;
      readonly line?: number | undefined;
      readonly reason: string;
    };

/** Renders a Markdown body the way the build does and reports what it found. */
export type BodyRenderer = (body: string, filePath: string) => Promise<BodyRenderResult>;

// Every URL an image or link rule can reject is an image, inline HTML or an autolink, or is written after `](` or after
// `]:` in a definition. A body whose links all start with http(s)://, mailto: or # (most generated and imported text)
// cannot break those rules and need not be rendered; one with deep inline nesting is rendered to find overflows.
const webTarget = /^\s*<?(?:https?:\/\/|mailto:|#)/;

/** Whether a body could break a rule that only rendering finds (image and link paths, render failures). */
export function needsRender(body: string): boolean {
  if (body.includes('![') || /<[a-zA-Z!?/]/.test(body)) return true;
  for (const marker of ['](', ']:']) {
    for (let at = body.indexOf(marker); at !== -1; at = body.indexOf(marker, at + 2)) {
      if (!webTarget.test(body.slice(at + 2, at + 40))) return true;
    }
  }
  // * _ [ ~ nest inline; 500 of them is far beyond prose and far below the ~1,500 levels that overflow.
  return body.length - body.replace(/[*_[~]/g, '').length > 500;
}

/** A renderer with the site's own Markdown pipeline (`createMarkdownOptions`), as `astro build` runs it. */
export async function createBodyRenderer(contentDir: string, base = '/'): Promise<BodyRenderer> {
  const processor = await createMarkdownProcessor({
    ...createMarkdownOptions({ contentDir, base }),
    syntaxHighlight: false,
  });
  return async (body, filePath) => {
    // Astro's processor logs each failure before it throws; the check reports it once, its own way.
    const log = console.error;
    console.error = () => undefined;
    try {
      const { metadata } = await processor.render(body, { fileURL: pathToFileURL(filePath) });
      return { ok: true, localImagePaths: metadata.localImagePaths };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const detail = message.replace(/^Failed to parse Markdown file "[^"]*":\s*/, '');
      const rule = ruleIdOf(error);
      const located = /^[^\n]*?:(\d+):\d+: ([\s\S]*)$/.exec(detail);
      if (located) return { ok: false, rule, line: Number(located[1]), reason: located[2] ?? detail };
      return { ok: false, rule, reason: detail };
    } finally {
      console.error = log;
    }
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
