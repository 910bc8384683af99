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

import { MAX_LINK_HOSTS } from './content-guards.ts';

export { dismissOnSiteRequest, linkHostsRequest, MAX_LINK_HOSTS, pageSummaryRequest } from './content-guards.ts';

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
  /** the popup's headline sentence, for the in-page card */
  headline: z.string().check(z.maxLength(2000)),
  /** what the user's regime makes of these destinations, the sentence the toolbar tooltip adds (framing.ts) */
  regimeNote: z.optional(z.string().check(z.maxLength(1000))),
});
export type BadgeSummary = z.infer<typeof BadgeSummary>;

/** Requests a content script may send: what to show on this page, and hiding the badge on this site. */
export const ContentRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page-summary') }),
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

/** Requests only the extension's own pages (popup, options) may send: the background checks the sender's URL. */
export const PageRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('tab-activity'), tabId: z.number().check(z.int(), z.gte(0)) }),
]);
export type PageRequest = z.infer<typeof PageRequest>;

const Contacted = z.object({
  platformId: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  hosts: z.array(z.string().check(z.maxLength(253))).check(z.maxLength(50)),
  requests: z.number().check(z.int(), z.gte(0)),
  ips: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(10)),
  /** countries of the servers that answered, from their IP addresses */
  serverCountries: z.array(countryCode).check(z.maxLength(10)),
});
export const TabActivityReply = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    /** false when the user has not granted access to all sites, so third parties cannot be seen */
    observing: z.boolean(),
    activity: z.nullable(
      z.object({ pageHost: z.string(), pageIp: z.optional(z.string()), pageServerCountry: z.optional(countryCode), platforms: z.array(Contacted) }),
    ),
  }),
  z.strictObject({ ok: z.literal(false), error: z.enum(['bad-request', 'bad-sender', 'internal']) }),
]);
export type TabActivityReply = z.infer<typeof TabActivityReply>;

export function parsePageRequest(message: unknown): ParseResult<PageRequest> {
  const result = z.safeParse(PageRequest, message);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: 'bad-request' };
}
export function parseTabActivityReply(message: unknown): TabActivityReply | undefined {
  const result = z.safeParse(TabActivityReply, message);
  return result.success ? result.data : undefined;
}
export const tabActivityRequest = (tabId: number): PageRequest => ({ type: 'tab-activity', tabId });

/** What the background may tell a content script: the tab's URL changed (a single-page app navigated). */
export const BackgroundNotice = z.strictObject({ type: z.literal('tab-updated') });
export type BackgroundNotice = z.infer<typeof BackgroundNotice>;
export const tabUpdatedNotice = (): BackgroundNotice => ({ type: 'tab-updated' });
export function parseBackgroundNotice(message: unknown): BackgroundNotice | undefined {
  const result = z.safeParse(BackgroundNotice, message);
  return result.success ? result.data : undefined;
}

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


