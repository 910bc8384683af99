/**
 * Which locale Intl formats a surface in. The browser picks the extension's messages from the locales it ships
 * (the UI locale, else its language, else the default); country names, dates, lists, numbers and plurals must
 * follow those messages, not the browser, or a Spanish browser reads "stores user data in Irlanda, Noruega".
 */

/** A _locales folder name ("pt_BR") as a BCP 47 tag ("pt-BR"). */
export function localeTag(folder: string): string {
  return folder.replaceAll('_', '-');
}

/**
 * The UI locale when it is a regional form of the messages' language (en-GB with English messages: British dates;
 * de-CH with German ones: Swiss numbers), else the messages' own locale. `messagesLocale` is the locale the
 * messages were actually taken from, as the build records it in each messages.json.
 */
export function displayLocale(uiLocale: string, messagesLocale: string): string {
  const messages = localeTag(messagesLocale);
  try {
    const ui = new Intl.Locale(uiLocale).maximize();
    const ours = new Intl.Locale(messages);
    const oursMax = ours.maximize();
    const sameLanguage = ui.language === oursMax.language && ui.script === oursMax.script;
    if (sameLanguage && (ours.region === undefined || ours.region === ui.region)) return new Intl.Locale(uiLocale).toString();
  } catch {
    // A malformed UI locale: the messages' locale is the safe answer.
  }
  return messages;
}
