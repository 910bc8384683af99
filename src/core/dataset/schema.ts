/**
 * The one definition of the dataset's shape. The TypeScript types (`z.infer`), the JSON Schema that editors use
 * for `data/**.json` (`npm run data:schema`) and the validation (`npm run data:check`) all come from here.
 * Rules that span several files (references, duplicate hostnames) live in `validate.ts`.
 */
import { z } from 'zod';
import { REGIONS } from '../settings/settings.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .describe('A calendar date, YYYY-MM-DD.');

/** Some facts are only known to the month ("operational from September 2023"). */
const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD')
  .describe('A date known to the year, month or day: YYYY, YYYY-MM or YYYY-MM-DD.');

const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code in capitals, such as IE')
  .describe('ISO 3166-1 alpha-2 country code, e.g. "IE".');

const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens')
  .describe('A stable identifier: lower-case letters, digits and hyphens.');

const text = z.string().trim().min(1, 'must not be empty');

export const Source = z
  .object({
    url: z.url({ protocol: /^https$/, error: 'an https URL' }).describe('Where the fact can be read.'),
    publisher: text
      .max(130, 'the publisher\'s name only: say which version, section or copy was read in `note`')
      .describe('Who published it: the authority, court, company or newspaper. It names the link in the popup.'),
    note: text
      .max(500)
      .optional()
      .describe(
        'What exactly was read, when the link alone does not say: the version or section of a page that changes (a privacy policy), or the copy the text was read in (an Open Terms Archive version). Shown in small print beside the link.',
      ),
    title: text.optional().describe('Title of the page or document.'),
    date: isoDate.optional().describe('Publication date of the source.'),
    quote: z
      .string()
      .trim()
      .min(10, 'a quote of at least a few words')
      .max(400, 'at most about 300 characters: quote the sentence that states the figure and date')
      .optional()
      .describe('The source\'s own words for the key fact (figure and date, or where data is stored or accessed), copied exactly, in the source\'s language.'),
    lang: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a BCP 47 language tag such as en, de, fr or pt-BR')
      .optional()
      .describe('Language of `quote` (and of the page), when not English.'),
    primary: z
      .boolean()
      .describe(
        'true for the regulator\'s decision or press release, the court\'s judgment, the official journal, or the company\'s own statement about itself; false for press coverage and commentary.',
      ),
  })
  .strict();
export type Source = z.infer<typeof Source>;

const sources = z.array(Source).min(1, 'needs at least one source');

export const DomainPurpose = z.enum([
  'main',
  'regional',
  'app',
  'api',
  'cdn',
  'tracking',
  'shortlink',
  'auth',
  'legacy',
]);
export type DomainPurpose = z.infer<typeof DomainPurpose>;

export const PlatformDomain = z
  .object({
    domain: z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/,
        'a lower-case hostname in ASCII (punycode for IDN), without scheme, port or trailing dot',
      )
      .describe('A registrable domain (or a more specific host) the platform serves under.'),
    purpose: DomainPurpose.describe(
      'main: the site people visit; regional: a country version; app: used by the mobile or desktop app; api; cdn: content delivery; tracking: pixels, analytics, ads; shortlink; auth: sign-in; legacy: an old name that redirects.',
    ),
    sharedWith: id
      .optional()
      .describe('The platform this domain is matched to, when it also serves that one (a shared sign-in or CDN host): the look-up answers with that platform, which must list the domain itself.'),
    sources: z
      .array(Source)
      .optional()
      .describe('Where the operator (or a published network analysis) shows that the platform runs under this domain.'),
  })
  .strict();

export const FlowRole = z.enum(['storage', 'remote-access', 'processing', 'parent-seat', 'operator-seat']);
export type FlowRole = z.infer<typeof FlowRole>;

export const Flow = z
  .object({
    country: countryCode,
    role: FlowRole.describe(
      'storage: user data is stored there; remote-access: staff there can reach it; processing: processed by the group or vendors there; parent-seat / operator-seat: where the parent company or the EEA operator is based.',
    ),
    detail: text.optional().describe('One neutral sentence in our own words.'),
    programme: text.optional().describe('A named programme, such as "Project Clover".'),
    since: partialDate
      .optional()
      .describe('When data began to go there, where a source dates it; never the day a source reported the flow (say that in `detail`): the popup shows it as "since".'),
    until: partialDate.optional().describe('When data stopped going there, where a source dates it.'),
    sources,
  })
  .strict();
export type Flow = z.infer<typeof Flow>;

export const Entity = z
  .object({
    name: text.describe('Legal name of the company.'),
    country: countryCode.describe('Where it is incorporated.'),
    headquarters: countryCode.optional().describe('Where it is run from, if different from `country`.'),
    role: text.optional().describe('What it does for users, e.g. "controller for users in the EEA".'),
    sources,
  })
  .strict();
export type Entity = z.infer<typeof Entity>;

export const TransferMechanism = z
  .object({
    mechanism: z.enum(['scc', 'dpf', 'adequacy', 'bcr', 'derogation', 'none-stated']),
    destinations: z.array(countryCode).optional(),
    detail: text.optional(),
    sources,
  })
  .strict();

export const ActionType = z.enum([
  'fine',
  'order',
  'suspension',
  'ban',
  'settlement',
  'inquiry',
  'findings',
  'court-ruling',
  'law',
  'complaint',
]);
export type ActionType = z.infer<typeof ActionType>;

export const ActionStatusValue = z
  .enum(['final', 'appealed', 'upheld', 'annulled', 'reduced', 'pending', 'in-force', 'ended', 'no-later-info'])
  .describe(
    'final: a source says no appeal is possible or pending (deadline passed, paid, last court); appealed: an appeal or annulment action is pending; upheld: a court confirmed it, a further appeal may follow; annulled; reduced; pending: not decided yet; in-force: a law or order that applies; ended: a ban, suspension or order that a source says has ended (lifted, expired or replaced), with how and when in the note; no-later-info: nothing after the decision was found in the sources checked (not the same as final).',
  );
export type ActionStatusValue = z.infer<typeof ActionStatusValue>;

export const Action = z
  .object({
    id: id.describe('Unique across the dataset: <platform>-<authority>-<year>-<topic>.'),
    authority: id.describe('An authority id: the file data/authorities/<id>.json.'),
    date: isoDate.describe('Date of the decision or judgment (or of the announcement when the decision date is not public: then set dateIsAnnouncement).'),
    dateIsAnnouncement: z
      .literal(true)
      .optional()
      .describe('true when `date` is the day it was made public because the sources do not give the decision date.'),
    announced: isoDate.optional().describe('Date it was made public, when different from `date`.'),
    type: ActionType.describe(
      'inquiry: an investigation or proceedings opened (the outcome, when there is one, in `status`); findings: an investigation concluded with findings or recommendations but no fine or binding order; complaint: a complaint filed, an allegation only.',
    ),
    amount: z.number().optional().describe('As decided, in `currency`. Never a conversion.'),
    currency: z.string().optional().describe('ISO 4217 code of `amount`.'),
    legalBasis: z.array(text).default([]).describe('Articles relied on, e.g. "GDPR Art. 46(1)".'),
    summary: text.describe('One neutral sentence in our own words: what was decided or found.'),
    transfer: z
      .object({
        destinations: z.array(countryCode).min(1),
        finding: text.describe('What the authority or court found about the transfer, in our own words.'),
      })
      .strict()
      .optional()
      .describe('Present when the action is about transfers of personal data out of the EEA (or the user region).'),
    alsoConcerns: z.array(id).optional().describe('Other platform ids the same action covers.'),
    status: z
      .object({
        value: ActionStatusValue,
        date: isoDate.optional().describe('When the status took effect (the appeal was lodged, the judgment given).'),
        note: text.optional(),
        checked: isoDate.optional().describe('The day a person last verified this status against `source`.'),
        source: z
          .lazy(() => Source)
          .optional()
          .describe('Where the status itself was read: the appeal filing, the judgment, the authority\'s register, or the decision when nothing later was found.'),
      })
      .strict(),
    sources,
  })
  .strict();
export type Action = z.infer<typeof Action>;

export const Position = z
  .object({
    by: z.enum(['company', 'government']).default('company'),
    date: isoDate.optional(),
    summary: text.describe('What they say, in our own words; allegations stay allegations.'),
    sources,
  })
  .strict();
export type Position = z.infer<typeof Position>;

export const Category = z.enum([
  'social',
  'video',
  'messaging',
  'search',
  'mail',
  'maps',
  'shopping',
  'marketplace',
  'streaming',
  'music',
  'ai-assistant',
  'dating',
  'mobility',
  'travel',
  'cloud-productivity',
  'advertising',
  'biometrics',
  'gaming',
]);

export const Platform = z
  .object({
    $schema: z.string().optional(),
    id: id.describe('Equal to the file name: data/platforms/<id>.json.'),
    name: text,
    category: Category,
    domains: z.array(PlatformDomain).min(1),
    examples: z
      .object({
        match: z.array(z.string()).default([]).describe('URLs or hostnames that must resolve to this platform.'),
        noMatch: z.array(z.string()).default([]).describe('Look-alikes that must not.'),
      })
      .strict()
      .optional(),
    operator: Entity.optional().describe('The company that is controller for users in the EEA.'),
    parent: Entity.optional().describe('The ultimate parent company.'),
    leadAuthority: id.optional().describe('Lead supervisory authority under the GDPR one-stop-shop (an authority id).'),
    privacyContact: z
      .object({
        url: z.url({ protocol: /^https$/ }).optional(),
        email: z.email().optional(),
        sources,
      })
      .strict()
      .optional(),
    companySites: z
      .array(z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,63}$/, 'a lower-case host such as about.fb.com'))
      .optional()
      .describe('Other hosts where the company publishes about itself (newsroom, group site, policy portal), besides its platform domains: sources there count as its own.'),
    flows: z.array(Flow).default([]),
    flowStatement: z
      .object({ summary: text.describe('What the operator says about where data goes, in our own words, when it names no country.'), sources })
      .strict()
      .optional()
      .describe('When no source names a storage, access or processing country: what the operator does say (with its words), so the gap is explained.'),
    retired: z
      .object({
        date: isoDate.describe('The day the service stopped, as its source dates it.'),
        summary: text.describe('What became of the service and its users, in our own words.'),
        sources,
      })
      .strict()
      .optional()
      .describe('When the operator has shut the service down: its flows and actions are then about the time it ran, and the popup says so first.'),
    transferMechanisms: z.array(TransferMechanism).default([]),
    actions: z.array(Action).default([]),
    positions: z.array(Position).default([]),
    reviewed: isoDate.describe('When a person last checked this file against its sources.'),
  })
  .strict();
export type Platform = z.infer<typeof Platform>;
export type PlatformInput = z.input<typeof Platform>;

export const AuthorityKind = z.enum(['dpa', 'court', 'legislature', 'government', 'regulator', 'board', 'ngo']);

export const Authority = z
  .object({
    $schema: z.string().optional(),
    id: id.describe('Equal to the file name: data/authorities/<id>.json.'),
    name: text,
    shortName: text.optional(),
    country: z
      .string()
      .regex(/^([A-Z]{2}|EU)$/, 'an ISO 3166-1 alpha-2 code, or EU for EU bodies')
      .describe('ISO 3166-1 alpha-2, or "EU" for EU institutions.'),
    kind: AuthorityKind,
    subnational: text
      .optional()
      .describe('The part of the country it alone covers (a German Land): the popup names the national authority as a user\'s own, never one that covers one region.'),
    url: z.url({ protocol: /^https$/ }),
    domains: z
      .array(z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,63}$/, 'a lower-case host such as dataprotection.ie'))
      .min(1)
      .describe('The hosts it publishes its own documents on (site, register, official journal); a source there can be marked primary for its decisions.'),
  })
  .strict();
export type Authority = z.infer<typeof Authority>;


export const Law = z
  .object({
    id,
    name: text,
    kind: z
      .enum(['state-access', 'user-protection'])
      .default('state-access')
      .describe('state-access: lets the state reach data held there; user-protection: protects users of this country against transfers abroad (e.g. the US 2024 data-broker law).'),
    adopted: isoDate.optional(),
    summary: text.describe('Why it matters for data held there, in our own words.'),
    sources,
  })
  .strict();
export type Law = z.infer<typeof Law>;

export const Adequacy = z
  .object({
    status: z.enum(['eea', 'adequate', 'partial', 'none']),
    decided: isoDate.optional(),
    scope: text.optional(),
    sources: z.array(Source).default([]),
  })
  .strict();
export type Adequacy = z.infer<typeof Adequacy>;

export const Jurisdiction = z
  .object({
    $schema: z.string().optional(),
    code: countryCode.describe('Equal to the file name: data/jurisdictions/<code>.json.'),
    euAdequacy: Adequacy,
    ukAdequacy: Adequacy.optional().describe('The UK\'s own adequacy regulations ("data bridges"), for users in the UK.'),
    laws: z.array(Law).default([]),
  })
  .strict();
export type Jurisdiction = z.infer<typeof Jurisdiction>;


/** One statement of a regime's law: a transfer rule or a right, with the provision it rests on. */
export const RegimeProvision = z
  .object({
    name: text.describe('What it is, e.g. "Right of access" or "Transfers abroad".'),
    provision: text.describe('Where the law says it, e.g. "FADP Art. 25" or "APP 8, Privacy Act s. 16C".'),
    summary: text.describe('What it means for a user, in our own words, neutral.'),
    sources,
  })
  .strict();
export type RegimeProvision = z.infer<typeof RegimeProvision>;

export const RegimeListEntry = z
  .object({
    country: countryCode,
    status: z
      .enum(['adequate', 'partial', 'concern'])
      .describe('adequate: on a list of countries data may go to freely; partial: only for some recipients or sectors (see scope); concern: on a list of countries transfers to are restricted.'),
    scope: text.optional().describe('For partial entries: which recipients or data the entry covers.'),
    since: isoDate.optional().describe('When the entry took effect, where a source gives it.'),
    sources: z.array(Source).optional().describe('Sources for this entry alone, when the list\'s own sources do not show it.'),
  })
  .strict();
export type RegimeListEntry = z.infer<typeof RegimeListEntry>;

export const RegimeList = z
  .object({
    name: text.describe('The list as the law names it, e.g. "Annex 1 to the Data Protection Ordinance".'),
    complete: z
      .boolean()
      .describe('true when the sources show every entry, so a country missing from the list is not on it; false when only part of the list could be verified: other countries are then shown as not known, never as missing.'),
    checked: isoDate.describe('The day a person last compared the entries with the sources.'),
    countries: z.array(RegimeListEntry).default([]),
    fromJurisdictions: z
      .enum(['euAdequacy', 'ukAdequacy'])
      .optional()
      .describe('Read the entries from data/jurisdictions/<CC>.json instead (the EU and UK lists, kept per country with each decision).'),
    sources: z.array(Source).min(1, 'a list needs a source that shows its entries, with the source\'s own words in `quote`'),
  })
  .strict();
export type RegimeList = z.infer<typeof RegimeList>;

export const RegimeFrame = z
  .enum(['adequacy', 'concern', 'rules', 'none'])
  .describe(
    'adequacy: a list of countries data may go to freely; destinations not on a complete list are flagged. concern: a list of countries transfers to are restricted; destinations on it are flagged. rules: conditions for every transfer abroad, no list. none: no legal frame, the facts alone.',
  );
export type RegimeFrame = z.infer<typeof RegimeFrame>;

export const Regime = z
  .object({
    $schema: z.string().optional(),
    id: z.enum(REGIONS).describe('A region of the settings (REGIONS in src/core/settings/settings.ts); equal to the file name.'),
    name: text.describe('The user region it frames, in English, e.g. "Switzerland".'),
    law: z.object({ name: text, sources }).strict().optional().describe('The main data-protection law of the region.'),
    home: z.array(countryCode).describe('Countries whose users it covers and between which data does not go abroad (the EEA for the EU regime).'),
    frame: RegimeFrame,
    list: RegimeList.optional(),
    rules: z.array(RegimeProvision).default([]).describe('What a transfer abroad needs under this law.'),
    laws: z
      .array(id)
      .default([])
      .describe('Ids of user-protection laws in data/jurisdictions/<home>.json shown to these users ("Laws that protect users in your region").'),
    authority: id.optional().describe('The users\' own data-protection authority (an id in data/authorities/); none where it depends on the country (EU/EEA).'),
    rights: z.array(RegimeProvision).default([]).describe('Rights a user has against the company, e.g. the right of access.'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code').describe('Display currency when the currency setting is "auto".'),
    reviewed: isoDate.describe('When a person last checked this file against its sources.'),
  })
  .strict();
export type Regime = z.infer<typeof Regime>;
export type RegimeInput = z.input<typeof Regime>;


export const ExchangeRates = z
  .object({
    $comment: z.string().optional(),
    base: z.literal('EUR'),
    date: isoDate,
    source: Source,
    rates: z.record(z.string().regex(/^[A-Z]{3}$/), z.number().positive()),
  })
  .strict()
  .describe('Reference rates (units per 1 EUR) used only to convert amounts for display, never stored with an action.');
export type ExchangeRates = z.infer<typeof ExchangeRates>;

export type Dataset = {
  platforms: Platform[];
  authorities: Record<string, Authority>;
  jurisdictions: Record<string, Jurisdiction>;
  exchangeRates?: ExchangeRates;
  /** Legal frames per user region; a region without one shows the facts alone. */
  regimes?: Partial<Record<Regime['id'], Regime>>;
};
