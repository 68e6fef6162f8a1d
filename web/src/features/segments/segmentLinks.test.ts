import { describe, expect, it } from 'vitest';
import { segmentExportUrl, segmentFilter, segmentListPath, sharePoints } from './segmentLinks.ts';

describe('segment links', () => {
  it('quotes names that need it', () => {
    expect(segmentFilter('Big spenders')).toBe('segment = "Big spenders"');
    expect(segmentFilter('VIP')).toBe('segment = VIP');
    expect(segmentFilter('Say "hi"')).toBe('segment = "Say \\"hi\\""');
  });

  it('opens the customer list and the export with the segment’s filter', () => {
    expect(segmentListPath('Big spenders')).toBe('/customers?filter=segment+%3D+%22Big+spenders%22');
    expect(segmentExportUrl('Опт', 'xlsx')).toBe('/api/v1/customers/export?format=xlsx&filter=segment+%3D+%D0%9E%D0%BF%D1%82');
  });

  it('turns a change of share into percentage points', () => {
    expect(sharePoints(0.0123)).toBe(1.2);
    expect(sharePoints(-0.05)).toBe(-5);
  });
});
