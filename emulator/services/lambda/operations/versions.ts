import type { ListVersionsByFunctionRequest, PublishVersionRequest } from '@aws-sdk/client-lambda';
import { AwsError } from '../../../core/errors.ts';
import type { RequestContext } from '../../../core/service.ts';
import { functionArn, lambdaTimestamp, listedView, newRevision, type FunctionVersion, type LambdaFunction } from '../function.ts';
import { findFunction, page, parseFunctionRef } from '../lookup.ts';
import type { LambdaState } from '../state.ts';

type Ctx = RequestContext<LambdaState>;

/** Freezes $LATEST as the next numbered version (or returns the newest one when nothing changed since). */
export function publishVersion(fn: LambdaFunction, ctx: Ctx, description?: string): FunctionVersion {
  const latest = fn.latest;
  if (fn.publishedFrom === latest.config.RevisionId) {
    const newest = fn.versions.get(String(fn.nextVersion - 1));
    if (newest) return newest;
  }
  const number = String(fn.nextVersion++);
  const version: FunctionVersion = {
    code: latest.code,
    layers: [...latest.layers],
    config: {
      ...structuredClone(latest.config),
      FunctionArn: functionArn(ctx.state.region, ctx.state.accountId, fn.name, number),
      Version: number,
      Description: description ?? latest.config.Description,
      LastModified: lambdaTimestamp(ctx.emulator.clock.date()),
      RevisionId: newRevision(),
    },
  };
  fn.versions.set(number, version);
  fn.publishedFrom = latest.config.RevisionId;
  return version;
}

export function publishVersionOperation(input: PublishVersionRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  const latest = fn.latest.config;
  if (input.CodeSha256 !== undefined && input.CodeSha256 !== latest.CodeSha256) {
    throw new AwsError(
      'InvalidParameterValueException',
      `CodeSHA256 (${input.CodeSha256}) is different from current CodeSHA256 in $LATEST (${latest.CodeSha256}). Please try again with the CodeSHA256 in $LATEST.`,
    );
  }
  if (input.RevisionId !== undefined && input.RevisionId !== latest.RevisionId) {
    throw new AwsError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      { status: 412 },
    );
  }
  return publishVersion(fn, ctx, input.Description).config;
}

export function listVersionsByFunction(input: ListVersionsByFunctionRequest, ctx: Ctx) {
  const fn = findFunction(ctx.state, parseFunctionRef(ctx.state, input.FunctionName!));
  const all = [fn.latest, ...fn.versions.values()].map((v) => listedView(v.config, true));
  const { items, next } = page(all, input.Marker, input.MaxItems);
  return { Versions: items, NextMarker: next };
}
