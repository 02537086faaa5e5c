// Fixture content for the link-integrity builds: links between articles written every way an author might (root-
// relative, relative, to the .md file, inline HTML), heading and footnote fragments, and listings long enough to paginate.

/** Articles and sources, as `{ path: contents }` for `writeFiles`. */
export function linkFixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {
    'sources/alpha.yaml': 'name: Alpha Daily\nurl: https://www.alpha.example/\n',
    'sources/beta.yaml': 'name: Beta Post\nurl: https://beta.example/\nindexing: canonical\n',
    'articles/2024/04/first.md': [
      '---',
      "title: 'First story'",
      'date: 2024-04-20T09:30:00+03:00',
      'source: alpha',
      "sourceUrl: 'https://www.alpha.example/first'",
      'via: [beta]',
      'tags: [NATO, Ukraine]',
      '---',
      '',
      '## Background',
      '',
      'Read [the second story](/articles/2024/04/second/), [its quote](/articles/2024/04/second/#the-quote), the same',
      '[by a relative path](../second/), [by its file](second.md#the-quote), and [this background](#background).[^1]',
      '',
      'More from [Beta Post](/sources/beta/), the [NATO topic](/tags/nato/), its [page 1](/tags/nato/page/1/),',
      'the [front page](/) and [its page 1](/page/1/), all [sources](/sources/) and [topics](/tags/).',
      '',
      '<p><a href="/tags/ukraine/">Ukraine, in inline HTML</a> and <a href="#user-content-fn-1">the note</a>.</p>',
      '',
      '[^1]: A footnote with [a link to the front page](/).',
      '',
    ].join('\n'),
    'articles/2024/04/second.md': [
      '---',
      "title: 'Second story'",
      'date: 2024-04-19',
      'source: beta',
      "sourceUrl: 'https://beta.example/second'",
      'tags: [Ukraine]',
      '---',
      '',
      '## The quote',
      '',
      '> Words worth linking to.',
      '',
      'Back to [the first story](first.md#background), or [its note](../first/#user-content-fn-1).',
      '',
    ].join('\n'),
  };
  // Forty items, so that the front page and the NATO topic have a numbered page 1 (a head holds up to 39).
  for (let n = 1; n <= 40; n += 1) {
    const month = n <= 20 ? '03' : '02';
    const day = String(((n - 1) % 20) + 1).padStart(2, '0');
    files[`articles/2024/${month}/item-${day}.md`] =
      `---\ntitle: 'Item ${n}'\ndate: 2024-${month}-${day}\nsource: alpha\ntags: [nato]\n---\n\nParagraph ${n}, linking [the first story](/articles/2024/04/first/).\n`;
  }
  return files;
}
