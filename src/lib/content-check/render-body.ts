import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';

/** What rendering one body found: the local image paths Astro would import, or what it threw. */
export type BodyRenderResult =
  | { readonly ok: true; readonly localImagePaths: readonly string[] }
  | { readonly ok: false; readonly error: unknown };

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
  // * _ [ ~ nest inline; 500 of them is far beyond prose and far below the depth that overflows the parsers' stack
  // (docs/security.md#rejected-and-why).
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
      return { ok: false, error };
    } finally {
      console.error = log;
    }
  };
}
