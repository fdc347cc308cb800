import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/use-document-title';

type PageHeaderProps = { title: string; description?: ReactNode; extra?: ReactNode };

/** The same title block on every page: title, one line of explanation, actions on the right. */
export function PageHeader({ title, description, extra }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Flex className="gx-page-header" justify="space-between" align="flex-start" gap={16} wrap>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description ? (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        ) : null}
      </div>
      {extra ? <Flex gap={8}>{extra}</Flex> : null}
    </Flex>
  );
}
