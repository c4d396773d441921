import { badRequestOn, ControlError, requireMethod } from '../control/http.ts';
import type { InternalRoute } from '../server/http.ts';
import type { Persistence } from './persistence.ts';

/**
 * `GET /_twinstack/state` exports the whole state (every service, account and region, and the clock's offset) as
 * JSON; `POST` (or `PUT`) of such an export replaces the current state with it, so a test can restore a fixture.
 */
export function stateRoutes(persistence: Persistence): Record<string, InternalRoute> {
  return {
    '/_twinstack/state': async (request) => {
      requireMethod(request, 'GET', 'POST', 'PUT');
      if (request.method === 'GET') return persistence.exportState();
      let body: unknown;
      try {
        body = JSON.parse(request.body.toString('utf8'));
      } catch {
        throw new ControlError(400, 'the request body is not JSON (send what GET /_twinstack/state returned)');
      }
      return { imported: await badRequestOn(() => persistence.importState(body)) };
    },
  };
}
