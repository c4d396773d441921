"""CloudWatch through botocore's own Smithy RPC v2 CBOR serializer and parser.

botocore 1.43 prefers AWS JSON for CloudWatch; a copy of its CloudWatch model that lists only smithy-rpc-v2-cbor, put
first on the loader's search path, makes the same client speak RPC v2 CBOR.
"""
import datetime
import json
import sys
import tempfile
from pathlib import Path

import boto3
import botocore.session
from botocore.exceptions import ClientError

session = botocore.session.get_session()
loader = session.get_component("data_loader")
model = loader.load_service_model("cloudwatch", "service-2")
model["metadata"]["protocols"] = ["smithy-rpc-v2-cbor"]
model["metadata"]["protocol"] = "smithy-rpc-v2-cbor"
data = Path(tempfile.mkdtemp())
version = data / "cloudwatch" / model["metadata"]["apiVersion"]
version.mkdir(parents=True)
(version / "service-2.json").write_text(json.dumps(model))
loader.search_paths.insert(0, str(data))

cw = boto3.Session(botocore_session=session).client("cloudwatch", endpoint_url=sys.argv[1])
sent = []
cw.meta.events.register("before-send.cloudwatch.*", lambda request, **_: sent.append((request.url, dict(request.headers))))

def text(value):
    """A header value as botocore keeps it (bytes or text) as text."""
    return value.decode() if isinstance(value, bytes) else value


now = datetime.datetime.now(datetime.timezone.utc).replace(second=0, microsecond=0) - datetime.timedelta(minutes=2)
cw.put_metric_data(Namespace="boto-cbor", MetricData=[{"MetricName": "m", "Timestamp": now, "Values": [1.5, 2.5], "Counts": [2, 2]}])
data = cw.get_metric_data(
    StartTime=now - datetime.timedelta(minutes=5),
    EndTime=now + datetime.timedelta(minutes=5),
    MetricDataQueries=[{"Id": "s", "MetricStat": {"Metric": {"Namespace": "boto-cbor", "MetricName": "m"}, "Period": 60, "Stat": "Sum"}}],
)
cw.put_metric_alarm(
    AlarmName="boto-cbor-alarm", Namespace="boto-cbor", MetricName="m", Statistic="Sum", Period=60, EvaluationPeriods=1,
    Threshold=1, ComparisonOperator="GreaterThanThreshold",
)
alarm = cw.describe_alarms(AlarmNames=["boto-cbor-alarm"])["MetricAlarms"][0]
try:
    cw.set_alarm_state(AlarmName="no-such-alarm", StateValue="OK", StateReason="x")
    error = None
except ClientError as e:
    error = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
image = cw.get_metric_widget_image(MetricWidget=json.dumps({"metrics": [["boto-cbor", "m"]]}))["MetricWidgetImage"]
print(
    json.dumps(
        {
            "path": sent[0][0].split("/", 3)[3],
            "protocolHeader": text(sent[0][1].get("smithy-protocol")),
            "sum": data["MetricDataResults"][0]["Values"],
            "timestamp": data["MetricDataResults"][0]["Timestamps"][0].isoformat(),
            "expected": now.isoformat(),
            "alarmUpdatedIsDate": isinstance(alarm["AlarmConfigurationUpdatedTimestamp"], datetime.datetime),
            "error": error,
            "png": image[1:4].decode(),
        }
    )
)
