import type { Properties, ResourceRequest, ResourceType, ResourceTypes } from '../../cloudformation/provider.ts';

function scheduleInput(request: ResourceRequest, name: string): Properties {
  const p = request.properties;
  return {
    Name: name,
    GroupName: p.GroupName,
    ScheduleExpression: p.ScheduleExpression,
    ScheduleExpressionTimezone: p.ScheduleExpressionTimezone,
    StartDate: p.StartDate ? new Date(p.StartDate) : undefined,
    EndDate: p.EndDate ? new Date(p.EndDate) : undefined,
    Description: p.Description,
    State: p.State,
    KmsKeyArn: p.KmsKeyArn,
    FlexibleTimeWindow: p.FlexibleTimeWindow ? { Mode: p.FlexibleTimeWindow.Mode, MaximumWindowInMinutes: p.FlexibleTimeWindow.MaximumWindowInMinutes === undefined ? undefined : Number(p.FlexibleTimeWindow.MaximumWindowInMinutes) } : undefined,
    Target: p.Target,
    ActionAfterCompletion: p.ActionAfterCompletion,
  };
}

async function read(request: ResourceRequest, name: string) {
  const { Arn } = await request.call('scheduler', 'GetSchedule', { Name: name, GroupName: request.properties.GroupName });
  return { physicalId: name, attributes: { Arn } };
}

/** `AWS::Scheduler::Schedule`: Ref is the schedule name; GetAtt Arn. */
const schedule: ResourceType = {
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
  createOnly: ['Name', 'GroupName'],
};

/** The CloudFormation resource types of EventBridge Scheduler. */
const types: ResourceTypes = {
  'AWS::Scheduler::Schedule': schedule,
};

export default types;
