import { jsonText } from '../../cloudformation/provider.ts';
import { jsonAsGiven } from '../../cloudformation/read-back.ts';
import { apiPart } from './common.ts';

/** `AWS::ApiGatewayV2::Model`: Ref and GetAtt ModelId; templates give the JSON schema as an object or as text. */
export const model = apiPart('Model', ['Name', 'Schema', 'ContentType', 'Description'], {
  convert: (p) => ({ ...p, Schema: jsonText(p.Schema) }),
  readBack: (answer, given) => ({ ...answer, Schema: jsonAsGiven(given.Schema, answer.Schema) }),
});

/** `AWS::ApiGatewayV2::RouteResponse` of a WebSocket route: Ref and GetAtt RouteResponseId. */
export const routeResponse = apiPart('RouteResponse', ['RouteResponseKey', 'ModelSelectionExpression', 'ResponseModels', 'ResponseParameters'], { parents: ['ApiId', 'RouteId'] });

/** `AWS::ApiGatewayV2::IntegrationResponse` of a WebSocket integration: Ref and GetAtt IntegrationResponseId. */
export const integrationResponse = apiPart('IntegrationResponse', ['IntegrationResponseKey', 'ContentHandlingStrategy', 'ResponseParameters', 'ResponseTemplates', 'TemplateSelectionExpression'], {
  parents: ['ApiId', 'IntegrationId'],
});
