/** Test pages that try to break the extension, served under real platform and news hostnames. */
import { html, type Page, type Route } from './https-server.ts';

const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** Replaces globals and styles every element, before the content script runs. */
const OVERRIDES = `
<style>* { all: unset !important; display: none !important; } html, body { display: block !important; }
residency-lens-badge { display: none !important; visibility: hidden !important; opacity: 0 !important; }</style>
<script>
  Array.prototype.map = function () { throw new Error('page broke map'); };
  Array.prototype.join = function () { return 'broken'; };
  window.fetch = () => Promise.reject(new Error('page broke fetch'));
  JSON.parse = () => { throw new Error('page broke JSON.parse'); };
  Element.prototype.attachShadow = function () { throw new Error('page broke attachShadow'); };
  Node.prototype.appendChild = function () { throw new Error('page broke appendChild'); };
  window.Map = function () { throw new Error('page broke Map'); };
  window.Promise.prototype.then = function () { throw new Error('page broke then'); };
</script>`;

/** A single-page app: a link that pushes a new URL and wipes the body, as client-side routers do. */
const SPA = `
<p id="route">home</p>
<button id="go" onclick="history.pushState({}, '', '/@someone/video/1'); document.body.textContent = ''; const p = document.createElement('p'); p.id = 'route'; p.textContent = 'video'; document.body.append(p);">go</button>`;

/** A page whose first script notes whether the badge is already there, and whose first focusable is a skip link. */
const SKIP_LINK = `
<script>window.badgeAtFirstScript = document.querySelector('residency-lens-badge') !== null;</script>
<a id="skip" href="#main">Skip to content</a><main id="main"><a href="/next">Next</a></main>`;

/** A page whose first script takes the badge out of the page, before the content script watches for that. */
const EVICT = `
<script>const found = document.querySelector('residency-lens-badge'); window.badgeEvicted = found !== null; found?.remove();</script>
<p>A page that removes what it did not make.</p>`;

export const hostileRoute: Route = (host, path): Page | string | undefined => {
  const url = new URL(path, `https://${host}`);
  if (host === 'www.tiktok.com' && url.pathname === '/csp') {
    return { headers: { 'content-security-policy': STRICT_CSP }, body: html('TikTok with a strict CSP') };
  }
  if (host === 'www.tiktok.com' && url.pathname === '/overrides') return html('TikTok that overrides globals', OVERRIDES);
  if (host === 'www.tiktok.com' && url.pathname.startsWith('/spa')) return html('TikTok single-page app', SPA);
  if (host === 'www.tiktok.com' && url.pathname === '/embed') return html('TikTok embed');
  if (host === 'www.tiktok.com' && url.pathname === '/skip') return html('TikTok with a skip link', SKIP_LINK);
  if (host === 'www.tiktok.com' && url.pathname === '/evict') return html('TikTok that removes the badge at once', EVICT);
  if (host === 'news.example-news.com' && url.pathname === '/iframe') {
    return html('News with an embedded TikTok', '<iframe src="https://www.tiktok.com/embed" width="400" height="300"></iframe>');
  }
  if (host === 'news.example-news.com' && url.pathname === '/pixels') {
    return html(
      'News with pixels',
      '<img alt="" src="https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=TEST"><script src="https://connect.facebook.net/en_US/fbevents.js"></script>',
    );
  }
  if (host === 'news.example-news.com' && url.pathname === '/links') return linksPage();
  if (host === 'analytics.tiktok.com' || host === 'connect.facebook.net') return { headers: { 'content-type': 'text/plain' }, body: '' };
  if (host.endsWith('tiktok.com')) return html('TikTok');
  return html(`News at ${host}`);
};

export const HOSTILE_HOSTS = ['www.tiktok.com', 'm.tiktok.com', 'tiktok.com', 'analytics.tiktok.com', 'news.example-news.com', 'connect.facebook.net'];

/**
 * 20,000 links: every 10th to a platform (TikTok, Instagram, LinkedIn), every 10th to a look-alike
 * (tiktok.com.evil.example, nottiktok.com, instagram-login.example), the rest to ordinary sites.
 */
export function linksPage(count = 20_000): string {
  const targets = (i: number) => {
    if (i % 10 === 0) return ['https://www.tiktok.com/@a', 'https://www.instagram.com/b/', 'https://www.linkedin.com/in/c'][i % 3]!;
    if (i % 10 === 5) return ['https://tiktok.com.evil.example/x', 'https://nottiktok.com/', 'https://instagram-login.example/'][i % 3]!;
    return `https://site${i % 97}.example.org/page/${i}`;
  };
  const links = Array.from({ length: count }, (_, i) => `<li><a id="l${i}" href="${targets(i)}">link ${i}</a></li>`).join('');
  return html('News with many links', `<ul>${links}</ul>`);
}
