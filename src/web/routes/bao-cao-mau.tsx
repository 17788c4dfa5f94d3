// Mẫu báo cáo: the form's owner edits its sections and indicators (pick from the catalogue, create a new
// one — number, percent, text, yes/no, file; unit; target; computed share; fed by the outreach log —,
// reorder, remove) and its periods (add one, change opening and due dates, dd/mm/yyyy). The server
// enforces the rules (e.g. an indicator with figures in a sent report cannot be removed) and the
// screen shows its Vietnamese reason.
import { ActionIcon, Alert, Anchor, Badge, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { FormCheckError, FormModal } from '../components/form-modal';
import type { TReportForm, TReportItem, TReportPeriod } from '../components/report-types';
import { DateField, ErrorAlert, Loading, PageTitle, parseDateField } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

type TEntry = { code: string; name: string; group: string; type: TReportItem['type']; unitLabel: string | null; active: boolean; formula: TReportItem['formula']; source: TSource | null };
type TSource = { kind: 'outreach'; channels: string[] | 'all'; measure: 'activities' | 'participants' | 'reach' };
type TCatalogue = { items: TEntry[]; groups: Record<string, string> };
type TEditItem = { code: string; target: number | null; required: boolean };
type TEditSection = { title: string; items: TEditItem[] };

const TYPE_OPTIONS = [{ value: 'number', label: 'Số' }, { value: 'percent', label: 'Tỷ lệ (%)' }, { value: 'text', label: 'Văn bản' }, { value: 'yes_no', label: 'Có/Không' }, { value: 'file', label: 'Tệp minh chứng' }];
const TYPE_LABELS = Object.fromEntries(TYPE_OPTIONS.map((o) => [o.value, o.label]));
const CHANNEL_OPTIONS = [{ value: 'ban_tin', label: 'Bản tin' }, { value: 'website', label: 'Website' }, { value: 'zalo', label: 'Zalo' }, { value: 'facebook', label: 'Facebook' }, { value: 'hoi_nghi', label: 'Hội nghị' }, { value: 'tap_huan', label: 'Tập huấn' }];
const MEASURE_OPTIONS = [{ value: 'activities', label: 'Số hoạt động' }, { value: 'participants', label: 'Số lượt người tham dự' }, { value: 'reach', label: 'Số lượt tiếp cận' }];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

/** "Tự tính: (A + B) / C" or "Từ sổ tuyên truyền: …" — how an indicator gets its value. */
function howComputed(e: Pick<TEntry, 'formula' | 'source'> | undefined, byCode: Map<string, TEntry>): string | null {
  if (!e) return null;
  if (e.formula) return `Tự tính: (${e.formula.parts.map((p) => byCode.get(p)?.name ?? p).join(' + ')}) / ${byCode.get(e.formula.total)?.name ?? e.formula.total} × 100`;
  if (e.source) {
    const ch = e.source.channels === 'all' ? 'mọi kênh' : e.source.channels.map((c) => CHANNEL_OPTIONS.find((o) => o.value === c)?.label ?? c).join(', ');
    return `Từ sổ tuyên truyền: ${MEASURE_OPTIONS.find((m) => m.value === e.source!.measure)?.label.toLocaleLowerCase('vi')} (${ch})`;
  }
  return null;
}

function NewIndicator({ catalogue, opened, onClose, onCreated }: { catalogue: TCatalogue; opened: boolean; onClose: () => void; onCreated: (code: string) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [f, setF] = useState({ code: '', name: '', type: 'number' as string | null, unitLabel: '', group: 'chung' as string | null, computed: false, parts: [] as string[], total: null as string | null, fromLog: false, channels: [] as string[], measure: 'activities' as string | null });
  useEffect(() => { if (opened) { setError(null); setF({ code: '', name: '', type: 'number', unitLabel: '', group: 'chung', computed: false, parts: [], total: null, fromLog: false, channels: [], measure: 'activities' }); } }, [opened]);
  const numbers = catalogue.items.filter((i) => i.type === 'number' && i.active).map((i) => ({ value: i.code, label: i.name }));
  const submit = async () => {
    if (f.type === 'percent' && f.computed && (!f.parts.length || !f.total)) throw new FormCheckError('Chọn các chỉ tiêu ở tử số và mẫu số của công thức');
    const body = {
      code: f.code.trim(), name: f.name.trim(), type: f.type, unitLabel: f.unitLabel.trim() || (f.type === 'percent' ? '%' : null), group: f.group ?? 'chung',
      formula: f.type === 'percent' && f.computed ? { op: 'share', parts: f.parts, total: f.total } : null,
      source: f.type === 'number' && f.fromLog ? { kind: 'outreach', channels: f.channels.length ? f.channels : 'all', measure: f.measure } : null,
    };
    const created = await api.post<{ code: string }>('/reports/indicators', body);
    onCreated(created.code);
  };
  return (
    <FormModal title="Tạo chỉ tiêu mới trong danh mục của tỉnh" opened={opened} onClose={onClose} onSubmit={submit} error={error} setError={setError} submitLabel="Tạo và thêm vào mẫu">
      <Group grow>
        <TextInput label="Mã chỉ tiêu" description="chữ thường không dấu, số, dấu gạch dưới" required value={f.code} onChange={(e) => setF({ ...f, code: e.currentTarget.value })} />
        <Select label="Kiểu giá trị" data={TYPE_OPTIONS} value={f.type} onChange={(v) => setF({ ...f, type: v })} allowDeselect={false} />
      </Group>
      <TextInput label="Tên chỉ tiêu" required value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} />
      <Group grow>
        <TextInput label="Đơn vị tính" placeholder="hồ sơ, buổi, lượt…" value={f.unitLabel} onChange={(e) => setF({ ...f, unitLabel: e.currentTarget.value })} />
        <Select label="Nhóm" data={Object.entries(catalogue.groups).map(([value, label]) => ({ value, label }))} value={f.group} onChange={(v) => setF({ ...f, group: v })} allowDeselect={false} />
      </Group>
      {f.type === 'percent' ? (
        <Stack gap={4}>
          <Checkbox label="Tự tính: tỷ lệ = tử số / mẫu số × 100" checked={f.computed} onChange={(e) => setF({ ...f, computed: e.currentTarget.checked })} />
          {f.computed ? (
            <Group grow align="start">
              <MultiSelect label="Tử số (cộng các chỉ tiêu)" searchable data={numbers} value={f.parts} onChange={(v) => setF({ ...f, parts: v })} />
              <Select label="Mẫu số (tổng)" searchable data={numbers} value={f.total} onChange={(v) => setF({ ...f, total: v })} />
            </Group>
          ) : null}
        </Stack>
      ) : null}
      {f.type === 'number' ? (
        <Stack gap={4}>
          <Checkbox label="Lấy số liệu từ sổ tuyên truyền của đơn vị (trong thời gian của kỳ báo cáo)" checked={f.fromLog} onChange={(e) => setF({ ...f, fromLog: e.currentTarget.checked })} />
          {f.fromLog ? (
            <Group grow align="start">
              <MultiSelect label="Kênh (bỏ trống: mọi kênh)" data={CHANNEL_OPTIONS} value={f.channels} onChange={(v) => setF({ ...f, channels: v })} />
              <Select label="Đếm" data={MEASURE_OPTIONS} value={f.measure} onChange={(v) => setF({ ...f, measure: v })} allowDeselect={false} />
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </FormModal>
  );
}

function SectionsEditor({ form, catalogue }: { form: TReportForm; catalogue: TCatalogue }) {
  const qc = useQueryClient();
  const [title, setTitle] = useState(form.title);
  const [sections, setSections] = useState<TEditSection[]>(() => form.sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ code: i.code, target: i.target, required: i.required })) })));
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [creatingFor, setCreatingFor] = useState<number | null>(null);
  const byCode = new Map(catalogue.items.map((i) => [i.code, i]));
  const used = new Set(sections.flatMap((s) => s.items.map((i) => i.code)));
  const options = Object.entries(catalogue.groups).map(([g, label]) => ({ group: label, items: catalogue.items.filter((i) => i.group === g && i.active && !used.has(i.code)).map((i) => ({ value: i.code, label: i.name })) })).filter((g) => g.items.length);
  const setSection = (si: number, fn: (s: TEditSection) => TEditSection) => setSections((all) => all.map((s, i) => (i === si ? fn(s) : s)));
  const add = (si: number, code: string | null) => { if (code) setSection(si, (s) => ({ ...s, items: [...s.items, { code, target: null, required: byCode.get(code)?.type !== 'text' }] })); };
  const save = async () => {
    setBusy(true); setError(null); setMessage(null);
    try {
      await api.patch(`/reports/forms/${form.id}`, { title, sections: sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ code: i.code, target: i.target, required: i.required })) })) });
      setMessage('Đã lưu mẫu báo cáo');
      await qc.invalidateQueries({ queryKey: ['reports'] });
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  return (
    <Card withBorder>
      <Text fw={600} mb="xs">Các phần và chỉ tiêu</Text>
      <Stack>
        <TextInput label="Tên mẫu báo cáo" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        {sections.map((sec, si) => (
          <Card withBorder key={si} aria-label={`Phần ${si + 1}`} component="section">
            <Group align="end" mb="xs">
              <TextInput label={`Tên phần ${si + 1}`} value={sec.title} onChange={(e) => { const v = e.currentTarget.value; setSection(si, (s) => ({ ...s, title: v })); }} style={{ flex: 1 }} />
              <Button variant="subtle" size="xs" onClick={() => setSections((all) => move(all, si, si - 1))} disabled={si === 0} aria-label={`Đưa phần ${si + 1} lên`}>↑</Button>
              <Button variant="subtle" size="xs" onClick={() => setSections((all) => move(all, si, si + 1))} disabled={si === sections.length - 1} aria-label={`Đưa phần ${si + 1} xuống`}>↓</Button>
              <Button variant="subtle" color="red" size="xs" onClick={() => setSections((all) => all.filter((_, i) => i !== si))}>Bỏ phần</Button>
            </Group>
            <Table aria-label={`Chỉ tiêu của phần ${si + 1}`}>
              <Table.Thead><Table.Tr><Table.Th>Chỉ tiêu</Table.Th><Table.Th>Kiểu</Table.Th><Table.Th>Chỉ tiêu phấn đấu</Table.Th><Table.Th>Bắt buộc</Table.Th><Table.Th /></Table.Tr></Table.Thead>
              <Table.Tbody>
                {sec.items.map((it, ii) => {
                  const e = byCode.get(it.code);
                  const how = howComputed(e, byCode);
                  return (
                    <Table.Tr key={it.code}>
                      <Table.Td>{e?.name ?? it.code}{how ? <Text size="xs" c="dimmed">{how}</Text> : null}</Table.Td>
                      <Table.Td>{TYPE_LABELS[e?.type ?? ''] ?? e?.type}{e?.unitLabel && e.type !== 'percent' ? ` (${e.unitLabel})` : ''}</Table.Td>
                      <Table.Td>{e && (e.type === 'number' || e.type === 'percent') ? (
                        <NumberInput aria-label={`Chỉ tiêu phấn đấu: ${e.name}`} w={120} size="xs" value={it.target ?? ''} decimalSeparator="," thousandSeparator="." min={0} max={e.type === 'percent' ? 100 : undefined} suffix={e.type === 'percent' ? '%' : undefined}
                          onChange={(v) => setSection(si, (s) => ({ ...s, items: s.items.map((x, k) => (k === ii ? { ...x, target: v === '' ? null : Number(v) } : x)) }))} />
                      ) : '—'}</Table.Td>
                      <Table.Td><Checkbox aria-label={`Bắt buộc: ${e?.name ?? it.code}`} checked={it.required} disabled={!!e?.formula} onChange={(ev) => { const c = ev.currentTarget.checked; setSection(si, (s) => ({ ...s, items: s.items.map((x, k) => (k === ii ? { ...x, required: c } : x)) })); }} /></Table.Td>
                      <Table.Td>
                        <Group gap={2} wrap="nowrap">
                          <ActionIcon variant="subtle" onClick={() => setSection(si, (s) => ({ ...s, items: move(s.items, ii, ii - 1) }))} disabled={ii === 0} aria-label={`Đưa lên: ${e?.name ?? it.code}`}>↑</ActionIcon>
                          <ActionIcon variant="subtle" onClick={() => setSection(si, (s) => ({ ...s, items: move(s.items, ii, ii + 1) }))} disabled={ii === sec.items.length - 1} aria-label={`Đưa xuống: ${e?.name ?? it.code}`}>↓</ActionIcon>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setSection(si, (s) => ({ ...s, items: s.items.filter((_, k) => k !== ii) }))} aria-label={`Bỏ chỉ tiêu: ${e?.name ?? it.code}`}>Bỏ</Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Group mt="xs" align="end">
              <Select label="Thêm chỉ tiêu từ danh mục" aria-label={`Thêm chỉ tiêu vào phần ${si + 1}`} placeholder="Tìm chỉ tiêu…" searchable data={options} value={null} onChange={(v) => add(si, v)} w={420} />
              <Button variant="light" size="sm" onClick={() => setCreatingFor(si)} aria-label={`Tạo chỉ tiêu mới cho phần ${si + 1}`}>Tạo chỉ tiêu mới</Button>
            </Group>
          </Card>
        ))}
        <Group>
          <Button variant="default" onClick={() => setSections((all) => [...all, { title: `${ROMAN[all.length] ?? all.length + 1}. Phần mới`, items: [] }])}>Thêm phần</Button>
          <Button onClick={save} loading={busy}>Lưu mẫu báo cáo</Button>
        </Group>
        {error ? <ErrorAlert error={error} /> : null}
        {message ? <Text c="green" role="status">{message}</Text> : null}
      </Stack>
      <NewIndicator catalogue={catalogue} opened={creatingFor !== null} onClose={() => setCreatingFor(null)}
        onCreated={(code) => { const si = creatingFor!; setCreatingFor(null); add(si, code); void qc.invalidateQueries({ queryKey: ['reports', 'indicators'] }); }} />
    </Card>
  );
}

function PeriodRow({ p, onSaved }: { p: TReportPeriod; onSaved: (msg: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [due, setDue] = useState(formatDateVi(p.dueDate));
  const [opens, setOpens] = useState(formatDateVi(p.opensOn));
  const [error, setError] = useState<unknown>(null);
  const save = async () => {
    setError(null);
    const dueDate = parseDateField(due);
    const opensOn = parseDateField(opens);
    if (!dueDate || !opensOn) { setError(new Error('Ngày không hợp lệ, nhập theo dạng dd/mm/yyyy')); return; }
    try {
      await api.patch(`/reports/periods/${p.id}`, { dueDate, opensOn });
      setEditing(false);
      onSaved(`Đã đổi hạn nộp ${p.label}: ${formatDateVi(dueDate)}`);
    } catch (e) { setError(e); }
  };
  return (
    <Table.Tr>
      <Table.Td>{p.label}</Table.Td>
      <Table.Td>{formatDateVi(p.from)} – {formatDateVi(p.to)}</Table.Td>
      {editing ? (
        <>
          <Table.Td><DateField aria-label={`Ngày mở ${p.label}`} size="xs" value={opens} onChange={setOpens} w={130} /></Table.Td>
          <Table.Td><DateField aria-label={`Hạn nộp ${p.label}`} size="xs" value={due} onChange={setDue} w={130} />{error ? <ErrorAlert error={error} /> : null}</Table.Td>
          <Table.Td><Group gap={4}><Button size="xs" onClick={save}>Lưu</Button><Button size="xs" variant="default" onClick={() => setEditing(false)}>Hủy</Button></Group></Table.Td>
        </>
      ) : (
        <>
          <Table.Td>{formatDateVi(p.opensOn)}</Table.Td>
          <Table.Td>{formatDateVi(p.dueDate)} {p.overdue ? <Badge size="xs" color="gray" variant="light">đã qua hạn</Badge> : null}</Table.Td>
          <Table.Td><Button size="xs" variant="subtle" onClick={() => { setDue(formatDateVi(p.dueDate)); setOpens(formatDateVi(p.opensOn)); setEditing(true); }} aria-label={`Sửa hạn nộp ${p.label}`}>Sửa hạn</Button></Table.Td>
        </>
      )}
    </Table.Tr>
  );
}

function PeriodsEditor({ form }: { form: TReportForm }) {
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [np, setNp] = useState({ label: '', from: '', to: '', dueDate: '' });
  const saved = async (msg: string) => { setMessage(msg); await qc.invalidateQueries({ queryKey: ['reports'] }); };
  const create = async () => {
    const [from, to, dueDate] = [np.from, np.to, np.dueDate].map(parseDateField);
    if (!from || !to || !dueDate) throw new FormCheckError('Nhập đủ các ngày theo dạng dd/mm/yyyy');
    const p = await api.post<TReportPeriod>(`/reports/forms/${form.id}/periods`, { label: np.label, from, to, dueDate });
    setAdding(false);
    await saved(`Đã thêm kỳ ${p.label}, hạn nộp ${formatDateVi(p.dueDate)}`);
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Text fw={600}>Kỳ báo cáo và hạn nộp</Text>
        <Button size="xs" variant="light" onClick={() => { setNp({ label: '', from: '', to: '', dueDate: '' }); setError(null); setAdding(true); }}>Thêm kỳ báo cáo</Button>
      </Group>
      {message ? <Text c="green" role="status" mb="xs">{message}</Text> : null}
      <Table striped aria-label="Kỳ báo cáo">
        <Table.Thead><Table.Tr><Table.Th>Kỳ</Table.Th><Table.Th>Thời gian</Table.Th><Table.Th>Mở từ</Table.Th><Table.Th>Hạn nộp</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>{form.periods.map((p) => <PeriodRow key={`${p.id}-${p.dueDate}-${p.opensOn}`} p={p} onSaved={saved} />)}</Table.Tbody>
      </Table>
      <FormModal title="Thêm kỳ báo cáo" opened={adding} onClose={() => setAdding(false)} onSubmit={create} error={error} setError={setError} submitLabel="Thêm kỳ">
        <TextInput label="Tên kỳ" placeholder="Báo cáo đột xuất tháng 12/2026" required value={np.label} onChange={(e) => setNp({ ...np, label: e.currentTarget.value })} />
        <Group grow>
          <DateField label="Từ ngày" required value={np.from} onChange={(v) => setNp({ ...np, from: v })} />
          <DateField label="Đến ngày" required value={np.to} onChange={(v) => setNp({ ...np, to: v })} />
          <DateField label="Hạn nộp" required value={np.dueDate} onChange={(v) => setNp({ ...np, dueDate: v })} />
        </Group>
      </FormModal>
    </Card>
  );
}

export default function ReportFormPage() {
  const { id } = useParams();
  const form = useQuery({ queryKey: ['reports', 'form', id], queryFn: () => api.get<TReportForm>(`/reports/forms/${id}`) });
  const catalogue = useQuery({ queryKey: ['reports', 'indicators'], queryFn: () => api.get<TCatalogue>('/reports/indicators') });
  if (form.isLoading || catalogue.isLoading) return <Loading />;
  if (form.error || !form.data) return <ErrorAlert error={form.error} />;
  if (catalogue.error || !catalogue.data) return <ErrorAlert error={catalogue.error} />;
  const f = form.data;
  return (
    <Stack>
      <PageTitle actions={<Anchor component={Link} to="/bao-cao">← Báo cáo định kỳ</Anchor>}>Mẫu báo cáo: {f.title}</PageTitle>
      <Text size="sm" c="dimmed">{f.scheduleLabel} · {f.unit.name} · {f.units.length} đơn vị báo cáo{f.plan ? ` · ${f.plan.title}` : ''}</Text>
      {!f.can.manage ? <Alert color="gray">Chỉ đơn vị ban hành kế hoạch sửa được mẫu báo cáo.</Alert> : (
        <>
          <Alert color="blue" variant="light">Có thể thêm chỉ tiêu, sửa tên phần, thứ tự và chỉ tiêu phấn đấu bất cứ lúc nào; chỉ tiêu đã có số liệu trong báo cáo đã gửi thì không bỏ được.</Alert>
          <SectionsEditor key={f.id} form={f} catalogue={catalogue.data} />
          <PeriodsEditor form={f} />
        </>
      )}
    </Stack>
  );
}
