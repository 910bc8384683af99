/** Styles of the in-page badge. They live inside its shadow root, so the page's CSS cannot reach them. */
export const BADGE_CSS = `
:host { all: initial !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  z-index: 2147483646 !important; display: block !important; contain: layout style !important; }
:host([data-corner^="top"]) { top: 16px !important; bottom: auto !important; }
:host([data-corner$="left"]) { left: 16px !important; right: auto !important; }
.badge { display: flex; align-items: center; gap: 8px; max-width: 360px; box-sizing: border-box;
  padding: 6px 6px 6px 12px; border-radius: 999px; border: 1px solid #c4c7cf;
  background: #ffffff; color: #1b1c1f; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.18);
  font: 500 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.mark { flex: none; width: 10px; height: 10px; border-radius: 50%; background: #1a5fb4; }
.mark.no-adequacy { background: #b3261e; }
.text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.name { font-weight: 700; }
.close { flex: none; width: 24px; height: 24px; border: 0; border-radius: 50%; padding: 0; cursor: pointer;
  background: transparent; color: inherit; font: 700 16px/24px system-ui, sans-serif; }
.close:hover { background: rgba(0, 0, 0, 0.08); }
.close:focus-visible { outline: 2px solid #1a5fb4; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .badge { background: #1f2125; color: #e6e7ea; border-color: #44474e; }
  .close:hover { background: rgba(255, 255, 255, 0.12); }
  .mark { background: #8ab4f8; }
  .mark.no-adequacy { background: #f2b8b5; }
}
`;
