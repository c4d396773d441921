import { randomUUID } from 'node:crypto';
import type {
  DescribeStackDriftDetectionStatusInput,
  DescribeStackResourceDriftsInput,
  DetectStackDriftInput,
  DetectStackResourceDriftInput,
  StackResourceDrift,
} from '@aws-sdk/client-cloudformation';
import { detectResourceDrift } from '../engine/drift.ts';
import { validationError } from '../errors.ts';
import type { Stack, StackResource } from '../state.ts';
import { listPage } from './describe.ts';
import { runOf } from './stack-setup.ts';
import { requireStack } from './stacks.ts';
import type { CfnContext } from './template-input.ts';

function checkSettled(stack: Stack): void {
  if (/_IN_PROGRESS$/.test(stack.status)) throw validationError(`Stack ${stack.stackName} is in ${stack.status} state and drift detection cannot be performed.`);
}

function liveResource(stack: Stack, logicalId: string): StackResource {
  const resource = stack.resources.get(logicalId);
  if (!resource || resource.status === 'DELETE_COMPLETE') throw validationError(`Resource ${logicalId} does not exist for stack ${stack.stackName}`);
  return resource;
}

async function check(ctx: CfnContext, stack: Stack, resource: StackResource): Promise<StackResourceDrift> {
  const drift = await detectResourceDrift(stack, runOf(ctx), resource);
  resource.drift = drift;
  return drift;
}

/** Compares the stack's resources (or those named) with their services; the detection is complete when this answers. */
export async function detectStackDrift(input: DetectStackDriftInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  checkSettled(stack);
  const ids = input.LogicalResourceIds?.length ? input.LogicalResourceIds : [...stack.resources.values()].filter((r) => r.status !== 'DELETE_COMPLETE').map((r) => r.logicalId);
  const resources = ids.map((id) => liveResource(stack, id));
  const drifts = await Promise.all(resources.map((r) => check(ctx, stack, r)));
  const drifted = drifts.filter((d) => d.StackResourceDriftStatus === 'MODIFIED' || d.StackResourceDriftStatus === 'DELETED').length;
  const checked = drifts.some((d) => d.StackResourceDriftStatus !== 'NOT_CHECKED');
  const id = randomUUID();
  const timestamp = ctx.emulator.clock.date();
  stack.drift = { status: drifted ? 'DRIFTED' : checked ? 'IN_SYNC' : 'NOT_CHECKED', timestamp };
  ctx.state.driftDetections.set(id, { stackId: stack.stackId, status: stack.drift.status, drifted, timestamp });
  return { StackDriftDetectionId: id };
}

export function describeStackDriftDetectionStatus(input: DescribeStackDriftDetectionStatusInput, ctx: CfnContext) {
  const id = input.StackDriftDetectionId ?? '';
  const detection = ctx.state.driftDetections.get(id);
  if (!detection) throw validationError(`Drift detection with id [${id}] does not exist`);
  return {
    StackId: detection.stackId,
    StackDriftDetectionId: id,
    StackDriftStatus: detection.status as never,
    DetectionStatus: 'DETECTION_COMPLETE' as const,
    DriftedStackResourceCount: detection.drifted,
    Timestamp: detection.timestamp,
  };
}

export function describeStackResourceDrifts(input: DescribeStackResourceDriftsInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  const filter = input.StackResourceDriftStatusFilters?.length ? new Set<string>(input.StackResourceDriftStatusFilters) : undefined;
  const drifts = [...stack.resources.values()].flatMap((r) => (r.drift && r.status !== 'DELETE_COMPLETE' ? [r.drift] : []));
  const size = input.MaxResults ?? 100;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw validationError(`1 validation error detected: Value '${size}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100`);
  return listPage('StackResourceDrifts', drifts.filter((d) => !filter || filter.has(d.StackResourceDriftStatus!)), input.NextToken, size, (d) => d);
}

export async function detectStackResourceDrift(input: DetectStackResourceDriftInput, ctx: CfnContext) {
  const stack = requireStack(ctx, input.StackName);
  checkSettled(stack);
  return { StackResourceDrift: await check(ctx, stack, liveResource(stack, input.LogicalResourceId ?? '')) };
}
