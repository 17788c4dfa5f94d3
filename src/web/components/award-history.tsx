// Lịch sử khen thưởng of one person: table (năm học, danh hiệu / hình thức, số và ngày quyết định,
// cấp khen, số tiền, chuyên đề), "Thêm" for a manual entry and "Hủy" (with a reason) for corrections.
import { Badge, Button, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { FormCheckError, FormModal, optionalDate, orNull } from './form-modal';
import { DateField, Empty, ErrorAlert, Loading } from './ui';
import { AWARD_CODE_LABELS, AWARD_SOURCE_LABELS } from '../../shared/labels';
import { formatDateVi, formatMoneyVi, schoolYearLabel, schoolYearOf } from '../../shared/vn';

export type TAwardItem = {
  id: string; personId: string | null; unitId: string; code: string; codeLabel: string; name: string; schoolYear: number; schoolYearLabel: string;
  decisionNumber: string | null; decisionDate: string | null; authority: string | null; amount: number | null; thematic: boolean;
  source: keyof typeof AWARD_SOURCE_LABELS; voided: boolean; voidReason: string | null;
};

export const AWARD_CODE_OPTIONS = Object.entries(AWARD_CODE_LABELS).map(([value, label]) => ({ value, label }));

/** Năm học options from this year back 15 years (value = start year). */
export function schoolYearOptions(): { value: string; label: string }[] {
  const now = schoolYearOf(new Date().toISOString().slice(0, 10));
  return Array.from({ length: 16 }, (_, i) => now - i).map((y) => ({ value: String(y), label: schoolYearLabel(y) }));
}

function AddAward({ personId, onDone }: { personId: string; onDone: () => Promise<unknown> }) {
  const [opened, { open, close }] = useDisclosure(false);
  const blank = { code: 'GIAY_KHEN', name: '', schoolYear: String(schoolYearOf(new Date().toISOString().slice(0, 10))), decisionNumber: '', decisionDate: '', authority: '', amount: '' as number | string, thematic: false };
  const [f, setF] = useState(blank);
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (f.code === 'other' && !f.name.trim()) throw new FormCheckError('Chưa nhập tên hình thức khen thưởng');
    await api.post('/awards', {
      personId, code: f.code, name: orNull(f.name) ?? undefined, schoolYear: Number(f.schoolYear), decisionNumber: orNull(f.decisionNumber),
      decisionDate: optionalDate(f.decisionDate, 'Ngày quyết định'), authority: orNull(f.authority), amount: f.amount === '' ? null : Number(f.amount), thematic: f.thematic,
    });
    await onDone();
    notifications.show({ color: 'green', message: 'Đã ghi khen thưởng.' });
    setF(blank);
    close();
  };
  return (
    <>
      <Button size="xs" onClick={() => { setError(null); open(); }}>Thêm</Button>
      <FormModal title="Thêm khen thưởng" opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError}
        labels={{ code: 'Danh hiệu, hình thức', schoolYear: 'Năm học', decisionNumber: 'Số quyết định', decisionDate: 'Ngày quyết định', authority: 'Cấp khen', amount: 'Số tiền' }}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Danh hiệu, hình thức" data={AWARD_CODE_OPTIONS} value={f.code} allowDeselect={false} onChange={(v) => setF({ ...f, code: v ?? 'GIAY_KHEN' })} searchable />
          <Select label="Năm học" data={schoolYearOptions()} value={f.schoolYear} allowDeselect={false} onChange={(v) => setF({ ...f, schoolYear: v ?? f.schoolYear })} />
        </SimpleGrid>
        <TextInput label="Tên như quyết định ghi" description={f.code === 'other' ? 'Bắt buộc với hình thức khác' : 'Để trống: dùng tên danh hiệu'} value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Số quyết định" placeholder="58/QĐ-THPTPĐP" value={f.decisionNumber} onChange={(e) => setF({ ...f, decisionNumber: e.currentTarget.value })} />
          <DateField label="Ngày quyết định" value={f.decisionDate} onChange={(v) => setF({ ...f, decisionDate: v })} />
        </SimpleGrid>
        <TextInput label="Cấp khen" placeholder="Giám đốc Sở Giáo dục và Đào tạo" value={f.authority} onChange={(e) => setF({ ...f, authority: e.currentTarget.value })} />
        <NumberInput label="Số tiền (đồng)" min={0} step={100000} thousandSeparator="." decimalSeparator="," value={f.amount} onChange={(v) => setF({ ...f, amount: v })} />
        <Checkbox label="Khen thưởng chuyên đề / đột xuất (không tính làm căn cứ khen cao hơn)" checked={f.thematic} onChange={(e) => setF({ ...f, thematic: e.currentTarget.checked })} />
      </FormModal>
    </>
  );
}

function VoidAward({ award, onDone }: { award: TAwardItem; onDone: () => Promise<unknown> }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    await api.post(`/awards/${award.id}/void`, { reason: reason.trim() });
    await onDone();
    notifications.show({ color: 'green', message: 'Đã hủy khen thưởng ghi sai.' });
    close();
  };
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="red" onClick={() => { setError(null); setReason(''); open(); }}>Hủy bản ghi</Button>
      <FormModal title={`Hủy khen thưởng: ${award.name} (${award.schoolYearLabel})`} opened={opened} onClose={close} onSubmit={submit} submitLabel="Hủy khen thưởng" error={error} setError={setError} labels={{ reason: 'Lý do' }}>
        <Text size="sm">Bản ghi không bị xóa: nó được đánh dấu đã hủy, kèm lý do, và ghi vào nhật ký.</Text>
        <Textarea label="Lý do" required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

export function AwardHistory({ personId, canEdit }: { personId: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['awards', personId], queryFn: () => api.get<{ items: TAwardItem[] }>(`/awards?personId=${encodeURIComponent(personId)}`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['awards', personId] });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const items = q.data.items;
  return (
    <Stack gap="sm">
      {canEdit ? <Group><AddAward personId={personId} onDone={refresh} /></Group> : null}
      {items.length === 0 ? <Empty>Chưa có khen thưởng nào trong lịch sử.</Empty> : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped aria-label="Lịch sử khen thưởng">
            <Table.Thead>
              <Table.Tr><Table.Th>Năm học</Table.Th><Table.Th>Danh hiệu / hình thức</Table.Th><Table.Th>Số QĐ</Table.Th><Table.Th>Ngày</Table.Th><Table.Th>Cấp khen</Table.Th><Table.Th style={{ textAlign: 'right' }}>Số tiền</Table.Th>{canEdit ? <Table.Th /> : null}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.schoolYearLabel}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.name}</Text>
                    <Group gap={4}>
                      {a.name !== a.codeLabel ? <Text size="xs" c="dimmed">{a.codeLabel}</Text> : null}
                      {a.thematic ? <Badge size="xs" color="grape" variant="light">chuyên đề</Badge> : null}
                      {a.source === 'decision_import' ? <Badge size="xs" color="gray" variant="outline">{AWARD_SOURCE_LABELS[a.source]}</Badge> : null}
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.decisionNumber ?? ''}</Table.Td>
                  <Table.Td>{formatDateVi(a.decisionDate)}</Table.Td>
                  <Table.Td>{a.authority ?? ''}</Table.Td>
                  <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>{a.amount === null ? '' : formatMoneyVi(a.amount)}</Table.Td>
                  {canEdit ? <Table.Td><VoidAward award={a} onDone={refresh} /></Table.Td> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
