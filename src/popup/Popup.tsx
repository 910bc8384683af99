/**
 * The popup's view. It takes everything as props (state, context, text, formatters, actions), so component
 * tests and screenshots render it from fixtures; only main.tsx talks to the browser.
 */
import type { Source } from '../core/dataset/schema.ts';
import type { Destination, DisclosedAction, Disclosure } from '../core/disclosure/build-disclosure.ts';
import { countsLine } from '../core/disclosure/counts.ts';
import { convert } from '../core/disclosure/exchange.ts';
import { distinctSources, flowDates, quotedSource } from '../core/disclosure/flow-words.ts';
import { frame, type Framing, type VerdictStatus } from '../core/disclosure/framing.ts';
import { headline } from '../core/disclosure/headline.ts';
import { counted } from '../core/i18n/plural.ts';
import { FlowDiagram } from './FlowDiagram.tsx';
import type { Formatters } from '../core/format.ts';
import type { PopupContext, PopupState } from './popup-state.ts';

export type Translate = (key: string, substitutions?: string[]) => string;

export type PopupActions = {
  copy(text: string): Promise<void>;
  summaryMarkdown(d: Disclosure): string;
  accessRequest(d: Disclosure): { text: string; mailto?: string };
  openOptions(): void;
  enable(): void;
};

/** Platforms the page in this tab sent requests to, as the background observed them. */
export type ThirdParties = {
  /** false until the user grants access to all sites: without it the browser shows the extension no requests */
  observing: boolean;
  /**
   * `serverLine`: keep the line for the servers' countries even while it is empty (see `pageServerLine`);
   * `unlocated`: the servers' addresses were looked up and none is in the IP data (see `pageServerUnlocated`)
   */
  platforms: Array<{ disclosure: Disclosure; hosts: string[]; requests: number; serverCountries: string[]; serverLine?: boolean; unlocated?: boolean }>;
  /** where the server that answered for this page is, from its IP address */
  pageServerCountry?: string;
  /**
   * The country was not known at first paint (the background was still decoding its IP table): its line is drawn
   * empty and filled when the country comes, so that nothing below it moves.
   */
  pageServerLine?: boolean;
  /** The page's server address was looked up and is not in the IP data: the line says so rather than stay empty. */
  pageServerUnlocated?: boolean;
};

/**
 * The sentence about servers' countries. When it is kept for a country still being looked up, its box holds the
 * room the sentence will take (popup.css: as many lines as it wraps to in the narrowest popup), empty and hidden
 * from screen readers until then.
 */
function ServerLine({ text, keep, page = false }: { text: string | undefined; keep: boolean | undefined; page?: boolean }) {
  if (text === undefined && !keep) return null;
  return (
    <p class={`muted server${keep ? (page ? ' kept-page' : ' kept') : ''}`} aria-hidden={text === undefined ? 'true' : undefined}>
      {text ?? '\u00a0'}
    </p>
  );
}

export type PopupProps = {
  state: PopupState;
  context: PopupContext;
  thirdParties: ThirdParties;
  t: Translate;
  f: Formatters;
  actions: PopupActions & { grantAllSites(): void };
  /**
   * Draw the closed sections with their headings only: what is folded away is not on screen, so the first paint
   * need not wait for it (most of a platform's facts are there). The entry renders again, complete, right after
   * the first paint; a closed section's contents take no room, so nothing moves when they come.
   */
  foldedLater?: boolean;
};

/** The platforms this page sent data to; shown only when there are some (see ThirdPartiesStatus). */
function ThirdPartiesSection({ tp, ctx, t, f }: { tp: ThirdParties; ctx: PopupContext; t: Translate; f: Formatters }) {
  return (
    <Section id="third-parties" title={t('thirdPartiesCount', [f.number(tp.platforms.length)])} open>
      <ul class="list">
        {tp.platforms.map(({ disclosure: d, hosts, requests, serverCountries, serverLine, unlocated }) => (
          <li key={d.platform.id} class="third-party">
            <div class="row">
              <span>{d.platform.name}</span>
              <span class="tag">{t('requestsCount', [f.number(requests)])}</span>
            </div>
            <p>{headline(d, ctx.region, t, f)}</p>
            <p class="muted">{t('thirdPartyHosts', [hosts.join(', ')])}</p>
            <ServerLine text={serverCountries.length > 0 ? t('serverLocation', [f.list(serverCountries.map(f.country))]) : unlocated ? t('serverLocationUnknown') : undefined} keep={serverLine} />
            <Counts d={d} ctx={ctx} t={t} f={f} />
          </li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * On a site that is no platform: the platforms it sent data to, or that none did so far, or (without access to
 * all sites) that the extension is not watching it at all and how to change that. A bare "(0)" would read as
 * "this page sent your data nowhere".
 */
function ThirdPartiesStatus({ tp, ctx, t, f, actions }: { tp: ThirdParties; ctx: PopupContext; t: Translate; f: Formatters; actions: PopupProps['actions'] }) {
  if (tp.platforms.length > 0) return <ThirdPartiesSection tp={tp} ctx={ctx} t={t} f={f} />;
  if (tp.observing) return <p class="watching">{t('thirdPartiesNone')}</p>;
  return (
    <div class="not-watching">
      <p>{t('thirdPartiesOff')}</p>
      <div class="buttons">
        <button type="button" onClick={actions.grantAllSites}>
          {t('grantAllSites')}
        </button>
      </div>
    </div>
  );
}

const key = (prefix: string, value: string) => `${prefix}_${value.replaceAll('-', '_')}`;

function SourceLinks({ sources, t }: { sources: Source[]; t: Translate }) {
  return (
    <ul class="sources" aria-label={t('sources')}>
      {distinctSources(sources).map((source, i) => (
        <li key={`${source.url}-${i}`}>
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.publisher}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
          {source.primary ? <span class="tag">{t('primarySource')}</span> : null}
          {source.note ? <span class="source-note">{source.note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * The first quoted source's own words for the key figure, with its link: a reader checks a figure in one click.
 * An action's primary source is the deciding authority's; a flow's may be the company's own policy, so flows name
 * the publisher whatever it is.
 */
function SourceQuote({ sources, t, authority = false }: { sources: Source[]; t: Translate; authority?: boolean }) {
  const source = quotedSource(sources);
  if (!source) return null;
  return (
    <figure class="quote">
      <figcaption>{authority && source.primary ? t('quoteIntroAuthority') : t('quoteIntroSource', [source.publisher])}</figcaption>
      <blockquote cite={source.url} lang={source.lang ?? 'en'}>
        {source.quote}
      </blockquote>
      <a href={source.url} target="_blank" rel="noopener noreferrer">
        {source.publisher}
        <span class="visually-hidden"> {t('opensInNewTab')}</span>
      </a>
      {source.note ? <span class="source-note">{source.note}</span> : null}
    </figure>
  );
}

/** When, and where, the status was last verified: a status is a claim about today, so it carries its date. */
function StatusChecked({ status, t, f }: { status: DisclosedAction['status']; t: Translate; f: Formatters }) {
  if (!status.checked) return <p class="muted">{t('statusNeverChecked')}</p>;
  return (
    <p class="muted">
      {t('statusChecked', [f.date(status.checked)])}{' '}
      {status.source ? (
        <a href={status.source.url} target="_blank" rel="noopener noreferrer">
          {status.source.publisher}
          <span class="visually-hidden"> {t('opensInNewTab')}</span>
        </a>
      ) : null}
    </p>
  );
}

/**
 * A folding section. An empty one (`empty` says what is missing) is a plain heading and a sentence instead:
 * nothing to open, nothing that promises content.
 */
function Section({ id, title, open = false, later = false, empty, children }: { id: string; title: string; open?: boolean; later?: boolean; empty?: string; children?: preact.ComponentChildren }) {
  if (empty !== undefined) {
    return (
      <section class="section empty" aria-labelledby={id}>
        <h2 id={id}>{title}</h2>
        <p class="muted">{empty}</p>
      </section>
    );
  }
  return (
    <details class="section" open={open}>
      <summary id={id}>
        <h2>{title}</h2>
      </summary>
      <div class="section-body" aria-labelledby={id}>
        {open || !later ? children : null}
      </div>
    </details>
  );
}

function Counts({ d, ctx, t, f }: { d: Disclosure; ctx: PopupContext; t: Translate; f: Formatters }) {
  return <p class="counts">{countsLine(d, ctx, t, f)}</p>;
}

function Responsible({ d, t, f }: { d: Disclosure; t: Translate; f: Formatters }) {
  return (
    <dl class="facts">
      {d.operator ? (
        <>
          <dt>{t('operator')}</dt>
          <dd>
            {d.operator.name}, {f.country(d.operator.country)}
            <SourceLinks sources={d.operator.sources} t={t} />
          </dd>
        </>
      ) : (
        <>
          <dt>{t('operator')}</dt>
          <dd>{t('notInDataset')}</dd>
        </>
      )}
      {d.parent ? (
        <>
          <dt>{t('parent')}</dt>
          <dd>
            {d.parent.name}, {f.country(d.parent.headquarters ?? d.parent.country)}
            {d.parent.headquarters && d.parent.headquarters !== d.parent.country ? ` (${t('incorporatedIn', [f.country(d.parent.country)])})` : ''}
            <SourceLinks sources={d.parent.sources} t={t} />
          </dd>
        </>
      ) : null}
      {d.leadAuthority ? (
        <>
          <dt>{t('leadAuthority')}</dt>
          <dd>
            <a href={d.leadAuthority.url} target="_blank" rel="noopener noreferrer">
              {d.leadAuthority.name}
            </a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/** The tag's colour: red where the regime objects, amber where it is partial or not known, green where all is clear. */
const TAG_CLASS: Record<VerdictStatus, string> = {
  none: 'adequacy-none',
  concern: 'adequacy-none',
  partial: 'adequacy-partial',
  unknown: 'adequacy-partial',
  adequate: 'adequacy-adequate',
  home: 'adequacy-home',
  unlisted: 'adequacy-adequate',
  abroad: '',
  unframed: '',
};

/** What happens to the data in one country, each with its dates, the source's own words and the sources. */
function Roles({ roles, t, f }: { roles: Destination['roles']; t: Translate; f: Formatters }) {
  return (
    <ul class="roles">
      {roles.map((role, i) => (
        <li key={i}>
          <strong>{t(key('role', role.role))}</strong>
          {role.programme ? ` (${role.programme})` : ''}
          {flowDates(role, t, f)}
          {role.detail ? <span> {role.detail}</span> : null}
          <SourceQuote sources={role.sources} t={t} />
          <SourceLinks sources={role.sources} t={t} />
        </li>
      ))}
    </ul>
  );
}

/** Where data went, or was reached from, until a date a source gives: history, apart from where it goes now. */
function Earlier({ d, t, f }: { d: Disclosure; t: Translate; f: Formatters }) {
  if (d.earlier.length === 0) return null;
  return (
    <>
      <h3>{t('earlierFlows')}</h3>
      <ul class="list">
        {d.earlier.map((dest) => (
          <li key={dest.country} class="destination">
            <div class="row">
              <span class="country">{f.country(dest.country)}</span>
            </div>
            <Roles roles={dest.roles} t={t} f={f} />
          </li>
        ))}
      </ul>
    </>
  );
}

/** When no source names a country: what the operator does say, in its words, so the gap is explained. */
function FlowStatement({ d, t }: { d: Disclosure; t: Translate }) {
  if (!d.flowStatement) return null;
  return (
    <div class="flow-statement">
      <p>{d.flowStatement.summary}</p>
      <SourceQuote sources={d.flowStatement.sources} t={t} />
      <SourceLinks sources={d.flowStatement.sources} t={t} />
    </div>
  );
}

function DestinationItem({ item, t, f }: { item: Framing['destinations'][number]; t: Translate; f: Formatters }) {
  const { destination: dest, verdict, label } = item;
  const entry = verdict.entry;
  return (
    <li class="destination">
      <div class="row">
        <span class="country">{f.country(dest.country)}</span>
        {label ? <span class={`tag ${TAG_CLASS[verdict.status]}`.trim()}>{label}</span> : null}
      </div>
      {entry?.decided || entry?.since || entry?.scope ? (
        <p class="muted">
          {[entry.decided ? t('adequacyDecided', [f.date(entry.decided)]) : '', entry.since ? t('inEffectSince', [f.date(entry.since)]) : '', entry.scope ?? '']
            .filter((x) => x !== '')
            .join(' ')}
        </p>
      ) : null}
      {entry && entry.sources.length > 0 ? <SourceLinks sources={entry.sources} t={t} /> : null}
      <Roles roles={dest.roles} t={t} f={f} />
      {dest.laws.length > 0 ? (
        <div class="laws">
          <h3>{t('lawsThere', [f.country(dest.country)])}</h3>
          <ul>
            {dest.laws.map((law) => (
              <li key={law.id}>
                <strong>{law.name}</strong>
                {law.adopted ? ` (${f.date(law.adopted)})` : ''}: {law.summary}
                <SourceLinks sources={law.sources} t={t} />
              </li>
            ))}
          </ul>
        </div>
      ) : (
        // Silence here would read as "no such law": say it is not known.
        <p class="muted">{t('lawsNoneRecorded', [f.country(dest.country)])}</p>
      )}
    </li>
  );
}

function ActionItem({ action, ctx, t, f }: { action: DisclosedAction; ctx: PopupContext; t: Translate; f: Formatters }) {
  const old = action.date < `${Number(ctx.today.slice(0, 4)) - ctx.recentYears}${ctx.today.slice(4)}`;
  const converted = action.amount !== undefined && action.currency ? convert(action.amount, action.currency, ctx.currency, ctx.rates) : undefined;
  return (
    <li class={old ? 'action old' : 'action'}>
      <div class="row">
        <time dateTime={action.date}>{action.dateIsAnnouncement ? t('dateAnnounced', [f.date(action.date)]) : f.date(action.date)}</time>
        {old ? <span class="tag">{counted(t, f, 'oldDecision', ctx.recentYears)}</span> : null}
      </div>
      <div class="authority">
        {action.authorityInfo?.name ?? action.authority}
        {action.authorityInfo ? `, ${f.country(action.authorityInfo.country === 'EU' ? 'EU' : action.authorityInfo.country)}` : ''}
      </div>
      <div class="tags">
        <span class="tag">{t(key('type', action.type))}</span>
        {action.amount !== undefined && action.currency ? <span class="tag amount">{f.amount(action.amount, action.currency)}</span> : null}
        <span class={`tag status-${action.status.value}`}>{t(key('status', action.status.value))}</span>
        {action.transfer ? <span class="tag">{t('transferFinding', [f.list(action.transfer.destinations.map(f.country))])}</span> : null}
      </div>
      {converted ? (
        <p class="muted">{t('converted', [f.amount(converted.amount, converted.currency), f.date(converted.date), converted.source.publisher])}</p>
      ) : null}
      <p>{action.summary}</p>
      {action.transfer ? <p class="finding">{action.transfer.finding}</p> : null}
      {action.status.note ? <p class="muted">{action.status.note}</p> : null}
      <StatusChecked status={action.status} t={t} f={f} />
      {action.legalBasis.length > 0 ? <p class="muted">{t('legalBasis', [action.legalBasis.join('; ')])}</p> : null}
      <SourceQuote sources={action.sources} t={t} authority />
      <SourceLinks sources={action.sources} t={t} />
    </li>
  );
}

/** The regime's own rules for transfers abroad and the list it keeps, each with its sources. */
function RegimeRules({ ctx, t, f }: { ctx: PopupContext; t: Translate; f: Formatters }) {
  const regime = ctx.regime;
  if (regime === undefined || regime.frame === 'none') return null;
  return (
    <div class="regime">
      <h3>{t('regimeRules', [t(`regionName_${ctx.region}`)])}</h3>
      <ul>
        {regime.rules.map((rule) => (
          <li key={rule.provision}>
            <strong>{rule.provision}</strong>: {rule.summary}
            <SourceLinks sources={rule.sources} t={t} />
          </li>
        ))}
        {regime.list ? (
          <li>
            <strong>{regime.list.name}</strong>: {t(regime.list.complete ? 'regimeListChecked' : 'regimeListPartial', [f.date(regime.list.checked)])}
            <SourceLinks sources={regime.list.sources} t={t} />
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function WhatYouCanDo({ d, ctx, framing, t, actions }: { d: Disclosure; ctx: PopupContext; framing: Framing; t: Translate; actions: PopupActions }) {
  const request = actions.accessRequest(d);
  const rightsSources = ctx.regime?.rights.flatMap((r) => r.sources) ?? [];
  return (
    <div class="todo">
      {/* The lead authority is the GDPR's one-stop shop: it means something to users in the EU/EEA only. */}
      {d.leadAuthority && ctx.region === 'eu' ? <p>{t('leadAuthorityExplained', [d.leadAuthority.name])}</p> : null}
      {ctx.nationalAuthority ? (
        <p>
          {t('yourAuthority')}{' '}
          <a href={ctx.nationalAuthority.url} target="_blank" rel="noopener noreferrer">
            {ctx.nationalAuthority.name}
          </a>
        </p>
      ) : null}
      <p>{framing.rights}</p>
      {rightsSources.length > 0 ? <SourceLinks sources={rightsSources} t={t} /> : null}
      {d.privacyContact ? <PrivacyContact contact={d.privacyContact} t={t} /> : null}
      <div class="buttons">
        <button type="button" onClick={() => void actions.copy(request.text)}>
          {t('copyAccessRequest')}
        </button>
        {request.mailto ? (
          <a class="button" href={request.mailto}>
            {t('emailAccessRequest')}
          </a>
        ) : null}
        {/* Where the operator takes requests only through a form, the way there: the copied text goes into it. */}
        {d.privacyContact?.url && !d.privacyContact.email ? (
          <a class="button" href={d.privacyContact.url} target="_blank" rel="noopener noreferrer">
            {t('openRequestForm')}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        ) : null}
      </div>
      {d.privacyContact ? null : <p class="muted">{t('noPrivacyContact')}</p>}
    </div>
  );
}

/** A form's address as a person reads it: host and path, no scheme or query (the link keeps the whole URL). */
const shortUrl = (url: string) => {
  const { host, pathname } = new URL(url);
  return pathname === '/' ? host : `${host}${pathname}`;
};

/** Where the operator says to send data-protection requests, in its own words, so the address can be checked. */
function PrivacyContact({ contact, t }: { contact: NonNullable<Disclosure['privacyContact']>; t: Translate }) {
  return (
    <div class="contact">
      <p>
        {t('privacyContact')}:{' '}
        {contact.email ? <a href={`mailto:${contact.email}`}>{contact.email}</a> : null}
        {contact.email && contact.url ? ', ' : null}
        {contact.url ? (
          <a href={contact.url} target="_blank" rel="noopener noreferrer">
            {shortUrl(contact.url)}
            <span class="visually-hidden"> {t('opensInNewTab')}</span>
          </a>
        ) : null}
      </p>
      <SourceQuote sources={contact.sources} t={t} />
      <SourceLinks sources={contact.sources} t={t} />
    </div>
  );
}

function correctionUrl(ctx: PopupContext, d: Disclosure, t: Translate): string {
  const url = new URL(ctx.issueUrl);
  url.searchParams.set('title', t('correctionTitle', [d.platform.name]));
  url.searchParams.set('body', t('correctionBody', [d.platform.id, ctx.datasetVersion]));
  return url.toString();
}

function PlatformView({ d, ctx, tp, t, f, actions, later }: { d: Disclosure; ctx: PopupContext; tp: ThirdParties; t: Translate; f: Formatters; actions: PopupProps['actions']; later: boolean }) {
  const framing = frame(d, ctx.region, t, f);
  return (
    <>
      <header>
        <h1>{d.platform.name}</h1>
        {d.retired ? (
          <div class="retired" role="note">
            <p>
              <strong>{t('retiredOn', [f.date(d.retired.date)])}</strong> {d.retired.summary} {t('retiredFacts')}
            </p>
            <SourceLinks sources={d.retired.sources} t={t} />
          </div>
        ) : null}
        <p class="headline">{framing.headline}</p>
        <ServerLine text={tp.pageServerCountry ? t('pageServerLocation', [f.country(tp.pageServerCountry)]) : tp.pageServerUnlocated ? t('pageServerLocationUnknown') : undefined} keep={tp.pageServerLine} page />
        <FlowDiagram d={d} ctx={ctx} framing={framing} t={t} f={f} />
        <Counts d={d} ctx={ctx} t={t} f={f} />
      </header>
      {tp.platforms.length > 0 ? <ThirdPartiesSection tp={tp} ctx={ctx} t={t} f={f} /> : null}
      {ctx.homeLaws.length > 0 ? (
        <Section id="home" title={t('yourRegionLaws')} later={later}>
          <ul>
            {ctx.homeLaws.map((law) => (
              <li key={law.id}>
                <strong>{law.name}</strong>: {law.summary}
                <SourceLinks sources={law.sources} t={t} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="responsible" title={t('whoIsResponsible')} later={later}>
        <Responsible d={d} t={t} f={f} />
      </Section>
      <Section
        id="destinations"
        later={later}
        title={d.destinations.length > 0 ? t('whereDataGoesCount', [f.number(d.destinations.length)]) : t('whereDataGoes')}
        {...(d.destinations.length === 0 && d.transferMechanisms.length === 0 && d.earlier.length === 0 && !d.flowStatement && { empty: t('whereDataGoesNone') })}
      >
        <FlowStatement d={d} t={t} />
        {framing.destinations.length > 0 ? (
          <ul class="list">
            {framing.destinations.map((item) => (
              <DestinationItem key={item.destination.country} item={item} t={t} f={f} />
            ))}
          </ul>
        ) : null}
        <Earlier d={d} t={t} f={f} />
        <RegimeRules ctx={ctx} t={t} f={f} />
        {d.transferMechanisms.length > 0 ? (
          <>
            <h3>{t('transferMechanisms')}</h3>
            <ul class="mechanisms">
              {d.transferMechanisms.map((m, i) => (
                <li key={i}>
                  <strong>{t(key('mechanism', m.mechanism))}</strong>
                  {m.destinations ? ` (${f.list(m.destinations.map(f.country))})` : ''}
                  {m.detail ? `: ${m.detail}` : ''}
                  <SourceLinks sources={m.sources} t={t} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>
      <Section
        id="actions"
        later={later}
        title={d.actions.length > 0 ? t('regulatoryActionsCount', [f.number(d.actions.length)]) : t('regulatoryActions')}
        {...(d.actions.length === 0 && { empty: t('regulatoryActionsNone') })}
      >
        <Counts d={d} ctx={ctx} t={t} f={f} />
        <ol class="list timeline">
          {d.actions.map((action) => (
            <ActionItem key={action.id} action={action} ctx={ctx} t={t} f={f} />
          ))}
        </ol>
      </Section>
      {d.positions.length > 0 ? (
        <Section id="positions" title={t('statedPosition')} later={later}>
          {d.positions.map((position, i) => (
            <div key={i} class="position">
              <p>
                {position.by === 'government' ? <strong>{t('governmentSays')} </strong> : null}
                {position.date ? <time dateTime={position.date}>{f.date(position.date)}: </time> : null}
                {position.summary}
              </p>
              <SourceLinks sources={position.sources} t={t} />
            </div>
          ))}
        </Section>
      ) : null}
      <Section id="todo" title={t('whatYouCanDo')} later={later}>
        <WhatYouCanDo d={d} ctx={ctx} framing={framing} t={t} actions={actions} />
      </Section>
      <footer>
        <div class="buttons">
          <button type="button" onClick={() => void actions.copy(actions.summaryMarkdown(d))}>
            {t('copySummary')}
          </button>
          <a class="button" href={correctionUrl(ctx, d, t)} target="_blank" rel="noopener noreferrer">
            {t('reportCorrection')}
          </a>
          <button type="button" class="link" onClick={actions.openOptions}>
            {t('settings')}
          </button>
        </div>
        <p>{t('reviewedOn', [f.date(d.reviewed), ctx.datasetVersion])}</p>
        <p>{t('factsNotGrade')}</p>
      </footer>
    </>
  );
}

function Footer({ ctx, t, f, actions }: { ctx: PopupContext; t: Translate; f: Formatters; actions: PopupActions }) {
  return (
    <footer>
      <p>{t('datasetReviewed', [ctx.datasetVersion, f.date(ctx.reviewed.oldest), f.date(ctx.reviewed.newest)])}</p>
      <button type="button" class="link" onClick={actions.openOptions}>
        {t('settings')}
      </button>
    </footer>
  );
}

export function Popup({ state, context, thirdParties, t, f, actions, foldedLater = false }: PopupProps) {
  if (state.kind === 'platform') return <PlatformView d={state.disclosure} ctx={context} tp={thirdParties} t={t} f={f} actions={actions} later={foldedLater} />;
  if (state.kind === 'switched-off') {
    return (
      <>
        <header>
          <h1>{state.platformName ?? state.host}</h1>
        </header>
        <p>{t('switchedOff')}</p>
        <button type="button" onClick={actions.enable}>
          {t('switchOn')}
        </button>
        <Footer ctx={context} t={t} f={f} actions={actions} />
      </>
    );
  }
  return (
    <>
      <header>
        <h1>{state.kind === 'unknown' ? (state.host ?? t('thisSite')) : t('notAWebsite')}</h1>
      </header>
      <p>{state.kind === 'unknown' ? t('unknownSite') : t('notAWebsiteText')}</p>
      {state.kind === 'unknown' ? <p>{t('absenceNotClean')}</p> : null}
      {state.kind === 'unknown' ? <ThirdPartiesStatus tp={thirdParties} ctx={context} t={t} f={f} actions={actions} /> : null}
      <Footer ctx={context} t={t} f={f} actions={actions} />
    </>
  );
}
