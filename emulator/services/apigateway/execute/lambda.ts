import { accountRootArn, parseArn } from '../../../core/arn.ts';
import type { Emulator } from '../../../core/emulator.ts';
import type { Caller } from '../../../core/service.ts';

/** Where an API runs and what it invokes for: the account and region of the API, the execute-api ARN of the call. */
export interface Invoker {
  emulator: Emulator;
  accountId: string;
  region: string;
  /** `arn:aws:execute-api:<region>:<account>:<api-id>/<stage>/<METHOD>/<path>` */
  sourceArn: string;
}

/** The function ARN inside an integration or authorizer URI (`.../functions/<arn>/invocations`). */
export function functionOfUri(uri: string | undefined): string | undefined {
  return uri ? /\/functions\/(.+?)\/invocations/.exec(uri)?.[1] : undefined;
}

/**
 * Invokes a function through Lambda's front door: as the integration's role when it has credentials, else as API
 * Gateway's service principal, which the function's resource policy must allow (`lambda add-permission`), as on AWS.
 */
export async function invokeFunction(invoker: Invoker, functionArn: string, payload: Buffer, credentials?: string): Promise<{ payload: Buffer; functionError?: string }> {
  const arn = parseArn(functionArn);
  const region = arn?.region || invoker.region;
  const accountId = arn?.accountId || invoker.accountId;
  const caller: Caller = credentials
    ? { accountId: invoker.accountId, arn: credentials }
    : {
        accountId: invoker.accountId,
        arn: accountRootArn(invoker.accountId, invoker.region),
        servicePrincipal: 'apigateway.amazonaws.com',
        sourceArn: invoker.sourceArn,
        sourceAccount: invoker.accountId,
      };
  const output = await invoker.emulator.call<{ Payload?: Uint8Array; FunctionError?: string }>('lambda', 'Invoke', { FunctionName: functionArn, Payload: payload }, { caller, region, accountId });
  return { payload: Buffer.from(output.Payload ?? new Uint8Array()), functionError: output.FunctionError };
}
