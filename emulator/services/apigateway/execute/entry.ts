import type { RequestContext } from '../../../core/service.ts';
import type { RawRequest, RawResponse } from '../../../protocols/types.ts';
import type { ApiGatewayState } from '../state.ts';

export async function answerExecuteApi(_req: RawRequest, _ctx: RequestContext<ApiGatewayState>): Promise<RawResponse | undefined> {
  return undefined;
}
