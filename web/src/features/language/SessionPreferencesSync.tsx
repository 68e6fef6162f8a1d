import { useEffect } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useSessionQuery } from '../auth/useSession.ts';

/** Once signed in, the UI speaks the user's language and shows dates in the workspace's time zone. */
export function SessionPreferencesSync() {
  const { setLocale, setTimeZone } = useI18n();
  const { data: session } = useSessionQuery();
  const userLocale = session?.user.locale;
  const timeZone = session?.workspace.timeZone;

  useEffect(() => {
    if (userLocale) setLocale(userLocale);
  }, [userLocale, setLocale]);

  useEffect(() => {
    setTimeZone(timeZone);
  }, [timeZone, setTimeZone]);

  return null;
}
