// Báo cáo định kỳ: the periods my unit must report (open the form), the forms I receive with the
// board of who has not reported (remind now), and "Đặt mẫu báo cáo" for a plan of my unit; the form's
// owner edits its indicators and periods at /bao-cao/mau/:id.
import { Anchor, Badge, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan } from '../auth';
import { FormModal } from '../components/form-modal';
import { ReportCatalogue } from '../components/report-catalogue';
import { STATE_COLORS, type TBoard, type TMyReport, type TReportForm, type TReportFormSummary } from '../components/report-types';
import { Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

type TCatalogue = { items: { code: string; name: string; group: string; type: string; active: boolean }[]; groups: Record<string, string> };
type TPlanLite = { id: string; title: string; unitName: string; stateLabel: string };

function CreateForm({ onCreated }: { onCreated: (id: string) => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [planId, setPlanId] = useState<string | null>(null);
  const [title, setTitle] = useState('Báo cáo kết quả công tác cải cách hành chính hằng quý');
  const [schedule, setSchedule] = useState<string | null>('quarterly');
  const [dueDays, setDueDays] = useState<number | string>(10);
  const [codes, setCodes] = useState<string[]>(['tthc_received', 'tthc_on_time', 'tthc_late', 'tthc_online_full', 'tthc_online_partial', 'tthc_on_time_rate', 'tthc_online_rate', 'satisfaction_rate']);
  const [kinds, setKinds] = useState<string[]>(['thpt']);
  const plans = useQuery({ queryKey: ['plans', 'issued-for-reports'], queryFn: () => api.get<TPage<TPlanLite>>(`/plans${toQuery({ state: 'issued,in_progress,midterm_review,final_review', pageSize: 100 })}`), enabled: opened });
  const catalogue = useQuery({ queryKey: ['reports', 'indicators'], queryFn: () => api.get<TCatalogue>('/reports/indicators'), enabled: opened });
  const groups = catalogue.data ? Object.entries(catalogue.data.groups).map(([g, label]) => ({ group: label, items: catalogue.data!.items.filter((i) => i.group === g && i.active).map((i) => ({ value: i.code, label: i.name })) })).filter((g) => g.items.length) : [];
  const submit = async () => {
    const byGroup = new Map<string, string[]>();
    for (const c of codes) {
      const g = catalogue.data?.items.find((i) => i.code === c)?.group ?? 'chung';
      byGroup.set(g, [...(byGroup.get(g) ?? []), c]);
    }
    const sections = [...byGroup].map(([g, items], i) => ({ title: `${['I', 'II', 'III', 'IV', 'V', 'VI'][i] ?? i + 1}. ${catalogue.data?.groups[g] ?? g}`, items: items.map((code) => ({ code })) }));
    const form = await api.post<{ id: string }>('/reports/forms', { planId, title, schedule, dueDays: Number(dueDays), sections, unitKinds: kinds });
    setOpened(false);
    onCreated(form.id);
  };
  return (
    <>
      <Button onClick={() => setOpened(true)}>Đặt mẫu báo cáo</Button>
      <FormModal title="Đặt mẫu báo cáo định kỳ cho kế hoạch" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} error={error} setError={setError} submitLabel="Tạo mẫu báo cáo">
        <Select label="Kế hoạch" required searchable data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} – ${p.unitName}` }))} value={planId} onChange={setPlanId} />
        <TextInput label="Tên mẫu báo cáo" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group grow>
          <Select label="Kỳ báo cáo" data={[{ value: 'quarterly', label: 'Hằng quý' }, { value: 'half_year', label: '6 tháng' }, { value: 'annual', label: 'Hằng năm' }]} value={schedule} onChange={setSchedule} />
          <NumberInput label="Hạn nộp (số ngày sau khi hết kỳ)" min={0} max={90} value={dueDays} onChange={setDueDays} />
        </Group>
        <MultiSelect label="Chỉ tiêu" searchable data={groups} value={codes} onChange={setCodes} />
        <Checkbox.Group label="Đơn vị phải báo cáo (theo loại, trong phạm vi đơn vị ban hành kế hoạch)" value={kinds} onChange={setKinds}>
          <Group mt={4}>{[['thpt', 'Trường THPT'], ['thcs', 'Trường THCS'], ['th', 'Trường tiểu học'], ['mn', 'Trường mầm non'], ['gdtx', 'Trung tâm GDNN–GDTX']].map(([v, l]) => <Checkbox key={v} value={v} label={l} />)}</Group>
        </Checkbox.Group>
      </FormModal>
    </>
  );
}

function MyReports() {
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [error, setError] = useState<unknown>(null);
  const q = useQuery({ queryKey: ['reports', 'my', page], queryFn: () => api.get<TPage<TMyReport>>(`/reports/my${toQuery({ page, pageSize: 10 })}`) });
  const open = async (r: TMyReport) => {
    setError(null);
    try {
      const s = r.submissionId ? { id: r.submissionId } : await api.post<{ id: string }>('/reports/submissions', { formId: r.formId, periodId: r.periodId, unitId: r.unitId });
      navigate(`/bao-cao/${s.id}`);
    } catch (e) { setError(e); }
  };
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const items = q.data?.items ?? [];
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">Báo cáo đơn vị tôi phải nộp</Text>
      {error ? <ErrorAlert error={error} /> : null}
      {!items.length ? <Empty>Chưa có kỳ báo cáo nào đến hạn</Empty> : (
        <Table striped>
          <Table.Thead><Table.Tr><Table.Th>Báo cáo</Table.Th><Table.Th>Kỳ</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Hạn nộp</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {items.map((r) => (
              <Table.Tr key={`${r.periodId}-${r.unitId}`}>
                <Table.Td>{r.formTitle}</Table.Td><Table.Td>{r.periodLabel}</Table.Td><Table.Td>{r.unitName}</Table.Td>
                <Table.Td>{formatDateVi(r.dueDate)} {r.overdue ? <Badge color="red" size="sm">Quá hạn</Badge> : r.dueSoon ? <Badge color="orange" size="sm">Sắp đến hạn</Badge> : null}</Table.Td>
                <Table.Td><Badge color={STATE_COLORS[r.state]}>{r.stateLabel}</Badge> {r.late ? <Badge color="orange" variant="light">Nộp muộn</Badge> : null}</Table.Td>
                <Table.Td><Button size="xs" variant="light" onClick={() => open(r)}>{r.state === 'missing' || r.state === 'draft' || r.state === 'returned' ? 'Nhập báo cáo' : 'Xem'}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {q.data ? <Pager page={page} pageSize={10} total={q.data.total} onChange={setPage} /> : null}
    </Card>
  );
}

function Board({ formId }: { formId: string }) {
  const qc = useQueryClient();
  const [periodId, setPeriodId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useQuery({ queryKey: ['reports', 'form', formId], queryFn: () => api.get<TReportForm>(`/reports/forms/${formId}`) });
  const opened = (form.data?.periods ?? []).filter((p) => p.open);
  const pid = periodId ?? [...opened].reverse().find((p) => p.overdue)?.id ?? opened[opened.length - 1]?.id ?? null;
  const board = useQuery({ queryKey: ['reports', 'board', formId, pid], queryFn: () => api.get<TBoard>(`/reports/board${toQuery({ formId, periodId: pid })}`), enabled: !!pid });
  const remind = async (unitIds?: string[]) => {
    setError(null); setDone(null);
    try {
      const r = await api.post<{ remindedUnits: number; notifications: number; emailsSent: number }>(`/reports/periods/${pid}/remind`, { unitIds });
      setDone(`Đã nhắc ${r.remindedUnits} đơn vị (${r.notifications} thông báo, ${r.emailsSent} thư điện tử)`);
      await qc.invalidateQueries({ queryKey: ['reports', 'board'] });
    } catch (e) { setError(e); }
  };
  if (form.isLoading) return <Loading />;
  if (form.error) return <ErrorAlert error={form.error} />;
  return (
    <Stack gap="xs">
      <Group>
        <Select aria-label="Kỳ báo cáo" data={opened.map((p) => ({ value: p.id, label: `${p.label} (hạn ${formatDateVi(p.dueDate)})` }))} value={pid} onChange={setPeriodId} w={320} />
        <Anchor component={Link} to={`/bao-cao/tong-hop?formId=${formId}${pid ? `&periodId=${pid}` : ''}`}>Tổng hợp, xếp hạng</Anchor>
        {form.data?.can.manage ? <Anchor component={Link} to={`/bao-cao/mau/${formId}`}>Sửa mẫu, kỳ báo cáo</Anchor> : null}
        {board.data?.canRemind && board.data.counts.notReported ? <Button size="xs" color="orange" onClick={() => remind()}>Nhắc tất cả đơn vị chưa báo cáo</Button> : null}
      </Group>
      {error ? <ErrorAlert error={error} /> : null}
      {done ? <Text c="green" size="sm" role="status">{done}</Text> : null}
      {board.data ? (
        <>
          <Text size="sm">Chưa báo cáo: <b>{board.data.counts.notReported}</b>/{board.data.counts.total} đơn vị · quá hạn {board.data.counts.overdue} · nộp muộn {board.data.counts.late}</Text>
          <Table striped aria-label="Bảng theo dõi báo cáo">
            <Table.Thead><Table.Tr><Table.Th>Đơn vị</Table.Th><Table.Th>Trạng thái</Table.Th><Table.Th>Ngày gửi</Table.Th><Table.Th>Đã nhắc</Table.Th><Table.Th /></Table.Tr></Table.Thead>
            <Table.Tbody>
              {board.data.items.map((i) => (
                <Table.Tr key={i.unitId}>
                  <Table.Td>{i.submissionId ? <Anchor component={Link} to={`/bao-cao/${i.submissionId}`}>{i.unitName}</Anchor> : i.unitName}</Table.Td>
                  <Table.Td><Badge color={STATE_COLORS[i.state]}>{i.stateLabel}</Badge> {i.late ? <Badge color="orange" variant="light">Nộp muộn</Badge> : null} {i.overdue ? <Badge color="red" variant="light">Quá hạn</Badge> : null}</Table.Td>
                  <Table.Td>{formatDateTimeVi(i.submittedAt)}</Table.Td>
                  <Table.Td>{i.reminders ? `${i.reminders} lần (${formatDateTimeVi(i.lastRemindedAt)})` : '—'}</Table.Td>
                  <Table.Td>{board.data!.canRemind && i.state !== 'submitted' && i.state !== 'accepted' ? <Button size="xs" variant="subtle" onClick={() => remind([i.unitId])}>Nhắc</Button> : null}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

export default function ReportsPage() {
  const canWrite = useCan('report.write');
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<string | null>(null);
  const forms = useQuery({ queryKey: ['reports', 'forms', page], queryFn: () => api.get<TPage<TReportFormSummary>>(`/reports/forms${toQuery({ page, pageSize: 20 })}`) });
  const current = selected ?? forms.data?.items[0]?.id ?? null;
  return (
    <Stack>
      <PageTitle actions={canWrite ? <CreateForm onCreated={(id) => { setSelected(id); void qc.invalidateQueries({ queryKey: ['reports'] }); }} /> : null}>Báo cáo định kỳ</PageTitle>
      {canWrite ? <MyReports /> : null}
      <Card withBorder>
        <Text fw={600} mb="xs">Mẫu báo cáo và tình hình nộp</Text>
        {forms.isLoading ? <Loading /> : forms.error ? <ErrorAlert error={forms.error} /> : !forms.data?.items.length ? <Empty>Chưa có mẫu báo cáo nào</Empty> : (
          <Stack>
            <Select aria-label="Mẫu báo cáo" data={forms.data.items.map((f) => ({ value: f.id, label: `${f.title} (${f.scheduleLabel}) – ${f.unitName}` }))} value={current} onChange={setSelected} />
            <Pager page={page} pageSize={20} total={forms.data.total} onChange={setPage} />
            {current ? <Board key={current} formId={current} /> : null}
          </Stack>
        )}
      </Card>
      <ReportCatalogue canEdit={canWrite} />
    </Stack>
  );
}
