/** The real messages of one locale, substituted as Chrome's i18n.getMessage does, for tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Messages = Record<string, { message: string }>;

/** Chrome's i18n.getMessage for positional placeholders: $1..$9 replaced, `$$` a literal dollar, unknown key ''. */
export function translator(locale: string): (key: string, substitutions?: string[]) => string {
  const messages = JSON.parse(readFileSync(join(import.meta.dirname, '../../src/_locales', locale, 'messages.json'), 'utf8')) as Messages;
  return (key, substitutions = []) => {
    const entry = messages[key];
    if (!entry) return '';
    return entry.message.replace(/\$(\$|[1-9])/g, (_, token: string) => (token === '$' ? '$' : (substitutions[Number(token) - 1] ?? '')));
  };
}
