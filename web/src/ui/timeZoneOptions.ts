export interface TimeZoneOption {
  value: string;
  label: string;
}

let cached: TimeZoneOption[] | undefined;

/** Every IANA zone the browser knows, labelled "Europe/Berlin (GMT+01:00)", with UTC first. */
export function timeZoneOptions(include?: string): TimeZoneOption[] {
  cached ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')].map((zone) => ({
    value: zone,
    label: `${zone.replaceAll('_', ' ')} (${offsetOf(zone)})`,
  }));
  if (include && !cached.some((option) => option.value === include)) {
    return [{ value: include, label: include }, ...cached];
  }
  return cached;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function offsetOf(zone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(new Date());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  } catch {
    return 'GMT';
  }
}
