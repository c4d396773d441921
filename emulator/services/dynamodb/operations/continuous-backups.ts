import type {
  ContinuousBackupsDescription,
  DescribeContinuousBackupsCommandInput,
  UpdateContinuousBackupsCommandInput,
} from '@aws-sdk/client-dynamodb';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import type { DynamoState } from '../state.ts';
import type { Table } from '../table.ts';

type Ctx = RequestContext<DynamoState>;

const DEFAULT_RECOVERY_DAYS = 35;

function tableFor(ctx: Ctx, name: string): Table {
  const table = ctx.state.find(name);
  if (!table) throw new AwsError('TableNotFoundException', `Table not found: ${name}`);
  return table;
}

export function describeContinuousBackupsOf(table: Table): ContinuousBackupsDescription {
  const pitr = table.pointInTimeRecovery;
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: pitr?.enabled
      ? {
          PointInTimeRecoveryStatus: 'ENABLED',
          RecoveryPeriodInDays: pitr.days,
          EarliestRestorableDateTime: pitr.since,
          LatestRestorableDateTime: table.now(),
        }
      : { PointInTimeRecoveryStatus: 'DISABLED' },
  };
}

export function describeContinuousBackups(input: DescribeContinuousBackupsCommandInput, ctx: Ctx) {
  return { ContinuousBackupsDescription: describeContinuousBackupsOf(tableFor(ctx, input.TableName!)) };
}

export function updateContinuousBackups(input: UpdateContinuousBackupsCommandInput, ctx: Ctx) {
  const table = tableFor(ctx, input.TableName!);
  const spec = input.PointInTimeRecoverySpecification!;
  const current = table.pointInTimeRecovery;
  // Enabling it again keeps the recovery window it already has (its earliest restorable time).
  const since = current?.enabled ? current.since : table.now();
  table.pointInTimeRecovery = spec.PointInTimeRecoveryEnabled
    ? { enabled: true, days: spec.RecoveryPeriodInDays ?? current?.days ?? DEFAULT_RECOVERY_DAYS, since }
    : undefined;
  if (!table.pointInTimeRecovery) ctx.state.history.forget(table);
  return { ContinuousBackupsDescription: describeContinuousBackupsOf(table) };
}
