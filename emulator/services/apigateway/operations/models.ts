import type { CreateModelRequest, Model, UpdateModelRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { checkOps, segments } from '../patch.ts';
import { pathOf, type ApiGatewayState, type StoredApi } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;

/** AWS's answer to a model without a schema (test_model_validation). */
const EMPTY_SCHEMA = 'Model schema must have at least 1 property or array items defined';

/** The two models every new REST API has. */
export function defaultModels(): Model[] {
  const schema = (title: string, extra = {}) => JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', title, type: 'object', ...extra });
  return [
    { id: shortId(6), name: 'Empty', description: 'This is a default empty schema model', schema: schema('Empty Schema'), contentType: 'application/json' },
    { id: shortId(6), name: 'Error', description: 'This is a default error schema model', schema: schema('Error Schema', { properties: { message: { type: 'string' } } }), contentType: 'application/json' },
  ];
}

const noModel = (name: string | undefined) => () => notFound(`Invalid model name specified: ${name}`);

export function modelOf(api: StoredApi, name: string | undefined): Model {
  const found = name !== undefined ? api.models.get(name) : undefined;
  if (!found) throw notFound(`Invalid model name specified: ${name}`);
  return found;
}

export function createModel(input: CreateModelRequest, ctx: Ctx): Model {
  const api = ctx.state.api(input.restApiId);
  if (!input.name) throw badRequest('Model name must be non-empty');
  if (!/^[a-zA-Z0-9]+$/.test(input.name)) throw badRequest('Model name must be alphanumeric');
  if (api.models.has(input.name)) throw conflict('Model name already exists for this REST API');
  if (!input.schema) throw badRequest(EMPTY_SCHEMA);
  {
    try {
      JSON.parse(input.schema);
    } catch {
      throw badRequest('Validation Result: warnings : [], errors : [Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]]');
    }
  }
  const model: Model = { id: shortId(6), name: input.name, description: input.description || undefined, schema: input.schema, contentType: input.contentType };
  api.models.set(input.name, model);
  return { ...model };
}

export function getModel(input: { restApiId: string; modelName: string }, ctx: Ctx): Model {
  return { ...modelOf(ctx.state.api(input.restApiId, noModel(input.modelName)), input.modelName) };
}

export function getModels(input: { restApiId: string; position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.api(input.restApiId).models.values()].map((m) => ({ ...m })), input);
}

export function deleteModel(input: { restApiId: string; modelName: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId, noModel(input.modelName));
  const model = modelOf(api, input.modelName);
  // The most recently created resource is named first, as AWS answered with two methods using the model.
  for (const resource of [...api.resources.values()].reverse()) {
    for (const [httpMethod, method] of resource.methods) {
      if (Object.values(method.requestModels ?? {}).includes(model.name!)) {
        throw conflict(`Cannot delete model '${model.name}', is referenced in method request: ${pathOf(api, resource)}/${httpMethod}`);
      }
    }
  }
  api.models.delete(model.name!);
  return {};
}

export function updateModel(input: UpdateModelRequest, ctx: Ctx): Model {
  const ops = checkOps(input.patchOperations, 'updateModelInput');
  const model = modelOf(ctx.state.api(input.restApiId, noModel(input.modelName)), input.modelName);
  const draft = { ...model };
  for (const op of ops) {
    const [field] = segments(op.path);
    if (op.op !== 'replace') throw badRequest(`Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`);
    if (field !== 'description' && field !== 'schema') throw badRequest(`Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/description, /schema]`);
    if (field === 'schema' && !op.value) throw badRequest(EMPTY_SCHEMA);
    draft[field] = op.value || undefined;
  }
  Object.assign(model, draft);
  return { ...model };
}

/** A mapping template skeleton for the model (GetModelTemplate): the schema's properties as `$input.path` lookups. */
export function getModelTemplate(input: { restApiId: string; modelName: string }, ctx: Ctx): { value: string } {
  const model = modelOf(ctx.state.api(input.restApiId), input.modelName);
  let schema: { properties?: Record<string, unknown> } = {};
  try {
    schema = JSON.parse(model.schema ?? '{}');
  } catch {
    // An unparsable schema yields an empty template.
  }
  const lines = Object.keys(schema.properties ?? {}).map((p) => `  "${p}" : $input.json('$.${p}')`);
  return { value: `#set($inputRoot = $input.path('$'))\n{\n${lines.join(',\n')}\n}` };
}
