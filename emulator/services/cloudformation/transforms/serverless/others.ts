import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { carried, defined, resolveParameterRefs, s3Location, samIdHash, tagList, TransformErrorFor, withGlobals, type Expansion } from './context.ts';
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

const RETENTION = ['Retain', 'Delete'];

/** SAM's RetentionPolicy (a parameter resolved), as the DeletionPolicy it sets; undefined when not given. */
function retentionPolicy(id: string, value: unknown): string | undefined {
  const options = "['Retain', 'Delete']";
  if (value && typeof value === 'object') throw new TransformErrorFor(id, `'RetentionPolicy' does not accept intrinsic functions, please use one of the following options: ${options}`);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TransformErrorFor(id, `Invalid 'RetentionPolicy' type, please use one of the following options: ${options}`);
  const option = RETENTION.find((o) => o.toLowerCase() === value.toLowerCase());
  if (!option) throw new TransformErrorFor(id, `'RetentionPolicy' must be one of the following options: ${options}.`);
  return option;
}

/**
 * `AWS::Serverless::LayerVersion`: a Lambda layer version, kept on deletion unless `RetentionPolicy` is Delete. SAM
 * gives it a new logical id, `<id><hash>` of the SAM resource (its properties, some parameters resolved), so that a
 * changed layer is a new version; references to the old id are rewritten (index.ts).
 */
export function expandLayerVersion(expansion: Expansion, id: string, resource: TemplateResource): void {
  const given = (resource.Properties ?? {}) as Properties;
  if (given.ContentUri === undefined) throw new TransformErrorFor(id, "Missing required property 'ContentUri'.");
  const p: Properties = { ...given };
  for (const name of ['LayerName', 'LicenseInfo', 'Description', 'RetentionPolicy']) {
    if (!p[name]) continue;
    p[name] = resolveParameterRefs(p[name], expansion.parameterValues);
    if (typeof p[name] !== 'string' && (!p[name] || typeof p[name] !== 'object')) throw new TransformErrorFor(id, `Could not resolve parameter for '${name}' or parameter is not a String.`);
  }
  const attributes = carried(resource);
  const deletion = retentionPolicy(id, p.RetentionPolicy) ?? attributes.DeletionPolicy ?? 'Retain';
  // The hash covers the resource as SAM holds it, without the attributes that do not make a new version.
  const { DeletionPolicy, UpdateReplacePolicy, Metadata, ...hashed } = { Type: resource.Type, ...attributes, Properties: p };
  void [DeletionPolicy, UpdateReplacePolicy, Metadata];
  const newId = `${id}${samIdHash({ [id]: hashed })}`;
  expansion.renamed.set(id, newId);
  expansion.resources[newId] = {
    ...attributes,
    Type: 'AWS::Lambda::LayerVersion',
    DeletionPolicy: deletion,
    Properties: defined({
      Content: s3Location(id, 'ContentUri', p.ContentUri, ['S3Bucket', 'S3Key', 'S3ObjectVersion']),
      LayerName: p.LayerName || id,
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
