import { randomUUID } from 'node:crypto';
import type { ResourceType } from '../provider.ts';
import type { CloudFormationState } from '../state.ts';
import { AwsError } from '../../../core/errors.ts';
import { validationError } from '../errors.ts';
import type { CfnContext } from '../operations/template-input.ts';

/** A macro an `AWS::CloudFormation::Macro` resource defines: the Lambda function that processes templates. */
export interface Macro {
  name: string;
  functionName: string;
  description?: string;
  stackId: string;
}

function stateOf(request: Parameters<ResourceType['create']>[0]): CloudFormationState {
  return request.emulator.state<CloudFormationState>('cloudformation', request.accountId, request.region);
}

/** `AWS::CloudFormation::Macro`: registers the macro in the stack's account and region; Ref is its name. */
export const macroType: ResourceType = {
  properties: ['Description', 'FunctionName', 'LogGroupName', 'LogRoleARN', 'Name'],
  async create(request) {
    const { Name, FunctionName, Description } = request.properties;
    if (typeof Name !== 'string' || typeof FunctionName !== 'string') throw validationError(`Properties validation failed for resource ${request.logicalId} with message: #: required key [Name, FunctionName] not found`);
    const macros = stateOf(request).macros;
    if (macros.has(Name)) throw validationError(`Resource handler returned message: "Macro ${Name} already exists" (HandlerErrorCode: AlreadyExists)`);
    macros.set(Name, { name: Name, functionName: FunctionName, description: Description, stackId: request.stackId });
    return { physicalId: Name, attributes: {} };
  },
  async delete(request) {
    stateOf(request).macros.delete(request.physicalId);
  },
};

/**
 * A macro that ran and failed (or answered what CloudFormation cannot use): CreateStack reports it on the stack it
 * made, which rolls back; other requests answer it as a ValidationError.
 */
export class TransformFailure extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, { status: 400 });
  }
}

/**
 * The SAM transform's failure: CreateChangeSet makes a FAILED change set with it as StatusReason (as `sam deploy` and
 * `aws cloudformation deploy` users report AWS's answer); other calls refuse the template with it.
 */
export class ServerlessTransformFailure extends TransformFailure {}

interface MacroAnswer {
  requestId?: string;
  status?: string;
  fragment?: unknown;
  errorMessage?: string;
}

/** What a macro is given: the fragment it processes, the `Fn::Transform` parameters, and the stack's parameter values. */
export interface MacroInput {
  fragment: unknown;
  params: unknown;
  templateParameterValues: Record<string, unknown>;
}

/** The account's macro of this name, or AWS's refusal. */
export function requireMacro(name: string, ctx: CfnContext): Macro {
  const macro = ctx.state.macros.get(name);
  if (!macro) throw validationError(`No transform named ${ctx.accountId}::${name} found.`);
  return macro;
}

/**
 * A transform's Parameters as its macro (or AWS::Include) receives them: references to the template's parameters
 * resolved, in Fn::Sub strings too (and joins of resolved strings); other functions stay as written.
 */
export function macroParameters(parameters: unknown, values: Record<string, unknown>): unknown {
  if (parameters === undefined) return {};
  const resolve = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(resolve);
    if (!node || typeof node !== 'object') return node;
    const entries = Object.entries(node);
    if (entries.length === 1 && entries[0][0] === 'Ref' && typeof entries[0][1] === 'string' && Object.hasOwn(values, entries[0][1])) return values[entries[0][1]];
    if (entries.length === 1 && entries[0][0] === 'Fn::Sub' && typeof entries[0][1] === 'string') {
      const text = entries[0][1];
      const names = [...text.matchAll(/\$\{([^}!]+)\}/g)].map((m) => m[1]);
      if (names.every((name) => typeof values[name] === 'string' && Object.hasOwn(values, name))) return text.replace(/\$\{([^}!]+)\}/g, (_m, name: string) => values[name] as string);
    }
    if (entries.length === 1 && entries[0][0] === 'Fn::Join') {
      const [separator, list] = (resolve(entries[0][1]) ?? []) as [unknown, unknown];
      if (typeof separator === 'string' && Array.isArray(list) && list.every((item) => typeof item === 'string')) return list.join(separator);
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, resolve(value)]));
  };
  return resolve(parameters);
}

/**
 * Runs a fragment through a macro as CloudFormation does: the function gets AWS's event (the whole template for the
 * Transform section, a snippet's siblings for `Fn::Transform`) and answers `{requestId, status: "success", fragment}`;
 * anything else fails the transform with AWS's wording. A whole template must come back as an object.
 */
export async function runMacro(macro: Macro, input: MacroInput, ctx: CfnContext, wholeTemplate: boolean): Promise<unknown> {
  const transformId = `${ctx.accountId}::${macro.name}`;
  const requestId = randomUUID();
  const event = { region: ctx.region, accountId: ctx.accountId, fragment: input.fragment, transformId, params: input.params, requestId, templateParameterValues: input.templateParameterValues };
  let out: { Payload?: Uint8Array; FunctionError?: string };
  try {
    out = await ctx.emulator.call<{ Payload?: Uint8Array; FunctionError?: string }>('lambda', 'Invoke', { FunctionName: macro.functionName, Payload: Buffer.from(JSON.stringify(event)) }, { caller: ctx.caller, region: ctx.region });
  } catch {
    throw validationError(`Transform ${transformId} failed with: Failed to execute transform function.`);
  }
  let answer: MacroAnswer | undefined;
  try {
    answer = out.FunctionError ? undefined : (JSON.parse(Buffer.from(out.Payload ?? new Uint8Array()).toString('utf8')) as MacroAnswer);
  } catch {
    answer = undefined;
  }
  // A function that fails, or answers anything but an object, gives no answer CloudFormation can read.
  if (!answer || typeof answer !== 'object' || Array.isArray(answer)) throw new TransformFailure(`Received malformed response from transform ${transformId}`);
  if (answer.status?.toLowerCase() !== 'success') {
    throw new TransformFailure(answer.errorMessage ? `Transform ${transformId} failed with: ${answer.errorMessage}` : `Transform ${transformId} failed without an error message.`);
  }
  if (answer.requestId !== requestId) throw new TransformFailure(`Transform ${transformId} failed with: The requestId in the response does not match the requestId of the request.`);
  const invalid = wholeTemplate ? !answer.fragment || typeof answer.fragment !== 'object' || Array.isArray(answer.fragment) : answer.fragment === undefined;
  if (invalid) throw new TransformFailure('Template format error: unsupported structure.');
  return answer.fragment;
}
