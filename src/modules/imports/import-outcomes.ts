import type { AcquisitionOutcome, ReferralOutcome } from './import-run.ts';
import { mergeUnplaced } from './unplaced-values.ts';

/** What rows sent again (fixed rejected rows) did, added to what their import did. */
export function addAcquisitionOutcomes(before: AcquisitionOutcome | undefined, more: AcquisitionOutcome): AcquisitionOutcome {
  if (!before) return more;
  const sum = (k: Exclude<keyof AcquisitionOutcome, 'unmatched' | 'ambiguous'>) => before[k] + more[k];
  return {
    sourcesSet: sum('sourcesSet'), sourcesByRule: sum('sourcesByRule'), sourcesByCampaign: sum('sourcesByCampaign'), sourcesKept: sum('sourcesKept'),
    datesSet: sum('datesSet'), datesKept: sum('datesKept'), campaignsSet: sum('campaignsSet'), campaignsKept: sum('campaignsKept'),
    unmatched: mergeUnplaced(before.unmatched, more.unmatched), ambiguous: mergeUnplaced(before.ambiguous, more.ambiguous),
  };
}

export function addReferralOutcomes(before: ReferralOutcome | undefined, more: ReferralOutcome): ReferralOutcome {
  if (!before) return more;
  return {
    set: before.set + more.set, kept: before.kept + more.kept,
    unmatched: mergeUnplaced(before.unmatched, more.unmatched), ambiguous: mergeUnplaced(before.ambiguous, more.ambiguous),
    refused: [...before.refused, ...more.refused].slice(0, 500),
  };
}
