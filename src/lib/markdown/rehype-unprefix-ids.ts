import type { Root } from 'hast';
import { forEachElement } from '@/lib/markdown/each-element';
import { userContentPrefix } from '@/lib/markdown/sanitize-schema';

const clobberedProperties: readonly string[] = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'];

/** Rehype plugin (before sanitize): removes a `user-content-` prefix an author already wrote, since sanitize adds exactly one. */
export function rehypeUnprefixIds() {
  return (tree: Root): undefined => {
    forEachElement(tree, (node) => {
      const { properties } = node;
      for (const key of clobberedProperties) {
        const value = properties[key];
        if (typeof value === 'string') properties[key] = unprefix(value);
        else if (Array.isArray(value))
          properties[key] = value.map((item) => (typeof item === 'string' ? unprefix(item) : item));
      }
    });
    return undefined;
  };
}

function unprefix(value: string): string {
  let result = value;
  while (result.startsWith(userContentPrefix)) result = result.slice(userContentPrefix.length);
  return result;
}
