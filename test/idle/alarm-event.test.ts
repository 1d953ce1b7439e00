import { accountAndRegion, checkAlarmEvent, MAX_ALARM_EVENT_AGE_MS, type AlarmExpectations } from '../../shared/domain/alarm-event.js';
import { loadEvent } from './support.js';

const expect_: AlarmExpectations = {
  noJoinAlarmName: 'jitsi-no-join',
  emptyAlarmName: 'jitsi-empty-room',
  accountId: '123456789012',
  region: 'eu-west-1',
  now: new Date('2026-11-26T12:00:30Z'),
  maxAgeMs: MAX_ALARM_EVENT_AGE_MS,
};

describe('CloudWatch alarm-action events', () => {
  it.each([
    ['alarm-empty-alarm.json', 'empty'],
    ['alarm-no-join-alarm.json', 'no-join'],
  ])('accepts %s as the %s timer', (file, timer) => {
    const result = checkAlarmEvent(loadEvent(file), expect_);
    expect(result).toEqual({ ok: true, alarm: expect.objectContaining({ timer, changedAt: new Date('2026-11-26T12:00:05.123Z') }) });
  });

  it.each([
    ['alarm-empty-ok.json', /state is OK: only a transition to ALARM acts/],
    ['alarm-empty-repeat.json', /previous state was already ALARM: not a transition/],
    ['alarm-foreign-name.json', /foreign alarm "prod-db-cpu-high"/],
    ['alarm-foreign-account.json', /foreign alarm: account 999999999999/],
    ['alarm-eventbridge-shape.json', /malformed: alarmData/],
    ['watch-scheduled.json', /not a CloudWatch alarm action/],
    ['post-wake.json', /not a CloudWatch alarm action/],
  ])('rejects %s', (file, reason) => {
    expect(checkAlarmEvent(loadEvent(file), expect_)).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });

  it('rejects an alarm of another region', () => {
    expect(checkAlarmEvent(loadEvent('alarm-empty-alarm.json'), { ...expect_, region: 'us-east-1' })).toEqual({ ok: false, reason: expect.stringMatching(/region eu-west-1 is not us-east-1/) });
  });

  it('rejects a stale transition (a late retry or a replay)', () => {
    const late = { ...expect_, now: new Date('2026-11-26T12:30:00Z') };
    expect(checkAlarmEvent(loadEvent('alarm-empty-alarm.json'), late)).toEqual({ ok: false, reason: expect.stringMatching(/^stale: the alarm changed state 30 min ago/), rearm: 'jitsi-empty-room' });
  });

  it('rejects an ARN that names another alarm than alarmData', () => {
    const event = loadEvent<{ alarmArn: string }>('alarm-empty-alarm.json');
    event.alarmArn = event.alarmArn.replace('jitsi-empty-room', 'something-else');
    expect(checkAlarmEvent(event, expect_)).toEqual({ ok: false, reason: expect.stringMatching(/alarmArn is not the ARN of the named alarm/) });
  });

  it.each([null, 'ALARM', [], { source: 'aws.cloudwatch' }, { source: 'aws.cloudwatch', alarmData: { alarmName: 'jitsi-no-join' } }])('rejects malformed %j', (event) => {
    expect(checkAlarmEvent(event, expect_).ok).toBe(false);
  });

  it('reads account and region from the function ARN', () => {
    expect(accountAndRegion('arn:aws:lambda:eu-west-1:123456789012:function:idle-shutdown')).toEqual({ accountId: '123456789012', region: 'eu-west-1' });
    expect(accountAndRegion('not-an-arn')).toBeUndefined();
  });
});
