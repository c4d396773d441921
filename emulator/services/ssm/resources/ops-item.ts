import type { OpsItem } from '@aws-sdk/client-ssm';
import type { ResourceRequest, ResourceState, ResourceType } from '../../cloudformation/provider.ts';
import { createTags, updateTags } from './tags.ts';

/** The OpsItem's id: the last part of its ARN (`…:opsitem/oi-…`), the physical id. */
const idOf = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

const priority = (value: unknown) => (value === undefined ? undefined : Number(value));

async function described(request: ResourceRequest, arn: string): Promise<ResourceState> {
  const { OpsItem: item } = await request.call<{ OpsItem: OpsItem }>('ssm', 'GetOpsItem', { OpsItemId: idOf(arn) });
  return {
    physicalId: arn,
    attributes: {
      OpsItemArn: arn,
      OpsItemId: item.OpsItemId,
      OpsItemType: item.OpsItemType,
      Status: item.Status,
      Version: item.Version,
      CreatedBy: item.CreatedBy,
      CreatedTime: item.CreatedTime?.toISOString(),
      LastModifiedBy: item.LastModifiedBy,
      LastModifiedTime: item.LastModifiedTime?.toISOString(),
    },
  };
}

/**
 * `AWS::SSM::OpsItem`: an OpsCenter work item through CreateOpsItem/UpdateOpsItem/DeleteOpsItem. Ref is its ARN;
 * GetAtt OpsItemArn, OpsItemId, OpsItemType, Status, Version, CreatedBy, CreatedTime, LastModifiedBy, LastModifiedTime
 * (the attributes of CDK's CfnOpsItem). Source cannot change (UpdateOpsItem does not take it).
 */
export const opsItem: ResourceType = {
  async create(request) {
    const p = request.properties;
    const { OpsItemArn } = await request.call<{ OpsItemArn: string }>('ssm', 'CreateOpsItem', {
      Title: p.Title,
      Description: p.Description,
      Source: p.Source,
      Category: p.Category,
      Severity: p.Severity,
      Priority: priority(p.Priority),
      ...createTags(request),
    });
    return described(request, OpsItemArn);
  },
  async update(request) {
    const p = request.properties;
    await request.call('ssm', 'UpdateOpsItem', {
      OpsItemId: idOf(request.physicalId),
      Title: p.Title,
      Description: p.Description,
      Category: p.Category,
      Severity: p.Severity,
      Priority: priority(p.Priority),
    });
    await updateTags(request, 'OpsItem', idOf(request.physicalId));
    return described(request, request.physicalId);
  },
  async delete(request) {
    await request.call('ssm', 'DeleteOpsItem', { OpsItemId: idOf(request.physicalId) });
  },
  async read(request) {
    const { OpsItem: item } = await request.call<{ OpsItem: OpsItem }>('ssm', 'GetOpsItem', { OpsItemId: idOf(request.physicalId) });
    return { Title: item.Title, Description: item.Description, Source: item.Source, Category: item.Category, Severity: item.Severity, Priority: item.Priority };
  },
  createOnly: ['Source'],
  properties: ['Category', 'Description', 'Priority', 'Severity', 'Source', 'Tags', 'Title'],
};
