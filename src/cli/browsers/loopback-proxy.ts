/**
 * A tiny logging HTTP proxy on loopback, for Chromium's `--proxy-server`. Every connection the browser makes to a
 * non-loopback address (Chromium bypasses the proxy for loopback only) arrives here and is recorded. A CONNECT to
 * one of the `allowed` hosts is tunnelled to the local HTTPS test server; anything else is refused with 403 and
 * never forwarded, so nothing can leave the machine through it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export type ProxyRecord = { method: string; target: string; allowed: boolean };
export type LoopbackProxy = { port: number; records: ProxyRecord[]; close(): Promise<void> };

export async function startLoopbackProxy(opts: { allowed: (host: string) => boolean; upstreamPort: number }): Promise<LoopbackProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    // Plain-HTTP proxy requests (absolute-form URLs): recorded and refused.
    records.push({ method: req.method ?? '?', target: req.url ?? '', allowed: false });
    res.writeHead(403, { 'content-type': 'text/plain' });
    res.end('refused by the test proxy');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    const target = req.url ?? '';
    const host = target.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    const allowed = opts.allowed(host);
    records.push({ method: 'CONNECT', target, allowed });
    client.on('error', () => undefined);
    if (!allowed) {
      client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    const upstream = connect(opts.upstreamPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    records,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
