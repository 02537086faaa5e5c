import type { Root } from 'hast';
import { forEachElement } from '@/lib/markdown/each-element';
import { userContentPrefix } from '@/lib/markdown/sanitize-schema';

/** Rehype plugin (trusted, after sanitize): points `href="#x"` at `#user-content-x` when only the prefixed target exists. */
export function rehypeFragmentLinks() {
  return (tree: Root): undefined => {
    const targets = new Set<string>();
    forEachElement(tree, (node) => {
      const { id, name } = node.properties;
      if (typeof id === 'string') targets.add(id);
      // Browsers also scroll to `<a name>`, the pre-HTML5 anchor.
      if (node.tagName === 'a' && typeof name === 'string') targets.add(name);
    });

    forEachElement(tree, (node) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#') || href === '#') return;
      const fragment = href.slice(1);
      // Browsers match the percent-decoded fragment against ids: `#caf%C3%A9` reaches `id="café"`.
      const decoded = safeDecode(fragment);
      if (targets.has(fragment) || targets.has(decoded)) return;
      if (targets.has(userContentPrefix + decoded)) node.properties['href'] = `#${userContentPrefix}${fragment}`;
    });
    return undefined;
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
