import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Where `npm run build` puts the web app (`vite build`): `dist/web`, found from this module both
 * as compiled (`dist/webapp/`) and as source under Vitest (`src/webapp/`).
 */
export const defaultWebRoot = resolve(__dirname, '../../dist/web');

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The pages run only their own bundled code and talk only to this origin: no CDN, no inline
 * script, nothing framed. Styles may be inline (the charts and the IDE set element styles).
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface LoadedFile {
  readonly type: string;
  readonly raw: Buffer;
  readonly gzipped: Buffer | null;
  readonly etag: string;
  readonly immutable: boolean;
}

const compressible = new Set(['.html', '.js', '.css', '.svg', '.json', '.map', '.txt']);

/**
 * The built web app's files, read once and kept in memory with their gzip (a few hundred KB).
 * Vite names every file under `assets/` by its content hash, so those are cached for a year;
 * pages are revalidated on every visit so a new build shows at once.
 */
export class WebAssets {
  private readonly files = new Map<string, LoadedFile | null>();

  constructor(readonly root: string = defaultWebRoot) {}

  /** Whether `vite build` has run: the app's page exists. */
  get built(): boolean {
    return this.load('index.html') !== null;
  }

  /** Sends a file relative to the root; false when there is no such file (nothing was sent). */
  send(request: IncomingMessage, response: ServerResponse, relativePath: string): boolean {
    const file = this.load(relativePath);
    if (!file) return false;
    const headers: Record<string, string> = {
      'content-type': file.type,
      etag: file.etag,
      'cache-control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
    };
    if (file.type.startsWith('text/html')) Object.assign(headers, { 'content-security-policy': contentSecurityPolicy, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
    if (request.headers['if-none-match'] === file.etag) {
      response.writeHead(304, headers).end();
      return true;
    }
    const gzip = file.gzipped !== null && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = gzip ? file.gzipped! : file.raw;
    response.writeHead(200, { ...headers, ...(gzip ? { 'content-encoding': 'gzip' } : {}), 'content-length': String(body.length) });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  }

  private load(relativePath: string): LoadedFile | null {
    const cached = this.files.get(relativePath);
    if (cached !== undefined) return cached;
    const file = this.read(relativePath);
    // Misses are not remembered (a client choosing paths cannot grow the map), and a build made after start is found.
    if (file) this.files.set(relativePath, file);
    return file;
  }

  private read(relativePath: string): LoadedFile | null {
    const path = normalize(join(this.root, relativePath));
    if (!path.startsWith(this.root + sep)) return null;
    try {
      if (!statSync(path).isFile()) return null;
    } catch {
      return null;
    }
    const raw = readFileSync(path);
    const extension = extname(path);
    return {
      type: contentTypes[extension] ?? 'application/octet-stream',
      raw,
      gzipped: compressible.has(extension) ? gzipSync(raw, { level: 9 }) : null,
      etag: `"${createHash('sha256').update(raw).digest('base64url').slice(0, 27)}"`,
      immutable: relativePath.startsWith('assets/'),
    };
  }
}
