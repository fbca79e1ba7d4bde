import { FakeToolServer, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

const text = (status: number, body: string): ToolResponse => ({ status, body });

/** A Slack incoming webhook: plain-text answers as Slack documents them (`ok`, `invalid_payload`, `no_service`…). */
export class SlackFake {
  readonly messages: Array<{ text: string }> = [];
  server!: FakeToolServer;

  constructor(readonly path = '/services/T0001/B0001/webhook-secret') {}

  static async start(): Promise<SlackFake> {
    const slack = new SlackFake();
    slack.server = await FakeToolServer.start((request) => slack.route(request));
    return slack;
  }

  get webhookUrl(): string {
    return `${this.server.url}${this.path}`;
  }

  private route(request: ToolRequest): ToolResponse {
    if (request.method !== 'POST' || request.path !== this.path) return text(404, 'no_service');
    let body: { text?: unknown };
    try {
      body = JSON.parse(request.body) as { text?: unknown };
    } catch {
      return text(400, 'invalid_payload');
    }
    if (typeof body.text !== 'string' || body.text.length === 0) return text(400, 'no_text');
    this.messages.push({ text: body.text });
    return text(200, 'ok');
  }
}
