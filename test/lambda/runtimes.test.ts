import assert from 'node:assert/strict';
import { GetFunctionConfigurationCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { createFunction, decode, useLambda } from './support.ts';

// LocalStack's AWS-validated TestPythonRuntimes::test_handler_in_submodule, which records nothing: its assertion is here.
describe('Lambda runtimes: handlers where AWS finds them', function () {
  this.timeout(60_000);
  const context = useLambda(['lambda', 'sts']);

  for (const runtime of ['python3.12', 'python3.13'] as const) {
    it(`${runtime}: a handler in a package named by a Python keyword (localstack_package.def.main.handler)`, async () => {
      const name = await createFunction(
        context.lambda,
        { 'localstack_package/def/main.py': 'def handler(event, context):\n    return {"event": event, "function": context.function_name}\n' },
        { Runtime: runtime, Handler: 'localstack_package.def.main.handler' },
      );
      const result = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{}') }));
      assert.equal(result.StatusCode, 200);
      assert.equal(result.FunctionError, undefined, decode(result.Payload) as string);
      assert.deepEqual(decode(result.Payload), { event: {}, function: name });
    });
  }

  it('runtimes newer than the recorded runtime list (nodejs26.x, python3.15 of the current model) are accepted and run', async () => {
    const node = await createFunction(context.lambda, { 'index.mjs': 'export const handler = async (event) => ({ node: event.n });\n' }, { Runtime: 'nodejs26.x', Handler: 'index.handler' });
    const python = await createFunction(context.lambda, { 'handler.py': 'def handler(event, context):\n    return {"python": event["n"]}\n' }, { Runtime: 'python3.15' });
    assert.equal((await context.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: node }))).Runtime, 'nodejs26.x');
    for (const [name, key] of [[node, 'node'], [python, 'python']]) {
      const result = await context.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from('{"n":1}') }));
      assert.deepEqual(decode(result.Payload), { [key]: 1 });
    }
  });
});
