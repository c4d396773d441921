import { readdirSync } from 'node:fs';
import { findService, hostParts, indexServices, parseScope, type ServiceIndex } from '../../emulator/gateway/route.ts';
import type { ServiceDefinition } from '../../emulator/core/service.ts';
import { loadModel } from '../../emulator/models/load.ts';
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
  if (!index) {
    const modelsDir = new URL('../../emulator/models/', import.meta.url);
    const names = readdirSync(modelsDir)
      .filter((f) => f.endsWith('.json') && f !== 'VERSIONS.json')
      .map((f) => f.slice(0, -'.json'.length));
    // Routing reads only name and model; the recorder never runs handlers.
    const definitions: ServiceDefinition[] = names.map((name) => ({ name, model: loadModel(name), handlers: {}, createState: () => ({}) }));
    index = indexServices(definitions);
  }
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
  const service = aws ? findService(req, serviceIndex(), scope) : undefined;
  const region = scope?.region ?? hostParts(req.headers['host']).region ?? defaultRegion;
  return { service: service && { name: service.name, model: service.model }, region };
}
