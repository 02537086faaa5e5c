import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createMarkdownOptions } from '@/lib/markdown/pipeline';

/** What rendering one body found: the local image paths Astro would import, or what it threw. */
export type BodyRenderResult =
  | { readonly ok: true; readonly localImagePaths: readonly string[] }
  | { readonly ok: false; readonly error: unknown };

/** Renders a Markdown body the way the build does and reports what it found. */
export type BodyRenderer = (body: string, filePath: string) => Promise<BodyRenderResult>;

/** Whether a body needs rendering to be checked; kept in its own module so that checking needs no Markdown pipeline. */
export { needsRender } from '@/lib/content-check/needs-render';

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
