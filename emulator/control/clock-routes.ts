import { parseDuration, type Clock } from '../core/clock.ts';
import type { InternalRoute } from '../server/http.ts';
import { badRequestOn, ControlError, jsonBody, requireMethod } from './http.ts';

function clockView(clock: Clock) {
  const now = clock.now();
  return { now: new Date(now).toISOString(), epochMs: now, offsetMs: now - Date.now() };
}

function timeOf(value: unknown): number {
  const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`not a time: ${JSON.stringify(value)} (use epoch milliseconds or an ISO 8601 date)`);
  return ms;
}

/**
 * `GET /_twinstack/clock` reads the emulator clock; `POST` moves it: `{"advance": "12h"}` (or milliseconds),
 * `{"set": "2030-01-01T00:00:00Z"}` (or epoch milliseconds), `{"reset": true}` (back to real time).
 */
export function clockRoutes(clock: Clock): Record<string, InternalRoute> {
  return {
    '/_twinstack/clock': (request) => {
      requireMethod(request, 'GET', 'POST');
      if (request.method === 'GET') return clockView(clock);
      const body = jsonBody(request);
      const actions = ['advance', 'set', 'reset'].filter((k) => body[k] !== undefined);
      if (actions.length !== 1) throw new ControlError(400, 'give exactly one of "advance" (a duration), "set" (a time) or "reset": true');
      badRequestOn(() => {
        if (body.advance !== undefined) clock.advance(parseDuration(body.advance));
        else if (body.set !== undefined) clock.set(timeOf(body.set));
        else clock.reset();
      });
      return clockView(clock);
    },
  };
}
