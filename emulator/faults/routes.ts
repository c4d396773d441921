import { badRequestOn, ControlError, jsonBody, requireMethod } from '../control/http.ts';
import type { InternalRoute } from '../server/http.ts';
import type { FaultInjector } from './injector.ts';

/**
 * `/_twinstack/faults`: GET lists the rules (with match and injection counts) and the seed; POST adds a rule or
 * `{"rules": [...]}`; PUT replaces all rules (and `"seed"`, when given); DELETE removes all.
 * `DELETE /_twinstack/faults/<id>` removes one.
 */
export function faultRoutes(faults: FaultInjector): Record<string, InternalRoute> {
  const rulesIn = (body: Record<string, unknown>): unknown[] => (Array.isArray(body.rules) ? body.rules : body.rules === undefined && body.seed === undefined ? [body] : []);
  return {
    '/_twinstack/faults': (request) => {
      requireMethod(request, 'GET', 'POST', 'PUT', 'DELETE');
      if (request.method === 'DELETE') faults.clear();
      if (request.method === 'POST' || request.method === 'PUT') {
        const body = jsonBody(request);
        badRequestOn(() => {
          const rules = rulesIn(body);
          if (request.method === 'PUT') faults.clear();
          if (body.seed !== undefined) faults.reseed(Number(body.seed));
          faults.add(rules);
        });
      }
      return faults.list();
    },
    '/_twinstack/faults/:id': (request) => {
      requireMethod(request, 'DELETE');
      if (!faults.remove(request.params.id)) throw new ControlError(404, `no fault rule ${request.params.id}`);
      return faults.list();
    },
  };
}
