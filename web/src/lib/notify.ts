import { notification as staticNotification, type App } from 'antd';
import { ApiError } from './api-client';
import { i18next } from './i18n';

type NotificationInstance = ReturnType<typeof App.useApp>['notification'];

let instance: NotificationInstance | null = null;

/** Registered by the app provider so notifications use the themed, localized antd App context. */
export function setNotificationInstance(next: NotificationInstance | null): void {
  instance = next;
}

function notifier(): NotificationInstance {
  return instance ?? staticNotification;
}

/** Shows an error the user cannot fix in a form field: the server's message, in the UI language. */
export function notifyError(error: unknown): void {
  const description = error instanceof ApiError ? error.message : i18next.t('errors.unexpectedClient');
  const title = error instanceof ApiError && error.status === 403 ? i18next.t('errors.forbiddenTitle') : i18next.t('errors.failedTitle');
  notifier().error({ message: title, description, key: description });
}

export function notifyWarning(message: string, description?: string): void {
  notifier().warning({ message, description });
}

export function notifySuccess(message: string): void {
  notifier().success({ message, duration: 2.5 });
}
