import { randomBytes, randomUUID } from 'node:crypto';
import { changedProperties, resourceTags, templateJson, type Properties, type ResourceRequest, type ResourceType, type ResourceTypes } from '../../cloudformation/provider.ts';
import { templateTags } from '../../cloudformation/read-back.ts';
import { SecretsErrors } from '../errors.ts';
import { describeLive } from './read.ts';
import { rotationSchedule } from './rotation-schedule.ts';

/** A secret value for `GenerateSecretString`, made by the service's own GetRandomPassword. */
async function generated(request: ResourceRequest, spec: Properties): Promise<string> {
  const { RandomPassword } = await request.call('secretsmanager', 'GetRandomPassword', {
    PasswordLength: spec.PasswordLength === undefined ? undefined : Number(spec.PasswordLength),
    ExcludeCharacters: spec.ExcludeCharacters,
    ExcludeNumbers: spec.ExcludeNumbers,
    ExcludePunctuation: spec.ExcludePunctuation,
    ExcludeUppercase: spec.ExcludeUppercase,
    ExcludeLowercase: spec.ExcludeLowercase,
    IncludeSpace: spec.IncludeSpace,
    RequireEachIncludedType: spec.RequireEachIncludedType,
  });
  if (spec.SecretStringTemplate === undefined) return RandomPassword;
  return JSON.stringify({ ...JSON.parse(spec.SecretStringTemplate), [spec.GenerateStringKey]: RandomPassword });
}

/** `AWS::SecretsManager::Secret`: Ref is the secret ARN; GetAtt Id. */
const secret: ResourceType = {
  async create(request) {
    const p = request.properties;
    // CloudFormation names an unnamed secret <logical id>-<random>.
    const name: string = p.Name ?? `${request.logicalId}-${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}`;
    const value = p.SecretString ?? (p.GenerateSecretString ? await generated(request, p.GenerateSecretString) : undefined);
    const { ARN } = await request.call('secretsmanager', 'CreateSecret', {
      Name: name,
      Description: p.Description,
      KmsKeyId: p.KmsKeyId,
      SecretString: value,
      // The SDKs fill in this idempotency token; a call from another service must give it itself.
      ClientRequestToken: randomUUID(),
      Tags: resourceTags(request),
    });
    return { physicalId: ARN, attributes: { Id: ARN } };
  },
  async update(request) {
    const p = request.properties;
    const changed = changedProperties(request.previous, p);
    if (changed.has('Description') || changed.has('KmsKeyId') || changed.has('SecretString') || changed.has('GenerateSecretString')) {
      const value = changed.has('SecretString') ? p.SecretString : changed.has('GenerateSecretString') && p.GenerateSecretString ? await generated(request, p.GenerateSecretString) : undefined;
      await request.call('secretsmanager', 'UpdateSecret', { SecretId: request.physicalId, Description: p.Description, KmsKeyId: p.KmsKeyId, SecretString: value, ClientRequestToken: randomUUID() });
    }
    return { physicalId: request.physicalId, attributes: request.attributes };
  },
  async delete(request) {
    await request.call('secretsmanager', 'DeleteSecret', { SecretId: request.physicalId, ForceDeleteWithoutRecovery: true });
  },
  async read(request) {
    const described = await describeLive(request);
    // SecretString and GenerateSecretString are write-only in AWS's schema: the value is never read back.
    return { Name: described.Name, Description: described.Description, KmsKeyId: described.KmsKeyId, Tags: templateTags(request, described.Tags) };
  },
  createOnly: ['Name'],
  properties: ['Name', 'Description', 'KmsKeyId', 'SecretString', 'GenerateSecretString', 'Tags'],
};

async function putPolicy(request: ResourceRequest) {
  const p = request.properties;
  await request.call('secretsmanager', 'PutResourcePolicy', {
    SecretId: p.SecretId,
    ResourcePolicy: typeof p.ResourcePolicy === 'string' ? p.ResourcePolicy : JSON.stringify(p.ResourcePolicy),
    BlockPublicPolicy: p.BlockPublicPolicy === undefined ? undefined : String(p.BlockPublicPolicy) === 'true',
  });
  const { ARN } = await request.call('secretsmanager', 'DescribeSecret', { SecretId: p.SecretId });
  return { physicalId: ARN, attributes: { Id: ARN } };
}

/** `AWS::SecretsManager::ResourcePolicy`: the secret's resource policy; Ref (and GetAtt Id) is the secret's ARN. */
const resourcePolicy: ResourceType = {
  create: putPolicy,
  update: putPolicy,
  async delete(request) {
    await request.call('secretsmanager', 'DeleteResourcePolicy', { SecretId: request.physicalId });
  },
  async read(request) {
    const { ResourcePolicy } = await request.call('secretsmanager', 'GetResourcePolicy', { SecretId: request.physicalId });
    if (ResourcePolicy === undefined) throw SecretsErrors.notFound();
    // BlockPublicPolicy is write-only in AWS's schema.
    return { SecretId: request.properties.SecretId, ResourcePolicy: templateJson(request.properties.ResourcePolicy, ResourcePolicy) };
  },
  createOnly: ['SecretId'],
  properties: ['SecretId', 'ResourcePolicy', 'BlockPublicPolicy'],
};

/** The CloudFormation resource types of Secrets Manager. */
const types: ResourceTypes = {
  'AWS::SecretsManager::Secret': secret,
  'AWS::SecretsManager::ResourcePolicy': resourcePolicy,
  'AWS::SecretsManager::RotationSchedule': rotationSchedule,
};

export default types;
