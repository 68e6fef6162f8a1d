/** The 24 hours of the day as the locale writes them ("07:00", "7 AM"), for the digest hour. */
export function hourOptions(locale: string): { value: string; label: string }[] {
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: format.format(new Date(Date.UTC(2000, 0, 1, hour))) }));
}
