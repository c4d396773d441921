import type { Emulator } from '../../../core/emulator.ts';
import { AwsError } from '../../../core/errors.ts';
import type { Caller } from '../../../core/service.ts';

const GATE_FUNCTION = 'AWSCloudFormationStackSetAccountGate';

/**
 * The target account gate: CloudFormation invokes the target account's `AWSCloudFormationStackSetAccountGate`
 * function (as the execution role) before working there, and goes on only when it answers SUCCEEDED. Without the
 * function, or when it cannot be invoked, the gate is SKIPPED (AWS's documented reasons).
 */
export async function accountGate(emulator: Emulator, caller: Caller, target: { account: string; region: string }): Promise<{ status: string; statusReason?: string }> {
  if (!emulator.isEnabled('lambda')) return { status: 'SKIPPED', statusReason: `${GATE_FUNCTION} function not found` };
  let out: { Payload?: Uint8Array; FunctionError?: string };
  try {
    out = await emulator.call('lambda', 'Invoke', { FunctionName: GATE_FUNCTION, Payload: Buffer.from('{}') }, { caller, accountId: target.account, region: target.region });
  } catch (error) {
    if (error instanceof AwsError && error.code === 'ResourceNotFoundException') return { status: 'SKIPPED', statusReason: `${GATE_FUNCTION} function not found` };
    return { status: 'SKIPPED', statusReason: `${GATE_FUNCTION} function could not be invoked` };
  }
  let answer: unknown;
  try {
    answer = JSON.parse(Buffer.from(out.Payload ?? new Uint8Array()).toString('utf8'));
  } catch {
    answer = undefined;
  }
  const status = typeof answer === 'string' ? answer : (answer as { Status?: unknown } | undefined)?.Status;
  if (!out.FunctionError && status === 'SUCCEEDED') return { status: 'SUCCEEDED' };
  return { status: 'FAILED', statusReason: `${GATE_FUNCTION} function returned ${out.FunctionError ? 'an error' : String(status)}` };
}
