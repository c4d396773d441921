import type { ResourceTypes } from '../../cloudformation/provider.ts';
import { account, authorizer, gatewayResponse, model, requestValidator } from './api-parts.ts';
import { deployment, stage } from './deployments.ts';
import { documentationPart, documentationVersion } from './documentation.ts';
import { basePathMapping, domainName } from './domains.ts';
import { apiKey, usagePlan, usagePlanKey } from './keys.ts';
import { clientCertificate, vpcLink } from './links.ts';
import { method, resource } from './methods.ts';
import { basePathMappingV2, domainNameAccessAssociation, domainNameV2 } from './private-domains.ts';
import { restApi } from './rest-api.ts';

/** The CloudFormation resource types of API Gateway (REST APIs). */
const types: ResourceTypes = {
  'AWS::ApiGateway::RestApi': restApi,
  'AWS::ApiGateway::Resource': resource,
  'AWS::ApiGateway::Method': method,
  'AWS::ApiGateway::Deployment': deployment,
  'AWS::ApiGateway::Stage': stage,
  'AWS::ApiGateway::ApiKey': apiKey,
  'AWS::ApiGateway::UsagePlan': usagePlan,
  'AWS::ApiGateway::UsagePlanKey': usagePlanKey,
  'AWS::ApiGateway::Authorizer': authorizer,
  'AWS::ApiGateway::Model': model,
  'AWS::ApiGateway::RequestValidator': requestValidator,
  'AWS::ApiGateway::GatewayResponse': gatewayResponse,
  'AWS::ApiGateway::Account': account,
  'AWS::ApiGateway::DomainName': domainName,
  'AWS::ApiGateway::BasePathMapping': basePathMapping,
  'AWS::ApiGateway::DocumentationPart': documentationPart,
  'AWS::ApiGateway::DocumentationVersion': documentationVersion,
  'AWS::ApiGateway::ClientCertificate': clientCertificate,
  'AWS::ApiGateway::VpcLink': vpcLink,
  'AWS::ApiGateway::DomainNameV2': domainNameV2,
  'AWS::ApiGateway::BasePathMappingV2': basePathMappingV2,
  'AWS::ApiGateway::DomainNameAccessAssociation': domainNameAccessAssociation,
};

export default types;
