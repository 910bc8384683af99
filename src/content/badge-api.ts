/**
 * The in-page badge's way to the extension API, as a file of its own that the badge's registration runs after the
 * badge's script (see `badgeRegistrations`): the badge is drawn before this code is even compiled (issue #12 goal 1;
 * compiling it with the badge's script cost about 0.5 ms before the badge, docs/PERFORMANCE.md). It hands the badge
 * its two functions through the content scripts' own global, which the page cannot see; webextension-polyfill
 * itself is still evaluated only on first use (page-api-on-demand.ts).
 */
import { browserTexts, sendToBackground } from '../browser/page-api-on-demand.ts';
import { sharedState } from './shared-state.ts';

sharedState().api = { sendToBackground, browserTexts };
