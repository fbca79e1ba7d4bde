import { wholeNumber } from '../../config-values';

/** What one API key may ask of the server: deadlines, request rate, WebSocket subscriptions. */
export interface ApiLimits {
  /** `GRAPHQL_DEADLINE_MS`: a GraphQL operation still working after this long is stopped (SERVICE_UNAVAILABLE, `request.deadline_exceeded`). */
  readonly requestDeadlineMs: number;
  /** `API_RATE_LIMIT_PER_MINUTE`: requests per API key and minute, refilled continuously (429 `RATE_LIMITED` beyond). */
  readonly ratePerMinute: number;
  /** `API_RATE_LIMIT_BURST`: requests a key may send at once before the rate applies. */
  readonly rateBurst: number;
  /** `API_MAX_CONCURRENT_PER_KEY`: requests of one key worked on at once (HTTP GraphQL and the export); more wait their turn. */
  readonly maxConcurrentPerKey: number;
  /** `WS_MAX_SUBSCRIPTIONS_PER_SOCKET`, `WS_MAX_SUBSCRIPTIONS_PER_KEY`: live subscriptions at once. */
  readonly wsMaxSubscriptionsPerSocket: number;
  readonly wsMaxSubscriptionsPerKey: number;
  /** `WS_INIT_TIMEOUT_MS`: a socket that has not sent `connection_init` by then is closed (4408). */
  readonly wsInitTimeoutMs: number;
}

export const defaultApiLimits: ApiLimits = {
  requestDeadlineMs: 10_000,
  ratePerMinute: 2_400,
  rateBurst: 200,
  maxConcurrentPerKey: 16,
  wsMaxSubscriptionsPerSocket: 20,
  wsMaxSubscriptionsPerKey: 50,
  wsInitTimeoutMs: 5_000,
};

export function readApiLimits(value: (name: string) => string | undefined, problems: string[]): ApiLimits {
  const d = defaultApiLimits;
  return {
    requestDeadlineMs: wholeNumber(value, 'GRAPHQL_DEADLINE_MS', d.requestDeadlineMs, 100, 300_000, problems),
    ratePerMinute: wholeNumber(value, 'API_RATE_LIMIT_PER_MINUTE', d.ratePerMinute, 1, 1_000_000, problems),
    rateBurst: wholeNumber(value, 'API_RATE_LIMIT_BURST', d.rateBurst, 1, 100_000, problems),
    maxConcurrentPerKey: wholeNumber(value, 'API_MAX_CONCURRENT_PER_KEY', d.maxConcurrentPerKey, 1, 10_000, problems),
    wsMaxSubscriptionsPerSocket: wholeNumber(value, 'WS_MAX_SUBSCRIPTIONS_PER_SOCKET', d.wsMaxSubscriptionsPerSocket, 1, 1_000, problems),
    wsMaxSubscriptionsPerKey: wholeNumber(value, 'WS_MAX_SUBSCRIPTIONS_PER_KEY', d.wsMaxSubscriptionsPerKey, 1, 10_000, problems),
    wsInitTimeoutMs: wholeNumber(value, 'WS_INIT_TIMEOUT_MS', d.wsInitTimeoutMs, 100, 60_000, problems),
  };
}
