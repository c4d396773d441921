import assert from 'node:assert/strict';
import { InvokeCommand, PublishLayerVersionCommand } from '@aws-sdk/client-lambda';
import { createFunction, decode, useLambda, zip } from './support.ts';

describe('Lambda AWS_LAMBDA_EXEC_WRAPPER: a wrapper script from a layer starts the runtime', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts']);

  it('runs /opt/<script> with the runtime command as its arguments, for Node.js and Python', async () => {
    // The wrapper a layer such as OpenTelemetry's ships: adjusts the environment, then execs the runtime it was given.
    const script = '#!/bin/sh\nexport WRAPPED_BY="wrapper"\nexport WRAPPED_ARGS="$#"\nexec "$@"\n';
    const layer = await context.lambda.send(new PublishLayerVersionCommand({ LayerName: 'wrapper', Content: { ZipFile: zip({ 'bin/wrap.sh': script }) } }));
    const Environment = { Variables: { AWS_LAMBDA_EXEC_WRAPPER: '/opt/bin/wrap.sh' } };
    const node = await createFunction(context.lambda, { 'index.mjs': 'export const handler = async () => ({ by: process.env.WRAPPED_BY, args: Number(process.env.WRAPPED_ARGS) });' }, {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Layers: [layer.LayerVersionArn!],
      Environment,
    });
    const fromNode = await context.lambda.send(new InvokeCommand({ FunctionName: node }));
    assert.equal(fromNode.FunctionError, undefined, Buffer.from(fromNode.Payload ?? []).toString());
    assert.deepEqual(decode(fromNode.Payload), { by: 'wrapper', args: 2 });
    const python = await createFunction(context.lambda, { 'handler.py': 'import os\ndef handler(event, context):\n    return {"by": os.environ.get("WRAPPED_BY")}\n' }, {
      Layers: [layer.LayerVersionArn!],
      Environment,
    });
    assert.deepEqual(decode((await context.lambda.send(new InvokeCommand({ FunctionName: python }))).Payload), { by: 'wrapper' });
  });

  it('a wrapper that does not exist fails the invocation as the shell that starts it does (exit status 127)', async () => {
    const name = await createFunction(context.lambda, { 'index.mjs': 'export const handler = async () => 1;' }, {
      Runtime: 'nodejs20.x',
      Handler: 'index.handler',
      Environment: { Variables: { AWS_LAMBDA_EXEC_WRAPPER: '/opt/missing.sh' } },
    });
    const out = await context.lambda.send(new InvokeCommand({ FunctionName: name }));
    assert.equal(out.FunctionError, 'Unhandled');
    const error = decode(out.Payload);
    assert.equal(error.errorType, 'Runtime.ExitError');
    assert.match(error.errorMessage, /^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 127$/);
  });
});
