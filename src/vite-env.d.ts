/** Vite and @crxjs import suffixes used in the extension, and the dataset parts the build provides. */
declare module '*?script' {
  /** the built file's path in the extension, for scripting.registerContentScripts */
  const path: string;
  export default path;
}

/** The compiled host table with each platform's badge facts (src/core/dataset/split.ts, hostIndex). */
declare module 'virtual:residency-lens/host-index' {
  const index: import('./core/dataset/split.ts').HostIndex;
  export default index;
}

/** What the popup and the options page need whatever the platform (split.ts, commonData). */
declare module 'virtual:residency-lens/common' {
  const common: import('./core/dataset/split.ts').CommonData;
  export default common;
}
