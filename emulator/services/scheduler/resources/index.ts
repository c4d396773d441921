import type { GetScheduleGroupOutput, GetScheduleOutput, Tag } from '@aws-sdk/client-scheduler';
import { resourceTags, type Properties, type ResourceDelete, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { givenMembers, templateTags, timeAsGiven } from '../../cloudformation/read-back.ts';

/** What a schedule CloudFormation makes has where the template says nothing (AWS's recording): retries for a day, UTC. */
const DEFAULT_RETRY_POLICY = { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 };

function scheduleInput(request: ResourceRequest, name: string): Properties {
  const p = request.properties;
  return {
    Name: name,
    GroupName: p.GroupName,
    ScheduleExpression: p.ScheduleExpression,
    ScheduleExpressionTimezone: p.ScheduleExpressionTimezone ?? 'UTC',
    StartDate: p.StartDate ? new Date(p.StartDate) : undefined,
    EndDate: p.EndDate ? new Date(p.EndDate) : undefined,
    Description: p.Description,
    State: p.State,
    KmsKeyArn: p.KmsKeyArn,
    FlexibleTimeWindow: p.FlexibleTimeWindow ? { Mode: p.FlexibleTimeWindow.Mode, MaximumWindowInMinutes: p.FlexibleTimeWindow.MaximumWindowInMinutes === undefined ? undefined : Number(p.FlexibleTimeWindow.MaximumWindowInMinutes) } : undefined,
    Target: p.Target && { RetryPolicy: DEFAULT_RETRY_POLICY, ...p.Target },
    ActionAfterCompletion: p.ActionAfterCompletion,
  };
}

async function read(request: ResourceRequest, name: string) {
  const { Arn } = await request.call('scheduler', 'GetSchedule', { Name: name, GroupName: request.properties.GroupName });
  return { physicalId: name, attributes: { Arn } };
}

/** `AWS::Scheduler::Schedule`: Ref is the schedule name; GetAtt Arn. */
const schedule: ResourceType = {
  properties: [
    'Description',
    'EndDate',
    'FlexibleTimeWindow',
    'GroupName',
    'KmsKeyArn',
    'Name',
    'ScheduleExpression',
    'ScheduleExpressionTimezone',
    'StartDate',
    'State',
    'Target',
  ],
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 64 });
    await request.call('scheduler', 'CreateSchedule', scheduleInput(request, name));
    return read(request, name);
  },
  async update(request) {
    await request.call('scheduler', 'UpdateSchedule', scheduleInput(request, request.physicalId));
    return read(request, request.physicalId);
  },
  async delete(request) {
    await request.call('scheduler', 'DeleteSchedule', { Name: request.physicalId, GroupName: request.properties.GroupName });
  },
  read: readSchedule,
  createOnly: ['Name', 'GroupName'],
};

/**
 * A schedule as AWS's schema has it (Arn read-only). The retry policy and time zone CloudFormation fills in where the
 * template says nothing are not drift: only the target's members the template gave are compared.
 */
async function readSchedule(request: ResourceDelete): Promise<Properties> {
  const p = request.properties;
  const s = await request.call<GetScheduleOutput>('scheduler', 'GetSchedule', { Name: request.physicalId, GroupName: p.GroupName });
  return {
    Arn: s.Arn,
    Name: s.Name,
    GroupName: s.GroupName,
    Description: s.Description,
    ScheduleExpression: s.ScheduleExpression,
    ScheduleExpressionTimezone: s.ScheduleExpressionTimezone,
    StartDate: timeAsGiven(p.StartDate, s.StartDate),
    EndDate: timeAsGiven(p.EndDate, s.EndDate),
    State: s.State,
    KmsKeyArn: s.KmsKeyArn,
    FlexibleTimeWindow: s.FlexibleTimeWindow,
    Target: givenMembers(p.Target, s.Target),
  };
}

async function groupState(request: ResourceRequest, name: string) {
  const group = await request.call('scheduler', 'GetScheduleGroup', { Name: name });
  const date = (d: Date | string) => new Date(d).toISOString();
  return { physicalId: name, attributes: { Arn: group.Arn, State: group.State, CreationDate: date(group.CreationDate), LastModificationDate: date(group.LastModificationDate) } };
}

/** `AWS::Scheduler::ScheduleGroup`: Ref is the group name; GetAtt Arn, State, CreationDate, LastModificationDate. */
const scheduleGroup: ResourceType = {
  properties: ['Name', 'Tags'],
  async create(request) {
    const name: string = request.properties.Name ?? request.physicalName({ maxLength: 64 });
    const tags = resourceTags(request);
    await request.call('scheduler', 'CreateScheduleGroup', { Name: name, Tags: tags.length ? tags : undefined });
    return groupState(request, name);
  },
  async update(request) {
    const { Arn } = request.attributes as { Arn: string };
    const tags = resourceTags(request);
    const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((k) => !tags.some((t) => t.Key === k));
    if (gone.length) await request.call('scheduler', 'UntagResource', { ResourceArn: Arn, TagKeys: gone });
    if (tags.length) await request.call('scheduler', 'TagResource', { ResourceArn: Arn, Tags: tags });
    return groupState(request, request.physicalId);
  },
  async delete(request) {
    await request.call('scheduler', 'DeleteScheduleGroup', { Name: request.physicalId });
  },
  async read(request) {
    const group = await request.call<GetScheduleGroupOutput>('scheduler', 'GetScheduleGroup', { Name: request.physicalId });
    const { Tags } = await request.call<{ Tags?: Tag[] }>('scheduler', 'ListTagsForResource', { ResourceArn: group.Arn });
    const date = (d: Date | undefined) => d && new Date(d).toISOString();
    return { Name: group.Name, Tags: templateTags(request, Tags as { Key: string; Value: string }[]), Arn: group.Arn, State: group.State, CreationDate: date(group.CreationDate), LastModificationDate: date(group.LastModificationDate) };
  },
  createOnly: ['Name'],
};

/** The CloudFormation resource types of EventBridge Scheduler. */
const types: ResourceTypes = {
  'AWS::Scheduler::Schedule': schedule,
  'AWS::Scheduler::ScheduleGroup': scheduleGroup,
};

export default types;
