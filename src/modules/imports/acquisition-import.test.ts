import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectCustomersFile } from './import-inspection.ts';
import { createSourceCatalogue } from './source-values.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-acquisition-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, lines: string[]): string {
  const file = path.join(dir, `${name}-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

const entry = (id: string, channel: string, name: string) => ({ id, channel, name, channel_key: channel.toLowerCase(), name_key: name.toLowerCase() });

describe('a source cell matched to the taxonomy', () => {
  const catalogue = createSourceCatalogue([
    entry('ig', 'Online', 'Instagram'), entry('ad', 'Online', 'Online ad'), entry('friend', 'Referral', 'Friend or family'), entry('partner', 'Referral', 'Partner'),
    entry('other', 'Other', 'Other'), entry('fair', 'Event', 'Fair'), entry('fair2', 'Offline', 'Fair'),
  ]);
  const found = (source: string | null, channel: string | null = null) => {
    const m = catalogue.find(source, channel);
    return m.kind === 'one' ? m.source.id : m.kind === 'ambiguous' ? m.candidates.map((c) => c.id) : null;
  };
  it('by name, by "Channel → Source" in one cell, and by a channel and a source column', () => {
    expect(found(' instagram ')).toBe('ig');
    expect(found('Online → Online ad')).toBe('ad');
    expect(found('online / instagram')).toBe('ig');
    expect(found('Referral > Partner')).toBe('partner');
    expect(found('Instagram', 'Online')).toBe('ig');
    expect(found('Online → Instagram', 'Online')).toBe('ig');
  });
  it('by the default name in the other language', () => {
    expect(found('Друг или родственник')).toBe('friend');
    expect(found('Партнёр', 'Рекомендация')).toBe('partner');
  });
  it('asks when a name is in two channels or a channel has several sources; a channel of one source is that source', () => {
    expect(found('Fair')).toEqual(['fair', 'fair2']);
    expect(found('Referral')).toEqual(['friend', 'partner']);
    expect(found(null, 'Referral')).toEqual(['friend', 'partner']);
    expect(found(null, 'Other')).toBe('other');
    expect(found('Fair', 'Event')).toBe('fair');
  });
  it('matches nothing rather than guess', () => {
    expect(found('TikTok')).toBeNull();
    expect(found('Instagram', 'Social')).toBeNull();
    expect(found('Online → TikTok')).toBeNull();
  });
});

describeEachDatabase('acquisition and referral columns in a customers import', (db) => {
  const t = useSetUpApp(db);
  const clock = fixedClock(new Date('2026-03-01T10:00:00Z'));
  const deps = () => ({ db: db().db, clock });
  const api = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const r = await t.app.inject({ method, url: `/api/v1${url}`, headers: as(t.owner), ...(payload !== undefined && { payload: payload as object }) });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const idOf = async (externalId: string) => (await db().db.selectFrom('customers').select('id').where('workspace_id', '=', t.owner.workspaceId).where('external_id', '=', externalId).executeTakeFirstOrThrow()).id;
  const sourceId = async (name: string) => ((await api('GET', '/sources')).items as { id: string; name: string }[]).find((s) => s.name === name)!.id;

  async function importFile(file: string, dryRun = false) {
    const { settings } = await inspectCustomersFile(deps(), t.owner.workspaceId, file);
    const record = dryRun ? null : await createImport(deps(), t.owner.workspaceId, t.owner.userId, file, settings);
    const outcome = await runImport(deps(), { workspaceId: t.owner.workspaceId, importId: record?.id ?? null, actorId: t.owner.userId, filePath: file, settings, dryRun });
    return { settings, outcome, importId: record?.id ?? null };
  }

  let file = '';
  beforeAll(async () => {
    // Customers already in Rapport: one with a source and date set by a person, one with a referral code, two of one name.
    const base = writeFile('base', [
      'Customer ID,Name,Email,Phone',
      'E-1,Erin Existing,erin@example.com,',
      'E-2,Ezra Known,ezra@example.com,',
      'E-3,Sam Twin,sam1@example.com,',
      'E-4,Sam Twin,sam2@example.com,',
      'E-5,Pia Phone,,+1 555 000 0005',
    ]);
    const made = (await importFile(base)).outcome.counts;
    if (made.customersCreated !== 5 || made.rejected !== 0) throw new Error(`the customers to refer to were not all made: ${JSON.stringify(made)}`);
    const erin = await idOf('E-1');
    await api('PUT', `/customers/${erin}/acquisition`, { sourceId: await sourceId('Flyer'), acquiredOn: '2025-12-01' });
    const { referralCode } = await api('POST', `/customers/${erin}/referral-code`, {});
    await api('POST', '/campaigns', { name: 'Spring sale', sourceId: await sourceId('Radio') });
    file = writeFile('people', [
      'Customer ID,Name,Email,Phone,How did you hear about us,utm_source,utm_medium,utm_campaign,First visit,Referred by',
      'N-1,Nora Insta,nora@example.com,,Instagram,,,,2026-01-05,erin@example.com', // 2
      'N-2,Olaf Search,olaf@example.com,,Online / Search engine,,,,,+1 555 000 0005',
      'N-3,Fritz Friend,fritz@example.com,,Друг или родственник,,,,,E-2',
      `N-4,Tina Tok,tina@example.com,,TikTok,,,,,${referralCode.toLowerCase()}`, // 5
      'N-5,Tom Tok,tom@example.com,,tiktok,,,,,ezra known',
      'N-6,Rita Ref,rita@example.com,,Referral,,,,,Sam Twin',
      'N-7,Ulla Utm,ulla@example.com,,,Instagram,cpc,,,Nobody Known', // 8
      'N-8,Gus Google,gus@example.com,,,google,CPC,,,later@example.com',
      'N-9,Emma Mail,emma@example.com,,,mailchimp,email,Spring sale,,',
      'N-10,Carl Camp,carl@example.com,,,tiktok,paid,spring sale,,', // 11
      'N-11,Una Utm,una@example.com,,,tiktok,paid,Autumn promo,,',
      'N-12,Lena Later,later@example.com,,,,,,,gus@example.com',
      'N-13,Self Sally,sally@example.com,,,,,,,sally@example.com', // 14
      'E-1,Erin Existing,erin@example.com,,Instagram,,,,2026-02-01,',
      'E-2,Ezra Known,ezra@example.com,,Facebook,,,,,',
    ]);
  });

  const expectedAcquisition = {
    sourcesSet: 8, sourcesByRule: 3, sourcesByCampaign: 1, sourcesKept: 1, datesSet: 1, datesKept: 1, campaignsSet: 2, campaignsKept: 0,
    unmatched: [
      { field: 'source', column: 'How did you hear about us', value: 'TikTok', rows: 2, exampleRows: [5, 6] },
      { field: 'utmCampaign', column: 'utm_campaign', value: 'Autumn promo', rows: 1, exampleRows: [12] },
      { field: 'utm', column: 'utm_source, utm_medium, utm_campaign', value: 'utm_source=tiktok, utm_medium=paid, utm_campaign=Autumn promo', rows: 1, exampleRows: [12] },
    ],
    ambiguous: [{
      field: 'source', column: 'How did you hear about us', value: 'Referral', rows: 1, exampleRows: [7],
      candidates: expect.arrayContaining([expect.objectContaining({ label: 'Referral → Friend or family' }), expect.objectContaining({ label: 'Referral → Partner' }), expect.objectContaining({ label: 'Referral → Existing customer' })]),
    }],
  };
  const expectedReferrals = {
    set: 6, kept: 0,
    unmatched: [{ field: 'referredBy', column: 'Referred by', value: 'Nobody Known', rows: 1, exampleRows: [8] }],
    ambiguous: [{ field: 'referredBy', column: 'Referred by', value: 'Sam Twin', rows: 1, exampleRows: [7], candidates: [expect.objectContaining({ label: 'Sam Twin' }), expect.objectContaining({ label: 'Sam Twin' })] }],
    refused: [
      { row: 13, column: 'Referred by', value: 'gus@example.com', code: 'referrals.cycle', message: 'That would make a loop: Lena Later → Gus Google → Lena Later (each referred the next)' },
      { row: 14, column: 'Referred by', value: 'sally@example.com', code: 'referrals.self', message: 'Self Sally cannot have referred themselves' },
    ],
  };

  it('proposes the acquisition and referral columns by their English and Russian names', async () => {
    const { settings } = await inspectCustomersFile(deps(), t.owner.workspaceId, file);
    expect(settings.read.mapping).toMatchObject({ source: 'How did you hear about us', utmSource: 'utm_source', utmMedium: 'utm_medium', utmCampaign: 'utm_campaign', acquiredOn: 'First visit', referredBy: 'Referred by' });
    const russian = writeFile('ru', ['ФИО;Источник;Канал;Дата привлечения;Кто порекомендовал;UTM_Source;Откуда узнали о нас', 'Анна;Instagram;Интернет;2026-01-05;Пётр;vk;x']);
    const ru = await inspectCustomersFile(deps(), t.owner.workspaceId, russian);
    expect(ru.settings.read.mapping).toMatchObject({ name: 'ФИО', source: 'Источник', channel: 'Канал', acquiredOn: 'Дата привлечения', referredBy: 'Кто порекомендовал', utmSource: 'UTM_Source' });
    const other = writeFile('en', ['Name,Lead source,Referrer,Acquired,Recommended by', 'Ann,Flyer,Bob,2026-01-02,x']);
    expect((await inspectCustomersFile(deps(), t.owner.workspaceId, other)).settings.read.mapping).toMatchObject({ source: 'Lead source', referredBy: 'Referrer', acquiredOn: 'Acquired' });
  });

  it('a dry run says what the columns would set, and sets nothing', async () => {
    const { outcome } = await importFile(file, true);
    expect(outcome.counts.acquisition).toEqual(expectedAcquisition);
    expect(outcome.counts.referrals).toEqual(expectedReferrals);
    expect(await db().db.selectFrom('customers').select('id').where('workspace_id', '=', t.owner.workspaceId).where('external_id', '=', 'N-1').executeTakeFirst()).toBeUndefined();
    const ezra = await api('GET', `/customers/${await idOf('E-2')}/acquisition`);
    expect(ezra.source).toBeNull();
  });

  it('sets sources, dates and campaigns where unknown, links referrers once all the rows are in, and reports what it could not place', async () => {
    const { outcome, importId } = await importFile(file);
    expect(outcome.counts).toMatchObject({ rows: 15, rejected: 0, customersCreated: 13 });
    expect(outcome.counts.acquisition).toEqual(expectedAcquisition);
    expect(outcome.counts.referrals).toEqual(expectedReferrals);
    // The import's record shows them beside its counts.
    const job = await api('GET', `/imports/${importId}`);
    expect(job.acquisition).toEqual(expectedAcquisition);
    expect(job.referrals).toEqual(expectedReferrals);
    expect(job.counts.acquisition).toBeUndefined();

    const acquisition = async (externalId: string) => {
      const a = await api('GET', `/customers/${await idOf(externalId)}/acquisition`);
      return [a.source ? `${a.source.channel} → ${a.source.name}` : null, a.acquiredOn, a.campaign?.name ?? null];
    };
    expect(await acquisition('N-1')).toEqual(['Online → Instagram', '2026-01-05', null]);
    expect(await acquisition('N-2')).toEqual(['Online → Search engine', null, null]);
    expect(await acquisition('N-3')).toEqual(['Referral → Friend or family', null, null]);
    expect(await acquisition('N-4')).toEqual([null, null, null]); // TikTok: unknown, never a default
    expect(await acquisition('N-6')).toEqual([null, null, null]); // Referral: which one? asked
    expect(await acquisition('N-7')).toEqual(['Online → Instagram', null, null]);
    expect(await acquisition('N-8')).toEqual(['Online → Online ad', null, null]);
    expect(await acquisition('N-9')).toEqual(['Online → Email newsletter', null, 'Spring sale']);
    expect(await acquisition('N-10')).toEqual(['Offline → Radio', null, 'Spring sale']);
    expect(await acquisition('N-11')).toEqual([null, null, null]);
    expect(await acquisition('E-1')).toEqual(['Offline → Flyer', '2025-12-01', null]); // set by a person: kept
    expect(await acquisition('E-2')).toEqual(['Online → Facebook', null, null]);

    const referrer = async (externalId: string) => (await api('GET', `/customers/${await idOf(externalId)}/referrals`)).referredBy?.name ?? null;
    const referrers = await Promise.all(['N-1', 'N-2', 'N-3', 'N-4', 'N-5', 'N-6', 'N-7', 'N-8', 'N-12', 'N-13'].map(referrer));
    expect(referrers).toEqual(['Erin Existing', 'Pia Phone', 'Ezra Known', 'Erin Existing', 'Ezra Known', null, null, 'Lena Later', null, null]);

    const nora = await idOf('N-1');
    const history = await db().db.selectFrom('customer_history').select(['action', 'field', 'new_value']).where('workspace_id', '=', t.owner.workspaceId).where('customer_id', '=', nora).execute();
    expect(history).toEqual(expect.arrayContaining([
      { action: 'created', field: null, new_value: 'Nora Insta' },
      { action: 'updated', field: 'source', new_value: 'Online → Instagram' },
      { action: 'updated', field: 'acquiredOn', new_value: '2026-01-05' },
      { action: 'updated', field: 'referredBy', new_value: 'Erin Existing' },
    ]));
    // Completeness counts the known source and referral, as the profile's use cases compute it.
    const profile = await api('GET', `/customers/${nora}`);
    expect(profile.completenessDetail.known).toEqual(expect.arrayContaining(['bit.source', 'bit.referrals']));
    const kept = await db().db.withTables<{ import_referrals: { import_id: string } }>().selectFrom('import_referrals').select('import_id').execute();
    expect(kept).toEqual([]);
  });

  it('the same file again changes nothing: what is set is kept, and what could not be placed is reported again', async () => {
    const { outcome } = await importFile(file);
    expect(outcome.counts.acquisition).toMatchObject({ sourcesSet: 0, datesSet: 0, campaignsSet: 0, sourcesKept: 1, datesKept: 1, unmatched: expectedAcquisition.unmatched });
    expect(outcome.counts.referrals).toEqual({ ...expectedReferrals, set: 0 });
  });

  it('reads a channel and a source column together, and keeps a row whose source it cannot place', async () => {
    const sheet = writeFile('channels', ['Name,Email,Channel,Source', 'Cleo Chan,cleo@example.com,Online,Instagram', 'Sid Social,sid@example.com,Social,Instagram', 'Olga Other,olga@example.com,Other,']);
    const { outcome } = await importFile(sheet);
    expect(outcome.counts).toMatchObject({ rows: 3, rejected: 0, customersCreated: 3 });
    expect(outcome.counts.acquisition).toMatchObject({ sourcesSet: 2, unmatched: [{ field: 'source', column: 'Channel, Source', value: 'Social → Instagram', rows: 1, exampleRows: [3] }] });
  });

  it('asks when every acquisition date reads both day first and month first, settles it by another date column, and leaves a column of non-dates unmapped', async () => {
    const ambiguous = writeFile('dates', ['Name,First visit', 'Ann,05/03/2024', 'Bob,06/04/2024']);
    await expect(inspectCustomersFile(deps(), t.owner.workspaceId, ambiguous)).rejects.toMatchObject({ code: 'import.date_ambiguous', message: 'Dates in "First visit" fit both dmy and mdy; say which with --date-format' });
    const asked = await inspectCustomersFile(deps(), t.owner.workspaceId, ambiguous, { ambiguousDates: 'ask' });
    expect(asked.date).toMatchObject({ ambiguous: true, candidates: expect.arrayContaining(['dmy', 'mdy']) });
    expect(asked.questions).toEqual([expect.objectContaining({ field: 'acquiredOn', column: 'First visit', applied: true })]);
    const told = await inspectCustomersFile(deps(), t.owner.workspaceId, ambiguous, { read: { dateFormat: 'mdy' } });
    expect(told.settings.read.dateFormat).toBe('mdy');

    const settled = writeFile('dates-settled', ['Name,First visit,Birthday', 'Ann,05/03/2024,12/11/1980', 'Bob,06/04/2024,31/12/1979']);
    const bySibling = await inspectCustomersFile(deps(), t.owner.workspaceId, settled);
    expect(bySibling.settings.read.dateFormat).toBe('dmy');

    const notDates = writeFile('not-dates', ['Name,First visit', 'Ann,yes', 'Bob,no']);
    const unfit = await inspectCustomersFile(deps(), t.owner.workspaceId, notDates);
    expect(unfit.settings.read.mapping.acquiredOn).toBeUndefined();
    expect(unfit.questions).toEqual([expect.objectContaining({ field: 'acquiredOn', column: 'First visit', applied: false })]);
  });

  it('rejects a row with a bad acquisition date, naming the column and value, and keeps the rest', async () => {
    const sheet = writeFile('bad-date', ['Name,Email,Acquired', 'Good Gail,gail@example.com,2026-01-10', 'Bad Bert,bert@example.com,2026-02-30']);
    const { outcome } = await importFile(sheet);
    expect(outcome.counts).toMatchObject({ rows: 2, rejected: 1, customersCreated: 1 });
    expect(outcome.rejections[0]).toMatchObject({ row: 3, problems: [{ column: 'Acquired', value: '2026-02-30', code: 'import.date_invalid' }] });
  });
});
