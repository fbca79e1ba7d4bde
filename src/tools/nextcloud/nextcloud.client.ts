import type { Json } from '../../core/read-store.port';
import { expectStatus, type HttpResponse } from '../shared/tool-http';
import type { ToolHttpClient } from '../shared/tool-http.client';
import type { NextcloudConfig } from './nextcloud.config';

const propfindBody = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>';

/**
 * Nextcloud WebDAV (`/remote.php/dav/files/<user>/…`, basic auth with an app password): folders
 * and files by path. A path is its own marker: PROPFIND tells whether it exists.
 */
export class NextcloudClient {
  constructor(
    private readonly config: NextcloudConfig,
    private readonly http: ToolHttpClient,
  ) {}

  /** The OCS user endpoint: proves the app password. */
  async currentUser(): Promise<Json> {
    return this.http.getJson<Json>({ url: `${this.config.url}/ocs/v2.php/cloud/user?format=json`, headers: this.ocsHeaders });
  }

  /** `webhook_listeners` (admins only): `{ ocs: { data: [{ uri, … }] } }`. */
  async webhookListeners(): Promise<Json | undefined> {
    const answer = await this.http.getJson<{ ocs?: { data?: Json } }>({ url: `${this.config.url}/ocs/v2.php/apps/webhook_listeners/api/v1/webhooks?format=json`, headers: this.ocsHeaders });
    return answer?.ocs?.data;
  }

  private get ocsHeaders(): Record<string, string> {
    return { authorization: `Basic ${Buffer.from(`${this.config.user}:${this.config.appPassword}`).toString('base64')}`, 'ocs-apirequest': 'true' };
  }

  async exists(path: string): Promise<boolean> {
    const response = await this.call('PROPFIND', path, { Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' }, propfindBody);
    if (response.status === 404) return false;
    expectStatus('nextcloud', response, [207, 200]);
    return true;
  }

  /** Creates the folder unless it is there; 405 from MKCOL also means it already exists. */
  async ensureFolder(path: string): Promise<'created' | 'existing'> {
    if (await this.exists(path)) return 'existing';
    const response = await this.call('MKCOL', path);
    if (response.status === 405) return 'existing';
    expectStatus('nextcloud', response, [201]);
    return 'created';
  }

  /** PUT replaces a file of the same path, so uploading the same report again changes nothing. */
  async upload(path: string, content: string, contentType: string): Promise<'created' | 'replaced'> {
    const response = await this.call('PUT', path, { 'Content-Type': contentType }, content);
    expectStatus('nextcloud', response, [201, 204]);
    return response.status === 201 ? 'created' : 'replaced';
  }

  /** A link people can open in the Files app. */
  folderUrl(path: string): string {
    return `${this.config.url}/apps/files/?dir=${encodeURIComponent(`/${path}`)}`;
  }

  private call(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<HttpResponse> {
    const encoded = path.split('/').filter((segment) => segment.length > 0).map(encodeURIComponent).join('/');
    const credentials = Buffer.from(`${this.config.user}:${this.config.appPassword}`).toString('base64');
    return this.http.send({
      method,
      url: `${this.config.url}/remote.php/dav/files/${encodeURIComponent(this.config.user)}/${encoded}`,
      headers: { Authorization: `Basic ${credentials}`, 'OCS-APIRequest': 'true', ...headers },
      ...(body === undefined ? {} : { body }),
    });
  }
}
