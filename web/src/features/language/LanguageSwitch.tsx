import { IconLanguage } from '@tabler/icons-react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { LanguageSelect } from '../../ui/LanguageSelect.tsx';
import { useChangeLanguage } from './useChangeLanguage.ts';

/** The compact language picker of the header and the sign-in page (labelled "Language"). */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const changeLanguage = useChangeLanguage();
  return (
    <LanguageSelect
      aria-label={t('language.label')}
      size="sm"
      w={132}
      leftSection={<IconLanguage size={16} aria-hidden />}
      value={locale}
      onChange={changeLanguage}
    />
  );
}
