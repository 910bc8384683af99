/**
 * The content scripts' own global object (`CONTENT_GLOBAL`), which the page cannot see: the registered data files
 * fill it, and the badge's two scripts keep their state in it and hand over the extension API through it.
 */
import type { BadgeApi } from '../browser/page-api-on-demand.ts';
import { CONTENT_GLOBAL } from '../core/content-data.ts';

export type SharedState = { started?: boolean; api?: BadgeApi };

export const sharedState = (): SharedState => ((globalThis as Record<string, unknown>)[CONTENT_GLOBAL] ??= {}) as SharedState;
