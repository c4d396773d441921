"""Runs the request sequences of LocalStack's AWS-validated Lambda tests with boto3 (github localstack/localstack,
tests/aws/services/lambda_/, Apache-2.0) and prints each response under its snapshot key, as JSON."""
import io
import json
import sys
import zipfile
from datetime import datetime

import boto3
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::000000000000:role/lambda-test-role"
lam = boto3.client("lambda", endpoint_url=ENDPOINT, region_name="us-east-1")


def zipped(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


ECHO = zipped({"handler.py": "def handler(event, context):\n    return event\n"})
results = {}


def call(test, key, fn, **kwargs):
    try:
        response = fn(**kwargs)
    except ClientError as error:
        response = error.response
    if "Payload" in response and hasattr(response["Payload"], "read"):
        text = response["Payload"].read().decode()
        response["Payload"] = json.loads(text) if text else text
    results.setdefault(test, {})[key] = response
    return response


def create(FunctionName, **kwargs):
    """As LocalStack's create_lambda_function fixture calls it: an empty environment and no tags."""
    params = {"FunctionName": FunctionName, "Runtime": "python3.12", "Role": ROLE, "Handler": "handler.handler", "Code": {"ZipFile": ECHO}, "Timeout": 30, "Environment": {"Variables": {}}, "Tags": {}}
    params.update(kwargs)
    return lam.create_function(**params)


# TestLambdaFunction::test_function_lifecycle
t = "test_function_lifecycle"
name = "lifecycle-fn"
call(t, "create_response", create, FunctionName=name, MemorySize=256, Timeout=5)
lam.get_waiter("function_active_v2").wait(FunctionName=name)
call(t, "get_function_response", lam.get_function, FunctionName=name)
call(t, "update_func_conf_response", lam.update_function_configuration, FunctionName=name, Runtime="python3.11", Description="Changed-Description", MemorySize=512, Timeout=10, Environment={"Variables": {"ENV_A": "a"}})
lam.get_waiter("function_updated_v2").wait(FunctionName=name)
call(t, "get_function_response_postupdate", lam.get_function, FunctionName=name)
call(t, "update_code_response", lam.update_function_code, FunctionName=name, ZipFile=zipped({"handler.py": "def handler(event, context):\n    return {'v': 2}\n"}))
lam.get_waiter("function_updated_v2").wait(FunctionName=name)
call(t, "get_function_response_postcodeupdate", lam.get_function, FunctionName=name)
call(t, "delete_response", lam.delete_function, FunctionName=name)
call(t, "delete_postdelete", lam.delete_function, FunctionName=name)

# TestLambdaFunction::test_create_lambda_exceptions
t = "test_create_lambda_exceptions"
call(t, "invalid_role_arn_exc", create, FunctionName="exc-fn", Role="r1")
call(t, "invalid_runtime_exc", create, FunctionName="exc-fn", Runtime="non-existent-runtime")
call(t, "uppercase_runtime_exc", create, FunctionName="exc-fn", Runtime="PYTHON3.9")
call(t, "multiple_architectures", create, FunctionName="exc-fn", Architectures=["x86_64", "arm64"])
call(t, "invalid_zip_exc", create, FunctionName="exc-fn", Code={"ZipFile": b"this is not a zipfile, just a simple string"})

# TestLambdaTag::test_tag_lifecycle
t = "test_tag_lifecycle"
arn = create("tag-fn")["FunctionArn"]
steps = [
    ("tag_single", lam.tag_resource, {"Tags": {"A": "tag-a"}}),
    ("tag_multiple", lam.tag_resource, {"Tags": {"B": "tag-b", "C": "tag-c"}}),
    ("tag_overlap", lam.tag_resource, {"Tags": {"C": "tag-c-newsuffix", "D": "tag-d"}}),
    ("untag_single", lam.untag_resource, {"TagKeys": ["A"]}),
    ("untag_multiple", lam.untag_resource, {"TagKeys": ["B", "C"]}),
    ("untag_nonexisting", lam.untag_resource, {"TagKeys": ["F"]}),
    ("untag_existing_and_nonexisting", lam.untag_resource, {"TagKeys": ["D", "F"]}),
]
for key, fn, params in steps:
    call(t, f"{key}_response", fn, Resource=arn, **params)
    call(t, f"{key}_response_listtags", lam.list_tags, Resource=arn)

# TestLambdaReservedConcurrency::test_function_concurrency
t = "test_function_concurrency"
create("concurrency-fn")
call(t, "put_function_concurrency_with_reserved_0", lam.put_function_concurrency, FunctionName="concurrency-fn", ReservedConcurrentExecutions=0)
call(t, "put_function_concurrency_with_reserved_1", lam.put_function_concurrency, FunctionName="concurrency-fn", ReservedConcurrentExecutions=1)
call(t, "get_function_concurrency", lam.get_function_concurrency, FunctionName="concurrency-fn")
call(t, "delete_response", lam.delete_function_concurrency, FunctionName="concurrency-fn")
call(t, "get_function_concurrency_after_delete", lam.get_function_concurrency, FunctionName="concurrency-fn")

# TestLambdaPermissions::test_add_lambda_permission_aws
t = "test_add_lambda_permission_aws"
call(t, "create_lambda", create, FunctionName="permission-fn")
response = call(t, "add_permission", lam.add_permission, FunctionName="permission-fn", Action="lambda:InvokeFunction", StatementId="s3", Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::permission-bucket")
response["Statement"] = json.loads(response["Statement"])
response = call(t, "get_policy", lam.get_policy, FunctionName="permission-fn")
response["Policy"] = json.loads(response["Policy"])

# TestLambdaErrors::test_lambda_handler_error
t = "test_lambda_handler_error"
create("handler-error-fn", Handler="lambda_handler_error.handler", Code={"ZipFile": zipped({"lambda_handler_error.py": 'def handler(event, context):\n    raise Exception("Handler fails")\n'})})
call(t, "invocation_error", lam.invoke, FunctionName="handler-error-fn")

# TestLambdaBehavior::test_lambda_invoke_with_timeout
t = "test_lambda_invoke_with_timeout"
create("timeout-fn", Timeout=1, Code={"ZipFile": zipped({"handler.py": "import time\ndef handler(event, context):\n    time.sleep(3)\n"})})
call(t, "invoke-result", lam.invoke, FunctionName="timeout-fn")

# TestLambdaFeatures::test_invoke_exceptions
t = "test_invoke_exceptions"
call(t, "invoke_function_doesnotexist", lam.invoke, FunctionName="doesnotexist", Payload=b"{}")

# TestCodeSigningConfig::test_function_code_signing_config
t = "test_function_code_signing_config"
create("csc-fn")
publishers = {"SigningProfileVersionArns": ["arn:aws:signer:us-east-1:000000000000:/signing-profiles/test"]}
response = call(t, "create_code_signing_config", lam.create_code_signing_config, Description="Testing CodeSigning Config", AllowedPublishers=publishers, CodeSigningPolicies={"UntrustedArtifactOnDeployment": "Enforce"})
csc = response["CodeSigningConfig"]["CodeSigningConfigArn"]
call(t, "update_code_signing_config", lam.update_code_signing_config, CodeSigningConfigArn=csc, CodeSigningPolicies={"UntrustedArtifactOnDeployment": "Warn"})
call(t, "get_code_signing_config", lam.get_code_signing_config, CodeSigningConfigArn=csc)
call(t, "put_function_code_signing_config", lam.put_function_code_signing_config, CodeSigningConfigArn=csc, FunctionName="csc-fn")
call(t, "get_function_code_signing_config", lam.get_function_code_signing_config, FunctionName="csc-fn")
listed = lam.list_code_signing_configs()["CodeSigningConfigs"]
results[t]["list_code_signing_configs"] = [c for c in listed if c["CodeSigningConfigArn"] == csc][0]
call(t, "list_functions_by_code_signing_config", lam.list_functions_by_code_signing_config, CodeSigningConfigArn=csc)
call(t, "delete_function_code_signing_config", lam.delete_function_code_signing_config, FunctionName="csc-fn")
call(t, "delete_code_signing_config", lam.delete_code_signing_config, CodeSigningConfigArn=csc)


def plain(value):
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


print(json.dumps(plain(results)))
