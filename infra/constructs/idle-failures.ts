import { Duration, Validations } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Where an idle-alarm invocation goes when the idle shutdown still fails after Lambda's last asynchronous
 * retry: without it the failure ends in silence. The function re-arms the alarm before each failure where
 * CloudWatch answers (functions/idle-shutdown/handler.ts); this queue keeps the rest (the alarm event
 * and the error) for 14 days, visible on the dashboard and to `aws sqs receive-message`.
 */
export class IdleFailures extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: { idleShutdown: lambda.Function }) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the idle shutdown; a DLQ of it adds nothing.',
    });
    // Two retries (Lambda's default, written out) over at most 6 hours; every retry re-checks live.
    props.idleShutdown.configureAsyncInvoke({ onFailure: new SqsDestination(this.queue), retryAttempts: 2, maxEventAge: Duration.hours(6) });
  }
}
