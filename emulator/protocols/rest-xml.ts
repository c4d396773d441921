import { randomBytes } from 'node:crypto';
import { AwsError } from '../core/errors.ts';
import type { ServiceDefinition } from '../core/service.ts';
import type { ServiceModel, ShapeRef } from '../models/types.ts';
import { errorStatus, queryErrorCode } from './errors.ts';
import { parseRestRequest, restStreamsPayload } from './rest/request.ts';
import { serializeRestOutput } from './rest/response.ts';
import { pathMatchesAnyRoute } from './rest/routes.ts';
import { decodeXml, loadXmlParser, parseXmlDocument } from './rest/xml-decode.ts';
import type { ParsedRequest, Protocol, RawRequest, RawResponse } from './types.ts';
import { encodeXml } from './xml-codec.ts';
import { escapeXml } from './xml-writer.ts';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

/**
 * Services with `@restXml(noErrorWrapping: true)` (a model trait, see models/refresh.ts): their errors are a bare
 * `<Error>` and their request ids travel as `x-amz-request-id` + `x-amz-id-2`.
 */
function isS3Style(model: ServiceModel): boolean {
  return model.metadata.noErrorWrapping === true;
}

const namespaces = new WeakMap<ServiceModel, string>();

/**
 * The service's XML namespace: the metadata's, else the one its request payloads declare (S3 declares it only on
 * input members, yet AWS puts it on every response document).
 */
function serviceNamespace(model: ServiceModel): string {
  let ns = namespaces.get(model);
  if (ns === undefined) {
    ns = model.metadata.xmlNamespace ?? '';
    for (const shape of Object.values(model.shapes)) {
      const declared = Object.values(shape.members ?? {}).find((m) => m.xmlNamespace)?.xmlNamespace?.uri;
      if (!ns && declared) ns = declared;
    }
    namespaces.set(model, ns);
  }
  return ns;
}

function requestIdHeaders(model: ServiceModel, requestId: string): Record<string, string> {
  if (!isS3Style(model)) return { 'x-amzn-requestid': requestId };
  return { 'x-amz-request-id': requestId, 'x-amz-id-2': extendedRequestId() };
}

/** 48 random bytes in base64, like S3's x-amz-id-2: cut from a pool filled 256 at a time, not one crypto call each. */
const ID_BYTES = 48;
let idPool = Buffer.alloc(0);
let idOffset = 0;
function extendedRequestId(): string {
  if (idOffset >= idPool.length) {
    idPool = randomBytes(ID_BYTES * 256);
    idOffset = 0;
  }
  idOffset += ID_BYTES;
  return idPool.toString('base64', idOffset - ID_BYTES, idOffset);
}

/** AWS rest-xml (S3, CloudFront, Route 53): REST bindings with XML bodies. */
export const restXml: Protocol = {
  name: 'rest-xml',

  parse(req: RawRequest, model: ServiceModel): ParsedRequest {
    return parseRestRequest(req, model, {
      decodeStructure(m, ref, body) {
        const root = parseXmlDocument(body.toString('utf8'));
        return root === undefined ? undefined : (decodeXml(m, ref, root) as Record<string, unknown>);
      },
      unknownOperation(r) {
        if (pathMatchesAnyRoute(model, r.path)) {
          return new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', {
            status: 405,
            fields: { Method: r.method, ResourceType: r.path.split('/').filter(Boolean).length > 1 ? 'OBJECT' : 'BUCKET' },
          });
        }
        return new AwsError('UnknownOperationException', `No operation matches ${r.method} ${r.path}`, { status: 404 });
      },
    });
  },

  streamsPayload: restStreamsPayload,
  prepare: loadXmlParser,

  serialize(operation: string, output: unknown, model: ServiceModel, requestId: string): RawResponse {
    return serializeRestOutput(model, operation, output, xmlEncoder, requestIdHeaders(model, requestId));
  },

  serializeError(error: AwsError, model: ServiceModel, _service: ServiceDefinition, requestId: string): RawResponse {
    const headers: Record<string, string> = { 'content-type': 'application/xml', ...requestIdHeaders(model, requestId) };
    const code = escapeXml(queryErrorCode(error, model));
    const message = escapeXml(error.message);
    const fields = Object.entries(error.fields ?? {})
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `<${k}>${escapeXml(String(v))}</${k}>`)
      .join('');
    const body = isS3Style(model)
      ? `${XML_DECLARATION}<Error><Code>${code}</Code><Message>${message}</Message>${fields}` +
        `<RequestId>${requestId}</RequestId><HostId>${headers['x-amz-id-2']}</HostId></Error>`
      : `${XML_DECLARATION}<ErrorResponse xmlns="${serviceNamespace(model)}"><Error><Type>${error.sender ? 'Sender' : 'Receiver'}</Type>` +
        `<Code>${code}</Code><Message>${message}</Message>${fields}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
    Object.assign(headers, error.headers);
    return { status: errorStatus(error, model), headers, body };
  },
};

const xmlEncoder = {
  contentType: 'application/xml',
  encodeStructure(model: ServiceModel, ref: ShapeRef, value: Record<string, unknown>): string {
    const shape = model.shapes[ref.shape];
    // The root element: the payload member's or output's XML name, else its shape's name.
    const root = ref.locationName ?? shape.locationName ?? ref.shape;
    const ns = ref.xmlNamespace ?? shape.xmlNamespace ?? { uri: serviceNamespace(model) };
    // A document whose one member is named like its root is that member's text (S3's <LocationConstraint>).
    const members = Object.entries(shape.members ?? {}).filter(([, m]) => !m.location);
    if (members.length === 1 && members[0][0] === root && model.shapes[members[0][1].shape].type === 'string') {
      const text = value[root];
      return `${XML_DECLARATION}<${root}${ns.uri ? ` xmlns="${ns.uri}"` : ''}>${text === undefined || text === null ? '' : escapeXml(String(text))}</${root}>`;
    }
    return XML_DECLARATION + encodeXml(model, { ...ref, xmlNamespace: ns.uri ? ns : undefined }, value, root);
  },
};
