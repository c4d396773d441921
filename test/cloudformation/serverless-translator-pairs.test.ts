import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CreateChangeSetCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SAM_CAPABILITIES, serveCloudFormation, transformedChangeSet } from './serve.ts';

// Templates of the SAM translator's tests and the processed templates its outputs say AWS makes of them (see
// sam-translator/README.md): CreateChangeSet of each, then GetTemplate TemplateStage=Processed must give the same
// resources, deployment ids (the SHA-1 of SAM's Python 2.7 print of each definition) included. The translator's tests
// run it on the template directly; a stack declares it in a Transform line.
const PAIRS: Record<string, Record<string, string>> = {
  api_with_cors: {},
  api_with_cors_and_only_headers: {},
  api_with_gateway_responses_all: {},
  api_with_gateway_responses_implicit: {},
  api_with_default_aws_iam_auth_and_no_auth_route: {},
  api_with_auth_with_default_scopes: {},
  api_with_cors_and_auth_preflight_auth: {},
  api_with_default_aws_iam_auth: {},
  api_with_apikey_default_override: {},
  api_with_aws_iam_auth_overrides: {},
  api_endpoint_configuration_with_vpcendpoint: { EndpointConfigType: 'PRIVATE', VpcEndpointId: 'vpce-0123456789abcdef0' },
  api_with_access_log_setting: {},
  api_with_method_settings: {},
  // OpenApiVersion 3: SAM's skeleton as an OpenAPI document, components instead of securityDefinitions, no "Stage" stage.
  api_with_apikey_required_openapi_3: {},
  api_with_auth_all_maximum_openapi_3: {},
  api_with_auth_with_default_scopes_openapi: {},
  api_with_cors_openapi_3: {},
  api_with_gateway_responses_all_openapi_3: {},
  // Models and the events' RequestModel (body parameters or requestBody, request validators); CanarySetting.
  api_model_without_properties: {},
  api_request_model: {},
  api_request_model_openapi_3: {},
  api_request_model_with_validator: {},
  api_request_model_with_validator_openapi_3: {},
  api_with_canary_setting: {},
  // Api events' RequestParameters (method parameters, cached ones as cacheKeyParameters) and TimeoutInMillis.
  function_with_request_parameters: {},
  implicit_api_with_timeout: {},
  api_with_request_parameters_openapi: {},
  // Managed policy names resolved from SAM's bundled list (with their paths), in Fn::If too; DefinitionUri APIs.
  managed_policies_minimal: {},
  function_with_conditional_managed_policy: {},
  function_with_conditional_managed_policy_and_ref_no_value: {},
  function_policy_with_conditional_managed_policy_name: {},
  function_managed_inline_policy: {},
  state_machine_with_managed_policy: {},
  state_machine_with_inline_policies: {},
  explicit_api: {},
  // Events leave an API's own DefinitionBody alone, unless MergeDefinitions (then a body without paths gets none).
  explicit_api_with_invalid_events_config: {},
  api_merge_definitions_with_any_method: {},
  api_with_merge_definitions_null_paths: {},
  explicit_api_openapi_3: {},
  // A disabled DeploymentPreference makes nothing (the enabled ones are refused, below).
  function_with_disabled_deployment_preference: {},
  // Functions' Conditions on the implicit API, its paths, methods and integration uris.
  api_with_cors_and_conditions_no_definitionbody: {},
  function_with_condition: {},
  implicit_and_explicit_api_with_conditions: {},
  implicit_api_with_many_conditions: {},
  state_machine_with_condition: {},
  // Every SAM policy template (from SAM's policy_templates.json), in Fn::If too; the role's managed policies for Tracing,
  // VpcConfig and pull event sources; DeadLetterQueue and on-failure destination policies.
  all_policy_templates: {},
  basic_function: {},
  function_with_conditional_policy_template: {},
  function_with_conditional_policy_template_and_ref_no_value: {},
  function_with_dlq: {},
  function_with_event_source_mapping: {},
  function_with_kinesis_with_start_time_timestamp: {},
  function_with_tracing: {},
  kinesis_intrinsics: {},
  managed_policies_everything: { SomeParameter: 'true' },
  policy_template_import_vaule_refs_parameters_with_same_name_as_policy_parameter: { TableName: 'orders' },
  sqs: {},
  sqs_with_scaling_config: {},
  state_machine_with_sam_policy_templates: {},
  state_machine_with_permissions_boundary: {},
  // Fn::If path items of a DefinitionBody, and Auth (default authorizer, API keys) reaching methods inside an Fn::If, a
  // function's condition included (the authorizers' permissions take the API's condition).
  api_rest_paths_with_if_condition_openapi: {},
  api_rest_paths_with_if_condition_openapi_no_value_else_case: {},
  api_rest_paths_with_if_condition_openapi_no_value_then_case: {},
  api_rest_paths_with_if_condition_swagger: {},
  api_rest_paths_with_if_condition_swagger_no_value_else_case: {},
  api_rest_paths_with_if_condition_swagger_no_value_then_case: {},
  api_with_auth_and_conditions_all_max: {},
  implicit_api_with_auth_and_conditions_max: {},
  api_with_if_conditional_with_resource_policy: {},
  api_http_paths_with_if_condition: {},
  api_http_paths_with_if_condition_no_value_else_case: {},
  api_http_paths_with_if_condition_no_value_then_case: {},
  // LayerVersions under SAM's hashed logical ids (RetentionPolicy, parameters resolved), references to them rewritten.
  basic_layer: {},
  function_with_layers: {},
  function_with_many_layers: {},
  function_with_global_layers: {},
  layer_deletion_policy_precedence: {},
  layer_version_depends_on: {},
  layers_all_properties: {},
  // FunctionUrlConfig: the URL on the alias, SAM's two public permissions, the function's condition.
  function_with_function_url_config: {},
  function_with_function_url_config_and_autopublishalias: {},
  function_with_function_url_config_conditions: {},
  function_with_function_url_config_with_iam_authorization_type: {},
  function_with_function_url_config_with_intrinsics: {},
  function_with_function_url_config_without_cors_config: {},
  // S3 events: the template's bucket edited (notification configuration, dependency on the permission, in a tag under a
  // condition).
  s3: {},
  s3_create_remove: {},
  s3_existing_lambda_notification_configuration: {},
  s3_existing_other_notification_configuration: {},
  s3_filter: {},
  s3_intrinsics: {},
  s3_with_condition: {},
  // HTTP APIs.
  explicit_http_api: {},
  explicit_http_api_default_path: {},
  explicit_http_api_minimum: {},
  explicit_http_api_with_name: {},
  function_with_tenancy_and_httpapi_event: {},
  http_api_def_uri: {},
  http_api_description: {},
  http_api_global_iam_auth_enabled_with_existing_conflicting_authorizer: {},
  http_api_lambda_auth: {},
  http_api_local_iam_auth_enabled_with_existing_conflicting_authorizer: {},
  http_api_multiple_authorizers: {},
  http_api_openapi_with_propagate_tags: {},
  http_api_with_cors: {},
  http_api_with_default_stage_name_and_fail_on_warnings: {},
  http_api_with_null_path: {},
  // State machines (their Api events edit REST APIs, whose deployment ids they change).
  state_machine_with_api: {},
  state_machine_with_api_single: {},
  state_machine_with_api_combination: {},
  state_machine_with_api_authorizer: {},
  state_machine_with_api_authorizer_maximum: {},
  state_machine_with_explicit_api: {},
  state_machine_with_implicit_api: {},
  state_machine_with_implicit_api_globals: {},
  state_machine_with_inline_definition: {},
  state_machine_with_inline_definition_intrinsics: {},
  state_machine_with_definition_substitutions: {},
  state_machine_with_cwe: {},
  state_machine_with_schedule_cloudwatch_event: {},
  state_machine_with_schedule_cloudwatch_event_target_id: {},
  // ScheduleV2 (an EventBridge Scheduler schedule and its role) and dead-letter queues on schedule events.
  state_machine_with_schedule_dlq_retry_policy: {},
  state_machine_with_eb_dlq: {},
  state_machine_with_eb_dlq_generated: {},
  state_machine_with_eb_dlq_target_id: {},
  // Connectors (standalone and embedded): the policies and permissions of SAM's connector profiles, with their metadata,
  // DependsOn moved onto what a connector makes, and event source mappings waiting for the policy that lets them poll.
  connector_api_to_function: {},
  connector_api_to_multiple_function: {},
  connector_depends_on_attribute: {},
  connector_function_to_multiple_s3: {},
  connector_function_to_s3: {},
  connector_function_to_table: {},
  connector_hardcoded_rolename: {},
  connector_mix_destination: {},
  connector_resource_attributes: { Param: 'test1' },
  connector_rule_to_eventbus: {},
  connector_rule_to_multiple_sns: {},
  connector_sfn_to_function_without_policy: {},
  connector_sfn_to_sfn: {},
  connector_sns_to_sqs: {},
  connector_sqs_to_function: {},
  connector_sqs_to_multiple_function: {},
  connector_table_to_function: {},
  connector_table_to_function_read: {},
  connector_with_non_id_source_and_destination: {},
  embedded_connector_function_to_multi_dest: {},
  embedded_connectors_api_to_function: {},
  embedded_connectors_depends_on_attribute: {},
  embedded_connectors_depends_on_connector: {},
  embedded_connectors_esm_depends_on: {},
  embedded_connectors_function_to: {},
  embedded_connectors_hardcoded_props: {},
  embedded_connectors_resource_attributes: { Param: 'test1' },
  embedded_connectors_rule_to: {},
  embedded_connectors_sfn_to: {},
  embedded_connectors_sns_to: {},
  embedded_connectors_table_to_function: {},
  // More of the translator's outputs the transform gives (REST domains on PRIVATE endpoints as the V2 types, Policy and the
  // like on RestApi, functions' properties, events, HTTP API auth, global settings), found by running the whole corpus.
  api_cache: {},
  api_custom_domain_private_endpoint_base: {},
  api_description: {},
  api_domain_ipaddresstype_private: {},
  api_endpoint_configuration: { EndpointConfig: 'REGIONAL' },
  api_endpoint_configuration_with_both_vpcendpoint: {},
  api_endpoint_configuration_with_ipaddresstype: { EndpointConfigType: 'REGIONAL' },
  api_with_apikey_required: {},
  api_with_apikey_source: {},
  api_with_auth_all_maximum: {},
  api_with_aws_account_blacklist: {},
  api_with_basic_custom_domain: {},
  api_with_cors_and_apikey: {},
  api_with_cors_and_apikey_defined_at_api_level: {},
  api_with_cors_and_auth_no_preflight_auth: {},
  api_with_cors_and_only_credentials_false: {},
  api_with_cors_and_only_maxage: {},
  api_with_cors_and_only_methods: {},
  api_with_cors_and_only_origins: {},
  api_with_cors_no_definitionbody: {},
  api_with_endpoint_access_mode: {},
  api_with_fail_on_warnings: {},
  api_with_gateway_responses: {},
  api_with_gateway_responses_minimal: {},
  api_with_gateway_responses_string_status_code: {},
  api_with_identity_intrinsic: {},
  api_with_method_aws_iam_auth: {},
  api_with_minimum_compression_size: {},
  api_with_mode: {},
  api_with_no_properties: {},
  api_with_open_api_version: {},
  api_with_open_api_version_2: {},
  api_with_path_parameters: {},
  api_with_resource_policy: {},
  api_with_security_policy: {},
  api_with_stage_tags: {},
  api_with_xray_tracing: {},
  basic_function_withimageuri: {},
  cloudwatchevent_intrinsics: {},
  definition_body_intrinsics_support: {},
  depends_on: {},
  function_concurrency: { Concurrency: '10' },
  function_string_memorysize: {},
  function_with_architectures: {},
  function_with_cw_event: {},
  function_with_ephemeral_storage: { EphemeralStorageSizeRef: '1024' },
  function_with_event_bridge_rule_state: {},
  function_with_intrinsic_architecture: {},
  function_with_kmskeyarn: {},
  function_with_null_events: {},
  function_with_policy_templates: { FunctionNameParam: 'notifier' },
  function_with_role_and_role_path: {},
  function_with_sns_event_source_all_parameters: {},
  function_with_tenancy_and_api_event: {},
  function_with_tenancy_config: {},
  function_with_tenancy_config_global: {},
  globals_for_simpletable: {},
  http_api_custom_iam_auth: {},
  http_api_global_iam_auth_enabled: {},
  http_api_lambda_auth_full: {},
  http_api_lambda_auth_with_permissions_resource: {},
  http_api_local_iam_auth_enabled: {},
  implicit_api: {},
  implicit_http_api: {},
  implicit_http_api_auth_and_simple_case: {},
  inline_precedence: {},
  no_implicit_api_with_serverless_rest_api_resource: {},
  s3_multiple_events_same_bucket: {},
  s3_multiple_functions: {},
  s3_with_dependsOn: {},
  schema_validation_2: {},
  schema_validation_5: {},
  simple_table_ref_parameter_intrinsic: {},
  simple_table_with_extra_tags: {},
  simple_table_with_table_name: {},
  simple_table_with_tags_false: {},
  simpletable: {},
  simpletable_with_pitr: {},
  simpletable_with_sse: {},
  sns: {},
  sns_existing_other_subscription: {},
  sns_topic_outside_template: { SNSTopicArn: 'arn:aws:sns:us-east-1:123456789012:outside' },
  state_machine_with_api_auth_default_scopes: {},
  state_machine_with_definition_S3_object: {},
  state_machine_with_definition_S3_string: {},
  state_machine_with_eb_retry_policy: {},
  state_machine_with_express_logging: {},
  state_machine_with_null_events: {},
  state_machine_with_role: {},
  state_machine_with_schedule_target_id: {},
  state_machine_with_standard_logging: {},
  state_machine_with_xray_role: {},
  // Pull events from MSK, self-managed Kafka, MQ and DocumentDB (their mapping's source configuration and the role's named
  // policies), CloudWatchLogs events (a subscription filter after its permission), S3 CodeUri versions, SourceKMSKeyArn.
  cloudwatch_logs_with_ref: {},
  cloudwatchevent: {},
  cloudwatchlog: {},
  documentdb_with_intrinsics: {},
  eventbridgerule: {},
  eventbridgerule_schedule_properties: {},
  eventbridgerule_with_input_transformer: {},
  eventbridgerule_with_retry_policy: {},
  function_with_amq: {},
  function_with_amq_kms: {},
  function_with_auth_mechanism_for_self_managed_kafka: {},
  function_with_documentdb: {},
  function_with_documentdb_with_kms: {},
  function_with_event_filtering: {},
  function_with_mq_virtual_host: {},
  function_with_msk: {},
  function_with_msk_s3_onfailure_dest: {},
  function_with_msk_with_intrinsics: {},
  function_with_msk_with_schema_registry_config: {},
  function_with_multiple_mq: {},
  function_with_provisioned_poller_config: {},
  function_with_self_managed_kafka: {},
  function_with_self_managed_kafka_and_schema_registry: {},
  function_with_sourcekmskeyarn: {},
  function_with_vpc_permission_for_self_managed_kafka: {},
  msk_with_mtls_auth: {},
  self_managed_kafka_with_SERVER_ROOT_CA_CERTIFICATE_and_auth_mechanism: {},
  self_managed_kafka_with_intrinsics: {},
  self_managed_kafka_with_mtls_auth: {},
  streams: {},
  // Api Auth.ResourcePolicy's IP and VPC lists (template strings in the deployment hash), a Domain's IpAddressType.
  api_domain_ipaddresstype: {},
  api_with_ip_range_blacklist: {},
  api_with_ip_range_whitelist: {},
  api_with_source_vpc_blacklist: {},
  // Api events' own Auth.ResourcePolicy (their path's statements, custom statements).
  api_with_aws_account_whitelist: {},
  api_with_resource_policy_global_implicit: {},
  // AlexaSkill events (a permission with the skill's EventSourceToken).
  alexa_skill: {},
  alexa_skill_with_skill_id: {},
  // EventInvokeConfig: destinations (SAM's queue or topic without an ARN, conditionally), the role's policies for them.
  function_with_event_dest: {},
  function_with_event_dest_s3_bucket: {},
  // WebSocket APIs: the WEBSOCKET Api, a Route, Integration and Permission per route, the $connect authorizer, the stage.
  websocket_api_api_config: {},
  websocket_api_api_globals: {},
  websocket_api_auto_name: {},
  websocket_api_description: {},
  websocket_api_explicit_stage: {},
  websocket_api_route_config: {},
  websocket_api_simple: {},
  websocket_api_simple_app: {},
  websocket_api_stage_config: {},
  websocket_api_stage_globals: {},
  websocket_api_test_non_ref: {},
  websocket_api_with_auth_config: {},
  websocket_api_with_iam_auth: {},
  websocket_api_with_lambda_auth: {},
  websocket_api_with_lambda_auth_invoke_role: {},
  websocket_api_with_none_auth: {},
};

const fixture = (name: string, ext: string) => readFileSync(new URL(`./sam-translator/${name}.${ext}`, import.meta.url), 'utf8');
/**
 * The pair's input as a stack's template: with the Transform line the translator's tests do without (they run the
 * translator whatever the line says; one input names an `AWS::Serverless-2016-10-31-test`, which is SAM's here).
 */
const input = (name: string) => {
  const yaml = fixture(name, 'yaml').replace(/^Transform: AWS::Serverless-2016-10-31-test$/m, 'Transform: AWS::Serverless-2016-10-31');
  if (/^Transform:/m.test(yaml)) return yaml;
  // After a `%YAML` directive's document start, if the input has one.
  const directives = /^%YAML[^\n]*\n---\n/.exec(yaml)?.[0] ?? '';
  return `${directives}Transform: AWS::Serverless-2016-10-31\n${yaml.slice(directives.length)}`;
};

/**
 * Outputs that list in another order than the translator's (its tests compare both sides after deep_sort_lists): their
 * lists are compared as sorted. connector_sqs_to_function's output lists Read's actions in another order than the
 * connector profile the translator follows; the others list statements, permissions or DependsOn in another order.
 */
const UNORDERED = new Set(['connector_sqs_to_function', 'function_with_policy_templates', 'http_api_custom_iam_auth', 'http_api_global_iam_auth_enabled', 'http_api_lambda_auth_full', 'http_api_lambda_auth_with_permissions_resource', 'http_api_local_iam_auth_enabled', 's3_multiple_events_same_bucket', 's3_multiple_functions', 's3_with_dependsOn']);
const sortedLists = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedLists).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedLists((value as Record<string, unknown>)[k])]));
};

describe('CloudFormation: the SAM transform against the SAM translator\'s published test outputs', function () {
  this.timeout(60_000);
  let cfn: CloudFormationClient;
  serveCloudFormation((_aws, client) => (cfn = client));

  for (const [name, parameters] of Object.entries(PAIRS)) {
    it(`gives ${name} the translator's resources`, async () => {
      const expected = JSON.parse(fixture(name, 'json'));
      const { processed } = await transformedChangeSet(cfn, `sam-pair-${name.replaceAll('_', '-')}`, input(name), parameters);
      const view = UNORDERED.has(name) ? sortedLists : (value: unknown) => value;
      assert.deepEqual(view(processed.Resources), view(expected.Resources));
    });
  }

  // twinstack serves no Route 53 and no CodeDeploy: the record set group SAM makes for a Domain's Route53, and the
  // CodeDeploy application and deployment groups it makes for a DeploymentPreference, are refused as any type twinstack
  // does not serve is (the translator's output for these templates has them, see the pair's .json), in the order the
  // transform adds them.
  const ROUTE_53 = ['AWS::Route53::RecordSetGroup'];
  const CODE_DEPLOY = ['AWS::CodeDeploy::Application', 'AWS::CodeDeploy::DeploymentGroup'];
  const REFUSED: Record<string, [string[], Record<string, string>]> = {
    http_api_with_custom_domain_route53_multiple: [ROUTE_53, {}],
    httpapi_with_propagate_tags: [ROUTE_53, {}],
    function_with_deployment_preference: [CODE_DEPLOY, { FnName: 'deployed' }],
    function_with_deployment_preference_all_parameters: [CODE_DEPLOY, {}],
    function_with_deployment_preference_multiple_combinations: [CODE_DEPLOY, {}],
    // REST API domains' Route53 (PRIVATE ones too), more HTTP API domains and deployment preferences.
    api_custom_domain_private_endpoint_full: [ROUTE_53, {}],
    api_custom_domain_private_endpoint_route53: [ROUTE_53, {}],
    api_custom_domain_private_endpoint_route53_hostedzonename: [ROUTE_53, {}],
    api_custom_domain_private_endpoint_route53_ipv6: [ROUTE_53, {}],
    api_custom_domain_private_endpoint_without_policy: [ROUTE_53, {}],
    api_with_basic_custom_domain_http: [ROUTE_53, {}],
    api_with_custom_base_path: [ROUTE_53, {}],
    api_with_custom_domain_regional: [ROUTE_53, {}],
    api_with_custom_domain_route53: [ROUTE_53, {}],
    api_with_custom_domain_route53_hosted_zone_name: [ROUTE_53, {}],
    api_with_custom_domain_route53_hosted_zone_name_http: [ROUTE_53, {}],
    api_with_custom_domain_route53_http: [ROUTE_53, {}],
    api_with_custom_domain_route53_multiple: [ROUTE_53, {}],
    api_with_custom_domain_route53_multiple_intrinsic_hostedzoneid: [ROUTE_53, {}],
    api_with_custom_domains_edge: [ROUTE_53, {}],
    api_with_custom_domains_edge_basePath: [ROUTE_53, {}],
    api_with_custom_domains_regional: [ROUTE_53, {}],
    api_with_custom_domains_regional_basePath: [ROUTE_53, {}],
    api_with_custom_domains_regional_latency_routing: [ROUTE_53, {}],
    api_with_custom_domains_regional_latency_routing_ipv6: [ROUTE_53, {}],
    api_with_custom_domains_regional_ownership_verification: [ROUTE_53, {}],
    function_with_custom_conditional_codedeploy_deployment_preference: [CODE_DEPLOY, {}],
    function_with_deployment_and_custom_role: [CODE_DEPLOY, {}],
    function_with_deployment_preference_from_parameters: [CODE_DEPLOY, {}],
    http_api_with_custom_domains_regional: [ROUTE_53, {}],
    http_api_with_custom_domains_regional_ownership_verification: [ROUTE_53, {}],
    mixed_api_with_custom_domain_route53_multiple: [ROUTE_53, {}],
    separate_route53_recordset_group: [ROUTE_53, {}],
    // IoTRule events' topic rules.
    iot_rule: [['AWS::IoT::TopicRule'], {}],
    function_with_propagate_tags_and_no_tags: [['AWS::IoT::TopicRule'], {}],
    // GraphQL APIs (AppSync) without DataSources, Functions or Resolvers.
    graphqlapi_api_cache: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::ApiCache'], {}],
    graphqlapi_api_keys: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::ApiKey'], {}],
    graphqlapi_cognito_default_auth: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_default_logging: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_defined_name: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_domain_name: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DomainName', 'AWS::AppSync::DomainNameApiAssociation'], {}],
    graphqlapi_introspection_query_resolver_limits: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_logging_defined: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_logging_true: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_multiple_auth: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_no_logging: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_no_name: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    graphqlapi_visibility_owner_contract: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    // WebSocket API domains' Route53.
    websocket_api_custom_domains_regional: [ROUTE_53, {}],
    websocket_api_domain_globals: [ROUTE_53, {}],
    websocket_api_with_custom_domain_route53_multiple: [ROUTE_53, {}],
    websocket_api_with_custom_domains_regional: [ROUTE_53, {}],
    websocket_api_with_custom_domains_regional_latency_routing: [ROUTE_53, {}],
    websocket_api_with_custom_domains_regional_latency_routing_ipv6: [ROUTE_53, {}],
    websocket_api_with_propagate_tags: [ROUTE_53, {}],
    // Connectors from AppSync and to a Location place index, types twinstack does not serve either.
    connector_appsync_api_to_lambda: [['AWS::AppSync::GraphQLApi'], {}],
    connector_appsync_to_eventbus: [['AWS::AppSync::DataSource', 'AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema'], {}],
    connector_appsync_to_lambda: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DataSource'], {}],
    connector_appsync_to_table: [['AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DataSource'], {}],
    connector_function_to_location: [['AWS::Location::PlaceIndex'], {}],
  };
  for (const [name, [types, parameters]] of Object.entries(REFUSED)) {
    it(`refuses the ${types.join(' and ')} of ${name} as unrecognized resource types`, async () => {
      const made = new Set(Object.values(JSON.parse(fixture(name, 'json')).Resources).map((r) => (r as { Type: string }).Type));
      assert.ok(types.every((type) => made.has(type)));
      const Parameters = Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue }));
      await assert.rejects(
        cfn.send(new CreateChangeSetCommand({ StackName: `sam-pair-${name.replaceAll('_', '-')}`, ChangeSetName: 'cs', ChangeSetType: 'CREATE', TemplateBody: input(name), Parameters, Capabilities: SAM_CAPABILITIES })),
        { name: 'ValidationError', message: `Template format error: Unrecognized resource types: [${types.join(', ')}]` },
      );
    });
  }
});
