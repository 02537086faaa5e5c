import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** The one prefix rehype-sanitize puts before every `id`, `name` and ARIA id reference. */
export const userContentPrefix = 'user-content-';

/** Elements removed together with everything inside them (the default schema would keep their text visible). */
export const strippedTagNames: readonly string[] = [
  'applet',
  'base',
  'button',
  'datalist',
  'embed',
  'form',
  'frame',
  'frameset',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'optgroup',
  'option',
  'param',
  'plaintext',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'xmp',
];

// Form attributes are useless without forms, and `action` is a URL the schema would not check.
const droppedGlobalAttributes = new Set(['accept', 'acceptCharset', 'action', 'encType', 'method']);
// `source` carries an unchecked `srcSet`; without it `picture` only wraps an `img`.
const droppedTagNames = new Set([...strippedTagNames, 'source']);

const {
  '*': defaultGlobalAttributes = [],
  input: _input,
  source: _source,
  ...defaultTagAttributes
} = defaultSchema.attributes ?? {};

/** The article sanitize schema: GitHub's default, minus forms, embedded content and unchecked URLs. */
export const articleSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultTagAttributes,
    '*': defaultGlobalAttributes.filter((definition) => {
      const name = typeof definition === 'string' ? definition : definition[0];
      return !droppedGlobalAttributes.has(name);
    }),
  },
  clobber: ['ariaDescribedBy', 'ariaLabelledBy', 'id', 'name'],
  clobberPrefix: userContentPrefix,
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto'],
    longDesc: ['http', 'https'],
    src: ['http', 'https'],
  },
  // The default requires every `input` to be a disabled checkbox; inputs are gone here, task lists restore theirs.
  required: {},
  strip: [...strippedTagNames],
  tagNames: (defaultSchema.tagNames ?? []).filter((name) => !droppedTagNames.has(name)),
};
