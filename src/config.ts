import path from 'node:path';

/** Runtime configuration, read once from the environment. */
export interface AppConfig {
  port: number;
  host: string;
  /** postgres://… when set; otherwise the embedded SQLite file below. */
  databaseUrl: string | undefined;
  dataDir: string;
  sqlitePath: string;
  logLevel: string;
  /** Trust X-Forwarded-* headers (only behind a reverse proxy you control). */
  trustProxy: boolean;
  /** Force the Secure cookie flag even when the request did not arrive over https. */
  cookieSecure: boolean;
  /** Directory of the built web app; served when it exists. */
  webDistDir: string;
  /** RAPPORT_SECRET_KEY: seals stored secrets such as SMTP passwords; without it they cannot be saved. */
  secretKey: string | undefined;
  /** RAPPORT_PUBLIC_URL: the address customers reach the app at, for links in emails (unsubscribe). */
  publicUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = path.resolve(env.RAPPORT_DATA_DIR ?? 'data');
  return {
    port: parsePort(env.PORT),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    sqlitePath: path.join(dataDir, 'rapport.db'),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: isTrue(env.RAPPORT_TRUST_PROXY),
    cookieSecure: isTrue(env.RAPPORT_COOKIE_SECURE),
    webDistDir: path.resolve(env.RAPPORT_WEB_DIST ?? path.join(import.meta.dirname, '..', 'web', 'dist')),
    secretKey: env.RAPPORT_SECRET_KEY || undefined,
    publicUrl: (env.RAPPORT_PUBLIC_URL || `http://localhost:${parsePort(env.PORT)}`).replace(/\/+$/, ''),
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value?.toLowerCase() === 'true';
}
