"""boto3 against IAM, KMS, Secrets Manager and SSM: the wire error codes, messages and statuses boto3 sees, and the
values it parses (URL-encoded IAM documents, binary blobs, timestamps). Prints one JSON object.

Usage: python3 python-clients.py <endpoint-url>"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = sys.argv[1]


def client(service, **kwargs):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", config=Config(parameter_validation=False), **kwargs)


def error(call):
    try:
        call()
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"].get("Message"), "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return None


iam, kms, sm, ssm = client("iam"), client("kms"), client("secretsmanager"), client("ssm")
out = {"botocore": boto3.__version__}

trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
role = iam.create_role(RoleName="py-role", Path="/py/", AssumeRolePolicyDocument=trust)["Role"]
out["role"] = {"arn": role["Arn"], "document": role["AssumeRolePolicyDocument"], "max_session": "MaxSessionDuration" in role}
out["iam_errors"] = {
    "malformed": error(lambda: iam.create_role(RoleName="bad", AssumeRolePolicyDocument='{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",}]}')),
    "missing_user": error(lambda: iam.get_user(UserName="non-existent-user")),
    "bad_arn": error(lambda: iam.attach_role_policy(RoleName="py-role", PolicyArn="not-an-arn-but-long-enough")),
    "delete_policy": error(lambda: iam.delete_policy(PolicyArn="arn:aws:iam::000000000000:policy/non-existent-policy")),
    "status_enum": error(lambda: iam.update_access_key(UserName="x", AccessKeyId="AKIAAAAAAAAAAAAAAAAA", Status="Sleeping")),
}
iam.create_user(UserName="py-user")
iam.put_user_policy(UserName="py-user", PolicyName="p", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
out["inline"] = iam.get_user_policy(UserName="py-user", PolicyName="p")["PolicyDocument"]
sim = iam.simulate_principal_policy(PolicySourceArn="arn:aws:iam::000000000000:user/py-user", ActionNames=["s3:GetObject", "sqs:SendMessage"])
out["simulate"] = [(r["EvalActionName"], r["EvalDecision"], r["EvalDecisionDetails"]) for r in sim["EvaluationResults"]]

key = kms.create_key(Description="py")["KeyMetadata"]
blob = kms.encrypt(KeyId=key["KeyId"], Plaintext=b"\x00\xffdata", EncryptionContext={"k": "v"})["CiphertextBlob"]
out["kms"] = {
    "roundtrip": list(kms.decrypt(CiphertextBlob=blob, EncryptionContext={"k": "v"})["Plaintext"]),
    "wrong_context": error(lambda: kms.decrypt(CiphertextBlob=blob)),
    "invalid_key_id": error(lambda: kms.describe_key(KeyId="fake-key-id")),
    "random_zero": error(lambda: kms.generate_random(NumberOfBytes=0)),
}

sm.create_secret(Name="py/secret", SecretString="s1")
sm.put_secret_value(SecretId="py/secret", SecretString="s2")
out["sm"] = {
    "previous": sm.get_secret_value(SecretId="py/secret", VersionStage="AWSPREVIOUS")["SecretString"],
    "missing": error(lambda: sm.get_secret_value(SecretId="nope")),
    "password_length": len(sm.get_random_password(PasswordLength=50)["RandomPassword"]),
}

ssm.put_parameter(Name="/py/param", Value="v", Type="String")
out["ssm"] = {
    "value": ssm.get_parameter(Name="/py/param")["Parameter"]["Value"],
    "missing": error(lambda: ssm.get_parameter(Name="/py/none")),
    "exists": error(lambda: ssm.put_parameter(Name="/py/param", Value="v", Type="String")),
}
print(json.dumps(out, default=str))
