import assert from 'node:assert/strict';
import { CreateChangeSetCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { samTemplate, transformFailed } from './sam-templates.ts';
import { SAM_CAPABILITIES, serveCloudFormation, transformRefused } from './serve.ts';

// AWS::Serverless::GraphQLApi: SAM makes AppSync resources of it (the translations are compared with the SAM
// translator's in serverless-translator-pairs.test.ts), which twinstack does not serve: CloudFormation refuses them as it
// refuses any type twinstack does not serve.
const API = (more: string) =>
  samTemplate(`
Resources:
  Graph:
    Type: AWS::Serverless::GraphQLApi
    Properties:
      SchemaInline: 'type Query { hello: String }'
      Auth: { Type: API_KEY }
${more}`);

describe('CloudFormation: SAM GraphQL APIs (AWS::Serverless::GraphQLApi)', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, client) => (cfn = client));

  it('refuses the AppSync types SAM makes as unrecognized resource types', async () => {
    await assert.rejects(
      cfn.send(new CreateChangeSetCommand({ StackName: 'sam-graphql', ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: API('      ApiKeys: { Client: { Description: web } }'), Capabilities: SAM_CAPABILITIES })),
      { name: 'ValidationError', message: 'Template format error: Unrecognized resource types: [AWS::AppSync::GraphQLApi, AWS::AppSync::GraphQLSchema, AWS::AppSync::ApiKey]' },
    );
  });

  it("refuses invalid APIs with SAM's messages", async () => {
    const invalid = (message: string) => `${transformFailed(1)} Resource with id [Graph] is invalid. ${message}`;
    await transformRefused(cfn, 'sam-graphql-bad-1', API("      SchemaUri: 's3://bucket/schema.graphql'"), invalid("Both 'SchemaInline' and 'SchemaUri' cannot be defined at the same time."));
    await transformRefused(cfn, 'sam-graphql-bad-2', API('').replace('Auth: { Type: API_KEY }', 'Auth: { Type: AWS_LAMBDA }'), invalid("'LambdaAuthorizer' must be defined if type is 'AWS_LAMBDA'."));
    await transformRefused(cfn, 'sam-graphql-bad-3', API('').replace('Auth: { Type: API_KEY }', 'Auth: { Type: PASSWORD }'), invalid("Property 'Auth.Type' is invalid."));
  });
});
