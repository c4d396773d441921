import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { AddPermissionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startTwinstack, type Twinstack, type TwinstackOptions } from '../../emulator/index.ts';
import { createFunction } from '../lambda/support.ts';

export const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface ApiGatewayContext {
  aws: Twinstack;
  v1: APIGatewayClient;
  v2: ApiGatewayV2Client;
  lambda: LambdaClient;
  /** What the clients were made with: endpoint, region and credentials, for more clients of the same twinstack. */
  clientOptions: { endpoint: string; region: string; credentials: typeof CREDENTIALS };
}

/**
 * Starts twinstack around a mocha suite (API Gateway v1 and v2 and STS unless `services` says otherwise, plus any
 * other start option) with API Gateway v1, v2 and Lambda clients in `region` (default us-east-1).
 */
export function useApiGateway(options: TwinstackOptions & { region?: string } = {}): ApiGatewayContext {
  const context = {} as ApiGatewayContext;
  const { region = 'us-east-1', ...start } = options;
  before(async () => {
    context.aws = await startTwinstack({ port: 0, services: ['apigateway', 'apigatewayv2', 'sts'], ...start });
    context.clientOptions = { endpoint: context.aws.endpoint, region, credentials: CREDENTIALS };
    context.v1 = new APIGatewayClient(context.clientOptions);
    context.v2 = new ApiGatewayV2Client(context.clientOptions);
    context.lambda = new LambdaClient(context.clientOptions);
  });
  after(async () => {
    context.v1.destroy();
    context.v2.destroy();
    context.lambda.destroy();
    await context.aws.stop();
  });
  return context;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body's bytes, and the same as UTF-8 text. */
  bytes: Buffer;
  text: string;
  json<T = unknown>(): T;
}

/** A plain HTTP request (no AWS signing), with any Host header, as a browser or curl would send it. */
export function http(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const text = bytes.toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, bytes, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** `http://<api-id>.execute-api.localhost.localstack.cloud:<port>`: the Host header of an API's execute URL. */
export function executeHost(endpoint: string, apiId: string): string {
  return `${apiId}.execute-api.localhost.localstack.cloud:${new URL(endpoint).port}`;
}

/** A Node.js function from its source, which API Gateway may invoke (the permission AWS requires); returns its name. */
export async function apiFunction(lambda: LambdaClient, source: string): Promise<string> {
  const name = await createFunction(lambda, { 'index.js': source }, { Runtime: 'nodejs20.x', Handler: 'index.handler' });
  await lambda.send(new AddPermissionCommand({ FunctionName: name, StatementId: 'apigw', Action: 'lambda:InvokeFunction', Principal: 'apigateway.amazonaws.com' }));
  return name;
}

/**
 * A request signed with SigV4 for `execute-api`, as a client of an IAM-authorized API signs it (the AWS SDK's signer),
 * sent to `url` with `host` as its Host header.
 */
export async function signedHttp(
  url: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  options: { host: string; method?: string; body?: string; region?: string; service?: string },
): Promise<HttpAnswer> {
  const target = new URL(url);
  const signer = new SignatureV4({ service: options.service ?? 'execute-api', region: options.region ?? 'us-east-1', credentials, sha256: Hash.bind(null, 'sha256') });
  const query = Object.fromEntries(target.searchParams);
  const method = options.method ?? 'GET';
  const signed = await signer.sign({ method, protocol: 'http:', hostname: options.host.replace(/:\d+$/, ''), path: target.pathname, headers: { host: options.host }, query, body: options.body });
  return http(url, { method, headers: signed.headers as Record<string, string>, body: options.body });
}

/** A local OpenID issuer for JWT authorizers: its URL, tokens it signs (audience `my-app` unless given), and close. */
export interface JwtIssuer {
  url: string;
  token(claims: Record<string, unknown>, audience?: string): Promise<string>;
  close(): void;
}

/** Serves an issuer's discovery document and JWKS on a local port; other paths answer as `backend` does (JSON). */
export async function jwtIssuer(backend: (req: IncomingMessage) => unknown = () => ({})): Promise<JwtIssuer> {
  const keys = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(keys.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  let url = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: url, jwks_uri: `${url}/jwks.json` }));
    else if (req.url === '/jwks.json') res.end(JSON.stringify({ keys: [jwk] }));
    else res.end(JSON.stringify(backend(req)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    token: (claims, audience = 'my-app') =>
      new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuer(url).setAudience(audience).setIssuedAt().setExpirationTime('1h').sign(keys.privateKey),
    close: () => server.close(),
  };
}
