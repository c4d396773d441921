import { buildArn, parseArn } from '../../core/arn.ts';
import type { RequestContext } from '../../core/service.ts';
import { SsmErrors } from './errors.ts';
import { splitSelector } from './names.ts';
import { publicParameter } from './public.ts';
import type { Parameter, ParameterVersion, SsmState } from './state.ts';

export type SsmContext = RequestContext<SsmState>;

export function parameterArn(ctx: SsmContext, name: string): string {
  return buildArn({ service: 'ssm', region: ctx.region, accountId: ctx.state.accountId, resource: `parameter${name.startsWith('/') ? '' : '/'}${name}` });
}

/**
 * The parameter name an ARN or name names, or undefined for an ARN of another account or region: that is not a
 * parameter of the caller's (shared parameters are not served), never the caller's own same-named one.
 */
export function ownName(ctx: SsmContext, reference: string): string | undefined {
  const arn = reference.startsWith('arn:') ? parseArn(reference) : undefined;
  if (!arn) return reference;
  // Public parameters' ARNs name no account.
  if ((arn.accountId && arn.accountId !== ctx.state.accountId) || (arn.region && arn.region !== ctx.region)) return undefined;
  const path = arn.resource.slice('parameter'.length);
  // `parameter/x` names `x`; `parameter/a/b` names `/a/b`.
  return path.indexOf('/', 1) > 0 ? path : path.slice(1);
}

/** `ownName`, for operations that answer ParameterNotFound for another account's or region's ARN. */
export function nameOf(ctx: SsmContext, reference: string): string {
  const name = ownName(ctx, reference);
  if (name === undefined) throw SsmErrors.notFound();
  return name;
}

export function findParameter(ctx: SsmContext, name: string): Parameter | undefined {
  return ctx.state.parameters.get(name) ?? publicParameter(name, ctx.region);
}

/** A parameter and the version a reference selects (`name`, `name:3`, `name:label`, or the ARN forms). */
export function resolve(ctx: SsmContext, reference: string): { parameter: Parameter; version: ParameterVersion; selector?: string } {
  const { name: raw, selector } = splitSelector(reference);
  const name = nameOf(ctx, raw);
  const parameter = findParameter(ctx, name);
  if (!parameter) throw SsmErrors.notFound();
  if (selector === undefined) return { parameter, version: current(parameter) };
  const version = /^\d+$/.test(selector)
    ? parameter.versions.find((v) => v.version === Number(selector))
    : parameter.versions.find((v) => v.labels.has(selector));
  if (!version) throw SsmErrors.versionNotFound(name, selector);
  return { parameter, version, selector: `:${selector}` };
}

export function current(parameter: Parameter): ParameterVersion {
  return parameter.versions[parameter.versions.length - 1];
}
