import { InboxOutlined } from '@ant-design/icons';
import { IMPORT_MODULE, IMPORT_POLICIES, IMPORT_TYPES, type DuplicatePolicy, type ImportType, type TImportMapping, type TImportPreview } from '@guanxi/common/imports';
import { Alert, App, Button, Card, Flex, Input, Radio, Select, Space, Steps, Table, Tag, Tooltip, Typography, Upload, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useCan } from '../../../lib/authorization';
import { usePreviewImport } from '../api/preview-import';
import { useStartImport } from '../api/start-import';
import { useUploadImport } from '../api/upload-import';
import { ImportProgress } from './import-progress';

const ACCEPT = '.xlsx,.xls,.csv,.txt,.tsv';

type Row = TImportPreview['rows'][number];

/**
 * The import wizard: upload → mapping editor with a live preview (problems marked per cell, duplicates flagged) →
 * duplicate policy → run with progress and cancel → result with counts and the error report.
 */
export function ImportWizard({ openImportId, onReset, customersHref }: { openImportId?: string | null; onReset?: () => void; customersHref: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(openImportId ? 3 : 0);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [defaults, setDefaults] = useState<Record<string, string>>({});
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  const can = useCan();
  const types = IMPORT_TYPES.filter((x) => can(IMPORT_MODULE[x], 'import'));
  const [type, setType] = useState<ImportType>(types[0] ?? 'customers');
  const [runningId, setRunningId] = useState<string | null>(openImportId ?? null);
  const upload = useUploadImport();
  const refresh = usePreviewImport();
  const start = useStartImport();

  const reset = () => {
    setStep(0);
    setPreview(null);
    setMapping({});
    setDefaults({});
    setRunningId(null);
    onReset?.();
  };

  const onFile = async (file: File) => {
    try {
      const p = await upload.mutateAsync({ file, type });
      setPreview(p);
      setMapping(Object.fromEntries(p.columns.filter((c) => c.field).map((c) => [String(c.index), c.field!])));
      setDefaults({});
      setStep(1);
    } catch (err) {
      message.error(isApiError(err) ? err.details[0]?.message ?? err.message : String(err));
    }
  };

  const reload = async (m: TImportMapping, d: Record<string, string>) => {
    if (!preview) return;
    try {
      setPreview(await refresh.mutateAsync({ id: preview.import.id, mapping: m, defaults: d }));
    } catch (err) {
      message.error(isApiError(err) ? err.details[0]?.message ?? err.message : String(err));
    }
  };

  const setColumn = (index: number, field: string | null) => {
    const next = Object.fromEntries(Object.entries(mapping).filter(([col, f]) => col !== String(index) && f !== field));
    if (field) next[String(index)] = field;
    setMapping(next);
    void reload(next, defaults);
  };

  const fields = preview?.fields ?? [];
  const mapped = new Set(Object.values(mapping));
  const has = (key: string) => mapped.has(key) || !!defaults[key]?.trim();
  const missing = fields.filter((f) => f.required && !has(f.key)).map((f) => f.label);
  // Contacts and follow-ups name their customer by number or by name: one of the two must be mapped.
  if (preview && preview.import.type !== 'customers' && !has('customerNumber') && !has('customerName')) missing.unshift(t('imports.customerRef'));
  const previewType = preview?.import.type ?? type;

  const begin = async () => {
    if (!preview) return;
    try {
      const job = await start.mutateAsync({ id: preview.import.id, mapping, duplicatePolicy: policy, defaults });
      setRunningId(job.id);
      setStep(3);
    } catch (err) {
      message.error(isApiError(err) ? err.details.map((d) => d.message).join('；') || err.message : String(err));
    }
  };

  return (
    <Card>
      <Steps
        current={step}
        style={{ marginBottom: 24 }}
        items={[{ title: t('imports.steps.upload') }, { title: t('imports.steps.mapping') }, { title: t('imports.steps.policy') }, { title: t('imports.steps.run') }]}
      />
      {step === 0 ? (
        <Flex vertical gap={16}>
          <Space>
            <Typography.Text>{t('imports.type')}</Typography.Text>
            <Select<ImportType> style={{ width: 260 }} value={type} aria-label={t('imports.type')}
              onChange={(v) => { setType(v); setPolicy('skip'); }}
              options={types.map((x) => ({ value: x, label: t(`imports.types.${x}`) }))} />
          </Space>
          <Typography.Text type="secondary">{t(`imports.typeHelp.${type}`)}</Typography.Text>
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={(file) => {
              void onFile(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{upload.isPending ? t('imports.uploading') : t('imports.dropTitle')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint')}</p>
          </Upload.Dragger>
        </Flex>
      ) : null}
      {step === 1 && preview ? (
        <MappingStep
          preview={preview}
          mapping={mapping}
          defaults={defaults}
          missing={missing}
          loading={refresh.isPending}
          onColumn={setColumn}
          onDefault={(key, value) => setDefaults((d) => ({ ...d, [key]: value }))}
          onRefresh={() => void reload(mapping, defaults)}
          onBack={reset}
          onNext={() => setStep(2)}
        />
      ) : null}
      {step === 2 && preview ? (
        <Flex vertical gap={16}>
          <Typography.Title level={5} style={{ margin: 0 }}>{t(`imports.policyTitles.${previewType}`)}</Typography.Title>
          <Typography.Text type="secondary">{t(`imports.policyHelps.${previewType}`)}</Typography.Text>
          <Radio.Group value={policy} onChange={(e) => setPolicy(e.target.value as DuplicatePolicy)}>
            <Space direction="vertical">
              {IMPORT_POLICIES[previewType].map((p) => (
                <Radio key={p} value={p}>{t(previewType === 'customers' ? `imports.policies.${p}` : `imports.kindPolicies.${p}`)}</Radio>
              ))}
            </Space>
          </Radio.Group>
          <Flex gap={8}>
            <Button onClick={() => setStep(1)}>{t('imports.back')}</Button>
            <Button type="primary" loading={start.isPending} onClick={() => void begin()}>{t('imports.start')}</Button>
          </Flex>
        </Flex>
      ) : null}
      {step === 3 && runningId ? <ImportProgress id={runningId} onAnother={reset} customersHref={customersHref} /> : null}
    </Card>
  );
}

type MappingStepProps = {
  preview: TImportPreview;
  mapping: TImportMapping;
  defaults: Record<string, string>;
  missing: string[];
  loading: boolean;
  onColumn: (index: number, field: string | null) => void;
  onDefault: (key: string, value: string) => void;
  onRefresh: () => void;
  onBack: () => void;
  onNext: () => void;
};

function MappingStep({ preview, mapping, defaults, missing, loading, onColumn, onDefault, onRefresh, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation();
  const fieldOptions = useMemo(
    () => [
      { value: '', label: t('imports.skipColumn') },
      ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} *` : f.label })),
    ],
    [preview.fields, t],
  );
  const labelOf = (key: string | undefined) => preview.fields.find((f) => f.key === key)?.label;
  const sample = (index: number) => preview.rows.map((r) => r.cells[index]).find((c) => c && c.trim()) ?? '';
  const unmappedRequired = preview.fields.filter((f) => f.required && !Object.values(mapping).includes(f.key));

  const mappingColumns: TableProps<TImportPreview['columns'][number]>['columns'] = [
    { title: t('imports.column'), dataIndex: 'header', width: 220, render: (h: string, c) => h || `#${c.index + 1}` },
    {
      title: t('imports.mapTo'),
      width: 240,
      render: (_, c) => (
        <Select
          style={{ width: 220 }}
          showSearch
          optionFilterProp="label"
          value={mapping[String(c.index)] ?? ''}
          options={fieldOptions}
          onChange={(v: string) => onColumn(c.index, v || null)}
          aria-label={`${t('imports.mapTo')} ${c.header}`}
        />
      ),
    },
    { title: t('imports.sample'), render: (_, c) => <Typography.Text type="secondary" ellipsis>{sample(c.index)}</Typography.Text> },
  ];

  const previewColumns: TableProps<Row>['columns'] = [
    { title: t('imports.rowNo'), dataIndex: 'row', width: 70, fixed: 'left' },
    {
      title: t('imports.rowStatus'),
      width: 150,
      fixed: 'left',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.problems.length ? <Tag color="error">{t('imports.problems', { count: r.problems.length })}</Tag> : <Tag color="success">{t('imports.ok')}</Tag>}
          {r.duplicate ? <Tag color="warning">{r.duplicate === 'db' ? t('imports.duplicateDb') : t('imports.duplicateFile')}</Tag> : null}
        </Space>
      ),
    },
    ...preview.columns.map((c) => ({
      key: String(c.index),
      width: 160,
      title: (
        <Flex vertical>
          <span>{c.header || `#${c.index + 1}`}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>→ {labelOf(mapping[String(c.index)]) ?? t('imports.skipColumn')}</Typography.Text>
        </Flex>
      ),
      render: (_: unknown, r: Row) => {
        const problems = r.problems.filter((p) => p.column === c.index);
        const text = r.cells[c.index] ?? '';
        if (!problems.length) return text;
        return (
          <Tooltip title={problems.map((p) => p.message).join('；')}>
            <span data-testid="bad-cell" style={{ background: '#fff1f0', color: '#cf1322', border: '1px solid #ffa39e', borderRadius: 4, padding: '0 4px' }}>
              {text || '—'}
            </span>
          </Tooltip>
        );
      },
    })),
    {
      key: 'other',
      width: 260,
      title: t('imports.otherProblems'),
      render: (_: unknown, r: Row) => (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {r.problems.filter((p) => p.column === null).map((p) => p.message).join('；')}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">
        {t('imports.fileInfo', { name: preview.import.fileName, row: preview.headerRow, format: `${preview.import.format}${preview.import.encoding ? ` · ${preview.import.encoding}` : ''}` })}
      </Typography.Text>
      <Typography.Title level={5} style={{ margin: 0 }}>{t('imports.mappingTitle')}</Typography.Title>
      <Typography.Text type="secondary">{t('imports.mappingHelp')}</Typography.Text>
      <Table rowKey="index" size="small" pagination={false} columns={mappingColumns} dataSource={preview.columns} scroll={{ y: 320 }} />
      {unmappedRequired.length ? (
        <Card size="small" title={t('imports.defaultsTitle')}>
          <Typography.Paragraph type="secondary">{t('imports.defaultsHelp')}</Typography.Paragraph>
          <Flex gap={12} wrap>
            {unmappedRequired.map((f) => (
              <Input
                key={f.key}
                addonBefore={f.label}
                style={{ width: 280 }}
                value={defaults[f.key] ?? ''}
                onChange={(e) => onDefault(f.key, e.target.value)}
                onBlur={onRefresh}
              />
            ))}
          </Flex>
        </Card>
      ) : null}
      {missing.length ? <Alert type="warning" showIcon message={t('imports.missingRequired', { fields: missing.join('、') })} /> : null}
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>{t('imports.previewTitle', { count: preview.rows.length })}</Typography.Title>
        <Button onClick={onRefresh} loading={loading}>{t('imports.refresh')}</Button>
      </Flex>
      <Typography.Text type="secondary">{t('imports.previewHelp')}</Typography.Text>
      <Table
        rowKey="row"
        size="small"
        loading={loading}
        pagination={false}
        columns={previewColumns}
        dataSource={preview.rows}
        scroll={{ x: 230 + preview.columns.length * 160 + 260, y: 420 }}
      />
      <Flex gap={8}>
        <Button onClick={onBack}>{t('imports.back')}</Button>
        <Button type="primary" disabled={missing.length > 0} onClick={onNext}>{t('imports.next')}</Button>
      </Flex>
    </Flex>
  );
}
