"""For every service a twinstack serves, calls one of its operations that needs no input through boto3, and prints
what each returned: the standalone build must serve them all. Usage: python3 standalone_probe.py ENDPOINT"""
import json
import sys
import urllib.request

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
health = json.load(urllib.request.urlopen(endpoint + "/_twinstack/health"))
implemented = json.load(urllib.request.urlopen(endpoint + "/_twinstack/operations"))
results = {}
for service in health["services"]:
    client = boto3.client(service, endpoint_url=endpoint)
    model = client.meta.service_model

    def inputless(name):
        shape = model.operation_model(name).input_shape
        return shape is None or not shape.required_members

    def members(name):
        shape = model.operation_model(name).input_shape
        return len(shape.members) if shape else 0

    # A plain listing: List* first, the fewest optional members (ListShards wants a stream without saying so).
    candidates = sorted(
        (op for op in implemented[service]["implemented"] if inputless(op)),
        key=lambda op: (not op.startswith("List"), members(op), op),
    )
    # The first of them that succeeds (some want context a bare call lacks, as on AWS): the service is served.
    tried = []
    for operation in candidates[:5]:
        name = next(m for m, api in client.meta.method_to_api_mapping.items() if api == operation)
        try:
            response = getattr(client, name)()
            results[service] = {"operation": operation, "status": response["ResponseMetadata"]["HTTPStatusCode"]}
            break
        except ClientError as error:
            tried.append(operation + ": " + error.response["Error"]["Code"])
    else:
        results[service] = {"operation": None, "error": "; ".join(tried) or "no implemented operation without required input"}
print(json.dumps(results))
