import { randomBytes } from 'node:crypto';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, type ApiGatewayV2State, type StoredV2Api } from '../state.ts';

export type Ctx = RequestContext<ApiGatewayV2State>;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Lower-case letters and digits, as API Gateway's ids (10 for APIs, 7 for their children). */
export function newId(length: number): string {
  let id = '';
  for (const byte of randomBytes(length)) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

/** v2 listings: `MaxResults` items after `NextToken`. */
export function page<T>(items: T[], input: { NextToken?: string; MaxResults?: string | number }): { Items: T[]; NextToken?: string } {
  const max = input.MaxResults !== undefined ? Number(input.MaxResults) : 100;
  let start = 0;
  if (input.NextToken !== undefined) {
    start = Number(Buffer.from(input.NextToken, 'base64url').toString('utf8'));
    if (!Number.isInteger(start) || start < 0) throw badRequest('Invalid nextToken');
  }
  const end = start + (Number.isInteger(max) && max > 0 ? max : 100);
  return { Items: items.slice(start, end), NextToken: end < items.length ? Buffer.from(String(end)).toString('base64url') : undefined };
}

/** Copies the defined members of an update input over a stored object (v2 updates name the members they change). */
export function merge<T extends object>(target: T, input: object, skip: readonly string[]): T {
  for (const [key, value] of Object.entries(input)) if (value !== undefined && !skip.includes(key)) (target as Record<string, unknown>)[key] = value;
  return target;
}

export const clone = <T>(value: T): T => structuredClone(value);

/** Changing an API redeploys the stages that deploy automatically, as AWS does. */
export function autoDeploy(api: StoredV2Api, ctx: Ctx, deploy: (api: StoredV2Api, ctx: Ctx, auto: boolean) => string): void {
  const stages = [...api.stages.values()].filter((s) => s.AutoDeploy);
  if (!stages.length) return;
  const id = deploy(api, ctx, true);
  for (const stage of stages) {
    stage.DeploymentId = id;
    stage.LastUpdatedDate = ctx.emulator.clock.date();
  }
}

/** A REST API's stage in the caller's account and region (routing rules and portal pages name them), through API Gateway v1. */
export async function checkRestStage(ctx: Ctx, restApiId: string, stageName: string): Promise<void> {
  try {
    await ctx.emulator.call('apigateway', 'GetStage', { restApiId, stageName }, { caller: ctx.caller, accountId: ctx.accountId, region: ctx.region });
  } catch (error) {
    if (error instanceof AwsError && error.code === 'NotFoundException') throw badRequest(`Invalid stage ${stageName} of REST API ${restApiId} specified`);
    throw error;
  }
}
