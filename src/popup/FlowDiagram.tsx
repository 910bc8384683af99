/**
 * A small diagram of where data goes: the user's region on the left, each destination on the right with what
 * happens there, and the parent company's seat. Inline SVG from the dataset: no map tiles, no network.
 */
import type { Disclosure } from '../core/disclosure/build-disclosure.ts';
import type { Framing, VerdictStatus } from '../core/disclosure/framing.ts';
import type { Formatters } from '../core/format.ts';
import type { PopupContext } from './popup-state.ts';

type Props = { d: Disclosure; ctx: PopupContext; framing: Framing; t: (key: string, subs?: string[]) => string; f: Formatters };

/** The dot's colour: red where the regime objects, amber where partial or not known. */
const DOT: Partial<Record<VerdictStatus, string>> = { none: 'none', concern: 'none', partial: 'partial', unknown: 'unknown' };

const ROW = 34;
const WIDTH = 368;

export function FlowDiagram({ d, ctx, framing, t, f }: Props) {
  const parentSeat = d.seats.find((s) => s.roles.some((r) => r.role === 'parent-seat'));
  const rows = [...d.destinations.slice(0, 8).map((dest) => ({ dest, seat: false })), ...(parentSeat ? [{ dest: parentSeat, seat: true }] : [])];
  if (rows.length === 0) return null;
  const height = Math.max(rows.length * ROW + 8, 60);
  const youY = height / 2;
  const label = rows
    .map(({ dest, seat }) =>
      seat
        ? t('diagramParentSeat', [f.country(dest.country)])
        : `${f.country(dest.country)}: ${dest.roles.map((r) => t(`role_${r.role.replace('-', '_')}`)).join(', ')}`,
    )
    .join('; ');
  return (
    <figure class="diagram">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={`${t('diagramLabel', [t(`region_${ctx.region}`)])} ${label}`}>
        <rect x="2" y={youY - 16} width="96" height="32" rx="8" class="you" />
        <text x="50" y={youY + 4} text-anchor="middle" class="you-text">
          {t(`regionShort_${ctx.region}`)}
        </text>
        {rows.map(({ dest, seat }, i) => {
          const y = 4 + i * ROW + ROW / 2;
          const status = seat ? 'seat' : (DOT[framing.destinations.find((x) => x.destination === dest)?.verdict.status ?? 'unframed'] ?? 'clear');
          const remoteOnly = !seat && dest.roles.every((r) => r.role === 'remote-access');
          const roles = seat ? t('roleShort_parent_seat') : dest.roles.map((r) => t(`roleShort_${r.role.replace('-', '_')}`)).join(' + ');
          return (
            <g key={`${dest.country}-${seat}`}>
              <path d={`M98 ${youY} C 140 ${youY}, 140 ${y}, 180 ${y}`} class={`edge ${seat ? 'edge-seat' : remoteOnly ? 'edge-remote' : 'edge-data'}`} />
              <circle cx="186" cy={y} r="5" class={`dot dot-${status}`} />
              <text x="196" y={y - 2} class="dest-text">
                {f.country(dest.country)}
                <tspan class="dest-role" x="196" dy="12">
                  {roles}
                </tspan>
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="legend">
        <span class="key key-data">{t('legendData')}</span> <span class="key key-remote">{t('legendRemote')}</span>{' '}
        {framing.legend ? <span class="key key-none">{framing.legend}</span> : null}
      </figcaption>
    </figure>
  );
}
