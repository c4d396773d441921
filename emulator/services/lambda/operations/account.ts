import type { RequestContext } from '../../../core/service.ts';
import { MAX_UNZIPPED_BYTES, MAX_ZIPPED_BYTES } from '../code.ts';
import { ACCOUNT_CONCURRENCY } from '../invoke.ts';
import type { LambdaState } from '../state.ts';
import { unreservedConcurrency } from './concurrency.ts';

/** AWS's default code storage quota per region (75 GB). */
const TOTAL_CODE_SIZE = 80_530_636_800;

export function getAccountSettings(_input: object, ctx: RequestContext<LambdaState>) {
  let codeSize = 0;
  for (const fn of ctx.state.functions.values()) {
    codeSize += fn.latest.code.size;
    for (const version of fn.versions.values()) codeSize += version.code.size;
  }
  for (const layer of ctx.state.layers.values()) for (const version of layer.versions.values()) codeSize += version.code.size;
  return {
    AccountLimit: {
      TotalCodeSize: TOTAL_CODE_SIZE,
      CodeSizeUnzipped: MAX_UNZIPPED_BYTES,
      CodeSizeZipped: MAX_ZIPPED_BYTES,
      ConcurrentExecutions: ACCOUNT_CONCURRENCY,
      UnreservedConcurrentExecutions: unreservedConcurrency(ctx.state),
    },
    AccountUsage: { TotalCodeSize: codeSize, FunctionCount: ctx.state.functions.size },
  };
}
