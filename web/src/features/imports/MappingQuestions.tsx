import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconHelpCircle } from '@tabler/icons-react';
import { useT } from '../../i18n/i18nContext.ts';
import type { Mapping } from './mappingModel.ts';
import { questionAnswered, questionKind, type MappingQuestion } from './sourceModel.ts';

interface MappingQuestionsProps {
  questions: readonly MappingQuestion[];
  mapping: Mapping;
  /** Reads the question's column as its field (the preview is read again, as for any change). */
  onUse: (question: MappingQuestion) => void;
}

/**
 * What Rapport is unsure of, one alert per column: a column whose values look like a field its
 * name does not say, or one whose name says a field its values do not fit. Not used until the
 * user says so — unless Rapport uses it meanwhile (a file without a header), which it says.
 */
export function MappingQuestions({ questions, mapping, onUse }: MappingQuestionsProps) {
  const t = useT();
  if (questions.length === 0) return null;
  return (
    <Stack gap="xs" mb="md" role="list" aria-label={t('imports.questions.label')}>
      {questions.map((question) => {
        const field = t(`imports.fields.${question.field}.label`);
        const used = questionAnswered(question, mapping);
        const vars = { column: question.column, field };
        return (
          <Alert
            key={`${question.field}-${question.column}`}
            role="listitem"
            color={used ? 'teal' : 'yellow'}
            variant="light"
            icon={used ? <IconCircleCheck aria-hidden /> : <IconHelpCircle aria-hidden />}
            title={t('imports.questions.title', vars)}
          >
            <Group justify="space-between" align="center" gap="sm" wrap="nowrap">
              {used && !question.applied ? (
                <Text size="sm">{t('imports.questions.used', vars)}</Text>
              ) : (
                <Stack gap={4}>
                  <Text size="sm">{t(`imports.questions.${questionKind(question)}`, vars)}</Text>
                  {question.applied && (
                    <Text size="xs" c="dimmed">
                      {t('imports.questions.applied', vars)}
                    </Text>
                  )}
                </Stack>
              )}
              {!used && (
                <Button size="xs" variant="default" onClick={() => onUse(question)} style={{ flexShrink: 0 }}>
                  {t('imports.questions.use')}
                </Button>
              )}
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
