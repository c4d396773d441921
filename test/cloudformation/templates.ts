/** Template fragments several CloudFormation tests deploy, as JSON template values (the tests vary only the rest). */

/** An IAM role Lambda may assume: what a function's `Role: !GetAtt Role.Arn` names. */
export const LAMBDA_ROLE = {
  Type: 'AWS::IAM::Role',
  Properties: { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] } },
};

/** A Python function echoing its event, with the role of LAMBDA_ROLE declared as `Role`, and the given properties. */
export function echoFunction(properties: Record<string, unknown> = {}) {
  return {
    Type: 'AWS::Lambda::Function',
    Properties: { Handler: 'index.handler', Role: { 'Fn::GetAtt': ['Role', 'Arn'] }, Runtime: 'python3.12', Code: { ZipFile: 'def handler(event, context):\n    return event\n' }, ...properties },
  };
}

/** An ACM certificate ARN for API Gateway domain names (API Gateway does not check that it exists). */
export const ACM_CERTIFICATE = 'arn:aws:acm:us-east-1:000000000000:certificate/0f6e1d5b-6b1c-4a5e-9c1e-0b1f2e3d4c5b';

/** YAML: the `/pets` resource under the root of the REST API declared as `Api`. */
export const PETS_RESOURCE = `  Pets:
    Type: AWS::ApiGateway::Resource
    Properties: { RestApiId: !Ref Api, ParentId: !GetAtt Api.RootResourceId, PathPart: pets }`;
