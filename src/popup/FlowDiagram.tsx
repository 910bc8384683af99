/**
 * A small diagram of where data goes: the user's region on the left, each destination on the right with what
 * happens there, and the parent company's seat. Inline SVG from the dataset: no map tiles, no network.
 * Each line style and dot colour drawn is explained in the legend, whose swatches are drawn with the same classes
 * as the diagram, so the two cannot drift apart; the dots' words are the regime's own verdicts (framing.ts).
 */
import type { Destination, Disclosure } from '../core/disclosure/build-disclosure.ts';
import type { Framing, VerdictStatus } from '../core/disclosure/framing.ts';
import type { Formatters } from '../core/format.ts';
import type { PopupContext } from './popup-state.ts';

type Props = { d: Disclosure; ctx: PopupContext; framing: Framing; t: (key: string, subs?: string[]) => string; f: Formatters };

const ROW = 34;
const WIDTH = 368;
/** Destinations drawn; the rest are named under the legend, so the diagram never silently shows fewer than the headline. */
const DRAWN = 8;

/** The line: remote access is what matters where a country both holds and reaches data, as in the headline. */
export type EdgeKind = 'data' | 'remote' | 'seat';
/** The dot: red where the regime objects, amber where partial, not known or under rules, green where it does not, grey unframed. */
export type DotKind = 'clear' | 'partial' | 'flagged' | 'unframed' | 'seat';

export function edgeKind(dest: Destination, seat: boolean): EdgeKind {
  if (seat) return 'seat';
  return dest.roles.some((r) => r.role === 'remote-access') ? 'remote' : 'data';
}

const DOT: Record<VerdictStatus, DotKind> = {
  home: 'clear',
  adequate: 'clear',
  unlisted: 'clear',
  partial: 'partial',
  unknown: 'partial',
  abroad: 'partial',
  none: 'flagged',
  concern: 'flagged',
  unframed: 'unframed',
};

/** What happens in a country, each kind once (a country can store data under two programmes: "stored", not "stored + stored"). */
const kinds = (dest: Destination) => [...new Set(dest.roles.map((r) => r.role))];

const EDGE_ORDER: EdgeKind[] = ['data', 'remote', 'seat'];
const DOT_ORDER: DotKind[] = ['clear', 'partial', 'flagged', 'unframed'];

export function FlowDiagram({ d, ctx, framing, t, f }: Props) {
  const parentSeat = d.seats.find((s) => s.roles.some((r) => r.role === 'parent-seat'));
  const notDrawn = d.destinations.slice(DRAWN).map((dest) => f.country(dest.country));
  const rows = [...d.destinations.slice(0, DRAWN).map((dest) => ({ dest, seat: false })), ...(parentSeat ? [{ dest: parentSeat, seat: true }] : [])].map((row) => {
    const verdict = framing.destinations.find((x) => x.destination === row.dest);
    return { ...row, edge: edgeKind(row.dest, row.seat), dot: row.seat ? ('seat' as const) : DOT[verdict?.verdict.status ?? 'unframed'], verdictLabel: verdict?.label ?? '' };
  });
  if (rows.length === 0) return null;
  const height = Math.max(rows.length * ROW + 8, 60);
  const youY = height / 2;
  const label = rows
    .map(({ dest, seat }) =>
      seat
        ? t('diagramParentSeat', [f.country(dest.country)])
        : `${f.country(dest.country)}: ${kinds(dest).map((role) => t(`role_${role.replace('-', '_')}`)).join(', ')}`,
    )
    .join('; ');
  const edges = EDGE_ORDER.filter((kind) => rows.some((r) => r.edge === kind));
  // The seat's grey dot goes with the seat's grey line: one legend entry for both.
  const dots = DOT_ORDER.filter((kind) => rows.some((r) => r.dot === kind));
  const dotLabel = (kind: DotKind) => {
    if (kind === 'flagged' && framing.legend) return framing.legend;
    if (kind === 'unframed') return t('legendUnframed');
    // The regime's own words for the verdicts shown in this colour ("In the EU/EEA, EU adequacy decision").
    return [...new Set(rows.filter((r) => r.dot === kind && r.verdictLabel).map((r) => r.verdictLabel))].join('; ');
  };
  return (
    <figure class="diagram">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-label={`${t('diagramLabel', [t(`region_${ctx.region}`)])} ${label}`}>
        <rect x="2" y={youY - 16} width="96" height="32" rx="8" class="you" />
        <text x="50" y={youY + 4} text-anchor="middle" class="you-text">
          {t(`regionShort_${ctx.region}`)}
        </text>
        {rows.map(({ dest, seat, edge, dot }, i) => {
          const y = 4 + i * ROW + ROW / 2;
          const roles = seat ? t('roleShort_parent_seat') : kinds(dest).map((role) => t(`roleShort_${role.replace('-', '_')}`)).join(' + ');
          return (
            <g key={`${dest.country}-${seat}`}>
              <path d={`M98 ${youY} C 140 ${youY}, 140 ${y}, 180 ${y}`} class={`edge edge-${edge}`} data-edge={edge} />
              <circle cx="186" cy={y} r="5" class={`dot dot-${dot}`} data-dot={dot} />
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
      <figcaption>
        <ul class="legend">
          {edges.map((kind) => (
            <li key={`edge-${kind}`} data-edge={kind}>
              <svg class="swatch" viewBox="0 0 22 10" width="22" height="10" aria-hidden="true">
                <line x1="1" y1="5" x2="21" y2="5" class={`edge edge-${kind}`} />
                {kind === 'seat' ? <circle cx="18" cy="5" r="4" class="dot dot-seat" /> : null}
              </svg>
              {t(kind === 'data' ? 'legendData' : kind === 'remote' ? 'legendRemote' : 'legendSeat')}
            </li>
          ))}
          {dots.map((kind) => (
            <li key={`dot-${kind}`} data-dot={kind}>
              <svg class="swatch" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                <circle cx="6" cy="6" r="5" class={`dot dot-${kind}`} />
              </svg>
              {dotLabel(kind)}
            </li>
          ))}
        </ul>
        {notDrawn.length > 0 ? <p class="not-drawn">{t('diagramNotDrawn', [f.list(notDrawn)])}</p> : null}
      </figcaption>
    </figure>
  );
}
