import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { ForbiddenResult } from './result-pages';

type QueryErrorProps = { error: unknown; onRetry?: () => void };

/** A failed page load: the 403 page when the role lacks the right, else the server's message and a retry. */
export function QueryError({ error, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) return <ForbiddenResult />;
  const message = error instanceof ApiError ? error.message : t('errors.unexpectedClient');
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={message}
      extra={onRetry ? <Button onClick={onRetry}>{t('common.retry')}</Button> : null}
    />
  );
}
