"""Replays the request sequences of LocalStack's AWS-validated STS tests (tests/aws/services/sts/test_sts.py,
Apache-2.0) with boto3 against an endpoint and prints each test's responses as JSON, for comparison with the
snapshots recorded against real AWS. The roles the tests assume are made with IAM first, as the tests do.

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


def client(config=None, service="sts", **credentials):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", config=config, **credentials)


IAM = client(service="iam")


def short_uid():
    return uuid.uuid4().hex[:8]


def error_of(call):
    try:
        call()
    except ClientError as e:
        return e.response
    raise AssertionError("expected an error")


def create_role(name, actions):
    """The create_role fixture: a role the account may assume (actions: the trust policy's Action)."""
    trust = {"Version": "2012-10-17", "Statement": [{"Action": actions, "Principal": {"AWS": ACCOUNT}, "Effect": "Allow"}]}
    return IAM.create_role(RoleName=name, AssumeRolePolicyDocument=json.dumps(trust))


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
    out["create-role"] = create_role(role_name, "sts:AssumeRole")
    role_id = out["create-role"]["Role"]["RoleId"]
    out["assume-role"] = sts.assume_role(RoleArn=out["create-role"]["Role"]["Arn"], RoleSessionName=session_name)
    return out, {"role-session-name": [session_name], "resource": [role_name], "role-id": [role_id]}


TAGGING_ACTIONS = ["sts:AssumeRole", "sts:TagSession"]


def test_assume_role_tag_validation(sts):
    name = f"role-1-{short_uid()}"
    out = {"role-1": create_role(name, TAGGING_ACTIONS)}
    arn = out["role-1"]["Role"]["Arn"]
    sts.assume_role(RoleArn=arn, RoleSessionName="Session1")
    out["invalid-transitive-tag-keys"] = error_of(
        lambda: sts.assume_role(
            RoleArn=arn,
            RoleSessionName="SessionInvalidTransitiveKeys",
            Tags=[{"Key": "SessionTag1", "Value": "SessionValue1"}],
            TransitiveTagKeys=["InvalidKey"],
        )
    )
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
    return out, {"role-name": [name], "role-id": [out["role-1"]["Role"]["RoleId"]]}


def test_iam_role_chaining_override_transitive_tags(sts):
    names = [f"role-1-{short_uid()}", f"role-2-{short_uid()}"]
    out = {"role-1": create_role(names[0], TAGGING_ACTIONS), "role-2": create_role(names[1], TAGGING_ACTIONS)}
    role_2 = out["role-2"]["Role"]["Arn"]
    # Role 1 may assume role 2 (and tag that session).
    IAM.put_role_policy(
        RoleName=names[0],
        PolicyName=f"policy-{short_uid()}",
        PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": TAGGING_ACTIONS, "Resource": [role_2]}]}),
    )
    keys = sts.assume_role(
        RoleArn=out["role-1"]["Role"]["Arn"],
        RoleSessionName="Session1",
        Tags=[{"Key": "SessionTag1", "Value": "SessionValue1"}],
        TransitiveTagKeys=["SessionTag1"],
    )["Credentials"]
    role_1_sts = session_client(keys)
    for key, tag_key in [("override-transitive-tag-error", "SessionTag1"), ("override-transitive-tag-case-ignore-error", "sessiontag1")]:
        out[key] = error_of(
            lambda: role_1_sts.assume_role(
                RoleArn=role_2,
                RoleSessionName="Session2SessionTagOverride",
                Tags=[{"Key": tag_key, "Value": "SessionValue2"}],
            )
        )
    role_ids = [out["role-1"]["Role"]["RoleId"], out["role-2"]["Role"]["RoleId"]]
    return out, {"role-name": names, "role-id": role_ids}


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
