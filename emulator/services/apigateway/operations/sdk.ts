import { strToU8, zipSync } from 'fflate';
import type { RequestContext } from '../../../core/service.ts';
import { badRequest, notFound } from '../errors.ts';
import { javaSdk } from '../sdk/java.ts';
import { javascriptSdk, type SdkTarget } from '../sdk/javascript.ts';
import { androidSdk, objectiveCSdk, swiftSdk } from '../sdk/mobile.ts';
import { rubySdk } from '../sdk/ruby.ts';
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

/** A parameter GetSdk needs for this SDK type (AWS's API reference names them); twinstack words the refusal itself. */
function required(parameters: Record<string, string> | undefined, type: string, name: string): string {
  const value = parameters?.[name];
  if (!value) throw badRequest(`Missing required parameter for the ${type} SDK: ${name}`);
  return value;
}

/** The generated files of one SDK type, from the parameters AWS's console and CLI take for it. */
function sdkFiles(type: string, target: SdkTarget, parameters: Record<string, string> | undefined): Record<string, string> {
  const get = (name: string) => required(parameters, type, name);
  switch (type) {
    case 'javascript':
      return javascriptSdk(target);
    case 'java': {
      const serviceName = get('serviceName');
      const packageName = get('javaPackageName');
      // Group, artifact and version are optional: twinstack defaults them to the package, the service name and 1.0.0.
      const { javaGroupId = packageName, javaArtifactId = serviceName.toLowerCase(), javaArtifactVersion = '1.0.0' } = parameters ?? {};
      if (!JAVA_IDENTIFIER.test(serviceName) || !packageName.split('.').every((p) => JAVA_IDENTIFIER.test(p))) throw badRequest('serviceName and javaPackageName must be Java identifiers');
      return javaSdk(target, { serviceName, packageName, groupId: javaGroupId, artifactId: javaArtifactId, version: javaArtifactVersion });
    }
    case 'android': {
      const [groupId, artifactId, version, invokerPackage] = ['groupId', 'artifactId', 'artifactVersion', 'invokerPackage'].map(get);
      if (!invokerPackage.split('.').every((p) => JAVA_IDENTIFIER.test(p))) throw badRequest('invokerPackage must be a Java package name');
      return androidSdk(target, { groupId, artifactId, version, invokerPackage });
    }
    case 'ruby': {
      // AWS's guide: the service name is letters only; the gem defaults to `<lower-cased name>-sdk`, version 1.0.0.
      const serviceName = get('service.name');
      if (!/^[A-Za-z]+$/.test(serviceName)) throw badRequest('service.name must be letters only (a-zA-Z)');
      const upper = serviceName.charAt(0).toUpperCase() + serviceName.slice(1);
      const { 'ruby.gem-name': gemName = `${serviceName.toLowerCase()}-sdk`, 'ruby.gem-version': version = '1.0.0' } = parameters ?? {};
      return rubySdk(target, { serviceName: upper, gemName, version });
    }
    default: {
      const classPrefix = get('classPrefix');
      if (!/^[A-Za-z]\w*$/.test(classPrefix)) throw badRequest('classPrefix must be an identifier');
      return type === 'swift' || type === 'ios-swift' ? swiftSdk(target, classPrefix) : objectiveCSdk(target, classPrefix);
    }
  }
}

const JAVA_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A client SDK of a deployed stage, as a zip archive laid out as AWS lays out each platform's: JavaScript
 * (apiGateway-js-sdk/), Java (a Maven project under generated-code/), Android, iOS Objective-C and Swift
 * (generated-src/, on the AWS Mobile SDK's API Gateway runtime) and Ruby (a gem), one client method per method.
 */
export function getSdk(input: { restApiId: string; stageName: string; sdkType: string; parameters?: Record<string, string> }, ctx: Ctx) {
  const api = ctx.state.api(input.restApiId);
  const stage = stageOf(api, input.stageName);
  if (!SDK_TYPES.has(input.sdkType)) throw notFound('Invalid SDK type specified');
  const deployment = api.deployments.get(stage.deploymentId ?? '');
  if (!deployment) throw notFound('Invalid Deployment identifier specified');
  const url = new URL(ctx.emulator.endpoint);
  const target: SdkTarget = {
    apiName: api.api.name ?? api.api.id,
    apiId: api.api.id,
    stageName: input.stageName,
    region: ctx.region,
    invokeUrl: `${url.protocol}//${api.api.id}.execute-api.localhost.localstack.cloud:${url.port || '4566'}/${input.stageName}`,
    snapshot: deployment.snapshot,
  };
  const files = sdkFiles(input.sdkType, target, input.parameters);
  const archive = zipSync(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])), { mtime: ctx.emulator.clock.date() });
  return {
    contentType: 'application/octet-stream',
    contentDisposition: `attachment; filename="${archiveName(input.sdkType, ctx.emulator.clock.date())}"`,
    body: Buffer.from(archive),
  };
}
