/**
 * Every message between the extension's contexts, declared once. Each request and reply has a schema (zod/mini,
 * small enough for the content script); senders build them with the helpers below and receivers parse them,
 * so nothing unchecked crosses a context boundary.
 *
 * Trust: a content script runs inside a page the page's owner controls, so the background answers it only
 * about the sender's own tab (from `sender.tab`, which the browser fills in and a page cannot forge), never about
 * a URL named in the message. See `src/background/handle-message.ts`.
 */
import * as z from 'zod/mini';

import type { RelayedSlice as Relayed } from '../dataset/split.ts';

import { MAX_LINK_HOSTS } from './content-guards.ts';

export { cardHeadlineRequest, dismissOnSiteRequest, linkHostsRequest, MAX_LINK_HOSTS, pageSummaryRequest } from './content-guards.ts';

const MAX_TEXT = 200;
const shortText = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT));
const countryCode = z.string().check(z.regex(/^[A-Z]{2}$/));

export const BadgeSummary = z.object({
  platformId: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  name: shortText,
  countries: z.array(countryCode).check(z.maxLength(60)),
  /** destinations the user's regime flags (no adequacy, a country of concern): the red mark and toolbar colour */
  withoutAdequacy: z.array(countryCode).check(z.maxLength(60)),
  actions: z.number().check(z.int(), z.gte(0)),
  /** what the user's regime makes of these destinations, the sentence the toolbar tooltip adds (framing.ts) */
  regimeNote: z.optional(z.string().check(z.maxLength(1000))),
});
export type BadgeSummary = z.infer<typeof BadgeSummary>;

/**
 * Requests a content script may send: what to show on this page (only when the data registered with it is
 * missing or malformed), the headline for the card the user opened, and hiding the badge on this platform host.
 */
export const ContentRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page-summary') }),
  z.strictObject({ type: z.literal('card-headline') }),
  z.strictObject({ type: z.literal('dismiss-on-site') }),
  z.strictObject({
    type: z.literal('link-hosts'),
    hosts: z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(MAX_LINK_HOSTS)),
  }),
]);
export type ContentRequest = z.infer<typeof ContentRequest>;

export const PageSummaryReply = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    summary: z.nullable(BadgeSummary),
    showBadge: z.boolean(),
    corner: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']),
  }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['bad-request', 'bad-sender', 'internal']) }),
]);
export type PageSummaryReply = z.infer<typeof PageSummaryReply>;

/** The popup's headline for the platform of the sender's page, in the user's legal frame and language. */
export const CardHeadlineReply = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), headline: z.string().check(z.minLength(1), z.maxLength(2000)) }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['bad-request', 'bad-sender', 'internal']) }),
]);
export type CardHeadlineReply = z.infer<typeof CardHeadlineReply>;
export function parseCardHeadlineReply(message: unknown): CardHeadlineReply | undefined {
  const result = z.safeParse(CardHeadlineReply, message);
  return result.success ? result.data : undefined;
}

const tabId = z.number().check(z.int(), z.gte(0));
/**
 * Requests only the extension's own pages (popup, options) may send: the background checks the sender's URL.
 * - `tab-activity`: what the popup draws first, all of it from what the background holds in memory: the platform of
 *   the tab's URL (the popup reads the URL; the background matches it, so the popup parses no host index), that
 *   platform's slice, and the platforms the page sent data to. Server countries come with it only when the IP table
 *   is already decoded; otherwise `located` is false and the popup asks `server-countries` after its first paint.
 * - `server-countries`: the countries of the servers the tab's page and its third parties answered from (this is
 *   the question that may read and decode the IP table).
 */
export const PageRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-activity'), tabId, url: z.optional(z.string().check(z.maxLength(8192))) }),
  z.strictObject({ type: z.literal('server-countries'), tabId }),
]);
export type PageRequest = z.infer<typeof PageRequest>;

/** What a page's URL is, as the shared host look-up sees it: a platform, another site, or no website at all. */
export const PageMatch = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('platform'), host: z.string(), platformId: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)), name: shortText }),
  z.strictObject({ kind: z.literal('unknown'), host: z.string() }),
  /** no host to name: not a web page (`notWeb`: about:, file:, the browser's own pages), or a local or invalid name */
  z.strictObject({ kind: z.literal('not-applicable'), notWeb: z.boolean() }),
]);
export type PageMatch = z.infer<typeof PageMatch>;

/**
 * A platform's slice as the build wrote it (validated at build time, src/core/dataset/split.ts), which the background
 * relays from its memory without its regimes (`relayedSlice`). Only its outline is checked here: the popup receives
 * it from its own background, never from a page, and a full schema of the dataset would cost the popup more to load
 * than the slice itself.
 */
const RelayedSlice = z.custom<Relayed>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { version?: unknown }).version === 'string' && typeof (value as { platform?: { id?: unknown } }).platform?.id === 'string',
);

const Contacted = z.object({
  platformId: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  hosts: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(50)),
  requests: z.number().check(z.int(), z.gte(0)),
  ips: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(10)),
  /** countries of the servers that answered, from their IP addresses (empty while `located` is false) */
  serverCountries: z.array(countryCode).check(z.maxLength(10)),
});
export const TabActivityReply = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    /** false when the user has not granted access to all sites, so third parties cannot be seen */
    observing: z.boolean(),
    /** the platform of the URL the popup sent (absent when it sent none) */
    page: z.optional(PageMatch),
    /** that platform's slice, when the page is a platform's and the extension is on */
    slice: z.optional(RelayedSlice),
    activity: z.nullable(
      z.object({
        pageHost: z.string(),
        pageIp: z.optional(z.string()),
        pageServerCountry: z.optional(countryCode),
        platforms: z.array(Contacted),
        /** false: the servers' countries are not in this reply yet (ask `server-countries`) */
        located: z.boolean(),
      }),
    ),
  }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['bad-request', 'bad-sender', 'internal']) }),
]);
export type TabActivityReply = z.infer<typeof TabActivityReply>;

export const ServerCountriesReply = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    pageServerCountry: z.optional(countryCode),
    platforms: z.array(z.object({ platformId: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)), serverCountries: z.array(countryCode).check(z.maxLength(10)) })),
  }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['bad-request', 'bad-sender', 'internal']) }),
]);
export type ServerCountriesReply = z.infer<typeof ServerCountriesReply>;
export function parseServerCountriesReply(message: unknown): ServerCountriesReply | undefined {
  const result = z.safeParse(ServerCountriesReply, message);
  return result.success ? result.data : undefined;
}

export function parsePageRequest(message: unknown): ParseResult<PageRequest> {
  const result = z.safeParse(PageRequest, message);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: 'bad-request' };
}
export function parseTabActivityReply(message: unknown): TabActivityReply | undefined {
  const result = z.safeParse(TabActivityReply, message);
  return result.success ? result.data : undefined;
}
export const tabActivityRequest = (tabId: number, url?: string): PageRequest => ({ type: 'tab-activity', tabId, ...(url !== undefined && { url }) });
export const serverCountriesRequest = (tabId: number): PageRequest => ({ type: 'server-countries', tabId });

export const LinkMatch = z.object({ host: z.string(), platformId: z.string(), name: shortText, countries: z.array(countryCode), headline: z.string().check(z.maxLength(2000)) });
export type LinkMatch = z.infer<typeof LinkMatch>;
export const LinkHostsReply = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), matches: z.array(LinkMatch).check(z.maxLength(MAX_LINK_HOSTS)) }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['bad-request', 'bad-sender', 'internal']) }),
]);
export type LinkHostsReply = z.infer<typeof LinkHostsReply>;
export function parseLinkHostsReply(message: unknown): LinkHostsReply | undefined {
  const result = z.safeParse(LinkHostsReply, message);
  return result.success ? result.data : undefined;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: 'bad-request' };

/** Never throws, whatever arrives. */
export function parseContentRequest(message: unknown): ParseResult<ContentRequest> {
  const result = z.safeParse(ContentRequest, message);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: 'bad-request' };
}

export function parsePageSummaryReply(message: unknown): PageSummaryReply | undefined {
  const result = z.safeParse(PageSummaryReply, message);
  return result.success ? result.data : undefined;
}


