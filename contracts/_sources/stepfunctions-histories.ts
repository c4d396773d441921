// LocalStack's AWS-validated Step Functions tests whose state machines need no other service
// (github.com/localstack/localstack, tests/aws/services/stepfunctions/v2, Apache-2.0), reproduced as request sequences:
// the state machine definition the test loads (its template, verbatim), one StartExecution per recorded history with
// the input the history records, and GetExecutionHistory judged against the history recorded on AWS.
// Generated once from the LocalStack test sources; the expected histories come only from the snapshots.
import type { SourceFile, SourceStep } from '../../verifier/port/source-types.ts';
import { CALLER, historyStep, moduleSnapshot, moduleSourceBase, ROLE_ARN, type Snapshot } from './stepfunctions-common/history.ts';

interface Run {
  key: string;
  input: string;
  jsonStrings: string[];
  /**
   * The seconds of each wait of the execution, in turn (Wait states, Retry intervals): each passes before the next
   * begins (the replay moves twinstack's clock once per wait); the history is read once all have and the execution has ended.
   */
  waitSeconds?: number[];
}

/** Create the machine, then for each recorded history: start an execution on its input and read its history. */
function steps(definition: unknown, runs: Run[], recorded: Snapshot[string]): SourceStep[] {
  return [
    CALLER,
    {
      op: 'CreateStateMachine',
      params: { name: 'sm-{{suffix}}', definition: JSON.stringify(definition), roleArn: ROLE_ARN },
      capture: { machineArn: '$.stateMachineArn' },
    },
    ...runs.flatMap((run, i): SourceStep[] => [
      { op: 'StartExecution', params: { stateMachineArn: '{{machineArn}}', input: run.input }, capture: { [`execution${i}`]: '$.executionArn' } },
      ...(run.waitSeconds ?? []).map((seconds): SourceStep => ({ op: 'DescribeExecution', params: { executionArn: `{{execution${i}}}` }, delaySeconds: seconds })),
      historyStep(recorded, run.key, `{{execution${i}}}`, run.jsonStrings, Boolean(run.waitSeconds)),
    ]),
  ];
}

interface Recorded {
  module: string;
  dir: string;
  scenarios: { test: string; variants: Record<string, { definition: unknown; runs: Run[] }> }[];
  notPorted: Record<string, string>;
}

const RECORDED: Recorded[] = [
 {
  "module": "test_activities",
  "dir": "stepfunctions/v2/activities",
  "scenarios": [],
  "notPorted": {
   "test_activity_task": "the test builds its state machine from several templates or none",
   "test_activity_task_failure": "the test builds its state machine from several templates or none",
   "test_activity_task_with_heartbeat": "the test builds its state machine from several templates or none",
   "test_activity_task_on_deleted": "the test edits its template or redacts values in its own way",
   "test_activity_task_no_worker_name": "the test builds its state machine from several templates or none",
   "test_activity_task_start_timeout": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_arguments",
  "dir": "stepfunctions/v2/arguments",
  "scenarios": [],
  "notPorted": {
   "test_base_cases": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_assign_base",
  "dir": "stepfunctions/v2/assign",
  "scenarios": [
   {
    "test": "TestAssignBase::test_assign_in_choice",
    "variants": {
     "CONDITION_TRUE": {
      "definition": {
       "QueryLanguage": "JSONata",
       "StartAt": "ChoiceState",
       "States": {
        "ChoiceState": {
         "Type": "Choice",
         "Choices": [
          {
           "Condition": "{% $states.input.condition %}",
           "Next": "ConditionTrue",
           "Assign": {
            "Assignment": "Condition assignment"
           }
          }
         ],
         "Default": "DefaultState",
         "Assign": {
          "Assignment": "Default Assignment"
         }
        },
        "ConditionTrue": {
         "Type": "Pass",
         "End": true
        },
        "DefaultState": {
         "Type": "Fail",
         "Cause": "Condition is false"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"condition\": true}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[4].stateExitedEventDetails.output",
         "$.events[5].executionSucceededEventDetails.output"
        ]
       }
      ]
     },
     "CONDITION_FALSE": {
      "definition": {
       "QueryLanguage": "JSONata",
       "StartAt": "ChoiceState",
       "States": {
        "ChoiceState": {
         "Type": "Choice",
         "Choices": [
          {
           "Condition": "{% $states.input.condition %}",
           "Next": "ConditionTrue",
           "Assign": {
            "Assignment": "Condition assignment"
           }
          }
         ],
         "Default": "DefaultState",
         "Assign": {
          "Assignment": "Default Assignment"
         }
        },
        "ConditionTrue": {
         "Type": "Pass",
         "End": true
        },
        "DefaultState": {
         "Type": "Fail",
         "Cause": "Condition is false"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"condition\": false}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_base_cases": "the test builds its state machine from several templates or none",
   "test_base_parallel_cases": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_assign_reference_variables",
  "dir": "stepfunctions/v2/assign",
  "scenarios": [
   {
    "test": "TestAssignReferenceVariables::test_assign_in_wait_state",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_ASSIGN_IN_WAIT",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "Seconds": 0,
         "Assign": {
          "foo": "oof"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestAssignReferenceVariables::test_assign_in_choice_state",
    "variants": {
     "CORRECT": {
      "definition": {
       "Comment": "BASE_ASSIGN_IN_CHOICE",
       "StartAt": "CheckInputState",
       "States": {
        "CheckInputState": {
         "Type": "Choice",
         "Choices": [
          {
           "Variable": "$.input_value",
           "IsPresent": false,
           "Assign": {
            "status": "UNKNOWN"
           },
           "Next": "FinalState"
          },
          {
           "Variable": "$.input_value",
           "NumericEquals": 42,
           "Assign": {
            "status": "CORRECT"
           },
           "Next": "FinalState"
          }
         ],
         "Assign": {
          "status": "INCORRECT",
          "guess.$": "$.input_value"
         },
         "Default": "FinalState"
        },
        "FinalState": {
         "Type": "Pass",
         "Parameters": {
          "result.$": "$status"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input_value\":\"42\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[4].stateExitedEventDetails.output",
         "$.events[5].executionSucceededEventDetails.output"
        ]
       }
      ]
     },
     "INCORRECT": {
      "definition": {
       "Comment": "BASE_ASSIGN_IN_CHOICE",
       "StartAt": "CheckInputState",
       "States": {
        "CheckInputState": {
         "Type": "Choice",
         "Choices": [
          {
           "Variable": "$.input_value",
           "IsPresent": false,
           "Assign": {
            "status": "UNKNOWN"
           },
           "Next": "FinalState"
          },
          {
           "Variable": "$.input_value",
           "NumericEquals": 42,
           "Assign": {
            "status": "CORRECT"
           },
           "Next": "FinalState"
          }
         ],
         "Assign": {
          "status": "INCORRECT",
          "guess.$": "$.input_value"
         },
         "Default": "FinalState"
        },
        "FinalState": {
         "Type": "Pass",
         "Parameters": {
          "result.$": "$status"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input_value\":\"0\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[4].stateExitedEventDetails.output",
         "$.events[5].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestAssignReferenceVariables::test_state_assign_evaluation_order",
    "variants": {
     "BASE_EVALUATION_ORDER_PASS_STATE": {
      "definition": {
       "Comment": "BASE_EVALUATION_ORDER_PASS_STATE",
       "StartAt": "State0",
       "States": {
        "State0": {
         "Type": "Pass",
         "Result": {
          "theQuestion": "What is the answer to life the universe and everything?"
         },
         "Assign": {
          "question.$": "$.theQuestion",
          "answer": 42
         },
         "Next": "State1"
        },
        "State1": {
         "Type": "Pass",
         "InputPath": "$answer",
         "ResultPath": "$.theAnswer",
         "OutputPath": "$answer",
         "Assign": {
          "answer": "<omitted>"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_reference_assign": "the test builds its state machine from several templates or none",
   "test_assign_from_value": "the test builds its state machine from several templates or none",
   "test_assign_in_catch_state": "the test builds its state machine from several templates or none",
   "test_variables_in_lambda_task": "the test builds its state machine from several templates or none",
   "test_reference_in_map_state_max_items_path": "the test builds its state machine from several templates or none",
   "test_reference_in_map_state": "the test builds its state machine from several templates or none",
   "test_undefined_reference": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_base",
  "dir": "stepfunctions/v2/base",
  "scenarios": [
   {
    "test": "TestSnfBase::test_state_fail",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_RAISE_FAILURE",
       "StartAt": "FailState",
       "States": {
        "FailState": {
         "Type": "Fail",
         "Error": "SomeFailure",
         "Cause": "This state machines raises a 'SomeFailure' failure."
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_state_fail_path",
    "variants": {
     "": {
      "definition": {
       "Comment": "RAISE_FAILURE_PATH",
       "StartAt": "FailState",
       "States": {
        "FailState": {
         "Type": "Fail",
         "ErrorPath": "$.Error",
         "CausePath": "$.Cause"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Error\":\"error string\",\"Cause\":\"cause string\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_state_fail_intrinsic",
    "variants": {
     "": {
      "definition": {
       "Comment": "RAISE_FAILURE_PATH_INTRINSIC",
       "StartAt": "FailState",
       "States": {
        "FailState": {
         "Type": "Fail",
         "ErrorPath": "States.Format('{}', $.Error)",
         "CausePath": "States.Format('This is a custom error message for {}, caused by {}.', $.Error, $.Cause)"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Error\":\"error string\",\"Cause\":\"cause string\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_state_fail_empty",
    "variants": {
     "": {
      "definition": {
       "Comment": "RAISE_EMPTY_FAILURE",
       "StartAt": "FailState",
       "States": {
        "FailState": {
         "Type": "Fail"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_state_pass_result",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_PASS_RESULT",
       "StartAt": "State_1",
       "States": {
        "State_1": {
         "Type": "Pass",
         "Result": {
          "Arg1": "argument1"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_decl_version_1_0",
    "variants": {
     "": {
      "definition": {
       "Comment": "DECL_VERSION_1_0",
       "StartAt": "State_1",
       "Version": "1.0",
       "States": {
        "State_1": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_state_pass_result_null_input_output_paths",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_PASS_RESULT_NULL_INPUT_OUTPUT_PATHS",
       "StartAt": "State0",
       "States": {
        "State0": {
         "Type": "Pass",
         "Parameters": {
          "Arg1": "argument1",
          "FromInput.$": "$"
         },
         "Next": "State1"
        },
        "State1": {
         "Type": "Pass",
         "InputPath": null,
         "Parameters": {
          "Arg2": "argument2",
          "FromInput.$": "$"
         },
         "Next": "State2"
        },
        "State2": {
         "Type": "Pass",
         "OutputPath": null,
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"InputValue\":0}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[4].stateExitedEventDetails.output",
         "$.events[5].stateEnteredEventDetails.input",
         "$.events[6].stateExitedEventDetails.output",
         "$.events[7].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestSnfBase::test_state_pass_regex_json_path_base",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_PASS_RESULT_REGEX_JSON_PATH_BASE",
       "StartAt": "State0",
       "States": {
        "State0": {
         "Type": "Pass",
         "Parameters": {
          "FromInput.$": "$.users[?(@.status == 0)]"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"users\":[{\"year\":1997,\"status\":0},{\"year\":1998,\"status\":1}]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_state_pass_result_jsonpaths": "the test edits its template or redacts values in its own way",
   "test_event_bridge_events_base": "the test edits its template or redacts values in its own way",
   "test_query_context_object_values": "the test edits its template or redacts values in its own way",
   "test_json_path_array_access": "the test edits its template or redacts values in its own way",
   "test_json_path_array_wildcard_or_slice_with_no_input": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_wait",
  "dir": "stepfunctions/v2/base",
  "scenarios": [
   {
    "test": "TestSfnWait::test_base_wait_seconds_path",
    "variants": {
     "": {
      "definition": {
       "Comment": "WAIT_SECONDS_PATH",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "SecondsPath": "$.input.waitSeconds",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input\": {\"waitSeconds\": 1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ],
        "waitSeconds": [1]
       }
      ]
     },
     "-1": {
      "definition": {
       "Comment": "WAIT_SECONDS_PATH",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "SecondsPath": "$.input.waitSeconds",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input\": {\"waitSeconds\": -1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "0": {
      "definition": {
       "Comment": "WAIT_SECONDS_PATH",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "SecondsPath": "$.input.waitSeconds",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input\": {\"waitSeconds\": 0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     },
     "1": {
      "definition": {
       "Comment": "WAIT_SECONDS_PATH",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "SecondsPath": "$.input.waitSeconds",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input\": {\"waitSeconds\": 1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ],
        "waitSeconds": [1]
       }
      ]
     },
     "1.5": {
      "definition": {
       "Comment": "WAIT_SECONDS_PATH",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "SecondsPath": "$.input.waitSeconds",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input\": {\"waitSeconds\": 1.5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "-1.5": {
      "definition": {
       "Comment": "WAIT_SECONDS_PATH",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "SecondsPath": "$.input.waitSeconds",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input\": {\"waitSeconds\": -1.5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_timestamp_too_far_in_future_boundary": "the test edits its template or redacts values in its own way",
   "test_wait_timestamppath": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_callback",
  "dir": "stepfunctions/v2/callback",
  "scenarios": [],
  "notPorted": {
   "test_sqs_wait_for_task_token": "the test edits its template or redacts values in its own way",
   "test_sqs_wait_for_task_token_timeout": "the test edits its template or redacts values in its own way",
   "test_sqs_failure_in_wait_for_task_token": "the test edits its template or redacts values in its own way",
   "test_sqs_wait_for_task_tok_with_heartbeat": "the test edits its template or redacts values in its own way",
   "test_start_execution_sync": "the test builds its state machine from several templates or none",
   "test_start_execution_sync_delegate_failure": "the test builds its state machine from several templates or none",
   "test_start_execution_sync_delegate_timeout": "the test builds its state machine from several templates or none",
   "test_start_execution_sync2": "the test builds its state machine from several templates or none",
   "test_sns_publish_wait_for_task_token": "the test edits its template or redacts values in its own way",
   "test_multiple_heartbeat_notifications": "the test edits its template or redacts values in its own way",
   "test_multiple_executions_and_heartbeat_notifications": "the test edits its template or redacts values in its own way",
   "test_sqs_wait_for_task_token_call_chain": "the test edits its template or redacts values in its own way",
   "test_sqs_wait_for_task_token_no_token_parameter": "the test edits its template or redacts values in its own way",
   "test_sqs_failure_in_wait_for_task_tok_no_error_field": "the test builds its state machine from several templates or none",
   "test_sync_with_task_token": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_comments",
  "dir": "stepfunctions/v2/comments",
  "scenarios": [
   {
    "test": "TestComments::test_comment_in_parameters",
    "variants": {
     "": {
      "definition": {
       "Comment": "COMMENTS_IN_PARAMETERS",
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Parameters": {
          "Comment": "Comment text",
          "comment": "comment text",
          "constant": "constant text"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_comments_as_per_docs": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_context_object",
  "dir": "stepfunctions/v2/context_object",
  "scenarios": [
   {
    "test": "TestSnfBase::test_error_cause_path",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Fail",
         "ErrorPath": "$$.State.Name",
         "CausePath": "$$.StateMachine.Name"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_input_path": "the test edits its template or redacts values in its own way",
   "test_output_path": "the test edits its template or redacts values in its own way",
   "test_result_selector": "the test builds its state machine from several templates or none",
   "test_variable": "the test edits its template or redacts values in its own way",
   "test_items_path": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_credentials_base",
  "dir": "stepfunctions/v2/credentials",
  "scenarios": [],
  "notPorted": {
   "test_cross_account_states_start_sync_execution": "the test builds its state machine from several templates or none",
   "test_invalid_credentials_field": "the test builds its state machine from several templates or none",
   "test_cross_account_service_lambda_invoke": "the test builds its state machine from several templates or none",
   "test_cross_account_service_lambda_invoke_retry": "the test builds its state machine from several templates or none",
   "test_cross_account_lambda_task": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_aws_sdk",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_invalid_secret_name": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_no_such_bucket": "the test edits its template or redacts values in its own way",
   "test_dynamodb_invalid_param": "the test edits its template or redacts values in its own way",
   "test_dynamodb_put_item_no_such_table": "the test edits its template or redacts values in its own way",
   "test_s3_no_such_key": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_states_errors",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_service_task_lambada_data_limit_exceeded_on_large_utf8_response": "the test builds its state machine from several templates or none",
   "test_service_task_lambada_catch_state_all_data_limit_exceeded_on_large_utf8_response": "the test builds its state machine from several templates or none",
   "test_task_lambda_data_limit_exceeded_on_large_utf8_response": "the test builds its state machine from several templates or none",
   "test_task_lambda_catch_state_all_data_limit_exceeded_on_large_utf8_response": "the test builds its state machine from several templates or none",
   "test_start_large_input": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_task_lambda",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_raise_exception": "the test builds its state machine from several templates or none",
   "test_raise_custom_exception": "the test builds its state machine from several templates or none",
   "test_raise_exception_catch": "the test builds its state machine from several templates or none",
   "test_no_such_function": "the test builds its state machine from several templates or none",
   "test_no_such_function_catch": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_task_service_dynamodb",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_put_item_no_such_table": "the test edits its template or redacts values in its own way",
   "test_put_item_invalid_table_name": "the test edits its template or redacts values in its own way",
   "test_invalid_param": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_task_service_lambda",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_raise_exception": "the test builds its state machine from several templates or none",
   "test_raise_custom_exception": "the test builds its state machine from several templates or none",
   "test_raise_exception_catch": "the test builds its state machine from several templates or none",
   "test_raise_exception_catch_output_path": "the test builds its state machine from several templates or none",
   "test_no_such_function": "the test builds its state machine from several templates or none",
   "test_no_such_function_catch": "the test builds its state machine from several templates or none",
   "test_invoke_timeout": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_task_service_sfn",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_start_execution_no_such_arn": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_task_service_sqs",
  "dir": "stepfunctions/v2/error_handling",
  "scenarios": [],
  "notPorted": {
   "test_send_message_no_such_queue": "the test edits its template or redacts values in its own way",
   "test_send_message_empty_body": "the test edits its template or redacts values in its own way",
   "test_send_message_no_such_queue_no_catch": "the test edits its template or redacts values in its own way",
   "test_sqs_failure_in_wait_for_task_tok": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_base_evaluate_expressions",
  "dir": "stepfunctions/v2/evaluate_jsonata",
  "scenarios": [],
  "notPorted": {
   "test_base_jsonata_regular_expressions": "the test edits its template or redacts values in its own way",
   "test_base_task": "the test builds its state machine from several templates or none",
   "test_base_map": "the test edits its template or redacts values in its own way",
   "test_base_task_from_input": "the test builds its state machine from several templates or none",
   "test_base_map_from_input": "the test builds its state machine from several templates or none",
   "test_merge_with_dynamic_args": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_express_async",
  "dir": "stepfunctions/v2/express",
  "scenarios": [],
  "notPorted": {
   "test_base": "the test builds its state machine from several templates or none",
   "test_query_runtime_memory": "the test edits its template or redacts values in its own way",
   "test_catch": "the test builds its state machine from several templates or none",
   "test_retry": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_express_sync",
  "dir": "stepfunctions/v2/express",
  "scenarios": [],
  "notPorted": {
   "test_base": "the test builds its state machine from several templates or none",
   "test_query_runtime_memory": "the test edits its template or redacts values in its own way",
   "test_catch": "the test builds its state machine from several templates or none",
   "test_retry": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_array",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestArray::test_array_0",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_0",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Array()"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":\"HelloWorld\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_2",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_2",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Array($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":\"\",\"snd\":\"\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":\" \",\"snd\":\" \"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":\"HelloWorld\",\"snd\":\"HelloWorld\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":null,\"snd\":null}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":1,\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":{\"fst\":1.1,\"snd\":1.1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":{\"fst\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\",\"snd\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":{\"fst\":{\"Arg1\":1,\"Arg2\":[]},\"snd\":{\"Arg1\":1,\"Arg2\":[]}}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_partition",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_PARTITION",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayPartition($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":{\"fst\":[0],\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":{\"fst\":[0],\"snd\":2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":{\"fst\":[0],\"snd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_8",
        "input": "{\"FunctionInput\":{\"fst\":[0],\"snd\":4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_9",
        "input": "{\"FunctionInput\":{\"fst\":[0],\"snd\":5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_10",
        "input": "{\"FunctionInput\":{\"fst\":[0,1],\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_11",
        "input": "{\"FunctionInput\":{\"fst\":[0,1],\"snd\":2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_12",
        "input": "{\"FunctionInput\":{\"fst\":[0,1],\"snd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_13",
        "input": "{\"FunctionInput\":{\"fst\":[0,1],\"snd\":4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_14",
        "input": "{\"FunctionInput\":{\"fst\":[0,1],\"snd\":5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_15",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2],\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_16",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2],\"snd\":2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_17",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2],\"snd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_18",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2],\"snd\":4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_19",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2],\"snd\":5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_20",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2,3],\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_21",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2,3],\"snd\":2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_22",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2,3],\"snd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_23",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2,3],\"snd\":4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_24",
        "input": "{\"FunctionInput\":{\"fst\":[0,1,2,3],\"snd\":5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_contains",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_CONTAINS",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayContains($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":null}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":[]}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":[],\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":[[1,2,3],2],\"snd\":null}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":[[1,2,3],2],\"snd\":[1,2,3]}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":{\"fst\":[{\"1\":2,\"2\":[]}],\"snd\":[]}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":{\"fst\":[{\"1\":2,\"2\":[]}],\"snd\":{\"1\":2,\"2\":[]}}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":{\"fst\":[true,false],\"snd\":true}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_8",
        "input": "{\"FunctionInput\":{\"fst\":[true,false],\"snd\":false}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_range",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_RANGE",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayRange($.FunctionInput.fst, $.FunctionInput.snd, $.FunctionInput.trd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":0,\"snd\":9,\"trd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":0,\"snd\":10,\"trd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":1,\"snd\":9,\"trd\":9}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":1,\"snd\":9,\"trd\":2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_get_item",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_GET_ITEM",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayGetItem($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":[1,2,3,4,5,6,7,8,9],\"snd\":5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_length",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_LENGTH",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayLength($.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":[1,2,3,4,5,6,7,8,9]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArray::test_array_unique",
    "variants": {
     "": {
      "definition": {
       "Comment": "ARRAY_LENGTH",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayLength($.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":[null,null,true,true,false,false,1,1,1.1,0,0,\"HelloWorld\",\"HelloWorld\",[],[],[null],[null],{\"a\":1,\"b\":2},{\"a\":1,\"b\":2},{\"a\":1,\"b\":1}]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_array_get_item": "the test builds its state machine from several templates or none",
   "test_array_length": "the test builds its state machine from several templates or none",
   "test_array_unique": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_array_jsonata",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestArrayJSONata::test_array_range",
    "variants": {
     "": {
      "definition": {
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "QueryLanguage": "JSONata",
         "Type": "Pass",
         "Output": "{% $range($states.input.FunctionInput.fst, $states.input.FunctionInput.snd, $states.input.FunctionInput.trd) %}",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\": {\"fst\": 0, \"snd\": 9, \"trd\": 3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\": {\"fst\": 0, \"snd\": 10, \"trd\": 3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\": {\"fst\": 1, \"snd\": 9, \"trd\": 9}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\": {\"fst\": 1, \"snd\": 9, \"trd\": 2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestArrayJSONata::test_array_partition",
    "variants": {
     "": {
      "definition": {
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "QueryLanguage": "JSONata",
         "Type": "Pass",
         "Output": "{% $partition($states.input.FunctionInput.fst, $states.input.FunctionInput.snd) %}",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\": {\"fst\": [0], \"snd\": 1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\": {\"fst\": [0], \"snd\": 2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\": {\"fst\": [0], \"snd\": 3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\": {\"fst\": [0], \"snd\": 4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\": {\"fst\": [0], \"snd\": 5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1], \"snd\": 1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1], \"snd\": 2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1], \"snd\": 3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_8",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1], \"snd\": 4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_9",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1], \"snd\": 5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_10",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2], \"snd\": 1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_11",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2], \"snd\": 2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_12",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2], \"snd\": 3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_13",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2], \"snd\": 4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_14",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2], \"snd\": 5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_15",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2, 3], \"snd\": 1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_16",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2, 3], \"snd\": 2}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_17",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2, 3], \"snd\": 3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_18",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2, 3], \"snd\": 4}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_19",
        "input": "{\"FunctionInput\": {\"fst\": [0, 1, 2, 3], \"snd\": 5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_encode_decode",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestEncodeDecode::test_base_64_encode",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_64_ENCODE",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Base64Encode($.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":\"\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":\"Data to encode\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestEncodeDecode::test_base_64_decode",
    "variants": {
     "": {
      "definition": {
       "Comment": "BASE_64_DECODE",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Base64Decode($.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":\"\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":\"RGF0YSB0byBlbmNvZGU=\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_generic",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestGeneric::test_format_1",
    "variants": {
     "": {
      "definition": {
       "Comment": "FORMAT_1",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Format('Formatting argument {}.', $.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":\"\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":\" \"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":\"HelloWorld\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":1.1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestGeneric::test_format_2",
    "variants": {
     "": {
      "definition": {
       "Comment": "FORMAT_2",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":\"\",\"snd\":\"\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":\" \",\"snd\":\" \"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":\"HelloWorld\",\"snd\":\"HelloWorld\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":null,\"snd\":null}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":1,\"snd\":1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":{\"fst\":1.1,\"snd\":1.1}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":{\"fst\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\",\"snd\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":{\"fst\":{\"Arg1\":1,\"Arg2\":[]},\"snd\":{\"Arg1\":1,\"Arg2\":[]}}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestGeneric::test_context_json_path",
    "variants": {
     "": {
      "definition": {
       "Comment": "FORMAT_CONTEXT_PATH",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Format('Formatting arguments fst={} and snd={}.', $$.Execution.Name, $$.StateMachine)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestGeneric::test_nested_calls_1",
    "variants": {
     "": {
      "definition": {
       "Comment": "NESTED_CALLS_1",
       "StartAt": "State0",
       "States": {
        "State0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), 0)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestGeneric::test_nested_calls_2",
    "variants": {
     "": {
      "definition": {
       "Comment": "NESTED_CALLS_2",
       "StartAt": "State0",
       "States": {
        "State0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.ArrayGetItem(States.StringSplit($$.StateMachine.Name, '-'), States.MathAdd(States.ArrayLength(States.StringSplit($$.StateMachine.Name, '-')), -1))"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestGeneric::test_escape_sequence",
    "variants": {
     "": {
      "definition": {
       "Comment": "ESCAPE_SEQUENCE",
       "StartAt": "State0",
       "States": {
        "State0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.StringSplit('Hello\nWorld', '\n')"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_hash_calculations",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestHashCalculations::test_hash",
    "variants": {
     "": {
      "definition": {
       "Comment": "HASH",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.Hash($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":\"input data\",\"snd\":\"MD5\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":\"input data\",\"snd\":\"SHA-1\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":\"input data\",\"snd\":\"SHA-256\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":\"input data\",\"snd\":\"SHA-384\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":\"input data\",\"snd\":\"SHA-512\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_json_manipulation",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestJsonManipulation::test_string_to_json",
    "variants": {
     "": {
      "definition": {
       "Comment": "STRING_TO_JSON",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.StringToJson($.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":\"\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":\" \"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":\"null\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":\"-0\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":\"1\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":\"1.1\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":\"true\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":\"\\\"HelloWorld\\\"\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_8",
        "input": "{\"FunctionInput\":\"[1, 2, \\\"HelloWorld\\\"]\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_9",
        "input": "{\"FunctionInput\":\"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestJsonManipulation::test_json_to_string",
    "variants": {
     "": {
      "definition": {
       "Comment": "JSON_TO_STRING",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.JsonToString($.FunctionInput)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":0}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":1.1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":true}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":\"HelloWorld\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":[1,2,\"HelloWorld\"]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":{\"Arg1\":1,\"Arg2\":[]}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestJsonManipulation::test_json_merge",
    "variants": {
     "": {
      "definition": {
       "Comment": "JSON_MERGE",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.JsonMerge($.FunctionInput.fst, $.FunctionInput.snd, false)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":{\"a\":{\"a1\":1,\"a2\":2},\"b\":2,\"d\":3},\"snd\":{\"a\":{\"a3\":1,\"a4\":2},\"c\":3,\"d\":4}}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestJsonManipulation::test_json_merge_escaped_argument",
    "variants": {
     "": {
      "definition": {
       "Comment": "JSON_MERGE_ESCAPED_ARGUMENT",
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "ResultPath": "$.result_path",
         "Parameters": {
          "merged.$": "States.JsonMerge(States.StringToJson('{\"constant_in_literal\": \"false\"}'), $$.Execution.Input.input_field, false)"
         },
         "OutputPath": "$.result_path.merged",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"input_field\":{\"constant_input_field\":\"constant_value\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_json_manipulation_jsonata",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestJsonManipulationJSONata::test_parse",
    "variants": {
     "": {
      "definition": {
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "QueryLanguage": "JSONata",
         "Type": "Pass",
         "Output": "{% $parse($states.input.FunctionInput) %}",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\": \"-0\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\": \"1\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\": \"1.1\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\": \"true\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\": \"\\\"HelloWorld\\\"\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\": \"[1, 2, \\\"HelloWorld\\\"]\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\": \"{\\\"Arg1\\\": 1, \\\"Arg2\\\": []}\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_math_operations",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestMathOperations::test_math_add",
    "variants": {
     "": {
      "definition": {
       "Comment": "MATH_ADD",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.MathAdd($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":-9,\"snd\":3}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":1.49,\"snd\":1.5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":1.5,\"snd\":1.51}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":-1.49,\"snd\":-1.5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":-1.5,\"snd\":-1.51}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":{\"fst\":1.49,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":{\"fst\":1.49,\"snd\":-1.49}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_7",
        "input": "{\"FunctionInput\":{\"fst\":1.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_8",
        "input": "{\"FunctionInput\":{\"fst\":1.51,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_9",
        "input": "{\"FunctionInput\":{\"fst\":-1.49,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_10",
        "input": "{\"FunctionInput\":{\"fst\":-1.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_11",
        "input": "{\"FunctionInput\":{\"fst\":-1.51,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_12",
        "input": "{\"FunctionInput\":{\"fst\":0.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_13",
        "input": "{\"FunctionInput\":{\"fst\":1.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_14",
        "input": "{\"FunctionInput\":{\"fst\":2.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_15",
        "input": "{\"FunctionInput\":{\"fst\":3.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_16",
        "input": "{\"FunctionInput\":{\"fst\":-0.5,\"snd\":0.5}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_17",
        "input": "{\"FunctionInput\":{\"fst\":-0.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_18",
        "input": "{\"FunctionInput\":{\"fst\":-1.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_19",
        "input": "{\"FunctionInput\":{\"fst\":-2.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_20",
        "input": "{\"FunctionInput\":{\"fst\":-3.5,\"snd\":0}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_math_random": "the test edits its template or redacts values in its own way",
   "test_math_random_seeded": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_math_operations_jsonata",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [],
  "notPorted": {
   "test_math_random_seeded": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_string_operations",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [
   {
    "test": "TestStringOperations::test_string_split",
    "variants": {
     "": {
      "definition": {
       "Comment": "STRING_SPLIT",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "Parameters": {
          "FunctionResult.$": "States.StringSplit($.FunctionInput.fst, $.FunctionInput.snd)"
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":{\"fst\":\" \",\"snd\":\",\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_1",
        "input": "{\"FunctionInput\":{\"fst\":\" , \",\"snd\":\",\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_2",
        "input": "{\"FunctionInput\":{\"fst\":\", , ,\",\"snd\":\",\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_3",
        "input": "{\"FunctionInput\":{\"fst\":\",,,,\",\"snd\":\",\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_4",
        "input": "{\"FunctionInput\":{\"fst\":\"1,2,3,4,5\",\"snd\":\",\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_5",
        "input": "{\"FunctionInput\":{\"fst\":\"This.is+a,test=string\",\"snd\":\".+,=\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       },
       {
        "key": "exec_hist_resp_6",
        "input": "{\"FunctionInput\":{\"fst\":\"split on T and \\nnew line\",\"snd\":\"T\\n\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestStringOperations::test_string_split_context_object",
    "variants": {
     "": {
      "definition": {
       "Comment": "STRING_SPLIT_CONTEXT_OBJECT",
       "StartAt": "State_0",
       "States": {
        "State_0": {
         "Type": "Pass",
         "End": true,
         "Parameters": {
          "FunctionResult.$": "States.StringSplit($$.Execution.Input.FunctionInput, ',')"
         }
        }
       }
      },
      "runs": [
       {
        "key": "exec_hist_resp_0",
        "input": "{\"FunctionInput\":\"Value1,Value2,Value3\\nValue4,Value5,Value6\\n,,,\\ntrue,1,'HelloWorld'\\nNull,None,\\n   \\n\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {}
 },
 {
  "module": "test_unique_id_generation",
  "dir": "stepfunctions/v2/intrinsic_functions",
  "scenarios": [],
  "notPorted": {
   "test_uuid": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_base_callbacks",
  "dir": "stepfunctions/v2/local_mocking",
  "scenarios": [],
  "notPorted": {
   "test_sfn_start_execution_sync": "the test builds its state machine from several templates or none",
   "test_sqs_wait_for_task_token": "the test edits its template or redacts values in its own way",
   "test_sqs_wait_for_task_token_task_failure": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_base_scenarios",
  "dir": "stepfunctions/v2/local_mocking",
  "scenarios": [],
  "notPorted": {
   "test_lambda_service_invoke": "the test builds its state machine from several templates or none",
   "test_lambda_invoke": "the test builds its state machine from several templates or none",
   "test_sqs_send_message": "the test edits its template or redacts values in its own way",
   "test_sns_publish_base": "the test edits its template or redacts values in its own way",
   "test_events_put_events": "the test edits its template or redacts values in its own way",
   "test_dynamodb_put_get_item": "the test edits its template or redacts values in its own way",
   "test_map_state_lambda": "the test builds its state machine from several templates or none",
   "test_parallel_state_lambda": "the test builds its state machine from several templates or none",
   "test_lambda_service_invoke_sync_execution": "the test builds its state machine from several templates or none",
   "test_numbered_mock_responses_multiple_success_invocations": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_logs",
  "dir": "stepfunctions/v2/logs",
  "scenarios": [],
  "notPorted": {
   "test_base": "the test builds its state machine from several templates or none",
   "test_deleted_log_group": "the test edits its template or redacts values in its own way",
   "test_partial_log_levels": "the test builds its state machine from several templates or none",
   "test_log_group_with_multiple_runs": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_output",
  "dir": "stepfunctions/v2/outputdecl",
  "scenarios": [
   {
    "test": "TestArgumentsBase::test_output_in_choice",
    "variants": {
     "CONDITION_TRUE": {
      "definition": {
       "QueryLanguage": "JSONata",
       "StartAt": "ChoiceState",
       "States": {
        "ChoiceState": {
         "Type": "Choice",
         "Choices": [
          {
           "Condition": "{% $states.input.condition %}",
           "Next": "ConditionTrue",
           "Output": "Condition Output block"
          }
         ],
         "Default": "DefaultState",
         "Output": "Default Output block"
        },
        "ConditionTrue": {
         "Type": "Pass",
         "End": true
        },
        "DefaultState": {
         "Type": "Fail",
         "Cause": "Condition is false"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"condition\": true}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "CONDITION_FALSE": {
      "definition": {
       "QueryLanguage": "JSONata",
       "StartAt": "ChoiceState",
       "States": {
        "ChoiceState": {
         "Type": "Choice",
         "Choices": [
          {
           "Condition": "{% $states.input.condition %}",
           "Next": "ConditionTrue",
           "Output": "Condition Output block"
          }
         ],
         "Default": "DefaultState",
         "Output": "Default Output block"
        },
        "ConditionTrue": {
         "Type": "Pass",
         "End": true
        },
        "DefaultState": {
         "Type": "Fail",
         "Cause": "Condition is false"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"condition\": false}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_base_cases": "the test builds its state machine from several templates or none",
   "test_base_lambda": "the test builds its state machine from several templates or none",
   "test_base_task_lambda": "the test builds its state machine from several templates or none",
   "test_base_output_any_non_dict": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_base_query_language",
  "dir": "stepfunctions/v2/query_language",
  "scenarios": [],
  "notPorted": {
   "test_base_query_language_field": "the test builds its state machine from several templates or none",
   "test_query_language_field_override": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_mixed_query_language",
  "dir": "stepfunctions/v2/query_language",
  "scenarios": [],
  "notPorted": {
   "test_variable_sampling": "the test builds its state machine from several templates or none",
   "test_output_to_state": "the test builds its state machine from several templates or none",
   "test_task_dataflow_to_state": "the test builds its state machine from several templates or none",
   "test_lambda_task_resource_data_flow": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_base_scenarios",
  "dir": "stepfunctions/v2/scenarios",
  "scenarios": [
   {
    "test": "TestBaseScenarios::test_fail_cause_jsonata",
    "variants": {
     "": {
      "definition": {
       "Comment": "RAISE_FAILURE_CAUSE_JSONATA",
       "QueryLanguage": "JSONata",
       "StartAt": "FailState",
       "States": {
        "FailState": {
         "Type": "Fail",
         "Cause": "{% $states.input.cause %}"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"cause\": \"This failed to due an Exception.\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_fail_error_jsonata",
    "variants": {
     "": {
      "definition": {
       "Comment": "RAISE_FAILURE_ERROR_JSONATA",
       "QueryLanguage": "JSONata",
       "StartAt": "FailState",
       "States": {
        "FailState": {
         "Type": "Fail",
         "Error": "{% $states.input.error %}"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"error\": \"Exception\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_wait_seconds_jsonata",
    "variants": {
     "": {
      "definition": {
       "Comment": "WAIT_SECONDS_JSONATA",
       "QueryLanguage": "JSONata",
       "StartAt": "WaitState",
       "States": {
        "WaitState": {
         "Type": "Wait",
         "Seconds": "{% $states.input.waitSeconds %}",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"waitSeconds\": 0}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_items_input_array",
    "variants": {
     "empty": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": []}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "singleton": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": [0]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "mixed": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": [1, \"two\", true]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_items_input_types",
    "variants": {
     "number": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": 1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "string": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": \"string\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "boolean": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": true}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "object": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": {\"foo\": \"bar\"}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "null": {
      "definition": {
       "Comment": "MAP_STATE_ITEMS",
       "QueryLanguage": "JSONata",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Output": "{% $states.input.items %}",
         "Next": "MapIterateState"
        },
        "MapIterateState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Pass",
          "States": {
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"items\": null}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_parallel_state_retry",
    "variants": {
     "": {
      "definition": {
       "Comment": "PARALLEL_STATE_RETRY",
       "StartAt": "ParallelState",
       "States": {
        "ParallelState": {
         "Type": "Parallel",
         "Branches": [
          {
           "StartAt": "Branch1",
           "States": {
            "Branch1": {
             "Type": "Fail",
             "Error": "FailureType",
             "Cause": "Cause description"
            }
           }
          }
         ],
         "Retry": [
          {
           "ErrorEquals": [
            "FailureType"
           ],
           "MaxAttempts": 2
          }
         ],
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[5].stateEnteredEventDetails.input",
         "$.events[7].stateEnteredEventDetails.input"
        ],
        "waitSeconds": [1, 2]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_retry",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItemFail",
          "States": {
           "HandleItemFail": {
            "Type": "Fail",
            "Error": "HandleItemFailError",
            "Cause": "HandleItemFailCause"
           }
          }
         },
         "Retry": [
          {
           "ErrorEquals": [
            "HandleItemFailError"
           ],
           "MaxAttempts": 2
          }
         ],
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ],
        "waitSeconds": [1, 2]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_retry_legacy",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "Iterator": {
          "StartAt": "HandleItemFail",
          "States": {
           "HandleItemFail": {
            "Type": "Fail",
            "Error": "HandleItemFailError",
            "Cause": "HandleItemFailCause"
           }
          }
         },
         "Retry": [
          {
           "ErrorEquals": [
            "HandleItemFailError"
           ],
           "MaxAttempts": 2
          }
         ],
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ],
        "waitSeconds": [1, 2]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_retry_multiple_retriers",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItemFail",
          "States": {
           "HandleItemFail": {
            "Type": "Fail",
            "Error": "HandleItemFailError",
            "Cause": "HandleItemFailCause"
           }
          }
         },
         "Retry": [
          {
           "ErrorEquals": [
            "NoSuchError"
           ],
           "MaxAttempts": 1
          },
          {
           "ErrorEquals": [
            "State.ALL"
           ],
           "MaxAttempts": 2
          },
          {
           "ErrorEquals": [
            "HandleItemFailError"
           ],
           "MaxAttempts": 3
          }
         ],
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ],
        "waitSeconds": [1, 2, 4]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_break_condition",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1,
          "Hello",
          {},
          3.3,
          3,
          4,
          5
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "Equals3",
          "States": {
           "Equals3": {
            "Choices": [
             {
              "And": [
               {
                "IsPresent": true,
                "Variable": "$"
               },
               {
                "And": [
                 {
                  "IsNumeric": true,
                  "Variable": "$"
                 },
                 {
                  "NumericEquals": 3,
                  "Variable": "$"
                 }
                ]
               }
              ],
              "Next": "Break"
             }
            ],
            "Default": "Pass",
            "Type": "Choice"
           },
           "Break": {
            "Type": "Fail",
            "Error": "SomeFailure",
            "Cause": "This state machines raises a 'SomeFailure' failure."
           },
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[18].stateEnteredEventDetails.input",
         "$.events[19].stateExitedEventDetails.output",
         "$.events[20].stateEnteredEventDetails.input",
         "$.events[21].stateExitedEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1,
          "Hello",
          {},
          null,
          3.3,
          3,
          4,
          5
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[14].stateEnteredEventDetails.input",
         "$.events[15].stateExitedEventDetails.output",
         "$.events[38].stateExitedEventDetails.output",
         "$.events[39].stateEnteredEventDetails.input",
         "$.events[40].stateExitedEventDetails.output",
         "$.events[41].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_catch",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItemFail",
          "States": {
           "HandleItemFail": {
            "Type": "Fail",
            "Error": "HandleItemFailError",
            "Cause": "HandleItemFailCause"
           }
          }
         },
         "Catch": [
          {
           "ErrorEquals": [
            "HandleItemFailError"
           ],
           "Next": "FinalCaught"
          }
         ],
         "Next": "Final"
        },
        "FinalCaught": {
         "Type": "Pass",
         "End": true
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[9].stateExitedEventDetails.output",
         "$.events[10].stateEnteredEventDetails.input",
         "$.events[11].stateExitedEventDetails.output",
         "$.events[12].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_item_selector_singleton",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": {
          "detail": {
           "delivery-partner": "UQS",
           "shipped": [
            "A",
            "B",
            "C"
           ]
          }
         },
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": "$.detail.shipped_output",
         "InputPath": "$.detail",
         "ItemsPath": "$.shipped",
         "MaxConcurrency": 1,
         "ItemSelector": {
          "original_input.$": "$",
          "iteration_input_value.$": "$$.Map.Item.Value",
          "iteration_index.$": "$$.Map.Item.Index",
          "from_input_constant.$": "$.delivery-partner",
          "constant_value": "HelloWorld"
         },
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[6].stateEnteredEventDetails.input",
         "$.events[7].stateExitedEventDetails.output",
         "$.events[10].stateEnteredEventDetails.input",
         "$.events[11].stateExitedEventDetails.output",
         "$.events[14].stateEnteredEventDetails.input",
         "$.events[15].stateExitedEventDetails.output",
         "$.events[18].stateExitedEventDetails.output",
         "$.events[19].stateEnteredEventDetails.input",
         "$.events[20].stateExitedEventDetails.output",
         "$.events[21].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1,
          "Hello",
          {},
          null,
          3.3,
          3,
          4,
          5
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "Iterator": {
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[14].stateEnteredEventDetails.input",
         "$.events[15].stateExitedEventDetails.output",
         "$.events[38].stateExitedEventDetails.output",
         "$.events[39].stateEnteredEventDetails.input",
         "$.events[40].stateExitedEventDetails.output",
         "$.events[41].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_break_condition_legacy",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1,
          "Hello",
          {},
          3.3,
          3,
          4,
          5
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "Iterator": {
          "StartAt": "Equals3",
          "States": {
           "Equals3": {
            "Choices": [
             {
              "And": [
               {
                "IsPresent": true,
                "Variable": "$"
               },
               {
                "And": [
                 {
                  "IsNumeric": true,
                  "Variable": "$"
                 },
                 {
                  "NumericEquals": 3,
                  "Variable": "$"
                 }
                ]
               }
              ],
              "Next": "Break"
             }
            ],
            "Default": "Pass",
            "Type": "Choice"
           },
           "Break": {
            "Type": "Fail",
            "Error": "SomeFailure",
            "Cause": "This state machines raises a 'SomeFailure' failure."
           },
           "Pass": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[18].stateEnteredEventDetails.input",
         "$.events[19].stateExitedEventDetails.output",
         "$.events[20].stateEnteredEventDetails.input",
         "$.events[21].stateExitedEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_parameters_legacy",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": {
          "detail": {
           "delivery-partner": "UQS",
           "shipped": [
            {
             "prod": "R31",
             "dest-code": 9511,
             "quantity": 1344
            },
            {
             "prod": "S39",
             "dest-code": 9511,
             "quantity": 40
            },
            {
             "prod": "R31",
             "dest-code": 9833,
             "quantity": 12
            },
            {
             "prod": "R40",
             "dest-code": 9860,
             "quantity": 887
            },
            {
             "prod": "R40",
             "dest-code": 9511,
             "quantity": 1220
            }
           ]
          }
         },
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": "$.detail.shipped_output",
         "InputPath": "$.detail",
         "ItemsPath": "$.shipped",
         "MaxConcurrency": 1,
         "Parameters": {
          "original_input.$": "$",
          "iteration_input_value.$": "$$.Map.Item.Value",
          "iteration_index.$": "$$.Map.Item.Index",
          "from_input_constant.$": "$.delivery-partner",
          "constant_value": "HelloWorld"
         },
         "Iterator": {
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[6].stateEnteredEventDetails.input",
         "$.events[7].stateExitedEventDetails.output",
         "$.events[10].stateEnteredEventDetails.input",
         "$.events[11].stateExitedEventDetails.output",
         "$.events[14].stateEnteredEventDetails.input",
         "$.events[15].stateExitedEventDetails.output",
         "$.events[18].stateEnteredEventDetails.input",
         "$.events[19].stateExitedEventDetails.output",
         "$.events[22].stateEnteredEventDetails.input",
         "$.events[23].stateExitedEventDetails.output",
         "$.events[26].stateExitedEventDetails.output",
         "$.events[27].stateEnteredEventDetails.input",
         "$.events[28].stateExitedEventDetails.output",
         "$.events[29].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_parameters_singleton_legacy",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": {
          "detail": {
           "delivery-partner": "UQS",
           "shipped": [
            "A",
            "B",
            "C"
           ]
          }
         },
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": "$.detail.shipped_output",
         "InputPath": "$.detail",
         "ItemsPath": "$.shipped",
         "MaxConcurrency": 1,
         "Parameters": {
          "original_input.$": "$",
          "iteration_input_value.$": "$$.Map.Item.Value",
          "iteration_index.$": "$$.Map.Item.Index",
          "from_input_constant.$": "$.delivery-partner",
          "constant_value": "HelloWorld"
         },
         "Iterator": {
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[6].stateEnteredEventDetails.input",
         "$.events[7].stateExitedEventDetails.output",
         "$.events[10].stateEnteredEventDetails.input",
         "$.events[11].stateExitedEventDetails.output",
         "$.events[14].stateEnteredEventDetails.input",
         "$.events[15].stateExitedEventDetails.output",
         "$.events[18].stateExitedEventDetails.output",
         "$.events[19].stateEnteredEventDetails.input",
         "$.events[20].stateExitedEventDetails.output",
         "$.events[21].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_catch_legacy",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItemFail",
          "States": {
           "HandleItemFail": {
            "Type": "Fail",
            "Error": "HandleItemFailError",
            "Cause": "HandleItemFailCause"
           }
          }
         },
         "Catch": [
          {
           "ErrorEquals": [
            "HandleItemFailError"
           ],
           "Next": "FinalCaught"
          }
         ],
         "Next": "Final"
        },
        "FinalCaught": {
         "Type": "Pass",
         "End": true
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[9].stateExitedEventDetails.output",
         "$.events[10].stateEnteredEventDetails.input",
         "$.events[11].stateExitedEventDetails.output",
         "$.events[12].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_catch_empty_fail",
    "variants": {
     "": {
      "definition": {
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ResultPath": null,
         "InputPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItemFail",
          "States": {
           "HandleItemFail": {
            "Type": "Fail"
           }
          }
         },
         "Catch": [
          {
           "ErrorEquals": [
            "Internal Error"
           ],
           "Next": "CaughtInternalError"
          },
          {
           "ErrorEquals": [
            "State.ALL"
           ],
           "Next": "CaughtStatesALL"
          }
         ],
         "Next": "CaughtNone"
        },
        "CaughtInternalError": {
         "Type": "Pass",
         "End": true
        },
        "CaughtStatesALL": {
         "Type": "Pass",
         "End": true
        },
        "CaughtNone": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_no_processor_config",
    "variants": {
     "": {
      "definition": {
       "Comment": "MAP_STATE_NO_PROCESSOR_CONFIG",
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Result": [
          1,
          2,
          3
         ],
         "ResultPath": "$.arr",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.arr",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_parallel_state_fail",
    "variants": {
     "": {
      "definition": {
       "Comment": "PARALLEL_STATE_FAIL",
       "StartAt": "ParallelState",
       "States": {
        "ParallelState": {
         "Type": "Parallel",
         "End": true,
         "Branches": [
          {
           "StartAt": "Branch1",
           "States": {
            "Branch1": {
             "Type": "Fail",
             "Error": "FailureType"
            }
           }
          }
         ]
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_parallel_state_catch",
    "variants": {
     "": {
      "definition": {
       "Comment": "PARALLEL_STATE_CATCH",
       "StartAt": "ParallelState",
       "States": {
        "ParallelState": {
         "Type": "Parallel",
         "Branches": [
          {
           "StartAt": "Branch1",
           "States": {
            "Branch1": {
             "Type": "Fail",
             "Error": "FailureType",
             "Cause": "Cause description"
            }
           }
          }
         ],
         "Catch": [
          {
           "ErrorEquals": [
            "FailureType"
           ],
           "Next": "FinalCaught"
          }
         ],
         "Next": "Final"
        },
        "FinalCaught": {
         "Type": "Pass",
         "End": true
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[5].stateExitedEventDetails.output",
         "$.events[6].stateEnteredEventDetails.input",
         "$.events[7].stateExitedEventDetails.output",
         "$.events[8].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_config_inline",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "Iterator": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "INLINE"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_config_distributed",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "Iterator": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_config_distributed_parameters",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "Parameters": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "Iterator": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_config_distributed_item_selector",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemSelector": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "Iterator": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_config_inline_parameters",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "Parameters": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "Iterator": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "INLINE"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": [
         "$.events[4].stateEnteredEventDetails.input",
         "$.events[5].stateExitedEventDetails.output",
         "$.events[8].stateEnteredEventDetails.input",
         "$.events[9].stateExitedEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_config_inline_item_selector",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemSelector": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "Iterator": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "INLINE"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": [
         "$.events[4].stateEnteredEventDetails.input",
         "$.events[5].stateExitedEventDetails.output",
         "$.events[8].stateEnteredEventDetails.input",
         "$.events[9].stateExitedEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_config_distributed_item_selector",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemSelector": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "ItemProcessor": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_config_distributed_parameters",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "Parameters": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "ItemProcessor": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_config_inline_parameters",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "Parameters": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "ItemProcessor": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "INLINE"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": [
         "$.events[4].stateEnteredEventDetails.input",
         "$.events[5].stateExitedEventDetails.output",
         "$.events[8].stateEnteredEventDetails.input",
         "$.events[9].stateExitedEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_config_inline_item_selector",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemSelector": {
          "constantValue": "constant",
          "mapValue.$": "$$.Map.Item.Value",
          "fromInput.$": "$"
         },
         "ItemProcessor": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_nested",
    "variants": {
     "": {
      "definition": {
       "StartAt": "MapL1",
       "States": {
        "MapL1": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "MapL2",
          "States": {
           "MapL2": {
            "Type": "Map",
            "MaxConcurrency": 1,
            "ItemProcessor": {
             "ProcessorConfig": {
              "Mode": "INLINE"
             },
             "StartAt": "MapL2Pass",
             "States": {
              "MapL2Pass": {
               "Type": "Pass",
               "End": true
              }
             }
            },
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[[1, 2, 3], [4, 5, 6]]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_max_concurrency_path",
    "variants": {
     "0": {
      "definition": {
       "Comment": "MAX_CONCURRENCY_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Values",
         "MaxConcurrencyPath": "$.MaxConcurrencyValue",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"MaxConcurrencyValue\":0,\"Values\":[\"HelloWorld\"]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "1": {
      "definition": {
       "Comment": "MAX_CONCURRENCY_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Values",
         "MaxConcurrencyPath": "$.MaxConcurrencyValue",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"MaxConcurrencyValue\":1,\"Values\":[\"HelloWorld\"]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "max_concurrency_value0": {
      "definition": {
       "Comment": "MAX_CONCURRENCY_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Values",
         "MaxConcurrencyPath": "$.MaxConcurrencyValue",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"MaxConcurrencyValue\":{},\"Values\":[\"HelloWorld\"]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "NoNumber": {
      "definition": {
       "Comment": "MAX_CONCURRENCY_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Values",
         "MaxConcurrencyPath": "$.MaxConcurrencyValue",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"MaxConcurrencyValue\":\"NoNumber\",\"Values\":[\"HelloWorld\"]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_max_concurrency_path_negative",
    "variants": {
     "": {
      "definition": {
       "Comment": "MAX_CONCURRENCY_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Values",
         "MaxConcurrencyPath": "$.MaxConcurrencyValue",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Next": "Final"
        },
        "Final": {
         "Type": "Pass",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"MaxConcurrencyValue\":-1,\"Values\":[\"HelloWorld\"]}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_legacy_reentrant",
    "variants": {
     "": {
      "definition": {
       "Comment": "MAP_STATE_LEGACY_REENTRANT",
       "StartAt": "StartState",
       "States": {
        "StartState": {
         "Type": "Pass",
         "Parameters": {
          "Iterations": 3,
          "Values.$": "States.ArrayRange(0, 3, 1)"
         },
         "Next": "BeforeIteration"
        },
        "BeforeIteration": {
         "Type": "Pass",
         "Parameters": {
          "Iterations.$": "States.MathAdd($.Iterations, -1)",
          "Values.$": "$.Values"
         },
         "Next": "IterationBody"
        },
        "IterationBody": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemsPath": "$.Values",
         "Iterator": {
          "StartAt": "ProcessValue",
          "States": {
           "ProcessValue": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ResultPath": "$.Values",
         "Next": "CheckIteration"
        },
        "CheckIteration": {
         "Type": "Choice",
         "Choices": [
          {
           "Variable": "$.Iterations",
           "NumericEquals": 0,
           "Next": "Terminate"
          }
         ],
         "Default": "BeforeIteration"
        },
        "Terminate": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[4].stateExitedEventDetails.output",
         "$.events[5].stateEnteredEventDetails.input",
         "$.events[24].stateExitedEventDetails.output",
         "$.events[25].stateEnteredEventDetails.input",
         "$.events[26].stateExitedEventDetails.output",
         "$.events[27].stateEnteredEventDetails.input",
         "$.events[28].stateExitedEventDetails.output",
         "$.events[29].stateEnteredEventDetails.input",
         "$.events[48].stateExitedEventDetails.output",
         "$.events[49].stateEnteredEventDetails.input",
         "$.events[50].stateExitedEventDetails.output",
         "$.events[51].stateEnteredEventDetails.input",
         "$.events[52].stateExitedEventDetails.output",
         "$.events[53].stateEnteredEventDetails.input",
         "$.events[72].stateExitedEventDetails.output",
         "$.events[73].stateEnteredEventDetails.input",
         "$.events[74].stateExitedEventDetails.output",
         "$.events[75].stateEnteredEventDetails.input",
         "$.events[76].stateExitedEventDetails.output",
         "$.events[77].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_tolerated_failure_count_path",
    "variants": {
     "0": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_COUNT_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailureCountPath": "$.ToleratedFailureCount",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailureCount\":0}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_COUNT_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailureCountPath": "$.ToleratedFailureCount",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailureCount\":1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "tolerated_failure_count_value0": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_COUNT_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailureCountPath": "$.ToleratedFailureCount",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailureCount\":{}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "NoNumber": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_COUNT_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailureCountPath": "$.ToleratedFailureCount",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailureCount\":\"NoNumber\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "-1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_COUNT_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailureCountPath": "$.ToleratedFailureCount",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailureCount\":-1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_tolerated_failure_percentage_path",
    "variants": {
     "0": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":0}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "100": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":100}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "tolerated_failure_percentage_value0": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":{}}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "NoNumber": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":\"NoNumber\"}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "-1.1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":-1.1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "-1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":-1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "1.1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":1.1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     },
     "100.1": {
      "definition": {
       "Comment": "MAP_STATE_TOLERATED_FAILURE_PERCENTAGE_PATH",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemsPath": "$.Items",
         "MaxConcurrency": 1,
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "HandleItem",
          "States": {
           "HandleItem": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "ToleratedFailurePercentagePath": "$.ToleratedFailurePercentage",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{\"Items\":[0],\"ToleratedFailurePercentage\":100.1}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_label",
    "variants": {
     "": {
      "definition": {
       "Comment": "MAP_STATE_LABEL_JSON",
       "StartAt": "MapState",
       "States": {
        "MapState": {
         "Type": "Map",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "Label": "TestMap",
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "[\"Hello\", \"World\"]",
        "jsonStrings": []
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_choice_condition_constant_jsonata",
    "variants": {
     "": {
      "definition": {
       "StartAt": "ChoiceState",
       "States": {
        "ChoiceState": {
         "Type": "Choice",
         "QueryLanguage": "JSONata",
         "Choices": [
          {
           "Condition": true,
           "Next": "ConditionTrue"
          }
         ],
         "Default": "DefaultState"
        },
        "ConditionTrue": {
         "Type": "Pass",
         "End": true
        },
        "DefaultState": {
         "Type": "Fail",
         "Cause": "Condition is false"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[4].stateExitedEventDetails.output",
         "$.events[5].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_config_distributed_item_selector_parameters",
    "variants": {
     "": {
      "definition": {
       "Comment": "MAP_STATE_CONFIG_DISTRIBUTED_ITEM_SELECTOR_PARAMETERS",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Parameters": {
          "bucket": "test-bucket",
          "values": [
           "1",
           "2",
           "3"
          ]
         },
         "ResultPath": "$.content",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemsPath": "$.content.values",
         "ItemSelector": {
          "bucketName.$": "$.content.bucket",
          "value.$": "$$.Map.Item.Value"
         },
         "ItemProcessor": {
          "StartAt": "IteratorInner",
          "States": {
           "IteratorInner": {
            "Type": "Pass",
            "End": true
           }
          },
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          }
         },
         "Next": "Finish"
        },
        "Finish": {
         "Type": "Succeed"
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_item_selector_parameters",
    "variants": {
     "": {
      "definition": {
       "Comment": "MAP_STATE_ITEM_SELECTOR_PARAMETERS",
       "StartAt": "Start",
       "States": {
        "Start": {
         "Type": "Pass",
         "Parameters": {
          "bucket": "test-bucket",
          "values": [
           "1",
           "2",
           "3"
          ]
         },
         "ResultPath": "$.content",
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemsPath": "$.content.values",
         "ItemSelector": {
          "bucketName.$": "$.content.bucket",
          "value.$": "$$.Map.Item.Value"
         },
         "ItemProcessor": {
          "StartAt": "EndState",
          "ProcessorConfig": {
           "Mode": "INLINE"
          },
          "States": {
           "EndState": {
            "Type": "Pass",
            "Parameters": {
             "message": "Processing item completed"
            },
            "End": true
           }
          }
         },
         "ResultPath": null,
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input",
         "$.events[6].stateEnteredEventDetails.input",
         "$.events[7].stateExitedEventDetails.output",
         "$.events[10].stateEnteredEventDetails.input",
         "$.events[11].stateExitedEventDetails.output",
         "$.events[14].stateEnteredEventDetails.input",
         "$.events[15].stateExitedEventDetails.output",
         "$.events[18].stateExitedEventDetails.output",
         "$.events[19].executionSucceededEventDetails.output"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_nested_config_distributed",
    "variants": {
     "": {
      "definition": {
       "StartAt": "SetupState",
       "States": {
        "SetupState": {
         "Type": "Pass",
         "Result": {
          "values": [
           {
            "sub-values": [
             {
              "num": 1,
              "str": "A"
             },
             {
              "num": 2,
              "str": "B"
             }
            ]
           }
          ]
         },
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemsPath": "$.values",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "SubMapState",
          "States": {
           "SubMapState": {
            "Type": "Map",
            "MaxConcurrency": 1,
            "ItemsPath": "$.sub-values",
            "ResultPath": "$.result",
            "ItemProcessor": {
             "ProcessorConfig": {
              "Mode": "DISTRIBUTED",
              "ExecutionType": "STANDARD"
             },
             "StartAt": "SubMapStateSuccess",
             "States": {
              "SubMapStateSuccess": {
               "Type": "Succeed"
              }
             }
            },
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   },
   {
    "test": "TestBaseScenarios::test_map_state_config_distributed_items_path_from_previous",
    "variants": {
     "": {
      "definition": {
       "StartAt": "PreviousState",
       "States": {
        "PreviousState": {
         "Type": "Pass",
         "Result": {
          "result_value": [
           "item-value-from-previous"
          ]
         },
         "Next": "MapState"
        },
        "MapState": {
         "Type": "Map",
         "MaxConcurrency": 1,
         "ItemsPath": "$.result_value",
         "ItemProcessor": {
          "ProcessorConfig": {
           "Mode": "DISTRIBUTED",
           "ExecutionType": "STANDARD"
          },
          "StartAt": "PassState",
          "States": {
           "PassState": {
            "Type": "Pass",
            "End": true
           }
          }
         },
         "End": true
        }
       }
      },
      "runs": [
       {
        "key": "get_execution_history",
        "input": "{}",
        "jsonStrings": [
         "$.events[0].executionStartedEventDetails.input",
         "$.events[1].stateEnteredEventDetails.input",
         "$.events[2].stateExitedEventDetails.output",
         "$.events[3].stateEnteredEventDetails.input"
        ]
       }
      ]
     }
    }
   }
  ],
  "notPorted": {
   "test_parallel_state": "the test builds its state machine from several templates or none",
   "test_map_state_item_selector": "the test builds its state machine from several templates or none",
   "test_choice_unsorted_parameters": "the test builds its state machine from several templates or none",
   "test_choice_aws_docs_scenario": "the test builds its state machine from several templates or none",
   "test_map_item_reader_base_list_objects_v2": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_base_csv_headers_first_line": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_base_csv_headers_decl": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_base_json": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_csv_headers_decl_duplicate_headers": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_csv_headers_decl_extra_fields": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_csv_headers_first_row_typed_headers": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_csv_first_row_extra_fields": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_json_no_json_list_object": "the test edits its template or redacts values in its own way",
   "test_lambda_invoke_with_retry_base": "the test builds its state machine from several templates or none",
   "test_lambda_invoke_with_retry_extended_input": "the test builds its state machine from several templates or none",
   "test_lambda_service_invoke_with_retry_extended_input": "the test builds its state machine from several templates or none",
   "test_wait_timestamp_path": "the test edits its template or redacts values in its own way",
   "test_wait_timestamp": "the test edits its template or redacts values in its own way",
   "test_lambda_empty_retry": "the test builds its state machine from several templates or none",
   "test_choice_singleton_composite": "the test builds its state machine from several templates or none",
   "test_catch_states_runtime": "the test builds its state machine from several templates or none",
   "test_catch_empty": "the test builds its state machine from several templates or none",
   "test_parallel_state_order": "the test edits its template or redacts values in its own way",
   "test_retry_interval_features": "the test builds its state machine from several templates or none",
   "test_retry_interval_features_jitter_none": "the test builds its state machine from several templates or none",
   "test_map_item_reader_csv_max_items": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_csv_max_items_paths": "the test edits its template or redacts values in its own way",
   "test_map_item_reader_base_json_max_items": "the test edits its template or redacts values in its own way",
   "test_retry_interval_features_max_attempts_zero": "the test builds its state machine from several templates or none",
   "test_parallel_state_nested": "the test edits its template or redacts values in its own way",
   "test_map_state_config_distributed_reentrant": "the test edits its template or redacts values in its own way",
   "test_map_state_config_distributed_reentrant_lambda": "the test builds its state machine from several templates or none",
   "test_map_state_tolerated_failure_values": "the test builds its state machine from several templates or none",
   "test_map_state_result_writer": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_map_item_reader_base_json_max_items_jsonata": "the test edits its template or redacts values in its own way",
   "test_map_item_batching_base_json_max_per_batch_jsonata": "the test edits its template or redacts values in its own way",
   "test_wait_timestamp_jsonata": "the test edits its template or redacts values in its own way",
   "test_choice_unsorted_parameters_positive": "the test builds its state machine from several templates or none",
   "test_choice_unsorted_parameters_negative": "the test builds its state machine from several templates or none",
   "test_map_state_items_eval_jsonata_fail": "the test edits its template or redacts values in its own way",
   "test_map_state_items_eval_jsonata_variable_sampling_fail": "the test edits its template or redacts values in its own way",
   "test_map_state_items_variable_sampling": "the test edits its template or redacts values in its own way",
   "test_map_state_items_eval_jsonata": "the test edits its template or redacts values in its own way",
   "test_wait_timestamp_invalid": "the test edits its template or redacts values in its own way",
   "test_invalid_jsonpath": "the test builds its state machine from several templates or none",
   "test_map_item_reader_base_json_with_items_path": "the test edits its template or redacts values in its own way",
   "test_escape_sequence_parsing": "the test builds its state machine from several templates or none",
   "test_illegal_escapes": "the test builds its state machine from several templates or none",
   "test_map_state_nested_config_distributed_no_max_max_concurrency": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_sfn_scenarios",
  "dir": "stepfunctions/v2/scenarios",
  "scenarios": [],
  "notPorted": {
   "test_path_based_on_data": "the test builds its state machine from several templates or none",
   "test_wait_for_callback": "the test builds its state machine from several templates or none",
   "test_step_functions_calling_api_gateway": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_apigetway_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_invoke_with_query_parameters": "the test builds its state machine from several templates or none",
   "test_invoke_base": "the test builds its state machine from several templates or none",
   "test_invoke_with_body_post": "the test builds its state machine from several templates or none",
   "test_invoke_error": "the test builds its state machine from several templates or none",
   "test_invoke_with_headers": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_aws_sdk_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_list_secrets": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_dynamodb_put_get_item": "the test edits its template or redacts values in its own way",
   "test_dynamodb_put_delete_item": "the test edits its template or redacts values in its own way",
   "test_dynamodb_put_update_get_item": "the test edits its template or redacts values in its own way",
   "test_sfn_start_execution": "the test builds its state machine from several templates or none",
   "test_sfn_start_execution_implicit_json_serialisation": "the test builds its state machine from several templates or none",
   "test_sfn_send_task_outcome_with_no_such_token": "the test builds its state machine from several templates or none",
   "test_s3_get_object": "the test edits its template or redacts values in its own way",
   "test_s3_put_object": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_dynamodb_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_base_integrations": "the test builds its state machine from several templates or none",
   "test_invalid_integration": "the state machine calls other services (Task states); covered by test/stepfunctions instead"
  }
 },
 {
  "module": "test_ecs_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_run_task_sync": "the test builds its state machine from several templates or none",
   "test_run_task": "the test builds its state machine from several templates or none",
   "test_run_task_raise_failure": "the test builds its state machine from several templates or none",
   "test_run_task_sync_raise_failure": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_events_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_put_events_base": "the test edits its template or redacts values in its own way",
   "test_put_events_malformed_detail": "the test edits its template or redacts values in its own way",
   "test_put_events_no_source": "the test edits its template or redacts values in its own way",
   "test_put_events_mixed_malformed_detail": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_lambda_task",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_invoke_pipe": "the test edits its template or redacts values in its own way",
   "test_invoke_bytes_payload": "the test builds its state machine from several templates or none",
   "test_invoke_json_values": "the test builds its state machine from several templates or none",
   "test_lambda_task_filter_parameters_input": "the test builds its state machine from several templates or none",
   "test_invoke_string_payload": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_lambda_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_invoke": "the test builds its state machine from several templates or none",
   "test_invoke_unsupported_param": "the test builds its state machine from several templates or none",
   "test_list_functions": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_invoke_bytes_payload": "the test builds its state machine from several templates or none",
   "test_invoke_json_values": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_sfn_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_start_execution": "the test builds its state machine from several templates or none",
   "test_start_execution_input_json": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_sns_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_publish_base": "the test edits its template or redacts values in its own way",
   "test_publish_message_attributes": "the test edits its template or redacts values in its own way",
   "test_publish_base_error_topic_arn": "the test edits its template or redacts values in its own way",
   "test_fifo_message_attribute": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_sqs_task_service",
  "dir": "stepfunctions/v2/services",
  "scenarios": [],
  "notPorted": {
   "test_send_message": "the test edits its template or redacts values in its own way",
   "test_send_message_unsupported_parameters": "the test edits its template or redacts values in its own way",
   "test_send_message_attributes": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_error_output",
  "dir": "stepfunctions/v2/states_variables",
  "scenarios": [],
  "notPorted": {
   "test_task_catch_error_output": "the test builds its state machine from several templates or none",
   "test_catch_error_variable_sampling": "the test builds its state machine from several templates or none",
   "test_task_catch_error_with_retry": "the test builds its state machine from several templates or none",
   "test_map_catch_error": "the test builds its state machine from several templates or none",
   "test_parallel_catch_error": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_field_validation_mode",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_strict_mode_mock_result_field_not_in_api_spec": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_eventbridge_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_sfn_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_lambda_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_dynamodb_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_aws_sdk_s3_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_aws_sdk_kms_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_strict_mode_aws_sdk_lambda_get_function_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead"
  }
 },
 {
  "module": "test_field_validation_mode_none",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_none_mode_sfn_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead"
  }
 },
 {
  "module": "test_field_validation_mode_present",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_present_mode_mock_result_field_not_in_api_spec": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_eventbridge_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_sfn_task_validation_pass": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_sfn_task_validation_fail": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_lambda_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_dynamodb_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_aws_sdk_s3_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_aws_sdk_kms_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_present_mode_aws_sdk_lambda_get_function_task": "the state machine calls other services (Task states); covered by test/stepfunctions instead"
  }
 },
 {
  "module": "test_state_configuration",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_map_state_error_caused_by_state": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_state_configuration_map_iteration_failure_count_with_state_error": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_state_machine_with_state_error": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_state_machine_configuration_map_iteration_item_reader": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_map_state_failure_count": "the test builds its state machine from several templates or none",
   "test_state_machine_configuration_item_reader_with_error": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_state_configuration_retrier_retry_count": "the state machine calls other services (Task states); covered by test/stepfunctions instead"
  }
 },
 {
  "module": "test_state_context_object",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_state_task_context_object": "the test edits its template or redacts values in its own way",
   "test_state_wait_task_context_object": "the test edits its template or redacts values in its own way",
   "test_state_map_context_object": "the test edits its template or redacts values in its own way",
   "test_state_context_object_invalid_states": "the test builds its state machine from several templates or none",
   "test_state_context_object_validation_failures": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_state_context_object_edge_cases": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_state_mock_validation",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_state_type_does_not_accept_mock": "the test builds its state machine from several templates or none",
   "test_state_type_requires_mock": "the test builds its state machine from several templates or none",
   "test_both_mock_result_and_mock_error_output_are_set": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_reveal_secrets_is_true_and_mock_result_is_set": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_mock_result_is_not_array_on_map_state_without_result_writer": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_mock_result_is_not_object_on_map_state_with_result_writer": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_mock_result_is_not_array_on_parallel_state": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_mock_result_array_size_mismatch_on_parallel_state": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_parallel_state_empty_branches": "the test builds its state machine from several templates or none",
   "test_map_iteration_failure_count_without_mock": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_map_iteration_failure_count_exceeds_mock_result_items": "the state machine calls other services (Task states); covered by test/stepfunctions instead"
  }
 },
 {
  "module": "test_test_state_machine_scenarios",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_base_state_name": "the test builds its state machine from several templates or none",
   "test_base_state_name_multi_state": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_base_state_name_validation_failures": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_state_name_invalid_state_definition": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)"
  }
 },
 {
  "module": "test_test_state_mock_scenarios",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_base_lambda_service_task_mock_success": "the test edits its template or redacts values in its own way",
   "test_io_dynamodb_service_task_mock_success": "the test builds its state machine from several templates or none",
   "test_put_events_mock_success": "the state machine calls other services (Task states); covered by test/stepfunctions instead",
   "test_send_sqs_message_success": "the test edits its template or redacts values in its own way",
   "test_sfn_start_execution_success": "the test edits its template or redacts values in its own way",
   "test_base_lambda_service_task_mock_is_not_json_string": "the test edits its template or redacts values in its own way",
   "test_base_parallel_state_mock_success": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_io_parallel_state_mock_success": "the recorded histories hold values the test redacted in its own way (generated ids, random numbers)",
   "test_io_jsonata_parallel_state_mock_success": "the test fills placeholders in its template"
  }
 },
 {
  "module": "test_test_state_scenarios",
  "dir": "stepfunctions/v2/test_state",
  "scenarios": [],
  "notPorted": {
   "test_base_inspection_level_info": "the test builds its state machine from several templates or none",
   "test_base_inspection_level_debug": "the test builds its state machine from several templates or none",
   "test_base_inspection_level_trace": "the test builds its state machine from several templates or none",
   "test_base_lambda_task_state": "the test builds its state machine from several templates or none",
   "test_base_lambda_service_task_state": "the test builds its state machine from several templates or none",
   "test_base_map_state_inspect_trace": "the test builds its state machine from several templates or none",
   "test_base_map_state_inspect": "the test edits its template or redacts values in its own way",
   "test_state_task_catch_error": "the test edits its template or redacts values in its own way",
   "test_localstack_blogpost_scenario": "the test edits its template or redacts values in its own way",
   "test_base_lambda_service_task_state_no_role_arn_validation": "the test edits its template or redacts values in its own way",
   "test_state_with_variables": "the test builds its state machine from several templates or none"
  }
 },
 {
  "module": "test_heartbeats",
  "dir": "stepfunctions/v2/timeouts",
  "scenarios": [],
  "notPorted": {
   "test_heartbeat_timeout": "the test edits its template or redacts values in its own way",
   "test_heartbeat_path_timeout": "the test edits its template or redacts values in its own way",
   "test_heartbeat_no_timeout": "the test edits its template or redacts values in its own way"
  }
 },
 {
  "module": "test_timeouts",
  "dir": "stepfunctions/v2/timeouts",
  "scenarios": [],
  "notPorted": {
   "test_fixed_timeout_lambda": "the test builds its state machine from several templates or none",
   "test_fixed_timeout_service_lambda": "the test builds its state machine from several templates or none",
   "test_service_lambda_map_timeout": "the test builds its state machine from several templates or none",
   "test_fixed_timeout_service_lambda_with_path": "the test builds its state machine from several templates or none",
   "test_global_timeout": "the test edits its template or redacts values in its own way"
  }
 }
];

const sources: SourceFile[] = RECORDED.map((m) => {
  const snapshot: Snapshot = m.scenarios.length ? moduleSnapshot(m) : {};
  const recordedOf = (test: string, param: string) => snapshot[`tests/aws/services/${m.dir}/${m.module}.py::${test}${param === '' ? '' : `[${param}]`}`];
  return {
    ...moduleSourceBase(m),
    redactedWords: { snf_role_arn: 'any' },
    scenarios: m.scenarios.map((s) => ({ test: s.test, steps: (param: string) => steps(s.variants[param].definition, s.variants[param].runs, recordedOf(s.test, param)) })),
    notPorted: m.notPorted,
  };
});

export default sources;
