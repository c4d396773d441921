// CDK's own custom resources, unchanged: the provider framework (onEvent and isComplete handlers behind the
// framework's functions and its waiter state machine) and AwsCustomResource (an SDK call made by CDK's function).
// Both answer CloudFormation's ResponseURL with https.request.
import { App, CfnOutput, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId, Provider } from 'aws-cdk-lib/custom-resources';

const app = new App();
const stack = new Stack(app, 'CustomResources', { env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } });

const parameter = new ssm.StringParameter(stack, 'Greeting', { parameterName: '/custom-resources/greeting', stringValue: 'hello from ssm' });

// onEvent starts the work (it writes a parameter); isComplete finishes it once the parameter is there.
const onEvent = new lambda.Function(stack, 'OnEvent', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline(`
const { SSMClient, PutParameterCommand, DeleteParameterCommand } = require('@aws-sdk/client-ssm');
exports.handler = async (event) => {
  const ssm = new SSMClient({});
  const name = '/custom-resources/made-by-' + event.LogicalResourceId;
  if (event.RequestType === 'Delete') {
    await ssm.send(new DeleteParameterCommand({ Name: name })).catch(() => {});
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  await ssm.send(new PutParameterCommand({ Name: name, Value: 'made for ' + event.ResourceProperties.Name, Type: 'String', Overwrite: true }));
  return { PhysicalResourceId: name, Data: { Started: 'yes' } };
};`),
});
const isComplete = new lambda.Function(stack, 'IsComplete', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline(`
const { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');
exports.handler = async (event) => {
  if (event.RequestType === 'Delete') return { IsComplete: true };
  const { Parameter } = await new SSMClient({}).send(new GetParameterCommand({ Name: event.PhysicalResourceId }));
  return { IsComplete: true, Data: { Made: Parameter.Value } };
};`),
});
for (const fn of [onEvent, isComplete]) {
  fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['ssm:PutParameter', 'ssm:GetParameter', 'ssm:DeleteParameter'], resources: ['*'] }));
}
const provider = new Provider(stack, 'Provider', { onEventHandler: onEvent, isCompleteHandler: isComplete, queryInterval: Duration.seconds(1), totalTimeout: Duration.minutes(2) });
const made = new CustomResource(stack, 'Made', { serviceToken: provider.serviceToken, properties: { Name: 'twinstack' } });

const read = new AwsCustomResource(stack, 'ReadGreeting', {
  onUpdate: {
    service: 'SSM',
    action: 'getParameter',
    parameters: { Name: parameter.parameterName },
    physicalResourceId: PhysicalResourceId.of('read-greeting'),
  },
  policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameter.parameterArn] }),
});

new CfnOutput(stack, 'MadeId', { value: made.ref });
new CfnOutput(stack, 'Started', { value: made.getAttString('Started') });
new CfnOutput(stack, 'MadeValue', { value: made.getAttString('Made') });
new CfnOutput(stack, 'GreetingRead', { value: read.getResponseField('Parameter.Value') });
