"""boto3 against twinstack's CloudFormation API operations: prints each parsed answer (or error) as JSON."""
import io
import json
import sys
import zipfile

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
cfn = boto3.client("cloudformation", endpoint_url=endpoint)
s3 = boto3.client("s3", endpoint_url=endpoint)
out = {}


def error(call):
    try:
        call()
    except ClientError as e:
        return e.response["Error"]
    return None


def clean(answer):
    answer.pop("ResponseMetadata", None)
    return answer


out["validate"] = clean(cfn.validate_template(TemplateBody=json.dumps({
    "Parameters": {"KeyExample": {"Description": "The EC2 Key Pair to allow SSH access to the instance", "Type": "AWS::EC2::KeyPair::KeyName"}},
    "Resources": {"Topic": {"Type": "AWS::SNS::Topic"}},
})))
out["limits"] = clean(cfn.describe_account_limits())
out["summary"] = clean(cfn.get_template_summary(TemplateBody=json.dumps({"Resources": {"MyParameter": {"Type": "AWS::SSM::Parameter", "Properties": {"Type": "String", "Value": "v"}}}})))

s3.create_bucket(Bucket="boto3-extensions")
package = io.BytesIO()
with zipfile.ZipFile(package, "w") as z:
    z.writestr("schema.json", json.dumps({"typeName": "Acme::Boto::Thing", "description": "a thing", "properties": {"Name": {"type": "string"}}, "primaryIdentifier": ["/properties/Name"], "additionalProperties": False, "handlers": {"create": {"permissions": []}}}))
s3.put_object(Bucket="boto3-extensions", Key="thing.zip", Body=package.getvalue())
token = cfn.register_type(Type="RESOURCE", TypeName="Acme::Boto::Thing", SchemaHandlerPackage="s3://boto3-extensions/thing.zip")["RegistrationToken"]
cfn.get_waiter("type_registration_complete").wait(RegistrationToken=token)
described = clean(cfn.describe_type(Type="RESOURCE", TypeName="Acme::Boto::Thing"))
out["type"] = {k: described[k] for k in ("Arn", "DefaultVersionId", "ProvisioningType", "Visibility", "IsDefaultVersion")}
out["registrations"] = clean(cfn.list_type_registrations(Type="RESOURCE", TypeName="Acme::Boto::Thing"))
out["not_found"] = error(lambda: cfn.describe_type(Type="RESOURCE", TypeName="Acme::Boto::Missing"))
scan = cfn.start_resource_scan()["ResourceScanId"]
out["scan_status"] = cfn.describe_resource_scan(ResourceScanId=scan)["Status"]
print(json.dumps(out, default=str))
