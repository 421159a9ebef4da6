import pino from 'pino';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config/load-config.js';
import { createLogger } from './platform/logging/logger.js';

/** Boot: load config → build the app → listen → shut down gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  // Log lines are written asynchronously (a synchronous stdout write per line sat on every request's path,
  // docs/benchmarks.md); whatever is still buffered is written when the process exits, however it exits.
  const destination = pino.destination({ dest: 1, sync: false });
  process.on('exit', () => destination.flushSync());
  const logger = createLogger(config.logging.level, destination);
  const app = await createApp(config, { logger });
  await app.http.listen({ host: config.http.host, port: config.http.port });
  const address = app.http.server.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info({ url: `http://${config.http.host === '0.0.0.0' ? 'localhost' : config.http.host}:${port}`, database: config.database.dialect }, 'ClaraVerse is ready');

  let isShuttingDown = false;
  const shutdown = (signal: string) => {
    if (isShuttingDown) return;
    isShuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error('graceful shutdown timed out; exiting');
      process.exit(1);
    }, config.http.shutdownTimeoutMs);
    timer.unref();
    app.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`ClaraVerse failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
