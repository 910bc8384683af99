/** The popup's view. It takes everything as props (state, text, formatters), so tests and screenshots render it from fixtures. */
import type { DisclosedAction, Destination, Disclosure } from '../core/disclosure/build-disclosure.ts';
import type { Source } from '../core/dataset/schema.ts';
import type { Formatters } from './format.ts';
import type { PopupState } from './popup-state.ts';

export type Translate = (key: string, substitutions?: string[]) => string;
export type PopupProps = { state: PopupState; t: Translate; f: Formatters };

function SourceLinks({ sources, t }: { sources: Source[]; t: Translate }) {
  return (
    <ul class="sources" aria-label={t('sources')}>
      {sources.map((source) => (
        <li key={source.url}>
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            {source.publisher}
          </a>
          {source.primary ? <span class="primary">{t('primarySource')}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function Responsible({ d, t, f }: { d: Disclosure; t: Translate; f: Formatters }) {
  return (
    <section aria-labelledby="responsible">
      <h2 id="responsible">{t('whoIsResponsible')}</h2>
      <dl>
        {d.operator ? (
          <>
            <dt>{t('operator')}</dt>
            <dd>
              {d.operator.name}, {f.country(d.operator.country)}
            </dd>
          </>
        ) : null}
        {d.parent ? (
          <>
            <dt>{t('parent')}</dt>
            <dd>
              {d.parent.name}, {f.country(d.parent.headquarters ?? d.parent.country)}
              {d.parent.headquarters && d.parent.headquarters !== d.parent.country
                ? ` (${t('incorporatedIn', [f.country(d.parent.country)])})`
                : ''}
            </dd>
          </>
        ) : null}
        {d.leadAuthority ? (
          <>
            <dt>{t('leadAuthority')}</dt>
            <dd>{d.leadAuthority.name}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function DestinationItem({ dest, t, f }: { dest: Destination; t: Translate; f: Formatters }) {
  const adequacy = dest.adequacy?.status ?? 'none';
  return (
    <li class="destination">
      <div class="destination-head">
        <span class="country">{f.country(dest.country)}</span>
        <span class={`adequacy adequacy-${adequacy}`}>{t(`adequacy_${adequacy.replace('-', '_')}`)}</span>
      </div>
      <ul class="roles">
        {dest.roles.map((role, i) => (
          <li key={i}>
            <strong>{t(`role_${role.role.replace('-', '_')}`)}</strong>
            {role.programme ? ` (${role.programme})` : ''}
            {role.detail ? <span class="detail"> {role.detail}</span> : null}
            <SourceLinks sources={role.sources} t={t} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function ActionItem({ action, t, f }: { action: DisclosedAction; t: Translate; f: Formatters }) {
  return (
    <li class="action">
      <div class="action-head">
        <time dateTime={action.date}>{f.date(action.date)}</time>
        <span class="authority">{action.authorityInfo?.name ?? action.authority}</span>
      </div>
      <div class="action-facts">
        <span class="type">{t(`type_${action.type.replace('-', '_')}`)}</span>
        {action.amount !== undefined && action.currency ? <span class="amount">{f.amount(action.amount, action.currency)}</span> : null}
        <span class={`status status-${action.status.value}`}>{t(`status_${action.status.value.replace('-', '_')}`)}</span>
      </div>
      <p class="summary">{action.summary}</p>
      {action.status.note ? <p class="status-note">{action.status.note}</p> : null}
      <SourceLinks sources={action.sources} t={t} />
    </li>
  );
}

function PlatformView({ d, t, f }: { d: Disclosure; t: Translate; f: Formatters }) {
  return (
    <>
      <header>
        <h1>{d.platform.name}</h1>
        <p class="headline">{t('dataMayGoTo', [d.destinations.map((x) => f.country(x.country)).join(', ')])}</p>
      </header>
      <Responsible d={d} t={t} f={f} />
      <section aria-labelledby="destinations">
        <h2 id="destinations">{t('whereDataGoes')}</h2>
        <ul class="destinations">
          {d.destinations.map((dest) => (
            <DestinationItem key={dest.country} dest={dest} t={t} f={f} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="actions">
        <h2 id="actions">{t('regulatoryActions')}</h2>
        <ul class="actions">
          {d.actions.map((action) => (
            <ActionItem key={action.id} action={action} t={t} f={f} />
          ))}
        </ul>
      </section>
      {d.positions.length > 0 ? (
        <section aria-labelledby="positions">
          <h2 id="positions">{t('statedPosition')}</h2>
          {d.positions.map((position, i) => (
            <div key={i} class="position">
              <p>{position.summary}</p>
              <SourceLinks sources={position.sources} t={t} />
            </div>
          ))}
        </section>
      ) : null}
      <footer>{t('reviewedOn', [f.date(d.reviewed), d.datasetVersion])}</footer>
    </>
  );
}

export function Popup({ state, t, f }: PopupProps) {
  if (state.kind === 'platform') return <PlatformView d={state.disclosure} t={t} f={f} />;
  return (
    <>
      <header>
        <h1>{state.kind === 'unknown' ? (state.host ?? t('thisSite')) : t('notAWebsite')}</h1>
      </header>
      <p class="plain">{state.kind === 'unknown' ? t('unknownSite') : t('notAWebsiteText')}</p>
      {state.kind === 'unknown' ? <p class="plain">{t('absenceNotClean')}</p> : null}
      <footer>{t('datasetVersion', [state.datasetVersion])}</footer>
    </>
  );
}
