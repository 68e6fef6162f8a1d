import type { Locale } from '@contracts/common.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { useI18n } from '../../i18n/i18nContext.ts';
import { useSessionQuery, useUpdateCachedSession } from '../auth/useSession.ts';

/**
 * Switches the UI language at once; when signed in, also saves it as the user's
 * language so it follows them to other devices.
 */
export function useChangeLanguage() {
  const { setLocale } = useI18n();
  const { data: session } = useSessionQuery();
  const updateSession = useUpdateCachedSession();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (locale: Locale) => api.me.update({ locale }),
    onSuccess: (user) => {
      updateSession((current) => ({ ...current, user: { ...current.user, locale: user.locale } }));
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
  return (locale: Locale) => {
    setLocale(locale);
    if (session && session.user.locale !== locale) save.mutate(locale);
  };
}
