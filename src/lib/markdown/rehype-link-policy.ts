import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { forEachElement } from '@/lib/markdown/each-element';
import { failOnPathProblem, type ImageSourceOptions, markdownFilePath } from '@/lib/markdown/image-source';
import { findLinkTargetProblem } from '@/lib/markdown/link-target';

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
