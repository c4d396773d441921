import { accountRootArn } from '../../core/arn.ts';
import type { Caller } from '../../core/service.ts';
import type { LogsState } from './state.ts';

/** CloudWatch Logs acting for a log group (publishing metrics, delivering subscriptions). */
export function logsCaller(state: LogsState, groupName: string): Caller {
  const sourceArn = state.groupArn(groupName);
  return {
    accountId: state.accountId,
    arn: accountRootArn(state.accountId, state.region),
    servicePrincipal: 'logs.amazonaws.com',
    sourceArn,
    sourceAccount: state.accountId,
  };
}
