export interface PlatformApplication {
  readonly arn: string;
  readonly attributes: Map<string, string>;
}

export interface PlatformEndpoint {
  readonly arn: string;
  readonly applicationArn: string;
  readonly attributes: Map<string, string>;
}

export const PLATFORMS = new Set(['ADM', 'APNS', 'APNS_SANDBOX', 'APNS_VOIP', 'APNS_VOIP_SANDBOX', 'MACOS', 'MACOS_SANDBOX', 'BAIDU', 'GCM', 'MPNS', 'WNS']);
