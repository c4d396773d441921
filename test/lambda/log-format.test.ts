import assert from 'node:assert/strict';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { createFunction, useLambda } from './support.ts';

/** The invocation's log (LogType Tail). */
const tail = (logResult: string | undefined) => Buffer.from(logResult ?? '', 'base64').toString('utf8');

/** Log lines, each parsed as JSON. */
function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        assert.fail(`not a JSON log line: ${line}`);
      }
    });
}

describe('Lambda advanced logging controls: JSON log format and log levels', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts']);
  const invoke = (FunctionName: string) => context.lambda.send(new InvokeCommand({ FunctionName, Payload: Buffer.from('{}'), LogType: 'Tail' }));

  it('Node.js: console lines as JSON objects, filtered by the application log level; platform.start and platform.report records', async () => {
    const source = `export const handler = async () => {
  console.debug("hidden");
  console.log("plain", 7);
  console.info({ nested: { a: 1 } });
  console.warn("careful", new TypeError("bad type"));
  console.error(new RangeError("out of range"));
  return "ok";
};`;
    const name = await createFunction(context.lambda, { 'index.mjs': source }, {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO' },
    });
    const out = await invoke(name);
    const lines = jsonLines(tail(out.LogResult));
    const requestId = out.$metadata.requestId;
    assert.deepEqual(lines[0], { time: lines[0].time, type: 'platform.start', record: { requestId, version: '$LATEST' } });
    assert.match(String(lines[0].time), /^\d{4}-\d\d-\d\dT[\d:.]+Z$/);
    const app = lines.slice(1, -1);
    assert.deepEqual(app.map((l) => [l.level, l.requestId]), [['INFO', requestId], ['INFO', requestId], ['WARN', requestId], ['ERROR', requestId]]);
    assert.equal(app[0].message, 'plain 7');
    assert.deepEqual(app[1].message, { nested: { a: 1 } });
    assert.match(String(app[2].message), /^careful TypeError: bad type/);
    assert.equal(app[2].errorType, 'TypeError');
    assert.equal(app[2].errorMessage, 'bad type');
    const error = app[3].message as Record<string, unknown>;
    assert.equal(error.errorType, 'RangeError');
    assert.equal(error.errorMessage, 'out of range');
    assert.ok(Array.isArray(error.stackTrace) && String(error.stackTrace[0]).startsWith('RangeError: out of range'));
    const report = lines.at(-1)!;
    assert.equal(report.type, 'platform.report');
    const record = report.record as { requestId: string; status: string; metrics: Record<string, number> };
    assert.equal(record.requestId, requestId);
    assert.equal(record.status, 'success');
    assert.deepEqual(Object.keys(record.metrics), ['durationMs', 'billedDurationMs', 'memorySizeMB', 'maxMemoryUsedMB', 'initDurationMs']);
    assert.equal(record.metrics.memorySizeMB, 128);
  });

  it('Node.js: a handler error is logged as a JSON ERROR line, and platform.report says error', async () => {
    const name = await createFunction(context.lambda, { 'index.mjs': 'export const handler = async () => { throw new SyntaxError("broken"); };' }, {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'ERROR', SystemLogLevel: 'INFO' },
    });
    const out = await invoke(name);
    assert.equal(out.FunctionError, 'Unhandled');
    const lines = jsonLines(tail(out.LogResult));
    const error = lines.find((l) => l.level === 'ERROR')!;
    assert.deepEqual({ ...(error.message as object), stackTrace: undefined }, { errorType: 'SyntaxError', errorMessage: 'broken', stackTrace: undefined });
    assert.equal((lines.at(-1)!.record as { status: string }).status, 'error');
  });

  it('a system log level of WARN leaves out platform.start and platform.report; the Text format keeps START, END and REPORT', async () => {
    const source = 'export const handler = async () => { console.log("hello"); return 1; };';
    const quiet = await createFunction(context.lambda, { 'index.mjs': source }, {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      LoggingConfig: { LogFormat: 'JSON', SystemLogLevel: 'WARN' },
    });
    const lines = jsonLines(tail((await invoke(quiet)).LogResult));
    assert.deepEqual(lines.map((l) => l.message), ['hello']);
    const text = await createFunction(context.lambda, { 'index.mjs': source }, { Runtime: 'nodejs20.x', Handler: 'index.handler' });
    const log = tail((await invoke(text)).LogResult);
    assert.match(log, /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n[^\n]+\tINFO\thello\nEND RequestId: [0-9a-f-]{36}\nREPORT RequestId: /);
  });

  it('Python: logging records as JSON (extra fields kept, print() stays text), DEBUG shown at level DEBUG, errors as JSON', async () => {
    const source = `import logging
logger = logging.getLogger("app")
def handler(event, context):
    logger.debug("details")
    logger.info("hello %s", "world", extra={"orderId": 42})
    print("plain print")
    raise ValueError("no good")
`;
    const name = await createFunction(context.lambda, { 'handler.py': source }, { LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'DEBUG' } });
    const out = await invoke(name);
    const text = tail(out.LogResult);
    assert.match(text, /\nplain print\n/);
    // print()'s line is not JSON.
    const lines = jsonLines(text.split('\n').filter((line) => line.startsWith('{')).join('\n'));
    const requestId = out.$metadata.requestId;
    const [debug, info] = lines.filter((l) => l.logger === 'app');
    assert.deepEqual({ ...debug, timestamp: undefined }, { timestamp: undefined, level: 'DEBUG', message: 'details', logger: 'app', requestId });
    assert.match(String(debug.timestamp), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(info.message, 'hello world');
    assert.equal(info.orderId, 42);
    const error = lines.find((l) => l.errorType === 'ValueError')!;
    assert.equal(error.level, 'ERROR');
    assert.equal(error.errorMessage, 'no good');
    assert.equal(error.requestId, requestId);
    assert.ok(Array.isArray(error.stackTrace));
  });
});
