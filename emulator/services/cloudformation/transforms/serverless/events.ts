import type { Properties } from '../../provider.ts';
import { addEventAuth, addEventResourcePolicy } from './auth.ts';
import { addCognitoEvent } from './cognito-event.ts';
import { ANY_METHOD, defined, shorthand, TransformErrorFor, type Expansion } from './context.ts';
import { addHttpApiEvent } from './http-api.ts';
import { addRequestParameters, addTimeout } from './event-parameters.ts';
import { pullEventSource } from './pull-events.ts';
import { addS3Event } from './s3-event.ts';
import { addRequestModel, documentKind } from './models.ts';
import { conditional, conditionalContents } from './api-conditions.ts';
import { addScheduleV2, functionEventFailure, invokeFunctionPolicy, ruleDeadLetterConfig } from './scheduler-event.ts';
import { IMPLICIT_REST_API, methodKey, restApiEntry } from './implicit-api.ts';
import { fromTemplate, insert, py27Str, templateKeys, templateValues, tracked, type CopyClock } from './py27.ts';

/** The function an event invokes: its name or ARN for `FunctionName`, and its ARN (the alias's with AutoPublishAlias). */
export interface Invoked {
  id: string;
  ref: unknown;
  arn: unknown;
  /** AWS managed policies the function's role needs for its event sources (SQS, Kinesis, DynamoDB streams). */
  managedPolicies: string[];
  /** Named policies the role needs for them (an event source mapping's on-failure destination). */
  rolePolicies: Properties[];
  /** The function's FunctionName property, which SAM adds to the deployment hash of the APIs its events name. */
  name?: unknown;
}

export function permission(fn: Invoked, principal: string, sourceArn: unknown): Properties {
  return { Type: 'AWS::Lambda::Permission', Properties: { Action: 'lambda:InvokeFunction', FunctionName: fn.ref, Principal: principal, SourceArn: sourceArn } };
}

/** The REST API an event names (`RestApiId`: a `Ref` to a SAM API), or the implicit one. */
export function apiOf(owner: string, given: unknown, implicit: string, known: Map<string, Properties>): string {
  if (given === undefined) {
    if (!known.has(implicit)) known.set(implicit, restApiEntry({ implicit: true }));
    return implicit;
  }
  // A `Ref` to the API, or its logical id (SAM takes both).
  const id = typeof given === 'string' ? given : (given as { Ref?: string }).Ref;
  if (typeof id !== 'string' || !known.has(id)) throw new TransformErrorFor(owner, 'RestApiId must be a valid reference to an \'AWS::Serverless::Api\' resource in same template.');
  return id;
}

/**
 * The Lambda proxy integration's URI as SAM writes it (the partition spelt out); the function's ARN is a template
 * string to SAM, an alias's is not (which changes the deployment's hash).
 */
function integrationUri(fn: Invoked, partition: string): unknown {
  const uri = { 'Fn::Sub': `arn:${partition}:apigateway:\${AWS::Region}:lambda:path/2015-03-31/functions/${shorthand(fn.arn)}/invocations` };
  return (fn.arn as { 'Fn::GetAtt'?: unknown })['Fn::GetAtt'] ? templateValues(uri, 'Fn::Sub') : uri;
}

/** The permission's suffix: the implicit API's stage (Prod), an explicit API's StageName, or `Stage` when that is not text. */
function stageSuffix(entry: Properties): string {
  if (entry.implicit) return 'Prod';
  const stage = (entry.properties as Properties | undefined)?.StageName;
  return typeof stage === 'string' ? stage : 'Stage';
}

function executeArn(partition: string, api: unknown, method: string, path: string): unknown {
  return { 'Fn::Sub': [`arn:${partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}/${method}${path}`, { __ApiId__: api, __Stage__: '*' }] };
}

/** Adds the resources one event of a function makes (`Events` of `AWS::Serverless::Function`). */
export function addEvent(expansion: Expansion, fn: Invoked, eventId: string, event: Properties, condition?: string): void {
  const id = `${fn.id}${eventId}`;
  const p = (event.Properties ?? {}) as Properties;
  const add = (logicalId: string, resource: Properties) => (expansion.resources[logicalId] = resource as never);
  switch (event.Type) {
    case 'SQS':
    case 'Kinesis':
    case 'DynamoDB':
    case 'MSK':
    case 'MQ':
    case 'SelfManagedKafka':
    case 'DocumentDB':
      add(id, pullEventSource(fn, eventId, event.Type, p, expansion.partition, expansion.parameterValues));
      return;
    case 'CloudWatchLogs': {
      const sourceArn = { 'Fn::Sub': [`arn:${expansion.partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:\${__LogGroupName__}:*`, { __LogGroupName__: p.LogGroupName }] };
      add(`${id}Permission`, permission(fn, 'logs.amazonaws.com', sourceArn));
      // The filter waits for the permission that lets Logs invoke the function.
      add(id, { Type: 'AWS::Logs::SubscriptionFilter', DependsOn: [`${id}Permission`], Properties: { LogGroupName: p.LogGroupName, FilterPattern: p.FilterPattern, DestinationArn: fn.arn } });
      return;
    }
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
          Targets: [
            defined({
              Arn: fn.arn,
              Id: p.Target?.Id ?? `${id}LambdaTarget`,
              Input: p.Input,
              InputPath: p.InputPath,
              InputTransformer: p.InputTransformer,
              DeadLetterConfig: p.DeadLetterConfig === undefined ? undefined : ruleDeadLetterConfig(functionEventFailure(fn.id, id), id, p.DeadLetterConfig, {}, add),
              RetryPolicy: p.RetryPolicy,
            }),
          ],
        }),
      });
      add(`${id}Permission`, permission(fn, 'events.amazonaws.com', { 'Fn::GetAtt': [id, 'Arn'] }));
      return;
    }
    case 'ScheduleV2':
      addScheduleV2(functionEventFailure(fn.id, id), id, p, { arn: fn.arn, policy: invokeFunctionPolicy(fn.arn) }, {}, add);
      return;
    case 'Api': {
      if (typeof p.Path !== 'string' || typeof p.Method !== 'string') throw new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. Event is missing key 'Path' or 'Method'.`);
      const api = apiOf(fn.id, p.RestApiId, IMPLICIT_REST_API, expansion.restApis);
      const entry = expansion.restApis.get(api)!;
      // The plugin gave implicit events the implicit API's id, so SAM adds every named function's name to the hash.
      if (fn.name) entry.functionNames = [...(entry.functionNames ?? []), typeof fn.name === 'string' ? fn.name : py27Str(fromTemplate(fn.name))];
      const paths = entry.paths as Record<string, Properties>;
      const key = methodKey(p.Method);
      const existing = paths[p.Path] === undefined ? [] : conditionalContents(paths[p.Path]).flatMap((item) => conditionalContents(item?.[key]));
      if (existing.some((method) => method?.['x-amazon-apigateway-integration'])) {
        throw new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. API method "${p.Method.toLowerCase()}" defined multiple times for path "${p.Path}".`);
      }
      const apiProperties = (entry.properties ?? expansion.globals.Api ?? {}) as Properties;
      // SAM writes methods into the definition it makes, or (MergeDefinitions) merges them into the template's; none
      // into the template's own DefinitionBody otherwise, nor a DefinitionUri's. The permission is made all the same.
      const merging = apiProperties.DefinitionBody !== undefined && !!apiProperties.MergeDefinitions;
      if (apiProperties.DefinitionUri === undefined && (apiProperties.DefinitionBody === undefined || merging)) {
        // The edit, between two copies of the document; keys in SAM's order of insertion (see py27.ts).
        const clock = entry.clock as CopyClock;
        clock.now++;
        // A function's condition wraps its method and the method's uri (so that CloudFormation resolves no reference to it).
        const uri = tracked(integrationUri(fn, expansion.partition) as Properties, clock);
        const conditionalUri = condition ? conditional(condition, uri) : uri;
        const integration = tracked(templateValues({ type: 'aws_proxy', httpMethod: 'POST', uri: conditionalUri }), clock);
        const item = tracked(templateValues({ 'x-amazon-apigateway-integration': integration, responses: tracked({}, clock) }), clock);
        addEventAuth(fn.id, eventId, p, apiProperties, item, entry, clock, expansion.partition);
        addTimeout(p, item);
        const doc = (merging ? entry.skeleton : (apiProperties.DefinitionBody ?? entry.skeleton)) as Properties | undefined;
        addRequestModel(fn.id, eventId, p, apiProperties, item, entry, documentKind(doc), clock);
        addRequestParameters(fn.id, eventId, p, item, clock);
        if (!Object.hasOwn(paths, p.Path)) insert(paths, p.Path, templateKeys(tracked({}, clock), [ANY_METHOD]));
        for (const pathItem of conditionalContents(paths[p.Path])) insert(pathItem, key, condition ? conditional(condition, item) : item);
        addEventResourcePolicy(fn.id, eventId, p, entry.skeleton as Properties, { name: stageSuffix(entry), fromTemplate: !entry.implicit });
        clock.now++;
      }
      const method = p.Method.toLowerCase() === 'any' ? '*' : p.Method.toUpperCase();
      // API Gateway drops a path's trailing slash, so SAM's permission does.
      const path = p.Path.replace(/^(.+)\/$/, '$1').replace(/\{[^}]+\}/g, '*');
      add(`${id}Permission${stageSuffix(entry)}`, { ...permission(fn, 'apigateway.amazonaws.com', executeArn(expansion.partition, p.RestApiId ?? { Ref: api }, method, path)) });
      return;
    }
    case 'HttpApi':
      addHttpApiEvent(expansion, fn, eventId, p, condition);
      return;
    case 'AlexaSkill':
      add(`${id}Permission`, { Type: 'AWS::Lambda::Permission', Properties: defined({ Action: 'lambda:InvokeFunction', FunctionName: fn.ref, Principal: 'alexa-appkit.amazon.com', EventSourceToken: p.SkillId }) });
      return;
    case 'IoTRule': {
      // An AWS::IoT::TopicRule, which CloudFormation refuses as twinstack serves no IoT.
      if (p.Sql === undefined || p.Sql === null) throw new TransformErrorFor(id, "Missing required property 'Sql'.");
      const sourceArn = { 'Fn::Sub': [`arn:${expansion.partition}:iot:\${AWS::Region}:\${AWS::AccountId}:rule/\${RuleName}`, { RuleName: { Ref: id } }] };
      const allowed = permission(fn, 'iot.amazonaws.com', sourceArn);
      add(`${id}Permission`, { ...allowed, Properties: { ...allowed.Properties, SourceAccount: { 'Fn::Sub': '${AWS::AccountId}' } } });
      add(id, { Type: 'AWS::IoT::TopicRule', Properties: { TopicRulePayload: defined({ Sql: p.Sql, RuleDisabled: false, Actions: [{ Lambda: { FunctionArn: fn.arn } }], AwsIotSqlVersion: p.AwsIotSqlVersion || undefined }) } });
      return;
    }
    case 'Cognito':
      addCognitoEvent(expansion, fn, eventId, p, condition);
      return;
    case 'S3':
      addS3Event(expansion, fn, eventId, p, condition);
      return;
    default:
      throw new TransformErrorFor(fn.id, `Event with id [${eventId}] is invalid. Event type '${String(event.Type)}' is not supported by twinstack yet.`);
  }
}
