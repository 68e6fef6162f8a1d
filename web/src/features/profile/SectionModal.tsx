import { Modal } from '@mantine/core';
import type { ReactNode } from 'react';

interface SectionModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: string;
  /** The form, mounted only while open so each opening starts from the saved profile. */
  children: ReactNode;
}

export function SectionModal({ opened, onClose, title, size = 'lg', children }: SectionModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size={size}>
      {opened && children}
    </Modal>
  );
}
