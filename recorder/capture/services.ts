import { findService, findServiceByPath, hostParts, indexServices, parseScope, type ServiceIndex } from '../../emulator/gateway/route.ts';
import { loadModel } from '../../emulator/models/load.ts';
import { committedRoutingIndex } from '../../emulator/models/routing-index.ts';
import type { ServiceModel } from '../../emulator/models/types.ts';
import type { RawRequest } from '../../emulator/protocols/types.ts';

/** A service as the recorder knows it: the model file name and the AWS model, nothing to run. */
export interface KnownService {
  name: string;
  model: ServiceModel;
}

let index: ServiceIndex | undefined;

/** Every service with a model in emulator/models, indexed the way the emulator's gateway routes requests. */
function serviceIndex(): ServiceIndex {
  index ??= indexServices(Object.entries(committedRoutingIndex()).map(([name, routing]) => ({ name, routing })));
  return index;
}

/**
 * The service and region of a request, from its signature scope, target, host or action. Captured traffic also holds
 * non-AWS calls (page assets, metadata endpoints): only requests that are signed, carry a target, or go to an AWS host
 * are AWS calls.
 */
export function identifyRequest(req: RawRequest, defaultRegion: string): { service?: KnownService; region: string } {
  const scope = parseScope(req);
  const host = req.headers['host'] ?? '';
  const aws = scope || req.headers['x-amz-target'] || hostParts(host).prefix || /\.amazonaws\.com(\.cn)?(:\d+)?$/.test(host);
  const name = aws ? (findService(req, serviceIndex(), scope)?.name ?? findServiceByPath(req, serviceIndex(), [])) : undefined;
  const region = scope?.region ?? hostParts(req.headers['host']).region ?? defaultRegion;
  return { service: name ? { name, model: loadModel(name) } : undefined, region };
}
