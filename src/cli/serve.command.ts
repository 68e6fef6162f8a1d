import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { startServer } from '../server/serve.ts';

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the web app and the API (PORT, DATABASE_URL, RAPPORT_DATA_DIR configure it)')
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000)')
    .action(async (options: { port?: string }) => {
      const config = loadConfig(options.port ? { ...process.env, PORT: options.port } : process.env);
      const server = await startServer(config);
      const shutdown = (signal: string) => {
        server.app.log.info(`${signal} received: finishing requests in flight, then closing the database`);
        const force = setTimeout(() => process.exit(1), 15_000);
        force.unref();
        server.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            server.app.log.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => shutdown('SIGTERM'));
      process.once('SIGINT', () => shutdown('SIGINT'));
    });
}
