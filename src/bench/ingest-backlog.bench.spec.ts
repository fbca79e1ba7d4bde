import { describe, expect, it } from 'vitest';
import { deliveryCountsIn } from './ingest-backlog.bench';

describe('ingest benchmark backlog', () => {
  it('counts received deliveries and those settled (processed, ignored or parked) over every tool', () => {
    const metrics = [
      '# HELP zixly_webhook_deliveries_total Webhook deliveries by tool and outcome.',
      'zixly_webhook_deliveries_total{tool="chatwoot",outcome="received"} 12',
      'zixly_webhook_deliveries_total{tool="plane",outcome="received"} 3',
      'zixly_webhook_deliveries_total{tool="chatwoot",outcome="processed"} 9',
      'zixly_webhook_deliveries_total{tool="plane",outcome="ignored"} 2',
      'zixly_webhook_deliveries_total{tool="chatwoot",outcome="parked"} 1',
      'zixly_webhook_deliveries_total{tool="chatwoot",outcome="failed"} 4',
      'zixly_http_requests_total{route="/webhooks/chatwoot",method="POST",status="202"} 12',
    ].join('\n');

    expect(deliveryCountsIn(metrics)).toEqual({ received: 15, settled: 12 });
  });
});
