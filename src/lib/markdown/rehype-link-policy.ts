import type { Root } from 'hast';
import { forEachElement } from './each-element.js';
import type { VFile } from 'vfile';
import { failOnPathProblem, markdownFilePath, type ImageSourceOptions } from './image-source.js';
import { findLinkTargetProblem } from './link-target.js';

/**
 * Rehype plugin (after rehype-raw, before sanitize): fails the file when a link, in Markdown or inline HTML, is a
 * relative path that leaves the content folder.
 */
export function rehypeLinkPolicy(options: ImageSourceOptions) {
  const { contentDir } = options;
  return (tree: Root, file: VFile): undefined => {
    const filePath = markdownFilePath(file);
    forEachElement(tree, (node) => {
      const href = node.properties['href'];
      if (typeof href !== 'string' || href === '') return;
      const problem = findLinkTargetProblem(href, filePath, contentDir);
      if (problem === undefined) return;
      failOnPathProblem(file, { filePath, contentDir, label: 'link', url: href, position: node.position }, problem);
    });
    return undefined;
  };
}
