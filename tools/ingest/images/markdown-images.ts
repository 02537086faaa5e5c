import type { Image, Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';

/** One inline image of a Markdown body, with where it is written. */
export interface BodyImage {
  /** The image's URL as the parser reads it (escapes resolved). */
  readonly url: string;
  /** Its alt text. */
  readonly alt: string;
  /** Its title, if it has one. */
  readonly title: string | undefined;
  /** Where `![alt](url)` starts in the body (a character offset). */
  readonly start: number;
  /** Where it ends (exclusive). */
  readonly end: number;
  /**
   * What to cut when the image is dropped: the image itself, or the link or paragraph that holds nothing else (so no
   * empty link or blank paragraph is left behind).
   */
  readonly removeStart: number;
  /** The end of what to cut (exclusive). */
  readonly removeEnd: number;
}

/** A change to a body: the text between `start` and `end` becomes `text`. */
export interface TextEdit {
  /** The first character replaced. */
  readonly start: number;
  /** The character after the last one replaced. */
  readonly end: number;
  /** What takes their place. */
  readonly text: string;
}

/** Whether a node carries nothing a reader would miss (the spaces and line breaks around an image). */
function isBlank(node: Nodes): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '');
}

/** Parses a body the way the site reads it: CommonMark with GitHub's extensions (tables, so images inside them too). */
function parseBody(body: string): Root {
  return fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/**
 * Every inline image (`![alt](url)`) in a Markdown body, in order, found by parsing it: an image inside a code block
 * or code span is text, and stays untouched. Images by reference (`![alt][label]`) are not listed; the importer
 * never writes them.
 */
export function findBodyImages(body: string): BodyImage[] {
  const found: BodyImage[] = [];
  // An explicit stack rather than recursion: the importer's bodies are shallow, but nothing here should depend on it.
  const stack: { node: Nodes; ancestors: readonly Parents[] }[] = [{ node: parseBody(body), ancestors: [] }];
  while (stack.length > 0) {
    const { node, ancestors } = stack.pop() as { node: Nodes; ancestors: readonly Parents[] };
    if (node.type === 'image') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      let removed: Nodes = node;
      let holder: Parents | undefined = ancestors.at(-1);
      for (let depth = ancestors.length - 1; depth >= 0; depth -= 1) {
        const parent = ancestors[depth] as Parents;
        if (parent.type !== 'link' && parent.type !== 'paragraph') break;
        if (!parent.children.every((child) => child === removed || isBlank(child))) break;
        removed = parent;
        holder = ancestors[depth - 1];
        if (parent.type === 'paragraph') break;
      }
      let removeStart = removed.position?.start.offset ?? start;
      let removeEnd = removed.position?.end.offset ?? end;
      // A paragraph of the body's top level goes with the blank line after it, so no run of blank lines is left.
      if (removed.type === 'paragraph' && holder?.type === 'root') {
        while (body[removeEnd] === '\n') removeEnd += 1;
        if (removeEnd === body.length) while (removeStart > 0 && body[removeStart - 1] === '\n') removeStart -= 1;
      }
      found.push({
        url: node.url,
        alt: node.alt ?? '',
        title: node.title ?? undefined,
        start,
        end,
        removeStart,
        removeEnd,
      });
      continue;
    }
    if ('children' in node) {
      for (let index = node.children.length - 1; index >= 0; index -= 1) {
        stack.push({ node: node.children[index] as Nodes, ancestors: [...ancestors, node] });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `![alt](url "title")` written as the importer writes Markdown, with whatever the alt text needs escaped. */
export function imageMarkdown(image: {
  readonly url: string;
  readonly alt: string;
  readonly title?: string | undefined;
}): string {
  const node: Image = { type: 'image', url: image.url, alt: image.alt, title: image.title ?? null };
  return toMarkdown({ type: 'paragraph', children: [node] }, { resourceLink: true }).trim();
}

/** Applies edits that do not overlap to a text; the order they are given in does not matter. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
    result = `${result.slice(0, edit.start)}${edit.text}${result.slice(edit.end)}`;
  }
  return result;
}
