import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { IamErrors } from '../errors.ts';

async function setStatus(request: ResourceRequest, accessKeyId: string): Promise<void> {
  await request.call('iam', 'UpdateAccessKey', { UserName: request.properties.UserName, AccessKeyId: accessKeyId, Status: request.properties.Status ?? 'Active' });
}

/**
 * `AWS::IAM::AccessKey`: Ref is the access key id; GetAtt SecretAccessKey (and Id). A changed Serial (or user) makes a
 * new key, the way a template rotates one; a changed Status is set on the key in place.
 */
export const accessKey: ResourceType = {
  async create(request) {
    const { AccessKey } = await request.call('iam', 'CreateAccessKey', { UserName: request.properties.UserName });
    request.initiated?.(AccessKey.AccessKeyId);
    if ((request.properties.Status ?? 'Active') !== 'Active') await setStatus(request, AccessKey.AccessKeyId);
    return { physicalId: AccessKey.AccessKeyId, attributes: { Id: AccessKey.AccessKeyId, SecretAccessKey: AccessKey.SecretAccessKey } };
  },
  async update(request) {
    if ((request.properties.Status ?? 'Active') !== (request.previous.Status ?? 'Active')) await setStatus(request, request.physicalId);
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('iam', 'DeleteAccessKey', { UserName: request.properties.UserName, AccessKeyId: request.physicalId });
  },
  async read(request) {
    const { UserName } = request.properties;
    const { AccessKeyMetadata } = await request.call<{ AccessKeyMetadata: { AccessKeyId: string; Status: string }[] }>('iam', 'ListAccessKeys', { UserName, MaxItems: 1000 });
    const key = AccessKeyMetadata.find((k) => k.AccessKeyId === request.physicalId);
    if (!key) throw IamErrors.noSuchEntity(`The Access Key with id ${request.physicalId} cannot be found.`);
    // Serial is the template's rotation counter, which IAM does not keep.
    return { UserName, Status: key.Status };
  },
  createOnly: ['UserName', 'Serial'],
  properties: ['UserName', 'Serial', 'Status'],
};
