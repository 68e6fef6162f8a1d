/** The catalogue key and values that say when a campaign runs: both ends, one, or neither. */
export function campaignDates(startsOn: string | null, endsOn: string | null, day: (value: string) => string): { key: string; vars: Record<string, string> } {
  if (startsOn && endsOn) return { key: 'campaigns.dates.between', vars: { from: day(startsOn), to: day(endsOn) } };
  if (startsOn) return { key: 'campaigns.dates.from', vars: { from: day(startsOn) } };
  if (endsOn) return { key: 'campaigns.dates.until', vars: { to: day(endsOn) } };
  return { key: 'campaigns.dates.none', vars: {} };
}
