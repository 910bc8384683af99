/**
 * Every user-facing text goes through _locales: each locale we ship (every folder there) has every key, no key is
 * unused, placeholders ($1, $2, ...) match between languages, messages with a count have exactly the plural
 * variants the locale's CLDR rules ask for, and the store description fits the Chrome Web Store's 132 characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActionStatusValue, ActionType, FlowRole, TransferMechanism } from '../../../src/core/dataset/schema.ts';
import { FLAGGING_REGIONS } from '../../../src/core/disclosure/framing.ts';
import { BADGE_CORNERS, REGIONS, TOOLBAR_STYLES } from '../../../src/core/settings/settings.ts';

const SRC = join(import.meta.dirname, '../../../src');
const LOCALES = join(SRC, '_locales');
const REQUIRED_LOCALES = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pl', 'pt_BR'];
/** Every locale folder: a locale added later is checked without touching this test. */
const SHIPPED = readdirSync(LOCALES).sort();
type Messages = Record<string, { message: string }>;
const read = (locale: string) => JSON.parse(readFileSync(join(LOCALES, locale, 'messages.json'), 'utf8')) as Messages;
const en = read('en');

/** Keys with a count: `<base>_<category>`, recognised by English having both `_one` and `_other`. */
const CATEGORY = /_(zero|one|two|few|many|other)$/;
const pluralBases = new Set(Object.keys(en).filter((k) => k.endsWith('_one') && `${k.slice(0, -4)}_other` in en).map((k) => k.slice(0, -4)));
const pluralBase = (key: string) => (CATEGORY.test(key) && pluralBases.has(key.replace(CATEGORY, '')) ? key.replace(CATEGORY, '') : undefined);
const categories = (locale: string) => new Intl.PluralRules(locale.replaceAll('_', '-')).resolvedOptions().pluralCategories;
/** The keys a locale must have: English's plain keys, and each plural base with the locale's own categories. */
const expectedKeys = (locale: string) =>
  [...Object.keys(en).filter((k) => pluralBase(k) === undefined), ...[...pluralBases].flatMap((base) => categories(locale).map((c) => `${base}_${c}`))].sort();

function sourceText(dir: string): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? (e.name === 'generated' || e.name === '_locales' ? '' : sourceText(join(dir, e.name))) : /\.(tsx?|json|html)$/.test(e.name) ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}
const code = sourceText(SRC) + readFileSync(join(SRC, '../manifest.json'), 'utf8');

/** Keys built at run time from a prefix and a value of a known set. */
const under = (v: string) => v.replaceAll('-', '_');
const DYNAMIC: Record<string, string[]> = {
  type_: ActionType.options.map(under),
  status_: ActionStatusValue.options.map(under),
  role_: FlowRole.options.map(under),
  roleShort_: FlowRole.options.map(under),
  headline: ['S', 'A', 'P', 'SA', 'SP', 'AP', 'SAP'],
  verdict_: [
    ...['eu', 'uk', 'ch', 'br', 'jp', 'kr'].flatMap((r) => ['home', 'adequate', 'partial', 'none'].map((s) => `${r}_${s}`)),
    ...['us', 'in'].flatMap((r) => ['home', 'concern', 'unlisted'].map((s) => `${r}_${s}`)),
    ...['ca', 'au', 'cn'].flatMap((r) => ['home', 'abroad'].map((s) => `${r}_${s}`)),
  ],
  regime_: [
    ...FLAGGING_REGIONS.flatMap((r) => [`${r}_flag`, `${r}_legend`]),
    ...REGIONS.filter((r) => r !== 'other').map((r) => `${r}_rule`),
    ...REGIONS.flatMap((r) => [`${r}_rights`, `${r}_help`]),
  ],
  mechanism_: TransferMechanism.shape.mechanism.options.map(under),
  region_: [...REGIONS],
  regionShort_: [...REGIONS],
  regionName_: [...REGIONS],
  corner_: BADGE_CORNERS.map(under),
  toolbar_: [...TOOLBAR_STYLES],
  accessBasis_: [...REGIONS],
};

function isUsed(key: string): boolean {
  if (code.includes(`'${key}'`) || code.includes(`__MSG_${key}__`)) return true;
  const base = pluralBase(key);
  if (base !== undefined) return code.includes(`'${base}'`);
  return Object.entries(DYNAMIC).some(
    ([prefix, values]) =>
      key.startsWith(prefix) &&
      values.includes(key.slice(prefix.length)) &&
      (code.includes(`${prefix}\${`) || code.includes(`'${prefix.slice(0, -1)}'`)),
  );
}

const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

describe('messages', () => {
  it('has English, German, French, Spanish, Italian, Dutch, Polish and Brazilian Portuguese', () => {
    expect(readdirSync(LOCALES).sort()).toEqual(expect.arrayContaining(REQUIRED_LOCALES));
  });

  it('uses every English key somewhere in the code', () => {
    expect(Object.keys(en).filter((k) => !isUsed(k))).toEqual([]);
  });

  it('has every dynamic key the code can ask for', () => {
    const missing = Object.entries(DYNAMIC).flatMap(([prefix, values]) => values.map((v) => `${prefix}${v}`)).filter((k) => !(k in en) && !['adequacy_home_uk'].includes(k));
    expect(missing).toEqual([]);
  });

  it.each(SHIPPED)('%s has every key, no extra key, the same placeholders, and no empty text', (locale) => {
    const other = read(locale);
    const expected = expectedKeys(locale);
    expect(expected.filter((k) => !(k in other)), `${locale}: missing`).toEqual([]);
    expect(Object.keys(other).filter((k) => !expected.includes(k)), `${locale}: not expected`).toEqual([]);
    for (const [k, v] of Object.entries(other)) {
      const reference = en[k] ?? en[`${pluralBase(k)}_other`]!;
      expect(placeholders(v.message), `${locale}: ${k}`).toEqual(placeholders(reference.message));
      expect(v.message.trim().length, `${locale}: ${k}`).toBeGreaterThan(0);
    }
  });

  it('English has the one/other variants of every message with a count', () => {
    expect([...pluralBases].sort()).toEqual(
      expect.arrayContaining(['countActions', 'countFines', 'historyChartLabel', 'oldDecision', 'toolbarTitleNoFlows', 'toolbarTitleThirdParties']),
    );
  });

  it('leaves `messagesLocale` to the build (it names the folder it is added to)', () => {
    for (const locale of SHIPPED) expect(read(locale), locale).not.toHaveProperty('messagesLocale');
  });

  // The Chrome Web Store cuts the summary at 132 characters; the manifest names the message it uses.
  const descriptionKey = /^__MSG_(\w+)__$/.exec((JSON.parse(readFileSync(join(SRC, '../manifest.json'), 'utf8')) as { description: string }).description)![1]!;
  it.each(SHIPPED)(`%s: the store description (${descriptionKey}) is at most 132 characters`, (locale) => {
    expect([...read(locale)[descriptionKey]!.message].length).toBeLessThanOrEqual(132);
  });
});
