import type { ServiceModel } from '../models/types.ts';
import { awsJson } from './json.ts';
import { awsJsonCbor } from './json-cbor.ts';
import { awsQuery } from './query.ts';
import { restJson } from './rest-json.ts';
import { restXml } from './rest-xml.ts';
import { RPC_V2_CBOR, rpcV2Cbor } from './rpc-v2-cbor.ts';
import type { Protocol, RawRequest } from './types.ts';

const byName: Record<string, Protocol> = { json: awsJson, query: awsQuery, 'rest-json': restJson, 'rest-xml': restXml, 'smithy-rpc-v2-cbor': rpcV2Cbor };

/** The protocol of this request: services such as SQS accept both AWS JSON and query. */
export function protocolFor(model: ServiceModel, req: RawRequest): Protocol {
  const protocols = model.metadata.protocols ?? [model.metadata.protocol];
  // Java SDK v1 clients (and the KPL / KCL) send AWS JSON 1.1 operations with CBOR bodies.
  if (protocols.includes('json') && req.headers['content-type']?.startsWith('application/x-amz-cbor')) return awsJsonCbor;
  // Smithy RPC v2 CBOR requests say so in a header of their own (CloudWatch with newer SDKs).
  if (req.headers['smithy-protocol'] === RPC_V2_CBOR && protocols.includes('smithy-rpc-v2-cbor')) return rpcV2Cbor;
  if (protocols.length > 1) {
    if (protocols.includes('json') && req.headers['x-amz-target']) return awsJson;
    if (protocols.includes('query')) {
      const contentType = req.headers['content-type'] ?? '';
      if (contentType.startsWith('application/x-www-form-urlencoded') || req.query.has('Action')) return awsQuery;
    }
  }
  const protocol = byName[model.metadata.protocol];
  if (!protocol) throw new Error(`no protocol implementation for ${model.metadata.protocol}`);
  return protocol;
}
