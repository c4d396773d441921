import type { DescribeStackSetOperationOutput, DescribeStackSetOutput, Parameter } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import { resourceTags, type Properties, type ResourceRequest, type ResourceType } from '../provider.ts';
import type { CloudFormationState } from '../state.ts';
import { validationError } from '../errors.ts';

/** One entry of StackInstancesGroup: accounts x regions, with parameter overrides. */
interface InstancesGroup {
  DeploymentTargets?: { Accounts?: string[]; OrganizationalUnitIds?: string[]; AccountsUrl?: string; AccountFilterType?: string };
  Regions?: string[];
  ParameterOverrides?: Parameter[];
}

/** The stack set's own settings, as UpdateStackSet takes them (what a change of which updates the stack set). */
const SETTINGS = ['Description', 'TemplateBody', 'TemplateURL', 'Parameters', 'Capabilities', 'Tags', 'AdministrationRoleARN', 'ExecutionRoleName', 'AutoDeployment', 'ManagedExecution'] as const;

/** The stack instances a StackInstancesGroup names, by `account/region`, each with its overrides. */
function instancesOf(groups: InstancesGroup[] | undefined): Map<string, Parameter[]> {
  const instances = new Map<string, Parameter[]>();
  for (const group of groups ?? []) {
    for (const region of group.Regions ?? []) {
      for (const account of group.DeploymentTargets?.Accounts ?? []) instances.set(`${account}/${region}`, group.ParameterOverrides ?? []);
    }
  }
  return instances;
}

/**
 * Instances regrouped as few requests as take them: the accounts of each region with the same overrides, then the
 * regions with the same accounts (a request deploys every account of it to every region of it).
 */
function requestsFor(instances: Map<string, Parameter[]>): InstancesGroup[] {
  const byRegion = new Map<string, { region: string; accounts: string[]; overrides: Parameter[] }>();
  for (const [key, overrides] of instances) {
    const [account, region] = key.split('/');
    const id = `${region} ${JSON.stringify(overrides)}`;
    const entry = byRegion.get(id) ?? { region, accounts: [], overrides };
    entry.accounts.push(account);
    byRegion.set(id, entry);
  }
  const merged = new Map<string, InstancesGroup>();
  for (const { region, accounts, overrides } of byRegion.values()) {
    const id = `${accounts.sort().join(',')} ${JSON.stringify(overrides)}`;
    const group = merged.get(id) ?? { DeploymentTargets: { Accounts: accounts }, Regions: [], ParameterOverrides: overrides };
    group.Regions!.push(region);
    merged.set(id, group);
  }
  return [...merged.values()];
}

function stateOf(request: ResourceRequest): CloudFormationState {
  return request.emulator.state<CloudFormationState>('cloudformation', request.accountId, request.region);
}

/**
 * Waits for a stack set operation to end, as the resource handler does; anything but SUCCEEDED fails the resource with
 * the handler's wording.
 */
async function settle(request: ResourceRequest, stackSetId: string, operationId: string | undefined): Promise<void> {
  const status = async () => {
    const input = { StackSetName: stackSetId, OperationId: operationId, CallAs: request.properties.CallAs };
    return (await request.call<DescribeStackSetOperationOutput>('cloudformation', 'DescribeStackSetOperation', input)).StackSetOperation?.Status;
  };
  // The stack set's latest operation runs (or queues) after the earlier ones: once it is done, so is this one.
  if ((await status()) !== 'SUCCEEDED') await stateOf(request).running.get(stackSetId);
  if ((await status()) !== 'SUCCEEDED') throw new AwsError('InternalFailure', `Stack set operation [${operationId}] was unexpectedly stopped or failed`);
}

type InstancesOperation = 'CreateStackInstances' | 'UpdateStackInstances' | 'DeleteStackInstances';

/** One stack instances operation per group, each waited for before the next (a stack set runs one at a time). */
async function instancesOperation(request: ResourceRequest, stackSetId: string, operation: InstancesOperation, groups: InstancesGroup[]): Promise<void> {
  const { OperationPreferences, CallAs } = request.properties;
  for (const group of groups) {
    const input: Properties = { StackSetName: stackSetId, DeploymentTargets: group.DeploymentTargets, Regions: group.Regions, OperationPreferences, CallAs };
    if (operation === 'DeleteStackInstances') input.RetainStacks = false;
    else if (group.ParameterOverrides?.length || operation === 'UpdateStackInstances') input.ParameterOverrides = group.ParameterOverrides ?? [];
    const { OperationId } = await request.call<{ OperationId?: string }>('cloudformation', operation, input);
    await settle(request, stackSetId, OperationId);
  }
}

function settings(request: ResourceRequest): Properties {
  const { properties } = request;
  const tags = resourceTags(request);
  return {
    Description: properties.Description,
    TemplateBody: properties.TemplateBody,
    TemplateURL: properties.TemplateURL,
    Parameters: properties.Parameters,
    Capabilities: properties.Capabilities,
    Tags: tags.length ? tags : undefined,
    AdministrationRoleARN: properties.AdministrationRoleARN,
    ExecutionRoleName: properties.ExecutionRoleName,
    PermissionModel: properties.PermissionModel,
    AutoDeployment: properties.AutoDeployment,
    ManagedExecution: properties.ManagedExecution,
    CallAs: properties.CallAs,
  };
}

const REQUIRED = ['StackSetName', 'PermissionModel'];

/**
 * `AWS::CloudFormation::StackSet`: a stack set and its StackInstancesGroup's instances, made through the StackSet API
 * as AWS's resource handler makes them (CreateStackSet, then CreateStackInstances per group, each operation waited
 * for). Ref and `StackSetId` are the stack set's id. Updates delete the instances no longer named, update the stack
 * set when its settings changed, create the new instances and update those whose overrides changed.
 */
export const stackSetType: ResourceType = {
  properties: [...REQUIRED, ...SETTINGS, 'OperationPreferences', 'StackInstancesGroup', 'CallAs'],
  createOnly: REQUIRED,
  primaryIdentifier: ['StackSetId'],
  async create(request) {
    const missing = REQUIRED.find((name) => request.properties[name] === undefined);
    if (missing) throw validationError(`Properties validation failed for resource ${request.logicalId} with message: #: required key [${missing}] not found`);
    const { StackSetId } = await request.call<{ StackSetId: string }>('cloudformation', 'CreateStackSet', { StackSetName: request.properties.StackSetName, ...settings(request) });
    request.initiated?.(StackSetId);
    await instancesOperation(request, StackSetId, 'CreateStackInstances', requestsFor(instancesOf(request.properties.StackInstancesGroup)));
    return { physicalId: StackSetId, attributes: { StackSetId } };
  },
  async update(request) {
    const id = request.physicalId;
    const before = instancesOf(request.previous.StackInstancesGroup);
    const after = instancesOf(request.properties.StackInstancesGroup);
    const only = (from: Map<string, Parameter[]>, keep: (key: string, overrides: Parameter[]) => boolean) => new Map([...from].filter(([key, overrides]) => keep(key, overrides)));
    await instancesOperation(request, id, 'DeleteStackInstances', requestsFor(only(before, (key) => !after.has(key))));
    if (SETTINGS.some((name) => JSON.stringify(request.previous[name]) !== JSON.stringify(request.properties[name]))) {
      const input = { StackSetName: id, ...settings(request), OperationPreferences: request.properties.OperationPreferences };
      const { OperationId } = await request.call<{ OperationId?: string }>('cloudformation', 'UpdateStackSet', input);
      await settle(request, id, OperationId);
    }
    await instancesOperation(request, id, 'CreateStackInstances', requestsFor(only(after, (key) => !before.has(key))));
    const changed = only(after, (key, overrides) => before.has(key) && JSON.stringify(before.get(key)) !== JSON.stringify(overrides));
    await instancesOperation(request, id, 'UpdateStackInstances', requestsFor(changed));
    return { physicalId: id, attributes: { StackSetId: id } };
  },
  async delete(request) {
    await instancesOperation(request, request.physicalId, 'DeleteStackInstances', requestsFor(instancesOf(request.properties.StackInstancesGroup)));
    await request.call('cloudformation', 'DeleteStackSet', { StackSetName: request.physicalId, CallAs: request.properties.CallAs });
  },
  /** The stack set's settings as DescribeStackSet answers them (the write-only properties are not read back). */
  async read(request) {
    const { StackSet: set } = await request.call<DescribeStackSetOutput>('cloudformation', 'DescribeStackSet', { StackSetName: request.physicalId, CallAs: request.properties.CallAs });
    if (!set || set.Status === 'DELETED') throw new AwsError('StackSetNotFoundException', `StackSet ${request.physicalId} not found`);
    return {
      StackSetName: set.StackSetName,
      PermissionModel: set.PermissionModel,
      Description: set.Description,
      TemplateBody: set.TemplateBody,
      Parameters: set.Parameters,
      Capabilities: set.Capabilities,
      Tags: set.Tags,
      AdministrationRoleARN: set.AdministrationRoleARN,
      ExecutionRoleName: set.ExecutionRoleName,
      ManagedExecution: set.ManagedExecution,
    };
  },
};
