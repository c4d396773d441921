import type {
  DeleteAccessPointPolicyForObjectLambdaRequest,
  GetAccessPointPolicyForObjectLambdaRequest,
  GetAccessPointPolicyForObjectLambdaResult,
  PutAccessPointPolicyForObjectLambdaRequest,
} from '@aws-sdk/client-s3-control';
import { checkAccount, checkPolicy, type S3ControlContext } from '../access.ts';
import { S3ControlErrors } from '../errors.ts';
import { requireObjectLambdaAccessPoint } from './object-lambda.ts';

export function putAccessPointPolicyForObjectLambda(input: PutAccessPointPolicyForObjectLambdaRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  const found = requireObjectLambdaAccessPoint(ctx, input.Name);
  found.policy = checkPolicy(input.Policy);
  return {};
}

export function getAccessPointPolicyForObjectLambda(input: GetAccessPointPolicyForObjectLambdaRequest, ctx: S3ControlContext): GetAccessPointPolicyForObjectLambdaResult {
  checkAccount(input, ctx);
  const found = requireObjectLambdaAccessPoint(ctx, input.Name);
  if (found.policy === undefined) throw S3ControlErrors.noSuchPolicy();
  return { Policy: found.policy };
}

export function deleteAccessPointPolicyForObjectLambda(input: DeleteAccessPointPolicyForObjectLambdaRequest, ctx: S3ControlContext): Record<string, never> {
  checkAccount(input, ctx);
  delete requireObjectLambdaAccessPoint(ctx, input.Name).policy;
  return {};
}
