import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { changedProperties, resourceTags, type ResourceType } from '../../cloudformation/provider.ts';

async function retention(request: Parameters<ResourceType['create']>[0], name: string) {
  const days = request.properties.RetentionInDays;
  if (days === undefined) await request.call('logs', 'DeleteRetentionPolicy', { logGroupName: name });
  else await request.call('logs', 'PutRetentionPolicy', { logGroupName: name, retentionInDays: Number(days) });
}

/** `AWS::Logs::LogGroup`: Ref is the group name; GetAtt Arn (the `:*` form, as CloudFormation gives it). */
const logGroup: ResourceType = {
  async create(request) {
    const name: string = request.properties.LogGroupName ?? request.physicalName({ maxLength: 512 });
    const tags = resourceTags(request);
    await request.call('logs', 'CreateLogGroup', {
      logGroupName: name,
      kmsKeyId: request.properties.KmsKeyId,
      logGroupClass: request.properties.LogGroupClass,
      ...(tags.length ? { tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])) } : {}),
    });
    if (request.properties.RetentionInDays !== undefined) await retention(request, name);
    const { logGroups } = await request.call('logs', 'DescribeLogGroups', { logGroupNamePrefix: name });
    return { physicalId: name, attributes: { Arn: logGroups.find((g: { logGroupName: string }) => g.logGroupName === name).arn } };
  },
  async update(request) {
    if (changedProperties(request.previous, request.properties).has('RetentionInDays')) await retention(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('logs', 'DeleteLogGroup', { logGroupName: request.physicalId });
  },
  createOnly: ['LogGroupName', 'KmsKeyId', 'LogGroupClass'],
  properties: ['LogGroupName', 'RetentionInDays', 'KmsKeyId', 'LogGroupClass', 'Tags'],
};

/** The CloudFormation resource types of CloudWatch Logs. */
const types: ResourceTypes = {
  'AWS::Logs::LogGroup': logGroup,
};

export default types;
