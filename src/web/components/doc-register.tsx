// Sổ văn bản đi tab: every number of a unit's register for a year with its status (đã cấp, giữ số,
// đã hủy); reserve a number, record a reserved number as issued, cancel it with a reason.
import { Button, Card, Group, NumberInput, Select, Table, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan } from '../auth';
import { formatDateVi } from '../../shared/vn';
import { FormModal, orNull, requireDate } from './form-modal';
import { DateField, Empty, ErrorAlert, Loading, Pager, todayVi } from './ui';
import { DocUnitPicker, REGISTER_STATUS_LABELS, REGISTER_TYPE_OPTIONS, RegisterStatusBadge, bareNumber, useUnitChoice, type TRegisterEntry } from './doc-shared';

const PAGE_SIZE = 50;
const LABELS = { typeCode: 'Loại văn bản', reason: 'Lý do', issuedDate: 'Ngày ban hành', signerName: 'Người ký', summary: 'Trích yếu', note: 'Ghi chú' };

function ReserveModal({ unitId, year, opened, onClose, onDone }: { unitId: string; year: number; opened: boolean; onClose: () => void; onDone: (e: TRegisterEntry) => void }) {
  const [typeCode, setTypeCode] = useState<string>('KH');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <FormModal title="Giữ số văn bản" opened={opened} onClose={onClose} error={error} setError={setError} submitLabel="Giữ số" labels={LABELS} size="md"
      onSubmit={async () => {
        const entry = await api.post<TRegisterEntry>('/documents/register/reserve', { unitId, year, typeCode: typeCode || null, note: orNull(note) ?? undefined });
        onDone(entry);
      }}>
      <Select label="Loại văn bản" data={REGISTER_TYPE_OPTIONS} value={typeCode} onChange={(v) => setTypeCode(v ?? '')} allowDeselect={false} />
      <Textarea label="Ghi chú (văn bản dự kiến dùng số này)" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
    </FormModal>
  );
}

function CancelModal({ entry, onClose, onDone }: { entry: TRegisterEntry | null; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  return (
    <FormModal title={`Hủy số ${entry ? bareNumber(entry.numberText) : ''}`} opened={!!entry} onClose={onClose} error={error} setError={setError} submitLabel="Hủy số" labels={LABELS} size="md"
      onSubmit={async () => {
        await api.post(`/documents/register/${entry!.id}/cancel`, { reason });
        setReason('');
        onDone();
      }}>
      <Text size="sm">Số đã hủy không bao giờ được cấp lại.</Text>
      <Textarea label="Lý do hủy" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-autofocus />
    </FormModal>
  );
}

function IssueReservedModal({ entry, onClose, onDone }: { entry: TRegisterEntry | null; onClose: () => void; onDone: () => void }) {
  const [date, setDate] = useState(todayVi());
  const [signer, setSigner] = useState('');
  const [summary, setSummary] = useState(entry?.note ?? '');
  const [error, setError] = useState<unknown>(null);
  return (
    <FormModal title={`Ghi ban hành số ${entry ? bareNumber(entry.numberText) : ''}`} opened={!!entry} onClose={onClose} error={error} setError={setError} submitLabel="Ghi vào sổ" labels={LABELS} size="md"
      onSubmit={async () => {
        await api.post(`/documents/register/${entry!.id}/issue`, { issuedDate: requireDate(date, 'Ngày ban hành'), signerName: signer.trim(), summary: summary.trim() });
        onDone();
      }}>
      <Text size="sm" c="dimmed">Dùng cho văn bản soạn ngoài hệ thống đã ký với số này.</Text>
      <DateField label="Ngày ban hành" required value={date} onChange={setDate} />
      <TextInput label="Người ký" required value={signer} onChange={(e) => setSigner(e.currentTarget.value)} />
      <Textarea label="Trích yếu" required value={summary} onChange={(e) => setSummary(e.currentTarget.value)} autosize minRows={2} />
    </FormModal>
  );
}

export function DocumentRegister() {
  const qc = useQueryClient();
  const canWrite = useCan('document.write');
  const [unit, setUnit] = useUnitChoice();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [status, setStatus] = useState<string>('');
  const [page, setPage] = useState(1);
  const [reserving, setReserving] = useState(false);
  const [cancelling, setCancelling] = useState<TRegisterEntry | null>(null);
  const [issuing, setIssuing] = useState<TRegisterEntry | null>(null);
  const list = useQuery({
    queryKey: ['documents', 'register', unit?.id, year, status, page],
    queryFn: () => api.get<TPage<TRegisterEntry>>(`/documents/register${toQuery({ unitId: unit!.id, year, status, page, pageSize: PAGE_SIZE })}`),
    enabled: !!unit,
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['documents'] });

  return (
    <Card withBorder padding="sm">
      <Group wrap="wrap" mb="sm" align="flex-end">
        <DocUnitPicker value={unit} onChange={(u) => { setUnit(u); setPage(1); }} label="Đơn vị ban hành" />
        <NumberInput label="Năm" value={year} onChange={(v) => { setYear(Number(v) || new Date().getFullYear()); setPage(1); }} min={2000} max={2100} w={110} />
        <Select label="Trạng thái" placeholder="Tất cả" clearable value={status || null} w={160}
          data={Object.entries(REGISTER_STATUS_LABELS).map(([k, v]) => ({ value: k === 'issued' ? 'issued' : k, label: v }))} onChange={(v) => { setStatus(v ?? ''); setPage(1); }} />
        {canWrite && unit ? <Button onClick={() => setReserving(true)}>Giữ số</Button> : null}
      </Group>
      {!unit ? <Empty>Chọn đơn vị để xem sổ văn bản đi.</Empty> : null}
      <ErrorAlert error={list.error} />
      {unit && list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Sổ năm {year} chưa có số nào.</Empty> : list.data ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Sổ văn bản đi">
            <Table.Thead>
              <Table.Tr><Table.Th>Số, ký hiệu</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th>Trích yếu / ghi chú</Table.Th><Table.Th>Ngày</Table.Th><Table.Th>Người ký</Table.Th><Table.Th /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td><Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{bareNumber(r.numberText)}</Text></Table.Td>
                  <Table.Td><RegisterStatusBadge status={r.status} /></Table.Td>
                  <Table.Td>
                    {r.documentId ? <Text component={Link} to={`/van-ban/${r.documentId}`} size="sm" c="blue.8">{r.summary ?? 'Văn bản'}</Text> : <Text size="sm">{r.summary ?? r.note ?? ''}</Text>}
                    {r.status === 'cancelled' && r.cancelReason ? <Text size="xs" c="dimmed">Lý do hủy: {r.cancelReason}</Text> : null}
                  </Table.Td>
                  <Table.Td><Text size="sm">{formatDateVi(r.issuedDate ?? r.cancelledAt?.slice(0, 10) ?? r.reservedAt.slice(0, 10))}</Text></Table.Td>
                  <Table.Td><Text size="sm">{r.signerName ?? ''}</Text></Table.Td>
                  <Table.Td>
                    {canWrite && r.status === 'reserved' ? (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="light" onClick={() => setIssuing(r)}>Ghi ban hành</Button>
                        <Button size="compact-xs" variant="light" color="red" onClick={() => setCancelling(r)}>Hủy số</Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} /> : null}
      {unit ? (
        <ReserveModal unitId={unit.id} year={year} opened={reserving} onClose={() => setReserving(false)}
          onDone={(e) => { setReserving(false); notifications.show({ color: 'green', message: `Đã giữ số ${bareNumber(e.numberText)}` }); void refresh(); }} />
      ) : null}
      <CancelModal entry={cancelling} onClose={() => setCancelling(null)} onDone={() => { setCancelling(null); notifications.show({ message: 'Đã hủy số' }); void refresh(); }} />
      {issuing ? <IssueReservedModal key={issuing.id} entry={issuing} onClose={() => setIssuing(null)} onDone={() => { setIssuing(null); void refresh(); }} /> : null}
    </Card>
  );
}
