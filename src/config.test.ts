import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to port 3000 and ./data/rapport.db', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.sqlitePath).toBe(path.resolve('data', 'rapport.db'));
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads PORT, RAPPORT_DATA_DIR and DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', RAPPORT_DATA_DIR: '/srv/rapport', DATABASE_URL: 'postgres://db/rapport' });
    expect(config).toMatchObject({ port: 8080, sqlitePath: '/srv/rapport/rapport.db', databaseUrl: 'postgres://db/rapport' });
  });

  it('says what is wrong with a bad PORT', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT must be a whole number from 0 to 65535, got "eighty"');
  });
});
