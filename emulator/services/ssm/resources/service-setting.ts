import type { ServiceSetting } from '@aws-sdk/client-ssm';
import type { ResourceRequest, ResourceState, ResourceType } from '../../cloudformation/provider.ts';

/** Sets the setting and reads it back: Ref is its ARN (CDK's CfnServiceSetting reads its Ref as the ARN). */
async function apply(request: ResourceRequest): Promise<ResourceState> {
  const { SettingId, SettingValue } = request.properties;
  await request.call('ssm', 'UpdateServiceSetting', { SettingId, SettingValue });
  const { ServiceSetting: setting } = await request.call<{ ServiceSetting: ServiceSetting }>('ssm', 'GetServiceSetting', { SettingId });
  return {
    physicalId: setting.ARN!,
    attributes: { Arn: setting.ARN, LastModifiedDate: setting.LastModifiedDate!.toISOString(), LastModifiedUser: setting.LastModifiedUser, Status: setting.Status },
  };
}

/**
 * `AWS::SSM::ServiceSetting`: one of the account's Systems Manager settings; GetAtt Arn, LastModifiedDate,
 * LastModifiedUser, Status. Deleting the resource resets the setting to AWS's default.
 */
export const serviceSetting: ResourceType = {
  create: apply,
  update: apply,
  async delete(request) {
    await request.call('ssm', 'ResetServiceSetting', { SettingId: request.properties.SettingId });
  },
  async read(request) {
    const { ServiceSetting: setting } = await request.call<{ ServiceSetting: ServiceSetting }>('ssm', 'GetServiceSetting', { SettingId: request.properties.SettingId });
    return { SettingId: request.properties.SettingId, SettingValue: setting.SettingValue };
  },
  createOnly: ['SettingId'],
  properties: ['SettingId', 'SettingValue'],
};
