import { randomBytes, randomUUID } from 'node:crypto';
import type { CreateActivationCommandInput, DeleteActivationCommandInput, DescribeActivationsCommandInput } from '@aws-sdk/client-ssm';
import { AwsError } from '../../../core/errors.ts';
import { SsmErrors } from '../errors.ts';
import { pageOf } from '../filters.ts';
import type { SsmContext } from '../parameters.ts';
import type { Activation } from '../state.ts';
import { checkTagCount } from './tags.ts';

/** CreateActivation's ExpirationDate: 24 hours by default, at most 30 days ahead (SSM API reference). */
const DEFAULT_LIFETIME_MS = 24 * 3600_000;
const MAX_LIFETIME_MS = 30 * 24 * 3600_000;

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function createActivation(input: CreateActivationCommandInput, ctx: SsmContext) {
  const now = ctx.emulator.clock.now();
  const expiration = input.ExpirationDate?.getTime() ?? now + DEFAULT_LIFETIME_MS;
  if (expiration <= now || expiration > now + MAX_LIFETIME_MS) {
    throw SsmErrors.invalidParameters('ExpirationDate must be in the future and no more than 30 days from now.');
  }
  if (input.Tags) checkTagCount(input.Tags.length);
  const activation: Activation = {
    id: randomUUID(),
    code: Array.from(randomBytes(20), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join(''),
    description: input.Description,
    defaultInstanceName: input.DefaultInstanceName,
    iamRole: input.IamRole!,
    registrationLimit: input.RegistrationLimit ?? 1,
    expirationDate: new Date(expiration),
    createdDate: new Date(now),
    tags: (input.Tags ?? []).map((t) => ({ Key: t.Key!, Value: t.Value! })),
  };
  (ctx.state.activations ??= new Map()).set(activation.id, activation);
  return { ActivationId: activation.id, ActivationCode: activation.code };
}

const FILTERS: Record<string, (a: Activation) => string | undefined> = {
  ActivationIds: (a) => a.id,
  DefaultInstanceName: (a) => a.defaultInstanceName,
  IamRole: (a) => a.iamRole,
};

/** Oldest first; filters match exactly, any of their values. No server ever registers: RegistrationsCount is 0. */
export function describeActivations(input: DescribeActivationsCommandInput, ctx: SsmContext) {
  const now = ctx.emulator.clock.now();
  const matching = [...(ctx.state.activations?.values() ?? [])].filter((a) =>
    (input.Filters ?? []).every((f) => (f.FilterValues ?? []).includes(FILTERS[f.FilterKey!](a) ?? '')),
  );
  const page = pageOf(matching, input.MaxResults, input.NextToken, 50);
  return {
    ActivationList: page.items.map((a) => ({
      ActivationId: a.id,
      Description: a.description,
      DefaultInstanceName: a.defaultInstanceName,
      IamRole: a.iamRole,
      RegistrationLimit: a.registrationLimit,
      RegistrationsCount: 0,
      ExpirationDate: a.expirationDate,
      Expired: a.expirationDate.getTime() <= now,
      CreatedDate: a.createdDate,
      Tags: a.tags,
    })),
    NextToken: page.NextToken,
  };
}

export function deleteActivation(input: DeleteActivationCommandInput, ctx: SsmContext) {
  if (!ctx.state.activations?.delete(input.ActivationId!)) {
    throw new AwsError('InvalidActivation', "The activation isn't valid. The activation might have been deleted, or the ActivationId and the ActivationCode don't match.");
  }
  return {};
}
