import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand, PutMethodResponseCommand } from '@aws-sdk/client-api-gateway';
import { executeHost, http, useApiGateway } from './support.ts';

/**
 * Request mapping templates, seen by an HTTP backend that echoes what it was sent. Behaviour from AWS's documentation
 * (integration-passthrough-behaviors: a request without Content-Type is taken as application/json, whatever the
 * passthrough behaviour) and Java's java.lang.String, whose methods Velocity templates call.
 */
describe('API Gateway REST API request mapping templates', function () {
  this.timeout(60_000);
  const gw = useApiGateway();
  let backend: Server;
  let backendUrl: string;
  before(async () => {
    backend = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ contentType: req.headers['content-type'], body: Buffer.concat(chunks).toString() }));
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  });
  after(() => backend.close());

  /** An API whose POST /<path> sends the mapped body to the echo backend, per passthrough behaviour; its stage `dev`. */
  async function echoApi(templates: Record<string, Record<string, string>>, passthroughBehavior = 'WHEN_NO_MATCH') {
    const { id, rootResourceId } = await gw.v1.send(new CreateRestApiCommand({ name: 'mapped' }));
    for (const [path, requestTemplates] of Object.entries(templates)) {
      const resource = await gw.v1.send(new CreateResourceCommand({ restApiId: id, parentId: rootResourceId, pathPart: path }));
      const key = { restApiId: id, resourceId: resource.id, httpMethod: 'POST' };
      await gw.v1.send(new PutMethodCommand({ ...key, authorizationType: 'NONE' }));
      await gw.v1.send(new PutIntegrationCommand({ ...key, type: 'HTTP', integrationHttpMethod: 'POST', uri: `${backendUrl}/echo`, requestTemplates, passthroughBehavior }));
      await gw.v1.send(new PutMethodResponseCommand({ ...key, statusCode: '200' }));
      await gw.v1.send(new PutIntegrationResponseCommand({ ...key, statusCode: '200' }));
    }
    await gw.v1.send(new CreateDeploymentCommand({ restApiId: id, stageName: 'dev' }));
    return (path: string, body: string, headers: Record<string, string> = {}) =>
      http(`${gw.aws.endpoint}/dev/${path}`, { method: 'POST', body, headers: { ...headers, host: executeHost(gw.aws.endpoint, id!) } });
  }

  it('maps a request without Content-Type with the application/json template, whatever the passthrough behaviour', async () => {
    for (const behaviour of ['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER']) {
      const post = await echoApi({ pets: { 'application/json': '{"mapped": "$input.path(\'$.name\')"}' } }, behaviour);
      const answer = await post('pets', '{"name": "rex"}');
      assert.equal(answer.status, 200, behaviour);
      assert.equal(answer.json<{ body: string }>().body, '{"mapped": "rex"}', behaviour);
      // Another content type, without a template of its own: passed through, or refused with 415.
      const xml = await post('pets', '<name>rex</name>', { 'content-type': 'application/xml' });
      if (behaviour === 'WHEN_NO_MATCH') assert.equal(xml.json<{ body: string }>().body, '<name>rex</name>');
      else assert.deepEqual([xml.status, xml.json()], [415, { message: 'Unsupported Media Type' }], behaviour);
    }
  });

  it("calls java.lang.String's methods with Java's meaning (SAM's unescaping replaceAll, length, split, matches…)", async () => {
    const post = await echoApi({
      // SAM's state machine Api event template: escapeJavaScript escapes ' as \', which JSON does not allow.
      sam: { 'application/json': `{"input": "$util.escapeJavaScript($input.json('$')).replaceAll("\\\\'","'")"}` },
      strings: {
        'application/json': [
          `#set($s = $input.path('$.name'))`,
          `$s.length()|$s.isEmpty()|$s.replace("-", "+")|$s.replaceAll("[aeiou]", "*")|$s.replaceFirst("(\\w+)-(\\w+)", "$2-$1")`,
          `|$s.split("-").size()|$s.split("-")[1]|$s.matches("[a-z]+-[a-z]+")|$s.matches("rex")|$s.contains("x-d")|$s.equals("rex-dog")|$s.equalsIgnoreCase("REX-DOG")|$s.substring(4)|$s.indexOf("d")|$s.toUpperCase()`,
        ].join(''),
      },
    });
    const sam = await post('sam', JSON.stringify({ name: "it's", n: 1 }), { 'content-type': 'application/json' });
    assert.equal(sam.status, 200);
    const { body } = sam.json<{ body: string }>();
    assert.equal(body, '{"input": "{\\"name\\":\\"it\'s\\",\\"n\\":1}"}');
    assert.deepEqual(JSON.parse(JSON.parse(body).input), { name: "it's", n: 1 });

    const strings = await post('strings', JSON.stringify({ name: 'rex-dog' }), { 'content-type': 'application/json' });
    assert.equal(strings.json<{ body: string }>().body, '7|false|rex+dog|r*x-d*g|dog-rex|2|dog|true|false|true|true|true|dog|4|REX-DOG');
  });
});
