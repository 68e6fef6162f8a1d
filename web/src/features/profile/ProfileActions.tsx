import type { CustomerProfile } from '@contracts/customers.ts';
import { ActionIcon, Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCopy, IconDots, IconGitMerge, IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { FollowUpButton } from '../followups/FollowUpButton.tsx';
import { MergeDialog } from '../merge/MergeDialog.tsx';
import { DeleteCustomerModal } from './DeleteCustomerModal.tsx';
import { EditIdentityForm } from './EditIdentityForm.tsx';
import { SectionModal } from './SectionModal.tsx';

/** Edit the name, merge with a duplicate, find duplicates, delete. */
export function ProfileActions({ profile }: { profile: CustomerProfile }) {
  const t = useT();
  const navigate = useNavigate();
  const [editing, edit] = useDisclosure(false);
  const [merging, merge] = useDisclosure(false);
  const [deleting, del] = useDisclosure(false);
  const editLabel = t(profile.kind === 'person' ? 'profile.editName' : 'profile.editOrganisation');

  return (
    <Group gap="xs" wrap="nowrap">
      <FollowUpButton customerId={profile.id} customerName={profile.displayName} />
      <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open} aria-label={editLabel}>
        {t('common.edit')}
      </Button>
      <Button variant="default" leftSection={<IconGitMerge size={16} aria-hidden />} onClick={merge.open}>
        {t('merge.open')}
      </Button>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('profile.moreActions')}>
            <IconDots size={18} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void navigate('/customers/duplicates')}>
            {t('duplicates.find')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={del.open}>
            {t('profile.delete.action')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SectionModal opened={editing} onClose={edit.close} title={editLabel} size="md">
        <EditIdentityForm profile={profile} onDone={edit.close} />
      </SectionModal>
      <MergeDialog opened={merging} onClose={merge.close} customer={profile} />
      <DeleteCustomerModal profile={profile} opened={deleting} onClose={del.close} />
    </Group>
  );
}
