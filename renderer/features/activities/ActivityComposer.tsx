import { Button, Paper } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../api/queries';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ActivityEditor } from './ActivityEditor';
import { draftToInput, newDraft, type ActivityDraft } from './activity-form';
import type { TimelineSubject } from './Timeline';

/** "Log a call / meeting / e-mail / note" on top of a timeline. */
export function ActivityComposer({ subject }: { subject: TimelineSubject }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ActivityDraft | null>(null);
  const log = useChannelMutation('activities:log', ['activities:timeline']);

  if (!draft) {
    return (
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setDraft(newDraft())} w="fit-content">
        {t('activities.add')}
      </Button>
    );
  }
  return (
    <Paper withBorder p="sm" radius="md">
      <ActivityEditor
        draft={draft}
        onChange={setDraft}
        busy={log.isPending}
        submitLabel={t('activities.save')}
        onCancel={() => setDraft(null)}
        onSubmit={() =>
          log.mutate(
            {
              ...draftToInput(draft),
              personId: 'personId' in subject ? subject.personId : null,
              companyId: 'companyId' in subject ? subject.companyId : null,
            },
            { onSuccess: () => setDraft(null) },
          )
        }
      />
      <ErrorAlert error={log.error} />
    </Paper>
  );
}
