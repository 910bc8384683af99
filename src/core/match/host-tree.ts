/**
 * How hostnames nest. A platform's domain covers itself and every host below it, and several modules ask this
 * question (the dataset's provenance rules, the badge registrations, the manifest's patterns): one definition keeps
 * them from drifting (a missing dot would make `notgoogle.com` count as under `google.com`).
 */

/** `host` is `domain` or lies below it (`mail.google.com` under `google.com`; `notgoogle.com` not). */
export const isAtOrUnder = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** The hosts that lie under no other of them (google.com, not mail.google.com): a rule for those covers the rest. */
export function topmostHosts(hosts: readonly string[]): string[] {
  const unique = [...new Set(hosts)];
  return unique.filter((h) => !unique.some((o) => o !== h && isAtOrUnder(h, o)));
}
