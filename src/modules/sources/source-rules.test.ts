import { Migrator } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_RULES, type SourceRule } from '../../contracts/source-rules.ts';
import { migrations } from '../../db/migrations/registry.ts';
import { migrateToLatest } from '../../db/migrator.ts';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, newWorkspace, useSetUpApp, type Browser } from '../../server/testing.ts';
import { defaultSourceRows } from './default-sources.ts';
import { createSourceRulesRepository } from './source-rules.repository.ts';
import { matchSourceRule } from './source-rules.usecases.ts';

const rule = (utmSource: string | null, utmMedium: string | null, name: string): SourceRule => ({ utmSource, utmMedium, utmCampaign: null, sourceId: name, source: { channel: 'Online', name } });

describe('matching utm values to a rule', () => {
  const rules = [rule('Instagram', null, 'Instagram'), rule('google', 'cpc', 'Online ad'), rule(null, 'email', 'Email newsletter')];
  it('takes the first rule whose every condition equals the value, in any case', () => {
    expect(matchSourceRule(rules, { source: ' INSTAGRAM ', medium: 'cpc', campaign: null })?.sourceId).toBe('Instagram');
    expect(matchSourceRule(rules, { source: 'Google', medium: 'CPC', campaign: 'spring' })?.sourceId).toBe('Online ad');
    expect(matchSourceRule(rules, { source: 'mailchimp', medium: 'Email', campaign: null })?.sourceId).toBe('Email newsletter');
  });
  it('matches nothing when a condition is not met or its value is missing', () => {
    expect(matchSourceRule(rules, { source: 'google', medium: 'organic', campaign: null })).toBeNull();
    expect(matchSourceRule(rules, { source: 'google', medium: null, campaign: null })).toBeNull();
    expect(matchSourceRule(rules, { source: null, medium: null, campaign: null })).toBeNull();
  });
});

describeEachDatabase('utm source rules', (db, dialect) => {
  const t = useSetUpApp(db);
  let ru: Browser;
  beforeAll(async () => {
    ru = await newWorkspace(t.app, db(), { locale: 'ru', workspaceName: 'Лавка' });
  });
  const api = (method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: unknown, who: Browser = t.owner) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: as(who), ...(payload !== undefined && { payload: payload as object }) });
  const sources = async (who: Browser = t.owner) => (await api('GET', '/sources', undefined, who)).json().items as { id: string; channel: string; name: string }[];

  it('gives a new workspace the default rules, naming its own sources in its language', async () => {
    const rules = (await api('GET', '/source-rules')).json().items as SourceRule[];
    expect(rules).toHaveLength(DEFAULT_SOURCE_RULES.length);
    expect(rules.slice(0, 1)).toEqual([{ utmSource: 'google', utmMedium: 'cpc', utmCampaign: null, sourceId: (await sources()).find((s) => s.name === 'Online ad')!.id, source: { channel: 'Online', name: 'Online ad' } }]);
    expect(rules).toContainEqual(expect.objectContaining({ utmSource: 'instagram', utmMedium: null, source: { channel: 'Online', name: 'Instagram' } }));
    expect(rules).toContainEqual(expect.objectContaining({ utmSource: null, utmMedium: 'email', source: { channel: 'Online', name: 'Email newsletter' } }));
    const russian = (await api('GET', '/source-rules', undefined, ru)).json().items as SourceRule[];
    expect(russian).toContainEqual(expect.objectContaining({ utmMedium: 'email', source: { channel: 'Интернет', name: 'Рассылка' } }));
    expect(new Set(russian.map((r) => r.sourceId)).size).toBeGreaterThan(3);
    // Asked again, not seeded twice.
    expect((await api('GET', '/source-rules')).json().items).toHaveLength(DEFAULT_SOURCE_RULES.length);
  });

  it('replaces the ordered list, and keeps a list emptied on purpose empty', async () => {
    const all = await sources();
    const [tiktok, radio] = [all.find((s) => s.name === 'Online ad')!, all.find((s) => s.name === 'Radio')!];
    const put = await api('PUT', '/source-rules', { items: [{ utmSource: 'TikTok', sourceId: tiktok.id }, { utmMedium: 'radio', utmCampaign: 'morning-show', sourceId: radio.id }] });
    expect(put.statusCode).toBe(200);
    expect(put.json().items).toEqual([
      { utmSource: 'TikTok', utmMedium: null, utmCampaign: null, sourceId: tiktok.id, source: { channel: 'Online', name: 'Online ad' } },
      { utmSource: null, utmMedium: 'radio', utmCampaign: 'morning-show', sourceId: radio.id, source: { channel: 'Offline', name: 'Radio' } },
    ]);
    expect((await api('GET', '/source-rules')).json().items).toEqual(put.json().items);
    expect((await api('PUT', '/source-rules', { items: [] })).json().items).toEqual([]);
    expect((await api('GET', '/source-rules')).json().items).toEqual([]);
  });

  it('refuses a source that is not the workspace’s, a rule without a condition, and a rule that repeats an earlier one', async () => {
    const theirs = (await sources(ru))[0]!;
    const mine = (await sources())[0]!;
    const foreign = await api('PUT', '/source-rules', { items: [{ utmSource: 'a', sourceId: mine.id }, { utmSource: 'b', sourceId: theirs.id }] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error).toMatchObject({ code: 'sources.unknown', message: `Rule 2 names a source that does not exist: ${theirs.id}`, details: { fields: [{ path: 'items.1.sourceId' }] } });
    const empty = await api('PUT', '/source-rules', { items: [{ sourceId: mine.id }] });
    expect(empty.statusCode).toBe(400);
    const repeated = await api('PUT', '/source-rules', { items: [{ utmSource: 'Google', utmMedium: 'cpc', sourceId: mine.id }, { utmSource: 'google ', utmMedium: 'CPC', sourceId: mine.id }] });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json().error.message).toBe('Rule 2 has the same conditions as rule 1, which comes first: it would never be used');
    // Nothing half-written: the list is as it was.
    expect((await api('GET', '/source-rules')).json().items).toEqual([]);
    expect((await api('GET', '/source-rules', undefined, ru)).json().items.length).toBe(DEFAULT_SOURCE_RULES.length);
  });

  it('drops the rules of a deleted source', async () => {
    const created = (await api('POST', '/sources', { channel: 'Online', name: 'Pinterest' })).json();
    await api('PUT', '/source-rules', { items: [{ utmSource: 'pinterest', sourceId: created.id }, { utmMedium: 'email', sourceId: (await sources()).find((s) => s.name === 'Email newsletter')!.id }] });
    expect((await api('DELETE', `/sources/${created.id}`)).statusCode).toBe(200);
    expect(((await api('GET', '/source-rules')).json().items as SourceRule[]).map((r) => r.utmMedium ?? r.utmSource)).toEqual(['email']);
  });

  it('seeds the default rules for a workspace that existed before migration 0008', async () => {
    const migrator = new Migrator({ db: db().db, provider: { getMigrations: async () => migrations(dialect) } });
    const down = await migrator.migrateTo('0007_campaigns_referrals');
    expect(down.error).toBeUndefined();
    try {
      const at = '2025-01-02T03:04:05.000Z';
      await db().db.insertInto('workspaces').values({ id: 'old-rules', name: 'Old shop', base_currency: 'EUR', locale: 'en', time_zone: 'Europe/Berlin', created_at: at, updated_at: at }).execute();
      await db().db.insertInto('sources').values(defaultSourceRows('old-rules', 'en', new Date(at))).execute();
    } finally {
      expect((await migrateToLatest(db())).applied).toContain('0008_source_rules');
    }
    const repo = createSourceRulesRepository(db().db);
    expect(await repo.isSet('old-rules')).toBe(true);
    const rows = await repo.list('old-rules');
    expect(rows).toHaveLength(DEFAULT_SOURCE_RULES.length);
    expect(rows[0]).toMatchObject({ utm_source: 'google', utm_medium: 'cpc', channel: 'Online', name: 'Online ad' });
  });
});
