import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { isKnownType } from '../engine/types.ts';
import { readTemplateUrl } from '../engine/template-url.ts';
import { templateError, validationError } from '../errors.ts';
import { parseTemplate, type Template } from '../template/parse.ts';
import { declaredTransforms, processTemplate } from '../transforms/index.ts';
import { ServerlessTransformFailure, TransformFailure } from '../transforms/macros.ts';
import { snippetTransforms } from '../transforms/snippets.ts';
import type { ParameterInput } from '../template/parameters.ts';
import type { CloudFormationState } from '../state.ts';

export type CfnContext = RequestContext<CloudFormationState>;

const MAX_BODY = 51_200;
const MAX_URL_TEMPLATE = 1_000_000;
const TOP_LEVEL = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Rules', 'Mappings', 'Conditions', 'Transform', 'Resources', 'Outputs', 'Hooks']);
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'CreationPolicy', 'UpdatePolicy']);

/** Checks the shape of a template (sections, resources, types), with AWS's "Template format error" messages. */
export function checkTemplate(template: Template, ctx: CfnContext): void {
  const unknownKeys = Object.keys(template).filter((k) => !TOP_LEVEL.has(k));
  if (unknownKeys.length) throw templateError(`Template format error: Invalid template property or properties [${unknownKeys.join(', ')}]`);
  if (template.AWSTemplateFormatVersion !== undefined && String(template.AWSTemplateFormatVersion) !== '2010-09-09') {
    throw templateError(`Template format error: '${String(template.AWSTemplateFormatVersion)}' is not a valid template version.`);
  }
  const resources = template.Resources;
  if (resources !== undefined && resources !== null && (typeof resources !== 'object' || Array.isArray(resources))) {
    throw templateError('Template format error: Any Resources member must be an object.');
  }
  if (!resources || typeof resources !== 'object' || !Object.keys(resources).length) throw templateError('Template format error: At least one Resources member must be defined.');
  for (const [id, resource] of Object.entries(resources)) {
    if (!/^[A-Za-z0-9]+$/.test(id)) throw templateError(`Template format error: Resource name ${id} is non alphanumeric.`);
    if (!resource || typeof resource !== 'object' || Array.isArray(resource)) throw templateError('Template format error: Any Resources member must be an object.');
    if (typeof resource.Type !== 'string') throw templateError(`Template format error: [/Resources/${id}] Every Resources object must contain a Type member.`);
    const unknown = Object.keys(resource).find((key) => !RESOURCE_KEYS.has(key));
    if (unknown) throw validationError(`Invalid template resource property '${unknown}'`);
  }
  for (const name of Object.keys(template.Parameters ?? {})) {
    if (!/^[A-Za-z0-9]+$/.test(name)) throw templateError(`Template format error: Parameter name ${name} is non alphanumeric.`);
  }
  checkMappings(template.Mappings);
  for (const [key, output] of Object.entries(template.Outputs ?? {})) {
    if (!output || typeof output !== 'object' || !('Value' in output)) throw templateError('Template format error: Every Outputs member must contain a Value object');
    for (const [member, value] of Object.entries(output)) {
      if (value === null) throw validationError(`[/Outputs/${key}/${member}] 'null' values are not allowed in templates`);
    }
  }
  const unknownTypes = [...new Set(Object.values(resources).map((r) => r.Type))].filter((type) => !isKnownType(type, ctx.emulator));
  if (unknownTypes.length) throw templateError(`Template format error: Unrecognized resource types: [${unknownTypes.join(', ')}]`);
}

const isMap = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** Mappings are two levels of maps whose values are strings (or numbers) or lists of them: no intrinsic functions. */
function checkMappings(mappings: unknown): void {
  const scalar = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);
  for (const [name, mapping] of Object.entries(isMap(mappings) ? mappings : {})) {
    if (!isMap(mapping)) throw templateError(`Template format error: Every Mappings member ${name} must be a map`);
    for (const [key, level] of Object.entries(mapping)) {
      if (!isMap(level)) throw templateError(`Template format error: Every Mappings member ${key} must be a map`);
      for (const value of Object.values(level)) {
        if (!scalar(value) && !(Array.isArray(value) && value.every(scalar))) throw templateError('Template format error: Every Mappings attribute must be a String or a List.');
      }
    }
  }
}

/**
 * The template a request gives (TemplateBody or TemplateURL), read, parsed and processed (its transforms applied),
 * with the transforms it declares; with deferTransformFailure, a failing macro's message instead of its refusal ('change-set':
 * the SAM transform's too).
 */
export async function templateFrom(
  input: { TemplateBody?: string; TemplateURL?: string; Parameters?: ParameterInput[] },
  ctx: CfnContext,
  options: { deferTransformFailure?: boolean | 'change-set' } = {},
): Promise<{ body: string; template: Template; transforms: string[]; transformFailure?: string }> {
  if (input.TemplateBody !== undefined && input.TemplateURL !== undefined) throw validationError('Specify exactly one of TemplateBody or TemplateUrl.');
  let body = input.TemplateBody;
  if (body !== undefined && Buffer.byteLength(body) > MAX_BODY) {
    // AWS quotes the whole body (its recorded answer to test_to_validate_template_limit_for_macro).
    throw validationError(`1 validation error detected: Value '${body}' at 'templateBody' failed to satisfy constraint: Member must have length less than or equal to ${MAX_BODY}`);
  }
  if (body === undefined && input.TemplateURL !== undefined) {
    const call = (service: string, operation: string, request: object) => ctx.emulator.call<never>(service, operation, request, { caller: ctx.caller, region: ctx.region });
    body = await readTemplateUrl(input.TemplateURL, call);
    // A decimal megabyte, as AWS's message says it.
    if (Buffer.byteLength(body) > MAX_URL_TEMPLATE) throw validationError(`Template may not exceed ${MAX_URL_TEMPLATE} bytes in size.`);
  }
  if (body === undefined) throw validationError('Either Template URL or Template Body must be specified.');
  const original = parseTemplate(body);
  const transforms = [...new Set([...declaredTransforms(original), ...snippetTransforms(original)])];
  try {
    return { body, template: await processTemplate(original, ctx, parameterValues(original, input.Parameters)), transforms };
  } catch (error) {
    // CreateStack reports a macro's failure on the stack it makes (deferTransformFailure): the template stays unprocessed.
    const deferred = error instanceof ServerlessTransformFailure ? options.deferTransformFailure === 'change-set' : options.deferTransformFailure;
    if (deferred && error instanceof TransformFailure) return { body, template: original, transforms, transformFailure: error.message };
    throw error;
  }
}

/** The parameter values macros are given: each declared parameter's given value or default (lists as lists). */
function parameterValues(template: Template, given: ParameterInput[] | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, declared] of Object.entries(template.Parameters ?? {})) {
    const text = given?.find((p) => p.ParameterKey === key)?.ParameterValue ?? declared.Default;
    if (text === undefined) continue;
    const type = String(declared.Type);
    values[key] = type.startsWith('List<') || type === 'CommaDelimitedList' ? String(text).split(',') : String(text);
  }
  return values;
}

const IAM_TYPES = new Map<string, string | undefined>([
  ['AWS::IAM::Role', 'RoleName'],
  ['AWS::IAM::User', 'UserName'],
  ['AWS::IAM::Group', 'GroupName'],
  ['AWS::IAM::ManagedPolicy', 'ManagedPolicyName'],
  ['AWS::IAM::InstanceProfile', 'InstanceProfileName'],
  ['AWS::IAM::Policy', undefined],
  ['AWS::IAM::AccessKey', undefined],
  ['AWS::IAM::UserToGroupAddition', undefined],
]);

/** The capabilities a template needs and why (IAM resources; named ones need CAPABILITY_NAMED_IAM). */
export function requiredCapabilities(template: Template): { capability?: string; reason?: string } {
  let capability: string | undefined;
  const names: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    if (!IAM_TYPES.has(resource.Type)) continue;
    names.push(id);
    const nameProperty = IAM_TYPES.get(resource.Type);
    if (nameProperty && resource.Properties && Object.hasOwn(resource.Properties, nameProperty)) capability = 'CAPABILITY_NAMED_IAM';
    else capability ??= 'CAPABILITY_IAM';
  }
  if (!capability) return {};
  return { capability, reason: `The following resource(s) require capabilities: [${[...new Set(names.map((id) => template.Resources![id].Type))].join(', ')}]` };
}

/**
 * CreateStack and UpdateStack of a template with transforms (macros, AWS's included) need CAPABILITY_AUTO_EXPAND;
 * change sets do not, since they show the processed template before it is deployed.
 */
export function checkAutoExpand(transforms: string[], given: string[] | undefined): void {
  if (transforms.length && !(given ?? []).includes('CAPABILITY_AUTO_EXPAND')) {
    throw new AwsError('InsufficientCapabilitiesException', 'Requires capabilities : [CAPABILITY_AUTO_EXPAND]');
  }
}

/** InsufficientCapabilitiesException unless the request acknowledges what the template needs. */
export function checkCapabilities(template: Template, given: string[] | undefined): void {
  const { capability } = requiredCapabilities(template);
  if (!capability) return;
  const have = new Set(given ?? []);
  if (have.has(capability) || (capability === 'CAPABILITY_IAM' && have.has('CAPABILITY_NAMED_IAM'))) return;
  throw new AwsError('InsufficientCapabilitiesException', `Requires capabilities : [${capability}]`);
}

export function checkStackName(name: unknown): string {
  if (typeof name !== 'string' || !name) throw validationError("1 validation error detected: Value null at 'stackName' failed to satisfy constraint: Member must not be null");
  if (!/^[a-zA-Z][-a-zA-Z0-9]*$/.test(name) || name.length > 128) {
    throw validationError(`1 validation error detected: Value '${name}' at 'stackName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z][-a-zA-Z0-9]*|arn:[-a-zA-Z0-9:/._+]*`);
  }
  return name;
}
