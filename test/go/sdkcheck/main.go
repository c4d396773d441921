// sdkcheck drives every service twinstack serves with the AWS SDK for Go v2 (Debian's 1.17, late 2022): per service a
// short real sequence with a success path and one error path. It prints one line per service and exits non-zero when
// any check fails. Usage: sdkcheck http://localhost:4566
package main

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	cwtypes "github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	logstypes "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/dynamodbstreams"
	streamtypes "github.com/aws/aws-sdk-go-v2/service/dynamodbstreams/types"
	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/kinesis"
	kinesistypes "github.com/aws/aws-sdk-go-v2/service/kinesis/types"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	s3types "github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
)

var suffix = fmt.Sprintf("go-%d", time.Now().UnixNano())

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: sdkcheck ENDPOINT")
		os.Exit(2)
	}
	cfg := clientConfig(os.Args[1])
	checks := []struct {
		service, does string
		run           func(context.Context, aws.Config) error
	}{
		{"sqs", "create/send/receive/delete; GetQueueUrl of a missing queue -> NonExistentQueue", checkSQS},
		{"sts", "GetCallerIdentity; AssumeRole with a short session name -> ValidationError", checkSTS},
		{"dynamodb", "create table/put/get; conditional put -> ConditionalCheckFailedException", checkDynamoDB},
		{"dynamodbstreams", "put on a streamed table, read the INSERT record; missing stream -> ResourceNotFoundException", checkDynamoDBStreams},
		{"kinesis", "create stream/put/get records; missing stream -> ResourceNotFoundException", checkKinesis},
		{"s3", "create bucket/put/get/SHA256 checksum/list; missing key -> NoSuchKey", checkS3},
		{"sns", "topic with a raw SQS subscription, publish, receive; missing topic -> NotFound", checkSNS},
		{"lambda", "create function from a zip/get/invoke; missing function -> ResourceNotFoundException", checkLambda},
		{"iam", "create/get role; missing role -> NoSuchEntity", checkIAM},
		{"kms", "create key, encrypt/decrypt round trip; missing key -> NotFoundException", checkKMS},
		{"secretsmanager", "create/get secret; missing secret -> ResourceNotFoundException", checkSecretsManager},
		{"ssm", "put/get parameter; missing parameter -> ParameterNotFound", checkSSM},
		{"logs", "group/stream/put/get events; existing group -> ResourceAlreadyExistsException", checkLogs},
		{"events", "rule with an SQS target, put event, receive; missing rule -> ResourceNotFoundException", checkEventBridge},
		{"cloudwatch", "put metric data/statistics; alarm with two statistics -> InvalidParameterCombination", checkCloudWatch},
		{"stepfunctions", "state machine with an intrinsic, execution output; missing machine -> StateMachineDoesNotExist", checkStepFunctions},
		{"firehose", "S3 delivery stream becomes ACTIVE, put a record; missing stream -> ResourceNotFoundException", checkFirehose},
		{"apigateway", "REST API with its root resource; missing API -> NotFoundException", checkAPIGateway},
		{"apigatewayv2", "HTTP API with its endpoint; missing API -> NotFoundException", checkAPIGatewayV2},
		{"cloudformation", "stack with a queue and a GetAtt output; missing stack -> ValidationError", checkCloudFormation},
		{"ecr", "create repository with its URI; missing repository -> RepositoryNotFoundException", checkECR},
		{"cloudcontrol", "create a log group and read it back; missing one -> ResourceNotFoundException", checkCloudControl},
	}
	failed := 0
	for _, c := range checks {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := c.run(ctx, cfg)
		cancel()
		if err != nil {
			failed++
			fmt.Printf("FAIL %s: %v\n", c.service, err)
		} else {
			fmt.Printf("ok   %s: %s\n", c.service, c.does)
		}
	}
	if failed > 0 {
		fmt.Printf("%d of %d services failed\n", failed, len(checks))
		os.Exit(1)
	}
}

// clientConfig points every client at the emulator, keeping the endpoint's host as given.
func clientConfig(endpoint string) aws.Config {
	resolver := aws.EndpointResolverWithOptionsFunc(func(service, region string, _ ...interface{}) (aws.Endpoint, error) {
		return aws.Endpoint{URL: endpoint, HostnameImmutable: true, SigningRegion: region}, nil
	})
	cfg, err := config.LoadDefaultConfig(context.Background(),
		config.WithRegion("us-east-1"),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("test", "test", "")),
		config.WithEndpointResolverWithOptions(resolver),
		config.WithRetryMaxAttempts(1),
	)
	if err != nil {
		fmt.Fprintln(os.Stderr, "config:", err)
		os.Exit(2)
	}
	return cfg
}

// expectCode checks that a call failed with the given AWS error code.
func expectCode(step string, err error, code string) error {
	var apiErr smithy.APIError
	if err == nil {
		return fmt.Errorf("%s: succeeded, want %s", step, code)
	}
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != code {
		return fmt.Errorf("%s: got %v, want %s", step, err, code)
	}
	return nil
}

func step(name string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func checkSQS(ctx context.Context, cfg aws.Config) error {
	c := sqs.NewFromConfig(cfg)
	q, err := c.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(suffix)})
	if err != nil {
		return step("CreateQueue", err)
	}
	// The SDK checks MD5OfMessageBody on send and receive.
	if _, err := c.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("hello <&>")}); err != nil {
		return step("SendMessage", err)
	}
	got, err := c.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: q.QueueUrl, WaitTimeSeconds: 1})
	if err != nil {
		return step("ReceiveMessage", err)
	}
	if len(got.Messages) != 1 || aws.ToString(got.Messages[0].Body) != "hello <&>" {
		return fmt.Errorf("ReceiveMessage: got %+v, want one message \"hello <&>\"", got.Messages)
	}
	if _, err := c.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: q.QueueUrl, ReceiptHandle: got.Messages[0].ReceiptHandle}); err != nil {
		return step("DeleteMessage", err)
	}
	if _, err := c.DeleteQueue(ctx, &sqs.DeleteQueueInput{QueueUrl: q.QueueUrl}); err != nil {
		return step("DeleteQueue", err)
	}
	_, err = c.GetQueueUrl(ctx, &sqs.GetQueueUrlInput{QueueName: aws.String("missing-" + suffix)})
	var missing *sqstypes.QueueDoesNotExist
	if err != nil && !errors.As(err, &missing) {
		return fmt.Errorf("GetQueueUrl of a missing queue: got %v, want the SDK's QueueDoesNotExist", err)
	}
	return expectCode("GetQueueUrl of a missing queue", err, "AWS.SimpleQueueService.NonExistentQueue")
}

func checkSTS(ctx context.Context, cfg aws.Config) error {
	c := sts.NewFromConfig(cfg)
	id, err := c.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	if err != nil {
		return step("GetCallerIdentity", err)
	}
	if len(aws.ToString(id.Account)) != 12 || !strings.HasPrefix(aws.ToString(id.Arn), "arn:aws:") {
		return fmt.Errorf("GetCallerIdentity: got account %q arn %q", aws.ToString(id.Account), aws.ToString(id.Arn))
	}
	// AWS refuses a one-character session name (minimum length 2); the SDK does not check lengths itself.
	_, err = c.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::" + aws.ToString(id.Account) + ":role/r"), RoleSessionName: aws.String("a")})
	return expectCode("AssumeRole with a one-character session name", err, "ValidationError")
}

func createTable(ctx context.Context, c *dynamodb.Client, name string, stream *ddbtypes.StreamSpecification) (*dynamodb.CreateTableOutput, error) {
	return c.CreateTable(ctx, &dynamodb.CreateTableInput{
		TableName:            aws.String(name),
		AttributeDefinitions: []ddbtypes.AttributeDefinition{{AttributeName: aws.String("pk"), AttributeType: ddbtypes.ScalarAttributeTypeS}},
		KeySchema:            []ddbtypes.KeySchemaElement{{AttributeName: aws.String("pk"), KeyType: ddbtypes.KeyTypeHash}},
		BillingMode:          ddbtypes.BillingModePayPerRequest,
		StreamSpecification:  stream,
	})
}

func checkDynamoDB(ctx context.Context, cfg aws.Config) error {
	c := dynamodb.NewFromConfig(cfg)
	if _, err := createTable(ctx, c, suffix, nil); err != nil {
		return step("CreateTable", err)
	}
	if err := dynamodb.NewTableExistsWaiter(c).Wait(ctx, &dynamodb.DescribeTableInput{TableName: aws.String(suffix)}, 20*time.Second); err != nil {
		return step("TableExists waiter", err)
	}
	item := map[string]ddbtypes.AttributeValue{
		"pk":    &ddbtypes.AttributeValueMemberS{Value: "k1"},
		"count": &ddbtypes.AttributeValueMemberN{Value: "42"},
		"tags":  &ddbtypes.AttributeValueMemberSS{Value: []string{"a", "b"}},
	}
	if _, err := c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(suffix), Item: item}); err != nil {
		return step("PutItem", err)
	}
	got, err := c.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String(suffix), Key: map[string]ddbtypes.AttributeValue{"pk": item["pk"]}, ConsistentRead: aws.Bool(true)})
	if err != nil {
		return step("GetItem", err)
	}
	if n, ok := got.Item["count"].(*ddbtypes.AttributeValueMemberN); !ok || n.Value != "42" {
		return fmt.Errorf("GetItem: got %#v, want count 42", got.Item)
	}
	_, err = c.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(suffix), Item: item, ConditionExpression: aws.String("attribute_not_exists(pk)")})
	return expectCode("PutItem over an existing item with attribute_not_exists", err, "ConditionalCheckFailedException")
}

func checkDynamoDBStreams(ctx context.Context, cfg aws.Config) error {
	db := dynamodb.NewFromConfig(cfg)
	c := dynamodbstreams.NewFromConfig(cfg)
	name := suffix + "-stream"
	table, err := createTable(ctx, db, name, &ddbtypes.StreamSpecification{StreamEnabled: aws.Bool(true), StreamViewType: ddbtypes.StreamViewTypeNewImage})
	if err != nil {
		return step("CreateTable with a stream", err)
	}
	if _, err := db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(name), Item: map[string]ddbtypes.AttributeValue{"pk": &ddbtypes.AttributeValueMemberS{Value: "k1"}}}); err != nil {
		return step("PutItem", err)
	}
	arn := table.TableDescription.LatestStreamArn
	desc, err := c.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: arn})
	if err != nil {
		return step("DescribeStream", err)
	}
	if len(desc.StreamDescription.Shards) == 0 {
		return fmt.Errorf("DescribeStream: no shards")
	}
	it, err := c.GetShardIterator(ctx, &dynamodbstreams.GetShardIteratorInput{StreamArn: arn, ShardId: desc.StreamDescription.Shards[0].ShardId, ShardIteratorType: streamtypes.ShardIteratorTypeTrimHorizon})
	if err != nil {
		return step("GetShardIterator", err)
	}
	recs, err := c.GetRecords(ctx, &dynamodbstreams.GetRecordsInput{ShardIterator: it.ShardIterator})
	if err != nil {
		return step("GetRecords", err)
	}
	if len(recs.Records) != 1 || recs.Records[0].EventName != streamtypes.OperationTypeInsert {
		return fmt.Errorf("GetRecords: got %d records, want one INSERT", len(recs.Records))
	}
	if pk, ok := recs.Records[0].Dynamodb.NewImage["pk"].(*streamtypes.AttributeValueMemberS); !ok || pk.Value != "k1" {
		return fmt.Errorf("GetRecords: NewImage %#v, want pk k1", recs.Records[0].Dynamodb.NewImage)
	}
	missing := strings.Replace(aws.ToString(arn), name, name+"-missing", 1)
	_, err = c.DescribeStream(ctx, &dynamodbstreams.DescribeStreamInput{StreamArn: aws.String(missing)})
	return expectCode("DescribeStream of a missing stream", err, "ResourceNotFoundException")
}

func checkKinesis(ctx context.Context, cfg aws.Config) error {
	c := kinesis.NewFromConfig(cfg)
	name := aws.String(suffix)
	if _, err := c.CreateStream(ctx, &kinesis.CreateStreamInput{StreamName: name, ShardCount: aws.Int32(1)}); err != nil {
		return step("CreateStream", err)
	}
	if err := kinesis.NewStreamExistsWaiter(c, func(o *kinesis.StreamExistsWaiterOptions) { o.MinDelay = 100 * time.Millisecond }).Wait(ctx, &kinesis.DescribeStreamInput{StreamName: name}, 20*time.Second); err != nil {
		return step("StreamExists waiter", err)
	}
	put, err := c.PutRecord(ctx, &kinesis.PutRecordInput{StreamName: name, PartitionKey: aws.String("p"), Data: []byte{0, 1, 2, 'x'}})
	if err != nil {
		return step("PutRecord", err)
	}
	it, err := c.GetShardIterator(ctx, &kinesis.GetShardIteratorInput{StreamName: name, ShardId: put.ShardId, ShardIteratorType: kinesistypes.ShardIteratorTypeTrimHorizon})
	if err != nil {
		return step("GetShardIterator", err)
	}
	recs, err := c.GetRecords(ctx, &kinesis.GetRecordsInput{ShardIterator: it.ShardIterator})
	if err != nil {
		return step("GetRecords", err)
	}
	if len(recs.Records) != 1 || !bytes.Equal(recs.Records[0].Data, []byte{0, 1, 2, 'x'}) || aws.ToString(recs.Records[0].SequenceNumber) != aws.ToString(put.SequenceNumber) {
		return fmt.Errorf("GetRecords: got %d records, want the one put", len(recs.Records))
	}
	_, err = c.DescribeStream(ctx, &kinesis.DescribeStreamInput{StreamName: aws.String(suffix + "-missing")})
	return expectCode("DescribeStream of a missing stream", err, "ResourceNotFoundException")
}

func checkS3(ctx context.Context, cfg aws.Config) error {
	c := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true })
	bucket := aws.String(suffix)
	if _, err := c.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: bucket}); err != nil {
		return step("CreateBucket", err)
	}
	if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: bucket, Key: aws.String("dir/a b.txt"), Body: strings.NewReader("hello s3"), ContentType: aws.String("text/plain")}); err != nil {
		return step("PutObject", err)
	}
	obj, err := c.GetObject(ctx, &s3.GetObjectInput{Bucket: bucket, Key: aws.String("dir/a b.txt")})
	if err != nil {
		return step("GetObject", err)
	}
	body, err := io.ReadAll(obj.Body)
	obj.Body.Close()
	if err != nil || string(body) != "hello s3" || aws.ToString(obj.ContentType) != "text/plain" {
		return fmt.Errorf("GetObject: got %q (%s) err %v, want \"hello s3\" text/plain", body, aws.ToString(obj.ContentType), err)
	}
	// A flexible checksum as this SDK sends it (computed by the client, in a header or an aws-chunked trailer).
	const sha256OfHello = "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ="
	if _, err := c.PutObject(ctx, &s3.PutObjectInput{Bucket: bucket, Key: aws.String("sum.txt"), Body: strings.NewReader("hello"), ChecksumAlgorithm: s3types.ChecksumAlgorithmSha256}); err != nil {
		return step("PutObject with ChecksumAlgorithm SHA256", err)
	}
	head, err := c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: bucket, Key: aws.String("sum.txt"), ChecksumMode: s3types.ChecksumModeEnabled})
	if err != nil || aws.ToString(head.ChecksumSHA256) != sha256OfHello {
		return fmt.Errorf("HeadObject with ChecksumMode: checksum %q err %v, want %s", aws.ToString(head.ChecksumSHA256), err, sha256OfHello)
	}
	list, err := c.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: bucket, Prefix: aws.String("dir/")})
	if err != nil {
		return step("ListObjectsV2", err)
	}
	if len(list.Contents) != 1 || aws.ToString(list.Contents[0].Key) != "dir/a b.txt" || list.Contents[0].Size != 8 {
		return fmt.Errorf("ListObjectsV2: got %+v, want one 8-byte \"dir/a b.txt\"", list.Contents)
	}
	_, err = c.GetObject(ctx, &s3.GetObjectInput{Bucket: bucket, Key: aws.String("missing")})
	return expectCode("GetObject of a missing key", err, "NoSuchKey")
}

// deliveryQueue makes a queue whose policy lets the given service principal send to it, as AWS requires for SNS and
// EventBridge deliveries; it returns the queue's URL and ARN.
func deliveryQueue(ctx context.Context, q *sqs.Client, name, principal string) (*string, string, error) {
	queue, err := q.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String(name)})
	if err != nil {
		return nil, "", step("CreateQueue", err)
	}
	attrs, err := q.GetQueueAttributes(ctx, &sqs.GetQueueAttributesInput{QueueUrl: queue.QueueUrl, AttributeNames: []sqstypes.QueueAttributeName{sqstypes.QueueAttributeNameQueueArn}})
	if err != nil {
		return nil, "", step("GetQueueAttributes", err)
	}
	arn := attrs.Attributes["QueueArn"]
	policy := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":%q},"Action":"sqs:SendMessage","Resource":%q}]}`, principal, arn)
	if _, err := q.SetQueueAttributes(ctx, &sqs.SetQueueAttributesInput{QueueUrl: queue.QueueUrl, Attributes: map[string]string{"Policy": policy}}); err != nil {
		return nil, "", step("SetQueueAttributes Policy", err)
	}
	return queue.QueueUrl, arn, nil
}

func checkSNS(ctx context.Context, cfg aws.Config) error {
	c := sns.NewFromConfig(cfg)
	q := sqs.NewFromConfig(cfg)
	topic, err := c.CreateTopic(ctx, &sns.CreateTopicInput{Name: aws.String(suffix)})
	if err != nil {
		return step("CreateTopic", err)
	}
	queueURL, queueArn, err := deliveryQueue(ctx, q, suffix+"-sns", "sns.amazonaws.com")
	if err != nil {
		return err
	}
	if _, err := c.Subscribe(ctx, &sns.SubscribeInput{TopicArn: topic.TopicArn, Protocol: aws.String("sqs"), Endpoint: aws.String(queueArn),
		Attributes: map[string]string{"RawMessageDelivery": "true"}}); err != nil {
		return step("Subscribe", err)
	}
	if _, err := c.Publish(ctx, &sns.PublishInput{TopicArn: topic.TopicArn, Message: aws.String("hello sns")}); err != nil {
		return step("Publish", err)
	}
	got, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: queueURL, WaitTimeSeconds: 5})
	if err != nil {
		return step("ReceiveMessage", err)
	}
	if len(got.Messages) != 1 || aws.ToString(got.Messages[0].Body) != "hello sns" {
		return fmt.Errorf("ReceiveMessage from the subscribed queue: got %+v, want \"hello sns\"", got.Messages)
	}
	missing := strings.TrimSuffix(aws.ToString(topic.TopicArn), suffix) + "missing-" + suffix
	_, err = c.GetTopicAttributes(ctx, &sns.GetTopicAttributesInput{TopicArn: aws.String(missing)})
	return expectCode("GetTopicAttributes of a missing topic", err, "NotFound")
}

func functionZip() []byte {
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, _ := w.Create("index.js")
	_, _ = f.Write([]byte("exports.handler = async (event) => ({ echoed: event.name });\n"))
	_ = w.Close()
	return buf.Bytes()
}

func checkLambda(ctx context.Context, cfg aws.Config) error {
	c := lambda.NewFromConfig(cfg)
	name := aws.String(suffix)
	created, err := c.CreateFunction(ctx, &lambda.CreateFunctionInput{
		FunctionName: name, Runtime: lambdatypes.RuntimeNodejs16x, Handler: aws.String("index.handler"),
		Role: aws.String("arn:aws:iam::000000000000:role/lambda-role"), Code: &lambdatypes.FunctionCode{ZipFile: functionZip()},
	})
	if err != nil {
		return step("CreateFunction", err)
	}
	if err := lambda.NewFunctionActiveV2Waiter(c, func(o *lambda.FunctionActiveV2WaiterOptions) { o.MinDelay = 100 * time.Millisecond }).Wait(ctx, &lambda.GetFunctionInput{FunctionName: name}, 20*time.Second); err != nil {
		return step("FunctionActiveV2 waiter", err)
	}
	got, err := c.GetFunction(ctx, &lambda.GetFunctionInput{FunctionName: name})
	if err != nil {
		return step("GetFunction", err)
	}
	if aws.ToString(got.Configuration.FunctionArn) != aws.ToString(created.FunctionArn) {
		return fmt.Errorf("GetFunction: arn %q, want %q", aws.ToString(got.Configuration.FunctionArn), aws.ToString(created.FunctionArn))
	}
	out, err := c.Invoke(ctx, &lambda.InvokeInput{FunctionName: name, Payload: []byte(`{"name":"go"}`)})
	if err != nil {
		return step("Invoke", err)
	}
	if out.StatusCode != 200 || out.FunctionError != nil || string(out.Payload) != `{"echoed":"go"}` {
		return fmt.Errorf("Invoke: status %d error %q payload %s, want 200 {\"echoed\":\"go\"}", out.StatusCode, aws.ToString(out.FunctionError), out.Payload)
	}
	_, err = c.GetFunction(ctx, &lambda.GetFunctionInput{FunctionName: aws.String(suffix + "-missing")})
	return expectCode("GetFunction of a missing function", err, "ResourceNotFoundException")
}

func checkIAM(ctx context.Context, cfg aws.Config) error {
	c := iam.NewFromConfig(cfg)
	trust := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`
	if _, err := c.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String(suffix), AssumeRolePolicyDocument: aws.String(trust)}); err != nil {
		return step("CreateRole", err)
	}
	got, err := c.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(suffix)})
	if err != nil {
		return step("GetRole", err)
	}
	if !strings.HasSuffix(aws.ToString(got.Role.Arn), ":role/"+suffix) {
		return fmt.Errorf("GetRole: arn %q", aws.ToString(got.Role.Arn))
	}
	_, err = c.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String(suffix + "-missing")})
	return expectCode("GetRole of a missing role", err, "NoSuchEntity")
}

func checkKMS(ctx context.Context, cfg aws.Config) error {
	c := kms.NewFromConfig(cfg)
	key, err := c.CreateKey(ctx, &kms.CreateKeyInput{Description: aws.String("sdkcheck")})
	if err != nil {
		return step("CreateKey", err)
	}
	enc, err := c.Encrypt(ctx, &kms.EncryptInput{KeyId: key.KeyMetadata.KeyId, Plaintext: []byte("secret bytes")})
	if err != nil {
		return step("Encrypt", err)
	}
	dec, err := c.Decrypt(ctx, &kms.DecryptInput{CiphertextBlob: enc.CiphertextBlob})
	if err != nil {
		return step("Decrypt", err)
	}
	if string(dec.Plaintext) != "secret bytes" || aws.ToString(dec.KeyId) != aws.ToString(key.KeyMetadata.Arn) {
		return fmt.Errorf("Decrypt: got %q from key %q, want \"secret bytes\" from %q", dec.Plaintext, aws.ToString(dec.KeyId), aws.ToString(key.KeyMetadata.Arn))
	}
	_, err = c.DescribeKey(ctx, &kms.DescribeKeyInput{KeyId: aws.String("00000000-0000-0000-0000-000000000000")})
	return expectCode("DescribeKey of a missing key", err, "NotFoundException")
}

func checkSecretsManager(ctx context.Context, cfg aws.Config) error {
	c := secretsmanager.NewFromConfig(cfg)
	if _, err := c.CreateSecret(ctx, &secretsmanager.CreateSecretInput{Name: aws.String(suffix), SecretString: aws.String(`{"password":"p"}`)}); err != nil {
		return step("CreateSecret", err)
	}
	got, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(suffix)})
	if err != nil {
		return step("GetSecretValue", err)
	}
	if aws.ToString(got.SecretString) != `{"password":"p"}` || len(got.VersionStages) != 1 || got.VersionStages[0] != "AWSCURRENT" {
		return fmt.Errorf("GetSecretValue: got %q stages %v", aws.ToString(got.SecretString), got.VersionStages)
	}
	_, err = c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(suffix + "-missing")})
	return expectCode("GetSecretValue of a missing secret", err, "ResourceNotFoundException")
}

func checkSSM(ctx context.Context, cfg aws.Config) error {
	c := ssm.NewFromConfig(cfg)
	name := aws.String("/sdkcheck/" + suffix)
	if _, err := c.PutParameter(ctx, &ssm.PutParameterInput{Name: name, Value: aws.String("v1"), Type: "String"}); err != nil {
		return step("PutParameter", err)
	}
	got, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: name})
	if err != nil {
		return step("GetParameter", err)
	}
	if aws.ToString(got.Parameter.Value) != "v1" || got.Parameter.Version != 1 {
		return fmt.Errorf("GetParameter: got %q version %d, want v1 version 1", aws.ToString(got.Parameter.Value), got.Parameter.Version)
	}
	_, err = c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String("/sdkcheck/missing-" + suffix)})
	return expectCode("GetParameter of a missing parameter", err, "ParameterNotFound")
}

func checkLogs(ctx context.Context, cfg aws.Config) error {
	c := cloudwatchlogs.NewFromConfig(cfg)
	group, stream := aws.String(suffix), aws.String("s1")
	if _, err := c.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: group}); err != nil {
		return step("CreateLogGroup", err)
	}
	if _, err := c.CreateLogStream(ctx, &cloudwatchlogs.CreateLogStreamInput{LogGroupName: group, LogStreamName: stream}); err != nil {
		return step("CreateLogStream", err)
	}
	event := logstypes.InputLogEvent{Message: aws.String("hello logs"), Timestamp: aws.Int64(time.Now().UnixMilli())}
	if _, err := c.PutLogEvents(ctx, &cloudwatchlogs.PutLogEventsInput{LogGroupName: group, LogStreamName: stream, LogEvents: []logstypes.InputLogEvent{event}}); err != nil {
		return step("PutLogEvents", err)
	}
	got, err := c.GetLogEvents(ctx, &cloudwatchlogs.GetLogEventsInput{LogGroupName: group, LogStreamName: stream, StartFromHead: aws.Bool(true)})
	if err != nil {
		return step("GetLogEvents", err)
	}
	if len(got.Events) != 1 || aws.ToString(got.Events[0].Message) != "hello logs" {
		return fmt.Errorf("GetLogEvents: got %+v, want one \"hello logs\"", got.Events)
	}
	_, err = c.CreateLogGroup(ctx, &cloudwatchlogs.CreateLogGroupInput{LogGroupName: group})
	return expectCode("CreateLogGroup of an existing group", err, "ResourceAlreadyExistsException")
}

func checkEventBridge(ctx context.Context, cfg aws.Config) error {
	c := eventbridge.NewFromConfig(cfg)
	q := sqs.NewFromConfig(cfg)
	queueURL, queueArn, err := deliveryQueue(ctx, q, suffix+"-events", "events.amazonaws.com")
	if err != nil {
		return err
	}
	rule := aws.String(suffix)
	if _, err := c.PutRule(ctx, &eventbridge.PutRuleInput{Name: rule, EventPattern: aws.String(`{"source":["sdkcheck"]}`)}); err != nil {
		return step("PutRule", err)
	}
	targets, err := c.PutTargets(ctx, &eventbridge.PutTargetsInput{Rule: rule, Targets: []ebtypes.Target{{Id: aws.String("q"), Arn: aws.String(queueArn)}}})
	if err != nil || targets.FailedEntryCount != 0 {
		return fmt.Errorf("PutTargets: failed %d, err %v", targets.FailedEntryCount, err)
	}
	put, err := c.PutEvents(ctx, &eventbridge.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{{Source: aws.String("sdkcheck"), DetailType: aws.String("check"), Detail: aws.String(`{"n":1}`)}}})
	if err != nil || put.FailedEntryCount != 0 {
		return fmt.Errorf("PutEvents: failed %d, err %v", put.FailedEntryCount, err)
	}
	got, err := q.ReceiveMessage(ctx, &sqs.ReceiveMessageInput{QueueUrl: queueURL, WaitTimeSeconds: 5})
	if err != nil {
		return step("ReceiveMessage", err)
	}
	if len(got.Messages) != 1 || !strings.Contains(aws.ToString(got.Messages[0].Body), `"detail-type":"check"`) {
		return fmt.Errorf("ReceiveMessage from the rule's target queue: got %+v, want the event", got.Messages)
	}
	_, err = c.DescribeRule(ctx, &eventbridge.DescribeRuleInput{Name: aws.String(suffix + "-missing")})
	return expectCode("DescribeRule of a missing rule", err, "ResourceNotFoundException")
}

func checkCloudWatch(ctx context.Context, cfg aws.Config) error {
	c := cloudwatch.NewFromConfig(cfg)
	namespace := aws.String("SdkCheck/" + suffix)
	now := time.Now()
	if _, err := c.PutMetricData(ctx, &cloudwatch.PutMetricDataInput{Namespace: namespace, MetricData: []cwtypes.MetricDatum{
		{MetricName: aws.String("Latency"), Value: aws.Float64(10), Unit: cwtypes.StandardUnitMilliseconds, Timestamp: aws.Time(now)},
		{MetricName: aws.String("Latency"), Value: aws.Float64(30), Unit: cwtypes.StandardUnitMilliseconds, Timestamp: aws.Time(now)},
	}}); err != nil {
		return step("PutMetricData", err)
	}
	stats, err := c.GetMetricStatistics(ctx, &cloudwatch.GetMetricStatisticsInput{
		Namespace: namespace, MetricName: aws.String("Latency"), Period: aws.Int32(60),
		StartTime: aws.Time(now.Add(-5 * time.Minute)), EndTime: aws.Time(now.Add(5 * time.Minute)),
		Statistics: []cwtypes.Statistic{cwtypes.StatisticAverage, cwtypes.StatisticSampleCount},
	})
	if err != nil {
		return step("GetMetricStatistics", err)
	}
	if len(stats.Datapoints) != 1 || aws.ToFloat64(stats.Datapoints[0].Average) != 20 || aws.ToFloat64(stats.Datapoints[0].SampleCount) != 2 {
		return fmt.Errorf("GetMetricStatistics: got %+v, want one datapoint, average 20 of 2 samples", stats.Datapoints)
	}
	_, err = c.PutMetricAlarm(ctx, &cloudwatch.PutMetricAlarmInput{
		AlarmName: aws.String(suffix), Namespace: namespace, MetricName: aws.String("Latency"), Period: aws.Int32(60),
		EvaluationPeriods: aws.Int32(1), Threshold: aws.Float64(1), ComparisonOperator: cwtypes.ComparisonOperatorGreaterThanThreshold,
		Statistic: cwtypes.StatisticAverage, ExtendedStatistic: aws.String("p99"),
	})
	return expectCode("PutMetricAlarm with both Statistic and ExtendedStatistic", err, "InvalidParameterCombination")
}
