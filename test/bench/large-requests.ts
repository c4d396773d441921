import { request } from 'node:http';
import { loadModel } from '../../emulator/models/load.ts';
import { ALL_SERVICE_NAMES } from '../../emulator/services/index.ts';
import { encodeRequest, type Family } from '../fuzz/encode.ts';
import { startCli, stopCli } from '../support/cli-process.ts';
import { peakRssMiB, rssMiB } from './process-stats.ts';

/**
 * The largest request each service survives (issue #22): one request per served service whose body is a single
 * ~1 GiB string, sent to an emulator in its own process two ways — chunked (no length: the server learns the size
 * only as it reads) and with its length declared. For each: the answer, how much the server read before answering,
 * how long that took, the slowest answer another client got meanwhile, and whether the process lived; then the
 * server's peak RSS. `node --import tsx test/bench/large-requests.ts [MiB]`.
 */
const SIZE = (Number(process.argv[2]) || 1024) * 1024 * 1024;
const CHUNK = Buffer.alloc(1024 * 1024, 'a');

/** An operation of each REST service with a buffered body (S3's PutObject streams to 5 GiB by design). */
const REST_OPERATIONS: Record<string, [string, object]> = {
  lambda: ['Invoke', { FunctionName: 'f' }],
  scheduler: ['CreateSchedule', { Name: 's' }],
  apigateway: ['CreateRestApi', {}],
  apigatewayv2: ['CreateApi', {}],
  s3: ['PutBucketPolicy', { Bucket: 'b' }],
};

interface Outcome {
  status: number;
  code: string;
  readMiB: number;
  ms: number;
}

function wireFor(service: string) {
  const model = loadModel(service);
  const protocol = model.metadata.protocols?.[0] ?? model.metadata.protocol;
  const family = (protocol === 'smithy-rpc-v2-cbor' ? 'json' : protocol) as Family;
  const [operation, input] = REST_OPERATIONS[service] ?? [Object.keys(model.operations)[0], {}];
  const wire = encodeRequest(model, family, operation, input);
  const prefix = family === 'query' ? `Action=${operation}&Version=${model.metadata.apiVersion}&Name=` : '{"Name":"';
  return { wire, prefix: Buffer.from(prefix) };
}

/** Sends the request, writing the body until the server answers (or all of it); resolves with what happened. */
function send(endpoint: string, service: string, declared: boolean): Promise<Outcome> {
  const { wire, prefix } = wireFor(service);
  const started = performance.now();
  return new Promise((resolve) => {
    let written = 0;
    let answered = false;
    const headers: Record<string, string | number> = { ...wire.headers };
    if (declared) headers['content-length'] = SIZE;
    const req = request(`${endpoint}${wire.path ?? '/'}`, { method: wire.method ?? 'POST', headers });
    const finish = (status: number, code: string) => {
      if (answered) return;
      answered = true;
      resolve({ status, code, readMiB: written / 1024 / 1024, ms: performance.now() - started });
      req.destroy();
    };
    req.on('response', (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString('latin1').slice(0, 400)));
      res.on('end', () => finish(res.statusCode!, String(res.headers['x-amzn-errortype'] ?? /<Code>([^<]+)/.exec(text)?.[1] ?? /"(?:__type|code|message)":"([^"]+)/.exec(text)?.[1] ?? '').split(':')[0]));
      res.on('error', () => finish(res.statusCode!, 'aborted'));
    });
    req.on('error', (error) => finish(0, (error as NodeJS.ErrnoException).code ?? error.message));
    const pump = () => {
      while (!answered && written < SIZE) {
        const chunk = written === 0 ? Buffer.concat([prefix, CHUNK.subarray(prefix.length)]) : CHUNK;
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

/** Pings the health route every 20 ms on its own connection; `stop` gives the slowest answer. */
function probe(endpoint: string) {
  let slowest = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await fetch(`${endpoint}/_twinstack/health`).then((r) => r.arrayBuffer()).catch(() => undefined);
      slowest = Math.max(slowest, performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return slowest;
  };
}

const { child, endpoint } = await startCli('emulator/cli/bin.js', []);
const pid = child.pid!;
console.log(`each request: one ${SIZE / 1024 / 1024} MiB string; emulator pid ${pid}, RSS ${rssMiB(pid).toFixed(0)} MiB at start`);
console.log('| service | chunked: answer | read before answering | ms | declared length: answer | ms | slowest other client | alive |');
console.log('|---|---|---|---|---|---|---|---|');
for (const service of ALL_SERVICE_NAMES) {
  const stop = probe(endpoint);
  const chunked = await send(endpoint, service, false);
  const declared = await send(endpoint, service, true);
  const slowest = await stop();
  const alive = child.exitCode === null && child.signalCode === null;
  console.log(
    `| ${service} | ${chunked.status} ${chunked.code} | ${chunked.readMiB.toFixed(0)} MiB | ${chunked.ms.toFixed(0)} | ${declared.status} ${declared.code} | ${declared.ms.toFixed(0)} | ${slowest.toFixed(0)} ms | ${alive ? 'yes' : 'NO'} |`,
  );
  if (!alive) break;
}
console.log(`peak RSS ${peakRssMiB(pid).toFixed(0)} MiB, RSS now ${rssMiB(pid).toFixed(0)} MiB`);
await stopCli(child);
