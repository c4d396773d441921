/**
 * `npm run new:service <name>`: scaffolds a service from its AWS model, following docs/extending.md.
 *
 * - the model: emulator/models/<name>.json, taken from the botocore of `python3` when it is not there yet;
 * - emulator/services/<name>/index.ts and state.ts: a ServiceDefinition with no handlers, so every operation answers
 *   the core's 501 NotImplemented (in the client's protocol) until it is written;
 * - its loader line in emulator/services/index.ts, and the routing index;
 * - test/<name>/: a boto3 test that the service is routed and answers 501, to be replaced by real tests;
 * - contracts/<name>/: where its AWS-derived contracts go.
 *
 * `name` is the botocore service name (the model's folder in botocore/data), which is also the SERVICES name.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { botocoreDir, readModel, strip, type Json } from '../models/botocore.ts';
import { pythonCommand } from '../core/platform.ts';
import { writeRoutingIndex } from '../models/routing-index.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `dynamodbstreams` -> `Dynamodbstreams`, `api-gateway` -> `ApiGateway`: for type names in the generated code. */
function pascal(name: string): string {
  return name.replace(/(^|[-_])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}

function camel(name: string): string {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}

/** botocore's method name for an operation, as boto3 exposes it (`ListQueues` -> `list_queues`). */
function snake(operation: string): string {
  return operation
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

function write(path: string, text: string): void {
  if (existsSync(path)) throw new Error(`${path} exists already`);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  console.log(`  wrote ${path.slice(ROOT.length + 1)}`);
}

function ensureModel(name: string): Json {
  const file = join(ROOT, 'emulator', 'models', `${name}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Json;
  const botocore = botocoreDir(pythonCommand());
  const model = readModel(botocore.dir, name);
  if (!model) throw new Error(`botocore ${botocore.version} has no model named '${name}' (the name is its folder in botocore/data)`);
  writeFileSync(file, JSON.stringify(strip(model)));
  console.log(`  wrote emulator/models/${name}.json (botocore ${botocore.version})`);
  return model;
}

/** The first operation a client can call with no input (a List* or Describe* usually), for the generated test. */
function inputlessOperation(model: Json): string | undefined {
  return Object.keys(model.operations)
    .sort()
    .find((op) => {
      const input = model.operations[op].input?.shape;
      return !input || !(model.shapes[input].required ?? []).length;
    });
}

function indexSource(name: string): string {
  const state = `${pascal(name)}State`;
  return `import type { Handler, ServiceDefinition } from '../../core/service.ts';
import { loadModel } from '../../models/load.ts';
import { create${state}, type ${state} } from './state.ts';

/**
 * ${name}: one file per operation (or small family) under operations/, each taking the @aws-sdk/client-* input type and
 * returning the output type, or throwing an AwsError named after the model's error shape. Operations without a
 * handler answer 501 NotImplemented. See docs/extending.md.
 */
const handlers: Record<string, Handler<${state}>> = {};

const ${camel(name)}: ServiceDefinition<${state}> = {
  name: '${name}',
  model: loadModel('${name}'),
  createState: (accountId, region) => create${state}(accountId, region),
  // The model's constraints (required members, lengths, patterns, enums), reported as AWS's Coral framework does.
  validation: 'coral',
  handlers,
};

export default ${camel(name)};
`;
}

function stateSource(name: string): string {
  const state = `${pascal(name)}State`;
  return `/** ${name} state of one account in one region: plain records in Maps persist with no declaration. */
export interface ${state} {
  readonly accountId: string;
  readonly region: string;
}

export function create${state}(accountId: string, region: string): ${state} {
  return { accountId, region };
}
`;
}

function testSource(name: string, operation: string): string {
  return `import assert from 'node:assert/strict';
import { startTwinstack, type Twinstack } from '../../emulator/index.ts';
import { runBoto3Script } from '../support/boto3.ts';

// Scaffolded by \`npm run new:service ${name}\`: replace with tests of each operation through real clients.
describe('${name} (scaffold)', function () {
  this.timeout(60_000);
  let aws: Twinstack;
  before(async () => {
    aws = await startTwinstack({ port: 0, services: ['${name}'] });
  });
  after(() => aws.stop());

  it('routes ${operation} to ${name}, which answers 501 NotImplemented until the operation is written', async () => {
    const answer = await runBoto3Script<{ code: string; status: number; message: string }>(new URL('./not-implemented.py', import.meta.url), aws.endpoint);
    assert.deepEqual([answer.code, answer.status], ['NotImplemented', 501]);
    assert.match(answer.message, /${operation}/);
  });
});
`;
}

function pythonSource(name: string, operation: string): string {
  return `"""Calls ${operation} with boto3 and prints the error it gets (scaffolded by npm run new:service ${name})."""
import json
import sys

import boto3
from botocore.exceptions import ClientError

client = boto3.client("${name}", endpoint_url=sys.argv[1])
try:
    client.${snake(operation)}()
    print(json.dumps({"code": None, "status": 200, "message": ""}))
except ClientError as error:
    print(json.dumps({
        "code": error.response["Error"]["Code"],
        "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
        "message": error.response["Error"].get("Message", ""),
    }))
`;
}

function contractsReadme(name: string): string {
  return `# ${name} contracts

Pact V4 files of ${name} scenarios, one each, with expectations from real AWS only: recorded with
\`twinstack record\`, or ported from the AWS-validated snapshots (see ../README.md and ../PORTING.md).
`;
}

function addLoader(name: string): void {
  const file = join(ROOT, 'emulator', 'services', 'index.ts');
  const source = readFileSync(file, 'utf8');
  const line = `  ${/^[a-z_$][a-z0-9_$]*$/i.test(name) ? name : `'${name}'`}: async () => (await import('./${name}/index.ts')).default as ServiceDefinition,\n`;
  const end = source.indexOf('\n};', source.indexOf('export const SERVICE_LOADERS'));
  if (end < 0) throw new Error(`cannot find the end of SERVICE_LOADERS in ${file}`);
  writeFileSync(file, source.slice(0, end + 1) + line + source.slice(end + 1));
  console.log('  added its loader to emulator/services/index.ts');
}

export function scaffold(name: string): void {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`'${name}' is not a botocore service name (lower-case letters, digits and dashes)`);
  const loaders = readFileSync(join(ROOT, 'emulator', 'services', 'index.ts'), 'utf8');
  if (new RegExp(`^  '?${name}'?: async`, 'm').test(loaders) || existsSync(join(ROOT, 'emulator', 'services', name))) {
    throw new Error(`${name} is already a service`);
  }
  console.log(`scaffolding ${name}`);
  const model = ensureModel(name);
  const operation = inputlessOperation(model) ?? Object.keys(model.operations).sort()[0];
  write(join(ROOT, 'emulator', 'services', name, 'index.ts'), indexSource(name));
  write(join(ROOT, 'emulator', 'services', name, 'state.ts'), stateSource(name));
  write(join(ROOT, 'test', name, `${name}.test.ts`), testSource(name, operation));
  write(join(ROOT, 'test', name, 'not-implemented.py'), pythonSource(name, operation));
  write(join(ROOT, 'contracts', name, 'README.md'), contractsReadme(name));
  addLoader(name);
  writeRoutingIndex();
  console.log('  rewrote emulator/models/routing-index.json');
  console.log(`next: write operations under emulator/services/${name}/operations/ (docs/extending.md), then run npx mocha test/${name}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2];
  if (!name) {
    console.error('usage: npm run new:service <name>   (the botocore service name, e.g. sesv2)');
    process.exit(2);
  }
  try {
    scaffold(name);
  } catch (error) {
    console.error(`new:service: ${(error as Error).message}`);
    process.exit(1);
  }
}
