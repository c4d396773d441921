import { stateMachineAlias } from './alias.ts';
import { stateMachineVersion } from './version.ts';
import { resourceTags, type Properties, type ResourceDelete, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';

/** Template structures (`LoggingConfiguration`, …) as Step Functions takes them: the same members in lower camel case. */
function camel(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camel);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camel(v)]));
}

/** Step Functions' structures in the template's form: the same members in upper camel case. */
function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(v)]));
}

/** A machine's or activity's tags in the template's form. */
async function readTags(request: ResourceDelete) {
  const { tags: found } = await request.call<{ tags: { key: string; value: string }[] }>('stepfunctions', 'ListTagsForResource', { resourceArn: request.physicalId });
  return templateTags(request, found.map((t) => ({ Key: t.key, Value: t.value })));
}

function tags(request: ResourceRequest) {
  return resourceTags(request).map((t) => ({ key: t.Key, value: t.Value }));
}

async function readS3(request: ResourceRequest, location: Properties): Promise<string> {
  const object = await request.call<{ Body: Buffer | AsyncIterable<Buffer> }>('s3', 'GetObject', { Bucket: location.Bucket, Key: location.Key, VersionId: location.Version });
  // Small objects come back whole, large ones as a stream.
  if (Buffer.isBuffer(object.Body)) return object.Body.toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of object.Body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/** The definition from `Definition`, `DefinitionString` or `DefinitionS3Location`, with `DefinitionSubstitutions` made. */
async function definition(request: ResourceRequest): Promise<string | undefined> {
  const p = request.properties;
  let text: string | undefined;
  if (p.Definition !== undefined) text = JSON.stringify(p.Definition);
  else if (p.DefinitionString !== undefined) text = String(p.DefinitionString);
  else if (p.DefinitionS3Location) text = await readS3(request, p.DefinitionS3Location);
  for (const [key, value] of Object.entries((p.DefinitionSubstitutions ?? {}) as Record<string, unknown>)) {
    text = text?.split('${' + key + '}').join(String(value));
  }
  return text;
}

function settings(p: Properties) {
  return {
    roleArn: p.RoleArn,
    loggingConfiguration: camel(p.LoggingConfiguration),
    tracingConfiguration: camel(p.TracingConfiguration),
    // CloudFormation asks for AWS's own key where the template names none (AWS's recordings describe it so).
    encryptionConfiguration: camel(p.EncryptionConfiguration) ?? { type: 'AWS_OWNED_KEY' },
  };
}

async function machineState(request: ResourceRequest, arn: string) {
  const machine = await request.call('stepfunctions', 'DescribeStateMachine', { stateMachineArn: arn });
  return { physicalId: arn, attributes: { Arn: arn, Name: machine.name, StateMachineRevisionId: machine.revisionId ?? arn } };
}

/** `AWS::StepFunctions::StateMachine`: Ref is the ARN; GetAtt Arn, Name, StateMachineRevisionId. */
const stateMachine: ResourceType = {
  /** AWS's schema has no list handler. */
  unlisted: true,
  properties: [
    'Definition',
    'DefinitionS3Location',
    'DefinitionString',
    'DefinitionSubstitutions',
    'EncryptionConfiguration',
    'LoggingConfiguration',
    'RoleArn',
    'StateMachineName',
    'StateMachineType',
    'Tags',
    'TracingConfiguration',
  ],
  async create(request) {
    const p = request.properties;
    const { stateMachineArn } = await request.call('stepfunctions', 'CreateStateMachine', {
      name: p.StateMachineName ?? request.physicalName({ maxLength: 80 }),
      type: p.StateMachineType,
      definition: await definition(request),
      ...settings(p),
      tags: tags(request),
    });
    return machineState(request, stateMachineArn);
  },
  async update(request) {
    await request.call('stepfunctions', 'UpdateStateMachine', { stateMachineArn: request.physicalId, definition: await definition(request), ...settings(request.properties) });
    const now = tags(request);
    const gone = ((request.previous.Tags ?? []) as { Key: string }[]).map((t) => t.Key).filter((k) => !now.some((t) => t.key === k));
    if (gone.length) await request.call('stepfunctions', 'UntagResource', { resourceArn: request.physicalId, tagKeys: gone });
    if (now.length) await request.call('stepfunctions', 'TagResource', { resourceArn: request.physicalId, tags: now });
    return machineState(request, request.physicalId);
  },
  async delete(request) {
    await request.call('stepfunctions', 'DeleteStateMachine', { stateMachineArn: request.physicalId });
  },
  async read(request) {
    const p = request.properties;
    const machine = await request.call('stepfunctions', 'DescribeStateMachine', { stateMachineArn: request.physicalId });
    // The definition is compared in the form the template gave it; one made from substitutions or an S3 object is not.
    const plain = p.DefinitionSubstitutions === undefined;
    return {
      StateMachineName: machine.name,
      StateMachineType: machine.type,
      RoleArn: machine.roleArn,
      ...(plain && p.Definition !== undefined ? { Definition: JSON.parse(machine.definition) } : {}),
      ...(plain && p.DefinitionString !== undefined ? { DefinitionString: machine.definition } : {}),
      LoggingConfiguration: pascal(machine.loggingConfiguration),
      TracingConfiguration: pascal(machine.tracingConfiguration),
      EncryptionConfiguration: pascal(machine.encryptionConfiguration),
      Tags: await readTags(request),
    };
  },
  createOnly: ['StateMachineName', 'StateMachineType'],
};

/** `AWS::StepFunctions::Activity`: Ref is the ARN; GetAtt Arn, Name. */
const activity: ResourceType = {
  properties: ['EncryptionConfiguration', 'Name', 'Tags'],
  async create(request) {
    const name: string = request.properties.Name;
    const { activityArn } = await request.call('stepfunctions', 'CreateActivity', {
      name,
      encryptionConfiguration: camel(request.properties.EncryptionConfiguration),
      tags: tags(request),
    });
    return { physicalId: activityArn, attributes: { Arn: activityArn, Name: name } };
  },
  async delete(request) {
    await request.call('stepfunctions', 'DeleteActivity', { activityArn: request.physicalId });
  },
  async read(request) {
    const found = await request.call('stepfunctions', 'DescribeActivity', { activityArn: request.physicalId });
    return { Name: found.name, EncryptionConfiguration: pascal(found.encryptionConfiguration), Tags: await readTags(request) };
  },
};

/** The CloudFormation resource types of Step Functions. */
const types: ResourceTypes = {
  'AWS::StepFunctions::StateMachine': stateMachine,
  'AWS::StepFunctions::Activity': activity,
  'AWS::StepFunctions::StateMachineVersion': stateMachineVersion,
  'AWS::StepFunctions::StateMachineAlias': stateMachineAlias,
};

export default types;
