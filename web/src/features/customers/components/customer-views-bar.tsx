import { DeleteOutlined, DownOutlined, EditOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import type { TSavedView, TViewConfig } from '@guanxi/common/views';
import { App, Button, Dropdown, Flex, Tabs, Tooltip } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../lib/notify';
import { useDeleteView } from '../api/delete-view';
import { useViews } from '../api/get-views';
import { useUpdateView } from '../api/update-view';
import { SaveViewModal } from './save-view-modal';

type ViewsBarProps = {
  activeId?: string;
  /** The list as it is now, as a view would save it. */
  config: TViewConfig;
  onSelect: (view: TSavedView | null) => void;
  /** More buttons at the end of the bar (the column chooser). */
  extra?: ReactNode;
};

const normalise = (c: TViewConfig) =>
  JSON.stringify({ filter: c.filter ?? null, q: c.q || null, sort: c.sort || null, columns: c.columns ?? [], pageSize: c.pageSize ?? null });

/** Saved views (personal and shared) as tabs above the list, with save / save as / rename / delete. */
export function CustomerViewsBar({ activeId, config, onSelect, extra: more }: ViewsBarProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { data: views = [] } = useViews();
  const update = useUpdateView();
  const remove = useDeleteView();
  const [editing, setEditing] = useState<{ open: boolean; view?: TSavedView }>({ open: false });
  const active = views.find((v) => v.id === activeId);
  const dirty = active ? normalise(active.config) !== normalise(config) : false;

  const saveChanges = async () => {
    if (!active) return;
    await update.mutateAsync({ id: active.id, version: active.version, config });
    notifySuccess(t('customers.viewSaved', { name: active.name }));
  };
  const confirmDelete = (view: TSavedView) =>
    modal.confirm({
      title: t('customers.deleteViewConfirm', { name: view.name }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: async () => {
        await remove.mutateAsync(view.id);
        onSelect(null);
      },
    });

  const extra = (
    <Flex gap={8} align="center">
      {active?.canEdit && dirty ? (
        <Button size="small" type="primary" ghost icon={<SaveOutlined />} loading={update.isPending} onClick={() => void saveChanges()}>
          {t('customers.saveView')}
        </Button>
      ) : null}
      <Button size="small" icon={<SaveOutlined />} onClick={() => setEditing({ open: true })}>
        {t('customers.saveAsView')}
      </Button>
      {active?.canEdit ? (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'edit', icon: <EditOutlined />, label: t('customers.editView') },
              { key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('customers.deleteView') },
            ],
            onClick: ({ key }) => (key === 'edit' ? setEditing({ open: true, view: active }) : confirmDelete(active)),
          }}
        >
          <Button size="small" aria-label={t('common.more')}>
            {t('customers.viewActions')} <DownOutlined />
          </Button>
        </Dropdown>
      ) : null}
      {more}
    </Flex>
  );

  return (
    <>
      <Tabs
        className="gx-views-tabs"
        activeKey={activeId ?? ''}
        onChange={(key) => onSelect(views.find((v) => v.id === key) ?? null)}
        tabBarExtraContent={extra}
        items={[
          { key: '', label: t('customers.allCustomers') },
          ...views.map((v) => ({
            key: v.id,
            label: (
              <Tooltip title={v.shared ? t('customers.sharedBy', { name: v.ownerName ?? '—' }) : undefined}>
                <span>
                  {v.name}
                  {v.shared ? <TeamOutlined style={{ marginInlineStart: 6, color: '#8c8c8c' }} /> : null}
                  {v.id === activeId && dirty ? <span className="gx-dirty-dot" /> : null}
                </span>
              </Tooltip>
            ),
          })),
        ]}
      />
      <SaveViewModal
        open={editing.open}
        view={editing.view}
        config={config}
        onClose={() => setEditing({ open: false })}
        onSaved={(view) => {
          // A new view opens; a renamed one keeps whatever the list shows now.
          if (!editing.view) onSelect(view);
          setEditing({ open: false });
        }}
      />
    </>
  );
}
