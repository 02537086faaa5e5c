// The XML checks that run before any parser builds a tree. Feeds never need DTD entities, and a parser that expands
// them can read local files (XXE) or grow a few hundred bytes into gigabytes (billion laughs), so a feed that declares
// any is refused outright instead of trusting every parser downstream to ignore them.
import { SyntaxValidator } from 'fast-xml-validator';
import { FeedError } from './types';

/**
 * True when the XML declares an entity (`<!ENTITY` in a DOCTYPE's internal subset). Text inside CDATA sections and
 * comments is not markup, so an article that quotes `<!ENTITY` in a code sample does not count.
 */
export function declaresEntities(xml: string): boolean {
  let index = 0;
  // One pass with indexOf: a regex with lazy matches would go quadratic on a file full of unclosed CDATA sections.
  for (;;) {
    const start = xml.indexOf('<!', index);
    if (start === -1) return false;
    if (xml.startsWith('<![CDATA[', start)) {
      const end = xml.indexOf(']]>', start + 9);
      if (end === -1) return false;
      index = end + 3;
    } else if (xml.startsWith('<!--', start)) {
      const end = xml.indexOf('-->', start + 4);
      if (end === -1) return false;
      index = end + 3;
    } else if (xml.slice(start + 2, start + 8).toUpperCase() === 'ENTITY') {
      return true;
    } else {
      index = start + 2;
    }
  }
}

/**
 * Throws a FeedError unless the text is well-formed XML without entity declarations. Leading whitespace before the
 * XML declaration (a common CMS-plugin slip) is forgiven; the line numbers in errors count it.
 */
export function assertSafeWellFormedXml(xml: string): string {
  if (declaresEntities(xml)) {
    throw new FeedError(
      'the feed declares entities in a DOCTYPE; feeds never need them, and reading them could expose local files or exhaust memory, so it was not read.',
    );
  }
  const leading = /^\s*/.exec(xml)?.[0] ?? '';
  const body = xml.slice(leading.length);
  try {
    SyntaxValidator.validate(body);
  } catch (error) {
    // The validator throws a ValidationError carrying the line and column of the first problem.
    const { line: errorLine, col } = error as { line?: number; col?: number };
    const message = error instanceof Error ? error.message : String(error);
    const line = (errorLine ?? 1) + leading.split('\n').length - 1;
    const where = col ? `line ${line}, column ${col}` : `line ${line}`;
    throw new FeedError(`the feed is not well-formed XML (${where}): ${message}`);
  }
  return body;
}
