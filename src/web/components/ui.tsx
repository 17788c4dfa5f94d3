// Small building blocks shared by every page: error alert, loading state, pager, date field.
import { Alert, Center, Group, Loader, Pagination, Text, TextInput, Title, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';
import { formatDateVi, parseDateVi } from '../../shared/vn';

export function ErrorAlert({ error, labels, title = 'Không thực hiện được' }: { error: unknown; labels?: Record<string, string>; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" title={title} role="alert" mb="sm">
      {errorMessage(error, labels)}
    </Alert>
  );
}

export function Loading({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <Center py="lg" aria-busy="true">
      <Group gap="xs">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function PageTitle({ children, actions }: { children: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="center" mb="md" wrap="wrap" gap="sm">
      <Title order={2} size="h3">{children}</Title>
      {actions ? <Group gap="xs" wrap="wrap">{actions}</Group> : null}
    </Group>
  );
}

/** `capped`: the server counted only up to `total` (a broad name search); say "hơn" and keep paging to there. */
export function Pager({ page, pageSize, total, capped = false, onChange }: { page: number; pageSize: number; total: number; capped?: boolean; onChange: (page: number) => void }) {
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm" wrap="wrap" gap="xs">
      <Text size="sm" c="dimmed">{capped ? `${from}–${to} / hơn ${total.toLocaleString('vi-VN')} kết quả — gõ thêm để thu hẹp` : `${from}–${to} / ${total.toLocaleString('vi-VN')} kết quả`}</Text>
      {pages > 1 ? (
        <Pagination total={pages} value={page} onChange={onChange} size="sm" siblings={1} boundaries={1}
          getControlProps={(control) => ({ 'aria-label': control === 'next' ? 'Trang sau' : control === 'previous' ? 'Trang trước' : control === 'first' ? 'Trang đầu' : 'Trang cuối' })} />
      ) : null}
    </Group>
  );
}

/** A date typed as dd/mm/yyyy; `value` is that text. Use parseDateField to get YYYY-MM-DD. */
export function DateField(props: Omit<TextInputProps, 'onChange'> & { value: string; onChange: (text: string) => void }) {
  const { value, onChange, error, ...rest } = props;
  const bad = value.trim() !== '' && !parseDateVi(value);
  return (
    <TextInput
      placeholder="dd/mm/yyyy"
      inputMode="numeric"
      {...rest}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error ?? (bad ? 'Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy' : undefined)}
    />
  );
}

export function todayVi(): string {
  const d = new Date();
  return formatDateVi(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
}

/** dd/mm/yyyy → YYYY-MM-DD; '' → null; an invalid date → undefined (the field shows its own error). */
export function parseDateField(text: string): string | null | undefined {
  if (!text.trim()) return null;
  return parseDateVi(text) ?? undefined;
}

/** ISO timestamp → "dd/mm/yyyy HH:mm" in the browser's time zone. */
export function formatDateTimeVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return formatDateVi(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function Empty({ children }: { children: ReactNode }) {
  return <Text c="dimmed" size="sm" py="sm">{children}</Text>;
}
