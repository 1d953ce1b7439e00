import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ListSchedulesCommand, ResourceNotFoundException } from '@aws-sdk/client-scheduler';
import { atExpression, wallClock } from '../../shared/adapters/aws/at-expression.js';
import { canonicalTimeZone } from '../../shared/config/limits.js';
import { DependencyError } from '../../shared/domain/errors.js';
import { mockedSchedules, SCHEDULING } from '../scheduling/support.js';

const target = 'arn:aws:lambda:eu-central-1:123456789012:function:jitsi-power-down';
const request = {
  name: 'power-down-recheck-20261127T020000Z-1',
  at: new Date('2026-11-26T22:15:30Z'),
  targetArn: target,
  input: { action: 'power-down-recheck', deadline: '2026-11-27T02:00:00.000Z', attempt: 1 },
  description: 'Nightly power-down re-check 1',
};

describe('SchedulerSchedules (EventBridge Scheduler adapter)', () => {
  it('creates a one-time schedule with the exact CreateSchedule input', async () => {
    const { mock, schedules } = mockedSchedules();
    mock.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:aws:scheduler:eu-central-1:123456789012:schedule/jitsi-controller/x' });

    expect(await schedules.createOnce(request)).toBe('created');

    const calls = mock.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      Name: 'power-down-recheck-20261127T020000Z-1',
      GroupName: 'jitsi-controller',
      ScheduleExpression: 'at(2026-11-26T23:15:30)', // 22:15:30 UTC is 23:15:30 in Berlin in November
      ScheduleExpressionTimezone: 'Europe/Berlin',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Description: 'Nightly power-down re-check 1',
      Target: {
        Arn: target,
        RoleArn: SCHEDULING.roleArn,
        Input: '{"action":"power-down-recheck","deadline":"2026-11-27T02:00:00.000Z","attempt":1}',
      },
    });
  });

  it('treats ConflictException as "already exists" (deterministic names make it a duplicate)', async () => {
    const { mock, schedules } = mockedSchedules();
    mock.on(CreateScheduleCommand).rejects(new ConflictException({ message: 'Schedule already exists.', Message: 'Schedule already exists.', $metadata: {} }));
    expect(await schedules.createOnce(request)).toBe('exists');
  });

  it('turns other failures into a DependencyError naming the schedule', async () => {
    const { mock, schedules } = mockedSchedules();
    mock.on(CreateScheduleCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }));
    await expect(schedules.createOnce(request)).rejects.toThrow(DependencyError);
    await expect(schedules.createOnce(request)).rejects.toThrow(/create schedule power-down-recheck-20261127T020000Z-1 failed: AWS is throttling/);
  });

  it('lists with NamePrefix in the group, following NextToken', async () => {
    const { mock, schedules } = mockedSchedules();
    mock.on(ListSchedulesCommand, { GroupName: 'jitsi-controller', NamePrefix: 'prewarm-', NextToken: undefined })
      .resolves({ Schedules: [{ Name: 'prewarm-20261127T080000Z', State: 'ENABLED', Target: { Arn: target } }], NextToken: 'page-2' });
    mock.on(ListSchedulesCommand, { GroupName: 'jitsi-controller', NamePrefix: 'prewarm-', NextToken: 'page-2' })
      .resolves({ Schedules: [{ Name: 'prewarm-20261201T140000Z', State: 'ENABLED', Target: { Arn: target } }] });

    const listed = await schedules.list('prewarm-');

    expect(listed.map((s) => s.name)).toEqual(['prewarm-20261127T080000Z', 'prewarm-20261201T140000Z']);
    expect(mock.commandCalls(ListSchedulesCommand).map((c) => c.args[0].input)).toEqual([
      { GroupName: 'jitsi-controller', NamePrefix: 'prewarm-', NextToken: undefined },
      { GroupName: 'jitsi-controller', NamePrefix: 'prewarm-', NextToken: 'page-2' },
    ]);
  });

  it('cancels with DeleteSchedule in the group; a missing schedule is "not-found"', async () => {
    const { mock, schedules } = mockedSchedules();
    mock.on(DeleteScheduleCommand, { Name: 'prewarm-20261127T080000Z' }).resolves({});
    mock.on(DeleteScheduleCommand, { Name: 'prewarm-20261127T090000Z' }).rejects(new ResourceNotFoundException({ message: 'not found', Message: 'not found', $metadata: {} }));

    expect(await schedules.cancel('prewarm-20261127T080000Z')).toBe('deleted');
    expect(await schedules.cancel('prewarm-20261127T090000Z')).toBe('not-found');
    expect(mock.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({ Name: 'prewarm-20261127T080000Z', GroupName: 'jitsi-controller' });
  });
});

describe('atExpression', () => {
  it('writes wall-clock time in the zone, rounding up to whole seconds', () => {
    expect(atExpression(new Date('2026-07-01T06:30:00.200Z'), 'Europe/Berlin')).toEqual({ expression: 'at(2026-07-01T08:30:01)', timeZone: 'Europe/Berlin' });
    expect(atExpression(new Date('2026-11-26T22:00:00Z'), 'UTC')).toEqual({ expression: 'at(2026-11-26T22:00:00)', timeZone: 'UTC' });
  });

  it('falls back to UTC within three hours of a daylight-saving change (ambiguous or missing local times)', () => {
    // Europe/Berlin leaves summer time on 2026-10-25 at 01:00 UTC: 02:30 local happens twice.
    expect(atExpression(new Date('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toEqual({ expression: 'at(2026-10-25T00:30:00)', timeZone: 'UTC' });
    expect(atExpression(new Date('2026-10-25T04:30:00Z'), 'Europe/Berlin').timeZone).toBe('Europe/Berlin');
  });

  it('Antarctica/Troll (a 2-hour shift): never a local time that occurs twice or not at all', () => {
    // Troll leaves UTC+2 on 2026-10-25 at 01:00 UTC: local 01:00-02:59 happens twice (00:30Z and 02:30Z are both 02:30).
    expect(atExpression(new Date('2026-10-25T02:30:00Z'), 'Antarctica/Troll')).toEqual({ expression: 'at(2026-10-25T02:30:00)', timeZone: 'UTC' });
    // Every quarter hour around both changes of 2026: a local expression always names exactly one instant.
    for (const change of [Date.parse('2026-03-29T01:00:00Z'), Date.parse('2026-10-25T01:00:00Z')]) {
      for (let t = change - 6 * 3_600_000; t <= change + 6 * 3_600_000; t += 15 * 60_000) {
        const { expression, timeZone } = atExpression(new Date(t), 'Antarctica/Troll');
        if (timeZone === 'UTC') continue;
        const local = expression.slice(3, -1);
        const instants = [-2, -1, 0, 1, 2].map((h) => t + h * 3_600_000).filter((u) => wallClock(new Date(u), 'Antarctica/Troll') === local);
        expect(instants).toEqual([t]);
      }
    }
  });

  it('canonicalTimeZone spells the IANA name as the database does', () => {
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('antarctica/troll')).toBe('Antarctica/Troll');
    expect(canonicalTimeZone('Mars/Olympus')).toBeUndefined();
  });
});
