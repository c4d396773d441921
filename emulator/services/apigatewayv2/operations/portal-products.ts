import { partitionInfo } from '../../../core/arn.ts';
import type {
  CreatePortalProductRequest,
  CreateProductPageRequest,
  CreateProductRestEndpointPageRequest,
  DisplayContent,
  DisplayOrder,
  EndpointDisplayContent,
  GetPortalProductResponse,
  GetProductPageResponse,
  GetProductRestEndpointPageResponse,
  PortalProductSummary,
  ProductPageSummaryNoBody,
  ProductRestEndpointPageSummaryNoBody,
  RestEndpointIdentifier,
  UpdatePortalProductRequest,
  UpdateProductPageRequest,
  UpdateProductRestEndpointPageRequest,
} from '@aws-sdk/client-apigatewayv2';
import { badRequest, childOf, notFound, type StoredPortalProduct } from '../state.ts';
import { checkRestStage, clone, newId, page, type Ctx } from './common.ts';
import { checkLength } from './portals.ts';
import { tagsOf, writeTags, checkTagKeys } from './tags.ts';

// Portal products group documentation pages and REST endpoint pages, as AWS's API reference describes them. Products
// are this account's (`ResourceOwner` OTHER_ACCOUNTS lists none: no product is shared with it here).

function productOf(ctx: Ctx, id: string | undefined): StoredPortalProduct {
  const found = id !== undefined ? ctx.state.portalProducts.get(id) : undefined;
  if (!found) throw notFound(`Invalid PortalProduct identifier specified ${id}`, 'PortalProduct');
  return found;
}

const productOutput = (ctx: Ctx, stored: StoredPortalProduct): GetPortalProductResponse => ({ ...clone(stored.product), Tags: tagsOf(ctx.state, stored.product.PortalProductArn) });

/** The display order may name only this product's pages. */
function checkDisplayOrder(stored: StoredPortalProduct, order: DisplayOrder | undefined): void {
  if (!order) return;
  const pages = new Set([...stored.pages.values()].map((p) => p.ProductPageArn));
  const endpoints = new Set([...stored.endpointPages.values()].map((p) => p.ProductRestEndpointPageArn));
  for (const arn of [...(order.ProductPageArns ?? []), ...(order.OverviewPageArn ? [order.OverviewPageArn] : [])]) if (!pages.has(arn)) throw badRequest(`Invalid product page ARN ${arn}`);
  for (const section of order.Contents ?? []) {
    if (typeof section.SectionName !== 'string' || !Array.isArray(section.ProductRestEndpointPageArns)) throw badRequest('Each section must specify sectionName and productRestEndpointPageArns');
    for (const arn of section.ProductRestEndpointPageArns) if (!endpoints.has(arn)) throw badRequest(`Invalid product REST endpoint page ARN ${arn}`);
  }
}

export function createPortalProduct(input: CreatePortalProductRequest, ctx: Ctx): GetPortalProductResponse {
  checkTagKeys(input.Tags, ctx.caller);
  checkLength(input.DisplayName, 'displayName', 1, 255, true);
  checkLength(input.Description, 'description', 0, 1024);
  const id = newId(10);
  const stored: StoredPortalProduct = {
    product: {
      PortalProductId: id,
      PortalProductArn: ctx.state.accountArn(`/portalproducts/${id}`),
      DisplayName: input.DisplayName,
      Description: input.Description ?? '',
      DisplayOrder: { Contents: [], ProductPageArns: [] },
      LastModified: ctx.emulator.clock.date(),
    },
    pages: new Map(),
    endpointPages: new Map(),
  };
  ctx.state.portalProducts.set(id, stored);
  if (input.Tags) writeTags(ctx.state, stored.product.PortalProductArn, input.Tags);
  return productOutput(ctx, stored);
}

export function getPortalProduct(input: { PortalProductId: string }, ctx: Ctx): GetPortalProductResponse {
  return productOutput(ctx, productOf(ctx, input.PortalProductId));
}

export function listPortalProducts(input: { NextToken?: string; MaxResults?: string; ResourceOwner?: string }, ctx: Ctx): { Items: PortalProductSummary[]; NextToken?: string } {
  if (input.ResourceOwner !== undefined && input.ResourceOwner !== 'SELF' && input.ResourceOwner !== 'OTHER_ACCOUNTS') throw badRequest('resourceOwner must be SELF or OTHER_ACCOUNTS');
  const own = input.ResourceOwner === 'OTHER_ACCOUNTS' ? [] : [...ctx.state.portalProducts.values()];
  return page(
    own.map((p) => {
      const { DisplayOrder: _order, ...summary } = productOutput(ctx, p);
      return summary as PortalProductSummary;
    }),
    input,
  );
}

export function updatePortalProduct(input: UpdatePortalProductRequest, ctx: Ctx): GetPortalProductResponse {
  const stored = productOf(ctx, input.PortalProductId);
  checkLength(input.DisplayName, 'displayName', 1, 255);
  checkLength(input.Description, 'description', 0, 1024);
  checkDisplayOrder(stored, input.DisplayOrder);
  const product = stored.product;
  if (input.DisplayName !== undefined) product.DisplayName = input.DisplayName;
  if (input.Description !== undefined) product.Description = input.Description;
  if (input.DisplayOrder !== undefined) product.DisplayOrder = { Contents: clone(input.DisplayOrder.Contents ?? []), ProductPageArns: [...(input.DisplayOrder.ProductPageArns ?? [])], OverviewPageArn: input.DisplayOrder.OverviewPageArn };
  product.LastModified = ctx.emulator.clock.date();
  return productOutput(ctx, stored);
}

export function deletePortalProduct(input: { PortalProductId: string }, ctx: Ctx): Record<string, never> {
  const stored = productOf(ctx, input.PortalProductId);
  ctx.state.portalProducts.delete(input.PortalProductId);
  ctx.state.tags.delete(stored.product.PortalProductArn);
  return {};
}

export function putPortalProductSharingPolicy(input: { PortalProductId: string; PolicyDocument: string }, ctx: Ctx): Record<string, never> {
  const stored = productOf(ctx, input.PortalProductId);
  checkLength(input.PolicyDocument, 'policyDocument', 1, 307200, true);
  let policy: unknown;
  try {
    policy = JSON.parse(input.PolicyDocument);
  } catch {
    throw badRequest('Invalid policy document: it is not valid JSON');
  }
  if (!policy || typeof policy !== 'object' || !('Statement' in policy)) throw badRequest('Invalid policy document: it must contain a Statement');
  stored.sharingPolicy = input.PolicyDocument;
  return {};
}

export function getPortalProductSharingPolicy(input: { PortalProductId: string }, ctx: Ctx): { PolicyDocument: string; PortalProductId: string } {
  const stored = productOf(ctx, input.PortalProductId);
  if (stored.sharingPolicy === undefined) throw notFound(`No sharing policy exists for portal product ${input.PortalProductId}`, 'PortalProductSharingPolicy');
  return { PolicyDocument: stored.sharingPolicy, PortalProductId: stored.product.PortalProductId };
}

export function deletePortalProductSharingPolicy(input: { PortalProductId: string }, ctx: Ctx): Record<string, never> {
  const stored = productOf(ctx, input.PortalProductId);
  if (stored.sharingPolicy === undefined) throw notFound(`No sharing policy exists for portal product ${input.PortalProductId}`, 'PortalProductSharingPolicy');
  stored.sharingPolicy = undefined;
  return {};
}

function checkDisplayContent(content: DisplayContent | undefined, required: boolean): void {
  if (!content) {
    if (required) throw badRequest('displayContent must be specified');
    return;
  }
  checkLength(content.Title, 'title', 1, 255, true);
  checkLength(content.Body, 'body', 1, 32768, true);
}

export function createProductPage(input: CreateProductPageRequest, ctx: Ctx): GetProductPageResponse {
  const stored = productOf(ctx, input.PortalProductId);
  checkDisplayContent(input.DisplayContent, true);
  const id = newId(10);
  const created = { ProductPageId: id, ProductPageArn: `${stored.product.PortalProductArn}/productpages/${id}`, DisplayContent: clone(input.DisplayContent), LastModified: ctx.emulator.clock.date() };
  stored.pages.set(id, created);
  return clone(created);
}

export function getProductPage(input: { PortalProductId: string; ProductPageId: string }, ctx: Ctx): GetProductPageResponse {
  return clone(childOf(productOf(ctx, input.PortalProductId).pages, input.ProductPageId, 'ProductPage'));
}

export function listProductPages(input: { PortalProductId: string; NextToken?: string; MaxResults?: string }, ctx: Ctx): { Items: ProductPageSummaryNoBody[]; NextToken?: string } {
  const pages = [...productOf(ctx, input.PortalProductId).pages.values()];
  return page(
    pages.map((p) => ({ ProductPageId: p.ProductPageId, ProductPageArn: p.ProductPageArn, PageTitle: p.DisplayContent?.Title, LastModified: p.LastModified })),
    input,
  );
}

export function updateProductPage(input: UpdateProductPageRequest, ctx: Ctx): GetProductPageResponse {
  const found = childOf(productOf(ctx, input.PortalProductId).pages, input.ProductPageId, 'ProductPage');
  checkDisplayContent(input.DisplayContent, false);
  if (input.DisplayContent) found.DisplayContent = clone(input.DisplayContent);
  found.LastModified = ctx.emulator.clock.date();
  return clone(found);
}

export function deleteProductPage(input: { PortalProductId: string; ProductPageId: string }, ctx: Ctx): Record<string, never> {
  const stored = productOf(ctx, input.PortalProductId);
  childOf(stored.pages, input.ProductPageId, 'ProductPage');
  stored.pages.delete(input.ProductPageId);
  return {};
}

/** The REST endpoint's API and stage must exist (its method and path are documented as given). */
async function checkEndpoint(ctx: Ctx, identifier: RestEndpointIdentifier | undefined): Promise<NonNullable<RestEndpointIdentifier['IdentifierParts']>> {
  const parts = identifier?.IdentifierParts;
  if (!parts) throw badRequest('restEndpointIdentifier must specify identifierParts');
  checkLength(parts.Method, 'method', 1, 20, true);
  checkLength(parts.Path, 'path', 1, 4096, true);
  checkLength(parts.RestApiId, 'restApiId', 1, 50, true);
  checkLength(parts.Stage, 'stage', 1, 128, true);
  await checkRestStage(ctx, parts.RestApiId!, parts.Stage!);
  return parts;
}

function checkTryIt(state: string | undefined): void {
  if (state !== undefined && state !== 'ENABLED' && state !== 'DISABLED') throw badRequest('tryItState must be ENABLED or DISABLED');
}

/** What the page shows: the endpoint's invoke URL and operation, unless overridden. */
function displayOf(ctx: Ctx, parts: NonNullable<RestEndpointIdentifier['IdentifierParts']>, content: EndpointDisplayContent | undefined) {
  if (content && content.None !== undefined && content.Overrides !== undefined) throw badRequest('displayContent must specify exactly one of none, overrides');
  const overrides = content?.Overrides;
  checkLength(overrides?.Body, 'body', 1, 32768);
  checkLength(overrides?.Endpoint, 'endpoint', 1, 1024);
  checkLength(overrides?.OperationName, 'operationName', 1, 255);
  return {
    Endpoint: overrides?.Endpoint ?? `https://${parts.RestApiId}.execute-api.${ctx.region}.${partitionInfo(ctx.region).dnsSuffix}/${parts.Stage}`,
    OperationName: overrides?.OperationName,
    Body: overrides?.Body,
  };
}

export async function createProductRestEndpointPage(input: CreateProductRestEndpointPageRequest, ctx: Ctx): Promise<GetProductRestEndpointPageResponse> {
  const stored = productOf(ctx, input.PortalProductId);
  const parts = await checkEndpoint(ctx, input.RestEndpointIdentifier);
  checkTryIt(input.TryItState);
  const id = newId(10);
  const created = {
    ProductRestEndpointPageId: id,
    ProductRestEndpointPageArn: `${stored.product.PortalProductArn}/productrestendpointpages/${id}`,
    RestEndpointIdentifier: { IdentifierParts: { ...parts } },
    DisplayContent: displayOf(ctx, parts, input.DisplayContent),
    TryItState: input.TryItState ?? 'DISABLED',
    Status: 'AVAILABLE' as const,
    LastModified: ctx.emulator.clock.date(),
  };
  stored.endpointPages.set(id, created);
  return clone(created);
}

export function getProductRestEndpointPage(
  input: { PortalProductId: string; ProductRestEndpointPageId: string; IncludeRawDisplayContent?: string },
  ctx: Ctx,
): GetProductRestEndpointPageResponse {
  const found = clone(childOf(productOf(ctx, input.PortalProductId).endpointPages, input.ProductRestEndpointPageId, 'ProductRestEndpointPage'));
  if (input.IncludeRawDisplayContent === 'true') found.RawDisplayContent = found.DisplayContent?.Body ?? '';
  return found;
}

export function listProductRestEndpointPages(
  input: { PortalProductId: string; NextToken?: string; MaxResults?: string },
  ctx: Ctx,
): { Items: ProductRestEndpointPageSummaryNoBody[]; NextToken?: string } {
  const pages = [...productOf(ctx, input.PortalProductId).endpointPages.values()];
  return page(
    pages.map((p) => ({
      ProductRestEndpointPageId: p.ProductRestEndpointPageId,
      ProductRestEndpointPageArn: p.ProductRestEndpointPageArn,
      RestEndpointIdentifier: clone(p.RestEndpointIdentifier),
      Endpoint: p.DisplayContent?.Endpoint,
      OperationName: p.DisplayContent?.OperationName,
      Status: p.Status,
      TryItState: p.TryItState,
      LastModified: p.LastModified,
    })),
    input,
  );
}

export function updateProductRestEndpointPage(input: UpdateProductRestEndpointPageRequest, ctx: Ctx): GetProductRestEndpointPageResponse {
  const found = childOf(productOf(ctx, input.PortalProductId).endpointPages, input.ProductRestEndpointPageId, 'ProductRestEndpointPage');
  checkTryIt(input.TryItState);
  if (input.DisplayContent !== undefined) found.DisplayContent = displayOf(ctx, found.RestEndpointIdentifier!.IdentifierParts!, input.DisplayContent);
  if (input.TryItState !== undefined) found.TryItState = input.TryItState;
  found.LastModified = ctx.emulator.clock.date();
  return clone(found);
}

export function deleteProductRestEndpointPage(input: { PortalProductId: string; ProductRestEndpointPageId: string }, ctx: Ctx): Record<string, never> {
  const stored = productOf(ctx, input.PortalProductId);
  childOf(stored.endpointPages, input.ProductRestEndpointPageId, 'ProductRestEndpointPage');
  stored.endpointPages.delete(input.ProductRestEndpointPageId);
  return {};
}
