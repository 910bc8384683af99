/**
 * How the background's registrations treat one platform host's pages (src/core/content-data.ts,
 * `badgeRegistrations`): excluded from its group's registration (every host at or under it hidden), given a
 * marker file (hidden, with longer hosts below it that keep their badge), or shown.
 */
export type Registered = { id: string; js?: string[]; excludeMatches?: string[] };

export function badgeHiding(registrations: readonly Registered[], host: string): 'excluded' | 'marker' | 'shown' {
  const badge = registrations.filter((r) => r.id.startsWith('badge:'));
  if (badge.some((r) => (r.excludeMatches ?? []).includes(`*://*.${host}/*`))) return 'excluded';
  if (badge.some((r) => (r.js ?? []).includes(`content/hide/${host}.js`))) return 'marker';
  return 'shown';
}

/** The group file whose table holds a host, from the built extension's list (content/badge-scripts.json). */
export function groupFileOf(list: { groups: Array<{ id: string; hosts: string[] }> }, host: string): string {
  const group = list.groups.find((g) => g.hosts.includes(host));
  if (!group) throw new Error(`no badge group holds ${host}`);
  return `content/groups/${group.id}.js`;
}
