import { Button, Group } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type StepNavProps = {
  onBack?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  nextDisabled?: boolean;
  nextLabel?: string;
  /** Extra content on the left, after Back. */
  children?: ReactNode;
};

/** Back and Next under a step. */
export function StepNav({ onBack, onNext, nextDisabled, nextLabel, children }: StepNavProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="md">
      <Group gap="sm">
        {onBack && (
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('importWizard.back')}
          </Button>
        )}
        {children}
      </Group>
      {onNext && (
        <Button rightSection={<IconArrowRight size={16} />} onClick={onNext} disabled={nextDisabled}>
          {nextLabel ?? t('importWizard.next')}
        </Button>
      )}
    </Group>
  );
}
