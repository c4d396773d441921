import assert from 'node:assert/strict';
import {
  CreateCapacityProviderCommand,
  DeleteCapacityProviderCommand,
  GetCapacityProviderCommand,
  GetFunctionScalingConfigCommand,
  InvokeCommand,
  ListCapacityProvidersCommand,
  ListFunctionVersionsByCapacityProviderCommand,
  PublishVersionCommand,
  PutFunctionScalingConfigCommand,
  UpdateCapacityProviderCommand,
  type LambdaServiceException,
} from '@aws-sdk/client-lambda';
import { createFunction, decode, useLambda } from './support.ts';

const OPERATOR = 'arn:aws:iam::000000000000:role/lambda-operator';
const VPC = { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] };

describe('Lambda capacity providers and function scaling configs', function () {
  this.timeout(60_000);
  const context = useLambda();
  const failing = (name: string, pattern?: RegExp) => (e: LambdaServiceException) => e.name === name && (!pattern || pattern.test(e.message));

  it('stores capacity providers: Pending on create, then Active; scaling rules; update, list, delete', async () => {
    const created = await context.lambda.send(
      new CreateCapacityProviderCommand({ CapacityProviderName: 'fleet', VpcConfig: VPC, PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR } }),
    );
    assert.equal(created.$metadata.httpStatusCode, 202);
    assert.equal(created.CapacityProvider!.State, 'Pending');
    assert.equal(created.CapacityProvider!.CapacityProviderArn, 'arn:aws:lambda:us-east-1:000000000000:capacity-provider:fleet');
    const got = (await context.lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: 'fleet' }))).CapacityProvider!;
    assert.deepEqual([got.State, got.CapacityProviderScalingConfig?.ScalingMode, got.InstanceRequirements?.Architectures], ['Active', 'Auto', ['x86_64']]);

    await assert.rejects(
      context.lambda.send(new CreateCapacityProviderCommand({ CapacityProviderName: 'fleet', VpcConfig: VPC, PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR } })),
      failing('ResourceConflictException'),
    );
    await assert.rejects(
      context.lambda.send(
        new CreateCapacityProviderCommand({ CapacityProviderName: 'bad', VpcConfig: VPC, PermissionsConfig: { CapacityProviderOperatorRoleArn: 'not-a-role' } }),
      ),
      failing('ValidationException', /capacityProviderOperatorRoleArn/),
    );
    await assert.rejects(
      context.lambda.send(new UpdateCapacityProviderCommand({ CapacityProviderName: 'fleet', CapacityProviderScalingConfig: { ScalingMode: 'Manual' } })),
      failing('InvalidParameterValueException'),
    );
    const manual = { ScalingMode: 'Manual' as const, MaxVCpuCount: 64, ScalingPolicies: [{ PredefinedMetricType: 'LambdaCapacityProviderAverageCPUUtilization' as const, TargetValue: 60 }] };
    const updated = await context.lambda.send(new UpdateCapacityProviderCommand({ CapacityProviderName: 'fleet', CapacityProviderScalingConfig: manual }));
    assert.deepEqual(updated.CapacityProvider!.CapacityProviderScalingConfig, manual);
    const listed = await context.lambda.send(new ListCapacityProvidersCommand({ State: 'Active' }));
    assert.deepEqual(listed.CapacityProviders!.map((p) => p.CapacityProviderArn), [created.CapacityProvider!.CapacityProviderArn]);
    await assert.rejects(context.lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: 'nothing' })), failing('ResourceNotFoundException'));
  });

  it('keeps tag propagation and telemetry settings; Explicit propagation needs its tags', async () => {
    const base = { VpcConfig: VPC, PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR } };
    const propagate = { Mode: 'Explicit' as const, ExplicitTags: { team: 'platform' } };
    const telemetry = { LoggingConfig: { LogGroup: '/aws/lambda/capacity-provider/tagged', SystemLogLevel: 'INFO' as const } };
    await context.lambda.send(new CreateCapacityProviderCommand({ CapacityProviderName: 'tagged', ...base, PropagateTags: propagate, TelemetryConfig: telemetry }));
    const got = (await context.lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: 'tagged' }))).CapacityProvider!;
    assert.deepEqual([got.PropagateTags, got.TelemetryConfig], [propagate, telemetry]);

    await assert.rejects(
      context.lambda.send(new CreateCapacityProviderCommand({ CapacityProviderName: 'untagged', ...base, PropagateTags: { Mode: 'Explicit' } })),
      failing('InvalidParameterValueException'),
    );
    await assert.rejects(context.lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: 'untagged' })), failing('ResourceNotFoundException'));
    // A refused update changes nothing; a valid one replaces the setting it names and keeps the other.
    await assert.rejects(
      context.lambda.send(new UpdateCapacityProviderCommand({ CapacityProviderName: 'tagged', PropagateTags: { Mode: 'Explicit' }, CapacityProviderScalingConfig: { ScalingMode: 'Auto' } })),
      failing('InvalidParameterValueException'),
    );
    const updated = await context.lambda.send(new UpdateCapacityProviderCommand({ CapacityProviderName: 'tagged', PropagateTags: { Mode: 'None' } }));
    assert.deepEqual([updated.CapacityProvider!.PropagateTags, updated.CapacityProvider!.TelemetryConfig], [{ Mode: 'None' }, telemetry]);
    await context.lambda.send(new DeleteCapacityProviderCommand({ CapacityProviderName: 'tagged' }));
  });

  it('places functions on a provider, lists their versions, scales published versions, refuses deleting a provider in use', async () => {
    const provider = (await context.lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: 'fleet' }))).CapacityProvider!;
    const placement = { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: provider.CapacityProviderArn! } };
    const name = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return "on fleet"\n' }, { CapacityProviderConfig: placement });
    await assert.rejects(
      createFunction(context.lambda, { 'handler.py': 'x' }, { CapacityProviderConfig: { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: `${provider.CapacityProviderArn!}-gone` } } }),
      failing('ResourceNotFoundException'),
    );
    assert.equal(decode((await context.lambda.send(new InvokeCommand({ FunctionName: name }))).Payload), 'on fleet');
    await context.lambda.send(new PublishVersionCommand({ FunctionName: name }));
    const versions = await context.lambda.send(new ListFunctionVersionsByCapacityProviderCommand({ CapacityProviderName: 'fleet' }));
    assert.deepEqual(versions.FunctionVersions!.map((v) => [v.FunctionArn!.split(':').slice(-2).join(':'), v.State]), [
      [`${name}:$LATEST`, 'Active'],
      [`${name}:1`, 'Active'],
    ]);

    const put = await context.lambda.send(
      new PutFunctionScalingConfigCommand({ FunctionName: name, Qualifier: '$LATEST.PUBLISHED', FunctionScalingConfig: { MinExecutionEnvironments: 1, MaxExecutionEnvironments: 4 } }),
    );
    assert.equal(put.FunctionState, 'Active');
    const scaling = await context.lambda.send(new GetFunctionScalingConfigCommand({ FunctionName: name, Qualifier: '1' }));
    assert.equal(scaling.FunctionArn, `arn:aws:lambda:us-east-1:000000000000:function:${name}:1`);
    assert.deepEqual(scaling.RequestedFunctionScalingConfig, { MinExecutionEnvironments: 1, MaxExecutionEnvironments: 4 });
    await assert.rejects(
      context.lambda.send(new PutFunctionScalingConfigCommand({ FunctionName: name, Qualifier: '1', FunctionScalingConfig: { MinExecutionEnvironments: 5, MaxExecutionEnvironments: 2 } })),
      failing('InvalidParameterValueException'),
    );
    await assert.rejects(context.lambda.send(new GetFunctionScalingConfigCommand({ FunctionName: name, Qualifier: '7' })), failing('ResourceNotFoundException'));
    await assert.rejects(context.lambda.send(new GetFunctionScalingConfigCommand({ FunctionName: name, Qualifier: '$LATEST' })), failing('ValidationException'));
    const plain = await createFunction(context.lambda, { 'handler.py': 'def handler(e, c):\n    return 1\n' }, { Publish: true });
    await assert.rejects(context.lambda.send(new GetFunctionScalingConfigCommand({ FunctionName: plain, Qualifier: '1' })), failing('InvalidParameterValueException'));

    await assert.rejects(context.lambda.send(new DeleteCapacityProviderCommand({ CapacityProviderName: 'fleet' })), failing('ResourceConflictException'));
    const spare = await context.lambda.send(
      new CreateCapacityProviderCommand({ CapacityProviderName: 'spare', VpcConfig: VPC, PermissionsConfig: { CapacityProviderOperatorRoleArn: OPERATOR } }),
    );
    const deleted = await context.lambda.send(new DeleteCapacityProviderCommand({ CapacityProviderName: spare.CapacityProvider!.CapacityProviderArn! }));
    assert.equal(deleted.CapacityProvider!.State, 'Deleting');
    await assert.rejects(context.lambda.send(new GetCapacityProviderCommand({ CapacityProviderName: 'spare' })), failing('ResourceNotFoundException'));
  });
});
