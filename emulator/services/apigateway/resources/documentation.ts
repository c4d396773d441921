import type { DocumentationPart, DocumentationPartLocation } from '@aws-sdk/client-api-gateway';
import { adoptByReading } from '../../cloudformation/read-back.ts';
import { jsonText, templateJson, type Properties, type ResourceType } from '../../cloudformation/provider.ts';
import { patchChanges, listUnderApi } from './values.ts';

/** `AWS::ApiGateway::DocumentationPart`: Ref is the part's id; GetAtt DocumentationPartId. Only `Properties` changes in place. */
export const documentationPart: ResourceType = {
  async create(request) {
    const p = request.properties;
    const location = (p.Location ?? {}) as Properties;
    const part = await request.call<DocumentationPart>('apigateway', 'CreateDocumentationPart', {
      restApiId: p.RestApiId,
      location: { type: location.Type, path: location.Path, method: location.Method, statusCode: location.StatusCode, name: location.Name },
      properties: jsonText(p.Properties),
    });
    return { physicalId: part.id!, attributes: { DocumentationPartId: part.id } };
  },
  async update(request) {
    const text = (p: Properties) => ({ Properties: jsonText(p.Properties) });
    const ops = patchChanges(text(request.previous), text(request.properties), { Properties: '/properties' });
    if (ops.length) await request.call('apigateway', 'UpdateDocumentationPart', { restApiId: request.properties.RestApiId, documentationPartId: request.physicalId, patchOperations: ops });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteDocumentationPart', { restApiId: request.properties.RestApiId, documentationPartId: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const part = await request.call<DocumentationPart>('apigateway', 'GetDocumentationPart', { restApiId: p.RestApiId, documentationPartId: request.physicalId });
    const l: DocumentationPartLocation = part.location ?? { type: undefined };
    // The location reads back as the template named it: the members API Gateway fills in for its type are left out.
    const given = (p.Location ?? {}) as Properties;
    const location = Object.fromEntries(
      Object.entries({ Type: l.type, Path: l.path, Method: l.method, StatusCode: l.statusCode, Name: l.name }).filter(([name, value]) => value !== undefined && (name === 'Type' || given[name] !== undefined)),
    );
    // AWS's schema types Properties as text: an object only when the template gave one.
    return { RestApiId: p.RestApiId, Location: location, Properties: p.Properties && typeof p.Properties === 'object' ? templateJson(p.Properties, part.properties) : part.properties };
  },
  createOnly: ['Location', 'RestApiId'],
  primaryIdentifier: ['DocumentationPartId', 'RestApiId'],
  adopt: adoptByReading((request) => documentationPart.read!(request), (id) => id.DocumentationPartId, (id) => ({ DocumentationPartId: id.DocumentationPartId })),
  ...listUnderApi('DocumentationPartId', (request) => documentationPart.read!(request), 'GetDocumentationParts', 'id'),
  properties: ['Location', 'Properties', 'RestApiId'],
};

/** `AWS::ApiGateway::DocumentationVersion`: a snapshot of the API's documentation; Ref is the version. */
export const documentationVersion: ResourceType = {
  async create(request) {
    const p = request.properties;
    await request.call('apigateway', 'CreateDocumentationVersion', { restApiId: p.RestApiId, documentationVersion: p.DocumentationVersion, description: p.Description });
    return { physicalId: p.DocumentationVersion, attributes: {} };
  },
  async update(request) {
    const ops = patchChanges(request.previous, request.properties, { Description: '/description' });
    if (ops.length) await request.call('apigateway', 'UpdateDocumentationVersion', { restApiId: request.properties.RestApiId, documentationVersion: request.physicalId, patchOperations: ops });
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteDocumentationVersion', { restApiId: request.properties.RestApiId, documentationVersion: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const version = await request.call('apigateway', 'GetDocumentationVersion', { restApiId: p.RestApiId, documentationVersion: request.physicalId });
    return { RestApiId: p.RestApiId, DocumentationVersion: version.version, Description: version.description };
  },
  createOnly: ['DocumentationVersion', 'RestApiId'],
  primaryIdentifier: ['DocumentationVersion', 'RestApiId'],
  adopt: adoptByReading((request) => documentationVersion.read!(request), (id) => id.DocumentationVersion),
  ...listUnderApi('DocumentationVersion', (request) => documentationVersion.read!(request), 'GetDocumentationVersions', 'version'),
  properties: ['Description', 'DocumentationVersion', 'RestApiId'],
};
