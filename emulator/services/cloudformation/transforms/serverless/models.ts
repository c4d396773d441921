import type { Properties } from '../../provider.ts';
import { TransformErrorFor } from './context.ts';
import { isOpenApi3 } from './rest-openapi.ts';
import { edit } from './swagger-edits.ts';
import { fromTemplate, insert, iterationOrder, py27Str, setKey, templateKeys, templateValues, tracked, type CopyClock } from './py27.ts';

// A REST API's `Models` and its Api events' `RequestModel` as the SAM translator writes them: the models as the
// definition's `definitions` (OpenAPI 3: components.schemas) under their lower-case names, each event's model as the
// method's body parameter (OpenAPI 3: requestBody) and, when asked, a request validator.

const VALIDATORS = 'x-amazon-apigateway-request-validators';

const isDict = (value: unknown): value is Properties => !!value && typeof value === 'object' && !Array.isArray(value);
const isIntrinsic = (value: unknown) => isDict(value) && Object.keys(value).length === 1 && /^(Ref|Fn::.+)$/.test(Object.keys(value)[0]);

/** SAM's check of the property's type, with the resource's other properties. */
export function checkModelsType(owner: string, models: unknown): void {
  if (models !== undefined && models !== null && !isDict(models)) throw new TransformErrorFor(owner, "Property 'Models' should be a map.");
}

/** The swagger validity SAM's editor checks: paths a map, and a swagger version or an OpenAPI 3 one. */
function validSwagger(body: unknown): boolean {
  if (!isDict(body) || !Object.keys(body).length || !isDict(body.paths)) return false;
  if (body.swagger) return true;
  return !!body.openapi && isOpenApi3(body.openapi);
}

/** The API's `Models` added to its definition (after its BinaryMediaTypes edit). */
export function addModels(owner: string, models: unknown, definition: Properties, clock: CopyClock): void {
  if (!models || (isDict(models) && !Object.keys(models).length)) return;
  if (!definition.Body) throw new TransformErrorFor(owner, "Models works only with inline Swagger specified in 'DefinitionBody' property.");
  if (!validSwagger(definition.Body)) throw new TransformErrorFor(owner, "Unable to add Models definitions because 'DefinitionBody' does not contain a valid Swagger definition.");
  const given = models as Properties;
  if (!Object.values(given).every(isDict)) throw new TransformErrorFor(owner, "Invalid value for 'Models' property");
  const body = definition.Body as Properties;
  edit(clock, () => {
    const definitions = (isDict(body.definitions) && Object.keys(body.definitions).length ? body.definitions : templateKeys(tracked({}, clock))) as Properties;
    for (const name of iterationOrder(given)) {
      const schema = given[name] as Properties;
      if (!schema.type) throw new Error("Structure of the SAM template is invalid. 'Models' schema is missing 'type'.");
      insert(definitions, name.toLowerCase(), fromTemplate(schema));
    }
    setKey(body, 'definitions', definitions);
  });
}

/** What a method's definition is written for: swagger 2.0, OpenAPI 3, or neither (SAM then adds no model). */
export function documentKind(doc: Properties | undefined): 'swagger' | 'openapi3' | undefined {
  if (!doc) return undefined;
  if (doc.swagger !== undefined && doc.swagger !== null) return 'swagger';
  return doc.openapi && isOpenApi3(doc.openapi) ? 'openapi3' : undefined;
}

/** SAM's name of a request validator. */
function validatorName(body: boolean, parameters: boolean): string {
  if (body && parameters) return 'body-and-params';
  if (body) return 'body-only';
  return parameters ? 'params-only' : 'no-validation';
}

/** Python's `str()` of a RequestModel's Model in SAM's messages (a list or map as Python prints it). */
const modelText = (model: unknown) => (typeof model === 'string' ? model : py27Str(model));

/**
 * An Api event's `RequestModel` {Model, Required, ValidateBody, ValidateParameters} on its method (`method`), in
 * the event's edit of the document (`kind`); a validator goes to the API's entry, written into the definition with
 * the API (see apis.ts).
 */
export function addRequestModel(owner: string, eventId: string, event: Properties, api: Properties, method: Properties, entry: Properties, kind: 'swagger' | 'openapi3' | undefined, clock: CopyClock): void {
  const requestModel = event.RequestModel;
  if (requestModel === undefined || requestModel === null) return;
  const fail = (message: string) => new TransformErrorFor(owner, `Event with id [${eventId}] is invalid. ${message}`);
  if (!isDict(requestModel)) throw fail("Property 'RequestModel' should be a map.");
  const model = requestModel.Model;
  if (!model) return;
  const where = `on API method [${String(event.Method)}] for path [${String(event.Path)}]`;
  const models = api.Models;
  if (!models) throw fail(`Unable to set RequestModel [${modelText(model)}] ${where} because the related API does not define any Models.`);
  if (!isIntrinsic(models) && !isDict(models)) throw fail(`Unable to set RequestModel [${modelText(model)}] ${where} because the related API Models defined is of invalid type.`);
  if (typeof model !== 'string') throw fail(`Unable to set RequestModel [${modelText(model)}] ${where} because the related API does not contain valid Models.`);
  if (!Object.hasOwn(models as Properties, model) || !(models as Properties)[model]) throw fail(`Unable to set RequestModel [${model}] ${where} because it wasn't defined in the API's Models.`);
  const name = model.toLowerCase();
  const required = requestModel.Required;
  if (kind === 'swagger') {
    // The name keeps the template string's type through lower().
    const parameter = templateValues(tracked({ in: 'body', name, schema: { $ref: `#/definitions/${name}` } }, clock), 'name');
    if (required !== undefined && required !== null) insert(parameter, 'required', required);
    insert(method, 'parameters', [...((method.parameters as unknown[] | undefined) ?? []), parameter]);
  } else if (kind === 'openapi3') {
    const body: Properties = { content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    if (required !== undefined && required !== null) body.required = required;
    insert(method, 'requestBody', body);
  }
  let validateBody = requestModel.ValidateBody;
  let validateParameters = requestModel.ValidateParameters;
  if ((validateBody === undefined || validateBody === null) && (validateParameters === undefined || validateParameters === null)) return;
  validateBody ??= false;
  validateParameters ??= false;
  if (typeof validateBody !== 'boolean' || typeof validateParameters !== 'boolean') {
    throw fail(`Unable to set Validator to RequestModel [${model}] ${where} ValidateBody and ValidateParameters must be a boolean type, strings or intrinsics are not supported.`);
  }
  const validator = validatorName(validateBody, validateParameters);
  entry.validatorsAt ??= clock.now;
  const validators = (entry.requestValidators ??= tracked({}, clock)) as Properties;
  if (!validators[validator]) insert(validators, validator, tracked({ validateRequestBody: validateBody, validateRequestParameters: validateParameters }, clock));
  insert(method, 'x-amazon-apigateway-request-validator', validator);
}

/** The validators the API's events asked for, into its definition (where they were added, in the events' edits). */
export function addEventValidators(definition: Properties, entry: Properties): void {
  const validators = entry.requestValidators as Properties | undefined;
  if (!validators || !definition.Body) return;
  const existing = definition.Body[VALIDATORS] as Properties | undefined;
  if (!isDict(existing) || !Object.keys(existing).length) return setKey(definition.Body, VALIDATORS, validators, entry.validatorsAt as number);
  for (const name of Object.keys(validators)) if (!existing[name]) insert(existing, name, validators[name]);
}
