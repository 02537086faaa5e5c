import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { articleDisplayPath, assertSafe, findSafetyProblems, renderError, renderHtml } from './helpers';

interface HostileVector {
  /** Short name of the attack. */
  readonly name: string;
  /** Where the idea comes from. */
  readonly source: string;
  /** The Markdown (with raw HTML) an author or an importer might hand us. */
  readonly markdown: string;
  /** Text that was inside a stripped element and must not show on the page. */
  readonly hidden?: readonly string[];
  /** A piece of the safe output that must survive, proving the vector reached the sanitizer as intended. */
  readonly keeps?: string;
  /** The pipeline refuses the file (image rules) instead of rendering it; the message must quote this URL. */
  readonly rejectedUrl?: string;
  /** Astro's bare processor already renders this harmlessly (Markdown percent-encodes it, or the HTML parser drops it), so the checker has nothing to catch there. */
  readonly harmlessWithoutSanitizer?: true;
}

const b64Script = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';

const vectors: readonly HostileVector[] = [
  // Script and event handlers.
  {
    name: 'script element',
    source: 'OWASP XSS filter evasion: basic',
    markdown: 'Hi <script>alert(1)</script> there',
    hidden: ['alert(1)'],
    keeps: 'there',
  },
  {
    name: 'script block with src',
    source: 'OWASP XSS filter evasion: external script',
    markdown: '<script src="https://evil.test/x.js"></script>\n\nafter',
    keeps: 'after',
  },
  {
    name: 'img onerror',
    source: 'OWASP XSS filter evasion',
    markdown: '<img src=x onerror=alert(1)>',
    keeps: '<img src="x">',
  },
  {
    name: 'IMG OnErRoR odd case and quoting',
    source: 'OWASP XSS filter evasion: case-insensitive',
    markdown: "<IMG SRC='x' OnErRoR='alert(1)'>",
  },
  // CommonMark only reads this as HTML inside an HTML block, so it sits in a <div>.
  {
    name: 'slash-separated attributes',
    source: 'html5sec #7 / OWASP: non-alpha-non-digit',
    markdown: '<div>\n<img/src="x"/onerror=alert(1)>\n</div>',
  },
  {
    name: 'onmouseover on a link',
    source: 'OWASP: malformed A tags',
    markdown: '<a onmouseover="alert(document.cookie)">xxs link</a>',
    keeps: 'xxs link',
  },
  {
    name: 'onload on body',
    source: 'OWASP: BODY tag',
    markdown: '<body onload=alert(1)>text</body>',
    keeps: 'text',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'details ontoggle',
    source: 'PortSwigger XSS cheat sheet',
    markdown: '<details open ontoggle="alert(1)"><summary>s</summary>d</details>',
    keeps: '<details',
  },
  {
    name: 'handler after a quoted attribute',
    source: 'ours',
    markdown: '<a href="https://ok.test/" onclick=\'alert(1)\'>ok</a>',
    keeps: 'href="https://ok.test/"',
  },
  {
    name: 'video source onerror',
    source: 'PortSwigger XSS cheat sheet',
    markdown: '<video><source onerror="alert(1)"></video>',
  },
  // Dangerous URL schemes in Markdown syntax.
  {
    name: 'javascript: Markdown link',
    source: 'markdown-it / CommonMark security notes',
    markdown: '[x](javascript:alert(1))',
    keeps: '<a>x</a>',
  },
  {
    name: 'JaVaScRiPt: mixed case',
    source: 'OWASP: case-insensitive scheme',
    markdown: '[x](JaVaScRiPt:alert(1))',
    keeps: '<a>x</a>',
  },
  {
    name: 'decimal entity in scheme',
    source: 'OWASP: decimal HTML character references',
    markdown: '[x](&#106;avascript:alert(1))',
    keeps: '<a>x</a>',
  },
  {
    name: 'hex entity in scheme',
    source: 'OWASP: hexadecimal HTML character references',
    markdown: '[x](&#x6A;avascript:alert(1))',
    keeps: '<a>x</a>',
  },
  {
    name: '&colon; named entity',
    source: 'html5sec: HTML5 named entities',
    markdown: '[x](javascript&colon;alert(1))',
    keeps: '<a>x</a>',
  },
  {
    name: 'tab entity inside the scheme',
    source: 'OWASP: embedded tab',
    markdown: '[x](jav&#9;ascript:alert(1))',
    keeps: '<a>x</a>',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'newline entity inside the scheme',
    source: 'OWASP: embedded newline',
    markdown: '[x](jav&#10;ascript:alert(1))',
    keeps: '<a>x</a>',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'raw tab in a <destination>',
    source: 'OWASP: embedded tab',
    markdown: '[x](<java\tscript:alert(1)>)',
    keeps: '<a>x</a>',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'leading control character',
    source: 'OWASP: spaces and meta chars before javascript',
    markdown: '[x](&#1;javascript:alert(1))',
    keeps: '<a>x</a>',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'percent-encoded colon',
    source: 'DOMPurify tests: encoded schemes',
    markdown: '[x](javascript%3Aalert(1))',
    keeps: 'href="javascript%3Aalert(1)"',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'data: link',
    source: 'OWASP: data URI',
    markdown: `[x](data:text/html;base64,${b64Script})`,
    keeps: '<a>x</a>',
  },
  {
    name: 'vbscript: link',
    source: 'OWASP: VBscript in an image',
    markdown: '[x](vbscript:msgbox(1))',
    keeps: '<a>x</a>',
  },
  {
    name: 'javascript: autolink',
    source: 'CommonMark spec: autolinks with any scheme',
    markdown: '<javascript:alert(1)>',
    keeps: '<a>javascript:alert(1)</a>',
  },
  {
    name: 'DATA: autolink',
    source: 'CommonMark spec: autolinks',
    markdown: `<DATA:text/html;base64,${b64Script}>`,
    keeps: '<a>',
  },
  {
    name: 'javascript: reference definition',
    source: 'markdown-it security tests',
    markdown: '[x][r]\n\n[r]: javascript:alert(1)',
    keeps: '<a>x</a>',
  },
  {
    name: 'entity-encoded reference definition',
    source: 'markdown-it security tests',
    markdown: '[x][r]\n\n[r]: &#x6A;avascript:alert(1) "t"',
    keeps: '<a title="t">x</a>',
  },
  // Dangerous URL schemes in raw HTML.
  {
    name: 'raw <a href=javascript:>',
    source: 'OWASP XSS filter evasion',
    markdown: '<a href="javascript:alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> mixed-case scheme',
    source: 'OWASP XSS filter evasion',
    markdown: '<a href="JaVaScRiPt:alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> all decimal entities',
    source: 'OWASP: decimal HTML character references',
    markdown: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> long zero-padded entities',
    source: 'OWASP: decimal references without semicolons',
    markdown:
      '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> encoded tab',
    source: 'OWASP: embedded encoded tab',
    markdown: '<a href="jav&#x09;ascript:alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> newline in the scheme',
    source: 'OWASP: embedded newline',
    markdown: '<a href="java\nscript:alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> leading control and spaces',
    source: 'OWASP: spaces and meta chars',
    markdown: '<a href=" &#14;  javascript:alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> leading \\x01',
    source: 'DOMPurify tests',
    markdown: '<a href="\u0001javascript:alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> &colon;',
    source: 'html5sec: HTML5 named entities',
    markdown: '<a href="javascript&colon;alert(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> data:',
    source: 'OWASP: data URI',
    markdown: `<a href="data:text/html;base64,${b64Script}">x</a>`,
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> vbscript:',
    source: 'OWASP: VBscript',
    markdown: '<a href="vbscript:msgbox(1)">x</a>',
    keeps: '<a>x</a>',
  },
  {
    name: 'raw <a> target=_blank (tabnabbing)',
    source: 'OWASP: reverse tabnabbing',
    markdown: '<a href="https://evil.test/" target="_blank">x</a>',
    keeps: '<a href="https://evil.test/" rel="noopener noreferrer">x</a>',
    harmlessWithoutSanitizer: true,
  },
  // SVG and MathML.
  {
    name: 'svg with script',
    source: 'html5sec: SVG script',
    markdown: '<svg><script>alert(1)</script></svg>',
    hidden: ['alert(1)'],
  },
  { name: 'svg onload', source: 'PortSwigger XSS cheat sheet', markdown: '<svg onload=alert(1)>' },
  {
    name: 'svg <a xlink:href>',
    source: 'html5sec #42',
    markdown: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    hidden: ['XSS'],
  },
  {
    name: 'svg animate href',
    source: 'PortSwigger XSS cheat sheet: SVG animate',
    markdown:
      '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text x="20" y="20">Click</text></a></svg>',
    hidden: ['Click'],
  },
  {
    name: 'math maction xlink:href',
    source: 'html5sec #10 (MathML)',
    markdown:
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">CLICKME<mtext>x</mtext></maction></math>',
    hidden: ['CLICKME'],
  },
  {
    name: 'math annotation-xml text/html',
    source: 'mXSS: MathML annotation-xml HTML integration point',
    markdown: '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
  },
  // Embedded documents and plugins.
  {
    name: 'iframe srcdoc',
    source: 'PortSwigger XSS cheat sheet',
    markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  },
  {
    name: 'iframe javascript: src',
    source: 'OWASP: IFRAME',
    markdown: '<iframe src="javascript:alert(1)">fallback</iframe>',
    hidden: ['fallback'],
  },
  {
    name: 'object data javascript:',
    source: 'OWASP: OBJECT tag',
    markdown: '<object data="javascript:alert(1)">fallback text</object>',
    hidden: ['fallback text'],
  },
  {
    name: 'embed data: svg',
    source: 'OWASP: EMBED SVG',
    markdown: `<embed src="data:image/svg+xml;base64,${b64Script}">`,
  },
  // Styles.
  {
    name: 'style element with url(javascript:)',
    source: 'OWASP: STYLE tag with background',
    markdown: '<style>body { background: url(javascript:alert(1)) }</style>\n\nafter',
    hidden: ['background', 'alert(1)'],
    keeps: 'after',
  },
  {
    name: 'style attribute expression()',
    source: 'OWASP: STYLE attribute expression',
    markdown: '<div style="width: expression(alert(1))">x</div>',
    keeps: '<div>x</div>',
  },
  {
    name: 'style attribute url(javascript:)',
    source: 'OWASP: STYLE attribute url',
    markdown: '<p style="background-image: url(javascript:alert(1))">x</p>',
    keeps: '<p>x</p>',
  },
  {
    name: 'style text does not leak',
    source: 'ours (default schema keeps the text of dropped elements)',
    markdown: 'Before\n\n<style>.secret-rule { color: red }</style>\n\nAfter',
    hidden: ['.secret-rule', 'color: red'],
    keeps: 'After',
  },
  // Document-level elements.
  {
    name: 'meta refresh',
    source: 'OWASP: META refresh',
    markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  },
  {
    name: 'base href',
    source: 'OWASP: BASE tag',
    markdown: '<base href="javascript:alert(1)//">\n\n[rel](page)',
    keeps: 'href="page"',
  },
  {
    name: 'form action and button formaction',
    source: 'html5sec #1 / PortSwigger',
    markdown: '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">Go</button></form>',
    hidden: ['Go'],
  },
  {
    name: 'input autofocus onfocus',
    source: 'PortSwigger XSS cheat sheet',
    markdown: '<input autofocus onfocus=alert(1)>',
  },
  {
    name: 'select and textarea',
    source: 'ours (forms phishing)',
    markdown: '<select><option>Pick me</option></select><textarea>typed secret</textarea>',
    hidden: ['Pick me', 'typed secret'],
  },
  {
    name: 'link rel=import',
    source: 'html5sec: HTML imports',
    markdown: '<link rel="import" href="https://evil.test/x.html">',
  },
  {
    name: 'link stylesheet',
    source: 'OWASP: remote style sheet',
    markdown: '<link rel="stylesheet" href="https://evil.test/x.css">',
  },
  {
    name: 'title element',
    source: 'ours (RCDATA element)',
    markdown: '<title><img src=x onerror=alert(1)></title>',
    hidden: ['alert(1)'],
  },
  {
    name: 'frameset onload',
    source: 'OWASP: FRAME',
    markdown: '<frameset onload=alert(1)><frame src="javascript:alert(1)"></frameset>',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'isindex action',
    source: 'html5sec #12',
    markdown: '<isindex action="javascript:alert(1)" type=image>',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'xmp raw text',
    source: 'html5sec: raw-text elements',
    markdown: '<xmp><img src=x onerror=alert(1)></xmp>',
    hidden: ['alert(1)'],
  },
  {
    name: 'conditional comment',
    source: 'OWASP: downlevel-hidden block',
    markdown: '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->\n\nafter',
    keeps: 'after',
    harmlessWithoutSanitizer: true,
  },
  // Mutation XSS shapes.
  {
    name: 'noscript title breakout',
    source: 'mXSS: DOMPurify 2.0.0 bypass (Bentkowski, 2019)',
    markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  },
  {
    name: 'svg p style breakout',
    source: 'mXSS: DOMPurify 2.0.0 bypass',
    markdown: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  },
  {
    name: 'math mtext table mglyph style',
    source: 'mXSS: DOMPurify 2.0.17 bypass (Bentkowski, 2020)',
    markdown: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  },
  {
    name: 'form math mtext mglyph',
    source: 'mXSS: DOMPurify 2.2.2 bypass',
    markdown: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  },
  {
    name: 'svg style img',
    source: 'mXSS: namespace confusion',
    markdown: '<svg><style><img src=x onerror=alert(1)></style></svg>',
  },
  {
    name: 'template content',
    source: 'DOMPurify tests: template',
    markdown: '<template><img src=x onerror=alert(1)><script>alert(2)</script></template>',
    hidden: ['alert(2)'],
  },
  // DOM clobbering.
  {
    name: 'img name=getElementById',
    source: 'DOM clobbering (PortSwigger research)',
    markdown: '<img name="getElementById" src="x">',
    keeps: 'name="user-content-getElementById"',
  },
  {
    name: 'form id=location',
    source: 'DOM clobbering',
    markdown: '<form id="location"><input name="href" value="javascript:alert(1)"></form>',
  },
  {
    name: 'a id=defaultView',
    source: 'DOM clobbering',
    markdown: '<a id="defaultView" name="cookie" href="https://ok.test/">x</a>',
    keeps: 'id="user-content-defaultView"',
  },
  {
    name: 'div id=__proto__',
    source: 'ours (prototype-shaped ids)',
    markdown: '<div id="__proto__">x</div>',
    keeps: 'id="user-content-__proto__"',
  },
  // Markdown syntax abused to build attributes.
  {
    name: 'image title breakout',
    source: 'ours',
    markdown: '![x](https://ok.test/a.png "a\\" onerror=\\"alert(1)")',
    keeps: 'title="a&#x22; onerror=&#x22;alert(1)"',
    harmlessWithoutSanitizer: true,
  },
  {
    name: 'link title breakout',
    source: 'ours',
    markdown: '[x](https://ok.test/ \'a" onmouseover="alert(1)\')',
    keeps: 'title="a&#x22; onmouseover=&#x22;alert(1)"',
    harmlessWithoutSanitizer: true,
  },
  // Images the pipeline refuses outright.
  {
    name: 'javascript: Markdown image',
    source: 'OWASP: image XSS using javascript directive',
    markdown: '![x](javascript:alert(1))',
    rejectedUrl: 'javascript:alert(1)',
  },
  {
    name: 'data: Markdown image',
    source: 'OWASP: data URI',
    markdown: `![x](data:image/svg+xml;base64,${b64Script})`,
    rejectedUrl: `data:image/svg+xml;base64,${b64Script}`,
  },
  {
    name: 'raw <img src=javascript:>',
    source: 'OWASP: IMG javascript directive',
    markdown: '<img src="javascript:alert(1)">',
    rejectedUrl: 'javascript:alert(1)',
  },
  {
    name: 'raw <img src=x:alert(alt)>',
    source: 'html5sec #3',
    markdown: '<img src=x:alert(alt) onerror=eval(src) alt=0>',
    rejectedUrl: 'x:alert(alt)',
  },
];

const bareRenderer = createMarkdownProcessor({ syntaxHighlight: false });

describe('hostile Markdown and HTML', () => {
  it('has at least 40 vectors, each named once', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(40);
    expect(new Set(vectors.map((vector) => vector.name)).size).toBe(vectors.length);
  });

  const rendered = vectors.filter((vector) => vector.rejectedUrl === undefined);
  const rejected = vectors.filter((vector) => vector.rejectedUrl !== undefined);

  it.each(rendered.map((vector) => [vector.name, vector] as const))('%s renders safely', async (_name, vector) => {
    const html = await renderHtml(vector.markdown);
    assertSafe(html, { hiddenText: vector.hidden ?? [] });
    if (vector.keeps !== undefined) expect(html).toContain(vector.keeps);
  });

  it.each(rejected.map((vector) => [vector.name, vector] as const))('%s is refused', async (_name, vector) => {
    const message = await renderError(vector.markdown);
    expect(message).toContain(articleDisplayPath);
    expect(message).toContain(JSON.stringify(vector.rejectedUrl));
  });

  // Proves the checker can fail: without our pipeline, Astro's processor lets each of these through.
  it.each(
    rendered.filter((vector) => !vector.harmlessWithoutSanitizer).map((vector) => [vector.name, vector] as const),
  )('the checker flags %s when nothing sanitizes', async (_name, vector) => {
    const { render } = await bareRenderer;
    const { code } = await render(vector.markdown);
    expect(findSafetyProblems(code, { hiddenText: vector.hidden ?? [] })).not.toEqual([]);
  });
});
