import type { GetMaintenanceWindowTaskCommandOutput, MaintenanceWindowIdentity, MaintenanceWindowTarget } from '@aws-sdk/client-ssm';
import type { Properties, ResourceDelete, ResourceType } from '../../cloudformation/provider.ts';
import { givenMembers } from '../../cloudformation/read-back.ts';
import { SsmErrors } from '../errors.ts';
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
  async read(request) {
    const target = await inWindow(request, async (WindowId) => {
      const { Targets } = await request.call<{ Targets?: MaintenanceWindowTarget[] }>('ssm', 'DescribeMaintenanceWindowTargets', { WindowId, Filters: [{ Key: 'WindowTargetId', Values: [request.physicalId] }] });
      return Targets?.[0];
    });
    if (!target) throw SsmErrors.doesNotExist(`Maintenance window target ${request.physicalId} does not exist`);
    const { WindowId, WindowTargetId, ResourceType, Targets, OwnerInformation, Name, Description } = target;
    return { WindowId, WindowTargetId, ResourceType, Targets, OwnerInformation, Name, Description };
  },
  createOnly: ['WindowId', 'ResourceType'],
  properties: ['WindowId', 'ResourceType', 'Targets', 'OwnerInformation', 'Name', 'Description'],
};

/**
 * What a window's part (target, task) is read from: the window the template names, or, for Cloud Control (which
 * knows the part only by its id, AWS's primary identifier), each window of the account until one has it.
 */
async function inWindow<T>(request: ResourceDelete, find: (windowId: string) => Promise<T | undefined>): Promise<T | undefined> {
  if (request.properties.WindowId !== undefined) return find(request.properties.WindowId);
  let NextToken: string | undefined;
  do {
    const page = await request.call<{ WindowIdentities?: MaintenanceWindowIdentity[]; NextToken?: string }>('ssm', 'DescribeMaintenanceWindows', { NextToken });
    for (const window of page.WindowIdentities ?? []) {
      const found = await find(window.WindowId!).catch((error: unknown) => {
        if (error instanceof Error && error.name === 'DoesNotExistException') return undefined;
        throw error;
      });
      if (found) return found;
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return undefined;
}

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
  read: readTask,
  createOnly: ['WindowId', 'TaskType'],
  // AWS's schema has no AlarmConfiguration (the API's only): a template setting it fails as on AWS.
  properties: ['WindowId', 'TaskType', ...TASK_SETTINGS.filter((name) => name !== 'AlarmConfiguration')],
};

/** A task in the template's form: CloudFormation's invocation parameter and logging names, the Lambda payload as text. */
async function readTask(request: ResourceDelete): Promise<Properties> {
  const task = await inWindow(request, (WindowId) => request.call<GetMaintenanceWindowTaskCommandOutput>('ssm', 'GetMaintenanceWindowTask', { WindowId, WindowTaskId: request.physicalId }));
  if (!task) throw SsmErrors.doesNotExist(`Maintenance window task ${request.physicalId} does not exist`);
  const cfnKey = (apiKey: string) => Object.keys(INVOCATION_KEYS).find((k) => INVOCATION_KEYS[k] === apiKey) ?? apiKey;
  const invocation =
    task.TaskInvocationParameters &&
    Object.fromEntries(
      Object.entries(task.TaskInvocationParameters).map(([key, value]: [string, Properties]) => [
        cfnKey(key),
        key === 'Lambda' && value.Payload !== undefined ? { ...value, Payload: Buffer.from(value.Payload as Uint8Array).toString() } : value,
      ]),
    );
  const logging = task.LoggingInfo && { S3Bucket: task.LoggingInfo.S3BucketName, S3Prefix: task.LoggingInfo.S3KeyPrefix, Region: task.LoggingInfo.S3Region };
  return {
    WindowId: task.WindowId,
    WindowTaskId: task.WindowTaskId,
    TaskType: task.TaskType,
    TaskArn: task.TaskArn,
    Targets: task.Targets,
    ServiceRoleArn: task.ServiceRoleArn,
    TaskParameters: task.TaskParameters,
    TaskInvocationParameters: givenMembers(request.properties.TaskInvocationParameters, invocation),
    Priority: task.Priority,
    MaxConcurrency: task.MaxConcurrency,
    MaxErrors: task.MaxErrors,
    LoggingInfo: logging,
    Name: task.Name,
    Description: task.Description,
    CutoffBehavior: task.CutoffBehavior,
  };
}
