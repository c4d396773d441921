import type { StackSetDriftDetectionDetails } from '@aws-sdk/client-cloudformation';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';
import { InstanceFailed, instanceStack } from './instance-stack.ts';
import type { OperationResult, StackInstance, StackSet } from './model.ts';

/**
 * Detects drift on an instance's stack through DetectStackDrift in its account and region (as the execution role),
 * keeping the verdict on the instance and the resources' findings on the operation's result.
 */
export async function detectInstanceDrift(emulator: Emulator, instance: StackInstance, caller: Caller, result: OperationResult): Promise<void> {
  const stack = instanceStack(emulator, instance);
  if (!stack) throw new InstanceFailed(`Stack instance ${instance.account}/${instance.region} has no stack to detect drift on`);
  try {
    await emulator.call('cloudformation', 'DetectStackDrift', { StackName: stack.stackId }, { caller, accountId: instance.account, region: instance.region });
  } catch (error) {
    instance.drift = { status: 'UNKNOWN', timestamp: emulator.clock.date() };
    throw new InstanceFailed((error as Error).message);
  }
  result.drifts = [...stack.resources.values()].flatMap((r) => (r.drift && r.status !== 'DELETE_COMPLETE' ? [r.drift] : []));
  instance.drift = { status: stack.drift?.status === 'DRIFTED' ? 'DRIFTED' : 'IN_SYNC', timestamp: stack.drift?.timestamp ?? emulator.clock.date() };
}

const DETECTION_STATUS: Record<string, StackSetDriftDetectionDetails['DriftDetectionStatus']> = {
  QUEUED: 'IN_PROGRESS',
  RUNNING: 'IN_PROGRESS',
  STOPPING: 'IN_PROGRESS',
  SUCCEEDED: 'COMPLETED',
  FAILED: 'FAILED',
  STOPPED: 'STOPPED',
};

/** The stack set's drift: its instances' verdicts and how its last drift detection went. */
export function driftDetails(set: StackSet): StackSetDriftDetectionDetails {
  const instances = [...set.instances.values()];
  const last = set.operations.find((o) => o.action === 'DETECT_DRIFT');
  const results = last ? [...last.results.values()] : [];
  const count = (status: string) => instances.filter((i) => i.drift?.status === status).length;
  if (!last) return { DriftStatus: 'NOT_CHECKED', TotalStackInstancesCount: 0, DriftedStackInstancesCount: 0, InSyncStackInstancesCount: 0, InProgressStackInstancesCount: 0, FailedStackInstancesCount: 0 };
  const failed = results.filter((r) => r.status === 'FAILED' || r.status === 'CANCELLED').length;
  let detection = DETECTION_STATUS[last.status];
  // Some instances failed without the operation exceeding its failure tolerance.
  if (detection === 'COMPLETED' && failed) detection = 'PARTIAL_SUCCESS';
  const drifted = count('DRIFTED');
  return {
    DriftStatus: drifted ? 'DRIFTED' : count('IN_SYNC') ? 'IN_SYNC' : 'NOT_CHECKED',
    DriftDetectionStatus: detection,
    LastDriftCheckTimestamp: last.ended,
    TotalStackInstancesCount: instances.length,
    DriftedStackInstancesCount: drifted,
    InSyncStackInstancesCount: count('IN_SYNC'),
    InProgressStackInstancesCount: results.filter((r) => r.status === 'PENDING' || r.status === 'RUNNING').length,
    FailedStackInstancesCount: failed,
  };
}
