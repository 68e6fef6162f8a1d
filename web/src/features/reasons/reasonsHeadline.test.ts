import { describe, expect, it } from 'vitest';
import { reasonsHeadline } from './reasonsHeadline.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

describe('reasonsHeadline', () => {
  it('names gold and the rest apart, or together when they agree', () => {
    expect(reasonsHeadline({ gold: { reason: 'Service', share: 0.4 }, rest: { reason: 'Price', share: 0.35 } }, percent)).toEqual({
      key: 'reasonsReport.headline.both', vars: { gold: 'Service', goldShare: '40%', rest: 'Price', restShare: '35%' },
    });
    expect(reasonsHeadline({ gold: { reason: 'Price', share: 0.5 }, rest: { reason: 'Price', share: 0.25 } }, percent)?.key).toBe('reasonsReport.headline.same');
  });

  it('says one side alone, and nothing without any reason', () => {
    expect(reasonsHeadline({ gold: null, rest: { reason: 'Price', share: 1 } }, percent)).toEqual({ key: 'reasonsReport.headline.restOnly', vars: { reason: 'Price', share: '100%' } });
    expect(reasonsHeadline({ gold: { reason: 'Service', share: 1 }, rest: null }, percent)?.key).toBe('reasonsReport.headline.goldOnly');
    expect(reasonsHeadline({ gold: null, rest: null }, percent)).toBeNull();
  });
});
