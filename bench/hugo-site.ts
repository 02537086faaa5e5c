// The Hugo site of the benchmark's stretch target (`npm run bench -- --hugo`): the smallest site Hugo builds with one
// page per article, from the same generated Markdown as Broadsheet's, so that the comparison is with a fast static
// site generator doing the least it can. Debian's `hugo` package runs it; nothing of Hugo is installed through npm.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page of one article: its title, outlet, date and body, nothing else. */
const SINGLE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><article><h1>{{ .Title }}</h1><p>{{ .Params.source }}, {{ .Date.Format "2 January 2006" }}</p>
{{ .Content }}</article></body></html>
`;

/** The home page: the newest 20 articles, as Broadsheet's front page starts. */
const HOME = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><ol>{{ range first 20 .Site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></body></html>
`;

/**
 * Writes a Hugo project in `root` (replacing what is there) whose content folder is `articlesDir`: one page per
 * article and a home page; no lists, topics, feeds or sitemap, which Broadsheet's builds have and Hugo's here do not.
 */
export function writeHugoSite(root: string, articlesDir: string): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'layouts/_default'), { recursive: true });
  writeFileSync(
    join(root, 'hugo.toml'),
    [
      `baseURL = "https://example.org/"`,
      `title = "Hugo, one page per article"`,
      `contentDir = ${JSON.stringify(articlesDir)}`,
      `buildFuture = true`,
      `disableKinds = ["section", "taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(root, 'layouts/_default/single.html'), SINGLE);
  writeFileSync(join(root, 'layouts/index.html'), HOME);
}
