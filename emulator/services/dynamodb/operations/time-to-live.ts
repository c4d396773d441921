import type {
  DescribeTimeToLiveCommandInput,
  DescribeTimeToLiveCommandOutput,
  UpdateTimeToLiveCommandInput,
  UpdateTimeToLiveCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { RequestContext } from '../../../core/service.ts';
import { validation } from '../errors.ts';
import { synchronizeReplicas } from '../replication.ts';
import type { DynamoState } from '../state.ts';

type Ctx = RequestContext<DynamoState>;

export function updateTimeToLive(input: UpdateTimeToLiveCommandInput, ctx: Ctx): Omit<UpdateTimeToLiveCommandOutput, '$metadata'> {
  const table = ctx.state.namedTable(input.TableName!);
  const spec = input.TimeToLiveSpecification!;
  if (spec.Enabled && table.ttl.status === 'ENABLED') throw validation('TimeToLive is already enabled');
  if (!spec.Enabled && table.ttl.status === 'DISABLED') throw validation('TimeToLive is already disabled');
  table.ttl = spec.Enabled ? { status: 'ENABLED', attribute: spec.AttributeName } : { status: 'DISABLED' };
  synchronizeReplicas(table);
  return { TimeToLiveSpecification: spec };
}

export function describeTimeToLive(input: DescribeTimeToLiveCommandInput, ctx: Ctx): Omit<DescribeTimeToLiveCommandOutput, '$metadata'> {
  const table = ctx.state.namedTable(input.TableName!);
  return { TimeToLiveDescription: { TimeToLiveStatus: table.ttl.status, AttributeName: table.ttl.attribute } };
}
