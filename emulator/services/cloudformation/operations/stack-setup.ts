import { randomUUID } from 'node:crypto';
import { buildArn } from '../../../core/arn.ts';
import type { Run } from '../engine/run.ts';
import { stackScope } from '../engine/scope.ts';
import { plan } from '../engine/deploy.ts';
import { validationError } from '../errors.ts';
import { resolve } from '../template/intrinsics.ts';
import { bindParameters, type ParameterInput, type ParameterValue } from '../template/parameters.ts';
import type { Template } from '../template/parse.ts';
import type { Stack } from '../state.ts';
import type { CfnContext } from './template-input.ts';

export function runOf(ctx: CfnContext, token?: string): Run {
  return { emulator: ctx.emulator, state: ctx.state, accountId: ctx.accountId, region: ctx.region, token };
}

/** A new stack record (not yet deployed), in the request's account and region. */
export function newStack(ctx: CfnContext, fields: { name: string; body: string; template: Template; status: string }): Stack {
  return {
    stackId: buildArn({ service: 'cloudformation', region: ctx.region, accountId: ctx.accountId, resource: `stack/${fields.name}/${randomUUID()}` }),
    stackName: fields.name,
    status: fields.status,
    created: ctx.emulator.clock.date(),
    templateBody: fields.body,
    template: fields.template,
    parameters: [],
    capabilities: [],
    tags: [],
    notificationArns: [],
    disableRollback: false,
    terminationProtection: false,
    outputs: [],
    imports: new Set(),
    resources: new Map(),
    events: [],
    caller: ctx.caller,
  };
}

/** Parameter values for a template, reading SSM-typed parameters from Parameter Store as the caller. */
export function bindFor(ctx: CfnContext, template: Template, given: ParameterInput[] | undefined, previous?: ParameterValue[]): Promise<ParameterValue[]> {
  return bindParameters(template, given, previous, async (name) => {
    try {
      const out = await ctx.emulator.call<{ Parameter: { Value: string } }>('ssm', 'GetParameter', { Name: name }, { caller: ctx.caller, region: ctx.region });
      return out.Parameter.Value;
    } catch {
      return undefined;
    }
  });
}

/** Checks, before anything changes, that the template's conditions and references hold with these parameters. */
export function checkPlan(ctx: CfnContext, stack: Pick<Stack, 'stackId' | 'stackName' | 'notificationArns'>, template: Template, parameters: ParameterValue[]): void {
  const scope = stackScope(template, { ...stack, accountId: ctx.accountId, region: ctx.region }, parameters, () => undefined, ctx.state);
  plan(template, scope);
  checkRules(template, scope);
}

/** The template's Rules: every assertion of every rule whose condition holds must be true. */
function checkRules(template: Template, scope: ReturnType<typeof stackScope>): void {
  for (const [name, rule] of Object.entries(template.Rules ?? {})) {
    const applies = rule.RuleCondition === undefined || resolveBoolean(rule.RuleCondition, scope);
    if (!applies) continue;
    for (const assertion of (rule.Assertions ?? []) as { Assert: unknown; AssertDescription?: string }[]) {
      if (!resolveBoolean(assertion.Assert, scope)) throw validationError(assertion.AssertDescription ?? `Template validation error: Rule ${name} failed`);
    }
  }
}

function resolveBoolean(value: unknown, scope: ReturnType<typeof stackScope>): boolean {
  const out = resolve(value, scope);
  return out === true || out === 'true';
}
