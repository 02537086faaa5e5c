interface ImportMetaEnv {
  /** True in `astro dev` only (set by the draft-visibility integration in astro.config.mjs): drafts are shown. */
  readonly BROADSHEET_SHOW_DRAFTS: boolean | undefined;
}
