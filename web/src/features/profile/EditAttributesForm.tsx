import type { Attribute, AttributeValue } from '@contracts/attributes.ts';
import type { CustomerProfile } from '@contracts/customers.ts';
import { SimpleGrid } from '@mantine/core';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18nContext.ts';
import { AttributeInput } from '../attributes/AttributeInput.tsx';
import { fromInputValue, toInputValue, type AttributeInputValue } from '../attributes/attributeValue.ts';
import { useSession } from '../auth/useSession.ts';
import { ProfileForm } from './ProfileForm.tsx';

interface EditAttributesFormProps {
  profile: CustomerProfile;
  attributes: readonly Attribute[];
  onDone: () => void;
}

/** Every custom attribute of this kind of customer, each with the input of its type. */
export function EditAttributesForm({ profile, attributes, onDone }: EditAttributesFormProps) {
  const { locale } = useI18n();
  const currency = useSession().workspace.baseCurrency;
  const [values, setValues] = useState<Record<string, AttributeInputValue>>(() =>
    Object.fromEntries(attributes.map((attribute) => [attribute.key, toInputValue(attribute, profile.attributes[attribute.key], currency)])),
  );

  const toPatch = () => {
    const changes: Record<string, AttributeValue> = {};
    for (const attribute of attributes) {
      const result = fromInputValue(attribute, values[attribute.key] ?? '', { currency, locale });
      if ('error' in result) return { path: `attributes.${attribute.key}`, code: result.error };
      changes[attribute.key] = result.value;
    }
    return { attributes: changes };
  };

  return (
    <ProfileForm profile={profile} paths={attributes.map((attribute) => `attributes.${attribute.key}`)} toPatch={toPatch} onDone={onDone}>
      {(errorAt) => (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {attributes.map((attribute) => (
            <AttributeInput
              key={attribute.id}
              attribute={attribute}
              currency={currency}
              value={values[attribute.key] ?? ''}
              onChange={(value) => setValues((current) => ({ ...current, [attribute.key]: value }))}
              error={errorAt(`attributes.${attribute.key}`)}
            />
          ))}
        </SimpleGrid>
      )}
    </ProfileForm>
  );
}
