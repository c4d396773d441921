import { AwsError } from '../../../core/errors.ts';
import type { ResourceRequest, ResourceType } from '../../cloudformation/provider.ts';
import { fromBase32, totp } from '../totp.ts';
import { templateTags } from '../../cloudformation/read-back.ts';
import { tagsInput } from './identities.ts';
import { updateEntityTags } from './tags.ts';

/**
 * Enables the device for users the way a person does, with two consecutive codes of its seed (CloudFormation holds the
 * seed only while it creates the device), so EnableMFADevice's own checks apply: one user per device, five per user.
 */
async function enable(request: ResourceRequest, serialNumber: string, seed: Buffer, users: string[]) {
  const step = Math.floor(request.emulator.clock.now() / 30_000);
  for (const user of users) {
    await request.call('iam', 'EnableMFADevice', { UserName: user, SerialNumber: serialNumber, AuthenticationCode1: totp(seed, step), AuthenticationCode2: totp(seed, step + 1) });
  }
}

async function deactivate(request: ResourceRequest, serialNumber: string, users: string[] = [], except: string[] = []) {
  for (const user of users) if (!except.includes(user)) await request.call('iam', 'DeactivateMFADevice', { UserName: user, SerialNumber: serialNumber });
}

/**
 * `AWS::IAM::VirtualMFADevice`: Ref (and GetAtt SerialNumber) is the device's serial number, its ARN. Tags change in
 * place, and a user taken out of Users has the device deactivated; a user added by an update would need codes of a seed
 * twinstack does not keep, so that update fails (a known gap: AWS documents Users as updatable).
 */
export const virtualMfaDevice: ResourceType = {
  async create(request) {
    const p = request.properties;
    const name: string = p.VirtualMfaDeviceName ?? request.physicalName({ maxLength: 226 });
    const { VirtualMFADevice } = await request.call('iam', 'CreateVirtualMFADevice', { VirtualMFADeviceName: name, Path: p.Path, ...tagsInput(request) });
    const serialNumber: string = VirtualMFADevice.SerialNumber;
    request.initiated?.(serialNumber);
    await enable(request, serialNumber, fromBase32(Buffer.from(VirtualMFADevice.Base32StringSeed).toString()), p.Users ?? []);
    return { physicalId: serialNumber, attributes: { SerialNumber: serialNumber } };
  },
  async update(request) {
    const added = ((request.properties.Users ?? []) as string[]).filter((u) => !(request.previous.Users ?? []).includes(u));
    if (added.length) throw new AwsError('ValidationError', `The MFA device cannot be enabled for users added by an update (${added.join(', ')}); replace the device instead.`);
    await deactivate(request, request.physicalId, request.previous.Users, request.properties.Users);
    await updateEntityTags(request, 'MFADevice', { SerialNumber: request.physicalId });
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await deactivate(request, request.physicalId, request.properties.Users);
    await request.call('iam', 'DeleteVirtualMFADevice', { SerialNumber: request.physicalId });
  },
  async read(request) {
    const serialNumber = request.physicalId;
    const { UserName } = await request.call<{ UserName?: string }>('iam', 'GetMFADevice', { SerialNumber: serialNumber });
    const { Tags } = await request.call<{ Tags: { Key: string; Value: string }[] }>('iam', 'ListMFADeviceTags', { SerialNumber: serialNumber });
    // The serial number is the device's ARN: arn:…:mfa<path><name>.
    const pathAndName = serialNumber.slice(serialNumber.indexOf(':mfa') + ':mfa'.length);
    const cut = pathAndName.lastIndexOf('/');
    return {
      VirtualMfaDeviceName: pathAndName.slice(cut + 1),
      Path: pathAndName.slice(0, cut + 1),
      Users: UserName ? [UserName] : [],
      Tags: templateTags(request, Tags),
    };
  },
  createOnly: ['VirtualMfaDeviceName', 'Path'],
  properties: ['VirtualMfaDeviceName', 'Path', 'Users', 'Tags'],
};
