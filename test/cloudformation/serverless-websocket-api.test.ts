import assert from 'node:assert/strict';
import { ApiGatewayV2Client, GetRoutesCommand, GetStageCommand } from '@aws-sdk/client-apigatewayv2';
import WebSocket from 'ws';
import { samTemplate, transformFailed } from './sam-templates.ts';
import { deleteStack, deployTransformed, output, serveWithClients, transformRefused } from './serve.ts';

// An AWS::Serverless::WebSocketApi deployed through the SAM transform (the resources and ids are the SAM translator's,
// compared with its published outputs in serverless-translator-pairs.test.ts) and used over a WebSocket: the $connect
// route's REQUEST authorizer and function, and a route whose function answers through the @connections API, as API
// Gateway's WebSocket documentation describes them.
const TEMPLATE = samTemplate(`
Globals:
  Function: { Runtime: nodejs20.x, Handler: index.handler }
Resources:
  Chat:
    Type: AWS::Serverless::WebSocketApi
    Properties:
      StageName: live
      RouteSelectionExpression: $request.body.action
      Auth:
        AuthType: CUSTOM
        AuthArn: !GetAtt Gate.Arn
        IdentitySource: [route.request.querystring.token]
      Routes:
        $connect: { FunctionArn: !GetAtt Connect.Arn }
        send: { FunctionArn: !GetAtt Send.Arn }
  Gate:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: |
        exports.handler = async (event) => ({ principalId: 'user', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.queryStringParameters.token === 'open' ? 'Allow' : 'Deny', Resource: event.methodArn }] } });
  Connect:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: "exports.handler = async (event) => ({ statusCode: event.queryStringParameters.room === 'closed' ? 403 : 200 });"
  Send:
    Type: AWS::Serverless::Function
    Properties:
      InlineCode: |
        const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
        exports.handler = async (event) => {
          const { apiId, stage, connectionId, routeKey } = event.requestContext;
          const client = new ApiGatewayManagementApiClient({ endpoint: process.env.AWS_ENDPOINT_URL + '/_aws/execute-api/' + apiId + '/' + stage });
          await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: routeKey + ':' + JSON.parse(event.body).text }));
          return { statusCode: 200 };
        };
Outputs:
  Api: { Value: !Ref Chat }
`);

describe('CloudFormation: SAM WebSocket APIs (AWS::Serverless::WebSocketApi)', function () {
  this.timeout(60_000);
  const clients = serveWithClients({ v2: ApiGatewayV2Client });
  const opened: WebSocket[] = [];
  after(() => {
    for (const socket of opened) socket.terminate();
  });

  /** Opens a connection; resolves with the messages it will receive once open, or rejects with the refusal's status. */
  const connect = (url: string) =>
    new Promise<{ socket: WebSocket; messages: string[] }>((resolve, reject) => {
      const socket = new WebSocket(url);
      opened.push(socket);
      const messages: string[] = [];
      socket.on('message', (data) => messages.push(data.toString()));
      socket.once('open', () => resolve({ socket, messages }));
      socket.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
      socket.once('error', reject);
    });

  it('serves the routes: the authorizer and $connect function decide, a route function answers through @connections', async () => {
    const { stack, processed } = await deployTransformed(clients.cfn, 'sam-websocket', TEMPLATE);
    assert.equal(processed.Resources.ChatConnectAuthorizer.Type, 'AWS::ApiGatewayV2::Authorizer');
    const apiId = output(stack, 'Api');
    const routes = (await clients.v2.send(new GetRoutesCommand({ ApiId: apiId }))).Items!;
    assert.deepEqual(routes.map((r) => [r.RouteKey, r.AuthorizationType]).sort(), [['$connect', 'CUSTOM'], ['send', 'NONE']]);
    const stage = await clients.v2.send(new GetStageCommand({ ApiId: apiId, StageName: 'live' }));
    assert.equal(stage.AutoDeploy, true);
    assert.equal(stage.Tags!['websocketapi:createdBy'], 'SAM');

    const url = (query: string) => `${clients.aws.endpoint.replace(/^http/, 'ws')}/_aws/execute-api/${apiId}/live?${query}`;
    // Without the identity source 401, denied by the authorizer 403, refused by the $connect function 403.
    await assert.rejects(connect(url('room=a')), { status: 401 });
    await assert.rejects(connect(url('token=shut&room=a')), { status: 403 });
    await assert.rejects(connect(url('token=open&room=closed')), { status: 403 });
    const client = await connect(url('token=open&room=a'));
    client.socket.send(JSON.stringify({ action: 'send', text: 'hello' }));
    for (let i = 0; i < 100 && !client.messages.length; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(client.messages, ['send:hello']);
    client.socket.close();
    await deleteStack(clients.cfn, stack);
  });

  it("refuses SAM's invalid WebSocket APIs with SAM's messages", async () => {
    const api = (properties: string) => samTemplate(`
Resources:
  Api:
    Type: AWS::Serverless::WebSocketApi
    Properties:
${properties}`);
    const invalid = (message: string) => `${transformFailed(1)} Resource with id [Api] is invalid. ${message}`;
    await transformRefused(clients.cfn, 'sam-ws-bad-1', api('      RouteSelectionExpression: $request.body.action\n      Routes: {}'), invalid('WebSocket API must have at least one route.'));
    await transformRefused(clients.cfn, 'sam-ws-bad-2', api('      Routes: { $connect: { FunctionArn: arn } }'), invalid("Missing required property 'RouteSelectionExpression'."));
    await transformRefused(clients.cfn, 'sam-ws-bad-3', api('      RouteSelectionExpression: x\n      Routes: { $nonsense: { FunctionArn: arn } }'), invalid("Route key '$nonsense' must be alphanumeric. Only $connect, $disconnect, and $default special routes are supported."));
    await transformRefused(clients.cfn, 'sam-ws-bad-4', api('      RouteSelectionExpression: x\n      StageName: $default\n      Routes: { $connect: { FunctionArn: arn } }'), invalid('Stages cannot be named $default for WebSocket APIs.'));
    await transformRefused(clients.cfn, 'sam-ws-bad-5', api('      RouteSelectionExpression: x\n      Auth: { AuthType: AWS_IAM }\n      Routes: { send: { FunctionArn: arn } }'), invalid('Authorization is only available if there is a $connect route.'));
    await transformRefused(clients.cfn, 'sam-ws-bad-6', api('      RouteSelectionExpression: x\n      Routes: { $connect: { IntegrationTimeout: 100 } }'), invalid('Route must have associated function.'));
  });
});
