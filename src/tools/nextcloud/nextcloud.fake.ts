import { basicCredentials, FakeToolServer, json, type ToolRequest, type ToolResponse } from '../../testing/tools/fake-tool-server';

const notAuthenticated =
  '<?xml version="1.0" encoding="utf-8"?><d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns"><s:exception>Sabre\\DAV\\Exception\\NotAuthenticated</s:exception><s:message>No public access to this resource., Username or password was incorrect</s:message></d:error>';

const xml = (status: number, body = ''): ToolResponse => ({ status, headers: { 'content-type': 'application/xml; charset=utf-8' }, body });

/** Nextcloud WebDAV for one user: PROPFIND (exists), MKCOL (folders, parent first) and PUT (files). */
export class NextcloudFake {
  /** Paths relative to the user's root; folders map to null, files to their content. */
  readonly nodes = new Map<string, string | null>();
  /** `webhook_listeners` registrations, as `GET /ocs/v2.php/apps/webhook_listeners/api/v1/webhooks` lists them. */
  readonly webhooks: Array<{ id: number; uri: string; event: string; authMethod: string }> = [];
  server!: FakeToolServer;

  constructor(
    readonly user = 'zixly-bot',
    readonly appPassword = 'app-password-test',
  ) {}

  static async start(): Promise<NextcloudFake> {
    const nextcloud = new NextcloudFake();
    nextcloud.server = await FakeToolServer.start((request) => nextcloud.route(request));
    return nextcloud;
  }

  folders(): string[] {
    return [...this.nodes].filter(([, content]) => content === null).map(([path]) => path);
  }

  files(): string[] {
    return [...this.nodes].filter(([, content]) => content !== null).map(([path]) => path);
  }

  private route(request: ToolRequest): ToolResponse {
    const credentials = basicCredentials(request);
    if (credentials?.user !== this.user || credentials.password !== this.appPassword) return xml(401, notAuthenticated);
    if (request.path === '/ocs/v2.php/cloud/user') return json(200, { ocs: { meta: { status: 'ok', statuscode: 200 }, data: { id: this.user } } });
    if (request.path === '/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks') return json(200, { ocs: { meta: { status: 'ok', statuscode: 200 }, data: this.webhooks } });
    const prefix = `/remote.php/dav/files/${this.user}/`;
    if (!request.path.startsWith(prefix)) return xml(404);
    const path = request.path.slice(prefix.length).replace(/\/+$/, '');
    switch (request.method) {
      case 'PROPFIND':
        return this.nodes.has(path) ? xml(207, `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>${request.path}</d:href></d:response></d:multistatus>`) : xml(404);
      case 'MKCOL':
        return this.write(path, null);
      case 'PUT':
        return this.write(path, request.body);
      default:
        return xml(405);
    }
  }

  private write(path: string, content: string | null): ToolResponse {
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    if (parent !== '' && this.nodes.get(parent) !== null) return xml(409);
    if (content === null && this.nodes.has(path)) return xml(405);
    const existed = this.nodes.has(path);
    this.nodes.set(path, content);
    return xml(content !== null && existed ? 204 : 201);
  }
}
