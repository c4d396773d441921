import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { carried, defined, s3Location, tagList, TransformErrorFor, withGlobals, type Expansion } from './context.ts';
import { executionRole } from './policies.ts';
import { eventsDictOrder } from './implicit-api.ts';
import { definitionString } from './state-machine-definition.ts';
import { addStateMachineEvent } from './state-machine-events.ts';

const KEY_TYPES: Record<string, string> = { String: 'S', Number: 'N', Binary: 'B' };

/** `AWS::Serverless::SimpleTable`: a DynamoDB table with one hash key (`id`, a string, unless `PrimaryKey` says). */
export function expandSimpleTable(expansion: Expansion, id: string, resource: TemplateResource): void {
  const p = withGlobals(expansion.globals.SimpleTable, (resource.Properties ?? {}) as Properties);
  const key = (p.PrimaryKey ?? { Name: 'id', Type: 'String' }) as Properties;
  if (!Object.hasOwn(KEY_TYPES, key.Type)) throw new TransformErrorFor(id, "Property 'PrimaryKey.Type' must be one of String, Number or Binary.");
  expansion.resources[id] = {
    ...carried(resource),
    Type: 'AWS::DynamoDB::Table',
    Properties: defined({
      TableName: p.TableName,
      AttributeDefinitions: [{ AttributeName: key.Name, AttributeType: KEY_TYPES[key.Type] }],
      KeySchema: [{ AttributeName: key.Name, KeyType: 'HASH' }],
      ...(p.ProvisionedThroughput ? { ProvisionedThroughput: p.ProvisionedThroughput } : { BillingMode: 'PAY_PER_REQUEST' }),
      SSESpecification: p.SSESpecification,
      PointInTimeRecoverySpecification: p.PointInTimeRecoverySpecification,
      Tags: p.Tags === undefined ? undefined : tagList({}, p.Tags),
    }),
  } as TemplateResource;
}

/**
 * `AWS::Serverless::LayerVersion`: a Lambda layer version, kept on deletion unless `RetentionPolicy` is Delete.
 * (SAM gives the version a logical id with a hash of its content; twinstack keeps the SAM resource's id.)
 */
export function expandLayerVersion(expansion: Expansion, id: string, resource: TemplateResource): void {
  const p = (resource.Properties ?? {}) as Properties;
  if (p.ContentUri === undefined) throw new TransformErrorFor(id, "Missing required property 'ContentUri'.");
  const retain = String(p.RetentionPolicy ?? 'Retain').toLowerCase() !== 'delete';
  expansion.resources[id] = {
    ...carried(resource),
    Type: 'AWS::Lambda::LayerVersion',
    DeletionPolicy: retain ? 'Retain' : 'Delete',
    Properties: defined({
      Content: s3Location(id, 'ContentUri', p.ContentUri, ['S3Bucket', 'S3Key', 'S3ObjectVersion']),
      LayerName: p.LayerName ?? id,
      Description: p.Description,
      CompatibleRuntimes: p.CompatibleRuntimes,
      CompatibleArchitectures: p.CompatibleArchitectures,
      LicenseInfo: p.LicenseInfo,
    }),
  } as TemplateResource;
}

/** `AWS::Serverless::StateMachine`: the state machine and, without `Role`, the role SAM makes from `Policies`. */
export function expandStateMachine(expansion: Expansion, id: string, resource: TemplateResource): void {
  const p = (resource.Properties ?? {}) as Properties;
  if (p.Events !== undefined && (typeof p.Events !== 'object' || Array.isArray(p.Events))) throw new TransformErrorFor(id, "Invalid property type 'Events'.");
  const events = (p.Events ?? {}) as Record<string, Properties>;
  const order = Object.values(events).some((e) => e?.Type === 'Api') ? eventsDictOrder(events) : Object.keys(events);
  for (const eventId of order) addStateMachineEvent(expansion, id, eventId, events[eventId], carried(resource), p.PermissionsBoundary);
  if (p.Role === undefined) {
    expansion.resources[`${id}Role`] = executionRole(id, 'states.amazonaws.com', p.Policies, [], expansion.partition, defined({ Tags: tagList({ 'stateMachine:createdBy': 'SAM' }, {}), PermissionsBoundary: p.PermissionsBoundary })) as TemplateResource;
  }
  const definitionUri = p.DefinitionUri === undefined ? undefined : s3Location(id, 'DefinitionUri', p.DefinitionUri, ['Bucket', 'Key', 'Version']);
  expansion.resources[id] = {
    ...carried(resource),
    Type: 'AWS::StepFunctions::StateMachine',
    Properties: defined({
      ...(p.Definition !== undefined ? definitionString(p.Definition, p.DefinitionSubstitutions) : { DefinitionSubstitutions: p.DefinitionSubstitutions }),
      DefinitionS3Location: definitionUri,
      RoleArn: p.Role ?? { 'Fn::GetAtt': [`${id}Role`, 'Arn'] },
      StateMachineName: p.Name,
      StateMachineType: p.Type,
      LoggingConfiguration: p.Logging,
      TracingConfiguration: p.Tracing,
      Tags: tagList({ 'stateMachine:createdBy': 'SAM' }, p.Tags),
    }),
  } as TemplateResource;
}
