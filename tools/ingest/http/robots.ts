// robots.txt: what an outlet allows crawlers to fetch. Intake reads it once per origin and asks it about every page
// it fetches for full text; an outlet that says no is not fetched.
import robotsParser from 'robots-parser';

/** The token Broadsheet answers to in robots.txt groups (`User-agent: Broadsheet`). */
export const ROBOTS_AGENT = 'Broadsheet';

/** robots.txt files past this size are cut short by Google too; a bigger one is a mistake or a trap. */
export const ROBOTS_MAX_BYTES = 512 * 1024;

/**
 * Fetches `<origin>/robots.txt`: its text, or `undefined` when there are no rules to follow (4xx, 5xx, network
 * failure, a refused address): an outlet that cannot tell us its rules does not forbid anything.
 */
export type RobotsFetcher = (robotsUrl: string) => Promise<string | undefined>;

/** A check of URLs against their origin's robots.txt. */
export type RobotsCheck = (url: string) => Promise<boolean>;

/**
 * A check that fetches each origin's robots.txt once, on first use, and keeps it for the life of the client. URLs
 * that are not http(s) are answered `false`: they are never fetched anyway.
 */
export function createRobotsCheck(fetchRobots: RobotsFetcher): RobotsCheck {
  const byOrigin = new Map<string, Promise<ReturnType<typeof robotsParser> | undefined>>();
  return async (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
    let robots = byOrigin.get(parsed.origin);
    if (robots === undefined) {
      const robotsUrl = `${parsed.origin}/robots.txt`;
      // Kept as a promise, so pages of one origin asked about at once share a single fetch.
      robots = fetchRobots(robotsUrl).then(
        (text) => (text === undefined ? undefined : robotsParser(robotsUrl, text)),
        () => undefined,
      );
      byOrigin.set(parsed.origin, robots);
    }
    const rules = await robots;
    // `isAllowed` answers undefined for a URL of another origin, which cannot happen here; read it as allowed.
    return rules?.isAllowed(parsed.href, ROBOTS_AGENT) ?? true;
  };
}
