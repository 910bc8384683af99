/**
 * Zip files the same way every time: entries in path order, one fixed date, no platform-specific attributes,
 * DEFLATE level 9. The same files give the same bytes, so a reviewer who rebuilds from the source archive can
 * compare checksums instead of unpacking.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import JSZip from 'jszip';

/** 1980-01-01, the earliest date a zip entry can carry (its timestamps are DOS dates). */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

export type ZipEntry = { path: string; data: Buffer };

export async function zipEntries(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const { path, data } of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    zip.file(path, data, { date: FIXED_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}

/** Every file under `dir` (recursively), with its path relative to `dir` in forward slashes, except what `skip` rejects. */
export function filesUnder(dir: string, skip: (relativePath: string, isDirectory: boolean) => boolean = () => false): ZipEntry[] {
  const out: ZipEntry[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      const path = relative(dir, full).split(sep).join('/');
      if (skip(path, entry.isDirectory())) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ path, data: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}

export async function unzipEntries(zip: Buffer): Promise<ZipEntry[]> {
  const archive = await JSZip.loadAsync(zip);
  const files = Object.values(archive.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f) => ({ path: f.name, data: await f.async('nodebuffer') })));
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
