/**
 * Checks the dataset as a whole: the schema for each file, then the rules a schema cannot express
 * (references resolve, no hostname in two platforms, real dates not in the future, ISO codes, ids unique).
 * Every problem names its file and field, so a contributor knows what to change.
 */
import { z } from 'zod';
import { REGIONS } from '../settings/settings.ts';
import { Authority, ExchangeRates, Jurisdiction, Platform, Regime, type Dataset, type Source } from './schema.ts';

export type Problem = { file: string; field: string; message: string };

/** Each map: file path -> parsed JSON. */
export type RawFiles = {
  platforms: Record<string, unknown>;
  authorities: Record<string, unknown>;
  jurisdictions: Record<string, unknown>;
  exchangeRates?: { file: string; json: unknown };
  /** data/regimes/<region>.json; absent in older datasets and small fixtures (then every region shows the facts alone) */
  regimes?: Record<string, unknown>;
};

function fileNameProblem(file: string, key: string, field: string): Problem | undefined {
  const base = file.split('/').at(-1);
  return base === `${key}.json` ? undefined : { file, field, message: `"${key}" must equal the file name: rename the file to ${key}.json` };
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes Intl knows that are not ISO 3166-1 countries or territories. */
const NOT_ISO_3166 = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'XK', 'ZZ']);
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && !NOT_ISO_3166.has(code) && regionNames.of(code) !== undefined;
}

const currencies = new Set(Intl.supportedValuesOf('currency'));
export function isCurrencyCode(code: string): boolean {
  return currencies.has(code);
}

/** A real calendar date, not later than `today`. Accepts YYYY, YYYY-MM and YYYY-MM-DD. */
export function dateProblem(value: string, today: string): string | undefined {
  const [y, m = 1, d = 1] = value.split('-').map(Number) as [number, number?, number?];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return `${value} is not a real date`;
  }
  if (value.slice(0, today.length) > today) return `${value} is in the future (today is ${today})`;
  return undefined;
}

function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    file,
    field: issue.path.map(String).join('.') || '(file)',
    message: issue.message,
  }));
}

/** Walks any value and yields [path, string] for every string whose key says it is a date. */
function* dateFields(value: unknown, path: string[]): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* dateFields(item, [...path, String(i)]);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && ['date', 'announced', 'since', 'until', 'reviewed', 'adopted', 'decided', 'checked'].includes(key)) {
        yield [[...path, key].join('.'), item];
      } else {
        yield* dateFields(item, [...path, key]);
      }
    }
  }
}

/** Walks any value and yields [path, code] for every country code field. */
function* countryFields(value: unknown, path: string[]): Generator<[string, string]> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      if (typeof item === 'string' && path.at(-1) === 'destinations') yield [[...path, String(i)].join('.'), item];
      else yield* countryFields(item, [...path, String(i)]);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && (key === 'country' || key === 'headquarters')) yield [[...path, key].join('.'), item];
      else yield* countryFields(item, [...path, key]);
    }
  }
}

export function validateDataset(raw: RawFiles, today: string): { dataset?: Dataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  const authorities: Record<string, Authority> = {};
  for (const [file, json] of Object.entries(raw.authorities)) {
    const result = Authority.safeParse(json);
    if (!result.success) {
      problems.push(...zodProblems(file, result.error));
      continue;
    }
    const authority = result.data;
    const nameProblem = fileNameProblem(file, authority.id, 'id');
    if (nameProblem) problems.push(nameProblem);
    if (authority.country !== 'EU' && !isCountryCode(authority.country)) add(file, 'country', `${authority.country} is not an ISO 3166-1 code`);
    authorities[authority.id] = authority;
  }

  const jurisdictions: Record<string, Jurisdiction> = {};
  for (const [file, json] of Object.entries(raw.jurisdictions)) {
    const result = Jurisdiction.safeParse(json);
    if (!result.success) {
      problems.push(...zodProblems(file, result.error));
      continue;
    }
    const jurisdiction = result.data;
    const nameProblem = fileNameProblem(file, jurisdiction.code, 'code');
    if (nameProblem) problems.push(nameProblem);
    if (!isCountryCode(jurisdiction.code)) add(file, 'code', `${jurisdiction.code} is not an ISO 3166-1 code`);
    for (const [field, value] of dateFields(jurisdiction, [])) {
      const problem = dateProblem(value, today);
      if (problem) add(file, field, problem);
    }
    const { status, sources } = jurisdiction.euAdequacy;
    if ((status === 'adequate' || status === 'partial') && sources.length === 0) {
      add(file, 'euAdequacy.sources', 'an adequacy decision needs at least one source');
    }
    jurisdictions[jurisdiction.code] = jurisdiction;
  }
  const authoritiesComplete = Object.keys(authorities).length === Object.keys(raw.authorities).length;
  const jurisdictionsComplete = Object.keys(jurisdictions).length === Object.keys(raw.jurisdictions).length;

  const platforms: Platform[] = [];
  const hostOwner = new Map<string, string>();
  const sharedDomains: Array<{ file: string; field: string; domain: string; owner: string; platform: string }> = [];
  const actionIds = new Map<string, string>();

  for (const [file, json] of Object.entries(raw.platforms)) {
    const result = Platform.safeParse(json);
    if (!result.success) {
      problems.push(...zodProblems(file, result.error));
      continue;
    }
    const platform = result.data;
    const nameProblem = fileNameProblem(file, platform.id, 'id');
    if (nameProblem) problems.push(nameProblem);
    platforms.push(platform);

    for (const [i, { domain, sharedWith }] of platform.domains.entries()) {
      if (sharedWith !== undefined) {
        sharedDomains.push({ file, field: `domains.${i}`, domain, owner: sharedWith, platform: platform.id });
        continue;
      }
      const owner = hostOwner.get(domain);
      if (owner !== undefined) add(file, `domains.${i}.domain`, `${domain} already belongs to platform "${owner}": if both use it, keep it in one and mark the other's entry "sharedWith": "${owner}"`);
      else hostOwner.set(domain, platform.id);
    }
    for (const [field, value] of dateFields(platform, [])) {
      const problem = dateProblem(value, today);
      if (problem) add(file, field, problem);
    }
    for (const [field, code] of countryFields(platform, [])) {
      if (!isCountryCode(code)) add(file, field, `${code} is not an ISO 3166-1 code`);
    }
    for (const [i, flow] of platform.flows.entries()) {
      if (jurisdictionsComplete && !(flow.country in jurisdictions)) {
        add(file, `flows.${i}.country`, `${flow.country} has no file data/jurisdictions/${flow.country}.json: add one`);
      }
    }
    if (platform.leadAuthority !== undefined && authoritiesComplete && !(platform.leadAuthority in authorities)) {
      add(file, 'leadAuthority', `unknown authority "${platform.leadAuthority}": add data/authorities/${platform.leadAuthority}.json`);
    }
    for (const [i, action] of platform.actions.entries()) {
      const at = `actions.${i}`;
      const previous = actionIds.get(action.id);
      if (previous !== undefined) add(file, `${at}.id`, `action id "${action.id}" is also used in ${previous}`);
      actionIds.set(action.id, file);
      if (authoritiesComplete && !(action.authority in authorities)) {
        add(file, `${at}.authority`, `unknown authority "${action.authority}": add data/authorities/${action.authority}.json`);
      }
      if (action.amount !== undefined) {
        if (!(action.amount > 0) || !Number.isFinite(action.amount)) add(file, `${at}.amount`, 'an amount must be a positive number');
        if (action.currency === undefined) add(file, `${at}.currency`, 'an amount needs its ISO 4217 currency');
      }
      if (action.currency !== undefined && !isCurrencyCode(action.currency)) {
        add(file, `${at}.currency`, `${action.currency} is not an ISO 4217 currency code`);
      }
      if (action.currency !== undefined && action.amount === undefined) add(file, `${at}.amount`, 'a currency without an amount');
      const firstPrimary = action.sources.findIndex((s) => s.primary);
      if (firstPrimary > 0) add(file, `${at}.sources.${firstPrimary}`, 'a primary source comes first: move it to the top of sources');
      if (action.type === 'fine' && action.amount === undefined) add(file, `${at}.amount`, 'a fine needs its amount');
      if (action.announced !== undefined && action.announced < action.date) {
        add(file, `${at}.announced`, 'announced before the decision date: check both');
      }
    }
  }

  // References that need every platform read first.
  const ids = new Set(platforms.map((p) => p.id));
  for (const shared of sharedDomains) {
    if (shared.owner === shared.platform) add(shared.file, `${shared.field}.sharedWith`, 'a platform does not share a domain with itself: remove sharedWith');
    else if (hostOwner.get(shared.domain) !== shared.owner) {
      add(shared.file, `${shared.field}.sharedWith`, `"${shared.owner}" must list ${shared.domain} itself (without sharedWith) for the look-up to answer with it`);
    }
  }
  for (const platform of platforms) {
    const file = Object.entries(raw.platforms).find(([, json]) => (json as { id?: string }).id === platform.id)?.[0] ?? platform.id;
    for (const [i, action] of platform.actions.entries()) {
      for (const [j, code] of (action.transfer?.destinations ?? []).entries()) {
        if (jurisdictionsComplete && !(code in jurisdictions)) {
          add(file, `actions.${i}.transfer.destinations.${j}`, `${code} has no file data/jurisdictions/${code}.json: add one`);
        }
      }
      for (const [j, other] of (action.alsoConcerns ?? []).entries()) {
        if (!ids.has(other)) add(file, `actions.${i}.alsoConcerns.${j}`, `unknown platform "${other}"`);
        if (other === platform.id) add(file, `actions.${i}.alsoConcerns.${j}`, 'a platform need not name itself');
      }
    }
  }

  let exchangeRates: ExchangeRates | undefined;
  if (raw.exchangeRates) {
    const result = ExchangeRates.safeParse(raw.exchangeRates.json);
    if (result.success) {
      exchangeRates = result.data;
      const problem = dateProblem(exchangeRates.date, today);
      if (problem) add(raw.exchangeRates.file, 'date', problem);
      for (const code of Object.keys(exchangeRates.rates)) {
        if (!isCurrencyCode(code)) add(raw.exchangeRates.file, `rates.${code}`, `${code} is not an ISO 4217 currency code`);
      }
    } else problems.push(...zodProblems(raw.exchangeRates.file, result.error));
  }

  const regimes = validateRegimes(raw.regimes, { authorities, jurisdictions, authoritiesComplete, jurisdictionsComplete, rates: exchangeRates, today }, add, problems);

  platforms.sort((a, b) => a.id.localeCompare(b.id));
  const dataset: Dataset = { platforms, authorities, jurisdictions, ...(exchangeRates && { exchangeRates }), ...(regimes && { regimes }) };
  return problems.length === 0 ? { dataset, problems } : { problems };
}

type RegimeContext = {
  authorities: Record<string, Authority>;
  jurisdictions: Record<string, Jurisdiction>;
  authoritiesComplete: boolean;
  jurisdictionsComplete: boolean;
  rates: ExchangeRates | undefined;
  today: string;
};

function primaryOrderProblem(sources: Source[]): number | undefined {
  const first = sources.findIndex((s) => s.primary);
  return first > 0 ? first : undefined;
}

/**
 * A regime frames the facts for users of one region, so it is held to the rules of every fact: each list shows
 * its entries in a source's own words, each rule and right has a source, references resolve, the primary source
 * comes first.
 */
function validateRegimes(
  raw: Record<string, unknown> | undefined,
  ctx: RegimeContext,
  add: (file: string, field: string, message: string) => void,
  problems: Problem[],
): Dataset['regimes'] | undefined {
  if (raw === undefined) return undefined;
  const regimes: NonNullable<Dataset['regimes']> = {};
  for (const [file, json] of Object.entries(raw)) {
    const result = Regime.safeParse(json);
    if (!result.success) {
      problems.push(...zodProblems(file, result.error));
      continue;
    }
    const regime = result.data;
    const nameProblem = fileNameProblem(file, regime.id, 'id');
    if (nameProblem) problems.push(nameProblem);
    for (const [field, value] of dateFields(regime, [])) {
      const problem = dateProblem(value, ctx.today);
      if (problem) add(file, field, problem);
    }
    for (const [field, code] of countryFields(regime, [])) {
      if (!isCountryCode(code)) add(file, field, `${code} is not an ISO 3166-1 code`);
    }
    for (const [i, code] of regime.home.entries()) if (!isCountryCode(code)) add(file, `home.${i}`, `${code} is not an ISO 3166-1 code`);

    const { list, frame } = regime;
    if ((frame === 'adequacy' || frame === 'concern') && list === undefined) add(file, 'list', `a "${frame}" regime needs its list (an empty one, with a source, if nothing is on it)`);
    if ((frame === 'rules' || frame === 'none') && list !== undefined) add(file, 'list', `a "${frame}" regime has no list: use frame "adequacy" or "concern", or remove the list`);
    if (frame !== 'none') {
      if (regime.law === undefined) add(file, 'law', 'name the region\'s data-protection law, with a source');
      if (regime.rights.length === 0) add(file, 'rights', 'name at least one right the user has (e.g. the right of access), with a source');
      if (frame === 'rules' && regime.rules.length === 0) add(file, 'rules', 'a "rules" regime says what a transfer abroad needs, with a source');
    }
    if (list) {
      if (!list.sources.some((s) => s.quote !== undefined)) add(file, 'list.sources', 'quote the source\'s own words that show the list (the `quote` field)');
      if (list.fromJurisdictions && list.countries.length > 0) add(file, 'list.countries', 'entries come from data/jurisdictions (fromJurisdictions): list none here');
      const seen = new Set<string>();
      for (const [i, entry] of list.countries.entries()) {
        if (seen.has(entry.country)) add(file, `list.countries.${i}.country`, `${entry.country} is listed twice`);
        seen.add(entry.country);
        if (regime.home.includes(entry.country)) add(file, `list.countries.${i}.country`, `${entry.country} is in "home": the user's own area is not a destination`);
        const allowed = frame === 'concern' ? ['concern'] : ['adequate', 'partial'];
        if (!allowed.includes(entry.status)) add(file, `list.countries.${i}.status`, `an "${frame}" list holds ${allowed.join(' or ')} entries`);
        if (entry.status === 'partial' && entry.scope === undefined) add(file, `list.countries.${i}.scope`, 'say which recipients or data a partial entry covers');
        const order = entry.sources && primaryOrderProblem(entry.sources);
        if (order !== undefined) add(file, `list.countries.${i}.sources.${order}`, 'a primary source comes first: move it to the top of sources');
      }
      const order = primaryOrderProblem(list.sources);
      if (order !== undefined) add(file, `list.sources.${order}`, 'a primary source comes first: move it to the top of sources');
    }
    for (const group of ['rules', 'rights'] as const) {
      for (const [i, provision] of regime[group].entries()) {
        const order = primaryOrderProblem(provision.sources);
        if (order !== undefined) add(file, `${group}.${i}.sources.${order}`, 'a primary source comes first: move it to the top of sources');
      }
    }
    if (regime.authority !== undefined && ctx.authoritiesComplete && !(regime.authority in ctx.authorities)) {
      add(file, 'authority', `unknown authority "${regime.authority}": add data/authorities/${regime.authority}.json`);
    }
    for (const [i, lawId] of regime.laws.entries()) {
      const found = regime.home.some((code) => ctx.jurisdictions[code]?.laws.some((law) => law.id === lawId && law.kind === 'user-protection'));
      if (!found && ctx.jurisdictionsComplete) add(file, `laws.${i}`, `"${lawId}" is not a user-protection law in data/jurisdictions/ of ${regime.home.join(', ') || 'any home country'}`);
    }
    if (!isCurrencyCode(regime.currency)) add(file, 'currency', `${regime.currency} is not an ISO 4217 currency code`);
    else if (ctx.rates && regime.currency !== ctx.rates.base && !(regime.currency in ctx.rates.rates)) {
      add(file, 'currency', `data/exchange-rates.json has no rate for ${regime.currency}: add it from the same reference source`);
    }
    regimes[regime.id] = regime;
  }
  if (Object.keys(regimes).length === Object.keys(raw).length) {
    for (const region of REGIONS) {
      if (!(region in regimes)) add(`data/regimes/${region}.json`, '(file)', `every region of the settings needs a regime: add data/regimes/${region}.json`);
    }
  }
  // Users in different regions must not share a home country: the region taken from a country must be unique.
  const owner = new Map<string, string>();
  for (const regime of Object.values(regimes)) {
    for (const code of regime!.home) {
      const other = owner.get(code);
      if (other !== undefined) add(`data/regimes/${regime!.id}.json`, 'home', `${code} is also home in data/regimes/${other}.json`);
      owner.set(code, regime!.id);
    }
  }
  return regimes;
}
