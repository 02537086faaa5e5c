import type { Element, Root } from 'hast';

/**
 * Calls `visitor` on every element of a hast tree in document order, each before its children, which are read as
 * they are when reached (a visitor may change its element's properties and the child lists below it). This is the
 * walk of unist-util-visit's `visit(tree, 'element', visitor)` without its per-node bookkeeping (a parents array and
 * a closure for every node): each Markdown plugin walks every article, and with `visit` those walks were one of the
 * build's hot spots (bench/JOURNAL.md#before-and-after). Nesting is capped at 100 levels by the content rules, so
 * recursion is safe. Like `visit`, it does not enter a `<template>`'s content.
 */
export function forEachElement(tree: Root | Element, visitor: (node: Element) => void): void {
  const { children } = tree;
  for (let index = 0; index < children.length; index += 1) {
    const child = children[index];
    if (child?.type !== 'element') continue;
    visitor(child);
    forEachElement(child, visitor);
  }
}
