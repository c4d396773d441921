import type { Emulator } from '../../../core/emulator.ts';
import { accountGate } from './gate.ts';
import { InstanceFailed, instanceStack } from './instance-stack.ts';
import { instanceKey, type OperationResult, type StackInstance, type StackSet, type StackSetOperation } from './model.ts';
import { executionCaller, TargetUnreachable } from './roles.ts';
import type { Caller } from '../../../core/service.ts';

/** What an operation does in one account and region, once the target is reached. */
export type InstanceWork = (instance: StackInstance, caller: Caller, result: OperationResult) => Promise<void>;

export interface Target {
  account: string;
  region: string;
}

/** Regions in the order the operation takes them: RegionOrder first, then the others as given. */
function regionOrder(op: StackSetOperation, targets: Target[]): string[] {
  const given = [...new Set(targets.map((t) => t.region))];
  const first = (op.preferences.RegionOrder ?? []).filter((r) => given.includes(r));
  return [...first, ...given.filter((r) => !first.includes(r))];
}

function share(count: number | undefined, percentage: number | undefined, total: number, atLeast: number): number {
  if (count !== undefined) return count;
  if (percentage !== undefined) return Math.max(atLeast, Math.floor((total * percentage) / 100));
  return atLeast;
}

const CANCELLED = 'Cancelled since failure tolerance has exceeded';

function cancel(set: StackSet, op: StackSetOperation, result: OperationResult, reason?: string): void {
  Object.assign(result, { status: 'CANCELLED', statusReason: reason });
  const instance = set.instances.get(instanceKey(result.account, result.region));
  if (instance && op.action !== 'DETECT_DRIFT') Object.assign(instance, { status: instance.status === 'CURRENT' ? 'CURRENT' : 'OUTDATED', detailedStatus: 'CANCELLED', lastOperationId: op.id });
}

async function runTarget(emulator: Emulator, set: StackSet, op: StackSetOperation, result: OperationResult, adminAccount: string, work: InstanceWork): Promise<boolean> {
  const instance = set.instances.get(instanceKey(result.account, result.region))!;
  // Drift detection looks at the instances without changing what they are.
  const deploys = op.action !== 'DETECT_DRIFT';
  result.status = 'RUNNING';
  if (deploys) Object.assign(instance, { detailedStatus: 'RUNNING', lastOperationId: op.id });
  try {
    // Letting go of an instance whose stack is kept, or that has none, does nothing in the target account.
    const nothingThere = op.action === 'DELETE' && (op.retainStacks || !instanceStack(emulator, instance));
    if (!nothingThere) {
      const caller = await executionCaller(emulator, set, adminAccount, result);
      result.accountGate = await accountGate(emulator, caller, result);
      if (result.accountGate.status === 'FAILED') throw new TargetUnreachable(result.accountGate.statusReason);
      await work(instance, caller, result);
    }
    result.status = 'SUCCEEDED';
    if (op.action === 'DELETE') set.instances.delete(instanceKey(result.account, result.region));
    else if (deploys) Object.assign(instance, { status: 'CURRENT', detailedStatus: 'SUCCEEDED', statusReason: undefined });
    return true;
  } catch (error) {
    if (!(error instanceof InstanceFailed || error instanceof TargetUnreachable)) console.error('[twinstack] stack set operation failed:', error);
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof TargetUnreachable && !result.accountGate) result.accountGate = { status: 'FAILED', statusReason: reason };
    Object.assign(result, { status: 'FAILED', statusReason: reason });
    if (!deploys) return false;
    const inoperable = op.action === 'DELETE';
    Object.assign(instance, { status: inoperable ? 'INOPERABLE' : 'OUTDATED', detailedStatus: inoperable ? 'INOPERABLE' : 'FAILED', statusReason: reason });
    return false;
  }
}

/**
 * Runs a stack set operation over its targets as AWS does: region by region (or all at once with PARALLEL), up to
 * MaxConcurrent accounts at a time within a region; once more targets of a region fail than the failure tolerance
 * allows, the ones not started are CANCELLED and the operation FAILED. StopStackSetOperation cancels what has not
 * started and ends the operation STOPPED.
 */
export async function runOperation(emulator: Emulator, set: StackSet, op: StackSetOperation, adminAccount: string, work: InstanceWork): Promise<void> {
  if (!op.stopRequested) op.status = 'RUNNING';
  const results = [...op.results.values()];
  const regions = regionOrder(op, results);
  const ordered = regions.flatMap((region) => results.filter((r) => r.region === region));
  op.results = new Map(ordered.map((r) => [instanceKey(r.account, r.region), r]));
  let failed = false;
  const runRegion = async (region: string) => {
    const inRegion = results.filter((r) => r.region === region);
    const tolerance = share(op.preferences.FailureToleranceCount, op.preferences.FailureTolerancePercentage, inRegion.length, 0);
    const concurrency = share(op.preferences.MaxConcurrentCount, op.preferences.MaxConcurrentPercentage, inRegion.length, 1);
    let failures = 0;
    for (let i = 0; i < inRegion.length; i += concurrency) {
      const batch = inRegion.slice(i, i + concurrency);
      if (op.stopRequested || failed) {
        for (const result of batch) cancel(set, op, result, op.stopRequested ? undefined : CANCELLED);
        continue;
      }
      const outcomes = await Promise.all(batch.map((result) => runTarget(emulator, set, op, result, adminAccount, work)));
      failures += outcomes.filter((ok) => !ok).length;
      if (failures > tolerance) failed = true;
    }
  };
  if (op.preferences.RegionConcurrencyType === 'PARALLEL') await Promise.all(regions.map(runRegion));
  else for (const region of regions) await runRegion(region);
  op.status = op.stopRequested ? 'STOPPED' : failed ? 'FAILED' : 'SUCCEEDED';
  op.ended = emulator.clock.date();
}

