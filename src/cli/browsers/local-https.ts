/**
 * A local HTTPS server that answers for any hostname the browser maps to loopback (real platform hostnames
 * included), with a self-signed certificate made for the run. Pages are chosen by host and path.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Page = { status?: number; headers?: Record<string, string>; body: string };
export type Route = (host: string, path: string) => Page | string | undefined;

export type TestServer = { port: number; close(): Promise<void>; requests: Array<{ host: string; path: string }> };

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'rl-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=residency-lens-test',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

/** `address` is the loopback address to listen on: 127.0.0.1, or ::1 for pages reached over IPv6. */
export async function startHttpsServer(route: Route, port = 0, address = '127.0.0.1'): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = req.url ?? '/';
    requests.push({ host, path });
    const answer = route(host, path) ?? { status: 404, body: 'not found' };
    const page = typeof answer === 'string' ? { body: answer } : answer;
    res.writeHead(page.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...page.headers });
    res.end(page.body);
  });
  // A port in use rejects (EADDRINUSE) instead of throwing from an unhandled 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const html = (title: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
