import { ZUpdatePoolRequest, type TPool, type TPoolRules, type TUpdatePoolRequest } from '@guanxi/common/pools';
import { Button, Checkbox, Col, Divider, Drawer, Flex, Form, InputNumber, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../../lib/form';
import { notifySuccess } from '../../../lib/notify';
import { useUpdatePool } from '../api/update-pool';

type RulesDrawerProps = { open: boolean; pool: TPool; onClose: () => void };
type Days = TPoolRules['noFollowUpDays'];
const TIERS = ['A', 'B', 'C'] as const;

/** Days per tier without empty tiers (an empty tier uses the default). */
function daysOf(enabled: unknown, value: unknown): Days {
  if (!enabled) return null;
  const v = (value ?? {}) as Record<string, number | null | undefined>;
  const out: Record<string, number> = {};
  for (const key of ['default', ...TIERS]) if (typeof v[key] === 'number') out[key] = v[key]!;
  return out as NonNullable<Days>;
}

function DaysByTier({ name, enabledName, label, help }: { name: string; enabledName: string; label: string; help: string }) {
  const { t } = useTranslation();
  const enabled: boolean = Form.useWatch(enabledName) ?? false;
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{label}</Typography.Text>
        <Form.Item name={enabledName} valuePropName="checked" noStyle>
          <Switch size="small" aria-label={label} />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
        {help}
      </Typography.Paragraph>
      <Row gutter={8}>
        {(['default', ...TIERS] as const).map((key) => (
          <Col span={6} key={key}>
            <Form.Item name={['rules', name, key]} label={key === 'default' ? t('pools.defaultDays') : t('pools.tierDays', { tier: key })} required={key === 'default'}>
              <InputNumber min={1} max={3650} disabled={!enabled} suffix={t('pools.days')} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}

function RulesForm({ pool, onClose }: Omit<RulesDrawerProps, 'open'>) {
  const { t } = useTranslation();
  const update = useUpdatePool();
  const { formProps, submitting } = useSchemaForm({
    schema: ZUpdatePoolRequest,
    prepare: (values) => {
      const rules = values.rules as Record<string, unknown>;
      return {
        version: pool.version,
        rules: { ...rules, noFollowUpDays: daysOf(values.noFollowUpEnabled, rules.noFollowUpDays), noDealDays: daysOf(values.noDealEnabled, rules.noDealDays) },
      };
    },
    onSubmit: async (body) => {
      await update.mutateAsync({ id: pool.id, ...(body as TUpdatePoolRequest) });
      notifySuccess(t('pools.rulesSaved'));
      onClose();
    },
  });
  const number = (name: keyof TPoolRules, label: string, suffix: string, extra?: string) => (
    <Form.Item name={['rules', name]} label={label} extra={extra}>
      <InputNumber min={0} suffix={suffix} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Form
      {...formProps}
      name="pool-rules"
      layout="vertical"
      initialValues={{ rules: pool.rules, noFollowUpEnabled: Boolean(pool.rules.noFollowUpDays), noDealEnabled: Boolean(pool.rules.noDealDays) }}
    >
      <Divider orientation="left" orientationMargin={0}>
        {t('pools.sectionReturn')}
      </Divider>
      <Form.Item name={['rules', 'autoReturn']} label={t('pools.autoReturn')} valuePropName="checked" extra={t('pools.autoReturnHelp')}>
        <Switch />
      </Form.Item>
      <DaysByTier name="noFollowUpDays" enabledName="noFollowUpEnabled" label={t('pools.noFollowUpDays')} help={t('pools.noFollowUpHelp')} />
      <DaysByTier name="noDealDays" enabledName="noDealEnabled" label={t('pools.noDealDays')} help={t('pools.noDealHelp')} />
      <Row gutter={16}>
        <Col span={12}>{number('warnDaysBefore', t('pools.warnDaysBefore'), t('pools.days'), t('pools.warnHelp'))}</Col>
        <Col span={12}>
          <Form.Item label=" " colon={false}>
            <Flex vertical gap={4}>
              <Form.Item name={['rules', 'exemptWon']} valuePropName="checked" noStyle>
                <Checkbox>{t('pools.exemptWon')}</Checkbox>
              </Form.Item>
              <Form.Item name={['rules', 'exemptLocked']} valuePropName="checked" noStyle>
                <Checkbox>{t('pools.exemptLocked')}</Checkbox>
              </Form.Item>
            </Flex>
          </Form.Item>
        </Col>
      </Row>
      <Divider orientation="left" orientationMargin={0}>
        {t('pools.sectionClaim')}
      </Divider>
      <Row gutter={16}>
        <Col span={8}>{number('dailyClaimCap', t('pools.dailyClaimCap'), t('pools.perDay'))}</Col>
        <Col span={8}>{number('holdLimit', t('pools.holdLimit'), t('pools.customersUnit'))}</Col>
        <Col span={8}>{number('reclaimCooldownDays', t('pools.reclaimCooldownDays'), t('pools.days'))}</Col>
      </Row>
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** 公海规则 (pool administrators): when customers return, who is warned, and how members claim. */
export function PoolRulesDrawer({ open, ...props }: RulesDrawerProps) {
  const { t } = useTranslation();
  return (
    <Drawer open={open} title={t('pools.rulesTitle', { name: props.pool.name })} width={620} onClose={props.onClose} destroyOnHidden>
      {open ? <RulesForm {...props} /> : null}
    </Drawer>
  );
}
