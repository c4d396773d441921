import type { Account, ApiKey, Authorizer, BasePathMapping, ClientCertificate, DocumentationPart, DocumentationVersion, DomainName, DomainNameAccessAssociation, GatewayResponse, Integration, Method, Model, RequestValidator, RestApi, Stage, UsagePlan, VpcLink } from '@aws-sdk/client-api-gateway';
import { buildArn } from '../../core/arn.ts';
import { notFound } from './errors.ts';

/** A method as stored: its integration (with integration responses) inside, as GetMethod returns it. */
export type StoredMethod = Method & { methodIntegration?: Integration };

export interface StoredResource {
  id: string;
  parentId?: string;
  pathPart?: string;
  /** httpMethod -> method */
  methods: Map<string, StoredMethod>;
}

/** What a deployment froze: the API's resources, methods and settings at CreateDeployment. */
export interface Snapshot {
  resources: { id: string; path: string; pathPart?: string; parentId?: string; methods: Record<string, StoredMethod> }[];
  binaryMediaTypes: string[];
  apiKeySource: string;
  authorizers: Authorizer[];
  requestValidators: RequestValidator[];
  models: Model[];
  gatewayResponses: GatewayResponse[];
  /** The REST API's resource policy when deployed. */
  policy?: string;
  /** Whether clients are refused on the default execute-api endpoint (custom domain names only). */
  disableExecuteApiEndpoint?: boolean;
}

export interface StoredDeployment {
  id: string;
  description?: string;
  createdDate: Date;
  snapshot: Snapshot;
}

export interface StoredApi {
  api: RestApi & { id: string; rootResourceId: string };
  resources: Map<string, StoredResource>;
  models: Map<string, Model>;
  authorizers: Map<string, Authorizer>;
  validators: Map<string, RequestValidator>;
  deployments: Map<string, StoredDeployment>;
  stages: Map<string, Stage>;
  gatewayResponses: Map<string, GatewayResponse>;
  documentationParts: Map<string, DocumentationPart>;
  documentationVersions: Map<string, DocumentationVersion>;
}

/** What usage a key made of a plan: requests per day (UTC date) for quotas and GetUsage. */
export interface UsageRecord {
  /** `YYYY-MM-DD` -> requests */
  days: Map<string, number>;
}

/** API Gateway (REST APIs) for one account and region. */
export class ApiGatewayState {
  readonly apis = new Map<string, StoredApi>();
  readonly apiKeys = new Map<string, ApiKey>();
  readonly usagePlans = new Map<string, UsagePlan>();
  /** plan id -> key ids */
  readonly usagePlanKeys = new Map<string, Set<string>>();
  /** `<plan id>/<key id>` -> usage */
  readonly usage = new Map<string, UsageRecord>();
  readonly domainNames = new Map<string, DomainName>();
  /** Access associations of private custom domain names with VPC endpoints, by association ARN. */
  readonly domainNameAccessAssociations = new Map<string, DomainNameAccessAssociation>();
  /** domain name -> base path ('(none)' for the empty one) -> mapping */
  readonly basePathMappings = new Map<string, Map<string, BasePathMapping>>();
  readonly clientCertificates = new Map<string, ClientCertificate>();
  readonly vpcLinks = new Map<string, VpcLink>();
  /** Resource ARN -> tags (stages, APIs, keys, plans, domains...). */
  readonly tags = new Map<string, Record<string, string>>();
  account: Account = { throttleSettings: { burstLimit: 5000, rateLimit: 10000 }, features: [], apiKeyVersion: '4' };
  /** Lambda authorizer results cached per authorizer and identity: key -> { expires, result }. */
  readonly authorizerCache = new Map<string, { expiresMs: number; result: unknown }>();
  /** Token buckets of usage-plan and stage throttles: key -> { tokens, updatedMs }. */
  readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  /** ARN of an API Gateway resource path (`/restapis/<id>`, `/apikeys/<id>`...): API Gateway's ARNs name no account. */
  arn(path: string): string {
    return buildArn({ service: 'apigateway', region: this.region, accountId: '', resource: path });
  }

  /**
   * The API, else `Invalid API identifier specified`; or `missing`, the error AWS gives instead when a child
   * (resource, method, model, validator) is looked up in an API that does not exist.
   */
  api(id: string | undefined, missing?: () => Error): StoredApi {
    const found = id !== undefined ? this.apis.get(id) : undefined;
    if (!found) throw missing?.() ?? notFound(`Invalid API identifier specified ${this.accountId}:${id}`);
    return found;
  }
}

export const noResource = () => notFound('Invalid Resource identifier specified');

export function resourceOf(api: StoredApi, id: string | undefined): StoredResource {
  const found = id !== undefined ? api.resources.get(id) : undefined;
  if (!found) throw noResource();
  return found;
}

/** A resource's full path from its ancestors' path parts. */
export function pathOf(api: StoredApi, resource: StoredResource): string {
  const parts: string[] = [];
  for (let r: StoredResource | undefined = resource; r?.parentId !== undefined; r = api.resources.get(r.parentId)) parts.unshift(r.pathPart!);
  return `/${parts.join('/')}`;
}

export function methodOf(resource: StoredResource, httpMethod: string | undefined): StoredMethod {
  const found = httpMethod !== undefined ? resource.methods.get(httpMethod.toUpperCase()) : undefined;
  if (!found) throw notFound('Invalid Method identifier specified');
  return found;
}

/** Deletes what `find` proves exists (else its not-found error) from every map keyed by `key`; AWS answers `{}`. */
export function deleteFound(find: () => unknown, key: string, ...maps: Map<string, unknown>[]): Record<string, never> {
  find();
  for (const map of maps) map.delete(key);
  return {};
}
