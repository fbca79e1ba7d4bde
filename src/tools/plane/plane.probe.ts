import type { ToolHttpClient } from '../shared/tool-http.client';
import { type ToolProbe } from '../shared/tool-probe';
import type { PlaneCredentials } from './plane.config';

/** Plane: its API keys read projects but not webhooks (those live behind a session in workspace settings). */
export function planeProbe(credentials: PlaneCredentials, http: ToolHttpClient): ToolProbe {
  return {
    credentials: async () => void (await http.getJson({ url: `${credentials.apiUrl}/api/v1/workspaces/${credentials.workspace}/projects/`, headers: { 'x-api-key': credentials.apiKey } })),
    webhooks: async () => null,
    notCheckable: "Plane's API keys cannot read webhooks: check workspace settings → Webhooks",
  };
}
