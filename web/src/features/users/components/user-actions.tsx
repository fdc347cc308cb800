import { DownOutlined } from '@ant-design/icons';
import type { TUser } from '@guanxi/common/users';
import { App, Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/authorization';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useUpdateUser } from '../api/update-user';

type UserActionsProps = { user: TUser; isSelf: boolean; onEdit: () => void; onResetPassword: () => void };

export function UserActions({ user, isSelf, onEdit, onResetPassword }: UserActionsProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const update = useUpdateUser();

  const setActive = (active: boolean) =>
    update.mutate(
      { id: user.id, version: user.version, active },
      {
        onSuccess: () => notifySuccess(t(active ? 'users.activated' : 'users.deactivated', { name: user.name })),
        onError: notifyError,
      },
    );

  const more = [
    ...(can('users', 'edit') && !isSelf
      ? [{ key: 'toggle', label: user.active ? t('users.deactivate') : t('users.activate'), danger: user.active }]
      : []),
    ...(can('users', 'manage') ? [{ key: 'reset', label: t('users.resetPassword') }] : []),
  ];

  const onMore = (key: string) => {
    if (key === 'reset') return onResetPassword();
    if (!user.active) return setActive(true);
    modal.confirm({
      title: t('users.deactivate'),
      content: t('users.deactivateConfirm', { name: user.name }),
      okText: t('users.deactivate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => setActive(false),
    });
  };

  if (!can('users', 'edit') && more.length === 0) return <span>—</span>;
  return (
    <Space size={0}>
      {can('users', 'edit') ? (
        <Button type="link" size="small" onClick={onEdit}>
          {t('common.edit')}
        </Button>
      ) : null}
      {more.length ? (
        <Dropdown trigger={['click']} menu={{ items: more, onClick: ({ key }) => onMore(key) }}>
          <Button type="link" size="small">
            {t('common.more')} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
    </Space>
  );
}
