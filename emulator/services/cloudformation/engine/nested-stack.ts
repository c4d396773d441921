import type { DescribeStacksOutput, Stack as DescribedStack } from '@aws-sdk/client-cloudformation';
import { AwsError } from '../../../core/errors.ts';
import type { Properties, ResourceDelete, ResourceRequest, ResourceType } from '../provider.ts';
import { givenMembers, templateTags } from '../read-back.ts';
import type { CloudFormationState, Stack } from '../state.ts';
import { validationError } from '../errors.ts';

function stateOf(request: ResourceRequest): CloudFormationState {
  return request.emulator.state<CloudFormationState>('cloudformation', request.accountId, request.region);
}

function childOf(request: ResourceRequest, stackId: string): Stack {
  return stateOf(request).stacks.find((s) => s.stackId === stackId)!;
}

function parameters(request: ResourceRequest) {
  return Object.entries((request.properties.Parameters ?? {}) as Record<string, unknown>).map(([ParameterKey, value]) => ({
    ParameterKey,
    ParameterValue: Array.isArray(value) ? value.join(',') : String(value),
  }));
}

/** Waits for the child's operation and fails the parent's resource when the child did not end in `expected`. */
async function settle(request: ResourceRequest, stackId: string, expected: string) {
  await stateOf(request).running.get(stackId);
  const child = childOf(request, stackId);
  if (child.status !== expected) {
    throw validationError(`Embedded stack ${stackId} was not successfully ${expected.startsWith('DELETE') ? 'deleted' : expected.startsWith('UPDATE') ? 'updated' : 'created'}: ${child.statusReason ?? child.status}`);
  }
  const attributes: Record<string, unknown> = {};
  for (const output of child.outputs) attributes[`Outputs.${output.OutputKey}`] = output.OutputValue;
  return { physicalId: stackId, attributes };
}

function common(request: ResourceRequest) {
  return {
    TemplateURL: request.properties.TemplateURL,
    Parameters: parameters(request),
    Tags: [...request.stackTags, ...((request.properties.Tags ?? []) as { Key: string; Value: string }[])],
    NotificationARNs: request.properties.NotificationARNs,
    TimeoutInMinutes: request.properties.TimeoutInMinutes,
    Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
  };
}

/** `AWS::CloudFormation::Stack`: a nested stack from a template in S3, created through CreateStack like any other. */
export const nestedStack: ResourceType = {
  properties: ['NotificationARNs', 'Parameters', 'Tags', 'TemplateURL', 'TimeoutInMinutes'],
  async create(request) {
    const parent = childOf(request, request.stackId);
    const { StackId } = await request.call<{ StackId: string }>('cloudformation', 'CreateStack', {
      StackName: request.physicalName({ maxLength: 128 }),
      ...common(request),
      // A stack that does not roll back keeps its nested stacks' failed resources too.
      DisableRollback: parent.disableRollback,
    });
    const child = childOf(request, StackId);
    child.parentId = request.stackId;
    child.rootId = parent.rootId ?? request.stackId;
    // The resource names its stack from now on, so that deleting the parent deletes a nested stack that failed.
    const resource = parent.resources.get(request.logicalId);
    if (resource) resource.physicalId = StackId;
    return settle(request, StackId, 'CREATE_COMPLETE');
  },
  async update(request) {
    try {
      await request.call('cloudformation', 'UpdateStack', { StackName: request.physicalId, ...common(request) });
    } catch (error) {
      if ((error as Error).message === 'No updates are to be performed.') return settle(request, request.physicalId, childOf(request, request.physicalId).status);
      throw error;
    }
    return settle(request, request.physicalId, 'UPDATE_COMPLETE');
  },
  async delete(request) {
    await request.call('cloudformation', 'DeleteStack', { StackName: request.physicalId });
    await settle(request, request.physicalId, 'DELETE_COMPLETE');
  },
  read: readNestedStack,
  createOnly: [],
};

/**
 * The nested stack as DescribeStacks has it, in the template's form (TemplateURL is write-only in AWS's schema): the
 * parameters the template passed (a list as the list it gave), its tags without the parent's propagated ones.
 */
async function readNestedStack(request: ResourceDelete): Promise<Properties> {
  const stack = await describedStack(request);
  const given = (request.properties.Parameters ?? {}) as Record<string, unknown>;
  const parameters = Object.fromEntries(
    (stack.Parameters ?? []).map((p) => [p.ParameterKey!, Array.isArray(given[p.ParameterKey!]) ? (p.ParameterValue ?? '').split(',') : p.ParameterValue]),
  );
  return {
    Parameters: givenMembers(request.properties.Parameters, parameters),
    Tags: templateTags(request, stack.Tags as { Key: string; Value: string }[] | undefined),
    NotificationARNs: stack.NotificationARNs?.length ? stack.NotificationARNs : undefined,
    TimeoutInMinutes: stack.TimeoutInMinutes,
    StackId: stack.StackId,
    StackName: stack.StackName,
    StackStatus: stack.StackStatus,
  };
}

/** A nested stack deleted on its own is gone (DescribeStacks by id still lists it, DELETE_COMPLETE). */
async function describedStack(request: ResourceDelete): Promise<DescribedStack> {
  const { Stacks } = await request.call<DescribeStacksOutput>('cloudformation', 'DescribeStacks', { StackName: request.physicalId });
  const stack = Stacks![0];
  if (stack.StackStatus === 'DELETE_COMPLETE') throw new AwsError('ResourceNotFoundException', `Stack with id ${request.physicalId} does not exist`);
  return stack;
}
