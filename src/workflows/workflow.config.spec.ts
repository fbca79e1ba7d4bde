import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { notConfiguredReason } from '../tools/tools.config';
import { loadWorkflowConfig } from './workflow.config';

function problemsOf(env: Record<string, string>): readonly string[] {
  try {
    loadWorkflowConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('workflow configuration', () => {
  it('starts from now, with every tool unconfigured and the documented schedules and SLAs', () => {
    const config = loadWorkflowConfig({});
    expect(config.startFrom).toBe('now');
    expect([config.tools.plane, config.tools.nextcloud, config.tools.mautic, config.tools.invoiceninja, config.tools.slack]).toEqual([null, null, null, null, null]);
    expect(config.timeReportSchedule).toEqual({ weekday: 1, minute: 480, timeZone: 'Australia/Brisbane' });
    expect(config.supportHours).toEqual({ timeZone: 'Australia/Brisbane', days: [1, 2, 3, 4, 5], opensAt: 540, closesAt: 1020 });
    expect(config.slaHours).toEqual({ STARTER: 8, PROFESSIONAL: 4, ENTERPRISE: 1 });
  });

  it('is off under NODE_ENV=test unless switched on', () => {
    expect(loadWorkflowConfig({ NODE_ENV: 'test' }).enabled).toBe(false);
    expect(loadWorkflowConfig({ NODE_ENV: 'test', WORKFLOWS_ENABLED: 'true' }).enabled).toBe(true);
    expect(loadWorkflowConfig({ NODE_ENV: 'production' }).enabled).toBe(true);
  });

  it('names the variables a tool still needs, for the skipped steps', () => {
    const config = loadWorkflowConfig({ NEXTCLOUD_URL: 'https://cloud.example', PLANE_API_URL: 'https://plane.example' });
    expect(config.tools.nextcloud).toBeNull();
    expect(notConfiguredReason('nextcloud', config.tools)).toBe('Nextcloud is not configured (set NEXTCLOUD_USER, NEXTCLOUD_APP_PASSWORD)');
    expect(notConfiguredReason('plane', config.tools)).toBe('Plane is not configured (set PLANE_API_KEY, PLANE_WORKSPACE)');
    expect(notConfiguredReason('slack', config.tools)).toBe('Slack is not configured (set SLACK_WEBHOOK_URL)');
  });

  it('reads each tool with all its variables, the Plane links defaulting to the API URL', () => {
    const config = loadWorkflowConfig({
      PLANE_API_URL: 'https://plane.example/',
      PLANE_API_KEY: 'plane_api_1',
      PLANE_WORKSPACE: 'zixly',
      MAUTIC_API_URL: 'https://mautic.example/api',
      MAUTIC_USERNAME: 'bot',
      MAUTIC_PASSWORD: 'pw',
      MAUTIC_WELCOME_EMAIL_ID: '12',
      SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/x',
    });
    expect(config.tools.plane).toEqual({ apiUrl: 'https://plane.example', apiKey: 'plane_api_1', workspace: 'zixly', webUrl: 'https://plane.example' });
    expect(config.tools.mautic).toMatchObject({ username: 'bot', welcomeEmailId: '12' });
    expect(config.tools.slack).toEqual({ webhookUrl: 'https://hooks.slack.com/services/T/B/x', minIntervalMs: 1_000 });
  });

  it('reports every bad setting at once, without echoing the Slack URL', () => {
    const problems = problemsOf({ WORKFLOWS_START_FROM: 'yesterday', WORKFLOW_TIME_REPORT_SCHEDULE: 'mondays', SLA_HOURS_ENTERPRISE: '0', SLACK_WEBHOOK_URL: 'hooks/secret' });
    expect(problems).toEqual([
      'WORKFLOWS_START_FROM must be "now" or an ISO instant such as 2026-03-02T00:00:00+10:00, got "yesterday"',
      'SLACK_WEBHOOK_URL must be an http(s) URL, got (hidden)',
      'WORKFLOW_TIME_REPORT_SCHEDULE: A weekly schedule looks like MON 08:00, got "mondays"',
      'SLA_HOURS_ENTERPRISE must be a number of hours above 0, got "0"',
    ]);
  });

  it('keeps a configured start instant', () => {
    expect(loadWorkflowConfig({ WORKFLOWS_START_FROM: '2026-03-02T00:00:00+10:00' }).startFrom).toBe('2026-03-01T14:00:00.000Z');
  });
});
