import type { DescribeMapRunInput, DescribeMapRunOutput, ListMapRunsInput, ListMapRunsOutput, UpdateMapRunInput } from '@aws-sdk/client-sfn';
import type { RequestContext } from '../../../core/service.ts';
import { checkArn, findExecution, page, SfnErrors } from '../errors.ts';
import type { MapRun, SfnState } from '../state.ts';

type Ctx = RequestContext<SfnState>;

function findMapRun(ctx: Ctx, arn: string): MapRun {
  checkArn(arn, ['mapRun']);
  const run = ctx.state.mapRuns.get(arn);
  if (!run) throw SfnErrors.resourceNotFound(`Resource not found: '${arn}'`);
  return run;
}

export function describeMapRun(input: DescribeMapRunInput, ctx: Ctx): DescribeMapRunOutput {
  const r = findMapRun(ctx, input.mapRunArn!);
  return {
    mapRunArn: r.arn,
    executionArn: r.executionArn,
    status: r.status,
    startDate: r.startDate,
    ...(r.stopDate ? { stopDate: r.stopDate } : {}),
    maxConcurrency: r.maxConcurrency,
    toleratedFailurePercentage: r.toleratedFailurePercentage,
    toleratedFailureCount: r.toleratedFailureCount,
    itemCounts: r.itemCounts as unknown as DescribeMapRunOutput['itemCounts'],
    executionCounts: r.executionCounts as unknown as DescribeMapRunOutput['executionCounts'],
    redriveCount: r.redriveCount,
    ...(r.redriveDate ? { redriveDate: r.redriveDate } : {}),
  };
}

export function listMapRuns(input: ListMapRunsInput, ctx: Ctx): ListMapRunsOutput {
  const execution = findExecution(ctx.state, input.executionArn!);
  const all = [...ctx.state.mapRuns.values()].filter((r) => r.executionArn === execution.arn);
  const { items, nextToken } = page(all, input.maxResults, input.nextToken);
  return {
    mapRuns: items.map((r) => ({ executionArn: r.executionArn, mapRunArn: r.arn, stateMachineArn: r.stateMachineArn, startDate: r.startDate, ...(r.stopDate ? { stopDate: r.stopDate } : {}) })),
    ...(nextToken ? { nextToken } : {}),
  };
}

export function updateMapRun(input: UpdateMapRunInput, ctx: Ctx): object {
  const run = findMapRun(ctx, input.mapRunArn!);
  if (input.maxConcurrency === undefined && input.toleratedFailureCount === undefined && input.toleratedFailurePercentage === undefined)
    throw SfnErrors.validation('At least one of the parameters maxConcurrency, toleratedFailurePercentage or toleratedFailureCount must be specified');
  if (input.toleratedFailurePercentage !== undefined && (input.toleratedFailurePercentage < 0 || input.toleratedFailurePercentage > 100))
    throw SfnErrors.validation('toleratedFailurePercentage must be between 0 and 100');
  if (input.maxConcurrency !== undefined) run.maxConcurrency = input.maxConcurrency;
  if (input.toleratedFailureCount !== undefined) run.toleratedFailureCount = input.toleratedFailureCount;
  if (input.toleratedFailurePercentage !== undefined) run.toleratedFailurePercentage = input.toleratedFailurePercentage;
  return {};
}
