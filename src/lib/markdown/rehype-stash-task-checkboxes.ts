import type { Element, ElementData, Root } from 'hast';
import { forEachElement } from '@/lib/markdown/each-element';

declare module 'hast' {
  interface Data {
    /** Set by rehype-stash-task-checkboxes: this element held a GFM task checkbox, checked or not. */
    taskCheckboxChecked?: boolean;
  }
}

/** Rehype plugin (before sanitize): takes GFM task-list checkboxes out of the tree and notes their state on the parent's `data`. */
export function rehypeStashTaskCheckboxes() {
  return (tree: Root): undefined => {
    forEachElement(tree, (node) => {
      if (node.tagName !== 'li' || !hasClass(node, 'task-list-item')) return;
      // remark-rehype puts the checkbox first: in the `li` of a tight list, in its first `p` in a loose one.
      const first = firstElement(node);
      const holder = first?.tagName === 'p' ? first : node;
      const checkbox = firstElement(holder);
      if (checkbox?.tagName !== 'input' || checkbox.properties['type'] !== 'checkbox') return;
      holder.children.splice(holder.children.indexOf(checkbox), 1);
      // Sanitize strips every `input` but copies `data`, which raw HTML cannot set.
      const checked = checkbox.properties['checked'] === true;
      if (holder.data) holder.data.taskCheckboxChecked = checked;
      // hast-util-from-parse5 declares `data.position` required; it is optional in practice.
      else holder.data = { taskCheckboxChecked: checked } as ElementData;
    });
    return undefined;
  };
}

function firstElement(parent: Element): Element | undefined {
  return parent.children.find((child): child is Element => child.type === 'element');
}

function hasClass(node: Element, name: string): boolean {
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes(name);
}
