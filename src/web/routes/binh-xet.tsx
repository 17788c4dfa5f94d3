// Bình xét thi đua: the paginated list of review sessions in reach, and "Tạo phiên bình xét".
import { Badge, Button, Card, Select, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan } from '../auth';
import { FormCheckError, FormModal, optionalDate } from '../components/form-modal';
import { REVIEW_STATUS_COLORS, type TReviewListItem, type TReviewSession } from '../components/review-types';
import { currentSchoolYear, schoolYearOptions, useOfficerUnits } from '../components/options';
import { LinkCell, ListFilters, PagedTable, SearchFilter, SelectFilter, type TColumn } from '../components/paged-list';
import { DateField, PageTitle } from '../components/ui';
import { useListParams } from '../components/use-list-params';
import { formatDateVi, schoolYearLabel } from '../../shared/vn';

const PAGE_SIZE = 20;
const STATUS_OPTIONS = [
  { value: 'draft', label: 'Đang chuẩn bị' },
  { value: 'open,voting', label: 'Đang họp, bỏ phiếu' },
  { value: 'closed', label: 'Đã kết thúc' },
];

const yearOptions = () => schoolYearOptions(1, 2);

const COLUMNS: TColumn<TReviewListItem>[] = [
  { header: 'Phiên bình xét', cell: (s) => <LinkCell to={`/binh-xet/${s.id}`} sub={s.period}>{s.name}</LinkCell> },
  { header: 'Đơn vị', cell: (s) => s.unitName },
  { header: 'Ngày họp', cell: (s) => formatDateVi(s.reviewDate) },
  { header: 'Hội đồng', cell: (s) => `${s.memberCount} thành viên` },
  { header: 'Ứng viên', cell: (s) => `${s.candidateCount}${s.passedCount !== null ? ` (đạt ${s.passedCount})` : ''}` },
  { header: 'Trạng thái', cell: (s) => <Badge variant="light" color={REVIEW_STATUS_COLORS[s.status]}>{s.statusLabel}</Badge> },
];

function CreateSession() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useOfficerUnits();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [year, setYear] = useState(String(currentSchoolYear()));
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
  const list = useListParams();
  const { params, debounced, page } = list;
  const schoolYear = params.get('schoolYear') ?? '';
  const status = params.get('status') ?? '';
  const query = useQuery({
    queryKey: ['reviews', 'list', debounced, schoolYear, status, page],
    queryFn: () => api.get<TPage<TReviewListItem>>(`/reviews${toQuery({ q: debounced, schoolYear, status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
    enabled: canRead,
  });

  return (
    <>
      <PageTitle actions={canWrite ? <CreateSession /> : null}>Bình xét thi đua</PageTitle>
      <Card withBorder padding="sm">
        <ListFilters>
          <SearchFilter list={list} label="Tìm phiên" placeholder="Tên phiên, gõ không dấu cũng được" />
          <SelectFilter list={list} param="schoolYear" label="Năm học" data={yearOptions()} />
          <SelectFilter list={list} param="status" label="Trạng thái" data={STATUS_OPTIONS} />
        </ListFilters>
        <PagedTable query={query} list={list} label="Danh sách phiên bình xét" empty="Chưa có phiên bình xét nào." columns={COLUMNS} minWidth={720} pageSize={PAGE_SIZE} />
      </Card>
    </>
  );
}
