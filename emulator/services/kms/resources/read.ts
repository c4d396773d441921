import type { Properties, ResourceDelete } from '../../cloudformation/provider.ts';
import { templateJson } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';
import { KmsErrors } from '../errors.ts';

/**
 * The settings a key and a replica key share, as KMS has them now, in the template's form. A key waiting for its
 * deletion is gone for CloudFormation, as for AWS's read handler.
 */
export async function readKeySettings(request: ResourceDelete): Promise<{ metadata: Properties; properties: Properties }> {
  const { KeyMetadata } = await request.call('kms', 'DescribeKey', { KeyId: request.physicalId });
  if (KeyMetadata.KeyState === 'PendingDeletion' || KeyMetadata.KeyState === 'PendingReplicaDeletion') throw KmsErrors.keyMissing(KeyMetadata.Arn);
  const { Policy } = await request.call<{ Policy: string }>('kms', 'GetKeyPolicy', { KeyId: request.physicalId, PolicyName: 'default' });
  const { Tags } = await request.call<{ Tags: { TagKey: string; TagValue: string }[] }>('kms', 'ListResourceTags', { KeyId: request.physicalId, Limit: 50 });
  return {
    metadata: KeyMetadata,
    properties: {
      Description: KeyMetadata.Description,
      Enabled: KeyMetadata.Enabled,
      KeyPolicy: templateJson(request.properties.KeyPolicy, Policy),
      Tags: templateTags(request, Tags.map((t) => ({ Key: t.TagKey, Value: t.TagValue }))),
    },
  };
}
