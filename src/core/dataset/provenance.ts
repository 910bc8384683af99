/**
 * Rules about where each fact comes from, checked over the whole validated dataset: a status says when it was
 * last verified and where; a decision carries its source's own words; a source marked primary is published by the
 * deciding authority (or by the company, for facts about itself); links are ones a reader can open and trust.
 * Each problem says what to change. Pure: the source policy comes in as an argument.
 */
import { isAtOrUnder } from '../match/host-tree.ts';
import type { Action, Dataset, Platform, Source } from './schema.ts';
import type { Problem } from './validate.ts';

export type SourcePolicy = {
  /** Domains never cited, with every host under them (aggregators, content farms, copies): domain -> why. */
  excludedDomains: Record<string, string>;
  /** Single hosts never cited (with or without www.), where other hosts of the same domain are fine: host -> why. */
  excludedHosts?: Record<string, string>;
  /**
   * Places on an excluded host that are citable after all: "host/owner/" prefixes (a code host's path for one
   * organisation or repository) where the publisher of the fact publishes it itself, an operator's own repositories
   * or a list each operator submits for itself -> why.
   */
  allowedUnderExcludedHosts?: Record<string, string>;
};

/** Decisions: every action of these types carries its source's own words for the key figure and date. */
export const DECISION_TYPES: ReadonlySet<Action['type']> = new Set(['fine', 'order', 'suspension', 'ban', 'settlement', 'findings', 'court-ruling', 'law']);
const DATA_ROLES = new Set(['storage', 'remote-access', 'processing']);

/** Query parameters that track the reader or change the page's form, never part of a citation. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|smid|cmpid|ito|os|ref|ref_|ref_src|ref_topic|src|trk|trkinfo|at_medium|at_campaign|outputtype|amp|share|sh|s_cid|__twitter_impression|guccounter|guce_referrer|guce_referrer_sig|print|showbutton|nobutton|keyword|highlight|redirect|qid)$/i;
/** Hosts that only work inside one institution, or are a site's development or preview copy. */
const PROXY_OR_DEV_HOST = /(^|\.)(ezproxy|proxy\.[a-z]+\.edu|dev|develop|development|staging|stage|preview|beta|test|sandbox|localhost)(\.|$)|ezproxy|-dev\.|\.dev\d*\.|digital-stage\./i;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Why a link cannot be cited, or undefined. */
export function linkProblem(url: string, policy: SourcePolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  const host = parsed.hostname;
  if (host.endsWith('.')) return `the host ends with a dot: write ${host.replace(/\.+$/, '')}`;
  if (parsed.port !== '') return 'a link with a port is a development server, not the published page';
  if (PROXY_OR_DEV_HOST.test(host)) return `${host} is a library proxy or a development/preview server: cite the public page`;
  for (const key of parsed.searchParams.keys()) {
    if (TRACKING_PARAM.test(key)) return `remove the tracking or display parameter "${key}" from the link`;
  }
  if (/[?&](diff|oldid)=/.test(parsed.search)) return 'a wiki diff or old revision: cite the page itself';
  // A session id in the path (Java servlets: curia.europa.eu) belongs to one visit, not to the document.
  if (/;jsessionid=/i.test(parsed.pathname)) return 'remove the session id (";jsessionid=...") from the link';
  for (const [excluded, why] of Object.entries(policy.excludedDomains)) {
    if (isAtOrUnder(host, excluded)) return `${excluded} is never cited (${why}): find the authority's or a reputable publisher's page`;
  }
  // Owners on a code host are case-insensitive (github.com/VKCOM is github.com/vkcom); the path starts with a slash.
  const place = `${host.replace(/^www\./, '')}${parsed.pathname}`.toLowerCase();
  const allowed = Object.keys(policy.allowedUnderExcludedHosts ?? {}).some((prefix) => place.startsWith(prefix.toLowerCase()));
  for (const [excluded, why] of Object.entries(policy.excludedHosts ?? {})) {
    if (!allowed && (host === excluded || host === `www.${excluded}`)) return `${excluded} is never cited (${why}): find the authority's or a reputable publisher's page`;
  }
  return undefined;
}

type Check = (field: string, message: string) => void;

function checkSources(sources: readonly Source[], field: string, policy: SourcePolicy, primaryHosts: readonly string[], primaryWho: string, add: Check): void {
  sources.forEach((source, i) => {
    const problem = linkProblem(source.url, policy);
    if (problem) add(`${field}.${i}.url`, problem);
    if (source.primary && !primaryHosts.some((domain) => isAtOrUnder(hostOf(source.url), domain))) {
      add(`${field}.${i}.primary`, `${hostOf(source.url)} is not ${primaryWho}: mark it "primary": false, or add the host to the publisher's domains if it really is theirs`);
    }
  });
}

/** Hosts where the company behind a platform publishes about itself. */
export function companyHosts(platform: Platform): string[] {
  return [...platform.domains.map((d) => d.domain), ...(platform.companySites ?? [])];
}

export function provenanceProblems(dataset: Dataset, policy: SourcePolicy, fileOf: (platform: Platform) => string): Problem[] {
  const problems: Problem[] = [];
  const authorityHosts = Object.values(dataset.authorities).flatMap((a) => a.domains);

  for (const platform of dataset.platforms) {
    const file = fileOf(platform);
    const add: Check = (field, message) => problems.push({ file, field, message });
    const own = companyHosts(platform);
    const aboutItself = [...own, ...authorityHosts];
    const ownWho = `the company's own site (its platform domains or companySites) or an authority's`;

    platform.domains.forEach((domain, i) => {
      if (!domain.sources?.length) add(`domains.${i}.sources`, `${domain.domain} needs a source: the operator's page that lists it, or a published network analysis`);
      else checkSources(domain.sources, `domains.${i}.sources`, policy, aboutItself, ownWho, add);
    });
    for (const key of ['operator', 'parent'] as const) {
      const entity = platform[key];
      if (entity) checkSources(entity.sources, `${key}.sources`, policy, aboutItself, ownWho, add);
    }
    if (platform.privacyContact) checkSources(platform.privacyContact.sources, 'privacyContact.sources', policy, aboutItself, ownWho, add);

    platform.flows.forEach((flow, i) => {
      checkSources(flow.sources, `flows.${i}.sources`, policy, aboutItself, ownWho, add);
      if (DATA_ROLES.has(flow.role) && !flow.sources.some((s) => s.quote)) {
        add(`flows.${i}.sources`, `a ${flow.role} flow needs the sentence that says it: add "quote" (the source's exact words) to the source it comes from`);
      }
    });
    platform.transferMechanisms.forEach((m, i) => checkSources(m.sources, `transferMechanisms.${i}.sources`, policy, aboutItself, ownWho, add));
    platform.positions.forEach((p, i) => checkSources(p.sources, `positions.${i}.sources`, policy, aboutItself, ownWho, add));

    if (platform.retired) {
      checkSources(platform.retired.sources, 'retired.sources', policy, aboutItself, ownWho, add);
      if (!platform.retired.sources.some((s) => s.quote)) add('retired.sources', 'quote the words that date the shutdown');
    }
    if (platform.flowStatement) {
      checkSources(platform.flowStatement.sources, 'flowStatement.sources', policy, aboutItself, ownWho, add);
      if (!platform.flowStatement.sources.some((s) => s.quote)) add('flowStatement.sources', 'quote what the operator says (its exact words)');
    }

    platform.actions.forEach((action, i) => {
      const at = `actions.${i}`;
      const authority = dataset.authorities[action.authority];
      checkSources(action.sources, `${at}.sources`, policy, authority?.domains ?? [], `a domain of ${action.authority} (its "domains")`, add);
      if ((action.amount !== undefined || DECISION_TYPES.has(action.type)) && !action.sources.some((s) => s.quote)) {
        add(`${at}.sources`, 'a decision needs its source\'s own words for the key figure and date: add "quote" to that source');
      }
      const { status } = action;
      if (status.checked === undefined) add(`${at}.status.checked`, 'the day the status was last verified against status.source');
      else if (status.checked < action.date) add(`${at}.status.checked`, 'checked before the decision date');
      if (status.source === undefined) add(`${at}.status.source`, 'where the status was read (appeal filing, judgment, register, or the decision when nothing later was found)');
      else checkSources([status.source], `${at}.status.source`, policy, aboutItself, 'an authority\'s or court\'s site or the company\'s own', add);
      if (status.value === 'final' && status.note === undefined) {
        add(`${at}.status.note`, '"final" needs a note saying what makes it final (no appeal lodged by the deadline, paid, last instance); if unknown, use "no-later-info"');
      }
    });
  }

  for (const [code, jurisdiction] of Object.entries(dataset.jurisdictions)) {
    const add: Check = (field, message) => problems.push({ file: `data/jurisdictions/${code}.json`, field, message });
    const official = `an authority's or official journal's site (an authority file's "domains")`;
    checkSources(jurisdiction.euAdequacy.sources, 'euAdequacy.sources', policy, authorityHosts, official, add);
    if (jurisdiction.ukAdequacy) checkSources(jurisdiction.ukAdequacy.sources, 'ukAdequacy.sources', policy, authorityHosts, official, add);
    jurisdiction.laws.forEach((law, i) => checkSources(law.sources, `laws.${i}.sources`, policy, authorityHosts, official, add));
  }
  return problems;
}

/**
 * Platforms for which nothing says where data goes: no storage, access or processing country and no quoted
 * statement of the operator's. Not an error (an unknown is shown as unknown, never invented), but counted on every
 * check so the gap stays visible until someone finds the operator's words.
 */
export function coverageGaps(dataset: Dataset, fileOf: (platform: Platform) => string): Problem[] {
  return dataset.platforms
    .filter((p) => !p.flows.some((f) => DATA_ROLES.has(f.role)) && !p.flowStatement)
    .map((p) => ({
      file: fileOf(p),
      field: 'flows',
      message: 'nothing says where its data goes: add a country from the privacy policy or a finding, or a flowStatement quoting what the operator says',
    }));
}

/** Share of actions whose first source is primary: the popup's first link should be the deciding body's own. */
export function primaryFirstShare(dataset: Dataset): { primaryFirst: number; actions: number } {
  const actions = dataset.platforms.flatMap((p) => p.actions);
  return { primaryFirst: actions.filter((a) => a.sources[0]?.primary).length, actions: actions.length };
}

/**
 * Links in data/regimes/ under the same source policy as every fact. Enforced from the start: the regimes were
 * written against their sources (issue 13), so nothing is grandfathered.
 */
export function regimeLinkProblems(dataset: Dataset, policy: SourcePolicy): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: string[], file: string): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, String(i)], file));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'url' && typeof item === 'string') {
          const problem = linkProblem(item, policy);
          if (problem) problems.push({ file, field: [...path, key].join('.'), message: problem });
        } else walk(item, [...path, key], file);
      }
    }
  };
  for (const regime of Object.values(dataset.regimes ?? {})) walk(regime, [], `data/regimes/${regime!.id}.json`);
  return problems;
}
