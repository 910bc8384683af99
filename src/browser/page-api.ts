/**
 * The part of the extension API (extension-api.ts) that content scripts use too: the extension's messages in the
 * user's language and a message to the background. It is a module of its own so that a content script carries
 * only this much of the API, and the in-page badge loads it only when needed (page-api-on-demand.ts).
 */
import browser from 'webextension-polyfill';
import { displayLocale } from '../core/i18n/display-locale.ts';

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

export function message(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/**
 * The locale to format in (country names, dates, lists, numbers, plurals): that of the messages the browser
 * picked for this extension, which the build writes into each messages.json as `messagesLocale`.
 */
export function formatLocale(): string {
  const messagesLocale = messagesFolder();
  return messagesLocale ? displayLocale(uiLanguage(), messagesLocale) : uiLanguage();
}

/** The _locales folder the browser took the extension's messages from ("pt_BR"); empty if the build did not say. */
export function messagesFolder(): string {
  return browser.i18n.getMessage('messagesLocale');
}

/** The writing direction of the extension's own messages ("ltr" or "rtl"), whatever the page's. */
export function messagesDirection(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}

export function sendToBackground(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}
