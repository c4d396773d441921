import { apiDestination } from './api-destination.ts';
import { archive } from './archive.ts';
import { connection } from './connection.ts';
import { endpoint } from './endpoint.ts';
import { eventBusPolicy } from './event-bus-policy.ts';
import { jsonText, resourceTags, templateJson, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { templateOrder, templateTags } from '../../cloudformation/read-back.ts';

function busOf(properties: Properties): string | undefined {
  return properties.EventBusName;
}

async function putRule(request: ResourceRequest, name: string) {
  const p = request.properties;
  const { RuleArn } = await request.call('events', 'PutRule', {
    Name: name,
    EventBusName: busOf(p),
    EventPattern: jsonText(p.EventPattern),
    ScheduleExpression: p.ScheduleExpression,
    State: p.State ?? 'ENABLED',
    Description: p.Description,
    RoleArn: p.RoleArn,
  });
  return RuleArn as string;
}

function targets(properties: Properties) {
  return ((properties.Targets ?? []) as Properties[]).map((t) => ({
    Id: t.Id,
    Arn: t.Arn,
    RoleArn: t.RoleArn,
    Input: t.Input,
    InputPath: t.InputPath,
    InputTransformer: t.InputTransformer,
    DeadLetterConfig: t.DeadLetterConfig,
    RetryPolicy: t.RetryPolicy,
    SqsParameters: t.SqsParameters,
    KinesisParameters: t.KinesisParameters,
  }));
}

async function syncTargets(request: ResourceRequest, name: string, before: Properties) {
  const now = targets(request.properties);
  const gone = targets(before).filter((t) => !now.some((n) => n.Id === t.Id)).map((t) => t.Id);
  if (gone.length) await request.call('events', 'RemoveTargets', { Rule: name, EventBusName: busOf(request.properties), Ids: gone });
  if (now.length) await request.call('events', 'PutTargets', { Rule: name, EventBusName: busOf(request.properties), Targets: now });
}

/** `AWS::Events::Rule`: Ref is the rule name (`bus|name` on a custom bus); GetAtt Arn. */
const rule: ResourceType = {
  properties: ['Description', 'EventBusName', 'EventPattern', 'Name', 'RoleArn', 'ScheduleExpression', 'State', 'Tags', 'Targets'],
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 64 });
    const arn = await putRule(request, name);
    await syncTargets(request, name, {});
    const bus = busOf(request.properties);
    return { physicalId: bus && bus !== 'default' && !bus.startsWith('arn:') ? `${bus}|${name}` : name, attributes: { Arn: arn } };
  },
  async update(request) {
    const name = request.physicalId.split('|').pop()!;
    const arn = await putRule(request, name);
    await syncTargets(request, name, request.previous);
    return { physicalId: request.physicalId, attributes: { Arn: arn } };
  },
  async delete(request) {
    const name = request.physicalId.split('|').pop()!;
    const ids = targets(request.properties).map((t) => t.Id);
    if (ids.length) await request.call('events', 'RemoveTargets', { Rule: name, EventBusName: busOf(request.properties), Ids: ids }).catch(() => undefined);
    await request.call('events', 'DeleteRule', { Name: name, EventBusName: busOf(request.properties) });
  },
  async read(request) {
    const name = request.physicalId.split('|').pop()!;
    const p = request.properties;
    const rule = await request.call('events', 'DescribeRule', { Name: name, EventBusName: busOf(p) });
    const { Targets } = await request.call<{ Targets: Properties[] }>('events', 'ListTargetsByRule', { Rule: name, EventBusName: busOf(p), Limit: 100 });
    return {
      Name: rule.Name,
      ...(p.EventBusName !== undefined ? { EventBusName: p.EventBusName } : {}),
      EventPattern: templateJson(p.EventPattern, rule.EventPattern),
      ScheduleExpression: rule.ScheduleExpression,
      State: rule.State,
      Description: rule.Description,
      RoleArn: rule.RoleArn,
      Targets: templateOrder(p.Targets, Targets, (t) => (t as Properties).Id),
    };
  },
  createOnly: ['Name', 'EventBusName'],
};

/** `AWS::Events::EventBus`: Ref is the bus name; GetAtt Arn, Name. */
const eventBus: ResourceType = {
  properties: ['DeadLetterConfig', 'Description', 'EventSourceName', 'KmsKeyIdentifier', 'LogConfig', 'Name', 'Policy', 'Tags'],
  async create(request) {
    const p = request.properties;
    const { EventBusArn } = await request.call('events', 'CreateEventBus', {
      Name: p.Name,
      EventSourceName: p.EventSourceName,
      Description: p.Description,
      KmsKeyIdentifier: p.KmsKeyIdentifier,
      DeadLetterConfig: p.DeadLetterConfig,
      LogConfig: p.LogConfig,
      Tags: resourceTags(request),
    });
    if (p.Policy) await request.call('events', 'PutPermission', { EventBusName: p.Name, Policy: jsonText(p.Policy) });
    return { physicalId: p.Name, attributes: { Arn: EventBusArn, Name: p.Name } };
  },
  async update(request) {
    const p = request.properties;
    await request.call('events', 'UpdateEventBus', {
      Name: p.Name,
      Description: p.Description,
      KmsKeyIdentifier: p.KmsKeyIdentifier,
      DeadLetterConfig: p.DeadLetterConfig,
      LogConfig: p.LogConfig,
    });
    if (p.Policy) await request.call('events', 'PutPermission', { EventBusName: p.Name, Policy: jsonText(p.Policy) });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('events', 'DeleteEventBus', { Name: request.physicalId });
  },
  async read(request) {
    const bus = await request.call('events', 'DescribeEventBus', { Name: request.physicalId });
    const { Tags } = await request.call('events', 'ListTagsForResource', { ResourceARN: bus.Arn });
    return {
      Name: bus.Name,
      Description: bus.Description,
      KmsKeyIdentifier: bus.KmsKeyIdentifier,
      DeadLetterConfig: bus.DeadLetterConfig,
      LogConfig: bus.LogConfig,
      Policy: templateJson(request.properties.Policy, bus.Policy),
      Tags: templateTags(request, Tags),
    };
  },
  createOnly: ['Name', 'EventSourceName'],
};

/** The CloudFormation resource types of EventBridge. */
const types: ResourceTypes = {
  'AWS::Events::Rule': rule,
  'AWS::Events::EventBus': eventBus,
  'AWS::Events::Archive': archive,
  'AWS::Events::Connection': connection,
  'AWS::Events::ApiDestination': apiDestination,
  'AWS::Events::EventBusPolicy': eventBusPolicy,
  'AWS::Events::Endpoint': endpoint,
};

export default types;
