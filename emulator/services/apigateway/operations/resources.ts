import type { CreateResourceRequest, Resource, UpdateResourceRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { checkOps, segments } from '../patch.ts';
import { noResource, pathOf, resourceOf, type ApiGatewayState, type StoredApi, type StoredResource } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;

const PATH_PART = /^(?:[a-zA-Z0-9._:-]+|\{[a-zA-Z0-9._-]+\+?\})$/;
const isVariable = (part: string | undefined) => part?.startsWith('{') ?? false;
const isGreedy = (part: string | undefined) => part?.endsWith('+}') ?? false;

/**
 * A resource as the API answers it: its methods by name, each empty unless `embed` asks for `methods` (AWS's `embed`
 * parameter; recorded: imported resources list `{"GET": {}}`).
 */
export function resourceOutput(api: StoredApi, resource: StoredResource, embed?: string[]): Resource {
  const full = embed?.includes('methods');
  const methods = Object.fromEntries([...resource.methods].map(([name, method]) => [name, full ? method : {}]));
  return {
    id: resource.id,
    parentId: resource.parentId,
    pathPart: resource.pathPart,
    path: pathOf(api, resource),
    resourceMethods: resource.methods.size ? methods : undefined,
  };
}

/** The checks CreateResource and UpdateResource share: a valid path part, unique among siblings, no greedy parent. */
function checkPlacement(api: StoredApi, parent: StoredResource, pathPart: string | undefined, self?: string): void {
  if (!pathPart || !PATH_PART.test(pathPart)) {
    throw badRequest(
      "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.",
    );
  }
  if (isGreedy(parent.pathPart)) throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  for (const sibling of api.resources.values()) {
    if (sibling.parentId !== parent.id || sibling.id === self) continue;
    if (sibling.pathPart === pathPart) throw conflict(`Another resource with the same parent already has this name: ${pathPart}`);
    if (isVariable(sibling.pathPart) && isVariable(pathPart)) {
      throw badRequest(`A sibling (${sibling.pathPart}) of this resource already has a variable path part -- only one is allowed`);
    }
  }
}

export function createResource(input: CreateResourceRequest, ctx: Ctx): Resource {
  const api = ctx.state.api(input.restApiId);
  const parent = resourceOf(api, input.parentId);
  checkPlacement(api, parent, input.pathPart);
  const resource: StoredResource = { id: shortId(), parentId: parent.id, pathPart: input.pathPart, methods: new Map() };
  api.resources.set(resource.id, resource);
  return resourceOutput(api, resource);
}

export function getResource(input: { restApiId: string; resourceId: string; embed?: string[] }, ctx: Ctx): Resource {
  const api = ctx.state.api(input.restApiId, noResource);
  return resourceOutput(api, resourceOf(api, input.resourceId), input.embed);
}

export function getResources(input: { restApiId: string; position?: string; limit?: number; embed?: string[] }, ctx: Ctx) {
  const api = ctx.state.api(input.restApiId);
  const all = [...api.resources.values()].map((r) => resourceOutput(api, r, input.embed)).sort((a, b) => (a.path! < b.path! ? -1 : a.path! > b.path! ? 1 : 0));
  return page(all, input);
}

function descendants(api: StoredApi, id: string): string[] {
  const children = [...api.resources.values()].filter((r) => r.parentId === id).map((r) => r.id);
  return [...children, ...children.flatMap((c) => descendants(api, c))];
}

export function deleteResource(input: { restApiId: string; resourceId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId, noResource);
  const resource = resourceOf(api, input.resourceId);
  if (resource.id === api.api.rootResourceId) throw badRequest('Cannot delete root resource');
  for (const id of [resource.id, ...descendants(api, resource.id)]) api.resources.delete(id);
  return {};
}

export function updateResource(input: UpdateResourceRequest, ctx: Ctx): Resource {
  const ops = checkOps(input.patchOperations, 'updateResourceInput');
  const api = ctx.state.api(input.restApiId, noResource);
  const resource = resourceOf(api, input.resourceId);
  const draft = { ...resource };
  for (const op of ops) {
    const [field] = segments(op.path);
    if (op.op !== 'replace') throw badRequest(`Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`);
    if (field !== 'parentId' && field !== 'pathPart') throw badRequest(`Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/parentId, /pathPart]`);
    if (resource.id === api.api.rootResourceId) throw badRequest(`Root resource cannot update its ${field}.`);
    draft[field] = op.value;
  }
  const parent = resourceOf(api, draft.parentId);
  if (draft.parentId === resource.id || descendants(api, resource.id).includes(parent.id)) throw badRequest('Resources cannot be cyclical.');
  checkPlacement(api, parent, draft.pathPart, resource.id);
  Object.assign(resource, draft);
  return resourceOutput(api, resource);
}
