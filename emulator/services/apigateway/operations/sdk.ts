import { strToU8, zipSync } from 'fflate';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { notFound } from '../errors.ts';
import { javascriptSdk } from '../sdk/javascript.ts';
import type { ApiGatewayState } from '../state.ts';
import { stageOf } from './stages.ts';

type Ctx = RequestContext<ApiGatewayState>;

/** GetSdk's `sdkType` values (the AWS CLI's and API reference's names) and the GetSdkTypes ids of the iOS ones. */
const SDK_TYPES = new Set(['javascript', 'android', 'objectivec', 'swift', 'java', 'ruby', 'ios-objective-c', 'ios-swift']);

/** `javascript_2016-02-22_23-52Z.zip`: the type and the generation time to the minute, as AWS names its archives. */
function archiveName(type: string, date: Date): string {
  const iso = date.toISOString();
  return `${type}_${iso.slice(0, 10)}_${iso.slice(11, 13)}-${iso.slice(14, 16)}Z.zip`;
}

/**
 * A client SDK of a deployed stage, as a zip archive. JavaScript SDKs are generated (apigClient.js and its library,
 * laid out as AWS lays them out); the other platforms' SDKs (Android, iOS Objective-C and Swift, Java, Ruby) are
 * not: twinstack answers those with NotImplemented, after the same checks.
 */
export function getSdk(input: { restApiId: string; stageName: string; sdkType: string; parameters?: Record<string, string> }, ctx: Ctx) {
  const api = ctx.state.api(input.restApiId);
  const stage = stageOf(api, input.stageName);
  if (!SDK_TYPES.has(input.sdkType)) throw notFound('Invalid SDK type specified');
  const deployment = api.deployments.get(stage.deploymentId ?? '');
  if (!deployment) throw notFound('Invalid Deployment identifier specified');
  if (input.sdkType !== 'javascript') {
    throw new AwsError('NotImplemented', `twinstack generates JavaScript SDKs only; ${input.sdkType} SDK generation is not implemented`, { status: 501, sender: false });
  }
  const url = new URL(ctx.emulator.endpoint);
  const files = javascriptSdk({
    apiName: api.api.name ?? api.api.id,
    apiId: api.api.id,
    stageName: input.stageName,
    region: ctx.region,
    invokeUrl: `${url.protocol}//${api.api.id}.execute-api.localhost.localstack.cloud:${url.port || '4566'}/${input.stageName}`,
    snapshot: deployment.snapshot,
  });
  const archive = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { mtime: ctx.emulator.clock.date() });
  return {
    contentType: 'application/octet-stream',
    contentDisposition: `attachment; filename="${archiveName(input.sdkType, ctx.emulator.clock.date())}"`,
    body: Buffer.from(archive),
  };
}
