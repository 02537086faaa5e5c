import type { AstroIntegration } from 'astro';
import { collectGarbage } from '@/lib/build/collect-garbage';

/**
 * In `astro build`, collects garbage where one phase hands over to the next (see lib/build/collect-garbage.ts): when
 * the build starts, right after the content sync has written its store, and when the pages are written, before the
 * sitemap reads them. The content loaders do the same around loading (lib/build/shared-content-store.ts).
 */
export function collectGarbageBetweenPhases(): AstroIntegration {
  const collect = (phase: string, logger: { debug(message: string): void }) => {
    const started = performance.now();
    if (collectGarbage()) logger.debug(`Collected garbage ${phase} in ${(performance.now() - started).toFixed(0)} ms.`);
  };
  return {
    name: 'broadsheet:collect-garbage',
    hooks: {
      'astro:build:start': ({ logger }) => collect('after the content sync', logger),
      'astro:build:generated': ({ logger }) => collect('after page generation', logger),
    },
  };
}
