import { hostParts } from '../../gateway/route.ts';
import type { ServiceModel, ShapeRef } from '../../models/types.ts';
import type { RawRequest } from '../types.ts';

const virtualHosted = new WeakMap<ServiceModel, boolean>();

/**
 * Whether the model addresses resources by a virtual host: an operation's URI starts with a label its endpoint rules
 * take as `Bucket` (`contextParam`), which SDKs move into the host name (`<bucket>.s3.<region>.amazonaws.com`). S3
 * Control also names buckets in URIs, but deeper (`/v20180820/bucket/{name}`), and puts the account id in the host.
 */
function hasVirtualHostLabel(model: ServiceModel): boolean {
  let found = virtualHosted.get(model);
  if (found === undefined) {
    found = Object.values(model.operations).some((operation) => {
      const members = operation.input ? (model.shapes[operation.input.shape]?.members ?? {}) : {};
      return Object.values(members).some(
        (ref: ShapeRef & { contextParam?: { name: string } }) =>
          ref.location === 'uri' && ref.contextParam?.name === 'Bucket' && operation.http.requestUri.startsWith(`/{${ref.locationName}}`),
      );
    });
    virtualHosted.set(model, found);
  }
  return found;
}

/** `<bucket>.localhost[:port]`, LocalStack's short virtual-host form: the label before `.localhost`. */
const LOCALHOST_LABEL = /^(.+)\.localhost(?::\d+)?$/i;

/** The request path as if the client had used path-style addressing: `/<bucket>/<key>`. */
export function pathStylePath(req: RawRequest, model: ServiceModel): string {
  const host = req.headers['host'];
  const parts = hostParts(host);
  const label = parts.label ?? (parts.prefix === undefined ? LOCALHOST_LABEL.exec(host ?? '')?.[1] : undefined);
  const prefix = parts.label ? parts.prefix : model.metadata.endpointPrefix;
  if (!label || prefix !== model.metadata.endpointPrefix || !hasVirtualHostLabel(model)) return req.path;
  return req.path === '/' ? `/${label}` : `/${label}${req.path}`;
}
