import { randomBytes } from 'node:crypto';
import type {
  CreateVirtualMFADeviceCommandInput,
  DeactivateMFADeviceCommandInput,
  DeleteVirtualMFADeviceCommandInput,
  EnableMFADeviceCommandInput,
  GetMFADeviceCommandInput,
  ListMFADevicesCommandInput,
  ListVirtualMFADevicesCommandInput,
  ResyncMFADeviceCommandInput,
} from '@aws-sdk/client-iam';
import { iamArn, requireUser, tagsOrUndefined, type IamContext } from '../entities.ts';
import { IamErrors } from '../errors.ts';
import { paginate } from '../paging.ts';
import type { User, VirtualMfaDevice } from '../state.ts';
import { copyTags } from '../tags.ts';
import { base32, consecutiveCodes } from '../totp.ts';
import { targetUser } from './access-keys.ts';

/** IAM's quota of MFA devices per user. */
const MAX_DEVICES_PER_USER = 8;

export function requireMfaDevice(ctx: IamContext, serialNumber: string): VirtualMfaDevice {
  const device = ctx.state.mfaDevices.get(serialNumber);
  if (!device) throw IamErrors.noSuchEntity(`VirtualMFADevice with serial number ${serialNumber} doesn't exist.`);
  return device;
}

/** The otpauth URI authenticator apps scan, as the IAM console's QR code encodes it. */
function otpauthUri(ctx: IamContext, device: VirtualMfaDevice): string {
  const label = `${device.serialNumber.split('/').pop()}@${ctx.state.accountAliases[0] ?? ctx.state.accountId}`;
  return `otpauth://totp/Amazon%20Web%20Services:${encodeURIComponent(label)}?secret=${base32(device.seed)}&issuer=Amazon%20Web%20Services`;
}

export async function createVirtualMFADevice(input: CreateVirtualMFADeviceCommandInput, ctx: IamContext) {
  const path = input.Path ?? '/';
  const serialNumber = iamArn(ctx, `mfa${path}${input.VirtualMFADeviceName}`);
  if (ctx.state.mfaDevices.has(serialNumber)) throw IamErrors.alreadyExists('MFADevice entity at the same path and name already exists.');
  const device: VirtualMfaDevice = { serialNumber, seed: randomBytes(20), createDate: ctx.emulator.clock.date(), tags: copyTags(input.Tags) };
  // The QR code library is loaded only when a device is created.
  const { toBuffer } = await import('qrcode');
  const qrCode = await toBuffer(otpauthUri(ctx, device), { type: 'png' });
  ctx.state.mfaDevices.set(serialNumber, device);
  return {
    VirtualMFADevice: {
      SerialNumber: serialNumber,
      Base32StringSeed: Buffer.from(base32(device.seed)),
      QRCodePNG: qrCode,
      Tags: tagsOrUndefined(device.tags),
    },
  };
}

function checkCodes(ctx: IamContext, device: VirtualMfaDevice, code1: string, code2: string): void {
  if (!consecutiveCodes(device.seed, ctx.emulator.clock.now(), code1, code2)) throw IamErrors.invalidAuthenticationCode('Authentication code for device is not valid.');
}

export function enableMFADevice(input: EnableMFADeviceCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  const device = requireMfaDevice(ctx, input.SerialNumber!);
  if (device.user) throw IamErrors.alreadyExists('MFA Device is already in use.');
  if (user.mfaDevices.size >= MAX_DEVICES_PER_USER) throw IamErrors.limitExceeded(`Cannot exceed quota for MFADevicesPerUser: ${MAX_DEVICES_PER_USER}`);
  checkCodes(ctx, device, input.AuthenticationCode1!, input.AuthenticationCode2!);
  device.user = { name: user.name, enableDate: ctx.emulator.clock.date() };
  user.mfaDevices.add(device.serialNumber);
  return {};
}

/** The device enabled for a user, or NoSuchEntity. */
function enabledDevice(ctx: IamContext, user: User, serialNumber: string): VirtualMfaDevice {
  const device = ctx.state.mfaDevices.get(serialNumber);
  if (!device || !user.mfaDevices.has(serialNumber)) throw IamErrors.noSuchEntity(`MFA Device with serial number ${serialNumber} does not exist.`);
  return device;
}

export function deactivateMFADevice(input: DeactivateMFADeviceCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const device = enabledDevice(ctx, user, input.SerialNumber!);
  user.mfaDevices.delete(device.serialNumber);
  device.user = undefined;
  return {};
}

export function resyncMFADevice(input: ResyncMFADeviceCommandInput, ctx: IamContext) {
  const user = requireUser(ctx.state, input.UserName!);
  checkCodes(ctx, enabledDevice(ctx, user, input.SerialNumber!), input.AuthenticationCode1!, input.AuthenticationCode2!);
  return {};
}

export function deleteVirtualMFADevice(input: DeleteVirtualMFADeviceCommandInput, ctx: IamContext) {
  const device = requireMfaDevice(ctx, input.SerialNumber!);
  if (device.user) throw IamErrors.deleteConflict('MFA VirtualDevice in use. Must deactivate first.');
  ctx.state.mfaDevices.delete(device.serialNumber);
  return {};
}

export function getMFADevice(input: GetMFADeviceCommandInput, ctx: IamContext) {
  const device = requireMfaDevice(ctx, input.SerialNumber!);
  if (input.UserName !== undefined && device.user?.name.toLowerCase() !== input.UserName.toLowerCase()) {
    throw IamErrors.noSuchEntity(`MFA Device with serial number ${input.SerialNumber} does not exist.`);
  }
  return { UserName: device.user?.name, SerialNumber: device.serialNumber, EnableDate: device.user?.enableDate };
}

export function listMFADevices(input: ListMFADevicesCommandInput, ctx: IamContext) {
  const user = targetUser(input.UserName, ctx);
  const devices = [...user.mfaDevices].map((serial) => ctx.state.mfaDevices.get(serial)!);
  const page = paginate(devices, input);
  return {
    MFADevices: page.items.map((d) => ({ UserName: user.name, SerialNumber: d.serialNumber, EnableDate: d.user!.enableDate })),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}

export function listVirtualMFADevices(input: ListVirtualMFADevicesCommandInput, ctx: IamContext) {
  const status = input.AssignmentStatus ?? 'Any';
  const devices = [...ctx.state.mfaDevices.values()].filter((d) => status === 'Any' || (status === 'Assigned') === Boolean(d.user));
  const page = paginate(devices, input);
  return {
    VirtualMFADevices: page.items.map((d) => {
      const user = d.user ? ctx.state.users.get(d.user.name.toLowerCase()) : undefined;
      return {
        SerialNumber: d.serialNumber,
        User: user ? { Path: user.path, UserName: user.name, UserId: user.id, Arn: user.arn, CreateDate: user.createDate } : undefined,
        EnableDate: d.user?.enableDate,
        Tags: tagsOrUndefined(d.tags),
      };
    }),
    IsTruncated: page.IsTruncated,
    Marker: page.Marker,
  };
}
