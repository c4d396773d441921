import { jsonText, type Properties, type ResourceRequest, type ResourceState, type ResourceType } from '../../cloudformation/provider.ts';
import type { PatchOperation, RestApi } from '@aws-sdk/client-api-gateway';
import { givenMembers, jsonAsGiven, templateOrder, templateTags } from '../../cloudformation/read-back.ts';
import { AwsError } from '../../../core/errors.ts';
import { count, flag, patchChanges, tagMap } from './values.ts';

/** The OpenAPI document of `Body` (an object or text) or `BodyS3Location`, read from S3 as the stack's caller. */
async function definition(request: ResourceRequest): Promise<Uint8Array | undefined> {
  const p = request.properties;
  if (p.Body !== undefined) return Buffer.from(typeof p.Body === 'string' ? p.Body : JSON.stringify(p.Body));
  const location = p.BodyS3Location as Properties | undefined;
  if (!location) return undefined;
  const object = await request.call<{ Body: AsyncIterable<Buffer> | Buffer }>('s3', 'GetObject', { Bucket: location.Bucket, Key: location.Key, VersionId: location.Version });
  if (Buffer.isBuffer(object.Body)) return object.Body;
  const chunks: Buffer[] = [];
  for await (const chunk of object.Body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function endpointConfiguration(p: Properties) {
  const config = p.EndpointConfiguration as Properties | undefined;
  return config ? { types: config.Types, vpcEndpointIds: config.VpcEndpointIds, ipAddressType: config.IpAddressType } : undefined;
}

async function state(request: ResourceRequest, id: string): Promise<ResourceState> {
  const api = await request.call('apigateway', 'GetRestApi', { restApiId: id });
  return { physicalId: id, attributes: { RestApiId: id, RootResourceId: api.rootResourceId } };
}

/** Applies the OpenAPI body (when given) to the API: `Mode` overwrite (the default) or merge, as PutRestApi does. */
async function putBody(request: ResourceRequest, id: string): Promise<void> {
  const body = await definition(request);
  if (!body) return;
  await request.call('apigateway', 'PutRestApi', {
    restApiId: id,
    body,
    mode: request.properties.Mode ?? 'overwrite',
    failOnWarnings: flag(request.properties.FailOnWarnings),
    parameters: request.properties.Parameters,
  });
  // A name in the template wins over the document's title; the template's binary media types join the document's
  // (AWS's recording answers both lists' types).
  const ops: PatchOperation[] = [];
  if (request.properties.Name !== undefined) ops.push({ op: 'replace', path: '/name', value: String(request.properties.Name) });
  const imported = new Set((await request.call('apigateway', 'GetRestApi', { restApiId: id })).binaryMediaTypes ?? []);
  for (const type of mediaTypes(request.properties.BinaryMediaTypes)) if (!imported.has(type)) ops.push({ op: 'add', path: `/binaryMediaTypes/${escapeMediaType(type)}` });
  if (ops.length) await request.call('apigateway', 'UpdateRestApi', { restApiId: id, patchOperations: ops });
}

/** The property's media types: CloudFormation's form escapes each `/` as `~1` (image~1png), which it sends as `/`. */
function mediaTypes(list: unknown): string[] {
  return ((list ?? []) as string[]).map((type) => String(type).replaceAll('~1', '/'));
}

/** The API's binary media types in the template's order, each written as the template wrote it (`~1` or `/`). */
function readMediaTypes(given: unknown, types: string[]): string[] {
  const written = new Map(((given ?? []) as string[]).map((type) => [String(type).replaceAll('~1', '/'), String(type)]));
  return templateOrder(given, types.map((type) => written.get(type) ?? type), String);
}

/** A media type as a patch path segment (JSON Pointer escaping). */
function escapeMediaType(type: string): string {
  return type.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `AWS::ApiGateway::RestApi`: Ref is the API id; GetAtt RestApiId, RootResourceId. */
export const restApi: ResourceType = {
  properties: [
    'ApiKeySourceType',
    'BinaryMediaTypes',
    'Body',
    'BodyS3Location',
    'CloneFrom',
    'Description',
    'DisableExecuteApiEndpoint',
    'EndpointAccessMode',
    'EndpointConfiguration',
    'FailOnWarnings',
    'MinimumCompressionSize',
    'Mode',
    'Name',
    'Parameters',
    'Policy',
    'SecurityPolicy',
    'Tags',
    'Version',
  ],
  async create(request) {
    const p = request.properties;
    if (p.Name === undefined && p.Body === undefined && p.BodyS3Location === undefined) {
      throw new AwsError('ValidationError', `Properties validation failed for resource ${request.logicalId} with message: #: required key [Name] not found`);
    }
    const api = await request.call('apigateway', 'CreateRestApi', {
      name: p.Name ?? request.logicalId,
      description: p.Description,
      version: p.Version,
      binaryMediaTypes: p.BinaryMediaTypes === undefined ? undefined : mediaTypes(p.BinaryMediaTypes),
      minimumCompressionSize: count(p.MinimumCompressionSize),
      apiKeySource: p.ApiKeySourceType,
      endpointConfiguration: endpointConfiguration(p),
      policy: jsonText(p.Policy),
      disableExecuteApiEndpoint: flag(p.DisableExecuteApiEndpoint),
      cloneFrom: p.CloneFrom,
      securityPolicy: p.SecurityPolicy,
      endpointAccessMode: p.EndpointAccessMode,
      tags: tagMap(request),
    });
    try {
      await putBody(request, api.id);
    } catch (error) {
      await request.call('apigateway', 'DeleteRestApi', { restApiId: api.id });
      throw error;
    }
    return state(request, api.id);
  },
  async update(request) {
    const { previous, properties } = request;
    if (JSON.stringify([previous.Body, previous.BodyS3Location]) !== JSON.stringify([properties.Body, properties.BodyS3Location])) await putBody(request, request.physicalId);
    const ops = patchChanges({ ...previous, Policy: jsonText(previous.Policy) }, { ...properties, Policy: jsonText(properties.Policy) }, {
      Name: '/name',
      Description: '/description',
      ApiKeySourceType: '/apiKeySource',
      MinimumCompressionSize: '/minimumCompressionSize',
      Policy: '/policy',
      DisableExecuteApiEndpoint: '/disableExecuteApiEndpoint',
      SecurityPolicy: '/securityPolicy',
      EndpointAccessMode: '/endpointAccessMode',
    });
    const type = (c: unknown) => ((c as Properties | undefined)?.Types ?? ['EDGE'])[0] as string;
    if (type(previous.EndpointConfiguration) !== type(properties.EndpointConfiguration)) {
      ops.push({ op: 'replace', path: `/endpointConfiguration/types/${type(previous.EndpointConfiguration)}`, value: type(properties.EndpointConfiguration) });
    }
    const media = (list: unknown) => new Set(mediaTypes(list));
    for (const type of media(previous.BinaryMediaTypes)) if (!media(properties.BinaryMediaTypes).has(type)) ops.push({ op: 'remove', path: `/binaryMediaTypes/${escapeMediaType(type)}` });
    for (const type of media(properties.BinaryMediaTypes)) if (!media(previous.BinaryMediaTypes).has(type)) ops.push({ op: 'add', path: `/binaryMediaTypes/${escapeMediaType(type)}` });
    if (ops.length) await request.call('apigateway', 'UpdateRestApi', { restApiId: request.physicalId, patchOperations: ops });
    return state(request, request.physicalId);
  },
  async delete(request) {
    await request.call('apigateway', 'DeleteRestApi', { restApiId: request.physicalId });
  },
  // Body, BodyS3Location, CloneFrom, FailOnWarnings, Mode and Parameters are write-only in AWS's schema: not read back.
  async read(request) {
    const p = request.properties;
    const api = await request.call<RestApi>('apigateway', 'GetRestApi', { restApiId: request.physicalId });
    const endpoint = api.endpointConfiguration;
    // GetRestApi answers the policy's text escaped (`{\"Version\":...}`).
    const policy = api.policy === undefined ? undefined : (JSON.parse(`"${api.policy}"`) as string);
    return {
      Name: api.name,
      Description: api.description,
      ApiKeySourceType: api.apiKeySource,
      BinaryMediaTypes: readMediaTypes(p.BinaryMediaTypes, api.binaryMediaTypes ?? []),
      MinimumCompressionSize: api.minimumCompressionSize,
      EndpointConfiguration: givenMembers(p.EndpointConfiguration, endpoint && { Types: endpoint.types, VpcEndpointIds: endpoint.vpcEndpointIds, IpAddressType: endpoint.ipAddressType }),
      Policy: jsonAsGiven(p.Policy, policy),
      DisableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
      Tags: templateTags(request, api.tags),
    };
  },
  createOnly: ['CloneFrom'],
};
