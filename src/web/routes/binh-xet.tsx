// Bình xét thi đua: the paginated list of review sessions in reach, and "Tạo phiên bình xét".
import { Anchor, Badge, Button, Card, Group, Select, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan, useMe } from '../auth';
import { FormCheckError, FormModal, optionalDate } from '../components/form-modal';
import { REVIEW_STATUS_COLORS, type TReviewListItem, type TReviewSession } from '../components/review-types';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';
import { useListParams } from '../components/use-list-params';
import { formatDateVi, schoolYearLabel, schoolYearOf } from '../../shared/vn';

const PAGE_SIZE = 20;
const STATUS_OPTIONS = [
  { value: 'draft', label: 'Đang chuẩn bị' },
  { value: 'open,voting', label: 'Đang họp, bỏ phiếu' },
  { value: 'closed', label: 'Đã kết thúc' },
];

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function yearOptions() {
  const y = schoolYearOf(todayIso());
  return [y + 1, y, y - 1, y - 2].map((v) => ({ value: String(v), label: `Năm học ${schoolYearLabel(v)}` }));
}

function CreateSession() {
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = [...new Map(me.roles.filter((r) => r.role === 'officer' || r.role === 'admin').map((r) => [r.unitId, r.unitName])).entries()].map(([id, name]) => ({ id, name }));
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [year, setYear] = useState(String(schoolYearOf(todayIso())));
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [location, setLocation] = useState('');

  const submit = async () => {
    if (!unitId) throw new FormCheckError('Chọn đơn vị có Hội đồng bình xét');
    const reviewDate = optionalDate(date, 'Ngày họp') ?? undefined;
    const s = await api.post<TReviewSession>('/reviews', { unitId, schoolYear: Number(year), name: name.trim() || undefined, reviewDate, location: location.trim() || null });
    await qc.invalidateQueries({ queryKey: ['reviews'] });
    setOpened(false);
    navigate(`/binh-xet/${s.id}`);
  };

  return (
    <>
      <Button onClick={() => { setError(null); setOpened(true); }}>Tạo phiên bình xét</Button>
      <FormModal title="Tạo phiên bình xét" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Tạo" error={error} setError={setError}
        labels={{ unitId: 'Đơn vị', reviewDate: 'Ngày họp', name: 'Tên phiên' }}>
        {units.length > 1 ? (
          <Select label="Đơn vị (Hội đồng TĐKT của đơn vị)" value={unitId} allowDeselect={false} data={units.map((u) => ({ value: u.id, label: u.name }))} onChange={setUnitId} />
        ) : units.length === 1 ? <Text size="sm">Đơn vị: <b>{units[0].name}</b></Text> : null}
        <Select label="Năm học" value={year} allowDeselect={false} data={yearOptions()} onChange={(v) => setYear(v ?? year)} />
        <TextInput label="Tên phiên" placeholder={`Bình xét thi đua năm học ${schoolYearLabel(Number(year))}`} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <DateField label="Ngày họp" description="Để trống là hôm nay; ngày họp chọn bộ quy tắc áp dụng" value={date} onChange={setDate} />
        <TextInput label="Địa điểm" placeholder="Phòng họp Hội đồng nhà trường" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

export default function ReviewsPage() {
  const canWrite = useCan('commendation.write');
  const canRead = useCan('commendation.read');
  const { params, q, setQ, debounced, page, update } = useListParams();
  const schoolYear = params.get('schoolYear') ?? '';
  const status = params.get('status') ?? '';
  const list = useQuery({
    queryKey: ['reviews', 'list', debounced, schoolYear, status, page],
    queryFn: () => api.get<TPage<TReviewListItem>>(`/reviews${toQuery({ q: debounced, schoolYear, status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });

  return (
    <>
      <PageTitle actions={canWrite ? <CreateSession /> : null}>Bình xét thi đua</PageTitle>
      <Card withBorder padding="sm">
        <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">
          <TextInput label="Tìm phiên" placeholder="Tên phiên, gõ không dấu cũng được" value={q} miw={200} onChange={(e) => { setQ(e.currentTarget.value); update({ q: e.currentTarget.value, page: '' }); }} />
          <Select label="Năm học" placeholder="Tất cả" clearable value={schoolYear || null} miw={160} data={yearOptions()} onChange={(v) => update({ schoolYear: v ?? '', page: '' })} />
          <Select label="Trạng thái" placeholder="Tất cả" clearable value={status || null} miw={160} data={STATUS_OPTIONS} onChange={(v) => update({ status: v ?? '', page: '' })} />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Chưa có phiên bình xét nào.</Empty> : list.data ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label="Danh sách phiên bình xét">
              <Table.Thead>
                <Table.Tr><Table.Th>Phiên bình xét</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Ngày họp</Table.Th><Table.Th>Hội đồng</Table.Th><Table.Th>Ứng viên</Table.Th><Table.Th>Trạng thái</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/binh-xet/${s.id}`} size="sm">{s.name}</Anchor>
                      <Text size="xs" c="dimmed">{s.period}</Text>
                    </Table.Td>
                    <Table.Td><Text size="sm">{s.unitName}</Text></Table.Td>
                    <Table.Td><Text size="sm">{formatDateVi(s.reviewDate)}</Text></Table.Td>
                    <Table.Td><Text size="sm">{s.memberCount} thành viên</Text></Table.Td>
                    <Table.Td><Text size="sm">{s.candidateCount}{s.passedCount !== null ? ` (đạt ${s.passedCount})` : ''}</Text></Table.Td>
                    <Table.Td><Badge variant="light" color={REVIEW_STATUS_COLORS[s.status]}>{s.statusLabel}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {list.data ? <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => update({ page: String(p) })} /> : null}
      </Card>
    </>
  );
}
