import { CommonErrors } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import { loadModel } from '../models/load.ts';
import { committedRoutingIndex } from '../models/routing-index.ts';
import type { ServiceModel } from '../models/types.ts';
import { protocolFor } from '../protocols/index.ts';
import { matchRoute } from '../protocols/rest/routes.ts';
import type { RawRequest, RawResponse } from '../protocols/types.ts';

/**
 * The answer to a request signed for a service twinstack does not serve (`ec2`, `states`, ...): 501 NotImplemented
 * naming the service and operation, in the client's own protocol so that its SDK prints the message instead of
 * failing to parse. The service's model tells protocol and operation when `emulator/models/` has one; otherwise the
 * request itself does. Only requests no served service claims come here.
 */
export function answerUnserved(req: RawRequest, signingName: string, requestId: string): RawResponse {
  const { name, model } = modelFor(req, signingName) ?? { name: signingName, model: standInModel(req, signingName) };
  const operation = operationOf(req, model);
  // The protocol serializers take a service for JSON's error `__type` style: this one keeps the bare code.
  const service: ServiceDefinition = { name, model, handlers: {}, createState: () => undefined };
  return protocolFor(model, req).serializeError(CommonErrors.notImplemented(name, operation), model, service, requestId);
}

/** The signing name of the service an `X-Amz-Target` is for (its model's, else the target's prefix), for unsigned requests. */
export function signingNameForTarget(target: string): string {
  const prefix = target.slice(0, target.lastIndexOf('.'));
  const entry = Object.values(committedRoutingIndex()).find((e) => e.targetPrefix === prefix);
  return entry?.signingName ?? prefix;
}

/** The model (of several sharing a signing name, as API Gateway v1 and v2 do, the one that fits the request). */
function modelFor(req: RawRequest, signingName: string): { name: string; model: ServiceModel } | undefined {
  const target = req.headers['x-amz-target'];
  const candidates = Object.entries(committedRoutingIndex())
    .filter(([, entry]) => entry.signingName === signingName)
    .map(([name, entry]) => ({ name, entry, model: loadModel(name) }));
  const fits = candidates.find(({ entry, model }) =>
    target ? target.startsWith(`${entry.targetPrefix}.`) : entry.routes ? matchRoute(model, req) !== undefined : true,
  );
  return fits ?? candidates[0];
}

/** The least a protocol serializer reads, for a service with no model here: the protocol the request was sent in. */
function standInModel(req: RawRequest, signingName: string): ServiceModel {
  const contentType = req.headers['content-type'] ?? '';
  const protocol = req.headers['x-amz-target'] ? 'json' : queryAction(req) ? 'query' : contentType.includes('json') ? 'rest-json' : 'rest-xml';
  const jsonVersion = /x-amz-json-(1\.[01])/.exec(contentType)?.[1];
  return {
    metadata: { apiVersion: '', protocol, jsonVersion, endpointPrefix: signingName, signingName, serviceId: signingName },
    operations: {},
    shapes: {},
  };
}

/** The operation the request names: its target, its query `Action`, the model's matching route, else method and path. */
function operationOf(req: RawRequest, model: ServiceModel): string {
  const target = req.headers['x-amz-target'];
  if (target) return target.slice(target.lastIndexOf('.') + 1);
  const action = queryAction(req);
  if (action) return action;
  return (model.metadata.protocol.startsWith('rest-') && matchRoute(model, req)?.operation) || `${req.method} ${req.path}`;
}

function queryAction(req: RawRequest): string | undefined {
  const action = req.query.get('Action');
  if (action) return action;
  if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams(req.body.toString('utf8')).get('Action') ?? undefined;
}
