import type { DescribeEndpointsCommandOutput, DescribeLimitsCommandOutput } from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import type { DynamoState } from '../state.ts';

/** AWS's default account and table throughput quotas. */
export function describeLimits(): Omit<DescribeLimitsCommandOutput, '$metadata'> {
  return {
    AccountMaxReadCapacityUnits: 80000,
    AccountMaxWriteCapacityUnits: 80000,
    TableMaxReadCapacityUnits: 40000,
    TableMaxWriteCapacityUnits: 40000,
  };
}

/** AWS names its regional endpoint; clients of an emulator must keep talking to the emulator, so it names itself. */
export function describeEndpoints(_input: unknown, ctx: RequestContext<DynamoState>): Omit<DescribeEndpointsCommandOutput, '$metadata'> {
  return { Endpoints: [{ Address: ctx.endpoint.replace(/^https?:\/\//, ''), CachePeriodInMinutes: 1440 }] };
}
