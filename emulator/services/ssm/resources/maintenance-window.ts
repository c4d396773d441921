import type { Properties, ResourceType } from '../../cloudformation/provider.ts';
import { TASK_SETTINGS } from '../operations/window-tasks.ts';
import { createTags, updateTags } from './tags.ts';

/** Template values may arrive as text (a parameter's value): numbers and booleans as the API takes them. */
const num = (v: unknown) => (v === undefined ? undefined : Number(v));
const bool = (v: unknown) => (v === undefined ? undefined : v === true || v === 'true');

function windowSettings(p: Properties) {
  return {
    Name: p.Name,
    Description: p.Description,
    Schedule: p.Schedule,
    ScheduleTimezone: p.ScheduleTimezone,
    ScheduleOffset: num(p.ScheduleOffset),
    StartDate: p.StartDate,
    EndDate: p.EndDate,
    Duration: num(p.Duration),
    Cutoff: num(p.Cutoff),
    AllowUnassociatedTargets: bool(p.AllowUnassociatedTargets),
  };
}

/** `AWS::SSM::MaintenanceWindow`: Ref and GetAtt WindowId. Updates replace the settings (UpdateMaintenanceWindow with Replace). */
export const maintenanceWindow: ResourceType = {
  async create(request) {
    const { WindowId } = await request.call('ssm', 'CreateMaintenanceWindow', { ...windowSettings(request.properties), ...createTags(request) });
    return { physicalId: WindowId, attributes: { WindowId } };
  },
  async update(request) {
    await request.call('ssm', 'UpdateMaintenanceWindow', { ...windowSettings(request.properties), WindowId: request.physicalId, Replace: true });
    await updateTags(request, 'MaintenanceWindow', request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('ssm', 'DeleteMaintenanceWindow', { WindowId: request.physicalId });
  },
  async read(request) {
    const w = await request.call('ssm', 'GetMaintenanceWindow', { WindowId: request.physicalId });
    return { Name: w.Name, Schedule: w.Schedule, Duration: w.Duration, Cutoff: w.Cutoff, AllowUnassociatedTargets: w.AllowUnassociatedTargets, Description: w.Description };
  },
  properties: ['Name', 'Description', 'Schedule', 'ScheduleTimezone', 'ScheduleOffset', 'StartDate', 'EndDate', 'Duration', 'Cutoff', 'AllowUnassociatedTargets', 'Tags'],
};

/** `AWS::SSM::MaintenanceWindowTarget`: Ref and GetAtt WindowTargetId. */
export const maintenanceWindowTarget: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { WindowTargetId } = await request.call('ssm', 'RegisterTargetWithMaintenanceWindow', {
      WindowId: p.WindowId,
      ResourceType: p.ResourceType,
      Targets: p.Targets,
      OwnerInformation: p.OwnerInformation,
      Name: p.Name,
      Description: p.Description,
    });
    return { physicalId: WindowTargetId, attributes: { WindowTargetId } };
  },
  async update(request) {
    const p = request.properties;
    await request.call('ssm', 'UpdateMaintenanceWindowTarget', {
      WindowId: p.WindowId,
      WindowTargetId: request.physicalId,
      Targets: p.Targets,
      OwnerInformation: p.OwnerInformation,
      Name: p.Name,
      Description: p.Description,
      Replace: true,
    });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('ssm', 'DeregisterTargetFromMaintenanceWindow', { WindowId: request.properties.WindowId, WindowTargetId: request.physicalId });
  },
  createOnly: ['WindowId', 'ResourceType'],
  properties: ['WindowId', 'ResourceType', 'Targets', 'OwnerInformation', 'Name', 'Description'],
};

/** CloudFormation's names for the task invocation parameters, and the API's. */
const INVOCATION_KEYS: Record<string, string> = {
  MaintenanceWindowRunCommandParameters: 'RunCommand',
  MaintenanceWindowAutomationParameters: 'Automation',
  MaintenanceWindowStepFunctionsParameters: 'StepFunctions',
  MaintenanceWindowLambdaParameters: 'Lambda',
};

function invocationParameters(p: Properties) {
  if (!p.TaskInvocationParameters) return undefined;
  const out: Properties = {};
  for (const [key, value] of Object.entries(p.TaskInvocationParameters as Properties)) {
    const apiKey = Object.hasOwn(INVOCATION_KEYS, key) ? INVOCATION_KEYS[key] : key;
    // The Lambda payload is text in the template and a blob in the API.
    out[apiKey] = apiKey === 'Lambda' && typeof value.Payload === 'string' ? { ...value, Payload: Buffer.from(value.Payload) } : value;
  }
  return out;
}

function taskSettings(p: Properties) {
  return {
    WindowId: p.WindowId,
    TaskArn: p.TaskArn,
    Targets: p.Targets,
    ServiceRoleArn: p.ServiceRoleArn,
    TaskParameters: p.TaskParameters,
    TaskInvocationParameters: invocationParameters(p),
    Priority: num(p.Priority),
    MaxConcurrency: p.MaxConcurrency,
    MaxErrors: p.MaxErrors,
    // CloudFormation's LoggingInfo names its fields S3Bucket, S3Prefix and Region.
    LoggingInfo: p.LoggingInfo && { S3BucketName: p.LoggingInfo.S3Bucket, S3KeyPrefix: p.LoggingInfo.S3Prefix, S3Region: p.LoggingInfo.Region },
    Name: p.Name,
    Description: p.Description,
    CutoffBehavior: p.CutoffBehavior,
  };
}

/** `AWS::SSM::MaintenanceWindowTask`: Ref and GetAtt WindowTaskId. */
export const maintenanceWindowTask: ResourceType = {
  async create(request) {
    const { WindowTaskId } = await request.call('ssm', 'RegisterTaskWithMaintenanceWindow', { ...taskSettings(request.properties), TaskType: request.properties.TaskType });
    return { physicalId: WindowTaskId, attributes: { WindowTaskId } };
  },
  async update(request) {
    await request.call('ssm', 'UpdateMaintenanceWindowTask', { ...taskSettings(request.properties), WindowTaskId: request.physicalId, Replace: true });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('ssm', 'DeregisterTaskFromMaintenanceWindow', { WindowId: request.properties.WindowId, WindowTaskId: request.physicalId });
  },
  createOnly: ['WindowId', 'TaskType'],
  properties: ['WindowId', 'TaskType', ...TASK_SETTINGS],
};
