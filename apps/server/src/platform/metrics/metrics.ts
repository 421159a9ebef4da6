import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** The Prometheus registry of one server instance and the metrics the platform records. */
export interface Metrics {
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  websocketConnections: Gauge<'route'>;
  websocketMessages: Counter<'route' | 'type'>;
}

/** Creates a fresh registry (one per app, so tests never share state) with Node's default metrics. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'claraverse_' });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'claraverse_http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'claraverse_websocket_connections',
      help: 'Open WebSocket connections',
      labelNames: ['route'],
      registers: [registry],
    }),
    websocketMessages: new Counter({
      name: 'claraverse_websocket_messages_total',
      help: 'WebSocket messages received, by type',
      labelNames: ['route', 'type'],
      registers: [registry],
    }),
  };
}
