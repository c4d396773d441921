// LocalStack's AWS-validated Step Functions choice-operator tests (github.com/localstack/localstack,
// tests/aws/services/stepfunctions/v2/choice_operators, Apache-2.0) reproduced as request sequences. Each test runs one
// state machine per case (templates/choiceoperators/statemachines/template.json5 with the operator, and for the
// non-Path operators the case's value as its literal) and records `{input, output}` of every case in one `cases`
// entry: each case's history is judged by the output AWS recorded for it. The cases' inputs are read from the
// recorded entries and written as the test wrote them (Python's json.dumps).
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';

/** The template as the test sends it (Python's json.dumps), before its placeholders are replaced. */
const TEMPLATE =
  '{"Comment": "BASE_TEMPLATE", "StartAt": "CheckValues", "States": {"CheckValues": {"Type": "Choice", "Choices": [{"Variable": "$.Variable", "%ComparisonOperatorType%": "$.Value", "Next": "ConditionTrue"}], "Default": "ConditionFalse"}, "ConditionTrue": {"Type": "Pass", "Result": {"TestResult.$": "ConditionTrue"}, "End": true}, "ConditionFalse": {"Type": "Pass", "Result": {"TestResult.$": "ConditionFalse"}, "End": true}}}';

interface Operator {
  test: string;
  operator: string;
  /** Whether the case's value replaces the `"$.Value"` reference (the non-Path operators). */
  literal: boolean;
  /** Each case: the execution input and the value, as JSON text. */
  cases?: [string, string][];
  /** The test whose cases this one's are (a Path operator and its literal form recorded the same inputs). */
  sameCasesAs?: string;
}

/** One machine and execution per case; its history's ExecutionSucceeded output is judged against the case's. */
function steps({ operator, literal, cases }: Operator & { cases: [string, string][] }): SourceStep[] {
  const definition = TEMPLATE.replace('%ComparisonOperatorType%', operator);
  return [
    { service: 'sts', op: 'GetCallerIdentity', params: {}, capture: { accountId: '$.Account' }, protocol: 'query' },
    ...cases.flatMap(([input, value], i): SourceStep[] => [
      {
        op: 'CreateStateMachine',
        params: { name: `statemachine_{{suffix}}_${i}`, definition: literal ? definition.replace('"$.Value"', value) : definition, roleArn: 'arn:{{partition}}:iam::{{accountId}}:role/sfn-role' },
        capture: { [`machine${i}`]: '$.stateMachineArn' },
      },
      { op: 'StartExecution', params: { stateMachineArn: `{{machine${i}}}`, input }, capture: { [`execution${i}`]: '$.executionArn' } },
      {
        op: 'GetExecutionHistory',
        params: { executionArn: `{{execution${i}}}` },
        snapshot: 'cases',
        within: `${i}.output`,
        // Choice, then a Pass state: the sixth event is ExecutionSucceeded.
        select: '$.events[5].executionSucceededEventDetails.output',
        jsonStrings: ['$'],
      },
    ]),
  ];
}

const RECORDED: { module: string; tests: Operator[] }[] = [
  {
    module: "test_boolean_equals",
    tests: [
      { test: "TestBooleanEquals::test_boolean_equals", operator: "BooleanEquals", literal: true, cases: [
        ["{\"Variable\": null, \"Value\": true}", "true"],
        ["{\"Variable\": null, \"Value\": false}", "false"],
        ["{\"Variable\": 0, \"Value\": true}", "true"],
        ["{\"Variable\": 0, \"Value\": false}", "false"],
        ["{\"Variable\": 0.0, \"Value\": true}", "true"],
        ["{\"Variable\": 0.0, \"Value\": false}", "false"],
        ["{\"Variable\": 1, \"Value\": true}", "true"],
        ["{\"Variable\": 1, \"Value\": false}", "false"],
        ["{\"Variable\": 1.1, \"Value\": true}", "true"],
        ["{\"Variable\": 1.1, \"Value\": false}", "false"],
        ["{\"Variable\": \"\", \"Value\": true}", "true"],
        ["{\"Variable\": \"\", \"Value\": false}", "false"],
        ["{\"Variable\": \" \", \"Value\": true}", "true"],
        ["{\"Variable\": \" \", \"Value\": false}", "false"],
        ["{\"Variable\": \"HelloWorld\", \"Value\": true}", "true"],
        ["{\"Variable\": \"HelloWorld\", \"Value\": false}", "false"],
        ["{\"Variable\": \"2012-10-09T19:00:55\", \"Value\": true}", "true"],
        ["{\"Variable\": \"2012-10-09T19:00:55\", \"Value\": false}", "false"],
        ["{\"Variable\": \"date\", \"Value\": true}", "true"],
        ["{\"Variable\": \"date\", \"Value\": false}", "false"],
        ["{\"Variable\": \"date\", \"Value\": true}", "true"],
        ["{\"Variable\": \"date\", \"Value\": false}", "false"],
        ["{\"Variable\": \"2023-02-24\", \"Value\": true}", "true"],
        ["{\"Variable\": \"2023-02-24\", \"Value\": false}", "false"],
        ["{\"Variable\": [], \"Value\": true}", "true"],
        ["{\"Variable\": [], \"Value\": false}", "false"],
        ["{\"Variable\": [\"\"], \"Value\": true}", "true"],
        ["{\"Variable\": [\"\"], \"Value\": false}", "false"],
        ["{\"Variable\": {}, \"Value\": true}", "true"],
        ["{\"Variable\": {}, \"Value\": false}", "false"],
        ["{\"Variable\": {\"A\": 0}, \"Value\": true}", "true"],
        ["{\"Variable\": {\"A\": 0}, \"Value\": false}", "false"],
        ["{\"Variable\": true, \"Value\": true}", "true"],
        ["{\"Variable\": false, \"Value\": true}", "true"],
        ["{\"Variable\": false, \"Value\": true}", "true"],
        ["{\"Variable\": false, \"Value\": false}", "false"],
      ] },
      { test: "TestBooleanEquals::test_boolean_equals_path", operator: "BooleanEqualsPath", literal: false, sameCasesAs: "TestBooleanEquals::test_boolean_equals" },
    ],
  },
  {
    module: "test_is_operators",
    tests: [
      { test: "TestIsOperators::test_is_boolean", operator: "IsBoolean", literal: true, sameCasesAs: "TestBooleanEquals::test_boolean_equals" },
      { test: "TestIsOperators::test_is_null", operator: "IsNull", literal: true, sameCasesAs: "TestBooleanEquals::test_boolean_equals" },
      { test: "TestIsOperators::test_is_numeric", operator: "IsNumeric", literal: true, sameCasesAs: "TestBooleanEquals::test_boolean_equals" },
      { test: "TestIsOperators::test_is_present", operator: "IsPresent", literal: true, sameCasesAs: "TestBooleanEquals::test_boolean_equals" },
      { test: "TestIsOperators::test_is_string", operator: "IsString", literal: true, sameCasesAs: "TestBooleanEquals::test_boolean_equals" },
    ],
  },
  {
    module: "test_numeric",
    tests: [
      { test: "TestNumerics::test_numeric_equals", operator: "NumericEquals", literal: true, cases: [
        ["{\"Variable\": null, \"Value\": 0}", "0"],
        ["{\"Variable\": null, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": null, \"Value\": 1}", "1"],
        ["{\"Variable\": null, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": 0, \"Value\": 0}", "0"],
        ["{\"Variable\": 0, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": 0, \"Value\": 1}", "1"],
        ["{\"Variable\": 0, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": 0.0, \"Value\": 0}", "0"],
        ["{\"Variable\": 0.0, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": 0.0, \"Value\": 1}", "1"],
        ["{\"Variable\": 0.0, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": 1, \"Value\": 0}", "0"],
        ["{\"Variable\": 1, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": 1, \"Value\": 1}", "1"],
        ["{\"Variable\": 1, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": 1.1, \"Value\": 0}", "0"],
        ["{\"Variable\": 1.1, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": 1.1, \"Value\": 1}", "1"],
        ["{\"Variable\": 1.1, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": \"\", \"Value\": 0}", "0"],
        ["{\"Variable\": \"\", \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": \"\", \"Value\": 1}", "1"],
        ["{\"Variable\": \"\", \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": \" \", \"Value\": 0}", "0"],
        ["{\"Variable\": \" \", \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": \" \", \"Value\": 1}", "1"],
        ["{\"Variable\": \" \", \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": [], \"Value\": 0}", "0"],
        ["{\"Variable\": [], \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": [], \"Value\": 1}", "1"],
        ["{\"Variable\": [], \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": [\"\"], \"Value\": 0}", "0"],
        ["{\"Variable\": [\"\"], \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": [\"\"], \"Value\": 1}", "1"],
        ["{\"Variable\": [\"\"], \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": {}, \"Value\": 0}", "0"],
        ["{\"Variable\": {}, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": {}, \"Value\": 1}", "1"],
        ["{\"Variable\": {}, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": {\"A\": 0}, \"Value\": 0}", "0"],
        ["{\"Variable\": {\"A\": 0}, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": {\"A\": 0}, \"Value\": 1}", "1"],
        ["{\"Variable\": {\"A\": 0}, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": false, \"Value\": 0}", "0"],
        ["{\"Variable\": false, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": false, \"Value\": 1}", "1"],
        ["{\"Variable\": false, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": true, \"Value\": 0}", "0"],
        ["{\"Variable\": true, \"Value\": 0.0}", "0.0"],
        ["{\"Variable\": true, \"Value\": 1}", "1"],
        ["{\"Variable\": true, \"Value\": 1.0}", "1.0"],
        ["{\"Variable\": 0, \"Value\": 0}", "0"],
        ["{\"Variable\": 0.0, \"Value\": 0}", "0"],
        ["{\"Variable\": 2.22, \"Value\": 2.22}", "2.22"],
      ] },
      { test: "TestNumerics::test_numeric_equals_path", operator: "NumericEqualsPath", literal: false, sameCasesAs: "TestNumerics::test_numeric_equals" },
      { test: "TestNumerics::test_numeric_greater_than", operator: "NumericGreaterThan", literal: true, cases: [
        ["{\"Variable\": 0, \"Value\": 0}", "0"],
        ["{\"Variable\": 0.0, \"Value\": 0}", "0"],
        ["{\"Variable\": 0, \"Value\": 1}", "1"],
        ["{\"Variable\": 1, \"Value\": 1}", "1"],
        ["{\"Variable\": 1, \"Value\": 0}", "0"],
        ["{\"Variable\": 0, \"Value\": 1}", "1"],
      ] },
      { test: "TestNumerics::test_numeric_greater_than_path", operator: "NumericGreaterThanPath", literal: false, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
      { test: "TestNumerics::test_numeric_greater_than_equals", operator: "NumericGreaterThanEquals", literal: true, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
      { test: "TestNumerics::test_numeric_greater_than_equals_path", operator: "NumericGreaterThanEqualsPath", literal: false, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
      { test: "TestNumerics::test_numeric_less_than", operator: "NumericLessThan", literal: true, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
      { test: "TestNumerics::test_numeric_less_than_path", operator: "NumericLessThanPath", literal: false, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
      { test: "TestNumerics::test_numeric_less_than_equals", operator: "NumericLessThanEquals", literal: true, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
      { test: "TestNumerics::test_numeric_less_than_equals_path", operator: "NumericLessThanEqualsPath", literal: false, sameCasesAs: "TestNumerics::test_numeric_greater_than" },
    ],
  },
  {
    module: "test_string_operators",
    tests: [
      { test: "TestStrings::test_string_equals", operator: "StringEquals", literal: true, cases: [
        ["{\"Variable\": null, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": 0, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": 0.0, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": 1, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": 1.1, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": \"\", \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": \" \", \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": [], \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": [\"\"], \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": {}, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": {\"A\": 0}, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": false, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": true, \"Value\": \"HelloWorld\"}", "\"HelloWorld\""],
        ["{\"Variable\": \" \", \"Value\": \"     \"}", "\"     \""],
        ["{\"Variable\": \"\\t\\n\", \"Value\": \"\\t\\r\\n\"}", "\"\\t\\r\\n\""],
        ["{\"Variable\": \"Hello\", \"Value\": \"Hello\"}", "\"Hello\""],
      ] },
      { test: "TestStrings::test_string_equals_path", operator: "StringEqualsPath", literal: false, cases: [
        ["{\"Variable\": \" \", \"Value\": \"     \"}", "\"     \""],
        ["{\"Variable\": \"\\t\\n\", \"Value\": \"\\t\\r\\n\"}", "\"\\t\\r\\n\""],
        ["{\"Variable\": \"Hello\", \"Value\": \"Hello\"}", "\"Hello\""],
      ] },
      { test: "TestStrings::test_string_greater_than", operator: "StringGreaterThan", literal: true, cases: [
        ["{\"Variable\": \"\", \"Value\": \"\"}", "\"\""],
        ["{\"Variable\": \"A\", \"Value\": \"A \"}", "\"A \""],
        ["{\"Variable\": \"A\", \"Value\": \"A\\t\\n\\r\"}", "\"A\\t\\n\\r\""],
        ["{\"Variable\": \"AB\", \"Value\": \"ABC\"}", "\"ABC\""],
      ] },
      { test: "TestStrings::test_string_greater_than_path", operator: "StringGreaterThanPath", literal: false, sameCasesAs: "TestStrings::test_string_greater_than" },
      { test: "TestStrings::test_string_greater_than_equals", operator: "StringGreaterThanEquals", literal: true, cases: [
        ["{\"Variable\": \"\", \"Value\": \"\"}", "\"\""],
        ["{\"Variable\": \"A\", \"Value\": \"AB\"}", "\"AB\""],
        ["{\"Variable\": \"AB\", \"Value\": \"A\"}", "\"A\""],
      ] },
      { test: "TestStrings::test_string_greater_than_equals_path", operator: "StringGreaterThanEqualsPath", literal: false, sameCasesAs: "TestStrings::test_string_greater_than_equals" },
      { test: "TestStrings::test_string_less_than", operator: "StringLessThan", literal: true, sameCasesAs: "TestStrings::test_string_greater_than_equals" },
      { test: "TestStrings::test_string_less_than_path", operator: "StringLessThanPath", literal: false, sameCasesAs: "TestStrings::test_string_greater_than_equals" },
      { test: "TestStrings::test_string_less_than_equals", operator: "StringLessThanEquals", literal: true, sameCasesAs: "TestStrings::test_string_greater_than_equals" },
      { test: "TestStrings::test_string_less_than_equals_path", operator: "StringLessThanEqualsPath", literal: false, sameCasesAs: "TestStrings::test_string_greater_than_equals" },
    ],
  },
  {
    module: "test_timestamp_operators",
    tests: [
    ],
  },
];

function casesOf(test: string): [string, string][] {
  return RECORDED.flatMap((m) => m.tests).find((t) => t.test === test)!.cases!;
}

const sources: SourceFile[] = RECORDED.map(({ module, tests }) => ({
  service: 'stepfunctions',
  module,
  snapshotDir: 'stepfunctions/v2/choice_operators',
  idPrefix: `${module}.choice_operators.`,
  variants: {},
  defaultProtocol: 'json',
  scenarios: tests.map((t) => ({ test: t.test, steps: steps({ ...t, cases: t.cases ?? casesOf(t.sameCasesAs!) }) })),
  // The timestamp tests' recordings redact the timestamps they compared ("date"): their inputs cannot be restated.
  notPorted: module === 'test_timestamp_operators' ? () => 'the recording redacts the timestamps the test compared' : {},
}));

export default sources;
