import { request } from 'node:http';
import { AddPermissionCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { createFunction } from '../lambda/support.ts';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
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
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, json: () => JSON.parse(text) });
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
