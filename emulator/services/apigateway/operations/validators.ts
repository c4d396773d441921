import type { CreateRequestValidatorRequest, RequestValidator, UpdateRequestValidatorRequest } from '@aws-sdk/client-api-gateway';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, notFound } from '../errors.ts';
import { shortId } from '../ids.ts';
import { page } from '../pages.ts';
import { checkOps, segments } from '../patch.ts';
import { deleteFound, type ApiGatewayState, type StoredApi } from '../state.ts';

type Ctx = RequestContext<ApiGatewayState>;

const noValidator = () => notFound('Invalid Request Validator identifier specified');

function validatorOf(api: StoredApi, id: string | undefined): RequestValidator {
  const found = id !== undefined ? api.validators.get(id) : undefined;
  if (!found) throw noValidator();
  return found;
}

export function createRequestValidator(input: CreateRequestValidatorRequest, ctx: Ctx): RequestValidator {
  const api = ctx.state.api(input.restApiId, () => badRequest('Invalid REST API identifier specified'));
  if (!input.name?.trim()) throw badRequest('Request Validator name cannot be blank');
  const validator: RequestValidator = {
    id: shortId(6),
    name: input.name,
    validateRequestBody: input.validateRequestBody ?? false,
    validateRequestParameters: input.validateRequestParameters ?? false,
  };
  api.validators.set(validator.id!, validator);
  return { ...validator };
}

export function getRequestValidator(input: { restApiId: string; requestValidatorId: string }, ctx: Ctx): RequestValidator {
  return { ...validatorOf(ctx.state.api(input.restApiId, noValidator), input.requestValidatorId) };
}

export function getRequestValidators(input: { restApiId: string; position?: string; limit?: number }, ctx: Ctx) {
  return page([...ctx.state.api(input.restApiId).validators.values()].map((v) => ({ ...v })), input);
}

export function deleteRequestValidator(input: { restApiId: string; requestValidatorId: string }, ctx: Ctx): Record<string, never> {
  const api = ctx.state.api(input.restApiId, noValidator);
  return deleteFound(() => validatorOf(api, input.requestValidatorId), input.requestValidatorId, api.validators);
}

export function updateRequestValidator(input: UpdateRequestValidatorRequest, ctx: Ctx): RequestValidator {
  const ops = checkOps(input.patchOperations, 'updateRequestValidatorInput');
  const validator = validatorOf(ctx.state.api(input.restApiId, noValidator), input.requestValidatorId);
  const draft = { ...validator };
  for (const op of ops) {
    const [field] = segments(op.path);
    if (op.op !== 'replace') throw badRequest(`Invalid patch path  '${op.path}' specified for op '${op.op}'. Please choose supported operations`);
    if (field === 'name') {
      if (!op.value?.trim()) throw badRequest('Request Validator name cannot be blank');
      draft.name = op.value;
    }
    else if (field === 'validateRequestParameters' || field === 'validateRequestBody') draft[field] = op.value === 'true';
    else throw badRequest(`Invalid patch path  '${op.path}' specified for op 'replace'. Must be one of: [/name, /validateRequestParameters, /validateRequestBody]`);
  }
  Object.assign(validator, draft);
  return { ...validator };
}
