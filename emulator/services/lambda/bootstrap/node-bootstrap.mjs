// twinstack's Node.js runtime: polls the Lambda Runtime API (AWS_LAMBDA_RUNTIME_API) and runs the handler named by
// _HANDLER from LAMBDA_TASK_ROOT with the event and an AWS-shaped context, the way AWS's managed runtime does.
import dns from 'node:dns';
import { existsSync, readFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import Module, { register } from 'node:module';
import { join } from 'node:path';
import tls from 'node:tls';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

/** A spare runtime (started before any function needed it) learns its function's environment on stdin. */
async function takeAssignment() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const { env, cwd } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
  process.chdir(cwd);
  // NODE_PATH is read at start, before the assignment: CommonJS resolution reads it again from here.
  Module._initPaths();
}

if (process.env.TWINSTACK_SPARE_RUNTIME) await takeAssignment();

/**
 * HTTPS to the emulator as a function on AWS reaches AWS's endpoints: CDK's custom resource handlers answer the
 * ResponseURL with only its host name (AWS's port is always 443), so TLS connections to the emulator's host on 443 go to
 * its port; and they trust its certificate even in a spare runtime, started before NODE_EXTRA_CA_CERTS was set.
 */
const tlsConnect = tls.connect;
let emulatorCa;
tls.connect = function connect(...args) {
  const options = args[0];
  const endpoint = URL.canParse(process.env.AWS_ENDPOINT_URL ?? '') ? new URL(process.env.AWS_ENDPOINT_URL) : undefined;
  if (endpoint?.port && options && typeof options === 'object' && options.host === endpoint.hostname) {
    const port = Number(options.port ?? 443) === 443 ? Number(endpoint.port) : options.port;
    emulatorCa ??= process.env.NODE_EXTRA_CA_CERTS && existsSync(process.env.NODE_EXTRA_CA_CERTS) ? [...tls.rootCertificates, readFileSync(process.env.NODE_EXTRA_CA_CERTS, 'utf8')] : undefined;
    args[0] = { ...options, port, ca: options.ca ?? emulatorCa };
  }
  return tlsConnect.apply(this, args);
};

/**
 * Names under the emulator's host resolve to it, as AWS's endpoints with host prefixes do: SDKs send S3 Object
 * Lambda's WriteGetObjectResponse to `<route>.<endpoint host>` (`io-use1-001.127.0.0.1`).
 */
const dnsLookup = dns.lookup;
dns.lookup = function lookup(hostname, ...rest) {
  const endpoint = URL.canParse(process.env.AWS_ENDPOINT_URL ?? '') ? new URL(process.env.AWS_ENDPOINT_URL) : undefined;
  const under = endpoint && typeof hostname === 'string' && hostname.endsWith(`.${endpoint.hostname}`);
  return dnsLookup.call(this, under ? endpoint.hostname : hostname, ...rest);
};

const [apiHost, apiPort] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const taskRoot = process.env.LAMBDA_TASK_ROOT;
let requestId = '';

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: apiHost, port: apiPort, method, path: `/2018-06-01/runtime/${path}`, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An error as AWS's Node.js runtime writes it into a JSON log line. */
function serializedError(error) {
  return { errorType: error?.constructor?.name ?? 'UnknownError', errorMessage: error.message, stackTrace: typeof error.stack === 'string' ? error.stack.split('\n') : error.stack, ...error };
}

/**
 * A JSON log line (LoggingConfig LogFormat JSON): one argument is kept as the message itself (errors serialized),
 * several are formatted into one string with the first error's fields beside it.
 */
function jsonLine(level, args) {
  const line = { timestamp: new Date().toISOString(), level, requestId: requestId || undefined };
  if (args.length === 1) {
    try {
      return JSON.stringify({ ...line, message: args[0] }, (_, value) => (value instanceof Error ? serializedError(value) : value));
    } catch {
      return JSON.stringify({ ...line, message: format(args[0]) });
    }
  }
  const error = args.find((arg) => arg instanceof Error);
  const fields = error ? { errorType: error.constructor?.name ?? 'UnknownError', errorMessage: error.message, stackTrace: typeof error.stack === 'string' ? error.stack.split('\n') : [] } : {};
  return JSON.stringify({ ...line, message: format(...args), ...fields });
}

// console.* as AWS writes it: tab-separated text (timestamp, request id, level, message), or JSON lines filtered by
// the application log level, as the function's LoggingConfig says.
const json = process.env.AWS_LAMBDA_LOG_FORMAT?.toUpperCase() === 'JSON';
const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
const lowest = Math.max(0, LEVELS.indexOf(process.env.AWS_LAMBDA_LOG_LEVEL?.toUpperCase() ?? 'TRACE'));
for (const [method, level] of [['log', 'INFO'], ['info', 'INFO'], ['warn', 'WARN'], ['error', 'ERROR'], ['debug', 'DEBUG'], ['trace', 'TRACE'], ['fatal', 'FATAL']]) {
  if (LEVELS.indexOf(level) < lowest && level !== 'FATAL') console[method] = () => {};
  else if (json) console[method] = (...args) => process.stdout.write(`${jsonLine(level, args)}\n`);
  else console[method] = (...args) => process.stdout.write(`${new Date().toISOString()}\t${requestId || 'undefined'}\t${level}\t${format(...args)}\n`);
}

/** The runtime's own error lines: "Invoke Error" and its payload as text, the error alone as JSON. */
function logError(label, error, payload) {
  if (json) console.error(error instanceof Error ? error : Object.assign(new Error(payload.errorMessage), { name: payload.errorType }));
  else console.error(`${label} \t${JSON.stringify(payload)}`);
}

// The globals AWS's Node.js runtime gives handlers for response streaming.
const STREAMING = Symbol.for('aws.lambda.runtime.handler.streaming');
globalThis.awslambda = {
  streamifyResponse(handler) {
    handler[STREAMING] = true;
    return handler;
  },
  HttpResponseStream: {
    /** Function URL streaming: a JSON prelude (status, headers, cookies) and 8 null bytes before the body. */
    from(stream, metadata) {
      stream.write(JSON.stringify(metadata ?? {}));
      stream.write(Buffer.alloc(8));
      return stream;
    },
  },
};

/** A streaming handler writes its response to a chunked POST of /response in streaming mode. */
function runStreamingHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    const stream = httpRequest(
      {
        host: apiHost,
        port: apiPort,
        method: 'POST',
        path: `/2018-06-01/runtime/invocation/${encodeURIComponent(context.awsRequestId)}/response`,
        agent,
        headers: { 'lambda-runtime-function-response-mode': 'streaming', 'transfer-encoding': 'chunked', 'content-type': 'application/octet-stream' },
      },
      (res) => {
        res.resume();
        res.on('end', resolve);
      },
    );
    stream.on('error', reject);
    Promise.resolve()
      .then(() => handler(event, stream, context))
      .then(() => {
        if (!stream.writableEnded) stream.end();
      }, (error) => {
        stream.destroy();
        reject(error);
      });
  });
}

function errorPayload(error) {
  if (error instanceof Error) {
    return { errorType: error.name === 'Error' ? error.constructor?.name ?? 'Error' : error.name, errorMessage: error.message, trace: (error.stack ?? '').split('\n') };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

/**
 * Imports the handler module. ESM imports ignore NODE_PATH: when one of the module's bare imports cannot be found,
 * a resolve hook that also looks in the NODE_PATH folders is registered (only then, as the hook costs a thread) and
 * the module imported again under a fresh URL.
 */
async function importHandler(file) {
  const url = pathToFileURL(file).href;
  try {
    return await import(url);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !process.env.NODE_PATH) throw error;
    register('./esm-node-path.mjs', import.meta.url, { data: process.env.NODE_PATH.split(':') });
    return import(`${url}?node-path`);
  }
}

async function loadHandler() {
  const spec = process.env._HANDLER ?? '';
  const slash = spec.lastIndexOf('/');
  const dot = spec.indexOf('.', slash + 1);
  if (dot < 0) throw Object.assign(new Error(`Bad handler ${spec}`), { name: 'Runtime.MalformedHandlerName' });
  const modulePath = spec.slice(0, dot);
  const functionPath = spec.slice(dot + 1);
  const file = ['.js', '.mjs', '.cjs'].map((ext) => join(taskRoot, modulePath + ext)).find(existsSync);
  if (!file) {
    throw Object.assign(new Error(`Cannot find module '${modulePath}'\nRequire stack:\n- ${import.meta.filename}`), { name: 'Runtime.ImportModuleError' });
  }
  const module = await importHandler(file);
  let handler = module;
  for (const part of functionPath.split('.')) handler = handler?.[part] ?? (handler === module ? module.default?.[part] : undefined);
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`${spec} is undefined or not exported`), { name: 'Runtime.HandlerNotFound' });
  }
  return handler;
}

function runHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const callback = (error, result) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(result);
    };
    Object.assign(context, { succeed: (r) => callback(null, r), fail: (e) => callback(e ?? 'handled'), done: callback });
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') returned.then((r) => callback(null, r), (e) => callback(e ?? new Error('rejected')));
      else if (handler.length < 3) callback(null, returned);
    } catch (error) {
      callback(error);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler();
  } catch (error) {
    const payload = errorPayload(error);
    logError(error.name === 'Runtime.ImportModuleError' || error.name === 'Runtime.HandlerNotFound' ? 'Uncaught Exception' : 'Init Error', error, payload);
    await call('POST', 'init/error', JSON.stringify(payload), { 'content-type': 'application/json', 'lambda-runtime-function-error-type': payload.errorType });
    process.exit(1);
  }
  for (;;) {
    const next = await call('GET', 'invocation/next');
    requestId = next.headers['lambda-runtime-aws-request-id'];
    const deadline = Number(next.headers['lambda-runtime-deadline-ms']);
    process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] ?? '';
    const clientContext = next.headers['lambda-runtime-client-context'];
    const identity = next.headers['lambda-runtime-cognito-identity'];
    const context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
      functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
      invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
      memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
      awsRequestId: requestId,
      logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
      logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
      clientContext: clientContext ? JSON.parse(clientContext) : undefined,
      identity: identity ? JSON.parse(identity) : undefined,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    let event;
    try {
      event = JSON.parse(next.body.toString('utf8') || 'null');
    } catch {
      event = next.body.toString('utf8');
    }
    try {
      if (handler[STREAMING]) {
        await runStreamingHandler(handler, event, context);
        continue;
      }
      const result = await runHandler(handler, event, context);
      const body = result === undefined ? 'null' : JSON.stringify(result);
      await call('POST', `invocation/${encodeURIComponent(requestId)}/response`, body ?? 'null', { 'content-type': 'application/json' });
    } catch (error) {
      const payload = errorPayload(error);
      logError('Invoke Error', error, payload);
      await call('POST', `invocation/${encodeURIComponent(requestId)}/error`, JSON.stringify(payload), {
        'content-type': 'application/json',
        'lambda-runtime-function-error-type': payload.errorType,
      });
    }
  }
}

process.on('uncaughtException', async (error) => {
  const payload = errorPayload(error);
  logError('Uncaught Exception', error, payload);
  if (requestId) {
    await call('POST', `invocation/${encodeURIComponent(requestId)}/error`, JSON.stringify(payload), { 'content-type': 'application/json' }).catch(() => {});
  }
  process.exit(129);
});

await main();
