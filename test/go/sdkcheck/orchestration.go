package main

// Checks of the services that drive others: workflows, delivery streams, API front doors, stacks, registries and
// Cloud Control. Scheduler has no package in Debian's SDK (1.17 predates it), so it is checked by the other SDKs only.

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigatewayv2"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	cctypes "github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"
	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
	cfntypes "github.com/aws/aws-sdk-go-v2/service/cloudformation/types"
	"github.com/aws/aws-sdk-go-v2/service/ecr"
	"github.com/aws/aws-sdk-go-v2/service/firehose"
	firehosetypes "github.com/aws/aws-sdk-go-v2/service/firehose/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	sfntypes "github.com/aws/aws-sdk-go-v2/service/sfn/types"
)

const roleArn = "arn:aws:iam::000000000000:role/sdkcheck"

// poll calls done every 100 ms until it reports true, fails, or the context ends.
func poll(ctx context.Context, what string, done func() (bool, error)) error {
	for {
		ok, err := done()
		if err != nil || ok {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: %w", what, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func checkStepFunctions(ctx context.Context, cfg aws.Config) error {
	c := sfn.NewFromConfig(cfg)
	definition := `{"StartAt":"Greet","States":{"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('hello {}', $.name)"},"End":true}}}`
	machine, err := c.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{Name: aws.String(suffix), Definition: aws.String(definition), RoleArn: aws.String(roleArn)})
	if err != nil {
		return step("CreateStateMachine", err)
	}
	started, err := c.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: machine.StateMachineArn, Input: aws.String(`{"name":"go"}`)})
	if err != nil {
		return step("StartExecution", err)
	}
	var output string
	err = poll(ctx, "DescribeExecution", func() (bool, error) {
		got, err := c.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: started.ExecutionArn})
		if err != nil {
			return false, step("DescribeExecution", err)
		}
		output = aws.ToString(got.Output)
		return got.Status != sfntypes.ExecutionStatusRunning, nil
	})
	if err != nil {
		return err
	}
	if output != `{"greeting":"hello go"}` {
		return fmt.Errorf("execution output %q, want {\"greeting\":\"hello go\"}", output)
	}
	_, err = c.DescribeStateMachine(ctx, &sfn.DescribeStateMachineInput{StateMachineArn: aws.String(strings.Replace(aws.ToString(machine.StateMachineArn), suffix, suffix+"-missing", 1))})
	return expectCode("DescribeStateMachine of a missing machine", err, "StateMachineDoesNotExist")
}

func checkFirehose(ctx context.Context, cfg aws.Config) error {
	c := firehose.NewFromConfig(cfg)
	bucket := aws.String(suffix + "-firehose")
	if _, err := s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }).CreateBucket(ctx, &s3.CreateBucketInput{Bucket: bucket}); err != nil {
		return step("CreateBucket", err)
	}
	_, err := c.CreateDeliveryStream(ctx, &firehose.CreateDeliveryStreamInput{
		DeliveryStreamName: aws.String(suffix),
		ExtendedS3DestinationConfiguration: &firehosetypes.ExtendedS3DestinationConfiguration{
			BucketARN: aws.String("arn:aws:s3:::" + aws.ToString(bucket)), RoleARN: aws.String(roleArn),
		},
	})
	if err != nil {
		return step("CreateDeliveryStream", err)
	}
	err = poll(ctx, "DescribeDeliveryStream", func() (bool, error) {
		got, err := c.DescribeDeliveryStream(ctx, &firehose.DescribeDeliveryStreamInput{DeliveryStreamName: aws.String(suffix)})
		if err != nil {
			return false, step("DescribeDeliveryStream", err)
		}
		return got.DeliveryStreamDescription.DeliveryStreamStatus == firehosetypes.DeliveryStreamStatusActive, nil
	})
	if err != nil {
		return err
	}
	put, err := c.PutRecord(ctx, &firehose.PutRecordInput{DeliveryStreamName: aws.String(suffix), Record: &firehosetypes.Record{Data: []byte("row 1\n")}})
	if err != nil {
		return step("PutRecord", err)
	}
	if aws.ToString(put.RecordId) == "" {
		return fmt.Errorf("PutRecord: no RecordId")
	}
	_, err = c.DescribeDeliveryStream(ctx, &firehose.DescribeDeliveryStreamInput{DeliveryStreamName: aws.String(suffix + "-missing")})
	return expectCode("DescribeDeliveryStream of a missing stream", err, "ResourceNotFoundException")
}

func checkAPIGateway(ctx context.Context, cfg aws.Config) error {
	c := apigateway.NewFromConfig(cfg)
	api, err := c.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String(suffix)})
	if err != nil {
		return step("CreateRestApi", err)
	}
	resources, err := c.GetResources(ctx, &apigateway.GetResourcesInput{RestApiId: api.Id})
	if err != nil {
		return step("GetResources", err)
	}
	if len(resources.Items) != 1 || aws.ToString(resources.Items[0].Path) != "/" {
		return fmt.Errorf("GetResources of a new API: got %+v, want the root resource only", resources.Items)
	}
	_, err = c.GetRestApi(ctx, &apigateway.GetRestApiInput{RestApiId: aws.String("missing0")})
	return expectCode("GetRestApi of a missing API", err, "NotFoundException")
}

func checkAPIGatewayV2(ctx context.Context, cfg aws.Config) error {
	c := apigatewayv2.NewFromConfig(cfg)
	api, err := c.CreateApi(ctx, &apigatewayv2.CreateApiInput{Name: aws.String(suffix), ProtocolType: "HTTP"})
	if err != nil {
		return step("CreateApi", err)
	}
	got, err := c.GetApi(ctx, &apigatewayv2.GetApiInput{ApiId: api.ApiId})
	if err != nil {
		return step("GetApi", err)
	}
	if aws.ToString(got.Name) != suffix || got.ProtocolType != "HTTP" || !strings.Contains(aws.ToString(got.ApiEndpoint), aws.ToString(api.ApiId)) {
		return fmt.Errorf("GetApi: name %q, protocol %q, endpoint %q", aws.ToString(got.Name), got.ProtocolType, aws.ToString(got.ApiEndpoint))
	}
	_, err = c.GetApi(ctx, &apigatewayv2.GetApiInput{ApiId: aws.String("missing0")})
	return expectCode("GetApi of a missing API", err, "NotFoundException")
}

func checkCloudFormation(ctx context.Context, cfg aws.Config) error {
	c := cloudformation.NewFromConfig(cfg)
	template := `{"Resources":{"Queue":{"Type":"AWS::SQS::Queue"}},"Outputs":{"QueueName":{"Value":{"Fn::GetAtt":["Queue","QueueName"]}}}}`
	if _, err := c.CreateStack(ctx, &cloudformation.CreateStackInput{StackName: aws.String(suffix), TemplateBody: aws.String(template)}); err != nil {
		return step("CreateStack", err)
	}
	var stack cfntypes.Stack
	err := poll(ctx, "DescribeStacks", func() (bool, error) {
		got, err := c.DescribeStacks(ctx, &cloudformation.DescribeStacksInput{StackName: aws.String(suffix)})
		if err != nil {
			return false, step("DescribeStacks", err)
		}
		stack = got.Stacks[0]
		return !strings.HasSuffix(string(stack.StackStatus), "_IN_PROGRESS"), nil
	})
	if err != nil {
		return err
	}
	if stack.StackStatus != cfntypes.StackStatusCreateComplete || len(stack.Outputs) != 1 || !strings.HasPrefix(aws.ToString(stack.Outputs[0].OutputValue), suffix+"-Queue-") {
		return fmt.Errorf("stack %s with outputs %+v, want CREATE_COMPLETE and the queue's name", stack.StackStatus, stack.Outputs)
	}
	_, err = c.DescribeStacks(ctx, &cloudformation.DescribeStacksInput{StackName: aws.String(suffix + "-missing")})
	return expectCode("DescribeStacks of a missing stack", err, "ValidationError")
}

func checkECR(ctx context.Context, cfg aws.Config) error {
	c := ecr.NewFromConfig(cfg)
	created, err := c.CreateRepository(ctx, &ecr.CreateRepositoryInput{RepositoryName: aws.String(suffix)})
	if err != nil {
		return step("CreateRepository", err)
	}
	if !strings.HasSuffix(aws.ToString(created.Repository.RepositoryUri), "/"+suffix) {
		return fmt.Errorf("CreateRepository: uri %q", aws.ToString(created.Repository.RepositoryUri))
	}
	_, err = c.DescribeRepositories(ctx, &ecr.DescribeRepositoriesInput{RepositoryNames: []string{suffix + "-missing"}})
	return expectCode("DescribeRepositories of a missing repository", err, "RepositoryNotFoundException")
}

func checkCloudControl(ctx context.Context, cfg aws.Config) error {
	c := cloudcontrol.NewFromConfig(cfg)
	created, err := c.CreateResource(ctx, &cloudcontrol.CreateResourceInput{TypeName: aws.String("AWS::Logs::LogGroup"), DesiredState: aws.String(`{"LogGroupName":"/sdkcheck/` + suffix + `"}`)})
	if err != nil {
		return step("CreateResource", err)
	}
	token := created.ProgressEvent.RequestToken
	err = poll(ctx, "GetResourceRequestStatus", func() (bool, error) {
		got, err := c.GetResourceRequestStatus(ctx, &cloudcontrol.GetResourceRequestStatusInput{RequestToken: token})
		if err != nil {
			return false, step("GetResourceRequestStatus", err)
		}
		switch got.ProgressEvent.OperationStatus {
		case cctypes.OperationStatusSuccess:
			return true, nil
		case cctypes.OperationStatusFailed:
			return false, fmt.Errorf("CreateResource failed: %s", aws.ToString(got.ProgressEvent.StatusMessage))
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	got, err := c.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Logs::LogGroup"), Identifier: aws.String("/sdkcheck/" + suffix)})
	if err != nil {
		return step("GetResource", err)
	}
	if !strings.Contains(aws.ToString(got.ResourceDescription.Properties), `"LogGroupName":"/sdkcheck/`+suffix+`"`) {
		return fmt.Errorf("GetResource: properties %s", aws.ToString(got.ResourceDescription.Properties))
	}
	_, err = c.GetResource(ctx, &cloudcontrol.GetResourceInput{TypeName: aws.String("AWS::Logs::LogGroup"), Identifier: aws.String("/sdkcheck/missing")})
	return expectCode("GetResource of a missing log group", err, "ResourceNotFoundException")
}
