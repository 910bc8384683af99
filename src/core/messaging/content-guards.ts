/**
 * Receipt checks for the two messages a content script receives, without zod: the content script runs in every
 * platform page and must stay under 10 KB gzipped, and zod's runtime alone would triple it. The zod schemas in
 * protocol.ts stay the one definition: `test/unit/core/messaging/content-guards.test.ts` checks that these guards
 * accept exactly what the schemas accept, on generated values.
 */
import type { BackgroundNotice, ContentRequest, LinkHostsReply, PageSummaryReply } from './protocol.ts';

/** Hosts a link-marking content script may ask about in one message. */
export const MAX_LINK_HOSTS = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnly = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).every((k) => keys.includes(k));
const isString = (v: unknown, max: number, min = 0): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isCountryList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= 60 && v.every((c) => typeof c === 'string' && /^[A-Z]{2}$/.test(c));
const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'];
const ERRORS = ['bad-request', 'bad-sender', 'internal'];

function isBadgeSummary(v: unknown): boolean {
  return (
    isObject(v) &&
    isString(v.platformId, 60, 1) &&
    /^[a-z0-9-]{1,60}$/.test(v.platformId) &&
    isString(v.name, 200, 1) &&
    isCountryList(v.countries) &&
    isCountryList(v.withoutAdequacy) &&
    typeof v.actions === 'number' &&
    Number.isInteger(v.actions) &&
    v.actions >= 0 &&
    isString(v.headline, 2000) &&
    (v.regimeNote === undefined || isString(v.regimeNote, 1000))
  );
}

export function isPageSummaryReply(v: unknown): v is PageSummaryReply {
  if (!isObject(v)) return false;
  if (v.ok === false) return hasOnly(v, ['ok', 'error']) && typeof v.error === 'string' && ERRORS.includes(v.error);
  return (
    v.ok === true &&
    hasOnly(v, ['ok', 'summary', 'showBadge', 'corner']) &&
    (v.summary === null || isBadgeSummary(v.summary)) &&
    typeof v.showBadge === 'boolean' &&
    typeof v.corner === 'string' &&
    CORNERS.includes(v.corner)
  );
}

export function isBackgroundNotice(v: unknown): v is BackgroundNotice {
  return isObject(v) && hasOnly(v, ['type']) && v.type === 'tab-updated';
}

function isLinkMatch(v: unknown): boolean {
  return isObject(v) && typeof v.host === 'string' && typeof v.platformId === 'string' && isString(v.name, 200, 1) && isCountryList(v.countries) && isString(v.headline, 2000);
}

export function isLinkHostsReply(v: unknown): v is LinkHostsReply {
  if (!isObject(v)) return false;
  if (v.ok === false) return hasOnly(v, ['ok', 'error']) && typeof v.error === 'string' && ERRORS.includes(v.error);
  return v.ok === true && hasOnly(v, ['ok', 'matches']) && Array.isArray(v.matches) && v.matches.length <= MAX_LINK_HOSTS && v.matches.every(isLinkMatch);
}

export const pageSummaryRequest = (): ContentRequest => ({ type: 'page-summary' });
export const dismissOnSiteRequest = (): ContentRequest => ({ type: 'dismiss-on-site' });
export const linkHostsRequest = (hosts: string[]): ContentRequest => ({ type: 'link-hosts', hosts });
