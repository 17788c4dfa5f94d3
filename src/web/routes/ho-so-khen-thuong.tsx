// Hồ sơ khen thưởng: dossiers sent by my units or addressed to them (paginated), and "Lập hồ sơ" from a
// closed review session or by hand.
import { ActionIcon, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage, TPerson } from '../api/types';
import { useCan } from '../auth';
import { DOSSIER_STATUS_COLORS, DOSSIER_STATUS_OPTIONS, type TDossier, type TDossierDetail } from '../components/dossier-types';
import { FormCheckError, FormModal } from '../components/form-modal';
import { AWARD_TITLE_OPTIONS, currentSchoolYear, schoolYearOptions, useOfficerUnits } from '../components/options';
import { LinkCell, ListFilters, PagedTable, SelectFilter, type TColumn } from '../components/paged-list';
import { Empty, Loading, PageTitle, formatDateTimeVi } from '../components/ui';
import { useListParams } from '../components/use-list-params';

const PAGE_SIZE = 20;
const yearOptions = () => schoolYearOptions(0, 2);

const COLUMNS: TColumn<TDossier>[] = [
  { header: 'Hồ sơ', cell: (d) => <LinkCell to={`/ho-so-khen-thuong/${d.id}`} sub={`Năm học ${d.schoolYearLabel}`}>{d.title}</LinkCell> },
  { header: 'Đơn vị gửi', cell: (d) => d.senderName },
  { header: 'Gửi đến', cell: (d) => d.receiverName },
  { header: 'Số người', cell: (d) => d.itemCount ?? '' },
  { header: 'Cập nhật', cell: (d) => formatDateTimeVi(d.updatedAt) },
  { header: 'Trạng thái', cell: (d) => <Badge variant="light" color={DOSSIER_STATUS_COLORS[d.status]}>{d.statusLabel}</Badge> },
];

type TRow = { key: number; personId: string | null; personLabel: string; titleCode: string; achievements: string };

export function PersonSearch({ unitId, onPick }: { unitId: string | null; onPick: (p: TPerson) => void }) {
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['dossier-people', unitId, q],
    queryFn: () => api.get<TPage<TPerson>>(`/people${toQuery({ q, withinId: unitId ?? undefined, pageSize: 10 })}`),
    enabled: q.trim().length >= 2,
  });
  return (
    <Stack gap={4}>
      <TextInput label="Thêm cá nhân" placeholder="Gõ họ tên (không dấu cũng được)" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {found.data?.items.map((p) => (
        <Group key={p.id} justify="space-between" wrap="nowrap">
          <Text size="sm">{p.fullName} <Text span c="dimmed" size="xs">{p.position ?? ''} · {p.unitName}</Text></Text>
          <Button size="compact-xs" variant="light" onClick={() => { onPick(p); setQ(''); }}>Chọn</Button>
        </Group>
      ))}
    </Stack>
  );
}

function CreateDossier() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useOfficerUnits();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [mode, setMode] = useState<'session' | 'hand'>('session');
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [year, setYear] = useState(String(currentSchoolYear()));
  const [title, setTitle] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [rows, setRows] = useState<TRow[]>([]);
  const sessions = useQuery({
    queryKey: ['reviews', 'closed-for-dossier'],
    queryFn: () => api.get<TPage<{ id: string; name: string; unitName: string; passedCount: number | null }>>(`/reviews${toQuery({ status: 'closed', pageSize: 100 })}`),
    enabled: opened && mode === 'session',
  });

  const submit = async () => {
    let body: Record<string, unknown>;
    if (mode === 'session') {
      if (!sessionId) throw new FormCheckError('Chọn phiên bình xét đã kết thúc');
      body = { reviewSessionId: sessionId, title: title.trim() || undefined };
    } else {
      if (!unitId) throw new FormCheckError('Chọn đơn vị gửi hồ sơ');
      if (!rows.length) throw new FormCheckError('Thêm ít nhất một cá nhân được đề nghị');
      body = { senderUnitId: unitId, schoolYear: Number(year), title: title.trim() || undefined, items: rows.map((r) => ({ personId: r.personId, titleCode: r.titleCode, achievements: r.achievements || undefined })) };
    }
    const d = await api.post<TDossierDetail>('/dossiers', body);
    await qc.invalidateQueries({ queryKey: ['dossiers'] });
    setOpened(false);
    navigate(`/ho-so-khen-thuong/${d.id}`);
  };

  return (
    <>
      <Button onClick={() => { setError(null); setOpened(true); }}>Lập hồ sơ</Button>
      <FormModal title="Lập hồ sơ đề nghị khen thưởng" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Lập hồ sơ" error={error} setError={setError} size="xl">
        <SegmentedControl value={mode} onChange={(v) => setMode(v as 'session' | 'hand')} data={[{ value: 'session', label: 'Từ phiên bình xét' }, { value: 'hand', label: 'Chọn từng người' }]} />
        <TextInput label="Tên hồ sơ" placeholder="Để trống: tự đặt theo phiên bình xét hoặc năm học" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {mode === 'session' ? (
          <Select label="Phiên bình xét đã kết thúc" placeholder={sessions.isPending ? 'Đang tải…' : 'Chọn phiên'} value={sessionId} onChange={setSessionId}
            data={(sessions.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.name} — ${s.unitName}${s.passedCount !== null ? ` (đạt ${s.passedCount})` : ''}` }))}
            nothingFoundMessage="Chưa có phiên bình xét nào kết thúc" />
        ) : (
          <>
            {units.length > 1 ? (
              <Select label="Đơn vị gửi" value={unitId} allowDeselect={false} data={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v) => { setUnitId(v); setRows([]); }} />
            ) : units.length === 1 ? <Text size="sm">Đơn vị gửi: <b>{units[0].name}</b></Text> : null}
            <Select label="Năm học" value={year} allowDeselect={false} data={yearOptions()} onChange={(v) => setYear(v ?? year)} />
            <PersonSearch unitId={unitId} onPick={(p) => setRows((r) => [...r, { key: Date.now(), personId: p.id, personLabel: `${p.fullName} (${p.unitName ?? ''})`, titleCode: 'LDTT', achievements: '' }])} />
            {rows.map((r) => (
              <Card key={r.key} withBorder padding="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" fw={500}>{r.personLabel}</Text>
                  <ActionIcon variant="subtle" color="red" aria-label={`Bỏ ${r.personLabel}`} onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>✕</ActionIcon>
                </Group>
                <Select label="Danh hiệu, hình thức" value={r.titleCode} allowDeselect={false} data={AWARD_TITLE_OPTIONS} onChange={(v) => setRows((all) => all.map((x) => (x.key === r.key ? { ...x, titleCode: v ?? x.titleCode } : x)))} />
                <Textarea label="Tóm tắt thành tích" autosize minRows={1} value={r.achievements} onChange={(e) => { const v = e.currentTarget.value; setRows((all) => all.map((x) => (x.key === r.key ? { ...x, achievements: v } : x))); }} />
              </Card>
            ))}
          </>
        )}
      </FormModal>
    </>
  );
}

type TMine = { itemId: string; dossierId: string; dossierTitle: string; titleName: string; schoolYearLabel: string; statusLabel: string; edited: boolean; editable: boolean };
type TPart = { duties: string[]; achievements: string[]; initiatives: { name: string; recognition: string }[] };

function EditMyReport({ row, onClose }: { row: TMine; onClose: () => void }) {
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const part = useQuery({ queryKey: ['dossiers', 'my-report', row.itemId], queryFn: () => api.get<{ part: TPart; editable: boolean }>(`/dossiers/${row.dossierId}/items/${row.itemId}/report`) });
  const [duties, setDuties] = useState<string | null>(null);
  const [achievements, setAchievements] = useState<string | null>(null);
  const lines = (t: string) => t.split('\n').map((x) => x.trim()).filter(Boolean);
  return (
    <FormModal title={`Báo cáo thành tích: ${row.titleName}`} opened onClose={onClose} error={error ?? part.error} setError={setError} size="xl"
      onSubmit={async () => {
        if (!part.data) throw new FormCheckError('Đang tải báo cáo, thử lại sau giây lát');
        await api.put(`/dossiers/${row.dossierId}/items/${row.itemId}/report`, {
          ...part.data.part,
          duties: duties === null ? part.data.part.duties : lines(duties),
          achievements: achievements === null ? part.data.part.achievements : lines(achievements),
        });
        await qc.invalidateQueries({ queryKey: ['dossiers'] });
        onClose();
      }}>
      {part.isPending ? <Loading /> : part.data ? (
        <>
          <Textarea label="Chức trách, nhiệm vụ được giao (mỗi dòng một ý)" autosize minRows={3} value={duties ?? part.data.part.duties.join('\n')} onChange={(e) => setDuties(e.currentTarget.value)} disabled={!row.editable} />
          <Textarea label="Thành tích đạt được (mỗi dòng một ý)" autosize minRows={5} value={achievements ?? part.data.part.achievements.join('\n')} onChange={(e) => setAchievements(e.currentTarget.value)} disabled={!row.editable} />
          {!row.editable ? <Text size="sm" c="dimmed">Hồ sơ đã gửi đi; chỉ sửa được khi hồ sơ đang soạn hoặc bị trả lại.</Text> : null}
        </>
      ) : null}
    </FormModal>
  );
}

function MyReports() {
  const mine = useQuery({ queryKey: ['dossiers', 'mine'], queryFn: () => api.get<{ items: TMine[] }>('/dossiers/mine') });
  const [editing, setEditing] = useState<TMine | null>(null);
  if (mine.isPending) return <Loading />;
  if (!mine.data?.items.length) return null;
  return (
    <Card withBorder padding="sm" mb="sm">
      <Text fw={600} mb="xs">Báo cáo thành tích của tôi</Text>
      <Stack gap={6}>
        {mine.data.items.map((m) => (
          <Group key={m.itemId} justify="space-between" wrap="wrap">
            <Text size="sm">{m.titleName} năm học {m.schoolYearLabel} — {m.dossierTitle} <Badge size="xs" variant="light">{m.statusLabel}</Badge>{m.edited ? <Badge size="xs" color="green" variant="light" ml={4}>Đã viết</Badge> : null}</Text>
            <Button size="compact-sm" variant="light" onClick={() => setEditing(m)}>{m.editable ? 'Viết, sửa báo cáo' : 'Xem báo cáo'}</Button>
          </Group>
        ))}
      </Stack>
      {editing ? <EditMyReport row={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

export default function DossiersPage() {
  const canRead = useCan('commendation.read');
  if (!canRead) {
    return (
      <>
        <PageTitle>Hồ sơ khen thưởng</PageTitle>
        <MyReports />
        <Empty>Khi đơn vị đưa bạn vào hồ sơ đề nghị khen thưởng, phần báo cáo thành tích của bạn hiện ở đây.</Empty>
      </>
    );
  }
  return <DossierList />;
}

function DossierList() {
  const canWrite = useCan('commendation.write');
  const list = useListParams();
  const { params, page, update } = list;
  const box = params.get('box') ?? 'all';
  const status = params.get('status') ?? '';
  const query = useQuery({
    queryKey: ['dossiers', 'list', box, status, page],
    queryFn: () => api.get<TPage<TDossier>>(`/dossiers${toQuery({ box, status, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageTitle actions={canWrite ? <CreateDossier /> : null}>Hồ sơ khen thưởng</PageTitle>
      <MyReports />
      <Card withBorder padding="sm">
        <ListFilters grow={false}>
          <SegmentedControl value={box} onChange={(v) => update({ box: v === 'all' ? '' : v, page: '' })} data={[{ value: 'all', label: 'Tất cả' }, { value: 'sent', label: 'Đơn vị gửi đi' }, { value: 'received', label: 'Gửi đến đơn vị' }]} />
          <SelectFilter list={list} param="status" label="Trạng thái" data={DOSSIER_STATUS_OPTIONS} miw={200} />
        </ListFilters>
        <PagedTable query={query} list={list} label="Danh sách hồ sơ khen thưởng" empty="Chưa có hồ sơ khen thưởng nào." columns={COLUMNS} minWidth={760} pageSize={PAGE_SIZE} />
      </Card>
    </>
  );
}
