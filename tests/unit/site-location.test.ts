import { describe, expect, it } from 'vitest';
import { defaultSiteLocation, normalizeBasePath, parseSiteUrl, siteLocationFromEnv } from '@/lib/site-location';
import { absoluteUrl, isRootRelative, rebaseRootRelative } from '@/lib/urls';

describe('normalizeBasePath', () => {
  it('adds the missing leading and trailing slashes', () => {
    expect(normalizeBasePath('news')).toBe('/news/');
    expect(normalizeBasePath('/news')).toBe('/news/');
    expect(normalizeBasePath('news/')).toBe('/news/');
    expect(normalizeBasePath(' /a/b.c_d~e-f/ ')).toBe('/a/b.c_d~e-f/');
  });
  it('reads empty and / as the domain root', () => {
    expect(normalizeBasePath('')).toBe('/');
    expect(normalizeBasePath('/')).toBe('/');
  });
  it('rejects URLs, queries, fragments, dot segments, empty segments and spaces, naming the variable', () => {
    expect(() => normalizeBasePath('https://example.org/news/')).toThrow(
      /BASE_PATH="https:\/\/example.org\/news\/" is a URL/,
    );
    expect(() => normalizeBasePath('//cdn.example/news/')).toThrow(/is a URL/);
    expect(() => normalizeBasePath('/news/?x')).toThrow(/characters other than/);
    expect(() => normalizeBasePath('/news#x/')).toThrow(/characters other than/);
    expect(() => normalizeBasePath('/a/../b/')).toThrow(/\. or \.\. segment/);
    expect(() => normalizeBasePath('/a//b/')).toThrow(/empty segment/);
    expect(() => normalizeBasePath('/my news/')).toThrow(/such as \/news\//);
    expect(() => normalizeBasePath('C:\\news')).toThrow(/BASE_PATH/);
  });
});

describe('parseSiteUrl', () => {
  it('keeps the origin, without a trailing slash', () => {
    expect(parseSiteUrl('https://example.org/')).toEqual({ url: 'https://example.org', base: '/' });
    expect(parseSiteUrl('http://127.0.0.1:8080')).toEqual({ url: 'http://127.0.0.1:8080', base: '/' });
    expect(parseSiteUrl('HTTPS://Example.ORG')).toEqual({ url: 'https://example.org', base: '/' });
  });
  it('reads a path in the URL as the base path', () => {
    expect(parseSiteUrl('https://user.github.io/broadsheet')).toEqual({
      url: 'https://user.github.io',
      base: '/broadsheet/',
    });
  });
  it('rejects what is not an http(s) site address', () => {
    expect(() => parseSiteUrl('example.org')).toThrow(/SITE_URL="example.org" is not a URL/);
    expect(() => parseSiteUrl('ftp://example.org/')).toThrow(/uses ftp:; only http: and https:/);
    expect(() => parseSiteUrl('javascript:alert(1)')).toThrow(/uses javascript:/);
    expect(() => parseSiteUrl('https://user:secret@example.org/')).toThrow(/user name or password/);
    expect(() => parseSiteUrl('https://example.org/?utm=1')).toThrow(/query/);
    expect(() => parseSiteUrl('https://example.org/#top')).toThrow(/fragment/);
  });
});

describe('siteLocationFromEnv', () => {
  it('defaults to the local preview address at the root', () => {
    expect(siteLocationFromEnv({})).toEqual({ url: 'http://127.0.0.1:4321', base: '/' });
    expect(siteLocationFromEnv({ SITE_URL: '', BASE_PATH: '  ' })).toEqual(defaultSiteLocation);
  });
  it('reads SITE_URL and BASE_PATH', () => {
    expect(siteLocationFromEnv({ SITE_URL: 'https://example.org', BASE_PATH: 'news' })).toEqual({
      url: 'https://example.org',
      base: '/news/',
    });
  });
  it('takes the base from SITE_URL when BASE_PATH is not set, and requires the two to agree when both are', () => {
    expect(siteLocationFromEnv({ SITE_URL: 'https://u.github.io/repo/' })).toEqual({
      url: 'https://u.github.io',
      base: '/repo/',
    });
    expect(siteLocationFromEnv({ SITE_URL: 'https://u.github.io/repo', BASE_PATH: '/repo' }).base).toBe('/repo/');
    expect(() => siteLocationFromEnv({ SITE_URL: 'https://u.github.io/repo/', BASE_PATH: '/news/' })).toThrow(
      /ends in the path \/repo\/, but BASE_PATH="\/news\/" says \/news\//,
    );
  });
  it('uses the production address Netlify or Vercel provide when SITE_URL is not set', () => {
    expect(siteLocationFromEnv({ NETLIFY: 'true', URL: 'https://broadsheet.netlify.app' }).url).toBe(
      'https://broadsheet.netlify.app',
    );
    expect(siteLocationFromEnv({ VERCEL: '1', VERCEL_PROJECT_PRODUCTION_URL: 'news.example.org' }).url).toBe(
      'https://news.example.org',
    );
    expect(
      siteLocationFromEnv({ NETLIFY: 'true', URL: 'https://a.netlify.app', SITE_URL: 'https://example.org' }).url,
    ).toBe('https://example.org');
    // A URL variable outside Netlify means something else, and is not read.
    expect(siteLocationFromEnv({ URL: 'https://elsewhere.example' }).url).toBe('http://127.0.0.1:4321');
    expect(() => siteLocationFromEnv({ NETLIFY: 'true', URL: 'not a url' })).toThrow(/URL \(set by Netlify\)/);
  });
});

describe('base-aware URL helpers', () => {
  it('makes absolute URLs from a path that already has the base', () => {
    expect(absoluteUrl('https://example.org', '/news/articles/x/')).toBe('https://example.org/news/articles/x/');
    expect(absoluteUrl('https://example.org/', '/')).toBe('https://example.org/');
  });
  it('recognises root-relative URLs', () => {
    expect(isRootRelative('/articles/x/')).toBe(true);
    expect(isRootRelative('//cdn.example/x')).toBe(false);
    expect(isRootRelative('/\\evil.example')).toBe(false);
    expect(isRootRelative('../x/')).toBe(false);
    expect(isRootRelative('#x')).toBe(false);
    expect(isRootRelative('https://example.org/')).toBe(false);
  });
  it('rebases only root-relative URLs', () => {
    expect(rebaseRootRelative('/news/', '/articles/x/#a')).toBe('/news/articles/x/#a');
    expect(rebaseRootRelative('/news/', '/')).toBe('/news/');
    expect(rebaseRootRelative('/', '/articles/x/')).toBe('/articles/x/');
    expect(rebaseRootRelative('/news/', 'https://example.org/a')).toBe('https://example.org/a');
    expect(rebaseRootRelative('/news/', '../x/')).toBe('../x/');
  });
});
