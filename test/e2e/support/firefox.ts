/**
 * Debian's firefox-esr driven over WebDriver BiDi with puppeteer-core, the unpacked dist/firefox installed as a
 * temporary add-on. Platform hostnames resolve to loopback through the `network.dns.localDomains` pref, so the
 * test server listens on 443.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ORIGIN, FIREFOX_EXTENSION_UUID, firefoxBadgeText, openExtensionPage, waitForFirefoxBadge } from '../../../src/cli/browsers/firefox.ts';

// Shared with `npm start`, which drives the same browser the same way.
export { FIREFOX_EXTENSION_ORIGIN, FIREFOX_EXTENSION_UUID, firefoxBadgeText, openExtensionPage, waitForFirefoxBadge };

export const FIREFOX_DIST = resolve(import.meta.dirname, '../../../dist/firefox');

/** `prefs` are added to the test profile's (e.g. intl.locale.requested for another browser language). */
export async function launchFirefox(hosts: string[], prefs: Record<string, unknown> = {}): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    protocol: 'webDriverBiDi',
    headless: true,
    acceptInsecureCerts: true,
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'residency-lens@residency-lens.org': FIREFOX_EXTENSION_UUID }),
      // Optional permissions are granted without the prompt a test cannot click (the request still needs a click).
      'extensions.webextOptionalPermissionPrompts': false,
      // The test pages load a TikTok and a Meta pixel on purpose: Firefox's own tracker blocking would hide them.
      'browser.contentblocking.category': 'custom',
      'privacy.trackingprotection.enabled': false,
      'privacy.trackingprotection.pbmode.enabled': false,
      'privacy.trackingprotection.socialtracking.enabled': false,
      'privacy.socialtracking.block_cookies.enabled': false,
      'network.dns.localDomains': hosts.join(','),
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'extensions.update.enabled': false,
      'app.update.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...prefs,
    },
  });
  await browser.installExtension(FIREFOX_DIST);
  return browser;
}
