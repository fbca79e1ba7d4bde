import type { ToolProbe } from '../shared/tool-probe';
import type { PlaneClient } from './plane.client';

/** Plane: its API keys read projects but not webhooks (those live behind a session in workspace settings). */
export function planeProbe(client: PlaneClient): ToolProbe {
  return {
    credentials: async () => void (await client.projects(null)),
    webhooks: async () => null,
    notCheckable: "Plane's API keys cannot read webhooks: check workspace settings → Webhooks",
  };
}
