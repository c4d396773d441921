import { AwsError } from '../../../core/errors.ts';
import { jsonText, type Properties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';

interface Policy {
  Version?: string;
  Statement: { Sid?: string }[];
}

/**
 * Puts the resource's statement into the bus's policy under its `StatementId`: a whole `Statement` replaces that Sid's
 * statement in the policy (the others stay), the older `Action`/`Principal`/`Condition` form is PutPermission's own.
 */
async function putStatement(request: ResourceRequest) {
  const p = request.properties;
  if (p.Statement === undefined) {
    await request.call('events', 'PutPermission', { EventBusName: p.EventBusName, StatementId: p.StatementId, Action: p.Action, Principal: p.Principal, Condition: p.Condition });
    return;
  }
  const { Policy } = await request.call('events', 'DescribeEventBus', { Name: p.EventBusName });
  const current: Policy = Policy ? JSON.parse(Policy) : { Version: '2012-10-17', Statement: [] };
  const statement = { ...(typeof p.Statement === 'string' ? JSON.parse(p.Statement) : p.Statement), Sid: p.StatementId };
  const policy = { ...current, Statement: [...current.Statement.filter((s) => s.Sid !== p.StatementId), statement] };
  await request.call('events', 'PutPermission', { EventBusName: p.EventBusName, Policy: jsonText(policy) });
}

/** `AWS::Events::EventBusPolicy`: one statement of an event bus's policy; Ref is the resource's generated id. */
export const eventBusPolicy: ResourceType = {
  async create(request) {
    await putStatement(request);
    return { physicalId: request.physicalName({ maxLength: 64 }), attributes: {} };
  },
  async update(request) {
    await putStatement(request);
    return { physicalId: request.physicalId, attributes: {} };
  },
  async delete(request) {
    await request.call('events', 'RemovePermission', { EventBusName: request.properties.EventBusName, StatementId: request.properties.StatementId });
  },
  async read(request) {
    const p = request.properties;
    const { Policy } = await request.call('events', 'DescribeEventBus', { Name: p.EventBusName });
    const found = Policy ? (JSON.parse(Policy) as Policy).Statement.find((s) => s.Sid === p.StatementId) : undefined;
    if (!found) throw new AwsError('ResourceNotFoundException', `Statement with id ${p.StatementId} does not exist on event bus ${p.EventBusName ?? 'default'}.`);
    const { Sid: _sid, ...statement } = found as Properties;
    if (p.Statement !== undefined) return { EventBusName: p.EventBusName, StatementId: p.StatementId, Statement: typeof p.Statement === 'string' ? JSON.stringify(statement) : statement };
    // The older form reads back as PutPermission took it: an account id (or *), and the one condition it allows.
    const principal = statement.Principal === '*' ? '*' : /^arn:[^:]+:iam::(\d{12}):root$/.exec(statement.Principal?.AWS)?.[1] ?? statement.Principal?.AWS;
    const [[type, keys] = []] = Object.entries(statement.Condition ?? {}) as [string, Record<string, string>][];
    const [[key, value] = []] = Object.entries(keys ?? {});
    return { EventBusName: p.EventBusName, StatementId: p.StatementId, Action: statement.Action, Principal: principal, ...(type ? { Condition: { Type: type, Key: key, Value: value } } : {}) };
  },
  createOnly: ['EventBusName', 'StatementId'],
  properties: ['EventBusName', 'StatementId', 'Statement', 'Action', 'Principal', 'Condition'],
};
