/**
 * The toolbar popup's pages. The generic page (POPUP_PAGE) finds everything from the tab it is opened for. Each
 * platform also has a page of its own: the same page with the platform's name already in its HTML, so the heading
 * is painted with the HTML, before the popup's script has arrived (on the machines measured, an extension page's
 * script file arrives 65 to 75 ms after navigation start whatever its size: docs/PERFORMANCE.md). The background
 * points each tab's toolbar button at its platform's page; the script then draws the popup into that same heading,
 * so nothing moves, and still reads the tab itself: a page opened for a tab that has meanwhile left the platform
 * shows what the tab is on now.
 */
export const POPUP_PAGE = 'src/popup/index.html';

/** Where the platforms' own pages are, one `<id>.html` each. */
export const PLATFORM_POPUP_DIR = 'src/popup/platform';

export function platformPopupPage(platformId: string): string {
  return `${PLATFORM_POPUP_DIR}/${platformId}.html`;
}

/** The empty mount point in the popup's HTML, and the header the popup draws first (Popup.tsx: header > h1). */
const MOUNT = '<main id="app"></main>';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** The built popup HTML with the platform's heading in it, where the popup draws its own (preact reuses those nodes). */
export function prerenderedPopup(html: string, platformName: string): string {
  const at = html.indexOf(MOUNT);
  if (at < 0 || html.indexOf(MOUNT, at + 1) >= 0) throw new Error(`popup HTML: expected one ${MOUNT}`);
  return `${html.slice(0, at)}<main id="app"><header><h1>${escapeHtml(platformName)}</h1></header></main>${html.slice(at + MOUNT.length)}`;
}
