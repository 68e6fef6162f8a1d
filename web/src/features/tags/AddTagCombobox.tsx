import type { Tag } from '@contracts/tags.ts';
import { Button, Combobox, Text, useCombobox } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../i18n/i18nContext.ts';
import { TagBadge } from './TagBadge.tsx';
import { useTags } from './useTags.ts';

const CREATE = '\u0000create';

interface AddTagComboboxProps {
  /** Tags the customer already has (left out of the list). */
  currentIds: readonly string[];
  onPick: (tag: Tag) => void;
  onCreate: (name: string) => void;
  busy: boolean;
}

/** "Add tag": type to find a tag, or to create one with that name. */
export function AddTagCombobox({ currentIds, onPick, onCreate, busy }: AddTagComboboxProps) {
  const t = useT();
  const tags = useTags();
  const [search, setSearch] = useState('');
  const combobox = useCombobox({
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setSearch('');
    },
    onDropdownOpen: () => combobox.focusSearchInput(),
  });
  const needle = search.trim().toLocaleLowerCase();
  const available = (tags.data ?? []).filter((tag) => !currentIds.includes(tag.id));
  const matching = available.filter((tag) => tag.name.toLocaleLowerCase().includes(needle));
  const exact = (tags.data ?? []).some((tag) => tag.name.toLocaleLowerCase() === needle);

  return (
    <Combobox
      store={combobox}
      width={260}
      position="bottom-start"
      onOptionSubmit={(value) => {
        if (value === CREATE) onCreate(search.trim());
        else {
          const tag = available.find((candidate) => candidate.id === value);
          if (tag) onPick(tag);
        }
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target withAriaAttributes={false}>
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => combobox.toggleDropdown()} loading={busy}>
          {t('tags.add')}
        </Button>
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Search
          value={search}
          aria-label={t('tags.search')}
          placeholder={t('tags.searchPlaceholder')}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            // Enter takes the first match, or creates the tag when nothing matches.
            requestAnimationFrame(() => combobox.selectFirstOption());
          }}
        />
        <Combobox.Options mah={240} style={{ overflowY: 'auto' }}>
          {matching.map((tag) => (
            <Combobox.Option key={tag.id} value={tag.id} aria-label={tag.name}>
              <TagBadge tag={tag} />
            </Combobox.Option>
          ))}
          {needle !== '' && !exact && (
            <Combobox.Option value={CREATE}>
              <Text size="sm" fw={500}>
                {t('tags.create', { name: search.trim() })}
              </Text>
            </Combobox.Option>
          )}
          {matching.length === 0 && needle === '' && <Combobox.Empty>{t('tags.typeToCreate')}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
