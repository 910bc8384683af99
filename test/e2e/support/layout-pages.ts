/**
 * Pages that put the in-page badge in awkward places: a right-to-left page, a page with a fixed footer, a page
 * whose <body> is transformed and which tries to style the badge, a page with a link to tab from. Served under
 * www.tiktok.com by the test HTTPS server; anything else is a plain page.
 */
import { html, type Page, type Route } from './https-server.ts';

const RTL = `<!doctype html><html dir="rtl" lang="ar"><head><meta charset="utf-8"><title>تيك توك</title></head>
<body><h1>تيك توك</h1><p>صفحة باللغة العربية، من اليمين إلى اليسار.</p></body></html>`;

const FOOTER = `<main style="height: 1600px">Long page</main>
<footer id="footer" style="position: fixed; left: 0; right: 0; bottom: 0; height: 56px; margin: 0; background: #222; color: #fff">Sticky footer</footer>`;

/** A transformed body (fixed children follow the body, not the window) and rules aimed at the badge itself. */
const TRANSFORM = `<style>
  body { transform: scale(0.5); transform-origin: 0 0; height: 3000px; }
  html > * { filter: blur(2px); }
  residency-lens-badge { transform: scale(0.3) !important; zoom: 0.5 !important; top: 0 !important; left: 0 !important;
    width: 10px !important; position: static !important; }
</style><p>Transformed</p>`;

const FOCUS = `<p><a id="before" href="#x">A link before the badge</a></p><p>Text</p>`;

export const layoutRoute: Route = (host, path): Page | string | undefined => {
  const url = new URL(path, `https://${host}`);
  if (host === 'www.tiktok.com' && url.pathname === '/rtl') return RTL;
  if (host === 'www.tiktok.com' && url.pathname === '/footer') return html('TikTok with a fixed footer', FOOTER);
  if (host === 'www.tiktok.com' && url.pathname === '/transform') return html('TikTok with a transformed body', TRANSFORM);
  if (host === 'www.tiktok.com' && url.pathname === '/focus') return html('TikTok with a link', FOCUS);
  return html(`Page at ${host}`);
};
