"""boto3 against services twinstack does not serve, and against served ones next to them; prints JSON."""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
config = Config(retries={"max_attempts": 1})


def client(name):
    return boto3.client(name, endpoint_url=endpoint, config=config)


def failure(call):
    try:
        call()
    except ClientError as error:
        return {
            "status": error.response["ResponseMetadata"]["HTTPStatusCode"],
            "code": error.response["Error"]["Code"],
            "message": error.response["Error"]["Message"],
        }
    return None


out = {
    "ec2": failure(lambda: client("ec2").describe_instances()),
    "stepfunctions": failure(lambda: client("stepfunctions").list_state_machines()),
    "apigateway": failure(lambda: client("apigateway").get_rest_apis()),
    "route53": failure(lambda: client("route53").list_hosted_zones()),
    "ecs": failure(lambda: client("ecs").list_clusters()),
}
sqs = client("sqs")
url = sqs.create_queue(QueueName="served-next-to-unserved")["QueueUrl"]
sqs.send_message(QueueUrl=url, MessageBody="still served")
out["sqs"] = sqs.receive_message(QueueUrl=url)["Messages"][0]["Body"]
s3 = client("s3")
s3.create_bucket(Bucket="served-bucket")
s3.put_object(Bucket="served-bucket", Key="k", Body=b"s3 body")
out["s3"] = s3.get_object(Bucket="served-bucket", Key="k")["Body"].read().decode()
print(json.dumps(out))
