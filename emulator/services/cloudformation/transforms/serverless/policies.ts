import type { Properties } from '../../provider.ts';
import { TransformErrorFor } from './context.ts';
import { PARTITION_BITS, SAM_MANAGED_POLICIES } from './sam-managed-policies.ts';

/**
 * SAM's policy templates most used with functions: name -> the template's parameters and its statements, each
 * resource a `Fn::Sub` string over the parameters (from AWS SAM's policy_templates.json, Apache-2.0).
 */
const TEMPLATES: Record<string, { actions: string[]; resources: string[] }[]> = {
  SQSPollerPolicy: [
    {
      actions: ['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch', 'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      resources: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}'],
    },
  ],
  SQSSendMessagePolicy: [{ actions: ['sqs:SendMessage*'], resources: ['arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${QueueName}'] }],
  LambdaInvokePolicy: [{ actions: ['lambda:InvokeFunction'], resources: ['arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${FunctionName}*'] }],
  DynamoDBCrudPolicy: [
    {
      actions: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'],
      resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*'],
    },
  ],
  DynamoDBReadPolicy: [
    {
      actions: ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'],
      resources: ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}', 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}/index/*'],
    },
  ],
  S3ReadPolicy: [
    {
      actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'],
      resources: ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*'],
    },
  ],
  S3CrudPolicy: [
    {
      actions: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration', 's3:DeleteObject'],
      resources: ['arn:${AWS::Partition}:s3:::${BucketName}', 'arn:${AWS::Partition}:s3:::${BucketName}/*'],
    },
  ],
  SNSPublishMessagePolicy: [{ actions: ['sns:Publish'], resources: ['arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${TopicName}'] }],
  KinesisStreamReadPolicy: [
    { actions: ['kinesis:ListStreams', 'kinesis:DescribeLimits'], resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/*'] },
    {
      actions: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator'],
      resources: ['arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${StreamName}'],
    },
  ],
  SSMParameterReadPolicy: [
    { actions: ['ssm:DescribeParameters'], resources: ['*'] },
    { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: ['arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${ParameterName}'] },
  ],
  StepFunctionsExecutionPolicy: [{ actions: ['states:StartExecution'], resources: ['arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${StateMachineName}'] }],
  AWSSecretsManagerGetSecretValuePolicy: [{ actions: ['secretsmanager:GetSecretValue'], resources: ['${SecretArn}'] }],
  CloudWatchPutMetricPolicy: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }],
  FirehoseWritePolicy: [{ actions: ['firehose:PutRecord', 'firehose:PutRecordBatch'], resources: ['arn:${AWS::Partition}:firehose:${AWS::Region}:${AWS::AccountId}:deliverystream/${DeliveryStreamName}'] }],
};


/** The template parameters a resource string names (`${QueueName}`; `${AWS::Region}` is a pseudo parameter). */
function parametersOf(resource: string): string[] {
  return [...resource.matchAll(/\$\{([A-Za-z]+)\}/g)].map((m) => m[1]);
}

/**
 * A managed policy name as SAM resolves it: the ARN of the AWS managed policy of that name in its bundled list for the
 * partition (with its path: `service-role/…`), else the name as given (an ARN, or a name IAM will refuse).
 */
export function managedPolicyArn(name: string, partition: string): string {
  const bit = PARTITION_BITS[partition] ?? 0;
  for (const [path, names] of Object.entries(SAM_MANAGED_POLICIES)) {
    if (Object.hasOwn(names, name) && names[name] & bit) return `arn:${partition}:iam::aws:policy/${path}${name}`;
  }
  return name;
}

/** One `Policies` entry of a function or state machine as IAM policy statements, or a managed policy ARN. */
export function policyEntry(entry: unknown, owner: string, partition: string): { managed?: unknown; document?: Properties } {
  if (typeof entry === 'string') return { managed: managedPolicyArn(entry, partition) };
  if (!entry || typeof entry !== 'object') throw new TransformErrorFor(owner, "Type of property 'Policies' is invalid.");
  const object = entry as Properties;
  if ('Statement' in object) return { document: object };
  const names = Object.keys(object);
  if (names.length === 1 && Object.hasOwn(TEMPLATES, names[0])) {
    const values = (object[names[0]] ?? {}) as Properties;
    const statements = TEMPLATES[names[0]].map((s) => {
      const resources = s.resources.map((r) => {
        const params = parametersOf(r).filter((p) => Object.hasOwn(values, p));
        return params.length ? { 'Fn::Sub': [r, Object.fromEntries(params.map((p) => [p, values[p]]))] } : r === '*' ? '*' : { 'Fn::Sub': r };
      });
      return { Effect: 'Allow', Action: s.actions, Resource: resources.length === 1 ? resources[0] : resources };
    });
    const missing = TEMPLATES[names[0]].flatMap((s) => s.resources.flatMap(parametersOf)).filter((p) => !Object.hasOwn(values, p));
    if (missing.length) throw new TransformErrorFor(owner, `Missing parameter(s) for policy template ${names[0]}: ${[...new Set(missing)].join(', ')}`);
    return { document: { Statement: statements } };
  }
  if (names.length === 1 && /Policy$/.test(names[0])) throw new TransformErrorFor(owner, `Policy template '${names[0]}' is not supported by twinstack yet`);
  // A condition between names: each name (not AWS::NoValue) resolved as SAM resolves it.
  const choice = object['Fn::If'];
  if (names.length === 1 && Array.isArray(choice) && choice.length === 3) {
    const resolve = (value: unknown) => (typeof value === 'string' ? managedPolicyArn(value, partition) : value);
    return { managed: { 'Fn::If': [choice[0], resolve(choice[1]), resolve(choice[2])] } };
  }
  return { managed: entry };
}

/** The execution role SAM makes for a function or state machine: `<id>Role`, assumed by `service`. */
export function executionRole(owner: string, service: string, policies: unknown, managed: unknown[], partition: string, properties: Properties = {}): Properties {
  const entries = policies === undefined ? [] : Array.isArray(policies) ? policies : [policies];
  const managedArns = [...managed];
  const inline: Properties[] = [];
  entries.forEach((entry, index) => {
    const { managed: arn, document } = policyEntry(entry, owner, partition);
    // SAM lists each managed policy once (AWSLambdaBasicExecutionRole may be given again).
    if (arn !== undefined && !managedArns.some((known) => JSON.stringify(known) === JSON.stringify(arn))) managedArns.push(arn);
    // Named after the entry's place among all the Policies.
    if (document) inline.push({ PolicyName: `${owner}RolePolicy${index}`, PolicyDocument: document });
  });
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: [service] } }] },
      // SAM always lists the managed policies, even none.
      ManagedPolicyArns: managedArns,
      ...(inline.length ? { Policies: inline } : {}),
      ...properties,
    },
  };
}
