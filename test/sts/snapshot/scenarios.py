"""Replays the request sequences of LocalStack's AWS-validated STS tests (tests/aws/services/sts/test_sts.py,
Apache-2.0) with boto3 against an endpoint and prints each test's responses as JSON, for comparison with the
snapshots recorded against real AWS. IAM calls of those tests (create_role) are left out: twinstack has no IAM yet.

Usage: python3 scenarios.py <endpoint-url>"""
import datetime
import json
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]
ACCOUNT = "000000000000"


def client(config=None, **credentials):
    return boto3.client("sts", endpoint_url=ENDPOINT, region_name="us-east-1", config=config, **credentials)


def short_uid():
    return uuid.uuid4().hex[:8]


def error_of(call):
    try:
        call()
    except ClientError as e:
        return e.response
    raise AssertionError("expected an error")


def role_arn(name):
    return f"arn:aws:iam::{ACCOUNT}:role/{name}"


def session_client(credentials):
    return client(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )


def test_get_federation_token(sts):
    name = f"TestName{short_uid()}"
    return {"get-federation-token": sts.get_federation_token(Name=name, DurationSeconds=900)}, {"resource": [name]}


def test_assume_role(sts):
    session_name = f"test-assume-role-{short_uid()}"
    role_name = f"role-{short_uid()}"
    out = {"role-session-name": {"RoleSessionName": session_name}}
    out["assume-role"] = sts.assume_role(RoleArn=role_arn(role_name), RoleSessionName=session_name)
    # The snapshot's <role-id> came from IAM's CreateRole; here it is the role id STS reports.
    role_id = out["assume-role"]["AssumedRoleUser"]["AssumedRoleId"].split(":")[0]
    return out, {"role-session-name": [session_name], "resource": [role_name], "role-id": [role_id]}


def test_assume_role_tag_validation(sts):
    arn = role_arn(f"role-1-{short_uid()}")
    sts.assume_role(RoleArn=arn, RoleSessionName="Session1")
    out = {
        "invalid-transitive-tag-keys": error_of(
            lambda: sts.assume_role(
                RoleArn=arn,
                RoleSessionName="SessionInvalidTransitiveKeys",
                Tags=[{"Key": "SessionTag1", "Value": "SessionValue1"}],
                TransitiveTagKeys=["InvalidKey"],
            )
        )
    }
    # transitive tag keys are case insensitive
    sts.assume_role(
        RoleArn=arn,
        RoleSessionName="SessionInvalidCasingTransitiveKeys",
        Tags=[{"Key": "SessionTag1", "Value": "SessionValue1"}],
        TransitiveTagKeys=["sessiontag1"],
    )
    out["duplicate-tag-keys-different-casing"] = error_of(
        lambda: sts.assume_role(
            RoleArn=arn,
            RoleSessionName="SessionInvalidCasingTransitiveKeys",
            Tags=[{"Key": "SessionTag1", "Value": "SessionValue1"}, {"Key": "sessiontag1", "Value": "SessionValue2"}],
            TransitiveTagKeys=["sessiontag1"],
        )
    )
    return out, {}


def test_iam_role_chaining_override_transitive_tags(sts):
    role_1 = role_arn(f"role-1-{short_uid()}")
    role_2 = role_arn(f"role-2-{short_uid()}")
    keys = sts.assume_role(
        RoleArn=role_1,
        RoleSessionName="Session1",
        Tags=[{"Key": "SessionTag1", "Value": "SessionValue1"}],
        TransitiveTagKeys=["SessionTag1"],
    )["Credentials"]
    role_1_sts = session_client(keys)
    out = {}
    for key, tag_key in [("override-transitive-tag-error", "SessionTag1"), ("override-transitive-tag-case-ignore-error", "sessiontag1")]:
        out[key] = error_of(
            lambda: role_1_sts.assume_role(
                RoleArn=role_2,
                RoleSessionName="Session2SessionTagOverride",
                Tags=[{"Key": tag_key, "Value": "SessionValue2"}],
            )
        )
    return out, {}


def test_sts_invalid_parameters(_sts):
    sts = client(config=Config(parameter_validation=False))
    cases = [
        ("malformed-arn", "nothing-valid-in-here", "Session1"),
        ("no-partition", "arn::b:::something/test-role", "Session1"),
        ("no-service", "arn:a::::something/test-role", "Session1"),
        ("not-enough-colons", "arn:a:::something/test-role", "Session1"),
        ("no-resource", "arn:a:a::aaaaaaaaaa:", "Session1"),
        ("invalid-session-name", "arn:a:b:::something/test-role", "Session1:2"),
    ]
    return {key: error_of(lambda: sts.assume_role(RoleArn=arn, RoleSessionName=name)) for key, arn, name in cases}, {}


def encode(value):
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    raise TypeError(f"not JSON serializable: {value!r}")


tests = {
    "TestSTSIntegrations::test_get_federation_token": test_get_federation_token,
    "TestSTSIntegrations::test_assume_role": test_assume_role,
    "TestSTSAssumeRoleTagging::test_assume_role_tag_validation": test_assume_role_tag_validation,
    "TestSTSAssumeRoleTagging::test_iam_role_chaining_override_transitive_tags": test_iam_role_chaining_override_transitive_tags,
    "TestSTSIntegrations::test_sts_invalid_parameters": test_sts_invalid_parameters,
}
sts = client()
results = {}
for name, test in tests.items():
    responses, references = test(sts)
    results[name] = {"responses": responses, "references": references}
print(json.dumps(results, default=encode))
