/** Vite and @crxjs import suffixes used in the extension. */
declare module '*?script' {
  /** the built file's path in the extension, for scripting.registerContentScripts */
  const path: string;
  export default path;
}
