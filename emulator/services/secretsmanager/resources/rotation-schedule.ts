import { randomUUID } from 'node:crypto';
import { changedProperties, type ResourceRequest, type ResourceType } from '../../cloudformation/provider.ts';
import { SecretsErrors } from '../errors.ts';
import { describeLive } from './read.ts';

/** RotateSecret as the template configures it (the SDKs fill in the idempotency token; a service's call gives it itself). */
async function rotate(request: ResourceRequest, rotateImmediately: boolean) {
  const p = request.properties;
  const rules = p.RotationRules;
  const { ARN } = await request.call('secretsmanager', 'RotateSecret', {
    SecretId: p.SecretId,
    ClientRequestToken: randomUUID(),
    RotationLambdaARN: p.RotationLambdaARN,
    RotationRules: rules && {
      AutomaticallyAfterDays: rules.AutomaticallyAfterDays === undefined ? undefined : Number(rules.AutomaticallyAfterDays),
      Duration: rules.Duration,
      ScheduleExpression: rules.ScheduleExpression,
    },
    RotateImmediately: rotateImmediately,
  });
  return { physicalId: ARN, attributes: { Id: ARN } };
}

/**
 * `AWS::SecretsManager::RotationSchedule`: turns on the secret's rotation with an existing function (RotationLambdaARN),
 * which rotates it at once; Ref (and GetAtt Id) is the secret's ARN. A changed function or schedule rotates again unless
 * RotateImmediatelyOnUpdate is false; deleting turns rotation off. HostedRotationLambda is left out: AWS makes that
 * function with the AWS::SecretsManager-2020-07-23 transform from a Serverless Application Repository application,
 * which twinstack does not serve, so a template giving it fails the resource rather than rotate with nothing.
 */
export const rotationSchedule: ResourceType = {
  create: (request) => rotate(request, true),
  async update(request) {
    if (!['RotationLambdaARN', 'RotationRules'].some((name) => changedProperties(request.previous, request.properties).has(name))) {
      return { physicalId: request.physicalId, attributes: request.attributes };
    }
    return rotate(request, String(request.properties.RotateImmediatelyOnUpdate ?? true) !== 'false');
  },
  async delete(request) {
    await request.call('secretsmanager', 'CancelRotateSecret', { SecretId: request.physicalId });
  },
  async read(request) {
    const described = await describeLive(request);
    // Rotation turned off is the resource gone: deleting it is CancelRotateSecret.
    if (!described.RotationEnabled) throw SecretsErrors.notFound();
    const rules = described.RotationRules ?? {};
    return {
      SecretId: request.properties.SecretId,
      RotationLambdaARN: described.RotationLambdaARN,
      RotationRules: { AutomaticallyAfterDays: rules.AutomaticallyAfterDays, Duration: rules.Duration, ScheduleExpression: rules.ScheduleExpression },
    };
  },
  createOnly: ['SecretId'],
  properties: ['SecretId', 'RotationLambdaARN', 'RotationRules', 'RotateImmediatelyOnUpdate'],
};
