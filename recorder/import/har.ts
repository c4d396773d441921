import type { CapturedExchange } from '../capture/exchange.ts';
import { exchangeFromWire, headerMap } from '../capture/from-wire.ts';

/** The parts of HAR 1.2 (browsers, Polly.js) the importer reads. */
interface HarEntry {
  startedDateTime: string;
  request: { method: string; url: string; headers: { name: string; value: string }[]; postData?: { text?: string; encoding?: string } };
  response: { status: number; headers: { name: string; value: string }[]; content: { text?: string; encoding?: string } };
}
export interface HarFile {
  log: { entries: HarEntry[] };
}

function text(content: { text?: string; encoding?: string } | undefined): Buffer {
  if (!content?.text) return Buffer.alloc(0);
  return Buffer.from(content.text, content.encoding === 'base64' ? 'base64' : 'utf8');
}

/** AWS calls of an HTTP archive, in the order they started; other traffic is left out. */
export function exchangesFromHar(har: HarFile, defaultRegion: string): CapturedExchange[] {
  const entries = [...har.log.entries].sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  return entries.flatMap((entry) => {
    const exchange = exchangeFromWire(
      {
        at: new Date(entry.startedDateTime),
        method: entry.request.method,
        url: new URL(entry.request.url),
        requestHeaders: headerMap(entry.request.headers),
        requestBody: text(entry.request.postData),
        status: entry.response.status,
        responseHeaders: headerMap(entry.response.headers),
        responseBody: text(entry.response.content),
      },
      defaultRegion,
    );
    return exchange ? [exchange] : [];
  });
}
