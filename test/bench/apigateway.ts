import { Agent, request } from 'node:http';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  PutIntegrationCommand,
  PutMethodCommand,
} from '@aws-sdk/client-api-gateway';
import { AddPermissionCommand, CreateFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { strToU8, zipSync } from 'fflate';
import { startTwinstack } from '../../emulator/index.ts';

/**
 * API Gateway -> Lambda on this machine (`npm run bench:apigateway`): a REST API's Lambda proxy route against a direct
 * Invoke of the same warm Node.js function: p50/p99 latency of each, the latency API Gateway adds, and requests per
 * second at concurrency 1 and 16 through the execute-api URL (plain HTTP with keep-alive, as a client would call it).
 */
const SAMPLES = 400;
const THROUGHPUT_MS = 3000;
const REGION = 'us-east-1';

const aws = await startTwinstack({ port: 0, services: ['apigateway', 'lambda', 'sts'] });
const options = { endpoint: aws.endpoint, region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
const lambda = new LambdaClient(options);
const apigw = new APIGatewayClient(options);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const source = 'export const handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ path: event.path }) });\n';
await lambda.send(
  new CreateFunctionCommand({ FunctionName: 'bench-api', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/bench', Code: { ZipFile: zipSync({ 'index.mjs': strToU8(source) }) } }),
);
await lambda.send(new AddPermissionCommand({ FunctionName: 'bench-api', StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' }));
const api = await apigw.send(new CreateRestApiCommand({ name: 'bench' }));
const resource = await apigw.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: '{proxy+}' }));
await apigw.send(new PutMethodCommand({ restApiId: api.id, resourceId: resource.id, httpMethod: 'ANY', authorizationType: 'NONE' }));
await apigw.send(
  new PutIntegrationCommand({
    restApiId: api.id,
    resourceId: resource.id,
    httpMethod: 'ANY',
    type: 'AWS_PROXY',
    integrationHttpMethod: 'POST',
    uri: `arn:aws:apigateway:${REGION}:lambda:path/2015-03-31/functions/arn:aws:lambda:${REGION}:000000000000:function:bench-api/invocations`,
  }),
);
await apigw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'bench' }));

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const url = new URL(aws.endpoint);
const host = `${api.id}.execute-api.localhost.localstack.cloud:${url.port}`;

function viaApi(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: '/bench/items/1', agent, headers: { host } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - start) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function direct(): Promise<number> {
  const start = performance.now();
  await lambda.send(new InvokeCommand({ FunctionName: 'bench-api', Payload: Buffer.from('{"path":"/items/1"}') }));
  return performance.now() - start;
}

async function sample(call: () => Promise<number>): Promise<number[]> {
  for (let i = 0; i < 20; i++) await call();
  const out: number[] = [];
  for (let i = 0; i < SAMPLES; i++) out.push(await call());
  return out.sort((a, b) => a - b);
}

async function throughput(call: () => Promise<number>, concurrency: number): Promise<number> {
  await Promise.all(Array.from({ length: concurrency }, () => call()));
  let done = 0;
  const ends = performance.now() + THROUGHPUT_MS;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < ends) {
        await call();
        done++;
      }
    }),
  );
  return done / (THROUGHPUT_MS / 1000);
}

const invoke = await sample(direct);
const proxied = await sample(viaApi);
console.log(
  `direct Invoke p50 ${percentile(invoke, 50).toFixed(2)} ms, p99 ${percentile(invoke, 99).toFixed(2)} ms; ` +
    `API Gateway -> Lambda p50 ${percentile(proxied, 50).toFixed(2)} ms, p99 ${percentile(proxied, 99).toFixed(2)} ms; ` +
    `added p50 ${(percentile(proxied, 50) - percentile(invoke, 50)).toFixed(2)} ms`,
);
console.log(`API Gateway -> Lambda: ${(await throughput(viaApi, 1)).toFixed(0)} req/s at c=1, ${(await throughput(viaApi, 16)).toFixed(0)} req/s at c=16`);
agent.destroy();
lambda.destroy();
apigw.destroy();
await aws.stop();
