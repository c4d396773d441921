import { AwsError } from '../../../core/errors.ts';

/** SelectObjectContent's errors, with the codes and messages of AWS's "List of SELECT Object Content Error Codes". */
const MESSAGES = {
  CastFailed: 'An attempt to convert from one data type to another using CAST failed in the SQL expression.',
  CSVParsingError: 'An error occurred while parsing the CSV file. Check the file and try again.',
  EvaluatorInvalidArguments: 'There is an incorrect number of arguments in the function call in the SQL expression.',
  EvaluatorNegativeLimit: 'LIMIT must not be negative.',
  ExpressionTooLong: 'The SQL expression is too long. The maximum byte-length for an SQL expression is 256 KB.',
  IncorrectSqlFunctionArgumentType: 'An incorrect argument type was specified in a function call in the SQL expression.',
  InvalidColumnIndex: 'The column index in the SQL expression is not valid.',
  InvalidCompressionFormat: 'The file is not in a supported compression format. Only GZIP and BZIP2 are supported.',
  InvalidDataType: 'The SQL expression contains a data type that is not valid.',
  InvalidExpressionType: 'The ExpressionType value is not valid. Only SQL expressions are supported.',
  InvalidFileHeaderInfo: 'The FileHeaderInfo value is not valid. Only NONE, USE, and IGNORE are supported.',
  InvalidJsonType: 'The JsonType value is not valid. Only DOCUMENT and LINES are supported.',
  InvalidQuoteFields: 'The QuoteFields value is not valid. Only ALWAYS and ASNEEDED are supported.',
  InvalidScanRange: 'The provided scan range is not valid.',
  JSONParsingError: 'An error occurred while parsing the JSON file. Check the file and try again.',
  LexerInvalidChar: 'The SQL expression contains a character that is not valid.',
  LikeInvalidInputs: 'The argument given to the LIKE clause in the SQL expression is not valid.',
  MissingRequiredParameter: 'The SelectRequest entity is missing a required parameter. Check the service documentation and try again.',
  ObjectSerializationConflict:
    'InputSerialization specifies more than one format (CSV, JSON, or Parquet), or OutputSerialization specifies more than one format (CSV or JSON). For InputSerialization and OutputSerialization, you can specify only one format for each.',
  OverMaxRecordSize: 'The length of a record in the input or result is greater than the maxCharsPerRecord limit of 1 MB.',
  ParseAsteriskIsNotAloneInSelectList: 'Other expressions are not allowed in the SELECT list when * is used without dot notation in the SQL expression.',
  ParseEmptySelect: 'The SQL expression contains an empty SELECT clause.',
  ParseExpectedExpression: 'The expected SQL expression was not found.',
  ParseExpectedKeyword: 'The expected keyword in the SQL expression was not found.',
  ParseExpectedTypeName: 'The expected type name in the SQL expression was not found.',
  ParseSelectMissingFrom: 'The SQL expression contains a missing FROM after the SELECT list.',
  ParseUnexpectedToken: 'The SQL expression contains an unexpected token.',
  ParseUnsupportedCallWithStar: 'Only COUNT with (*) as a parameter is supported in the SQL expression.',
  ParseUnsupportedSyntax: 'The SQL expression contains unsupported syntax.',
  TruncatedInput: 'Object decompression failed. Check that the object is properly compressed using the format specified in the request.',
  UnsupportedFunction: 'S3 encountered an unsupported SQL function.',
  UnsupportedStorageClass: 'The storage class is not supported. Only STANDARD, STANDARD_IA, and ONEZONE_IA storage classes are supported.',
} as const;

export type SelectErrorCode = keyof typeof MESSAGES;

export function selectError(code: SelectErrorCode): AwsError {
  return new AwsError(code, MESSAGES[code], { status: 400 });
}
