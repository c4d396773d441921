import assert from 'node:assert/strict';
import { CreateDeploymentCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import {
  CreatePortalCommand,
  CreatePortalProductCommand,
  CreateProductPageCommand,
  CreateProductRestEndpointPageCommand,
  DeletePortalCommand,
  DeletePortalProductCommand,
  DeletePortalProductSharingPolicyCommand,
  DeleteProductPageCommand,
  DeleteProductRestEndpointPageCommand,
  DisablePortalCommand,
  GetPortalCommand,
  GetPortalProductCommand,
  GetPortalProductSharingPolicyCommand,
  GetProductPageCommand,
  GetProductRestEndpointPageCommand,
  GetTagsCommand,
  ListPortalProductsCommand,
  ListPortalsCommand,
  ListProductPagesCommand,
  ListProductRestEndpointPagesCommand,
  PreviewPortalCommand,
  PublishPortalCommand,
  PutPortalProductSharingPolicyCommand,
  UpdatePortalCommand,
  UpdatePortalProductCommand,
  UpdateProductPageCommand,
  UpdateProductRestEndpointPageCommand,
} from '@aws-sdk/client-apigatewayv2';
import { useApiGateway } from './support.ts';

const REGION = 'eu-west-1';
const COLORS = { AccentColor: '#ff0000', BackgroundColor: '#ffffff', ErrorValidationColor: '#aa0000', HeaderColor: '#000000', NavigationColor: '#333333', TextColor: '#111111' };

// Portals as AWS's API reference and developer guide ("Create a portal in API Gateway") describe them; no
// AWS-recorded snapshots of portals exist in the reference data.
describe('API Gateway portals and portal products', function () {
  this.timeout(60_000);
  const gw = useApiGateway({ region: REGION });

  it('creates portal products with documentation and REST endpoint pages, and a sharing policy', async () => {
    const product = await gw.v2.send(new CreatePortalProductCommand({ DisplayName: 'Pets', Description: 'The pets API', Tags: { team: 'a' } }));
    assert.match(product.PortalProductId!, /^[a-z0-9]{10,30}$/);
    assert.equal(product.PortalProductArn, `arn:aws:apigateway:${REGION}:000000000000:/portalproducts/${product.PortalProductId}`);
    assert.deepEqual(product.DisplayOrder, { Contents: [], ProductPageArns: [] });
    assert.deepEqual((await gw.v2.send(new GetTagsCommand({ ResourceArn: product.PortalProductArn }))).Tags, { team: 'a' });
    await assert.rejects(gw.v2.send(new CreatePortalProductCommand({ DisplayName: '' })), { name: 'BadRequestException' });

    const id = product.PortalProductId!;
    const pageOut = await gw.v2.send(new CreateProductPageCommand({ PortalProductId: id, DisplayContent: { Title: 'Getting started', Body: '# Hello' } }));
    assert.equal(pageOut.ProductPageArn, `${product.PortalProductArn}/productpages/${pageOut.ProductPageId}`);
    await gw.v2.send(new UpdateProductPageCommand({ PortalProductId: id, ProductPageId: pageOut.ProductPageId, DisplayContent: { Title: 'Start here', Body: '# Hi' } }));
    assert.equal((await gw.v2.send(new GetProductPageCommand({ PortalProductId: id, ProductPageId: pageOut.ProductPageId }))).DisplayContent!.Title, 'Start here');
    const pages = await gw.v2.send(new ListProductPagesCommand({ PortalProductId: id }));
    assert.deepEqual(pages.Items!.map((p) => [p.PageTitle, p.ProductPageId]), [['Start here', pageOut.ProductPageId]]);
    await assert.rejects(gw.v2.send(new CreateProductPageCommand({ PortalProductId: 'nope000000', DisplayContent: { Title: 't', Body: 'b' } })), { name: 'NotFoundException' });

    const api = await gw.v1.send(new CreateRestApiCommand({ name: 'pets' }));
    const root = (await gw.v1.send(new GetResourcesCommand({ restApiId: api.id }))).items![0];
    await gw.v1.send(new PutMethodCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await gw.v1.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: root.id, httpMethod: 'GET', type: 'MOCK' }));
    await gw.v1.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'prod' }));
    const parts = { RestApiId: api.id, Stage: 'prod', Method: 'GET', Path: '/' };
    await assert.rejects(gw.v2.send(new CreateProductRestEndpointPageCommand({ PortalProductId: id, RestEndpointIdentifier: { IdentifierParts: { ...parts, Stage: 'beta' } } })), { name: 'BadRequestException' });
    const endpoint = await gw.v2.send(new CreateProductRestEndpointPageCommand({ PortalProductId: id, RestEndpointIdentifier: { IdentifierParts: parts } }));
    assert.equal(endpoint.DisplayContent!.Endpoint, `https://${api.id}.execute-api.${REGION}.amazonaws.com/prod`);
    assert.equal(endpoint.TryItState, 'DISABLED');
    assert.equal(endpoint.Status, 'AVAILABLE');
    const overridden = await gw.v2.send(
      new UpdateProductRestEndpointPageCommand({ PortalProductId: id, ProductRestEndpointPageId: endpoint.ProductRestEndpointPageId, TryItState: 'ENABLED', DisplayContent: { Overrides: { OperationName: 'ListPets', Body: 'Lists pets' } } }),
    );
    assert.deepEqual([overridden.TryItState, overridden.DisplayContent!.OperationName], ['ENABLED', 'ListPets']);
    const raw = await gw.v2.send(new GetProductRestEndpointPageCommand({ PortalProductId: id, ProductRestEndpointPageId: endpoint.ProductRestEndpointPageId, IncludeRawDisplayContent: 'true' }));
    assert.equal(raw.RawDisplayContent, 'Lists pets');
    const endpoints = await gw.v2.send(new ListProductRestEndpointPagesCommand({ PortalProductId: id }));
    assert.deepEqual(endpoints.Items!.map((e) => e.OperationName), ['ListPets']);

    // The display order names this product's pages only.
    await assert.rejects(gw.v2.send(new UpdatePortalProductCommand({ PortalProductId: id, DisplayOrder: { ProductPageArns: ['arn:aws:apigateway:eu-west-1:000000000000:/portalproducts/x/productpages/y'] } })), { name: 'BadRequestException' });
    const ordered = await gw.v2.send(
      new UpdatePortalProductCommand({
        PortalProductId: id,
        DisplayName: 'Pets v2',
        DisplayOrder: { OverviewPageArn: pageOut.ProductPageArn, ProductPageArns: [pageOut.ProductPageArn!], Contents: [{ SectionName: 'Pets', ProductRestEndpointPageArns: [endpoint.ProductRestEndpointPageArn!] }] },
      }),
    );
    assert.equal(ordered.DisplayName, 'Pets v2');
    assert.equal(ordered.DisplayOrder!.Contents![0].SectionName, 'Pets');
    assert.equal((await gw.v2.send(new ListPortalProductsCommand({}))).Items!.length, 1);
    assert.equal((await gw.v2.send(new ListPortalProductsCommand({ ResourceOwner: 'OTHER_ACCOUNTS' }))).Items!.length, 0);

    await assert.rejects(gw.v2.send(new GetPortalProductSharingPolicyCommand({ PortalProductId: id })), { name: 'NotFoundException' });
    await assert.rejects(gw.v2.send(new PutPortalProductSharingPolicyCommand({ PortalProductId: id, PolicyDocument: 'not json' })), { name: 'BadRequestException' });
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 'apigateway:GetPortalProduct', Resource: product.PortalProductArn }] });
    await gw.v2.send(new PutPortalProductSharingPolicyCommand({ PortalProductId: id, PolicyDocument: policy }));
    assert.equal((await gw.v2.send(new GetPortalProductSharingPolicyCommand({ PortalProductId: id }))).PolicyDocument, policy);
    await gw.v2.send(new DeletePortalProductSharingPolicyCommand({ PortalProductId: id }));

    await gw.v2.send(new DeleteProductRestEndpointPageCommand({ PortalProductId: id, ProductRestEndpointPageId: endpoint.ProductRestEndpointPageId }));
    await gw.v2.send(new DeleteProductPageCommand({ PortalProductId: id, ProductPageId: pageOut.ProductPageId }));
    await assert.rejects(gw.v2.send(new GetProductPageCommand({ PortalProductId: id, ProductPageId: pageOut.ProductPageId })), { name: 'NotFoundException' });
  });

  it('creates, previews, publishes, disables and deletes portals', async () => {
    const product = await gw.v2.send(new CreatePortalProductCommand({ DisplayName: 'Orders' }));
    const input = {
      Authorization: { None: {} },
      EndpointConfiguration: { None: {} },
      PortalContent: { DisplayName: 'Dev portal', Theme: { CustomColors: COLORS } },
      IncludedPortalProductArns: [product.PortalProductArn!],
    };
    await assert.rejects(gw.v2.send(new CreatePortalCommand({ ...input, Authorization: {} })), { name: 'BadRequestException' });
    await assert.rejects(gw.v2.send(new CreatePortalCommand({ ...input, PortalContent: { DisplayName: 'ab', Theme: { CustomColors: COLORS } } })), { name: 'BadRequestException' });
    await assert.rejects(gw.v2.send(new CreatePortalCommand({ ...input, IncludedPortalProductArns: ['arn:aws:apigateway:eu-west-1:000000000000:/portalproducts/missing'] })), { name: 'BadRequestException' });
    const portal = await gw.v2.send(new CreatePortalCommand({ ...input, Tags: { env: 'dev' } }));
    assert.equal(portal.PublishStatus, 'DISABLED');
    assert.equal(portal.PortalArn, `arn:aws:apigateway:${REGION}:000000000000:/portals/${portal.PortalId}`);
    assert.equal(portal.EndpointConfiguration!.PortalDefaultDomainName, `p-${portal.PortalId}.apigw-portal.${REGION}.on.aws`);
    assert.deepEqual(portal.Tags, { env: 'dev' });

    await gw.v2.send(new PreviewPortalCommand({ PortalId: portal.PortalId }));
    assert.equal((await gw.v2.send(new GetPortalCommand({ PortalId: portal.PortalId }))).Preview!.PreviewStatus, 'PREVIEW_READY');
    await gw.v2.send(new PublishPortalCommand({ PortalId: portal.PortalId, Description: 'first' }));
    const published = await gw.v2.send(new GetPortalCommand({ PortalId: portal.PortalId }));
    assert.deepEqual([published.PublishStatus, published.LastPublishedDescription], ['PUBLISHED', 'first']);
    assert.ok(published.LastPublished instanceof Date);
    const updated = await gw.v2.send(
      new UpdatePortalCommand({ PortalId: portal.PortalId, EndpointConfiguration: { AcmManaged: { DomainName: 'dev.example.com', CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/abc' } } }),
    );
    assert.equal(updated.EndpointConfiguration!.DomainName, 'dev.example.com');
    await gw.v2.send(new DisablePortalCommand({ PortalId: portal.PortalId }));
    assert.equal((await gw.v2.send(new ListPortalsCommand({}))).Items![0].PublishStatus, 'DISABLED');
    await gw.v2.send(new DeletePortalCommand({ PortalId: portal.PortalId }));
    await assert.rejects(gw.v2.send(new GetPortalCommand({ PortalId: portal.PortalId })), { name: 'NotFoundException' });
    await gw.v2.send(new DeletePortalProductCommand({ PortalProductId: product.PortalProductId }));
    await assert.rejects(gw.v2.send(new GetPortalProductCommand({ PortalProductId: product.PortalProductId })), { name: 'NotFoundException' });
  });
});
