import type { Root } from 'hast';
import { forEachElement } from '@/lib/markdown/each-element';

/** Rehype plugin (trusted, after sanitize): puts back the disabled task-list checkboxes that rehype-stash-task-checkboxes noted. */
export function rehypeRestoreTaskCheckboxes() {
  return (tree: Root): undefined => {
    forEachElement(tree, (node) => {
      const checked = node.data?.taskCheckboxChecked;
      if (checked === undefined) return;
      delete node.data?.taskCheckboxChecked;
      node.children.unshift({
        type: 'element',
        tagName: 'input',
        properties: { type: 'checkbox', checked, disabled: true },
        children: [],
      });
    });
    return undefined;
  };
}
