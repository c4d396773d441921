import type { AutoScalingSettingsDescription, AutoScalingSettingsUpdate } from '@aws-sdk/client-dynamodb';
import { buildArn } from '../../core/arn.ts';
import { validation } from './errors.ts';
import type { SecondaryIndex } from './table.ts';

/** What DynamoDB reports for capacity that Application Auto Scaling does not manage. */
export const NOT_SCALED: AutoScalingSettingsDescription = { AutoScalingDisabled: true };

export interface ScalingTarget {
  accountId: string;
  region: string;
  tableName: string;
  indexName?: string;
  capacity: 'Read' | 'Write';
}

/** The service-linked role Application Auto Scaling uses for DynamoDB tables. */
function roleArn({ accountId, region }: ScalingTarget) {
  const resource = 'role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable';
  return buildArn({ service: 'iam', region: '', accountId, resource, partitionRegion: region });
}

/** Applies an AutoScalingSettingsUpdate: DynamoDB registers a scalable target and a target-tracking policy for it. */
export function applyScalingUpdate(
  current: AutoScalingSettingsDescription | undefined,
  update: AutoScalingSettingsUpdate | undefined,
  target: ScalingTarget,
): AutoScalingSettingsDescription | undefined {
  if (!update) return current;
  if (update.AutoScalingDisabled) return NOT_SCALED;
  const minimum = update.MinimumUnits ?? current?.MinimumUnits;
  const maximum = update.MaximumUnits ?? current?.MaximumUnits;
  if (minimum === undefined || maximum === undefined) {
    throw validation('Auto scaling settings must specify both MinimumUnits and MaximumUnits');
  }
  if (minimum > maximum) throw validation(`MinimumUnits (${minimum}) must not be greater than MaximumUnits (${maximum})`);
  const resource = `table/${target.tableName}${target.indexName ? `/index/${target.indexName}` : ''}`;
  const policy = update.ScalingPolicyUpdate;
  const previous = current?.ScalingPolicies?.[0];
  return {
    MinimumUnits: minimum,
    MaximumUnits: maximum,
    AutoScalingDisabled: false,
    AutoScalingRoleArn: update.AutoScalingRoleArn ?? current?.AutoScalingRoleArn ?? roleArn(target),
    ScalingPolicies: [
      {
        PolicyName: policy?.PolicyName ?? previous?.PolicyName ?? `DynamoDB${target.capacity}CapacityUtilization:${resource}`,
        TargetTrackingScalingPolicyConfiguration: policy?.TargetTrackingScalingPolicyConfiguration ?? previous?.TargetTrackingScalingPolicyConfiguration,
      },
    ],
  };
}

/** Whether capacity is managed by auto scaling (a replica of a provisioned table needs its writes to be). */
export const isScaled = (settings: AutoScalingSettingsDescription | undefined) => settings?.AutoScalingDisabled === false;

/** Applies an auto scaling update to a global secondary index's read or write capacity. */
export function scaleIndex(index: SecondaryIndex, update: AutoScalingSettingsUpdate | undefined, target: ScalingTarget) {
  const field = target.capacity === 'Read' ? 'readScaling' : 'writeScaling';
  index[field] = applyScalingUpdate(index[field], update, { ...target, indexName: index.name });
}
