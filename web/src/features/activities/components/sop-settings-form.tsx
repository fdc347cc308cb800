import { ZUpdateFollowupSopRequest, type TFollowupSopSettings } from '@guanxi/common/followup-sop';
import { Alert, Button, Card, Checkbox, Flex, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useFollowupSop, useSaveFollowupSop } from '../api/followup-sop';

type Stage = 'potential' | 'intent' | 'won' | 'loyal';

function StageCard({ stage, children }: { stage: Stage; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t(`activities.sop.stages.${stage}`)} extra={
      <Form.Item name={['sop', stage, 'enabled']} valuePropName="checked" noStyle><Switch /></Form.Item>
    }>
      <Flex gap={8} align="center" wrap>{children}</Flex>
    </Card>
  );
}

function Days({ name, unit }: { name: string[]; unit: 'days' | 'months' }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} noStyle>
      <InputNumber min={1} max={unit === 'days' ? 90 : 24} addonAfter={t(`activities.sop.${unit}`)} style={{ width: 140 }} />
    </Form.Item>
  );
}

function SopForm({ settings }: { settings: TFollowupSopSettings }) {
  const { t } = useTranslation();
  const save = useSaveFollowupSop();
  const { formProps, submitting } = useSchemaForm({
    schema: ZUpdateFollowupSopRequest,
    prepare: (v) => ({ ...v, version: settings.version }),
    onSubmit: async (body) => {
      await save.mutateAsync(body);
      notifySuccess(t('activities.sop.saved'));
    },
  });
  return (
    <Form {...formProps} name="followup-sop" layout="vertical" initialValues={{ sop: settings.sop }} style={{ maxWidth: 760 }}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon message={t('activities.sop.help')} />
        <StageCard stage="potential">
          <Typography.Text>{t('activities.sop.potentialBefore')}</Typography.Text>
          <Days name={['sop', 'potential', 'firstWithinDays']} unit="days" />
          <Typography.Text>{t('activities.sop.potentialAfter')}</Typography.Text>
        </StageCard>
        <StageCard stage="intent">
          <Typography.Text>{t('activities.sop.every')}</Typography.Text>
          <Days name={['sop', 'intent', 'everyDays']} unit="days" />
          <Typography.Text>{t('activities.sop.intentAfter')}</Typography.Text>
        </StageCard>
        <StageCard stage="won">
          <Typography.Text>{t('activities.sop.wonBefore')}</Typography.Text>
          <Days name={['sop', 'won', 'withinDays']} unit="days" />
          <Typography.Text>{t('activities.sop.wonAfter')}</Typography.Text>
          <Form.Item name={['sop', 'won', 'survey']} valuePropName="checked" noStyle>
            <Checkbox>{t('activities.sop.survey')}</Checkbox>
          </Form.Item>
        </StageCard>
        <StageCard stage="loyal">
          <Typography.Text>{t('activities.sop.loyalBefore')}</Typography.Text>
          <Days name={['sop', 'loyal', 'afterMonths']} unit="months" />
          <Typography.Text>{t('activities.sop.loyalMiddle')}</Typography.Text>
          <Days name={['sop', 'loyal', 'everyMonths']} unit="months" />
          <Typography.Text>{t('activities.sop.loyalAfter')}</Typography.Text>
        </StageCard>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={submitting}>{t('common.save')}</Button>
        </Flex>
      </Flex>
    </Form>
  );
}

/** 跟进 SOP settings: the cadence per lifecycle stage that the system turns into follow-up tasks. */
export function SopSettingsForm() {
  const { data, isPending } = useFollowupSop();
  if (isPending || !data) return <Skeleton active />;
  return <SopForm key={data.version} settings={data} />;
}
