import type { AstroIntegration } from 'astro';
import { splitJsonParseModule } from '../lib/build/split-string-literal.js';

/** Astro's virtual module that holds the content store (resolved id). */
const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * Rewrites Astro's content-store module so that V8 compiles it in linear time (see lib/build/split-string-literal.ts).
 * The value the module exports is unchanged.
 */
export function linearContentStoreModule(): AstroIntegration {
  return {
    name: 'broadsheet:content-store-module',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'broadsheet:split-content-store-literal',
                enforce: 'post',
                transform: {
                  filter: { id: /^\0astro:data-layer-content$/ },
                  handler(code, id) {
                    if (id !== DATA_STORE_MODULE_ID) return undefined;
                    const split = splitJsonParseModule(code);
                    return split === undefined ? undefined : { code: split, map: { mappings: '' } };
                  },
                },
              },
            ],
          },
        });
      },
    },
  };
}
