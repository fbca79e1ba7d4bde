import { InvoiceNinjaFake } from '../../tools/invoiceninja/invoiceninja.fake';
import { MauticFake } from '../../tools/mautic/mautic.fake';
import { NextcloudFake } from '../../tools/nextcloud/nextcloud.fake';
import { PlaneFake } from '../../tools/plane/plane.fake';
import { SlackFake } from '../../tools/slack/slack.fake';

export type FakeToolName = 'plane' | 'nextcloud' | 'mautic' | 'invoiceninja' | 'slack';

/** All five tools on local ports, and the environment that points the workflows at them. */
export class FakeTools {
  private constructor(
    readonly plane: PlaneFake,
    readonly nextcloud: NextcloudFake,
    readonly mautic: MauticFake,
    readonly invoiceNinja: InvoiceNinjaFake,
    readonly slack: SlackFake,
  ) {}

  static async start(): Promise<FakeTools> {
    return new FakeTools(await PlaneFake.start(), await NextcloudFake.start(), await MauticFake.start(), await InvoiceNinjaFake.start(), await SlackFake.start());
  }

  /** Variables of every tool except `unconfigured`. */
  env(unconfigured: readonly FakeToolName[] = []): Record<string, string> {
    const all: Record<FakeToolName, Record<string, string>> = {
      plane: { PLANE_API_URL: this.plane.server.url, PLANE_API_KEY: this.plane.apiKey, PLANE_WORKSPACE: this.plane.workspace, PLANE_WEB_URL: 'https://plane.zixly.test' },
      nextcloud: { NEXTCLOUD_URL: this.nextcloud.server.url, NEXTCLOUD_USER: this.nextcloud.user, NEXTCLOUD_APP_PASSWORD: this.nextcloud.appPassword },
      mautic: { MAUTIC_API_URL: `${this.mautic.server.url}/api`, MAUTIC_USERNAME: this.mautic.username, MAUTIC_PASSWORD: this.mautic.password, MAUTIC_WELCOME_EMAIL_ID: '12' },
      invoiceninja: { INVOICENINJA_API_URL: this.invoiceNinja.server.url, INVOICENINJA_API_TOKEN: this.invoiceNinja.token },
      slack: { SLACK_WEBHOOK_URL: this.slack.webhookUrl },
    };
    return Object.assign({}, ...Object.entries(all).filter(([tool]) => !unconfigured.includes(tool as FakeToolName)).map(([, env]) => env));
  }

  async close(): Promise<void> {
    await Promise.all([this.plane, this.nextcloud, this.mautic, this.invoiceNinja, this.slack].map((tool) => tool.server.close()));
  }
}
