"""API Gateway through boto3: a MOCK REST API deployed and called over HTTP, errors, an HTTP API. Prints JSON."""
import json
import sys
import urllib.error
import urllib.request
from urllib.parse import urlparse

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
apigw = boto3.client("apigateway", endpoint_url=endpoint)
v2 = boto3.client("apigatewayv2", endpoint_url=endpoint)
out = {}

api = apigw.create_rest_api(name="boto3-api")
resource = apigw.create_resource(restApiId=api["id"], parentId=api["rootResourceId"], pathPart="hello")
apigw.put_method(restApiId=api["id"], resourceId=resource["id"], httpMethod="GET", authorizationType="NONE")
apigw.put_integration(
    restApiId=api["id"], resourceId=resource["id"], httpMethod="GET", type="MOCK",
    requestTemplates={"application/json": '{"statusCode": 200}'},
)
apigw.put_method_response(restApiId=api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200")
apigw.put_integration_response(
    restApiId=api["id"], resourceId=resource["id"], httpMethod="GET", statusCode="200",
    responseTemplates={"application/json": '{"hello": "$input.params(\'who\')"}'},
)
apigw.create_deployment(restApiId=api["id"], stageName="test")
port = urlparse(endpoint).port
request = urllib.request.Request(f"{endpoint}/test/hello?who=boto3", headers={"Host": f"{api['id']}.execute-api.localhost.localstack.cloud:{port}"})
with urllib.request.urlopen(request) as response:
    out["mock"] = {"status": response.status, "body": json.loads(response.read())}
out["resources"] = sorted(r["path"] for r in apigw.get_resources(restApiId=api["id"])["items"])

try:
    apigw.get_rest_api(restApiId="nope")
except ClientError as e:
    out["missing"] = {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}

http_api = v2.create_api(Name="boto3-http", ProtocolType="HTTP")
out["http"] = {"protocol": http_api["ProtocolType"], "selection": http_api["RouteSelectionExpression"]}
try:
    v2.get_api(ApiId="nope")
except ClientError as e:
    out["v2missing"] = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}

print(json.dumps(out))
