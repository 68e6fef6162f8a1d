import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useErrorMessage } from '../../ui/useErrorMessage.ts';
import { customerPath } from '../customers/CustomerLink.tsx';
import { QuickSearchResult } from './QuickSearchResult.tsx';
import { useQuickSearch } from './useQuickSearch.ts';

const SEE_ALL = '\u0000all';

/**
 * Search as you type by name, email, phone, organisation or notes. Arrows move through the
 * results, Enter opens the highlighted (or first) one; the last entry opens the full list.
 */
export function QuickSearch({ onSearch }: { onSearch?: () => void }) {
  const t = useT();
  const describe = useErrorMessage();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const { items, fresh, loading, error, searchNow } = useQuickSearch(query);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const q = query.trim();

  const go = (to: string) => {
    setQuery('');
    combobox.closeDropdown();
    void navigate(to);
    onSearch?.();
  };
  const seeAll = () => go(`/customers?q=${encodeURIComponent(q)}`);

  useEffect(() => {
    if (fresh && items.length > 0) combobox.selectFirstOption();
  }, [fresh, items, combobox]);


  return (
    <Combobox store={combobox} onOptionSubmit={(value) => (value === SEE_ALL ? seeAll() : go(customerPath(value)))} position="bottom-start" width={420} withinPortal>
      <Combobox.Target withExpandedAttribute>
        <TextInput
          type="search"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={loading ? <Loader size={14} aria-hidden /> : null}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            combobox.resetSelectedOption();
            if (event.currentTarget.value.trim()) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onFocus={() => q && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key !== 'Enter' || !q) return;
            if (combobox.dropdownOpened && fresh && combobox.getSelectedOptionIndex() !== -1) return;
            event.preventDefault();
            // Enter before the results for the typed text arrived: open the first once they do.
            searchNow(q).then(
              (found) => (found[0] ? go(customerPath(found[0].id)) : seeAll()),
              () => seeAll(),
            );
          }}
          w={{ base: '100%', sm: 280, lg: 340 }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!q} aria-label={t('search.results')}>
        <Combobox.Options>
          {error ? <Combobox.Empty>{describe(error)}</Combobox.Empty> : null}
          {!error && fresh && items.length === 0 && <Combobox.Empty>{t('search.none', { query: q })}</Combobox.Empty>}
          {!error && !fresh && items.length === 0 && <Combobox.Empty>{t('search.searching')}</Combobox.Empty>}
          {items.map((item) => (
            <Combobox.Option key={item.id} value={item.id} aria-label={item.displayName}>
              <QuickSearchResult item={item} />
            </Combobox.Option>
          ))}
          <Combobox.Option value={SEE_ALL}>
            <Text size="sm" c="indigo.7" fw={500}>
              {t('search.seeAll', { query: q })}
            </Text>
          </Combobox.Option>
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
