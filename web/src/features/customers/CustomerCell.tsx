import type { Attribute } from '@contracts/attributes.ts';
import type { CustomerSummary } from '@contracts/customers.ts';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18nContext.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useAttributeText } from '../attributes/useAttributeText.ts';
import { TagBadge } from '../tags/TagBadge.tsx';
import { attributeKeyOf, VALUE_COLUMNS } from './columnModel.ts';
import { CompletenessBar } from './CompletenessBar.tsx';
import { customerPath } from './CustomerLink.tsx';
import { KindIcon } from './KindIcon.tsx';
import { ValueCell } from './ValueCell.tsx';

interface CustomerCellProps {
  column: string;
  customer: CustomerSummary;
  attributes: readonly Attribute[];
}

/** One cell of the customer list; empty values stay empty (a dash for the eye, "empty" for screen readers). */
export function CustomerCell({ column, customer, attributes }: CustomerCellProps) {
  const t = useT();
  const format = useFormat();
  const attributeText = useAttributeText();

  switch (column) {
    case 'name':
      return (
        <Group gap="sm" wrap="nowrap">
          <KindIcon kind={customer.kind} />
          {/* Not a tab stop of its own: the row is (Enter opens it). */}
          <Anchor component={Link} to={customerPath(customer.id)} size="sm" fw={600} c="dark.8" tabIndex={-1}>
            {customer.displayName}
          </Anchor>
        </Group>
      );
    case 'kind':
      return (
        <Badge variant="light" size="sm" color={customer.kind === 'organisation' ? 'grape' : 'blue'}>
          {t(`customers.kind.${customer.kind}`)}
        </Badge>
      );
    case 'email':
      return dim(customer.email);
    case 'phone':
      return dim(customer.phone);
    case 'city':
      return dim(customer.city);
    case 'country':
      return dim(customer.country);
    case 'organisation':
      return dim(customer.organisation?.displayName ?? null);
    case 'tags':
      return customer.tags.length === 0 ? (
        <Empty />
      ) : (
        <Group gap={4} wrap="nowrap">
          {customer.tags.map((tag) => (
            <TagBadge key={tag.id} tag={tag} size="sm" />
          ))}
        </Group>
      );
    case 'completeness':
      return <CompletenessBar score={customer.completeness} />;
    case 'customerSince':
      return dim(customer.customerSince && format.day(customer.customerSince));
    case 'nextFollowUp':
      return dim(customer.nextFollowUp && format.day(customer.nextFollowUp));
    case 'createdAt':
      return dim(format.date(customer.createdAt));
    case 'updatedAt':
      return dim(format.date(customer.updatedAt));
    case 'lastPurchaseAt':
      return dim(customer.lastPurchaseAt && format.date(customer.lastPurchaseAt));
    default: {
      if (VALUE_COLUMNS.includes(column)) return <ValueCell column={column} value={customer.value} />;
      const attribute = attributes.find((candidate) => candidate.key === attributeKeyOf(column));
      return dim(attribute ? attributeText(attribute, customer.attributes[attribute.key]) : null);
    }
  }
}

function dim(content: ReactNode) {
  return content === null || content === '' ? <Empty /> : <Text size="sm">{content}</Text>;
}

function Empty() {
  const t = useT();
  return (
    <Text size="sm" c="gray.5" aria-label={t('common.empty')}>
      —
    </Text>
  );
}
