/**
 * Styles of the in-page badge, inside its shadow root. `:host` rules are !important: for important declarations
 * the shadow tree wins over the page's own CSS, so `* { display: none !important }` on the page cannot hide it.
 * `all` leaves `direction` and `unicode-bidi` alone, so they are set too (the page's `dir="rtl"` stays outside).
 * Sizes follow the window: never wider than it, a pill without the country list at 480 px wide or 320 px high or less
 * (a small corner, not a band over the page's sticky footer), and an open card at most 40% of the window's height.
 */
export const BADGE_CSS = `
:host { all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  left: auto !important; top: auto !important; z-index: 2147483646 !important; display: block !important;
  visibility: visible !important; opacity: 1 !important; transform: none !important; filter: none !important;
  contain: layout style !important; width: auto !important; height: auto !important; margin: 0 !important;
  direction: ltr !important; unicode-bidi: isolate !important; zoom: 1 !important; }
:host([data-corner^="top"]) { top: 16px !important; bottom: auto !important; }
:host([data-corner$="left"]) { left: 16px !important; right: auto !important; }
.wrap { display: flex; flex-direction: column; align-items: flex-end; gap: 6px; max-width: min(460px, calc(100vw - 32px));
  font: 500 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1c1f; }
:host([data-corner$="left"]) .wrap { align-items: flex-start; }
:host([data-corner^="top"]) .wrap { flex-direction: column-reverse; }
.badge { display: flex; align-items: center; gap: 2px; box-sizing: border-box; max-width: 100%;
  padding: 2px 4px 2px 2px; border-radius: 999px; border: 1px solid #c4c7cf; background: #ffffff;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18); }
button { font: inherit; color: inherit; background: transparent; border: 0; margin: 0; cursor: pointer; }
.open { display: flex; align-items: center; gap: 8px; min-width: 0; padding: 4px 8px 4px 10px; border-radius: 999px; text-align: start; }
.mark { flex: none; width: 10px; height: 10px; border-radius: 50%; background: #0b57d0; }
.mark.no-adequacy { background: #b3261e; }
.text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.name { font-weight: 700; }
.close { flex: none; width: 24px; height: 24px; border-radius: 50%; padding: 0; font: 700 16px/24px system-ui, sans-serif; }
.open:hover, .close:hover { background: rgba(0, 0, 0, 0.08); }
button:focus-visible { outline: 2px solid #0b57d0; outline-offset: 1px; }
.card { box-sizing: border-box; width: min(340px, calc(100vw - 32px)); max-height: min(320px, 40vh); overflow: auto;
  padding: 10px 12px; border-radius: 12px; border: 1px solid #c4c7cf; background: #ffffff; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.2); }
.card[hidden] { display: none; }
.card p { margin: 0 0 6px; }
.card .more { margin: 0; color: #4a4d55; font-size: 12px; }
@media (max-width: 480px), (max-height: 320px) {
  .detail { display: none; }
  .open { padding: 2px 6px 2px 8px; }
  .card { width: min(300px, calc(100vw - 32px)); font-size: 12px; }
}
@media (prefers-color-scheme: dark) {
  .wrap { color: #e6e7ea; }
  .badge, .card { background: #1f2125; border-color: #44474e; }
  .open:hover, .close:hover { background: rgba(255, 255, 255, 0.12); }
  .mark { background: #a8c7fa; }
  .mark.no-adequacy { background: #f2b8b5; }
  .card .more { color: #b7bac2; }
  button:focus-visible { outline-color: #a8c7fa; }
}
`;
