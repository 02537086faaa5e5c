import { slug } from 'github-slugger';
import type { Root } from 'hast';
import { toString as hastToString } from 'hast-util-to-string';
import { forEachElement } from '@/lib/markdown/each-element';

const headingTagNames = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Rehype plugin (before sanitize): gives each heading without an id a GitHub-style slug of its text, unique in the document. */
export function rehypeHeadingSlugs() {
  return (tree: Root): undefined => {
    // Ids already in the document (raw HTML, footnotes) count as taken, so a slug never collides with them.
    const taken = new Set<string>();
    forEachElement(tree, (node) => {
      const id = node.properties['id'];
      if (typeof id === 'string' && id !== '') taken.add(id);
    });

    forEachElement(tree, (node) => {
      if (!headingTagNames.has(node.tagName)) return;
      const id = node.properties['id'];
      if (typeof id === 'string' && id !== '') return;
      const base = slug(hastToString(node)) || 'section';
      let candidate = base;
      for (let count = 1; taken.has(candidate); count += 1) candidate = `${base}-${count}`;
      taken.add(candidate);
      node.properties['id'] = candidate;
    });
    return undefined;
  };
}
