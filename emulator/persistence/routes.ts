import { constants } from 'node:buffer';
import { badRequestOn, ControlError, requireMethod } from '../control/http.ts';
import { InternalText, type InternalRoute } from '../server/http.ts';
import type { Persistence } from './persistence.ts';

/**
 * A state document is one JSON text, so V8's longest string bounds it (about 512 MiB); S3 object bodies travel in it
 * (base64), so it may be far larger than other control requests.
 */
const STATE_LIMIT_BYTES = constants.MAX_STRING_LENGTH;
const TOO_LARGE =
  `the state is larger than one JSON document can be (${STATE_LIMIT_BYTES} bytes; S3 object bodies count in it): ` +
  'carry it across restarts with --persist DIR instead, or delete large S3 objects before exporting';

/**
 * `GET /_twinstack/state` exports the whole state (every service, account and region, and the clock's offset) as
 * JSON; `POST` (or `PUT`) of such an export replaces the current state with it, so a test can restore a fixture.
 */
export function stateRoutes(persistence: Persistence): Record<string, InternalRoute> {
  const route: InternalRoute = async (request) => {
    requireMethod(request, 'GET', 'POST', 'PUT');
    if (request.method === 'GET') {
      try {
        return new InternalText('application/json; charset=utf-8', JSON.stringify(persistence.exportState()));
      } catch (error) {
        if (error instanceof RangeError) throw new ControlError(507, TOO_LARGE);
        throw error;
      }
    }
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new ControlError(400, 'the request body is not JSON (send what GET /_twinstack/state returned)');
    }
    return { imported: await badRequestOn(() => persistence.importState(body)) };
  };
  route.bodyLimit = { bytes: STATE_LIMIT_BYTES, message: TOO_LARGE };
  return { '/_twinstack/state': route };
}
