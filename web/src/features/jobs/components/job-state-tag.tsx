import type { TJobState } from '@guanxi/common/jobs';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<TJobState, string> = { queued: 'default', active: 'processing', completed: 'success', failed: 'error', cancelled: 'warning' };

export function JobStateTag({ state }: { state: TJobState }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[state]}>{t(`jobs.states.${state}`)}</Tag>;
}
