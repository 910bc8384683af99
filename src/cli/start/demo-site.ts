/** The page `npm start` shows without a display: a TikTok page served locally under its real hostname. */
import { html, type Route } from '../browsers/local-https.ts';

export const DEMO_HOSTS = ['www.tiktok.com', 'tiktok.com'];

export const isDemoHost = (host: string) => host === 'tiktok.com' || host.endsWith('.tiktok.com');

export const demoRoute: Route = (host) =>
  isDemoHost(host)
    ? html(
        'TikTok (a local page)',
        '<p>This page is served on your machine by <code>npm start</code> under the name www.tiktok.com; nothing was fetched from the network.</p>',
      )
    : { status: 404, body: 'not found' };
