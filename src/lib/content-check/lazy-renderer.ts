import type { BodyRenderer } from '@/lib/content-check/render-body';

/**
 * A body renderer (`createBodyRenderer`) that loads the Markdown pipeline on the first body it is given. Loading the
 * pipeline takes seconds, and most content has no body that needs rendering (`needsRender`), so a check of such content
 * never pays for it.
 */
export function lazyBodyRenderer(contentDir: string, base = '/'): BodyRenderer {
  let renderer: Promise<BodyRenderer> | undefined;
  return async (body, filePath) => {
    renderer ??= import('@/lib/content-check/render-body').then((module) =>
      module.createBodyRenderer(contentDir, base),
    );
    return (await renderer)(body, filePath);
  };
}
