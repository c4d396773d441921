import type { InternalRoute } from '../server/http.ts';
import { badRequestOn, jsonBody, requireMethod } from './http.ts';

/**
 * Clearing state between tests, under each convention: twinstack's `POST /_twinstack/reset` (all services, or those
 * in `?service=sqs,sns` / `{"services": [...]}` / `/_twinstack/reset/<service>`), LocalStack's
 * `POST /_localstack/state/reset` and `/_localstack/state/<service>/reset`, and moto's `POST /moto-api/reset`.
 */
export function resetRoutes(resetState: (services?: string[]) => Promise<string[]>): Record<string, InternalRoute> {
  const reset = async (services: string[] | undefined) => ({ reset: await badRequestOn(() => resetState(services)) });
  const fromRequest: InternalRoute = async (request) => {
    requireMethod(request, 'POST');
    const listed = request.query.get('service') ?? request.query.get('services');
    const body = jsonBody(request);
    const services = listed ? listed.split(',').map((s) => s.trim()).filter(Boolean) : Array.isArray(body.services) ? body.services.map(String) : undefined;
    return reset(services);
  };
  const one: InternalRoute = (request) => {
    requireMethod(request, 'POST');
    return reset([request.params.service]);
  };
  return {
    '/_twinstack/reset': fromRequest,
    '/_twinstack/reset/:service': one,
    '/_localstack/state/reset': fromRequest,
    '/_localstack/state/:service/reset': one,
    '/moto-api/reset': fromRequest,
  };
}
