import { describe, expect, it } from 'vitest';
import { renderHtml } from './helpers';

describe('links', () => {
  it('marks an external https link noopener noreferrer, without a target', async () => {
    expect(await renderHtml('[Outlet](https://news.example/story)')).toBe(
      '<p><a href="https://news.example/story" rel="noopener noreferrer">Outlet</a></p>',
    );
  });

  it('marks http and protocol-relative links too', async () => {
    const html = await renderHtml('[a](http://old.example/) [b](//cdn.example/x)');
    expect(html).toBe(
      '<p><a href="http://old.example/" rel="noopener noreferrer">a</a> <a href="//cdn.example/x" rel="noopener noreferrer">b</a></p>',
    );
  });

  it('replaces a rel the author wrote', async () => {
    expect(await renderHtml('<a href="https://x.example/" rel="opener">x</a>')).toBe(
      '<p><a href="https://x.example/" rel="noopener noreferrer">x</a></p>',
    );
  });

  it('leaves internal relative and root links without rel', async () => {
    expect(await renderHtml('[next](../other-story/) [home](/)')).toBe(
      '<p><a href="../other-story/">next</a> <a href="/">home</a></p>',
    );
  });

  it('keeps mailto links, without rel', async () => {
    expect(await renderHtml('[Write to us](mailto:desk@broadsheet.example)')).toBe(
      '<p><a href="mailto:desk@broadsheet.example">Write to us</a></p>',
    );
  });

  it('drops links with schemes outside http, https and mailto, keeping their text', async () => {
    expect(await renderHtml('[chat](irc://irc.example/news) [call](tel:+301234)')).toBe(
      '<p><a>chat</a> <a>call</a></p>',
    );
  });
});
