import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './activityTime.ts';

describe('activity time', () => {
  it('round-trips an instant through the datetime-local value', () => {
    const iso = '2026-03-05T22:30:00.000Z';
    expect(toLocalInput(iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('leaves "now" to the server when empty', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('yesterday')).toBeUndefined();
    expect(toLocalInput('nonsense')).toBe('');
  });
});
