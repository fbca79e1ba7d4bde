import type { ServerResponse } from 'node:http';
import type { Route } from '../http/http-server';
import type { WebAssets } from './web-assets';

/** The dashboard's page, the GraphQL IDE's page and the bundles they load. */
export const webPages = { dashboard: 'index.html', graphqlIde: 'graphiql.html' } as const;

function sendNotBuilt(response: ServerResponse): void {
  const text = 'The web app is not built: run `npm run build` (npm start does it), then reload.\n';
  response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function sendMissing(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' }).end('Not found\n');
}

/**
 * `GET /` is the dashboard web app (its views are addressed after `#`, so no other page path
 * exists); `/assets/*` its bundles. Everything is served from the build in memory: no CDN, no
 * second server, and it works offline.
 */
export function webAppRoutes(assets: WebAssets): Route[] {
  const routes: Route[] = [
    {
      method: 'GET',
      path: '/',
      handle(request, response) {
        if (!assets.send(request, response, webPages.dashboard)) sendNotBuilt(response);
      },
    },
    {
      method: 'GET',
      path: '/favicon.svg',
      handle(request, response) {
        if (!assets.send(request, response, 'favicon.svg')) sendMissing(response);
      },
    },
    {
      method: 'GET',
      path: '/assets/*',
      handle(request, response) {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname;
        if (!assets.send(request, response, path.slice(1))) sendMissing(response);
      },
    },
  ];
  return [...routes, ...routes.map((route) => ({ ...route, method: 'HEAD' }))];
}
