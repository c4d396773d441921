import assert from 'node:assert/strict';
import { CreateChangeSetCommand, DescribeChangeSetCommand, type CloudFormationClient, type Parameter } from '@aws-sdk/client-cloudformation';
import { serveCloudFormation } from './serve.ts';

const topic = (extra: object = {}) => ({ Type: 'AWS::SNS::Topic', ...extra });
const parameter = (value: unknown, extra: object = {}) => ({ Type: 'AWS::SSM::Parameter', Properties: { Type: 'String', Value: value }, ...extra });
const optionB = [{ ParameterKey: 'Option', ParameterValue: 'b' }];
const OPTION = { Parameters: { Option: { Type: 'String' } }, Conditions: { IsA: { 'Fn::Equals': [{ Ref: 'Option' }, 'a'] } } };

// What AWS refuses when a change set is made (messages from AWS's recordings in LocalStack's engine and change set
// suites): each case is a CreateChangeSet answered with a ValidationError.
const REFUSED: [string, object, Parameter[], string][] = [
  [
    'a Ref to a resource its condition leaves out',
    { ...OPTION, Resources: { Topic: topic({ Condition: 'IsA' }), Param: parameter({ Ref: 'Topic' }) } },
    optionB,
    'Template format error: Unresolved resource dependencies [Topic] in the Resources block of the template',
  ],
  [
    'an output that refers to a resource its condition leaves out',
    { ...OPTION, Resources: { Topic: topic({ Condition: 'IsA' }) }, Outputs: { TopicRef: { Value: { Ref: 'Topic' } } } },
    optionB,
    'Unresolved resource dependencies [Topic] in the Outputs block of the template',
  ],
  [
    'an Fn::Equals with one argument, in a condition nothing uses',
    { Conditions: { Unused: { 'Fn::Equals': ['a'] } }, Resources: { Topic: topic() } },
    [],
    'Template error: every Fn::Equals object requires a list of 2 string parameters.',
  ],
  [
    'a mapping look-up of a missing key',
    { Parameters: { Key: { Type: 'String' } }, Mappings: { Map: { A: { Value: 'x' } } }, Resources: { Param: parameter({ 'Fn::FindInMap': ['Map', { Ref: 'Key' }, 'Value'] }) } },
    [{ ParameterKey: 'Key', ParameterValue: 'C' }],
    'Template error: Unable to get mapping for Map::C::Value',
  ],
  ['a mapping with three levels', { Mappings: { Map: { A: { Value: { Deeper: 'x' } } } }, Resources: { Topic: topic() } }, [], 'Template format error: Every Mappings attribute must be a String or a List.'],
  ['a mapping with one level', { Mappings: { Map: { A: 'x' } }, Resources: { Topic: topic() } }, [], 'Template format error: Every Mappings member A must be a map'],
  ['an Fn::Select index past the list', { Resources: { Param: parameter({ 'Fn::Select': [100, ['test']] }) } }, [], 'Template error: Fn::Select requires a list argument with two elements: an integer index and a list'],
  ['an Fn::Select of no list', { Resources: { Param: parameter({ 'Fn::Select': [0, 2] }) } }, [], 'Template error: Fn::Select requires a list argument with two elements: an integer index and a list'],
  [
    'an Fn::Split with one argument',
    { Resources: { Param: parameter({ 'Fn::Split': { Ref: 'AWS::Region' } }) } },
    [],
    'Template error: every Fn::Split object requires two parameters, (1) a string delimiter and (2) a string to be split or a function that returns a string to be split.',
  ],
  [
    'an SSM-typed parameter naming no Parameter Store parameter',
    { Parameters: { InputValue: { Type: 'AWS::SSM::Parameter::Value<String>' } }, Resources: { Topic: topic() } },
    [{ ParameterKey: 'InputValue', ParameterValue: 'parameter-does-not-exist' }],
    'Parameter InputValue should either have input value or default value',
  ],
  ['a Number parameter given text', { Parameters: { Value: { Type: 'Number' } }, Resources: { Topic: topic() } }, [{ ParameterKey: 'Value', ParameterValue: 'x' }], "Parameter 'Value' must be a number."],
];

describe('CloudFormation checks at CreateChangeSet through the AWS SDK v3', function () {
  this.timeout(30_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, c) => {
    cfn = c;
  });
  const create = (name: string, template: object, parameters: Parameter[]) =>
    cfn.send(new CreateChangeSetCommand({ StackName: name, ChangeSetName: 'initial', ChangeSetType: 'CREATE', TemplateBody: JSON.stringify(template), Parameters: parameters }));

  REFUSED.forEach(([what, template, parameters, message], i) => {
    it(`refuses ${what}`, async () => {
      await assert.rejects(create(`refused-${i}`, template, parameters), (error: Error & { Code?: string }) => {
        assert.equal(error.name, 'ValidationError');
        assert.equal(error.message, message);
        return true;
      });
    });
  });

  it('accepts references in the Fn::If branches not taken, and an import of an export made later', async () => {
    const template = {
      ...OPTION,
      Resources: {
        Topic: topic({ Condition: 'IsA' }),
        Param: parameter({ 'Fn::If': ['IsA', { Ref: 'Topic' }, { 'Fn::Join': ['-', ['x', { 'Fn::Select': [0, ['y']] }]] }] }),
        Imported: parameter({ 'Fn::ImportValue': 'not-exported-yet' }),
      },
    };
    const { Id } = await create('accepted', template, optionB);
    const { Status } = await cfn.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    assert.equal(Status, 'CREATE_COMPLETE');
  });

  it('refuses an Fn::If naming a condition the template lacks', async () => {
    await assert.rejects(create('missing-condition', { Resources: { Param: parameter({ 'Fn::If': ['Missing', 'a', 'b'] }) } }, []), {
      name: 'ValidationError',
      message: 'Template error: unresolved condition dependency Missing in Fn::If',
    });
  });
});

