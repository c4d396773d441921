import type { Properties } from '../../provider.ts';
import type { TemplateResource } from '../../template/parse.ts';
import { TransformErrorFor, type Expansion } from './context.ts';
import { CONNECTOR_PROFILES, CONNECTOR_RESOURCE_PROPERTIES, type ConnectorProfile } from './sam-connector-profiles.ts';

// AWS::Serverless::Connector: the permissions between a source and a destination, as SAM's connector profiles say
// (sam-connector-profiles.ts): a managed policy on a role, a queue or topic policy, or Lambda permissions. Connectors are
// translated last, from the processed resources, as SAM does ("connector profiles only work with raw CloudFormation
// resources").

/** What SAM knows of a connector's source or destination (its ConnectorResourceReference). */
interface Reference {
  logicalId?: string;
  type: string;
  arn?: unknown;
  roleName?: unknown;
  queueUrl?: unknown;
  resourceId?: unknown;
  name?: unknown;
  qualifier?: unknown;
}

const SAM_TO_CFN: Record<string, string> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
};

const isMap = (value: unknown): value is Properties => !!value && typeof value === 'object' && !Array.isArray(value);
const nonBlank = (value: unknown): value is string => typeof value === 'string' && value !== '';
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** SAM's insert_unique: `list` (made a list) with each of `values` it lacks appended. */
function insertUnique(list: unknown, values: unknown): unknown[] {
  const out = [...asArray(list)];
  for (const value of asArray(values)) if (!out.some((v) => same(v, value))) out.push(value);
  return out;
}

/** The logical id a `Ref` or `Fn::GetAtt` names (SAM's get_logical_id_from_intrinsic). */
export function intrinsicLogicalId(value: unknown): string | undefined {
  if (!isMap(value) || Object.keys(value).length !== 1) return undefined;
  if (typeof value.Ref === 'string') return value.Ref;
  const getAtt = value['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt.length === 2 && typeof getAtt[0] === 'string') return getAtt[0];
  if (typeof getAtt === 'string' && getAtt.split('.').length === 2) return getAtt.split('.')[0];
  return undefined;
}

/**
 * SAM's profile_replace: each `%{Source.Arn}`-like variable in the profile's strings replaced by its value: a string that
 * is the variable alone becomes the value, one that holds it becomes a `Fn::Sub` of it (as any string with `${...}`).
 */
function profileReplace(value: unknown, replacements: [string, unknown][]): unknown {
  if (Array.isArray(value)) return value.map((v) => profileReplace(v, replacements));
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, profileReplace(v, replacements)]));
  if (typeof value !== 'string') return value;
  let text = value;
  const variables: Properties = {};
  for (const [name, replacement] of replacements) {
    const pattern = `%{${name}}`;
    if (!text.includes(pattern)) continue;
    if (replacement === undefined || replacement === null) throw new Error(`${name} is missing.`);
    if (text === pattern) return replacement;
    const variable = name.replace(/[^\p{L}\p{N}]/gu, '');
    text = text.replaceAll(pattern, `\${${variable}}`);
    variables[variable] = replacement;
  }
  if (!/\$\{.+\}/.test(text)) return text;
  return Object.keys(variables).length ? { 'Fn::Sub': [text, variables] } : { 'Fn::Sub': text };
}

/** The role of an events rule's target that is the connecting resource (by logical id or by the same Arn). */
function eventsRuleRole(connecting: Properties, properties: Properties): unknown {
  for (const target of asArray(properties.Targets ?? []) as Properties[]) {
    const targetId = intrinsicLogicalId(target?.Arn);
    if ((targetId && targetId === connecting.Id) || (connecting.Arn && same(target?.Arn, connecting.Arn))) return target.RoleArn;
  }
  return undefined;
}

/** SAM's get_resource_reference: what the connector needs of a source or destination, from its template resource or given outright. */
function reference(expansion: Expansion, given: Properties, connecting: Properties): Reference {
  const idGiven = Object.hasOwn(given, 'Id');
  const othersGiven = Object.keys(given).some((k) => k !== 'Id' && k !== 'Qualifier');
  if (idGiven === othersGiven) throw new Error("Must provide 'Id' (with optional 'Qualifier') or a supported combination of other properties.");
  const logicalId = given.Id;
  if (!logicalId) {
    if (!nonBlank(given.Type)) throw new Error("'Type' is missing or not a string.");
    const type = Object.hasOwn(SAM_TO_CFN, given.Type) ? SAM_TO_CFN[given.Type] : given.Type;
    return { type, arn: given.Arn, roleName: given.RoleName, queueUrl: given.QueueUrl, resourceId: given.ResourceId, name: given.Name, qualifier: given.Qualifier };
  }
  if (!nonBlank(logicalId)) throw new Error("'Id' is missing or not a string.");
  const resource = Object.hasOwn(expansion.resources, logicalId) ? expansion.resources[logicalId] : undefined;
  if (!resource) throw new Error(`Unable to find resource with logical ID '${logicalId}'.`);
  if (!nonBlank(resource.Type)) throw new Error("'Type' is missing or not a string.");
  const properties = (resource.Properties ?? {}) as Properties;
  const described = Object.hasOwn(CONNECTOR_RESOURCE_PROPERTIES, resource.Type) ? profileReplace(CONNECTOR_RESOURCE_PROPERTIES[resource.Type], [['logicalId', logicalId]]) as Properties : {};
  const outputs = (described.Outputs ?? {}) as Properties;
  const roleInput = (described.Inputs as Properties | undefined)?.Role;
  const role = typeof roleInput === 'string' ? properties[roleInput] : isMap(roleInput) && roleInput.Function === 'GetEventsRuleRole' ? eventsRuleRole(connecting, properties) : undefined;
  const roleId = role ? intrinsicLogicalId(role) : undefined;
  return {
    logicalId,
    type: resource.Type,
    arn: outputs.Arn,
    roleName: roleId ? { Ref: roleId } : undefined,
    queueUrl: outputs.Url,
    resourceId: outputs.Id,
    name: outputs.Name,
    qualifier: Object.hasOwn(given, 'Qualifier') ? given.Qualifier : outputs.Qualifier,
  };
}

/** The connector's SAM properties, checked as SAM's property types check them. */
function connectorProperties(id: string, resource: TemplateResource): { source: Properties; destinations: Properties[]; multi: boolean; permissions: string[] } {
  const p = (resource.Properties ?? {}) as Properties;
  for (const name of ['Source', 'Destination', 'Permissions']) if (p[name] === undefined || p[name] === null) throw new TransformErrorFor(id, `Missing required property '${name}'.`);
  const invalid = (name: string) => new TransformErrorFor(id, `Type of property '${name}' is invalid.`);
  if (!isMap(p.Source)) throw invalid('Source');
  if (!isMap(p.Destination) && !(Array.isArray(p.Destination) && p.Destination.every(isMap))) throw invalid('Destination');
  if (!Array.isArray(p.Permissions) || !p.Permissions.every((v) => typeof v === 'string')) throw invalid('Permissions');
  const multi = Array.isArray(p.Destination);
  return { source: p.Source, destinations: multi ? (p.Destination as Properties[]) : [p.Destination as Properties], multi, permissions: [...new Set(p.Permissions as string[])] };
}

/** The profile's access categories the connector asks for, after SAM's checks of them. */
function checkPermissions(id: string, source: Reference, destination: Reference, profile: ConnectorProfile, permissions: string[]): void {
  const categories = Object.keys(profile.Properties.AccessCategories);
  const valid = categories.join(', ');
  if (!permissions.length) throw new TransformErrorFor(id, `'Permissions' cannot be empty; valid values are: ${valid}.`);
  const between = `for connector from ${source.type} to ${destination.type}`;
  if (permissions.some((p) => !categories.includes(p))) throw new TransformErrorFor(id, `Unsupported 'Permissions' provided ${between}; valid values are: ${valid}.`);
  const combinations = profile.Properties.ValidAccessCategories?.map((c) => [...c].sort());
  if (combinations && !combinations.some((c) => same(c, [...permissions].sort()))) {
    throw new TransformErrorFor(id, `Unsupported 'Permissions' provided ${between}; valid combinations are: ${combinations.map((c) => c.join(' + ')).join(', ')}.`);
  }
}

/** A resource of the processed template that now depends on `dependency` too (as a list), copied rather than edited in place. */
function addDependsOn(expansion: Expansion, logicalId: string, dependency: string | string[]): void {
  const resource = expansion.resources[logicalId];
  if (!resource) return;
  expansion.resources[logicalId] = { ...resource, DependsOn: insertUnique(resource.DependsOn ?? [], dependency) as string[] };
}

/** The event source mappings of the processed template from `sourceId` to the function `functionId`. */
function eventSourceMappings(expansion: Expansion, sourceId: string, functionId: string): string[] {
  return Object.entries(expansion.resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping')
    .filter(([, r]) => intrinsicLogicalId(r.Properties?.FunctionName) === functionId && intrinsicLogicalId(r.Properties?.EventSourceArn) === sourceId)
    .map(([esm]) => esm);
}

/** The resources one destination's profile makes, each under SAM's logical id. */
function profileResources(expansion: Expansion, id: string, source: Reference, destination: Reference, profile: ConnectorProfile, permissions: string[], suffix: string): [string, Properties][] {
  const side = profile.Properties.SourcePolicy ? source : destination;
  const sideName = profile.Properties.SourcePolicy ? 'Source' : 'Destination';
  const categories = Object.entries(profile.Properties.AccessCategories).filter(([name]) => permissions.includes(name));
  const document = () => ({ Version: '2012-10-17', Statement: categories.flatMap(([, c]) => c.Statement as unknown[]) });
  switch (profile.Type) {
    case 'AWS_IAM_ROLE_MANAGED_POLICY': {
      if (!side.roleName) throw new TransformErrorFor(id, `Unable to get IAM role name from '${sideName}' resource.`);
      const policyId = `${id}Policy${suffix}`;
      if (profile.Properties.DependedBy === 'DESTINATION_EVENT_SOURCE_MAPPING' && source.logicalId && destination.logicalId) {
        // Only one mapping from a source to a function can exist; it must wait for the policy that lets it poll.
        const mappings = eventSourceMappings(expansion, source.logicalId, destination.logicalId);
        if (mappings.length === 1) addDependsOn(expansion, mappings[0], policyId);
      }
      if (profile.Properties.DependedBy === 'SOURCE' && source.logicalId) addDependsOn(expansion, source.logicalId, policyId);
      return [[policyId, { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: document(), Roles: [side.roleName] } }]];
    }
    case 'AWS_SQS_QUEUE_POLICY':
      if (!side.queueUrl) throw new TransformErrorFor(id, `Unable to get SQS queue URL from '${sideName}' resource.`);
      return [[`${id}QueuePolicy${suffix}`, { Type: 'AWS::SQS::QueuePolicy', Properties: { PolicyDocument: document(), Queues: [side.queueUrl] } }]];
    case 'AWS_SNS_TOPIC_POLICY':
      if (!side.arn) throw new TransformErrorFor(id, `Unable to get SNS topic ARN from '${sideName}' resource.`);
      return [[`${id}TopicPolicy${suffix}`, { Type: 'AWS::SNS::TopicPolicy', Properties: { Topics: [side.arn], PolicyDocument: document() } }]];
    case 'AWS_LAMBDA_PERMISSION':
      if (!side.arn) throw new TransformErrorFor(id, `Unable to get Lambda function ARN from '${sideName}' resource.`);
      return categories.map(([name, c]) => [
        `${id}${name}LambdaPermission${suffix}`,
        { Type: 'AWS::Lambda::Permission', Properties: { Action: c.Action, FunctionName: side.arn, Principal: c.Principal, SourceArn: c.SourceArn, ...(c.SourceAccount !== undefined && c.SourceAccount !== null ? { SourceAccount: c.SourceAccount } : {}) } },
      ]);
  }
}

/** The connector's resource attributes (SAM's supported ones), given to what it makes, with SAM's metadata on it. */
function attributes(expansion: Expansion, id: string, resource: TemplateResource, source: Reference, destination: Reference): Partial<TemplateResource> {
  const out: Partial<TemplateResource> = {};
  if (resource.DependsOn !== undefined) out.DependsOn = resource.DependsOn;
  for (const name of ['DeletionPolicy', 'UpdatePolicy', 'Condition', 'UpdateReplacePolicy'] as const) if (resource[name] !== undefined) (out as Properties)[name] = resource[name];
  const originalType = (ref: Reference) => (ref.logicalId && Object.hasOwn(expansion.source, ref.logicalId) ? expansion.source[ref.logicalId].Type : undefined) || ref.type;
  out.Metadata = { ...((resource.Metadata ?? {}) as Properties), 'aws:sam:connectors': { [id]: { Source: { Type: originalType(source) }, Destination: { Type: originalType(destination) } } } };
  return out;
}

/** `AWS::Serverless::Connector`, once every other resource is processed: what its profile makes for each destination. */
export function expandConnector(expansion: Expansion, id: string, resource: TemplateResource): void {
  const { source: givenSource, destinations, multi, permissions } = connectorProperties(id, resource);
  const made: [string, TemplateResource][] = [];
  destinations.forEach((givenDestination, index) => {
    let source: Reference;
    let destination: Reference;
    try {
      destination = reference(expansion, givenDestination, givenSource);
      source = reference(expansion, givenSource, givenDestination);
    } catch (error) {
      throw new TransformErrorFor(id, (error as Error).message);
    }
    const profile = CONNECTOR_PROFILES[source.type]?.[destination.type];
    if (!profile || !Object.hasOwn(CONNECTOR_PROFILES, source.type)) {
      throw new TransformErrorFor(id, `Unable to create connector from ${source.type} to ${destination.type}; it's not supported or the template is invalid.`);
    }
    checkPermissions(id, source, destination, profile, permissions);
    let replaced: ConnectorProfile;
    try {
      const values: [string, unknown][] = [
        ['Source.Arn', source.arn], ['Destination.Arn', destination.arn], ['Source.ResourceId', source.resourceId], ['Destination.ResourceId', destination.resourceId],
        ['Source.Name', source.name], ['Destination.Name', destination.name], ['Source.Qualifier', source.qualifier], ['Destination.Qualifier', destination.qualifier],
      ];
      replaced = { ...profile, Properties: profileReplace(profile.Properties, values) as ConnectorProfile['Properties'] };
    } catch (error) {
      throw new TransformErrorFor(id, (error as Error).message);
    }
    const extra = attributes(expansion, id, resource, source, destination);
    for (const [logicalId, made1] of profileResources(expansion, id, source, destination, replaced, permissions, multi ? `Destination${index}` : '')) {
      made.push([logicalId, { ...extra, ...made1 } as TemplateResource]);
    }
  });
  if (!made.length) throw new TransformErrorFor(id, "'Destination' is an empty list");
  for (const [logicalId, made1] of made) expansion.resources[logicalId] = made1;
  // Whatever depended on the connector depends on what it made.
  const ids = made.map(([logicalId]) => logicalId);
  for (const [other, r] of Object.entries(expansion.resources)) {
    const dependsOn = asArray(r.DependsOn ?? []);
    if (!dependsOn.includes(id)) continue;
    expansion.resources[other] = { ...r, DependsOn: insertUnique(dependsOn.filter((d) => d !== id), ids) as string[] };
  }
}

/**
 * SAM's embedded connectors: each resource's `Connectors` attribute made `AWS::Serverless::Connector` resources named
 * `<resource><connector>` (added after the template's resources, the resource their Source), and the attribute removed.
 * Errors are reported with the transform's others.
 */
export function withEmbeddedConnectors(resources: Record<string, TemplateResource>, errors: TransformErrorFor[]): Record<string, TemplateResource> {
  const out: Record<string, TemplateResource> = {};
  const added: Record<string, TemplateResource> = {};
  for (const [sourceId, resource] of Object.entries(resources)) {
    if (!isMap(resource) || !Object.hasOwn(resource, 'Connectors')) {
      out[sourceId] = resource;
      continue;
    }
    const { Connectors: connectors, ...rest } = resource as TemplateResource & { Connectors?: unknown };
    out[sourceId] = rest as TemplateResource;
    if (!isMap(connectors)) {
      errors.push(new TransformErrorFor(sourceId, `Attribute '${sourceId}.Connectors' should be a map.`));
      continue;
    }
    for (const [name, given] of Object.entries(connectors)) {
      const id = sourceId + name;
      try {
        added[id] = embeddedConnector(resources, sourceId, name, id, given);
      } catch (error) {
        if (!(error instanceof TransformErrorFor)) throw error;
        errors.push(error);
      }
    }
  }
  return { ...out, ...added };
}

function embeddedConnector(resources: Record<string, TemplateResource>, sourceId: string, name: string, id: string, given: unknown): TemplateResource {
  if (!isMap(given)) throw new TransformErrorFor(id, `${sourceId}.${id} should be a map.`);
  const connector = structuredClone(given) as Properties;
  connector.Type = 'AWS::Serverless::Connector';
  const properties = connector.Properties;
  if (!isMap(properties)) throw new TransformErrorFor(sourceId, `Attribute 'Connectors.${name}.Properties' should be a map.`);
  const source: Properties = { Id: sourceId };
  if (Object.hasOwn(properties, 'SourceReference')) {
    const sourceReference = properties.SourceReference;
    if (!isMap(sourceReference)) throw new TransformErrorFor(sourceId, `Property 'Connectors.${name}.Properties.SourceReference' should be a map.`);
    if (Object.hasOwn(sourceReference, 'Id')) throw new TransformErrorFor(name, "'Id' shouldn't be defined in 'SourceReference'.");
    Object.assign(source, sourceReference);
    delete properties.SourceReference;
  }
  properties.Source = source;
  if (Object.hasOwn(resources, id)) {
    const error = new TransformErrorFor(sourceId, '');
    error.message = `Transforming resource with id [${sourceId}] attempts to create a new resource with id [${id}] and type "AWS::Serverless::Connector". A resource with that id already exists within this template. Please use a different id for that resource.`;
    throw error;
  }
  return connector as TemplateResource;
}
