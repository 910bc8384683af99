/**
 * Who made each request, from Chromium's own net log (`--log-net-log`). Every URL request the network service
 * handles is logged with its initiator: the origin of the document or worker that asked for it, or none for the
 * browser's own services (the component updater, sign-in, navigations typed or driven from outside). This is how
 * the no-network test tells the extension's traffic from the browser's without a list of the browser's hosts,
 * which changes with every Chromium build.
 */
import { existsSync, readFileSync } from 'node:fs';

export type NetLogRequest = { id: number; url: string; method: string; initiator: string | null };

type NetLogFile = {
  constants: { logEventTypes: Record<string, number> };
  events: Array<{ type: number; source: { id: number }; params?: Record<string, unknown> }>;
};

/** Chromium ends the file with "]}" on a clean exit; a browser killed mid-write leaves it open, so close it. */
function parse(text: string): NetLogFile {
  try {
    return JSON.parse(text) as NetLogFile;
  } catch {
    return JSON.parse(`${text.trimEnd().replace(/,$/, '')}]}`) as NetLogFile;
  }
}

/** The URL requests in a net log file, each once, with the initiator Chromium recorded (null: the browser itself). */
export function readNetLog(file: string): NetLogRequest[] {
  if (!existsSync(file)) throw new Error(`no net log at ${file}: was the browser launched with netLog?`);
  const log = parse(readFileSync(file, 'utf8'));
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  const requests = new Map<number, NetLogRequest>();
  for (const event of log.events) {
    if (event.type !== startJob || typeof event.params?.url !== 'string' || requests.has(event.source.id)) continue;
    const initiator = event.params.initiator;
    requests.set(event.source.id, {
      id: event.source.id,
      url: event.params.url,
      method: String(event.params.method ?? 'GET'),
      // Chromium writes "not an origin" for a request no document or worker started.
      initiator: typeof initiator === 'string' && initiator !== 'not an origin' ? initiator : null,
    });
  }
  return [...requests.values()];
}

/** Requests some web page or extension context started (anything with an initiator), split by who. */
export function byInitiator(requests: NetLogRequest[], extensionId: string) {
  const extensionOrigin = `chrome-extension://${extensionId}`;
  return {
    extension: requests.filter((r) => r.initiator === extensionOrigin),
    pages: requests.filter((r) => r.initiator !== null && r.initiator !== extensionOrigin),
    browser: requests.filter((r) => r.initiator === null),
  };
}
