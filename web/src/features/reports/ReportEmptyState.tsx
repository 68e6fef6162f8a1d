import { Button, Card, EmptyState, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link } from 'react-router';

interface ReportEmptyStateProps {
  icon: Icon;
  title: string;
  text: string;
  actions: readonly { to: string; label: string }[];
}

/** A report with nothing to show yet: what would fill it, and where to do that. */
export function ReportEmptyState({ icon: ReportIcon, title, text, actions }: ReportEmptyStateProps) {
  return (
    <Card withBorder radius="lg" p="xl">
      <EmptyState icon={<ReportIcon size={28} stroke={1.6} aria-hidden />} variant="light" title={<Text component="span" fw={600} fz="lg">{title}</Text>} description={text}>
        <EmptyState.Actions>
          {actions.map((action, index) => (
            <Button key={action.to} component={Link} to={action.to} variant={index === 0 ? 'light' : 'default'}>
              {action.label}
            </Button>
          ))}
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
}
