import { buildArn, parseArn } from '../arn.ts';
import type { ServiceModel } from '../../models/types.ts';

/**
 * The IAM action and resource of a request, for policy evaluation. The action is the service's IAM prefix and the
 * operation name, with the few operations whose IAM action has another name mapped. The resource is derived from
 * the input members that name it (an ARN member, or the name members of the services listed below); requests
 * whose resource cannot be told (List* calls, unknown members) are evaluated against `*`.
 */
const PREFIX_BY_SIGNING_NAME: Record<string, string> = { monitoring: 'cloudwatch', cloudcontrolapi: 'cloudformation' };

const ACTION_ALIASES: Record<string, string> = {
  'lambda:Invoke': 'lambda:InvokeFunction',
  'lambda:InvokeAsync': 'lambda:InvokeFunction',
  'lambda:InvokeWithResponseStream': 'lambda:InvokeFunction',
  'sqs:SendMessageBatch': 'sqs:SendMessage',
  'sqs:DeleteMessageBatch': 'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibilityBatch': 'sqs:ChangeMessageVisibility',
};

export function iamPrefix(model: ServiceModel): string {
  const name = model.metadata.signingName ?? model.metadata.endpointPrefix;
  return PREFIX_BY_SIGNING_NAME[name] ?? name;
}

/** Prefixes AWS spells otherwise in its messages (`SNS:Publish`); actions match without regard to case. */
const PREFIX_SPELLING: Record<string, string> = { sns: 'SNS' };

export function actionName(model: ServiceModel, operation: string): string {
  const prefix = iamPrefix(model);
  const action = `${PREFIX_SPELLING[prefix] ?? prefix}:${operation}`;
  return ACTION_ALIASES[action] ?? action;
}

type Input = Record<string, unknown>;
type ResourceFrom = (input: Input, at: { region: string; accountId: string }) => string | undefined;

const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** Resource ARNs built from name members, by IAM prefix (`arn` builds one in the request's region and account). */
const RESOURCE_BY_PREFIX: Record<string, ResourceFrom> = {
  sqs: (input, at) => {
    const url = str(input.QueueUrl);
    const match = url ? /\/(\d{12})\/([^/?]+)\/?$/.exec(url) : undefined;
    if (match) return buildArn({ service: 'sqs', region: at.region, accountId: match[1], resource: match[2] });
    const name = str(input.QueueName);
    return name ? buildArn({ service: 'sqs', region: at.region, accountId: at.accountId, resource: name }) : undefined;
  },
  dynamodb: (input, at) => {
    const table = str(input.TableName);
    if (!table) return undefined;
    if (table.startsWith('arn:')) return table;
    const index = str(input.IndexName);
    return buildArn({ service: 'dynamodb', region: at.region, accountId: at.accountId, resource: `table/${table}${index ? `/index/${index}` : ''}` });
  },
  kinesis: (input, at) => {
    const name = str(input.StreamName);
    return name ? buildArn({ service: 'kinesis', region: at.region, accountId: at.accountId, resource: `stream/${name}` }) : undefined;
  },
  s3: (input, at) => {
    const bucket = str(input.Bucket);
    if (!bucket) return undefined;
    const key = str(input.Key);
    return buildArn({ service: 's3', region: '', accountId: '', resource: key ? `${bucket}/${key}` : bucket, partitionRegion: at.region });
  },
  lambda: (input, at) => {
    const name = str(input.FunctionName);
    if (!name) return undefined;
    if (name.startsWith('arn:')) return name;
    return buildArn({ service: 'lambda', region: at.region, accountId: at.accountId, resource: `function:${name}` });
  },
  kms: (input, at) => {
    const key = str(input.KeyId);
    if (!key) return undefined;
    if (key.startsWith('arn:')) return key;
    return buildArn({ service: 'kms', region: at.region, accountId: at.accountId, resource: key.startsWith('alias/') ? key : `key/${key}` });
  },
  secretsmanager: (input, at) => {
    const id = str(input.SecretId) ?? str(input.Name);
    if (!id) return undefined;
    if (id.startsWith('arn:')) return id;
    return buildArn({ service: 'secretsmanager', region: at.region, accountId: at.accountId, resource: `secret:${id}` });
  },
  ssm: (input, at) => {
    const name = str(input.Name);
    if (!name) return undefined;
    return buildArn({ service: 'ssm', region: at.region, accountId: at.accountId, resource: `parameter/${name.replace(/^\//, '')}` });
  },
  iam: (input, at) => {
    for (const [member, kind] of [['RoleName', 'role'], ['UserName', 'user'], ['GroupName', 'group'], ['InstanceProfileName', 'instance-profile']]) {
      const name = str(input[member]);
      if (name) return buildArn({ service: 'iam', region: '', accountId: at.accountId, resource: `${kind}/${name}`, partitionRegion: at.region });
    }
    return undefined;
  },
};

const ARN_MEMBERS = ['ResourceArn', 'ResourceARN', 'TopicArn', 'StreamARN', 'StreamArn', 'PolicyArn', 'RoleArn', 'TargetArn', 'Arn', 'ARN', 'stateMachineArn'];

export function resourceArn(model: ServiceModel, input: Input, at: { region: string; accountId: string }): string {
  for (const member of ARN_MEMBERS) {
    const value = str(input[member]);
    if (value && parseArn(value)) return value;
  }
  return RESOURCE_BY_PREFIX[iamPrefix(model)]?.(input, at) ?? '*';
}
