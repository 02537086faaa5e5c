import { describe, expect, it } from 'vitest';
import { contentFolder, importQuietly, readTree, seedFile } from './helpers';

describe('usage problems exit 2 and write nothing', () => {
  it.each([
    [[], /name at least one saved page/],
    [['--frobnicate', seedFile], /Unknown option '--frobnicate'/],
    [[seedFile, seedFile, '--url', 'https://a.example/'], /--url names one article's address/],
    [[seedFile, '--url', 'javascript:alert(1)'], /--url "javascript:alert\(1\)" is not an http: or https: address/],
    [[seedFile, '--date', '2024-02-30'], /--date "2024-02-30" is not a day of the calendar/],
    [[seedFile, '--source', 'Not An Id'], /--source "Not An Id" is not a source id/],
    [
      [seedFile, '--source', 'nowhere'],
      /"nowhere" is not a known source \(known: athens-news, reuters, the-guardian\)/,
    ],
    [[seedFile, '--via', 'nowhere'], /"nowhere" is not a known source/],
    [[seedFile, '--charset', 'klingon'], /--charset "klingon" is not a charset/],
    [['missing.html'], /missing\.html is not a file/],
  ])('exits 2 on a usage problem: %j', async (args, message) => {
    const content = contentFolder();
    const before = readTree(content);
    const run = await importQuietly([...args, '--content', content]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(readTree(content)).toEqual(before);
  });
});
