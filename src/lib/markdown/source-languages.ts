import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSourceFiles, sourceIdFromFileName } from '@/lib/content-rules/content-files';
import { parseYamlFile } from '@/lib/frontmatter';
import { canonicalLanguage } from '@/lib/markdown/quotes';

/**
 * Each source's `language` by source id, read from `<contentDir>/sources/*.yaml`, for the sources that name one.
 * The Markdown pipeline takes it in its options (an article without `lang` is in its source's language), so a change
 * of a source's language changes the options Astro hashes and re-renders the bodies. A file that cannot be read is
 * skipped: the sources loader reports it, with its line and fix.
 */
export function readSourceLanguages(contentDir: string): Record<string, string> {
  const languages: Record<string, string> = {};
  for (const fileName of listSourceFiles(contentDir)) {
    let data: unknown;
    try {
      data = parseYamlFile(readFileSync(join(contentDir, 'sources', fileName), 'utf8'));
    } catch {
      continue;
    }
    const language =
      typeof data === 'object' && data !== null
        ? canonicalLanguage((data as Record<string, unknown>)['language'])
        : undefined;
    if (language) languages[sourceIdFromFileName(fileName)] = language;
  }
  return languages;
}
