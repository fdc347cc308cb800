import { isMobile } from '@guanxi/common/phone';
import { Alert, Form, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { useDuplicates } from '../api/get-duplicates';
import { DuplicateMatches } from './duplicate-matches';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 查重 while typing: the name, the contact's mobile and email are checked (debounced) before anything is saved. */
export function DuplicateAlert({ form, excludeId }: { form: FormInstance; excludeId?: string }) {
  const { t } = useTranslation();
  const name: string = Form.useWatch('name', form) ?? '';
  const mobile: string = Form.useWatch(['contact', 'mobile'], form) ?? '';
  const email: string = Form.useWatch(['contact', 'email'], form) ?? '';
  const query = useDebouncedValue(
    {
      name: name.trim() || undefined,
      mobile: isMobile(mobile) ? mobile.trim() : undefined,
      email: EMAIL.test(email.trim()) ? email.trim() : undefined,
      excludeId,
    },
    500,
  );
  const { data: matches = [] } = useDuplicates(query);
  if (!matches.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="gx-duplicate-alert"
      message={t('customers.duplicates.title', { count: matches.length })}
      description={<DuplicateMatches matches={matches} />}
      data-testid="duplicate-alert"
    />
  );
}
