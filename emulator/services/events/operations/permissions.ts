import type { PutPermissionRequest, RemovePermissionRequest } from '@aws-sdk/client-eventbridge';
import { accountRootArn } from '../../../core/arn.ts';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { findBus } from '../buses.ts';
import { notFound, validation } from '../errors.ts';
import type { EventsState, PolicyStatement } from '../state.ts';

type Ctx = RequestContext<EventsState>;

/** AWS caps an event bus policy at 10,240 characters. */
const MAX_POLICY_LENGTH = 10_240;

export function putPermission(input: PutPermissionRequest, ctx: Ctx): object {
  const bus = findBus(ctx.state, input.EventBusName);
  let policy: NonNullable<typeof bus.policy>;
  if (input.Policy !== undefined) {
    try {
      policy = JSON.parse(input.Policy);
    } catch {
      throw validation('Parameter Policy is not valid.');
    }
  } else {
    if (!input.Action || !input.Principal || !input.StatementId) {
      throw validation('One of Policy or (Action, Principal, StatementId) is required.');
    }
    const statement: PolicyStatement = {
      Sid: input.StatementId,
      Effect: 'Allow',
      Principal: input.Principal === '*' ? '*' : { AWS: /^\d{12}$/.test(input.Principal) ? accountRootArn(input.Principal, ctx.region) : input.Principal },
      Action: input.Action,
      Resource: bus.arn,
    };
    if (input.Condition) statement.Condition = { [input.Condition.Type!]: { [input.Condition.Key!]: input.Condition.Value } };
    const others = (bus.policy?.Statement ?? []).filter((s) => s.Sid !== input.StatementId);
    policy = { Version: '2012-10-17', Statement: [...others, statement] };
  }
  if (JSON.stringify(policy).length > MAX_POLICY_LENGTH) throw new AwsError('PolicyLengthExceededException', 'The policy is too long.');
  bus.policy = policy;
  bus.modified = ctx.emulator.clock.date();
  return {};
}

export function removePermission(input: RemovePermissionRequest, ctx: Ctx): object {
  const bus = findBus(ctx.state, input.EventBusName);
  if (input.RemoveAllPermissions) {
    bus.policy = undefined;
    return {};
  }
  const statements = bus.policy?.Statement ?? [];
  if (!statements.some((s) => s.Sid === input.StatementId)) throw notFound('Statement with the provided id does not exist.');
  const rest = statements.filter((s) => s.Sid !== input.StatementId);
  bus.policy = rest.length ? { ...bus.policy!, Statement: rest } : undefined;
  bus.modified = ctx.emulator.clock.date();
  return {};
}
