import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { forEachElement } from '@/lib/markdown/each-element';
import {
  failOnPathProblem,
  findImageSourceProblem,
  type ImageSourceOptions,
  markdownFilePath,
} from '@/lib/markdown/image-source';

/** Rehype plugin (after rehype-raw, before sanitize): fails the file when an HTML `<img src>` breaks the Markdown image rules. */
export function rehypeHtmlImagePolicy(options: ImageSourceOptions) {
  const { contentDir } = options;
  return (tree: Root, file: VFile): undefined => {
    const filePath = markdownFilePath(file);
    forEachElement(tree, (node) => {
      if (node.tagName !== 'img') return;
      const src = node.properties['src'];
      // An empty or missing src loads nothing from elsewhere; sanitize keeps it harmless.
      if (typeof src !== 'string' || src === '') return;

      const problem = findImageSourceProblem(src, filePath, contentDir);
      if (problem === undefined) return;
      failOnPathProblem(
        file,
        { filePath, contentDir, label: 'HTML <img> src', url: src, position: node.position },
        problem,
      );
    });
    return undefined;
  };
}
