import assert from 'node:assert/strict';
import { CreateChangeSetCommand } from '@aws-sdk/client-cloudformation';
import { GetPolicyCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { samFunction, samTemplate } from './sam-templates.ts';
import { deleteStack, deployTransformed, physicalId, SAM_CAPABILITIES, serveWithClients } from './serve.ts';

// Function events of services twinstack serves or not: AlexaSkill (only a Lambda permission, deployed), IoTRule (an
// AWS::IoT::TopicRule) and Cognito (the template's AWS::Cognito::UserPool edited), which CloudFormation refuses as
// unrecognized types as it does any type twinstack does not serve. The translations are the SAM translator's (see
// serverless-translator-pairs.test.ts).
describe('CloudFormation: SAM AlexaSkill, IoTRule and Cognito events', function () {
  this.timeout(60_000);
  const served = serveWithClients({ lambda: LambdaClient });

  it("lets Alexa invoke the function for the event's skill", async () => {
    const template = samTemplate(`
Resources:
${samFunction('Skill', { properties: '      Events: { Voice: { Type: AlexaSkill, Properties: { SkillId: amzn1.ask.skill.0000-1111 } } }' })}`);
    const { stack, processed } = await deployTransformed(served.cfn, 'sam-alexa', template);
    assert.deepEqual(processed.Resources.SkillVoicePermission.Properties, { Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'Skill' }, Principal: 'alexa-appkit.amazon.com', EventSourceToken: 'amzn1.ask.skill.0000-1111' });
    const policy = JSON.parse((await served.lambda.send(new GetPolicyCommand({ FunctionName: await physicalId(served.cfn, 'sam-alexa', 'Skill') }))).Policy!);
    assert.deepEqual(
      policy.Statement.map((s: { Principal: { Service: string }; Condition: unknown }) => [s.Principal.Service, s.Condition]),
      [['alexa-appkit.amazon.com', { StringEquals: { 'lambda:EventSourceToken': 'amzn1.ask.skill.0000-1111' } }]],
    );
    await deleteStack(served.cfn, stack);
  });

  const refused = (name: string, template: string, types: string) =>
    assert.rejects(
      served.cfn.send(new CreateChangeSetCommand({ StackName: name, ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: template, Capabilities: SAM_CAPABILITIES })),
      { name: 'ValidationError', message: `Template format error: Unrecognized resource types: [${types}]` },
    );

  it('makes the IoT topic rule and edits the Cognito user pool, which CloudFormation refuses as unserved types', async () => {
    await refused('sam-iot', samTemplate(`
Resources:
${samFunction('Reader', { properties: "      Events: { Readings: { Type: IoTRule, Properties: { Sql: \"SELECT * FROM 'sensors'\" } } }" })}`), 'AWS::IoT::TopicRule');
    await refused('sam-cognito', samTemplate(`
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
${samFunction('Hook', { properties: '      Events: { SignUp: { Type: Cognito, Properties: { UserPool: !Ref Pool, Trigger: PreSignUp } } }' })}`), 'AWS::Cognito::UserPool');
  });
});
