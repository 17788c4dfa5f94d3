// The province's CCHC indicator catalogue: every indicator with its kind and citation; province-level
// officers edit the name, citation, maximum and whether it is in use (audited on the server).
import { Badge, Button, Card, Checkbox, Collapse, NumberInput, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { FormModal } from './form-modal';
import { ErrorAlert, Loading } from './ui';

type TEntry = { code: string; name: string; group: string; type: string; unitLabel: string | null; max: number | null; citation: string | null; builtin: boolean; active: boolean; formula: unknown };
const TYPE_LABELS: Record<string, string> = { number: 'Số', percent: 'Tỷ lệ (%)', text: 'Văn bản', yes_no: 'Có/Không', file: 'Tệp minh chứng' };

export function ReportCatalogue({ canEdit }: { canEdit: boolean }) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState<TEntry | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form, setForm] = useState({ name: '', citation: '', max: '' as number | string, active: true });
  const q = useQuery({ queryKey: ['reports', 'indicators'], queryFn: () => api.get<{ items: TEntry[]; groups: Record<string, string> }>('/reports/indicators'), enabled: open });
  const edit = (e: TEntry) => { setEditing(e); setError(null); setForm({ name: e.name, citation: e.citation ?? '', max: e.max ?? '', active: e.active }); };
  return (
    <Card withBorder>
      <Button variant="subtle" onClick={() => setOpen((o) => !o)} px={0}>{open ? '▾' : '▸'} Danh mục chỉ tiêu CCHC</Button>
      <Collapse in={open}>
        {q.isLoading ? <Loading /> : q.error ? <ErrorAlert error={q.error} /> : q.data ? (
          <Table striped aria-label="Danh mục chỉ tiêu CCHC">
            <Table.Thead><Table.Tr><Table.Th>Nhóm</Table.Th><Table.Th>Chỉ tiêu</Table.Th><Table.Th>Kiểu</Table.Th><Table.Th>Căn cứ</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {q.data.items.map((e) => (
                <Table.Tr key={e.code}>
                  <Table.Td><Text size="xs">{q.data!.groups[e.group] ?? e.group}</Text></Table.Td>
                  <Table.Td>{e.name} {!e.active ? <Badge color="gray" size="xs">Ngừng dùng</Badge> : null} {e.formula ? <Badge size="xs" variant="light">tự tính</Badge> : null}</Table.Td>
                  <Table.Td>{TYPE_LABELS[e.type] ?? e.type}{e.max !== null ? `, tối đa ${e.max.toLocaleString('vi-VN')}` : ''}</Table.Td>
                  <Table.Td><Text size="xs">{e.citation}</Text></Table.Td>
                  <Table.Td>{canEdit ? <Button size="xs" variant="subtle" onClick={() => edit(e)}>Sửa</Button> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Collapse>
      <FormModal title={`Sửa chỉ tiêu: ${editing?.name ?? ''}`} opened={!!editing} onClose={() => setEditing(null)} error={error} setError={setError}
        onSubmit={async () => {
          await api.patch(`/reports/indicators/${editing!.code}`, { name: form.name, citation: form.citation || null, max: form.max === '' ? null : Number(form.max), active: form.active });
          setEditing(null);
          await qc.invalidateQueries({ queryKey: ['reports', 'indicators'] });
        }}>
        <TextInput label="Tên chỉ tiêu" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
        <NumberInput label="Giá trị tối đa" value={form.max} onChange={(v) => setForm({ ...form, max: v })} decimalSeparator="," />
        <Textarea label="Căn cứ, trích dẫn" value={form.citation} onChange={(e) => setForm({ ...form, citation: e.currentTarget.value })} autosize minRows={2} />
        <Checkbox label="Đang sử dụng" checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
      </FormModal>
    </Card>
  );
}
