import type {
  CheckIfPhoneNumberIsOptedOutCommandInput,
  CreateSMSSandboxPhoneNumberCommandInput,
  DeleteSMSSandboxPhoneNumberCommandInput,
  GetSMSAttributesCommandInput,
  ListPhoneNumbersOptedOutCommandInput,
  ListSMSSandboxPhoneNumbersCommandInput,
  OptInPhoneNumberCommandInput,
  SetSMSAttributesCommandInput,
  VerifySMSSandboxPhoneNumberCommandInput,
} from '@aws-sdk/client-sns';
import { AwsError } from '../../../core/errors.ts';
import { invalidParameter, invalidParameterRaw } from '../errors.ts';
import type { SnsContext } from '../lookup.ts';
import { page } from '../pagination.ts';
import { isPhoneNumber } from '../phone.ts';

const SMS_ATTRIBUTES = new Set([
  'MonthlySpendLimit',
  'DeliveryStatusIAMRole',
  'DeliveryStatusSuccessSamplingRate',
  'DefaultSenderID',
  'DefaultSMSType',
  'UsageReportS3Bucket',
]);
const E164 = /^\+[1-9][0-9]{1,14}$/;
/** The one-time password AWS sends to verify a sandbox number; the emulator accepts this fixed code. */
const SANDBOX_OTP = '123456';

function smsAttributes(ctx: SnsContext): Map<string, string> {
  // Every region starts with AWS's default spend limit of 1 USD.
  if (!ctx.state.smsAttributes.has('MonthlySpendLimit')) ctx.state.smsAttributes.set('MonthlySpendLimit', '1');
  return ctx.state.smsAttributes;
}

export function setSMSAttributes(input: SetSMSAttributesCommandInput, ctx: SnsContext) {
  const given = input.attributes ?? {};
  for (const [key, value] of Object.entries(given)) {
    if (!SMS_ATTRIBUTES.has(key)) throw invalidParameterRaw(`${key} is not a valid attribute`);
    if (key === 'DefaultSMSType' && value !== 'Promotional' && value !== 'Transactional') throw invalidParameterRaw('DefaultSMSType is invalid');
    if (key === 'DefaultSenderID' && !/^(?=.*[A-Za-z])[A-Za-z0-9-]{1,11}$/.test(value)) throw invalidParameterRaw('DefaultSenderID is invalid');
  }
  for (const [key, value] of Object.entries(given)) smsAttributes(ctx).set(key, value);
  return {};
}

export function getSMSAttributes(input: GetSMSAttributesCommandInput, ctx: SnsContext) {
  const all = smsAttributes(ctx);
  const names = input.attributes?.length ? input.attributes : [...all.keys()];
  return { attributes: Object.fromEntries(names.filter((n) => all.has(n)).map((n) => [n, all.get(n)!])) };
}

function checkPhone(phoneNumber: string | undefined): string {
  if (!phoneNumber || !isPhoneNumber(phoneNumber)) throw invalidParameter('PhoneNumber Reason: input incorrectly formatted');
  return phoneNumber;
}

export function checkIfPhoneNumberIsOptedOut(input: CheckIfPhoneNumberIsOptedOutCommandInput, ctx: SnsContext) {
  return { isOptedOut: ctx.state.optedOut.has(checkPhone(input.phoneNumber)) };
}

export function listPhoneNumbersOptedOut(input: ListPhoneNumbersOptedOutCommandInput, ctx: SnsContext) {
  const { items, nextToken } = page([...ctx.state.optedOut], input.nextToken, 100);
  return { phoneNumbers: items, nextToken };
}

export function optInPhoneNumber(input: OptInPhoneNumberCommandInput, ctx: SnsContext) {
  ctx.state.optedOut.delete(checkPhone(input.phoneNumber));
  return {};
}

export function getSMSSandboxAccountStatus() {
  return { IsInSandbox: true };
}

function sandboxNumber(phoneNumber: string | undefined): string {
  if (!phoneNumber || !E164.test(phoneNumber)) throw invalidParameter('PhoneNumber Reason: input incorrectly formatted');
  return phoneNumber;
}

export function createSMSSandboxPhoneNumber(input: CreateSMSSandboxPhoneNumberCommandInput, ctx: SnsContext) {
  const number = sandboxNumber(input.PhoneNumber);
  if (!ctx.state.sandboxNumbers.has(number)) ctx.state.sandboxNumbers.set(number, 'Pending');
  return {};
}

export function verifySMSSandboxPhoneNumber(input: VerifySMSSandboxPhoneNumberCommandInput, ctx: SnsContext) {
  const number = sandboxNumber(input.PhoneNumber);
  if (!ctx.state.sandboxNumbers.has(number)) throw new AwsError('ResourceNotFoundException', 'Phone number does not exist');
  if (input.OneTimePassword !== SANDBOX_OTP) throw new AwsError('VerificationException', 'Invalid one-time password', { status: 400 });
  ctx.state.sandboxNumbers.set(number, 'Verified');
  return {};
}

export function deleteSMSSandboxPhoneNumber(input: DeleteSMSSandboxPhoneNumberCommandInput, ctx: SnsContext) {
  const number = sandboxNumber(input.PhoneNumber);
  if (!ctx.state.sandboxNumbers.delete(number)) throw new AwsError('ResourceNotFoundException', 'Phone number does not exist');
  return {};
}

export function listSMSSandboxPhoneNumbers(input: ListSMSSandboxPhoneNumbersCommandInput, ctx: SnsContext) {
  const all = [...ctx.state.sandboxNumbers].map(([PhoneNumber, Status]) => ({ PhoneNumber, Status }));
  const { items, nextToken } = page(all, input.NextToken, input.MaxResults ?? 100);
  return { PhoneNumbers: items, NextToken: nextToken };
}

export function listOriginationNumbers() {
  return { PhoneNumbers: [] };
}
