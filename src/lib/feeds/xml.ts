// Text from articles ends up inside XML documents (feeds, OPML). XML 1.0 forbids most control characters even when
// escaped, so one stray U+0007 in an article would make a whole feed unreadable; they are removed here.

// Tab, newline and carriage return are the only C0 controls XML allows; lone surrogates and U+FFFE/U+FFFF are out too.
const NOT_XML_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with every character that XML 1.0 cannot carry removed. */
export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '');
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text escaped for XML element content or a quoted attribute value, with characters XML cannot carry removed. */
export function escapeXml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (character) => XML_ESCAPES[character] ?? character);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text escaped for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}
