import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.ts';
import { as, useSetUpApp } from '../../server/testing.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createImport, runImport } from './imports.usecases.ts';
import { inspectCustomersFile } from './import-inspection.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-name-matches-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Names alone: no id, no email, no phone. Two people of one name; a company row and a person at it.
const FILE = ['Name,Company,Notes,Tags', 'Anna Berg,,first Anna,', 'Anna Berg,,second Anna,', 'Boris Orlov,,,friends', 'Vera Lind,Lind & Co,,', 'Lind & Co,,the company,'].join('\n');

describeEachDatabase('customers matched by name on a re-run', (db) => {
  const t = useSetUpApp(db);
  const clock = fixedClock(new Date('2026-02-01T10:00:00Z'));
  const file = path.join(dir, 'names.csv');
  fs.writeFileSync(file, FILE);

  async function importFile() {
    const deps = { db: db().db, clock };
    const { settings } = await inspectCustomersFile(deps, t.owner.workspaceId, file);
    const record = await createImport(deps, t.owner.workspaceId, t.owner.userId, file, settings, 'names.csv', { fresh: true });
    return runImport(deps, { workspaceId: t.owner.workspaceId, importId: record.id, actorId: t.owner.userId, filePath: file, settings, dryRun: false });
  }
  const everyone = async () => {
    const items = (await t.app.inject({ url: '/api/v1/customers?limit=500', headers: as(t.owner) })).json().items as { id: string; displayName: string; kind: string }[];
    return items.map((c) => `${c.kind}:${c.displayName}`).toSorted();
  };

  it('the same file imported twice updates the people it made, and makes nobody twice', async () => {
    // Entered by hand before any import: a namesake the file must not be taken for.
    const manual = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: as(t.owner), payload: { kind: 'person', firstName: 'Boris', lastName: 'Orlov' } });
    expect(manual.statusCode).toBe(201);

    const first = await importFile();
    expect(first.counts).toMatchObject({ rows: 5, rejected: 0, customersCreated: 5, customersUpdated: 0 });
    const afterFirst = await everyone();
    expect(afterFirst).toEqual(['organisation:Lind & Co', 'person:Anna Berg', 'person:Anna Berg', 'person:Boris Orlov', 'person:Boris Orlov', 'person:Vera Lind']);

    const second = await importFile();
    expect(second.counts).toMatchObject({ rows: 5, rejected: 0, customersCreated: 0 });
    expect(second.counts.customersUpdated + second.counts.customersUnchanged).toBe(5);
    expect(await everyone()).toEqual(afterFirst);

    // Each Anna kept her own notes: the rows were matched one to one, in order.
    const annas = (await t.app.inject({ url: '/api/v1/customers?q=anna&limit=10', headers: as(t.owner) })).json().items as { id: string }[];
    const notes = await Promise.all(annas.map(async (a) => (await t.app.inject({ url: `/api/v1/customers/${a.id}`, headers: as(t.owner) })).json().notes));
    expect(notes.toSorted()).toEqual(['first Anna', 'second Anna']);
    // The hand-made Boris has no tags: the file's Boris (tagged) is the imported one.
    const borises = (await t.app.inject({ url: '/api/v1/customers?q=boris&limit=10', headers: as(t.owner) })).json().items as { id: string; tags: { name: string }[] }[];
    expect(borises.find((b) => b.id === manual.json().id)!.tags).toEqual([]);
    expect(borises.filter((b) => b.id !== manual.json().id).map((b) => b.tags.map((tag) => tag.name))).toEqual([['friends']]);
    // One organisation, the company row's, with Vera employed there.
    const vera = (await t.app.inject({ url: '/api/v1/customers?q=vera&limit=10', headers: as(t.owner) })).json().items[0];
    const profile = (await t.app.inject({ url: `/api/v1/customers/${vera.id}`, headers: as(t.owner) })).json();
    expect(profile.employments.map((e: { organisation: { displayName: string } }) => e.organisation.displayName)).toEqual(['Lind & Co']);
  });
});
