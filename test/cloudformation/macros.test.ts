import assert from 'node:assert/strict';
import { CreateStackCommand, DeleteStackCommand, DescribeStackResourcesCommand, GetTemplateCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { serveCloudFormation, settled } from './serve.ts';

// Two macros of one function: AddQueue adds a queue to the template it processes; Upper answers Fn::Transform calls.
const MACRO_STACK = `
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: Allow, Principal: { Service: lambda.amazonaws.com }, Action: sts:AssumeRole }] }
  Function:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code:
        ZipFile: |
          exports.handler = async (event) => {
            const reply = (fragment) => ({ requestId: event.requestId, status: 'success', fragment });
            if (event.transformId.endsWith('::Upper')) {
              const { Text, FromParameter } = event.params;
              const text = Text ?? event.templateParameterValues[FromParameter];
              return reply(text === undefined ? { ...event.fragment, DelaySeconds: 5 } : text.toUpperCase());
            }
            if (event.transformId.endsWith('::Append')) {
              const walk = (node) => typeof node === 'string' ? node.replace('<here>', event.params.Text + ' <here>')
                : Array.isArray(node) ? node.map(walk) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)])) : node;
              return reply(walk(event.fragment));
            }
            if (event.fragment.Metadata && event.fragment.Metadata.Fail) return { requestId: event.requestId, status: 'failure', errorMessage: 'told to fail' };
            return reply({ ...event.fragment, Resources: { ...event.fragment.Resources, Added: { Type: 'AWS::SQS::Queue' } } });
          };
  Macro:
    Type: AWS::CloudFormation::Macro
    Properties: { Name: AddQueue, FunctionName: !GetAtt Function.Arn }
  SnippetMacro:
    Type: AWS::CloudFormation::Macro
    Properties: { Name: Upper, FunctionName: !GetAtt Function.Arn }
  AppendMacro:
    Type: AWS::CloudFormation::Macro
    Properties: { Name: Append, FunctionName: !GetAtt Function.Arn }
`;

// Append calls in both scopes, each form: snippet calls run first (in list order), then the Transform section's, each
// given its Parameters with references to template parameters resolved.
const ORDERED = `
Parameters:
  Word: { Type: String, Default: param-word }
Transform:
  - Name: Append
    Parameters: { Text: !Ref Word }
  - { Name: Append, Parameters: { Text: global-2 } }
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: <here>
      Fn::Transform:
        - { Name: Append, Parameters: { Text: snippet-1 } }
        - { Name: Append, Parameters: { Text: !Join ['-', [snippet, '2']] } }
`;

// Fn::Transform calls of the Upper macro: whole values (replaced by the macro's string) and a Properties object
// whose siblings the macro extends.
const SNIPPETS = `
Parameters:
  Suffix: { Type: String, Default: abc }
Resources:
  Param:
    Type: AWS::SSM::Parameter
    Properties:
      Type: String
      Value: { 'Fn::Transform': { Name: Upper, Parameters: { Text: hello } } }
      Description: !Transform { Name: Upper, Parameters: { FromParameter: Suffix } }
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      Fn::Transform: { Name: Upper }
      VisibilityTimeout: 40
`;

describe('CloudFormation: macros (AWS::CloudFormation::Macro backed by Lambda)', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => (cfn = c));

  it('processes a template through the macro its Transform names or Fn::Transform calls, and fails with the macro\'s message', async () => {
    await cfn.send(new CreateStackCommand({ StackName: 'macro', TemplateBody: MACRO_STACK, Capabilities: ['CAPABILITY_IAM'] }));
    assert.equal((await settled(cfn, 'macro')).StackStatus, 'CREATE_COMPLETE');

    const template = 'Transform: AddQueue\nResources:\n  Own: { Type: AWS::SQS::Queue }\n';
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'uses-macro', TemplateBody: template })), {
      name: 'InsufficientCapabilitiesException',
      message: 'Requires capabilities : [CAPABILITY_AUTO_EXPAND]',
    });
    await cfn.send(new CreateStackCommand({ StackName: 'uses-macro', TemplateBody: template, Capabilities: ['CAPABILITY_AUTO_EXPAND'] }));
    assert.equal((await settled(cfn, 'uses-macro')).StackStatus, 'CREATE_COMPLETE');
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'uses-macro' }));
    assert.deepEqual(StackResources!.map((r) => r.LogicalResourceId).sort(), ['Added', 'Own']);
    const processed = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: 'uses-macro', TemplateStage: 'Processed' }))).TemplateBody!);
    assert.equal(processed.Transform, undefined);

    const failing = 'Transform: AddQueue\nMetadata: { Fail: true }\nResources:\n  Own: { Type: AWS::SQS::Queue }\n';
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'fails', TemplateBody: failing, Capabilities: ['CAPABILITY_AUTO_EXPAND'] })), {
      name: 'ValidationError',
      message: 'Transform 000000000000::AddQueue failed with: told to fail',
    });
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'unknown', TemplateBody: template.replace('AddQueue', 'Nope'), Capabilities: ['CAPABILITY_AUTO_EXPAND'] })), {
      name: 'ValidationError',
      message: 'No transform named 000000000000::Nope found.',
    });

    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'snippets', TemplateBody: SNIPPETS })), { name: 'InsufficientCapabilitiesException' });
    await cfn.send(new CreateStackCommand({ StackName: 'snippets', TemplateBody: SNIPPETS, Parameters: [{ ParameterKey: 'Suffix', ParameterValue: 'xyz' }], Capabilities: ['CAPABILITY_AUTO_EXPAND'] }));
    assert.equal((await settled(cfn, 'snippets')).StackStatus, 'CREATE_COMPLETE');
    const processedSnippets = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: 'snippets', TemplateStage: 'Processed' }))).TemplateBody!);
    assert.deepEqual(processedSnippets.Resources.Param.Properties, { Type: 'String', Value: 'HELLO', Description: 'XYZ' });
    assert.deepEqual(processedSnippets.Resources.Queue.Properties, { VisibilityTimeout: 40, DelaySeconds: 5 });
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'unknown-snippet', TemplateBody: SNIPPETS.replace('Name: Upper }', 'Name: Nope }'), Capabilities: ['CAPABILITY_AUTO_EXPAND'] })), {
      name: 'ValidationError',
      message: 'No transform named 000000000000::Nope found.',
    });

    await cfn.send(new CreateStackCommand({ StackName: 'ordered', TemplateBody: ORDERED, Capabilities: ['CAPABILITY_AUTO_EXPAND'] }));
    assert.equal((await settled(cfn, 'ordered')).StackStatus, 'CREATE_COMPLETE');
    const ordered = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: 'ordered', TemplateStage: 'Processed' }))).TemplateBody!);
    assert.deepEqual(ordered.Resources.Param.Properties, { Type: 'String', Value: 'snippet-1 snippet-2 param-word global-2 <here>' });
    assert.equal(ordered.Transform, undefined);

    // A JSON template's processed stage is the processed template too; its original stays as sent.
    const json = JSON.stringify({ Transform: { Name: 'AddQueue' }, Resources: { Own: { Type: 'AWS::SQS::Queue' } } });
    await cfn.send(new CreateStackCommand({ StackName: 'json', TemplateBody: json, Capabilities: ['CAPABILITY_AUTO_EXPAND'] }));
    assert.equal((await settled(cfn, 'json')).StackStatus, 'CREATE_COMPLETE');
    assert.deepEqual(Object.keys(JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: 'json', TemplateStage: 'Processed' }))).TemplateBody!).Resources), ['Own', 'Added']);
    assert.equal((await cfn.send(new GetTemplateCommand({ StackName: 'json', TemplateStage: 'Original' }))).TemplateBody, json);
    await assert.rejects(cfn.send(new CreateStackCommand({ StackName: 'by-ref', TemplateBody: 'Parameters: { M: { Type: String } }\nTransform: [{ Name: !Ref M }]\nResources: { Q: { Type: AWS::SQS::Queue } }\n', Parameters: [{ ParameterKey: 'M', ParameterValue: 'AddQueue' }], Capabilities: ['CAPABILITY_AUTO_EXPAND'] })), {
      name: 'ValidationError',
      message: 'Key Name of transform definition must be a string.',
    });

    for (const name of ['json', 'ordered', 'snippets', 'uses-macro', 'macro']) {
      const { StackId } = await settled(cfn, name);
      await cfn.send(new DeleteStackCommand({ StackName: name }));
      assert.equal((await settled(cfn, StackId!)).StackStatus, 'DELETE_COMPLETE');
    }
  });

  it('expands AWS::LanguageExtensions loops and known functions in the processed template', async () => {
    const template = `
Transform: AWS::LanguageExtensions
Parameters:
  Names: { Type: CommaDelimitedList, Default: 'a-1,b-2' }
Resources:
  Fn::ForEach::Queues:
    - Name
    - !Ref Names
    - Queue&{Name}:
        Type: AWS::SQS::Queue
        Properties:
          QueueName: !Sub 'q-\${Name}'
          DelaySeconds: { 'Fn::Length': !Ref Names }
      Fn::ForEach::Inner:
        - Kind
        - [X, Y]
        - Param&{Name}\${Kind}:
            Type: AWS::SSM::Parameter
            Properties: { Type: String, Value: { 'Fn::ToJsonString': { kind: !Ref Kind } } }
`;
    await cfn.send(new CreateStackCommand({ StackName: 'extensions', TemplateBody: template, Capabilities: ['CAPABILITY_AUTO_EXPAND'] }));
    assert.equal((await settled(cfn, 'extensions')).StackStatus, 'CREATE_COMPLETE');
    const processed = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: 'extensions', TemplateStage: 'Processed' }))).TemplateBody!);
    assert.equal(processed.Transform, undefined);
    assert.deepEqual(Object.keys(processed.Resources).sort(), ['Parama1X', 'Parama1Y', 'Paramb2X', 'Paramb2Y', 'Queuea1', 'Queueb2']);
    assert.deepEqual(processed.Resources.Queuea1.Properties, { QueueName: 'q-a-1', DelaySeconds: 2 });
    assert.deepEqual(processed.Resources.Paramb2Y.Properties.Value, '{"kind":"Y"}');
    const { StackResources } = await cfn.send(new DescribeStackResourcesCommand({ StackName: 'extensions' }));
    assert.equal(StackResources!.length, 6);
    const { StackId } = await settled(cfn, 'extensions');
    await cfn.send(new DeleteStackCommand({ StackName: 'extensions' }));
    assert.equal((await settled(cfn, StackId!)).StackStatus, 'DELETE_COMPLETE');
  });
});
