import type {
  CreateDocumentationPartRequest,
  CreateDocumentationVersionRequest,
  DocumentationPart,
  DocumentationVersion,
  ImportDocumentationPartsRequest,
  UpdateDocumentationPartRequest,
  UpdateDocumentationVersionRequest,
} from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, enumViolation, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { applyPatch, checkOps } from '../patch.ts';
import { deleteFound, type ApiGatewayState, type StoredApi } from '../state.ts';
import { parseOpenApi } from './openapi-document.ts';

type Ctx = RequestContext<ApiGatewayState>;

/** In the order AWS's validation message lists them. */
const LOCATION_TYPES = ['RESPONSE_BODY', 'RESPONSE', 'METHOD', 'MODEL', 'AUTHORIZER', 'RESPONSE_HEADER', 'RESOURCE', 'PATH_PARAMETER', 'REQUEST_BODY', 'QUERY_PARAMETER', 'API', 'REQUEST_HEADER'];

const noPart = () => notFound('Invalid Documentation part identifier specified');

function partOf(api: StoredApi, id: string | undefined): DocumentationPart {
  const found = id !== undefined ? api.documentationParts.get(id) : undefined;
  if (!found) throw noPart();
  return found;
}

function checkLocation(location: DocumentationPart['location'], inputName: string): void {
  if (!location?.type || !LOCATION_TYPES.includes(location.type)) {
    throw enumViolation([{ value: String(location?.type), at: `${inputName}.location.type`, allowed: LOCATION_TYPES }]);
  }
}

function addPart(api: StoredApi, location: DocumentationPart['location'], properties: string | undefined, inputName: string): DocumentationPart {
  checkLocation(location, inputName);
  const same = (p: DocumentationPart) => JSON.stringify(p.location) === JSON.stringify(location);
  if ([...api.documentationParts.values()].some(same)) throw conflict('Documentation part already exists');
  const part: DocumentationPart = { id: shortId(6), location, properties };
  api.documentationParts.set(part.id!, part);
  return part;
}

export function createDocumentationPart(input: CreateDocumentationPartRequest, ctx: Ctx): DocumentationPart {
  checkLocation(input.location, 'createDocumentationPartInput');
  const api = ctx.state.api(input.restApiId);
  return structuredClone(addPart(api, input.location, input.properties, 'createDocumentationPartInput'));
}

export function getDocumentationPart(input: { restApiId: string; documentationPartId: string }, ctx: Ctx): DocumentationPart {
  return structuredClone(partOf(ctx.state.api(input.restApiId, noPart), input.documentationPartId));
}

export function getDocumentationParts(input: { restApiId: string; type?: string; nameQuery?: string; path?: string; position?: string; limit?: number }, ctx: Ctx) {
  const parts = [...ctx.state.api(input.restApiId).documentationParts.values()].filter(
    (p) => (input.type === undefined || p.location?.type === input.type) && (input.path === undefined || p.location?.path === input.path) && (input.nameQuery === undefined || p.location?.name?.includes(input.nameQuery)),
  );
  return page(structuredClone(parts), input);
}

export function deleteDocumentationPart(input: { restApiId: string; documentationPartId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId);
  return deleteFound(() => partOf(api, input.documentationPartId), input.documentationPartId, api.documentationParts);
}

export function updateDocumentationPart(input: UpdateDocumentationPartRequest, ctx: Ctx): DocumentationPart {
  const ops = checkOps(input.patchOperations, 'updateDocumentationPartInput');
  const part = partOf(ctx.state.api(input.restApiId, noPart), input.documentationPartId);
  for (const op of ops) {
    if (op.op !== 'replace') throw badRequest(`Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`);
    if (op.path !== '/properties') throw badRequest(`Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/properties]`);
  }
  for (const op of ops) part.properties = op.value;
  return structuredClone(part);
}

type ImportedPart = { location: DocumentationPart['location']; properties: unknown };

/** The types whose location has a path, `/` (the root resource) when none is given (AWS's documented default). */
const PATH_TYPES = new Set(['RESOURCE', 'METHOD', 'PATH_PARAMETER', 'QUERY_PARAMETER', 'REQUEST_HEADER', 'REQUEST_BODY', 'RESPONSE', 'RESPONSE_HEADER', 'RESPONSE_BODY']);

/** An OpenAPI document's `x-amazon-apigateway-documentation` parts into an API, merged or overwriting; their ids in order. */
export function importParts(api: StoredApi, document: { 'x-amazon-apigateway-documentation'?: { documentationParts?: ImportedPart[] } }, mode: string | undefined): string[] {
  const parts = document['x-amazon-apigateway-documentation']?.documentationParts ?? [];
  if (mode === 'overwrite') api.documentationParts.clear();
  return parts.map((part) => {
    const location = { ...part.location, ...(PATH_TYPES.has(part.location?.type ?? '') && part.location?.path === undefined ? { path: '/' } : {}) } as DocumentationPart['location'];
    const properties = typeof part.properties === 'string' ? part.properties : JSON.stringify(part.properties);
    const existing = [...api.documentationParts.values()].find((p) => JSON.stringify(p.location) === JSON.stringify(location));
    if (existing) existing.properties = properties;
    return (existing ?? addPart(api, location, properties, 'importDocumentationPartsInput')).id!;
  });
}

/** ImportDocumentationParts: the parts of an OpenAPI document (JSON or YAML); AWS answers no `warnings` when there are none. */
export function importDocumentationParts(input: ImportDocumentationPartsRequest, ctx: Ctx): { ids: string[] } {
  const api = ctx.state.api(input.restApiId);
  const document = parseOpenApi(input.body, 'Unable to build importer with provided input.');
  return { ids: importParts(api, document, input.mode) };
}

function versionOf(api: StoredApi, version: string | undefined): DocumentationVersion {
  const found = version !== undefined ? api.documentationVersions.get(version) : undefined;
  if (!found) throw notFound('Invalid Documentation version identifier specified');
  return found;
}

export function createDocumentationVersion(input: CreateDocumentationVersionRequest, ctx: Ctx): DocumentationVersion {
  const api = ctx.state.api(input.restApiId);
  if (!input.documentationVersion) throw badRequest('Documentation version must be non-empty');
  if (api.documentationVersions.has(input.documentationVersion)) throw conflict('Documentation version already exists');
  if (input.stageName !== undefined && !api.stages.has(input.stageName)) throw badRequest('Invalid Stage identifier specified');
  const version: DocumentationVersion = { version: input.documentationVersion, createdDate: ctx.emulator.clock.date(), description: input.description };
  api.documentationVersions.set(version.version!, version);
  if (input.stageName) api.stages.get(input.stageName)!.documentationVersion = version.version;
  return { ...version };
}

export function getDocumentationVersion(input: { restApiId: string; documentationVersion: string }, ctx: Ctx): DocumentationVersion {
  return { ...versionOf(ctx.state.api(input.restApiId), input.documentationVersion) };
}

export function getDocumentationVersions(input: { restApiId: string; position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.api(input.restApiId).documentationVersions.values()].map((v) => ({ ...v })), input);
}

export function deleteDocumentationVersion(input: { restApiId: string; documentationVersion: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId);
  return deleteFound(() => versionOf(api, input.documentationVersion), input.documentationVersion, api.documentationVersions);
}

export function updateDocumentationVersion(input: UpdateDocumentationVersionRequest, ctx: Ctx): DocumentationVersion {
  const ops = checkOps(input.patchOperations, 'updateDocumentationVersionInput');
  const version = versionOf(ctx.state.api(input.restApiId), input.documentationVersion);
  const draft = { ...version } as Record<string, unknown>;
  applyPatch(draft, ops, { description: 'string' });
  version.description = draft.description as string | undefined;
  return { ...version };
}
