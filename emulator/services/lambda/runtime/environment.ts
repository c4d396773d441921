import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { systemEnvironment } from '../../../core/platform.ts';
import { framedLog, type PlatformLogFormat } from './platform-log.ts';

/** What AWS lets a synchronous response be (bytes): larger ones become Function.ResponseSizeTooLarge. */
export const MAX_RESPONSE_BYTES = 6_291_556;
/** How long a runtime may take to reach its first `next` before the invocation's own timeout starts counting. */
const INIT_ALLOWANCE_MS = 10_000;

export interface EnvironmentSpec {
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutSeconds: number;
  memoryMb: number;
  version: string;
  /** The command is the same for every function of the runtime, so a spare process started ahead can take it. */
  spareable?: boolean;
  /** How Lambda's own lines (START, END, REPORT) are written. */
  logFormat: PlatformLogFormat;
}

export interface Invocation {
  requestId: string;
  payload: Buffer;
  invokedFunctionArn: string;
  clientContext?: string;
  cognitoIdentity?: string;
  /** Called with each chunk when the runtime streams its response (InvokeWithResponseStream). */
  onChunk?: (chunk: Buffer) => void;
}

export interface InvocationResult {
  payload: Buffer;
  /** Set when the function failed (AWS's X-Amz-Function-Error). */
  functionError?: 'Unhandled';
  /** The invocation's log: init output on a cold start, START, the function's output, END and REPORT. */
  log: string;
  durationMs: number;
  initDurationMs?: number;
  /** The runtime streamed its response (Lambda-Runtime-Function-Response-Mode: streaming). */
  streamed?: boolean;
  /** The environment's log stream name (AWS_LAMBDA_LOG_STREAM_NAME). */
  logStream?: string;
}

interface Current {
  invocation: Invocation;
  resolve: (result: InvocationResult) => void;
  startedAt: number;
  delivered: boolean;
  outputStart: number;
  timer?: NodeJS.Timeout;
}

const RUNTIME_PREFIX = '/2018-06-01/runtime/';

/**
 * One execution environment: a child process running the function's runtime, and the Lambda Runtime API it polls,
 * served on a loopback port of its own (`AWS_LAMBDA_RUNTIME_API`). One invocation at a time, as on AWS.
 */
/**
 * Runtime processes still alive in this process. They are killed when it exits, however it exits normally: a
 * handler busy in a loop never notices that the Runtime API went away, and would outlive an emulator that was never
 * stopped (a test process that just ends), holding its memory.
 */
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

export class ExecutionEnvironment {
  status: 'starting' | 'idle' | 'busy' | 'dead' = 'starting';
  lastUsed = 0;
  /** Started for provisioned concurrency: kept warm, never reaped while the configuration lasts. */
  provisioned = false;
  private server?: Server;
  private child?: ChildProcess;
  private parkedNext?: ServerResponse;
  private current?: Current;
  private output = '';
  private initStartedAt = 0;
  private initDurationMs?: number;
  private initError?: Buffer;
  private exitReason?: string;
  private firstInvocation = true;
  private runtimeApi = '';
  private readonly onDeath: () => void;

  constructor(
    public key: string,
    private spec: EnvironmentSpec,
    onDeath: (env: ExecutionEnvironment) => void,
  ) {
    this.onDeath = () => onDeath(this);
  }

  /**
   * Starts the runtime process. A spare one (`spare`) starts with the runtime's command only, and waits on its stdin
   * for the function it will run (`assign`): the interpreter's own start-up, the larger part of a cold start, is
   * then paid before any invocation waits for it.
   */
  async start(spare = false): Promise<void> {
    this.server = createServer((req, res) => this.route(req, res));
    this.server.keepAliveTimeout = 0;
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.runtimeApi = `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    this.initStartedAt = performance.now();
    const env = spare ? { ...systemEnvironment(), TWINSTACK_SPARE_RUNTIME: '1' } : { ...this.spec.env, AWS_LAMBDA_RUNTIME_API: this.runtimeApi };
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: spare ? dirname(this.spec.args[this.spec.args.length - 1]) : this.spec.cwd,
      env,
      stdio: [spare ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // Writing the assignment to a spare that has died fails; its exit is what gets reported.
    child.stdin?.on('error', () => {});
    liveChildren.add(child);
    child.once('exit', () => liveChildren.delete(child));
    child.stdout!.on('data', (chunk: Buffer) => this.capture(chunk));
    child.stderr!.on('data', (chunk: Buffer) => this.capture(chunk));
    // AWS starts runtimes (and AWS_LAMBDA_EXEC_WRAPPER scripts) from a shell: a missing program exits 127, one that
    // cannot run 126 (AWS-recorded test_lambda_runtime_wrapper_not_found).
    child.on('error', (error: NodeJS.ErrnoException) => {
      const status = error.code === 'ENOENT' ? 127 : error.code === 'EACCES' ? 126 : undefined;
      this.die(`Runtime exited with error: ${status ? `exit status ${status}` : error.message}`);
    });
    child.on('exit', (code, signal) => {
      this.die(code ? `Runtime exited with error: exit status ${code}` : signal ? `Runtime exited with error: signal: ${signal === 'SIGKILL' ? 'killed' : signal}` : 'Runtime exited without providing a reason');
    });
  }

  /** Gives a spare runtime process its function: environment variables and working directory. */
  assign(key: string, spec: EnvironmentSpec): void {
    this.key = key;
    this.spec = spec;
    this.initStartedAt = performance.now();
    this.output = '';
    this.child!.stdin!.end(JSON.stringify({ env: { ...spec.env, AWS_LAMBDA_RUNTIME_API: this.runtimeApi }, cwd: spec.cwd }));
  }

  /** Runs one invocation; resolves with its outcome (function errors and timeouts included), never rejects. */
  invoke(invocation: Invocation): Promise<InvocationResult> {
    this.status = 'busy';
    return new Promise((resolve) => {
      const current: Current = { invocation, resolve, startedAt: performance.now(), delivered: false, outputStart: this.output.length };
      this.current = current;
      const allowance = this.initDurationMs === undefined ? INIT_ALLOWANCE_MS : 0;
      current.timer = setTimeout(() => this.timeOut(current), this.spec.timeoutSeconds * 1000 + allowance);
      if (this.exitReason) return this.finish(this.exitError(invocation.requestId));
      if (this.parkedNext) this.deliver(this.parkedNext);
    });
  }

  kill(): void {
    this.status = 'dead';
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    this.parkedNext?.destroy();
    this.parkedNext = undefined;
    this.server?.close();
    this.server?.closeAllConnections();
  }

  private capture(chunk: Buffer) {
    this.output += chunk.toString('utf8');
    // Keep what the current invocation (or init) wrote, and only a bounded tail before that.
    const keepFrom = this.current ? this.current.outputStart : this.output.length - 65_536;
    if (keepFrom > 1_048_576) {
      this.output = this.output.slice(keepFrom);
      if (this.current) this.current.outputStart = 0;
    }
  }

  private route(req: IncomingMessage, res: ServerResponse) {
    const path = (req.url ?? '').split('?')[0];
    if (!path.startsWith(RUNTIME_PREFIX)) return reply(res, 404, { errorMessage: 'Not found', errorType: 'InvalidRequest' });
    const rest = path.slice(RUNTIME_PREFIX.length);
    if (req.method === 'GET' && rest === 'invocation/next') return this.next(res);
    if (req.method === 'POST' && rest === 'init/error') return readBody(req, MAX_RESPONSE_BYTES).then((body) => this.failInit(body, res));
    const match = /^invocation\/([^/]+)\/(response|error)$/.exec(rest);
    if (req.method === 'POST' && match) {
      const current = this.current;
      if (!current || current.invocation.requestId !== decodeURIComponent(match[1])) {
        return reply(res, 400, { errorMessage: 'Invalid request ID', errorType: 'InvalidRequestID' });
      }
      if (match[2] === 'response' && req.headers['lambda-runtime-function-response-mode'] === 'streaming') return this.stream(current, req, res);
      return readBody(req, MAX_RESPONSE_BYTES).then((body) => {
        reply(res, 202, { status: 'OK' });
        if (match[2] === 'error') return this.complete(current, body ?? Buffer.from('{}'), true);
        if (body === undefined) {
          const error = { errorMessage: `Response payload size exceeded maximum allowed payload size (${MAX_RESPONSE_BYTES} bytes).`, errorType: 'Function.ResponseSizeTooLarge' };
          return this.complete(current, Buffer.from(JSON.stringify(error)), true);
        }
        return this.complete(current, body, false);
      });
    }
    reply(res, 404, { errorMessage: 'Not found', errorType: 'InvalidRequest' });
  }

  private next(res: ServerResponse) {
    if (this.initDurationMs === undefined) this.initDurationMs = performance.now() - this.initStartedAt;
    this.parkedNext?.destroy();
    this.parkedNext = res;
    if (this.status === 'starting') this.status = 'idle';
    if (this.current && !this.current.delivered) this.deliver(res);
  }

  private deliver(res: ServerResponse) {
    const current = this.current!;
    const { invocation } = current;
    this.parkedNext = undefined;
    current.delivered = true;
    current.startedAt = performance.now();
    clearTimeout(current.timer);
    current.timer = setTimeout(() => this.timeOut(current), this.spec.timeoutSeconds * 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'lambda-runtime-aws-request-id': invocation.requestId,
      'lambda-runtime-deadline-ms': String(Date.now() + this.spec.timeoutSeconds * 1000),
      'lambda-runtime-invoked-function-arn': invocation.invokedFunctionArn,
      'lambda-runtime-trace-id': traceId(),
    };
    if (invocation.clientContext) headers['lambda-runtime-client-context'] = invocation.clientContext;
    if (invocation.cognitoIdentity) headers['lambda-runtime-cognito-identity'] = invocation.cognitoIdentity;
    res.writeHead(200, headers);
    res.end(invocation.payload);
  }

  private stream(current: Current, req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      current.invocation.onChunk?.(chunk);
    });
    req.on('end', () => {
      reply(res, 202, { status: 'OK' });
      void this.complete(current, Buffer.concat(chunks), false, true);
    });
  }

  private failInit(body: Buffer | undefined, res: ServerResponse) {
    reply(res, 202, { status: 'OK' });
    this.initError = body ?? Buffer.from('{}');
    if (this.current) void this.complete(this.current, this.initError, true);
  }

  private async complete(current: Current, payload: Buffer, failed: boolean, streamed = false) {
    if (this.current !== current) return;
    // Output the runtime wrote before answering may still sit in the pipes: let it be read first.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    if (this.current !== current) return;
    this.finish({ payload, functionError: failed ? 'Unhandled' : undefined, streamed });
    if (this.initError) this.kill();
  }

  private timeOut(current: Current) {
    if (this.current !== current) return;
    const seconds = this.spec.timeoutSeconds.toFixed(2);
    this.output += `${new Date().toISOString()} ${current.invocation.requestId} Task timed out after ${seconds} seconds\n\n`;
    const error = { errorType: 'Sandbox.Timedout', errorMessage: `RequestId: ${current.invocation.requestId} Error: Task timed out after ${seconds} seconds` };
    this.finish({ payload: Buffer.from(JSON.stringify(error)), functionError: 'Unhandled', timedOut: true });
    this.kill();
  }

  private exitError(requestId: string): { payload: Buffer; functionError: 'Unhandled' } {
    const error = { errorType: 'Runtime.ExitError', errorMessage: `RequestId: ${requestId} Error: ${this.exitReason}` };
    return { payload: Buffer.from(JSON.stringify(error)), functionError: 'Unhandled' };
  }

  private die(reason: string) {
    if (this.exitReason) return;
    this.exitReason = reason;
    const current = this.current;
    if (current) {
      // Output written just before the exit may still be in the pipes.
      setImmediate(() => {
        if (this.current === current) this.finish(this.exitError(current.invocation.requestId));
        this.kill();
        this.onDeath();
      });
      return;
    }
    this.kill();
    this.onDeath();
  }

  private finish(outcome: { payload: Buffer; functionError?: 'Unhandled'; streamed?: boolean; timedOut?: boolean }) {
    const current = this.current!;
    clearTimeout(current.timer);
    this.current = undefined;
    const durationMs = performance.now() - current.startedAt;
    // A provisioned environment initialized before any invocation waited for it: REPORT has no Init Duration then.
    const ahead = this.spec.env.AWS_LAMBDA_INITIALIZATION_TYPE === 'provisioned-concurrency';
    const initDurationMs = this.firstInvocation && !ahead ? this.initDurationMs : undefined;
    const initText = this.firstInvocation ? this.output.slice(0, current.outputStart) : '';
    const text = this.output.slice(current.outputStart);
    this.output = '';
    const report = {
      requestId: current.invocation.requestId,
      version: this.spec.version,
      durationMs,
      memoryMb: this.spec.memoryMb,
      maxMemoryUsedMb: this.maxMemoryMb(),
      initDurationMs,
      status: outcome.timedOut ? ('timeout' as const) : outcome.functionError ? ('error' as const) : ('success' as const),
    };
    const log = initText + framedLog(this.spec.logFormat, report, text);
    this.firstInvocation = false;
    this.lastUsed = performance.now();
    if (this.status !== 'dead') this.status = 'idle';
    current.resolve({
      payload: outcome.payload,
      functionError: outcome.functionError,
      log,
      durationMs,
      initDurationMs,
      streamed: outcome.streamed,
      logStream: this.spec.env.AWS_LAMBDA_LOG_STREAM_NAME,
    });
  }

  /** The child's peak resident memory (Linux), as REPORT's Max Memory Used. */
  private maxMemoryMb(): number {
    try {
      const status = readFileSync(`/proc/${this.child?.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      return Number.isFinite(kb) ? Math.ceil(kb / 1024) : 0;
    } catch {
      return 0;
    }
  }
}

/** A new X-Ray trace header, as Lambda starts one for each invocation (and for each destination record it sends). */
export function traceId(): string {
  const hex = (n: number) => [...crypto.getRandomValues(new Uint8Array(n))].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${hex(12)};Parent=${hex(8)};Sampled=0;Lineage=1:${hex(4)}:0`;
}

function reply(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Reads a request body; undefined when it exceeds `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
  });
}
