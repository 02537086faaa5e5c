import type { Definition, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  failOnPathProblem,
  findImageSourceProblem,
  type ImageSourceOptions,
  markdownFilePath,
} from '@/lib/markdown/image-source';

/** Remark plugin: fails the file when a Markdown image (inline or by reference) is not an http(s) URL or a path inside the content folder. */
export function remarkImagePolicy(options: ImageSourceOptions) {
  const { contentDir } = options;
  return (tree: Root, file: VFile): undefined => {
    const filePath = markdownFilePath(file);
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      // CommonMark: the first definition of a label wins.
      if (!definitions.has(node.identifier)) definitions.set(node.identifier, node);
    });

    visit(tree, (node) => {
      let url: string | undefined;
      if (node.type === 'image') url = node.url;
      else if (node.type === 'imageReference') url = definitions.get(node.identifier)?.url;
      if (url === undefined) return;

      const problem = findImageSourceProblem(url, filePath, contentDir);
      if (problem === undefined) return;
      failOnPathProblem(file, { filePath, contentDir, label: 'image', url, position: node.position }, problem);
    });
    return undefined;
  };
}
