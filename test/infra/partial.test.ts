import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { synthStack } from './infra-fixtures.js';

/** Functions land one by one; a missing entry must leave a working (smaller) stack and say what is missing. */
describe('stack with functions missing', () => {
  it('deploys only what exists and warns about the consequences of the rest', () => {
    const { stack, template } = synthStack({}, { functions: ['wake', 'prewarm'] });
    const annotations = Annotations.fromStack(stack);

    template.resourceCountIs('AWS::Lambda::Function', 2);
    template.resourceCountIs('AWS::Scheduler::Schedule', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    annotations.hasWarning('*', Match.stringLikeRegexp('The watch function is not deployed .*idle alarms never fire'));
    annotations.hasWarning('*', Match.stringLikeRegexp('The power-down function is not deployed .*no nightly power-down'));
    annotations.hasNoWarning('*', Match.stringLikeRegexp('The wake function'));
  });

  it('keeps the pre-warm API off without the prewarm function, so the wake function still starts', () => {
    const { stack, template } = synthStack({}, { functions: ['wake'] });
    const wake = template.findResources('AWS::Lambda::Function')[stack.resolve((stack.controller.functions.wake!.function.node.defaultChild as unknown as { logicalId: string }).logicalId)]!;

    expect(wake.Properties.Environment.Variables.PREWARM_TOKEN_PARAMETER).toBeUndefined();
    expect(wake.Properties.Environment.Variables.SCHEDULER_ROLE_ARN).toBeUndefined();
  });

  it('warns about nothing when every function is there', () => {
    const { stack } = synthStack();

    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('is not deployed'));
  });
});
