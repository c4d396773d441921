import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CloudFormationClient, CreateStackCommand, DeleteStackCommand, DescribeStackEventsCommand, DescribeStacksCommand, type StackEvent } from '@aws-sdk/client-cloudformation';
import { clientOptions } from './clients.ts';
import { cpuMicros } from './process-stats.ts';
import { startCliServer, type StartedServer } from './server.ts';

/**
 * Issue #18's figures: on a fresh `twinstack start`, `cdk bootstrap`, then `cdk deploy` of examples/cdk-app and a
 * no-op redeploy (wall time from the CLI's start to its exit, the synthesis time the CLI prints, twinstack's CPU),
 * the engine's own time per resource from the stack's events, and a plain template of queues and parameters created
 * through CreateStack (the engine with no CDK in the way). The CDK CLI and app run unchanged; a no-op redeploy is also
 * measured with CDK_VALIDATION=false (aws-cdk-lib's documented switch for its built-in template validation, which
 * runs in the synthesis whatever the target) to show the share of that validation.
 */

const APP = fileURLToPath(new URL('../../examples/cdk-app/', import.meta.url));
const CDK = fileURLToPath(new URL('../../node_modules/aws-cdk/bin/cdk', import.meta.url));

export interface CdkRun {
  seconds: number;
  /** What the CLI prints as "Synthesis time". */
  synthSeconds: number;
  /** twinstack's CPU during the run (the server process alone, not function runtimes). */
  serverCpuSeconds: number;
}

export interface EngineFigures {
  resources: number;
  /** Stack CREATE_IN_PROGRESS to CREATE_COMPLETE, from its events. */
  stackMs: number;
  msPerResource: number;
  /** Median of each resource's CREATE_IN_PROGRESS -> CREATE_COMPLETE, by type. */
  byType: Record<string, { count: number; medianMs: number }>;
}

export interface CdkBenchResult {
  bootstrap: CdkRun;
  deploy: CdkRun;
  noop: CdkRun;
  noopWithoutValidation: CdkRun;
  engine: EngineFigures;
  plain: { resources: number; createMs: number; deleteMs: number; serverCpuMsPerResource: number; engine: EngineFigures };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function cdk(server: StartedServer, out: string, args: string[], extraEnv: Record<string, string> = {}): Promise<CdkRun> {
  const cpu = cpuMicros(server.pid);
  const started = performance.now();
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [CDK, ...args, '--no-notices', '--output', join(out, 'cdk.out')], {
    cwd: APP,
    maxBuffer: 64 * 1024 * 1024,
    env: {
      ...process.env,
      AWS_ENDPOINT_URL: server.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      CDK_DEFAULT_ACCOUNT: '000000000000',
      CDK_DEFAULT_REGION: 'us-east-1',
      CDK_DISABLE_CLI_TELEMETRY: 'true',
      NODE_NO_WARNINGS: '1',
      ...extraEnv,
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const synth = /Synthesis time: ([\d.]+)s/.exec(stdout + stderr);
  return { seconds, synthSeconds: synth ? Number(synth[1]) : Number.NaN, serverCpuSeconds: (cpuMicros(server.pid) - cpu) / 1e6 };
}

/** The engine's time for the stack's last create, from its events (oldest first once reversed). */
async function engineFigures(cfn: CloudFormationClient, stackName: string): Promise<EngineFigures> {
  const events: StackEvent[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cfn.send(new DescribeStackEventsCommand({ StackName: stackName, NextToken }));
    events.push(...(page.StackEvents ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  events.reverse();
  const time = (event: StackEvent | undefined) => event?.Timestamp?.getTime() ?? Number.NaN;
  const stackEvent = (status: string) => events.findLast((e) => e.ResourceType === 'AWS::CloudFormation::Stack' && e.ResourceStatus === status);
  const stackMs = time(stackEvent('CREATE_COMPLETE')) - time(stackEvent('CREATE_IN_PROGRESS'));
  const perType: Record<string, number[]> = {};
  for (const start of events.filter((e) => e.ResourceType !== 'AWS::CloudFormation::Stack' && e.ResourceStatus === 'CREATE_IN_PROGRESS' && !e.ResourceStatusReason)) {
    const done = events.find((e) => e.LogicalResourceId === start.LogicalResourceId && e.ResourceStatus === 'CREATE_COMPLETE');
    (perType[start.ResourceType!] ??= []).push(time(done) - time(start));
  }
  const resources = Object.values(perType).reduce((n, list) => n + list.length, 0);
  const byType = Object.fromEntries(Object.entries(perType).map(([type, list]) => [type, { count: list.length, medianMs: median(list) }]));
  return { resources, stackMs, msPerResource: stackMs / resources, byType };
}

/** A stack of queues and parameters that read their ARNs (every parameter waits for its queue). */
function plainTemplate(pairs: number): string {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < pairs; i++) {
    resources[`Queue${i}`] = { Type: 'AWS::SQS::Queue' };
    resources[`Param${i}`] = { Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: { 'Fn::GetAtt': [`Queue${i}`, 'Arn'] } } };
  }
  return JSON.stringify({ Resources: resources });
}

async function settled(cfn: CloudFormationClient, stackName: string): Promise<string> {
  for (;;) {
    const { Stacks } = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    if (!Stacks![0].StackStatus!.endsWith('_IN_PROGRESS')) return Stacks![0].StackStatus!;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function plainStack(server: StartedServer, cfn: CloudFormationClient, pairs: number): Promise<CdkBenchResult['plain']> {
  const cpu = cpuMicros(server.pid);
  const started = performance.now();
  const { StackId } = await cfn.send(new CreateStackCommand({ StackName: 'bench-plain', TemplateBody: plainTemplate(pairs) }));
  const status = await settled(cfn, StackId!);
  const createMs = performance.now() - started;
  const serverCpuMsPerResource = (cpuMicros(server.pid) - cpu) / 1000 / (2 * pairs);
  if (status !== 'CREATE_COMPLETE') throw new Error(`bench-plain ended ${status}`);
  const engine = await engineFigures(cfn, StackId!);
  const deleting = performance.now();
  await cfn.send(new DeleteStackCommand({ StackName: StackId }));
  await settled(cfn, StackId!);
  return { resources: 2 * pairs, createMs, deleteMs: performance.now() - deleting, serverCpuMsPerResource, engine };
}

export async function runCdkBench(log: (line: string) => void): Promise<CdkBenchResult> {
  const server = await startCliServer();
  const out = mkdtempSync(join(tmpdir(), 'bench-cdk-'));
  const cfn = new CloudFormationClient(clientOptions(server.endpoint));
  try {
    log('  cdk bootstrap...');
    const bootstrap = await cdk(server, out, ['bootstrap', 'aws://000000000000/us-east-1']);
    log('  cdk deploy...');
    const deploy = await cdk(server, out, ['deploy', '--require-approval', 'never']);
    const engine = await engineFigures(cfn, 'OrderService');
    log('  cdk deploy (no changes)...');
    const noop = await cdk(server, out, ['deploy', '--require-approval', 'never']);
    const noopWithoutValidation = await cdk(server, out, ['deploy', '--require-approval', 'never'], { CDK_VALIDATION: 'false' });
    log('  plain stack...');
    const plain = await plainStack(server, cfn, 50);
    return { bootstrap, deploy, noop, noopWithoutValidation, engine, plain };
  } finally {
    cfn.destroy();
    await server.stop();
    rmSync(out, { recursive: true, force: true });
  }
}

const run = (r: CdkRun) => `${r.seconds.toFixed(2)} s (synthesis ${r.synthSeconds.toFixed(2)} s, twinstack CPU ${r.serverCpuSeconds.toFixed(2)} s)`;
const types = (e: EngineFigures) =>
  Object.entries(e.byType)
    .map(([type, { count, medianMs }]) => `${type.replace(/^AWS::/, '')} ${medianMs.toFixed(0)} ms${count > 1 ? ` (x${count})` : ''}`)
    .join(', ');

export function formatCdk(result: CdkBenchResult): string {
  const { engine, plain } = result;
  return [
    `CDK (examples/cdk-app, fresh twinstack): bootstrap ${run(result.bootstrap)}`,
    `  cdk deploy ${run(result.deploy)}`,
    `  no-op redeploy ${run(result.noop)}; with CDK_VALIDATION=false ${run(result.noopWithoutValidation)}`,
    `  engine: ${engine.resources} resources in ${engine.stackMs} ms (${engine.msPerResource.toFixed(1)} ms per resource, in parallel where the graph allows); per resource: ${types(engine)}`,
    `plain stack (${plain.resources} resources: queues and parameters reading their ARNs): create ${plain.createMs.toFixed(0)} ms, delete ${plain.deleteMs.toFixed(0)} ms; engine ${plain.engine.msPerResource.toFixed(2)} ms per resource, twinstack CPU ${plain.serverCpuMsPerResource.toFixed(2)} ms per resource`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runCdkBench((line) => console.log(line));
  console.log(formatCdk(result));
  process.exit(0);
}
