import type { Model, RequestValidator } from '@aws-sdk/client-api-gateway';
import AjvModule from 'ajv-draft-04';
import type { StoredMethod } from '../state.ts';
import { header, type ExecRequest } from './request.ts';
import { GatewayFailure } from './responses.ts';

// The CommonJS module's default export, whichever way the loader hands it over.
type Validator = { compile(schema: object): (value: unknown) => boolean };
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as new (options: object) => Validator;
const validators = new WeakMap<Model, (value: unknown) => boolean>();
let ajv: Validator | undefined;

/** A model's JSON Schema (draft 4, as API Gateway models are), compiled once per deployed model. */
function compiled(model: Model): (value: unknown) => boolean {
  let validate = validators.get(model);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: false, strict: false });
    try {
      const schema = JSON.parse(model.schema ?? '{}');
      delete schema.$schema;
      validate = ajv.compile(schema);
    } catch {
      validate = () => true;
    }
    validators.set(model, validate);
  }
  return validate;
}

/** The method's request validator: required parameters (400 BAD_REQUEST_PARAMETERS) and the body's model (400 BAD_REQUEST_BODY). */
export function validateRequest(method: StoredMethod, validator: RequestValidator | undefined, models: Model[], request: ExecRequest, pathParameters: Record<string, string>): void {
  if (!validator) return;
  if (validator.validateRequestParameters) {
    const missing: string[] = [];
    for (const [name, required] of Object.entries(method.requestParameters ?? {})) {
      if (!required) continue;
      const [, where, key] = /^method\.request\.(querystring|header|path)\.(.+)$/.exec(name) ?? [];
      const present = where === 'querystring' ? request.query.has(key) : where === 'header' ? header(request, key) !== undefined : where === 'path' ? pathParameters[key] !== undefined : true;
      if (!present) missing.push(key);
    }
    if (missing.length) throw new GatewayFailure('BAD_REQUEST_PARAMETERS', `Missing required request parameters: [${missing.join(', ')}]`);
  }
  if (validator.validateRequestBody) {
    const contentType = (header(request, 'content-type') ?? 'application/json').split(';')[0].trim();
    const modelName = method.requestModels?.[contentType] ?? method.requestModels?.['$default'];
    const model = modelName ? models.find((m) => m.name === modelName) : undefined;
    if (!model) return;
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8') || 'null');
    } catch {
      throw new GatewayFailure('BAD_REQUEST_BODY', 'Invalid request body');
    }
    if (!compiled(model)(body)) throw new GatewayFailure('BAD_REQUEST_BODY', 'Invalid request body');
  }
}
