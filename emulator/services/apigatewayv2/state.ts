import type {
  Api,
  ApiMapping,
  Authorizer,
  Deployment,
  DomainName,
  GetPortalProductResponse,
  GetPortalResponse,
  GetProductPageResponse,
  GetProductRestEndpointPageResponse,
  Integration,
  IntegrationResponse,
  Model,
  Route,
  RoutingRule,
  RouteResponse,
  Stage,
  VpcLink,
} from '@aws-sdk/client-apigatewayv2';
import { buildArn } from '../../core/arn.ts';
import type { WebSocketConnection } from '../apigateway/execute/websocket/connection.ts';
import { AwsError } from '../../core/errors.ts';

/** What a deployment froze: routes, integrations and authorizers (auto-deploy stages serve the live ones). */
export interface V2Snapshot {
  routes: Route[];
  integrations: Integration[];
  authorizers: Authorizer[];
  /** WebSocket APIs: route responses by route id (a `$default` one makes a route two-way), integration responses by integration id. */
  routeResponses?: Record<string, RouteResponse[]>;
  integrationResponses?: Record<string, IntegrationResponse[]>;
  /** Whether clients are refused on the default execute-api endpoint (custom domain names only). */
  disableExecuteApiEndpoint?: boolean;
}

export interface StoredV2Api {
  api: Api & { ApiId: string; ProtocolType: 'HTTP' | 'WEBSOCKET' };
  routes: Map<string, Route>;
  routeResponses: Map<string, Map<string, RouteResponse>>;
  integrations: Map<string, Integration>;
  integrationResponses: Map<string, Map<string, IntegrationResponse>>;
  authorizers: Map<string, Authorizer>;
  models: Map<string, Model>;
  stages: Map<string, Stage>;
  deployments: Map<string, Deployment & { snapshot: V2Snapshot }>;
}

export interface StoredPortal {
  portal: GetPortalResponse & { PortalId: string; PortalArn: string };
}

export interface StoredPortalProduct {
  product: GetPortalProductResponse & { PortalProductId: string; PortalProductArn: string };
  pages: Map<string, GetProductPageResponse & { ProductPageId: string }>;
  endpointPages: Map<string, GetProductRestEndpointPageResponse & { ProductRestEndpointPageId: string }>;
  sharingPolicy?: string;
}

/** API Gateway v2 (HTTP and WebSocket APIs) for one account and region. */
export class ApiGatewayV2State {
  readonly apis = new Map<string, StoredV2Api>();
  readonly domainNames = new Map<string, DomainName>();
  readonly apiMappings = new Map<string, Map<string, ApiMapping>>();
  readonly vpcLinks = new Map<string, VpcLink>();
  /** Routing rules of custom domain names, by domain name then rule id. */
  readonly routingRules = new Map<string, Map<string, RoutingRule>>();
  /** Developer portals, their products and the products' pages (see operations/portals.ts). */
  readonly portals = new Map<string, StoredPortal>();
  readonly portalProducts = new Map<string, StoredPortalProduct>();
  readonly tags = new Map<string, Record<string, string>>();
  /** Lambda authorizer results cached per authorizer and identity. */
  readonly authorizerCache = new Map<string, { expiresMs: number; result: unknown }>();
  /** JWKS key sets of JWT authorizers' issuers, fetched once per issuer (jose's remote key sets). */
  readonly keySets = new Map<string, unknown>();
  /** Clients connected to this account's WebSocket APIs, by connection id (sockets: never persisted). */
  readonly connections = new Map<string, WebSocketConnection>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  arn(path: string): string {
    return buildArn({ service: 'apigateway', region: this.region, accountId: '', resource: path });
  }

  /** ARNs of resources AWS names with the owning account (routing rules, portals and their products). */
  accountArn(path: string): string {
    return buildArn({ service: 'apigateway', region: this.region, accountId: this.accountId, resource: path });
  }

  api(id: string | undefined): StoredV2Api {
    const found = id !== undefined ? this.apis.get(id) : undefined;
    if (!found) throw notFound(`Invalid API identifier specified ${this.accountId}:${id}`, 'Api');
    return found;
  }
}

export const notFound = (message: string, resourceType?: string) => new AwsError('NotFoundException', message, { status: 404, fields: resourceType ? { resourceType } : undefined });
export const badRequest = (message: string) => new AwsError('BadRequestException', message, { status: 400 });
export const conflict = (message: string) => new AwsError('ConflictException', message, { status: 409 });

/** One of an API's children by id, else AWS's `Invalid <Kind> identifier specified`. */
export function childOf<T>(map: Map<string, T>, id: string | undefined, kind: string): T {
  const found = id !== undefined ? map.get(id) : undefined;
  if (!found) throw notFound(`Invalid ${kind} identifier specified ${id}`, kind);
  return found;
}
