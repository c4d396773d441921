/** API Gateway v2 (HTTP and WebSocket APIs) for one account and region. */
export class ApiGatewayV2State {
  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}
}
