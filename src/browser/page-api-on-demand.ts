/**
 * The in-page badge's way to the extension API (page-api.ts, and through it webextension-polyfill), loaded
 * the first time it is needed rather than with the script. The badge's script runs on every platform page as the
 * page loads, and its first draw needs no API at all (its data and texts are registered with it); evaluating the
 * polyfill there cost about 5 ms of the page's time before the badge (issue #12). The API is needed only when the
 * user opens or dismisses the badge, or when the registered data is missing and the background must answer.
 * (Each import names what it takes, so the bundler keeps only that in the content script.)
 */
export async function sendToBackground(message: unknown): Promise<unknown> {
  const { sendToBackground: send } = await import('./page-api.ts');
  return send(message);
}

/** The browser's i18n, for when the registered texts are missing: messages and the locale and direction to write in. */
export async function browserTexts(): Promise<{ message: (key: string, substitutions?: string[]) => string; lang: string; dir: 'ltr' | 'rtl' }> {
  const { message, formatLocale, messagesDirection } = await import('./page-api.ts');
  return { message, lang: formatLocale(), dir: messagesDirection() };
}

/** What the badge's API file hands the badge's script (src/content/badge-api.ts). */
export type BadgeApi = { sendToBackground: typeof sendToBackground; browserTexts: typeof browserTexts };
