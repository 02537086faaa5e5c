import type { BrowserContext, Page, Route } from 'playwright-core';

/**
 * The policy pages are checked under when the host sends none of its own: same-origin everything, WebAssembly for
 * Pagefind, nothing inline but styles. Any Content-Security-Policy the page carries (a `<meta>` one) applies as well.
 */
export const fallbackCsp =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'";

declare global {
  interface Window {
    /** Reports a CSP violation to the test (a binding the guard exposes). */
    broadsheetReportCsp?: (text: string) => void;
  }
}

/**
 * Watches every page of a browser context for what must never happen on the site: console errors, uncaught
 * exceptions, failed requests, HTTP errors, Content-Security-Policy violations and any request to another host (which
 * it blocks, so a test run never leaves the machine).
 */
export class PageGuard {
  private problems: string[] = [];
  private readonly expectedStatus = new Map<string, number>();

  private constructor(private readonly origin: string) {}

  /** Guards `context`, whose pages load the site at `origin`. */
  static async attach(context: BrowserContext, origin: string): Promise<PageGuard> {
    const guard = new PageGuard(origin);
    await context.route('**/*', (route) => guard.route(route));
    await context.exposeBinding('broadsheetReportCsp', ({ page }, text: string) =>
      guard.report(page, `CSP violation: ${text}`),
    );
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.broadsheetReportCsp?.(`${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
      });
    });
    context.on('page', (page) => guard.watch(page));
    return guard;
  }

  /** Lets one URL answer with an error status (the 404 page's own address). */
  expectStatus(url: string, status: number): void {
    this.expectedStatus.set(url, status);
  }

  /** Everything that went wrong since the last call, and forgets it. */
  take(): string[] {
    const found = this.problems;
    this.problems = [];
    return found;
  }

  private report(page: Page, problem: string): void {
    this.problems.push(`${new URL(page.url()).pathname}: ${problem}`);
  }

  private watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' && !this.isExpectedErrorLoad(message.text(), message.location().url))
        this.report(page, `console error: ${message.text()}`);
      else if (/Content.Security.Policy/i.test(message.text())) this.report(page, `console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.report(page, `uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      const error = request.failure()?.errorText ?? '';
      // ERR_ABORTED is the browser cancelling a request itself, as it does for a favicon still loading when the test
      // navigates on; a request that really fails ends with another error or an HTTP status (checked below).
      if (new URL(request.url()).origin === this.origin && error !== 'net::ERR_ABORTED')
        this.report(page, `request failed: ${request.url()} (${error})`);
    });
    page.on('response', (response) => {
      const expected = this.expectedStatus.get(response.url());
      if (response.status() >= 400 && response.status() !== expected)
        this.report(page, `HTTP ${response.status()}: ${response.url()}`);
    });
  }

  private isExpectedErrorLoad(text: string, url: string): boolean {
    const expected = this.expectedStatus.get(url);
    return expected !== undefined && text.includes(`status of ${expected}`);
  }

  private async route(route: Route): Promise<void> {
    const request = route.request();
    if (new URL(request.url()).origin !== this.origin) {
      const page = request.frame().page();
      this.report(page, `request to another host: ${request.url()}`);
      await route.abort('blockedbyclient');
      return;
    }
    if (request.resourceType() !== 'document') {
      await route.continue();
      return;
    }
    const response = await route.fetch({ maxRedirects: 0 });
    const headers = response.headers();
    const csp = Object.keys(headers).some((name) => name.toLowerCase() === 'content-security-policy');
    await route.fulfill({ response, headers: csp ? headers : { ...headers, 'content-security-policy': fallbackCsp } });
  }
}
