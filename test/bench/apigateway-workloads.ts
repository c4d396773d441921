import { Agent, request } from 'node:http';
import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { abort, clientOptions } from './clients.ts';
import type { Workload } from './workloads.ts';

/**
 * A deployed REST API's MOCK method through its execute-api URL (plain HTTP with keep-alive, as a client calls it): the
 * cost of API Gateway's own pipeline (routing, mapping templates, the response) without a backend. API Gateway ->
 * Lambda against a direct Invoke is `npm run bench:apigateway`.
 */
export const APIGATEWAY_WORKLOADS: Workload[] = [
  {
    name: 'API Gateway REST GET, MOCK integration with a mapping template (execute-api URL)',
    service: 'apigateway',
    async prepare(endpoint) {
      const client = new APIGatewayClient(clientOptions(endpoint));
      const api = await client.send(new CreateRestApiCommand({ name: `bench-${Date.now()}` }), abort());
      const root = (await client.send(new GetResourcesCommand({ restApiId: api.id }), abort())).items![0];
      const method = { restApiId: api.id, resourceId: root.id, httpMethod: 'GET' };
      await client.send(new PutMethodCommand({ ...method, authorizationType: 'NONE' }), abort());
      await client.send(new PutIntegrationCommand({ ...method, type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }), abort());
      await client.send(new PutMethodResponseCommand({ ...method, statusCode: '200' }), abort());
      await client.send(new PutIntegrationResponseCommand({ ...method, statusCode: '200', responseTemplates: { 'application/json': '{"stage": "$context.stage"}' } }), abort());
      await client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'bench' }), abort());
      const url = new URL(endpoint);
      const agent = new Agent({ keepAlive: true, maxSockets: 64 });
      const host = `${api.id}.execute-api.localhost.localstack.cloud:${url.port}`;
      const op = () =>
        new Promise<void>((resolve, reject) => {
          const req = request({ host: url.hostname, port: url.port, path: '/bench/', agent, headers: { host }, signal: AbortSignal.timeout(10_000) }, (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
          });
          req.on('error', reject);
          req.end();
        });
      return { op };
    },
  },
];
