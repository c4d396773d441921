import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { capacityProvider } from './capacity-provider.ts';
import { codeSigningConfig } from './code-signing-config.ts';
import { lambdaFunction } from './function.ts';
import { eventInvokeConfig } from './event-invoke-config.ts';
import { layerVersionPermission } from './layer-version-permission.ts';
import { permission } from './permission.ts';
import { resourcePolicy } from './resource-policy.ts';
import { alias, eventSourceMapping, layerVersion, url, version } from './versions.ts';

/** The CloudFormation resource types of Lambda. */
const types: ResourceTypes = {
  'AWS::Lambda::Function': lambdaFunction,
  'AWS::Lambda::Permission': permission,
  'AWS::Lambda::Version': version,
  'AWS::Lambda::Alias': alias,
  'AWS::Lambda::Url': url,
  'AWS::Lambda::LayerVersion': layerVersion,
  'AWS::Lambda::EventSourceMapping': eventSourceMapping,
  'AWS::Lambda::EventInvokeConfig': eventInvokeConfig,
  'AWS::Lambda::CodeSigningConfig': codeSigningConfig,
  'AWS::Lambda::LayerVersionPermission': layerVersionPermission,
  'AWS::Lambda::ResourcePolicy': resourcePolicy,
  'AWS::Lambda::CapacityProvider': capacityProvider,
};

export default types;
