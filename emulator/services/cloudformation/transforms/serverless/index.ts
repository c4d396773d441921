import type { Properties } from '../../provider.ts';
import type { Template, TemplateResource } from '../../template/parse.ts';
import { declareRestApi, expandApis } from './apis.ts';
import { addHttpApiRoutes, declareHttpApi } from './http-api.ts';
import { renameReferences, TransformErrorFor, TransformErrors, type Expansion } from './context.ts';
import { expandConnector, withEmbeddedConnectors } from './connector.ts';
import { addCodeDeployResources } from './deployment-preference.ts';
import { expandFunction } from './function.ts';
import { addImplicitApiPaths, samResourceOrders } from './implicit-api.ts';
import { expandLayerVersion, expandSimpleTable, expandStateMachine } from './others.ts';
import { expandWebSocketApi } from './websocket-api.ts';
import { expandApplication } from './application.ts';
import { expandGraphQlApi } from './graphql-api.ts';

export const SERVERLESS = 'AWS::Serverless-2016-10-31';

const CONNECTOR = 'AWS::Serverless::Connector';

type Expander = (expansion: Expansion, id: string, resource: TemplateResource) => void;

const EXPANDERS: Record<string, Expander> = {
  'AWS::Serverless::Function': expandFunction,
  'AWS::Serverless::SimpleTable': expandSimpleTable,
  'AWS::Serverless::LayerVersion': expandLayerVersion,
  'AWS::Serverless::StateMachine': expandStateMachine,
  'AWS::Serverless::WebSocketApi': expandWebSocketApi,
  'AWS::Serverless::Application': expandApplication,
  'AWS::Serverless::GraphQLApi': expandGraphQlApi,
};

/**
 * The resources in the order SAM translates them: functions, then state machines (whose events edit the APIs), then the
 * rest, each group in SAM's dict order, which orders an API's definition and the names in its deployment's hash.
 */
function samOrder(resources: Record<string, TemplateResource>, order: string[]): [string, TemplateResource][] {
  const rank = (type: string | undefined) => (type === 'AWS::Serverless::Function' ? 0 : type === 'AWS::Serverless::StateMachine' ? 1 : 2);
  return order.map((id) => [id, resources[id]] as [string, TemplateResource]).sort(([, a], [, b]) => rank(a.Type) - rank(b.Type));
}

/**
 * The `AWS::Serverless-2016-10-31` transform: each `AWS::Serverless::*` resource becomes the CloudFormation resources
 * AWS SAM makes of it (with SAM's logical ids), `Globals` applies to them, and the transform leaves the template's
 * `Transform` list. Errors carry SAM's wording; the caller reports them as the transform's failure. SAM resolves
 * references to the stack's parameters (`parameterValues`, with AWS::Region and AWS::Partition) in a few properties.
 */
export function serverlessTransform(template: Template & { Globals?: Record<string, Properties> }, partition: string, parameterValues: Record<string, unknown> = {}): Template {
  const { Globals, ...rest } = template;
  // Like SAM, an invalid resource does not stop the others' translation: their errors are reported together.
  const errors: TransformErrorFor[] = [];
  const resources = withEmbeddedConnectors(template.Resources ?? {}, errors);
  const expansion: Expansion = { resources: {}, source: resources, restApis: new Map(), httpApis: new Map(), httpEvents: new Map(), globals: Globals ?? {}, partition, parameterValues, conditions: {}, deploymentGroups: new Map(), renamed: new Map() };
  // SAM orders the template's own resources (see samResourceOrders); the embedded connectors come after them.
  const orders = samResourceOrders(template.Resources ?? {});
  const embedded = Object.keys(resources).filter((id) => !orders.translation.includes(id));
  const source = samOrder(resources, [...orders.translation, ...embedded]);
  // APIs first, so that functions' events can find them whatever the order of the template.
  for (const [id, resource] of source) {
    if (resource.Type === 'AWS::Serverless::Api') declareRestApi(expansion, id, resource);
    else if (resource.Type === 'AWS::Serverless::HttpApi') declareHttpApi(expansion, id, resource);
  }
  addImplicitApiPaths(expansion, resources, orders.plugin);
  // The implicit HTTP API plugin reports its events' errors before anything is translated.
  const routeErrors = addHttpApiRoutes(expansion, resources, orders.plugin);
  if (routeErrors.length) throw new TransformErrors(routeErrors);
  const attempt = (expand: () => void) => {
    try {
      expand();
    } catch (error) {
      if (!(error instanceof TransformErrorFor)) throw error;
      errors.push(error);
    }
  };
  for (const [id, resource] of source) {
    if (resource.Type === 'AWS::Serverless::Api' || resource.Type === 'AWS::Serverless::HttpApi' || resource.Type === CONNECTOR) continue;
    if (typeof resource.Type !== 'string' || !resource.Type.startsWith('AWS::Serverless::')) {
      // An S3 event may have made its edited copy already.
      expansion.resources[id] ??= resource;
      continue;
    }
    if (!Object.hasOwn(EXPANDERS, resource.Type)) throw new Error(`Resource with id [${id}] is invalid. Resource type '${resource.Type}' is not supported by twinstack yet.`);
    attempt(() => EXPANDERS[resource.Type!](expansion, id, resource));
  }
  expandApis(expansion, attempt);
  // Connectors last: their profiles read the processed resources.
  for (const [id, resource] of source) if (resource.Type === CONNECTOR) attempt(() => expandConnector(expansion, id, resource));
  addCodeDeployResources(expansion);
  if (errors.length) throw new TransformErrors(errors);
  const transforms = [template.Transform].flat().filter((t) => t !== SERVERLESS);
  const out = renameReferences({ ...rest, Resources: expansion.resources }, expansion.renamed) as Template;
  if (Object.keys(expansion.conditions).length) out.Conditions = { ...(rest.Conditions ?? {}), ...expansion.conditions };
  if (transforms.length) out.Transform = transforms.length === 1 ? transforms[0] : transforms;
  else delete out.Transform;
  return out;
}
