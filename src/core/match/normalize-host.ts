/**
 * Turns what a user or a browser hands us (a URL, or a bare hostname with or without a port) into the ASCII
 * hostname the browser itself would connect to, or says why there is none. The WHATWG URL parser does the
 * IDNA work (Unicode to punycode, case folding, full-width characters), exactly as the address bar does.
 */
import { isAtOrUnder } from './host-tree.ts';

export type HostResult =
  | { ok: true; host: string }
  | { ok: false; reason: 'not-web' | 'ip-address' | 'invalid' };

const WEB_SCHEMES = new Set(['http:', 'https:']);
/** Names that never belong to a public platform (RFC 6761 and RFC 6762 special-use names). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'lan', 'home.arpa', 'test', 'invalid', 'example'];
const MAX_INPUT = 8192;

/** Already lower-case ASCII letters, digits, dots and hyphens: the common case skips the URL parser. */
function isPlainHost(value: string): boolean {
  if (value.length === 0 || value.length > 253) return false;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45;
    if (!ok) return false;
  }
  return true;
}

function classify(host: string): HostResult {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end -= 1; // trailing dots
  const trimmed = end === host.length ? host : host.slice(0, end);
  if (trimmed.length === 0 || trimmed.length > 253 || trimmed.startsWith('.') || trimmed.includes('..')) {
    return { ok: false, reason: 'invalid' };
  }
  if (trimmed.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(trimmed)) return { ok: false, reason: 'ip-address' };
  for (const label of trimmed.split('.')) {
    if (label.length > 63) return { ok: false, reason: 'invalid' };
  }
  return { ok: true, host: trimmed };
}

/** Single-label names and special-use names never belong to a public platform. */
export function isLocalName(host: string): boolean {
  if (!host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((suffix) => isAtOrUnder(host, suffix));
}

/** A URL string (any scheme) or a hostname (optionally with port) to a normalised web hostname. */
export function normalizeHost(input: unknown): HostResult {
  if (typeof input !== 'string') return { ok: false, reason: 'invalid' };
  const value = input.trim();
  if (value.length === 0 || value.length > MAX_INPUT) return { ok: false, reason: 'invalid' };
  // Punycode labels go through the parser, which rejects invalid ones (xn--zz).
  if (isPlainHost(value) && !value.includes('..') && !value.includes('xn--')) return classify(value);

  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
  let url: URL;
  try {
    if (schemeMatch && (value.includes('://') || !/^[^:]+:\d+(\/|$)/.test(value))) {
      url = new URL(value);
      if (!WEB_SCHEMES.has(url.protocol)) return { ok: false, reason: 'not-web' };
    } else {
      // A bare hostname, perhaps with a port or a path: parse it as the address bar would.
      url = new URL(`http://${value}`);
    }
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.hostname === '') return { ok: false, reason: 'invalid' };
  return classify(url.hostname);
}
