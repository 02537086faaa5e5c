// Hostile front matter: text that must come out escaped in every context (element text, attributes, <title>, meta
// tags, JSON-LD), and values the schemas or the YAML reader must refuse. Origins as in markdown-vectors.ts.

/** Text an attacker controls in a front-matter string field; accepted by the schema, so it must be escaped. */
export const hostileTexts: readonly { readonly origin: string; readonly text: string }[] = [
  {
    origin: 'JSON-LD breakout: a title that closes the script element',
    text: '</script><script>alert("title")</script>',
  },
  { origin: 'JSON-LD breakout with a comment opener', text: '<!--<script>alert("comment")</script>' },
  { origin: 'OWASP: attribute breakout with a double quote', text: '"><img src=x onerror=alert("attr")>' },
  { origin: 'OWASP: attribute breakout with a single quote', text: "' onmouseover='alert(1)' x='" },
  { origin: 'meta content breakout', text: '" http-equiv="refresh" content="0;url=javascript:alert(1)' },
  { origin: 'html5sec: U+2028 and U+2029 in a script string', text: 'line\u2028separator\u2029end' },
  { origin: 'entity that decodes to markup', text: '&lt;script&gt;alert("entity")&lt;/script&gt;' },
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the attack vector is this literal text
  { origin: 'template-literal and expression syntax', text: '${alert(1)} {{constructor.constructor("alert(1)")()}}' },
  { origin: 'backslash and JSON escapes', text: '\\u003cscript\\u003e "quoted" \\ end' },
];

/** Front matter that must be refused, with a piece of the message that says why. */
export const rejectedFrontmatter: readonly {
  readonly origin: string;
  readonly yaml: string;
  readonly message: RegExp;
}[] = [
  {
    origin: 'javascript: sourceUrl',
    yaml: "sourceUrl: 'javascript:alert(1)'",
    message: /sourceUrl must start with http/,
  },
  {
    origin: 'data: sourceUrl',
    yaml: "sourceUrl: 'data:text/html,<script>alert(1)</script>'",
    message: /sourceUrl must start with http/,
  },
  {
    origin: 'JaVaScRiPt: sourceUrl with a leading tab',
    yaml: 'sourceUrl: "\\tJaVaScRiPt:alert(1)"',
    message: /sourceUrl must start with http/,
  },
  {
    origin: 'javascript: lead image',
    yaml: "image: { src: 'javascript:alert(1)', alt: x }",
    message: /image\.src must be an https: URL/,
  },
  {
    origin: 'slug takeover of another article',
    yaml: 'slug: 2024/04/rasmussen-nato-members-may-send-troops-to-ukraine',
    message: /slug is not allowed/,
  },
  {
    origin: 'duplicate keys (the second title would win silently)',
    yaml: "title: 'Second'",
    message: /duplicated mapping key/,
  },
  {
    origin: 'alias bomb (billion laughs)',
    yaml: 'summary: &a ["x","x","x","x","x","x","x","x","x"]\ntags: [*a, *a, *a]',
    message: /anchors \(&name\) and aliases \(\*name\) are not allowed/,
  },
  {
    origin: 'number where a string belongs',
    yaml: 'author: 1.10',
    message: /author must be a name in quotes or a list of names/,
  },
  { origin: 'YAML 1.1 boolean where a boolean belongs', yaml: 'draft: yes', message: /draft must be true or false/ },
  {
    origin: 'YAML 1.2 boolean where a string belongs',
    yaml: 'summary: true',
    message: /summary must be text, not the boolean true/,
  },
  { origin: 'number in a tag list', yaml: 'tags: [nato, 2024]', message: /each tag must be text, not the number 2024/ },
  {
    origin: 'explicit !!js/function tag',
    yaml: 'summary: !!js/function "function () { alert(1) }"',
    message: /unknown tag/,
  },
  { origin: 'prototype pollution key', yaml: '__proto__: { polluted: true }', message: /unknown field "__proto__"/ },
  { origin: 'source id with path traversal', yaml: "via: ['../../etc']", message: /is not a source id/ },
  { origin: 'date-time without an offset', yaml: 'updated: 2024-04-19T09:30:00', message: /no UTC offset/ },
];

/** A list of the whole alias bomb, 9 levels of 9, as it was measured (about 400 bytes of YAML). */
export const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'tags: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');
