import type { TErrorDetail } from '@guanxi/common/errors';
import { issuesToDetails } from '@guanxi/common/validation';
import { Form, type FormInstance } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api-client';
import { currentLocale, i18next } from './i18n';
import { notifyError, notifyWarning } from './notify';

/**
 * A refinement message for rules that exist only in a web form (e.g. "passwords match"): `t:<i18n key>`.
 * Every other message comes from the shared schema through issuesToDetails, as on the server.
 */
export const webRule = (key: string) => ({ message: `t:${key}` });

type Issue = z.core.$ZodIssue;

/** Zod issues → field details in the UI language, exactly as the server would phrase them. */
export function detailsFromIssues(issues: readonly Issue[], input: unknown): TErrorDetail[] {
  const shared = issues.filter((i) => !i.message.startsWith('t:'));
  const local = issues
    .filter((i) => i.message.startsWith('t:'))
    .map((i) => ({ field: i.path.map(String).join('.'), message: i18next.t(i.message.slice(2) as 'errors.unexpectedClient') }));
  return [...issuesToDetails(shared, input, currentLocale()), ...local];
}

const toNamePath = (field: string) => field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** Puts each detail under its form field; returns the details that match no field of the form. */
export function applyFieldErrors(form: FormInstance, details: readonly TErrorDetail[]): TErrorDetail[] {
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const matched = details.filter((d) => known.has(d.field));
  const byField = new Map<string, string[]>();
  for (const d of matched) byField.set(d.field, [...(byField.get(d.field) ?? []), d.message]);
  form.setFields([...byField].map(([field, errors]) => ({ name: toNamePath(field), errors })));
  const first = matched[0];
  if (first) form.scrollToField(toNamePath(first.field), { block: 'center' });
  return details.filter((d) => !known.has(d.field));
}

type NamePath = Array<string | number>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Every path (and its prefixes) touched by an antd `changedValues` object. */
function changedPaths(changed: Record<string, unknown>, prefix: NamePath = []): NamePath[] {
  return Object.entries(changed).flatMap(([key, value]) => {
    const path = [...prefix, key];
    return isPlainObject(value) ? [path, ...changedPaths(value, path)] : [path];
  });
}

type SubmitOptions<S extends z.ZodType> = {
  schema: S;
  /** Shapes raw antd values into the request (e.g. drop unchanged fields) before validation. */
  prepare?: (values: Record<string, unknown>) => unknown;
  onSubmit: (data: z.output<S>) => Promise<unknown>;
  /** Return true when the error was shown another way (e.g. an alert on the login form). */
  onError?: (error: ApiError) => boolean;
  /** After a 409 VERSION_CONFLICT (the message is shown): reload the record. */
  onConflict?: () => void;
};

/**
 * One validation language for every form: the shared Z…Request schema runs on submit, and both its issues and
 * the server's 400 details land on the same antd fields. Other errors become a notification.
 */
export function useSchemaForm<S extends z.ZodType>(options: SubmitOptions<S>) {
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);

  const handleError = (error: unknown) => {
    if (!(error instanceof ApiError)) return notifyError(error);
    if (options.onError?.(error)) return;
    if (error.code === 'VERSION_CONFLICT') {
      notifyWarning(error.message);
      options.onConflict?.();
      return;
    }
    const unmatched = applyFieldErrors(form, error.details);
    if (error.details.length === 0) return notifyError(error);
    if (unmatched.length) notifyError(new ApiError(error.status, error.code, unmatched.map((d) => d.message).join('；')));
  };

  // Errors set by hand (schema or server) stay until cleared: clear a field's error once the user edits it
  // (nested fields such as contact.mobile or address.city arrive as nested objects).
  const onValuesChange = (changed: Record<string, unknown>) => {
    const stale = changedPaths(changed).filter((name) => form.getFieldError(name).length > 0);
    if (stale.length) form.setFields(stale.map((name) => ({ name, errors: [] })));
  };

  const onFinish = async (values: Record<string, unknown>) => {
    form.setFields(form.getFieldsError().filter((f) => f.errors.length).map((f) => ({ name: f.name, errors: [] })));
    const input = options.prepare ? options.prepare(values) : values;
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) {
      const unmatched = applyFieldErrors(form, detailsFromIssues(parsed.error.issues, input));
      if (unmatched.length) notifyError(new ApiError(400, 'VALIDATION_FAILED', unmatched.map((d) => d.message).join('；')));
      return;
    }
    setSubmitting(true);
    try {
      await options.onSubmit(parsed.data);
    } catch (error) {
      handleError(error);
    } finally {
      setSubmitting(false);
    }
  };

  return { form, onFinish, onValuesChange, submitting, formProps: { form, onFinish, onValuesChange } };
}

/**
 * Only the fields whose value differs from the record, for PATCH bodies: masked values are never sent back, and a
 * cleared select (undefined) becomes null, which the API reads as "no value".
 */
export function changedFields(values: Record<string, unknown>, original: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const next = value ?? null;
    if (JSON.stringify(next) !== JSON.stringify(original[key] ?? null)) out[key] = next;
  }
  return out;
}
