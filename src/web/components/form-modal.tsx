// A modal holding one form: submit runs an API call, shows the server's message on failure and
// keeps the modal open; on success it closes and tells the caller.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorAlert } from './ui';
import { FIELD_LABELS } from '../labels';
import { parseDateVi } from '../../shared/vn';

type Props = {
  title: string;
  opened: boolean;
  onClose: () => void;
  /** Throw to keep the modal open; the error (ApiError or Error) is shown above the fields. */
  onSubmit: () => Promise<void>;
  submitLabel?: string;
  error: unknown;
  setError: (e: unknown) => void;
  children: ReactNode;
  size?: string;
  labels?: Record<string, string>;
};

export function FormModal({ title, opened, onClose, onSubmit, submitLabel = 'Lưu', error, setError, children, size = 'lg', labels }: Props) {
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    setError(null);
    setBusy(true);
    try {
      await onSubmit();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} fullScreen={false} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {error ? <ErrorAlert error={error} labels={{ ...FIELD_LABELS, ...labels }} /> : null}
          {children}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose}>Hủy</Button>
            <Button type="submit" loading={busy}>{submitLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** An error raised by the form itself (before calling the API), shown like a server message. */
export class FormCheckError extends Error {
  override name = "FormCheckError";
}

/** dd/mm/yyyy text → YYYY-MM-DD; a missing or invalid date stops the form with a message naming the field. */
export function requireDate(text: string, label: string): string {
  const iso = parseDateVi(text);
  if (!iso) throw new FormCheckError(text.trim() ? `${label}: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy` : `Chưa nhập ${label.toLowerCase()}`);
  return iso;
}

/** Optional date: '' → null, otherwise like requireDate. */
export function optionalDate(text: string, label: string): string | null {
  return text.trim() ? requireDate(text, label) : null;
}

/** '' → null, otherwise the trimmed text (the API takes null for an empty optional field). */
export function orNull(text: string): string | null {
  const t = text.trim();
  return t ? t : null;
}
