import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetQueueAttributesCommand, GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Twinstack } from '../../emulator/index.ts';

/** The stack sets' administrator account (the tests' default credentials) and a target account. */
export const ADMIN = '000000000000';
export const TARGET = '111111111111';

/** Clients acting in an account (its id as the access key) and region. */
export function clientsFor(aws: Twinstack, account: string, region = 'us-east-1') {
  const config = { endpoint: aws.endpoint, region, credentials: { accessKeyId: account, secretAccessKey: 'test' } };
  return { iam: new IAMClient(config), sqs: new SQSClient(config), cfn: new CloudFormationClient(config) };
}

function trust(principal: object): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
}

/**
 * AWS's default roles of self-managed stack sets: the administration role (trusting CloudFormation) in ADMIN, and
 * the execution role (trusting the administration role) in each target account.
 */
export async function createStackSetRoles(aws: Twinstack, targets: string[]): Promise<void> {
  await clientsFor(aws, ADMIN).iam.send(new CreateRoleCommand({ RoleName: 'AWSCloudFormationStackSetAdministrationRole', AssumeRolePolicyDocument: trust({ Service: 'cloudformation.amazonaws.com' }) }));
  const adminRole = `arn:aws:iam::${ADMIN}:role/AWSCloudFormationStackSetAdministrationRole`;
  for (const account of targets) {
    await clientsFor(aws, account).iam.send(new CreateRoleCommand({ RoleName: 'AWSCloudFormationStackSetExecutionRole', AssumeRolePolicyDocument: trust({ AWS: adminRole }) }));
  }
}

/** What the stack sets deploy: a queue named `<prefix>-<account>-<region>`, its retention a parameter, its URL an output. */
export function queueTemplate(prefix: string): string {
  return `
Parameters:
  Retention: { Type: Number, Default: 345600 }
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties: { QueueName: !Sub '${prefix}-\${AWS::AccountId}-\${AWS::Region}', MessageRetentionPeriod: !Ref Retention }
Outputs:
  Url: { Value: !Ref Queue }
`;
}

/** The MessageRetentionPeriod of the queue a stack instance of queueTemplate(prefix) made, or undefined when it is gone. */
export async function queueRetention(aws: Twinstack, prefix: string, account: string, region: string): Promise<string | undefined> {
  const { sqs } = clientsFor(aws, account, region);
  try {
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: `${prefix}-${account}-${region}` }));
    return (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['MessageRetentionPeriod'] }))).Attributes!.MessageRetentionPeriod;
  } catch (error) {
    if ((error as Error).name === 'QueueDoesNotExist') return undefined;
    throw error;
  }
}
