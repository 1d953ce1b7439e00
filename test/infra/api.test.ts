import { Match } from 'aws-cdk-lib/assertions';
import { functionArn, logicalId, synthStack } from './infra-fixtures.js';

describe('wake HTTP API', () => {
  const { stack, template } = synthStack();

  it('sends every path ($default) to the wake function with payload format 2.0', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    // Named for what it is (not just "Api"); without a custom domain the execute-api URL is the meeting link.
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', Name: 'TestStack-wake', DisableExecuteApiEndpoint: false });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: functionArn(stack, 'Wake'),
      PayloadFormatVersion: '2.0',
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: functionArn(stack, 'Wake'),
      Principal: 'apigateway.amazonaws.com',
    });
  });

  it('routes the pre-warm paths (both prefixes) to the pre-warm API function, not to the wake function', () => {
    for (const key of ['ANY /_stz/prewarm', 'ANY /_stz/prewarm/{id}', 'ANY /api/prewarm', 'ANY /api/prewarm/{id}']) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: key });
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationUri: functionArn(stack, 'PrewarmApi'), PayloadFormatVersion: '2.0' });
    template.hasResourceProperties('AWS::Lambda::Permission', { FunctionName: functionArn(stack, 'PrewarmApi'), Principal: 'apigateway.amazonaws.com' });
  });

  it('deploys no pre-warm API without a token parameter', () => {
    const off = synthStack({ prewarmTokenParameter: undefined });

    expect(off.stack.controller.functions['prewarm-api']).toBeUndefined();
    expect(Object.values(off.template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey)).toEqual(['$default']);
  });

  it('throttles the stage and logs access without the path (room names)', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 500 },
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [logicalId(stack, 'WakeApi/AccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"'),
      },
    });
    const format = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0]!.Properties.AccessLogSettings.Format as string;
    expect(format).not.toMatch(/\$context\.(path|routeKey)/);
  });

  it('outputs the wake URL', () => {
    template.hasOutput('WakeUrl', { Description: Match.stringLikeRegexp('Meeting links') });
  });

  it('takes configured throttling and an optional custom domain with an existing certificate', () => {
    const certificateArn = 'arn:aws:acm:eu-central-1:123456789012:certificate/0f7a8b2c-1d2e-4f50-9a6b-7c8d9e0f1a2b';
    const custom = synthStack({ region: 'eu-central-1', throttleRateLimit: 2, throttleBurstLimit: 5, domainName: 'join.example.org', certificateArn });

    custom.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { DefaultRouteSettings: { ThrottlingRateLimit: 2, ThrottlingBurstLimit: 5 } });
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'join.example.org',
      DomainNameConfigurations: [Match.objectLike({ CertificateArn: certificateArn, EndpointType: 'REGIONAL' })],
    });
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { Stage: '$default' });
    custom.template.hasOutput('WakeUrl', { Value: 'https://join.example.org/' });
    custom.template.hasOutput('CustomDomainTarget', {});
    // The custom domain is the only way in: the default execute-api endpoint is off.
    custom.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    template.resourceCountIs('AWS::ApiGatewayV2::DomainName', 0);
  });
});
