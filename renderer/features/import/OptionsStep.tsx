import { Checkbox, Group, Paper, Radio, SegmentedControl, Stack, Switch, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importModes, matchKeys, type ImportMode, type ImportOptions } from '../../../shared/domain/imports';
import { StepNav } from './StepNav';
import type { Wizard } from './ImportWizardProvider';

/** Step 3: add, update or both; how existing records are found; what empty cells and repeats do. */
export function OptionsStep({ wizard }: { wizard: Wizard }) {
  const { t } = useTranslation();
  const { state, dispatch } = wizard;
  if (!state.setup) return null;
  const options = state.setup.options;
  const change = (patch: Partial<ImportOptions>) => dispatch({ type: 'options', patch });
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Stack gap="lg" maw={720}>
          <Stack gap={6}>
            <Text fw={500}>{t('importWizard.options.mode')}</Text>
            <SegmentedControl
              data={importModes.map((mode) => ({ value: mode, label: t(`importWizard.options.modes.${mode}`) }))}
              value={options.mode}
              onChange={(mode) => change({ mode: mode as ImportMode })}
              data-testid="import-mode"
            />
            <Text size="sm" c="dimmed">
              {t(`importWizard.options.modeHints.${options.mode}`)}
            </Text>
          </Stack>
          <Checkbox.Group
            label={t('importWizard.options.matchKeys')}
            value={options.matchKeys}
            onChange={(keys) => change({ matchKeys: matchKeys.filter((key) => keys.includes(key)) })}
          >
            <Group gap="lg" mt={6}>
              {matchKeys.map((key) => (
                <Checkbox key={key} value={key} label={t(`importWizard.options.keys.${key}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t('importWizard.options.overwriteWithEmpty')}
            description={t('importWizard.options.overwriteWithEmptyHint')}
            checked={options.overwriteWithEmpty}
            onChange={(event) => change({ overwriteWithEmpty: event.currentTarget.checked })}
          />
          <Switch
            label={t('importWizard.options.replaceLists')}
            description={t('importWizard.options.replaceListsHint')}
            checked={options.replaceLists}
            onChange={(event) => change({ replaceLists: event.currentTarget.checked })}
          />
          <Radio.Group
            label={t('importWizard.options.inFileDuplicates')}
            value={options.inFileDuplicates}
            onChange={(value) => change({ inFileDuplicates: value === 'report' ? 'report' : 'merge' })}
          >
            <Group gap="lg" mt={6}>
              <Radio value="merge" label={t('importWizard.options.duplicates.merge')} />
              <Radio value="report" label={t('importWizard.options.duplicates.report')} />
            </Group>
          </Radio.Group>
          <Stack gap="sm">
            <Switch
              label={t('importWizard.options.createMissingCompanies')}
              checked={options.createMissingCompanies}
              onChange={(event) => change({ createMissingCompanies: event.currentTarget.checked })}
            />
            <Switch
              label={t('importWizard.options.createMissingOwners')}
              checked={options.createMissingOwners}
              onChange={(event) => change({ createMissingOwners: event.currentTarget.checked })}
            />
          </Stack>
        </Stack>
      </Paper>
      <StepNav onBack={() => dispatch({ type: 'goTo', step: 1 })} onNext={() => dispatch({ type: 'goTo', step: 3 })} />
    </Stack>
  );
}
