/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// getViteConfig gives tests the same resolution as the site (the `@/` alias, `astro:content`, `.astro` files).
// The dev toolbar is off so Container API output carries no `data-astro-source-*` attributes.
export default getViteConfig(
  {
    test: {
      environment: 'node',
      include: ['tests/**/*.test.ts'],
      // One temporary folder for the whole run, removed at its end (tests/support/global-setup.ts).
      globalSetup: ['tests/support/global-setup.ts'],
      // Build tests run real `astro build`s; they take a while on a 2-core machine.
      testTimeout: 240_000,
      hookTimeout: 600_000,
    },
  },
  { devToolbar: { enabled: false } },
);
