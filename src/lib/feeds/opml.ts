import { escapeXml } from '@/lib/feeds/xml';

// OPML 2.0 (http://opml.org/spec2.opml): a subscription list that feed readers import in one go.

/** One feed in a subscription list. */
export interface OpmlFeed {
  /** The name readers see. */
  readonly title: string;
  /** One line about it. */
  readonly description: string | undefined;
  /** Its language. */
  readonly language: string | undefined;
  /** The feed's absolute address (RSS). */
  readonly xmlUrl: string;
  /** The absolute address of the page it follows. */
  readonly htmlUrl: string;
}

/** An OPML 2.0 subscription list of `feeds`, in the order given. */
export function renderOpml(title: string, feeds: readonly OpmlFeed[]): string {
  const outlines = feeds.map((feed) => {
    const attributes = [
      ['type', 'rss'],
      ['version', 'RSS2'],
      ['text', feed.title],
      ['title', feed.title],
      ['xmlUrl', feed.xmlUrl],
      ['htmlUrl', feed.htmlUrl],
      ...(feed.description ? [['description', feed.description]] : []),
      ...(feed.language ? [['language', feed.language]] : []),
    ];
    return `    <outline ${attributes.map(([name, value]) => `${name}="${escapeXml(value ?? '')}"`).join(' ')}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeXml(title)}</title></head>`,
    '  <body>',
    ...outlines,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
