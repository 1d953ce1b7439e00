import { exampleConfig, synthStack } from './infra-fixtures.js';

describe('dashboard: awake hours, cost and saving', () => {
  it('sums RunningTasks per member over the time range and prices it at dashboardHourlyTaskCost', () => {
    const { template } = synthStack({ dashboardHourlyTaskCost: '0.158' });
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0]!.Properties.DashboardBody);
    expect(body).toContain('\\"RunningTasks\\",\\"Group\\",\\"jitsi\\",\\"Member\\",\\"jitsi/jitsi-web\\"');
    expect(body).toContain('\\"RunningTasks\\",\\"Group\\",\\"jitsi\\",\\"Member\\",\\"jitsi/jitsi-jvb\\"');
    expect(body).toContain('(FILL(t0, 0) + FILL(t1, 0)) / 60 * 0.158');
    expect(body).toContain('2 * PERIOD(t0) / 3600 * 0.158 - (FILL(t0, 0) + FILL(t1, 0)) / 60 * 0.158');
    expect(body).toContain('\\"setPeriodToTimeRange\\":true');
  });

  it('the cost must be a plain decimal number', () => {
    expect(() => exampleConfig({ dashboardHourlyTaskCost: '$0.20' })).toThrow(/dashboardHourlyTaskCost/);
    expect(exampleConfig().dashboardHourlyTaskCost).toBe('0.19748');
  });
});
