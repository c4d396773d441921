/** The subset of botocore's service-2 model format that the protocol layer reads. */
export interface ShapeRef {
  shape: string;
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode';
  locationName?: string;
  flattened?: boolean;
  xmlNamespace?: { uri: string; prefix?: string };
  xmlAttribute?: boolean;
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  jsonvalue?: boolean;
  idempotencyToken?: boolean;
  hostLabel?: boolean;
  streaming?: boolean;
  eventpayload?: boolean;
  /** Set on an operation's output ref for the query protocol. */
  resultWrapper?: string;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'blob' | 'timestamp' | 'bigdecimal';
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  flattened?: boolean;
  locationName?: string;
  payload?: string;
  timestampFormat?: 'iso8601' | 'rfc822' | 'unixTimestamp';
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
  streaming?: boolean;
  sensitive?: boolean;
  union?: boolean;
  event?: boolean;
  eventstream?: boolean;
  xmlNamespace?: { uri: string; prefix?: string };
}

export interface OperationModel {
  name: string;
  http: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
  endpoint?: { hostPrefix: string };
  /** `none` / `smithy.api#noAuth` for operations AWS serves unsigned (e.g. STS AssumeRoleWithWebIdentity). */
  authtype?: string;
  auth?: string[];
  /** Flexible checksums: present when the request's `x-amz-checksum-*` headers are digests of its own body. */
  httpChecksum?: { requestAlgorithmMember?: string; requestChecksumRequired?: boolean; requestValidationModeMember?: string };
}

export interface ServiceModel {
  metadata: {
    apiVersion: string;
    protocol: 'json' | 'query' | 'rest-xml' | 'rest-json' | 'ec2';
    protocols?: string[];
    jsonVersion?: string;
    targetPrefix?: string;
    endpointPrefix: string;
    signingName?: string;
    serviceId: string;
    serviceFullName?: string;
    xmlNamespace?: string;
    awsQueryCompatible?: Record<string, never>;
    /** Smithy's `@restXml(noErrorWrapping: true)`, which botocore drops: errors are a bare `<Error>` (S3). Set by refresh.ts. */
    noErrorWrapping?: boolean;
  };
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}
