import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface IdleAlarmsProps {
  namespace: string;
  groupName: string;
  /** Physical names, fixed so the idle-shutdown function can be told them without a dependency cycle. */
  noJoinAlarmName: string;
  emptyAlarmName: string;
  noJoinMinutes: number;
  emptyMinutes: number;
  idleShutdown?: lambda.IFunction;
}

/**
 * The two idle timers of DESIGN invariant 5, as alarms on the watcher's `Participants` metric.
 *
 * Both alarms watch "participants below 1 for every one of the last N minutes"; the idle-shutdown
 * function tells the cases apart (has anyone joined since ready?) and re-checks live activity before it
 * acts. Missing data is NOT_BREACHING: the watcher publishes nothing while the group sleeps or while
 * the activity is unknown, and a gap must never look like an empty meeting.
 */
export class IdleAlarms extends Construct {
  readonly participants: cloudwatch.Metric;
  readonly noJoin: cloudwatch.Alarm;
  readonly empty: cloudwatch.Alarm;
  /**
   * The fixed names, as plain strings: referencing `alarm.alarmName` from the idle shutdown's role or
   * environment would make alarm → function → role policy → alarm a dependency cycle.
   */
  readonly alarmNames: { noJoin: string; empty: string };

  constructor(scope: Construct, id: string, props: IdleAlarmsProps) {
    super(scope, id);
    this.alarmNames = { noJoin: props.noJoinAlarmName, empty: props.emptyAlarmName };
    this.participants = new cloudwatch.Metric({
      namespace: props.namespace,
      metricName: 'Participants',
      dimensionsMap: { Group: props.groupName },
      // Maximum: one non-zero reading in a minute means someone was there.
      statistic: cloudwatch.Stats.MAXIMUM,
      period: Duration.minutes(1),
    });
    this.noJoin = this.idleAlarm('NoJoin', props.noJoinAlarmName, props.noJoinMinutes,
      `Nobody joined for ${props.noJoinMinutes} min since the group became ready (${props.groupName})`);
    this.empty = this.idleAlarm('Empty', props.emptyAlarmName, props.emptyMinutes,
      `No participant for ${props.emptyMinutes} min after the last one left (${props.groupName})`);
    if (props.idleShutdown) {
      const action = new actions.LambdaAction(props.idleShutdown, { useUniquePermissionId: true });
      this.noJoin.addAlarmAction(action);
      this.empty.addAlarmAction(action);
    }
  }

  private idleAlarm(id: string, alarmName: string, minutes: number, description: string): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, id, {
      alarmName,
      alarmDescription: description,
      metric: this.participants,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      threshold: 1,
      evaluationPeriods: minutes,
      datapointsToAlarm: minutes,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
