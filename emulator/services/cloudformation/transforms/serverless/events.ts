import type { Properties } from '../../provider.ts';
import { eventAuth } from './auth.ts';
import { defined, TransformErrorFor, type Expansion } from './context.ts';

/** The function an event invokes: its name or ARN for `FunctionName`, and its ARN (the alias's with AutoPublishAlias). */
export interface Invoked {
  id: string;
  ref: unknown;
  arn: unknown;
  /** Policy statements the function's role needs for its event sources (SQS, Kinesis, DynamoDB streams). */
  statements: Properties[];
}

/**
 * What the function's role needs to poll each kind of source. SAM attaches AWS's managed policies for this
 * (AWSLambdaSQSQueueExecutionRole, AWSLambdaKinesisExecutionRole, AWSLambdaDynamoDBExecutionRole); twinstack's IAM
 * does not have those policies yet, so the role gets their permissions as an inline policy.
 */
const POLLING_ACTIONS: Record<string, string[]> = {
  SQS: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
  Kinesis: ['kinesis:DescribeStream', 'kinesis:DescribeStreamSummary', 'kinesis:GetRecords', 'kinesis:GetShardIterator', 'kinesis:ListShards', 'kinesis:ListStreams', 'kinesis:SubscribeToShard'],
  DynamoDB: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams'],
};

function permission(fn: Invoked, principal: string, sourceArn: unknown): Properties {
  return { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: fn.ref, Principal: principal, SourceArn: sourceArn } };
}

function pollingSource(fn: Invoked, p: Properties, source: unknown, kind: string): Properties {
  fn.statements.push({ Effect: 'Allow', Action: POLLING_ACTIONS[kind], Resource: source });
  const { Queue, Stream, Enabled, ...rest } = p;
  void [Queue, Stream];
  return { Type: 'AWS::Lambda::EventSourceMapping', Properties: defined({ EventSourceArn: source, FunctionName: fn.ref, Enabled, ...rest }) };
}

/** The REST or HTTP API an event names (`RestApiId`/`ApiId`: a `Ref` to a SAM API), or the implicit one. */
function apiOf(owner: string, given: unknown, implicit: string, known: Map<string, Properties>): string {
  if (given === undefined) {
    if (!known.has(implicit)) known.set(implicit, { implicit: true, paths: {} });
    return implicit;
  }
  const id = (given as { Ref?: string }).Ref;
  if (typeof id !== 'string' || !known.has(id)) throw new TransformErrorFor(owner, 'RestApiId must be a valid reference to an \'AWS::Serverless::Api\' resource in same template.');
  return id;
}

function pathItem(method: string): string {
  return method.toLowerCase() === 'any' ? 'x-amazon-apigateway-any-method' : method.toLowerCase();
}

function integrationUri(fn: Invoked): unknown {
  return { 'Fn::Sub': ['arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${FunctionArn}/invocations', { FunctionArn: fn.arn }] };
}

function executeArn(api: string, stage: string, method: string, path: string): unknown {
  return { 'Fn::Sub': [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${ApiId}/${stage}/${method}${path}`, { ApiId: { Ref: api } }] };
}

/** Adds the resources one event of a function makes (`Events` of `AWS::Serverless::Function`). */
export function addEvent(expansion: Expansion, fn: Invoked, eventId: string, event: Properties): void {
  const id = `${fn.id}${eventId}`;
  const p = (event.Properties ?? {}) as Properties;
  const add = (logicalId: string, resource: Properties) => (expansion.resources[logicalId] = resource as never);
  switch (event.Type) {
    case 'SQS':
      add(id, pollingSource(fn, p, p.Queue, 'SQS'));
      return;
    case 'Kinesis':
      add(id, pollingSource(fn, p, p.Stream, 'Kinesis'));
      return;
    case 'DynamoDB':
      add(id, pollingSource(fn, p, p.Stream, 'DynamoDB'));
      return;
    case 'SNS':
      add(id, {
        Type: 'AWS::SNS::Subscription',
        Properties: defined({ Endpoint: fn.arn, Protocol: 'lambda', TopicArn: p.Topic, FilterPolicy: p.FilterPolicy, FilterPolicyScope: p.FilterPolicyScope, Region: p.Region, RedrivePolicy: p.RedrivePolicy }),
      });
      add(`${id}Permission`, permission(fn, 'sns.amazonaws.com', p.Topic));
      return;
    case 'Schedule':
    case 'EventBridgeRule':
    case 'CloudWatchEvent': {
      const state = p.State ?? (p.Enabled === undefined ? undefined : String(p.Enabled) === 'true' ? 'ENABLED' : 'DISABLED');
      add(id, {
        Type: 'AWS::Events::Rule',
        Properties: defined({
          Name: p.Name,
          Description: p.Description,
          ScheduleExpression: p.Schedule,
          EventPattern: p.Pattern,
          EventBusName: p.EventBusName,
          State: state,
          Targets: [defined({ Arn: fn.arn, Id: p.Target?.Id ?? `${id}LambdaTarget`, Input: p.Input, InputPath: p.InputPath, InputTransformer: p.InputTransformer })],
        }),
      });
      add(`${id}Permission`, permission(fn, 'events.amazonaws.com', { 'Fn::GetAtt': [id, 'Arn'] }));
      return;
    }
    case 'ScheduleV2':
      add(`${id}Role`, {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['scheduler.amazonaws.com'] } }] },
          Policies: [{ PolicyName: `${id}LambdaPolicy`, PolicyDocument: { Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: fn.arn }] } }],
        },
      });
      add(id, {
        Type: 'AWS::Scheduler::Schedule',
        Properties: defined({
          Name: p.Name,
          Description: p.Description,
          GroupName: p.GroupName,
          ScheduleExpression: p.ScheduleExpression,
          ScheduleExpressionTimezone: p.ScheduleExpressionTimezone,
          StartDate: p.StartDate,
          EndDate: p.EndDate,
          State: p.State,
          FlexibleTimeWindow: p.FlexibleTimeWindow ?? { Mode: 'OFF' },
          Target: defined({ Arn: fn.arn, RoleArn: p.RoleArn ?? { 'Fn::GetAtt': [`${id}Role`, 'Arn'] }, Input: p.Input, RetryPolicy: p.RetryPolicy, DeadLetterConfig: p.DeadLetterConfig }),
        }),
      });
      return;
    case 'Api': {
      if (typeof p.Path !== 'string' || typeof p.Method !== 'string') throw new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. Event is missing key 'Path' or 'Method'.`);
      const api = apiOf(fn.id, p.RestApiId, 'ServerlessRestApi', expansion.restApis);
      const paths = expansion.restApis.get(api)!.paths as Properties;
      const integration = { httpMethod: 'POST', type: 'aws_proxy', uri: integrationUri(fn) };
      paths[p.Path] = { ...paths[p.Path], [pathItem(p.Method)]: { 'x-amazon-apigateway-integration': integration, responses: {}, ...eventAuth(fn.id, eventId, p.Auth) } };
      const method = p.Method.toLowerCase() === 'any' ? '*' : p.Method.toUpperCase();
      add(`${id}PermissionProd`, { ...permission(fn, 'apigateway.amazonaws.com', executeArn(api, '*', method, p.Path.replace(/\{[^}]+\}/g, '*'))) });
      return;
    }
    case 'HttpApi': {
      const api = apiOf(fn.id, p.ApiId, 'ServerlessHttpApi', expansion.httpApis);
      const path = p.Path ?? '$default';
      const method = p.Method ?? 'ANY';
      const paths = expansion.httpApis.get(api)!.paths as Properties;
      paths[path] = {
        ...paths[path],
        [pathItem(method)]: { 'x-amazon-apigateway-integration': { httpMethod: 'POST', type: 'aws_proxy', uri: integrationUri(fn), payloadFormatVersion: p.PayloadFormatVersion ?? '2.0' }, responses: {} },
      };
      const arnPath = path === '$default' ? '*' : `${method.toUpperCase() === 'ANY' ? '*' : method.toUpperCase()}${path.replace(/\{[^}]+\}/g, '*')}`;
      add(`${id}Permission`, permission(fn, 'apigateway.amazonaws.com', executeArn(api, '*', '', arnPath)));
      return;
    }
    default:
      throw new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. Event type '${String(event.Type)}' is not supported by twinstack yet.`);
  }
}
