// One unit's report for one period: sections of figures with the computed ones live, evidence upload,
// save and submit; the receiving unit accepts or returns it with a reason. Figures fed by the outreach
// log are pre-filled from the unit's log for the period (origin shown); a different number needs a reason.
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, NumberInput, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, fieldError } from '../api/client';
import { FormModal } from '../components/form-modal';
import { STATE_COLORS, formatValue, shareOf, type TReportItem, type TSubmission } from '../components/report-types';
import { ErrorAlert, Loading, PageTitle, formatDateTimeVi } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

type TDraft = Record<string, number | string | null>;
/** Where a log-fed figure comes from (GET /reports/submissions/{id} → outreach). */
type TOrigin = { source: 'outreach'; label: string; fromLog: number | null; corrected: boolean; note: string | null };

function ValueInput({ item, value, onChange, disabled, error, description }: { item: TReportItem; value: number | string | null; onChange: (v: number | string | null) => void; disabled: boolean; error?: string; description?: string }) {
  const label = `${item.name}${item.unitLabel && item.type !== 'percent' ? ` (${item.unitLabel})` : ''}`;
  if (item.type === 'text') return <Textarea label={label} aria-label={item.name} value={(value as string) ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)} disabled={disabled} error={error} autosize minRows={2} />;
  if (item.type === 'yes_no') {
    return (
      <Stack gap={2}>
        <Text size="sm" fw={500}>{label}</Text>
        <SegmentedControl aria-label={item.name} data={[{ value: '', label: 'Chưa nhập' }, { value: '1', label: 'Có' }, { value: '0', label: 'Không' }]} value={value === null || value === undefined ? '' : String(value)} onChange={(v) => onChange(v === '' ? null : Number(v))} disabled={disabled} />
        {error ? <Text c="red" size="xs">{error}</Text> : null}
      </Stack>
    );
  }
  return (
    <NumberInput label={label} aria-label={item.name} value={value === null || value === undefined ? '' : Number(value)} onChange={(v) => onChange(v === '' ? null : Number(v))} disabled={disabled}
      decimalSeparator="," thousandSeparator="." min={0} suffix={item.type === 'percent' ? '%' : undefined} error={error}
      description={description ?? (item.target !== null ? `Chỉ tiêu: ${formatValue(item.target, item)}` : item.partOf ? 'Không lớn hơn tổng số tương ứng' : undefined)} />
  );
}

export default function ReportDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  // Fetched on every open: figures fed by the outreach log follow the log while the report is a draft.
  const q = useQuery({ queryKey: ['reports', 'submission', id], queryFn: () => api.get<TSubmission>(`/reports/submissions/${id}`), staleTime: 0 });
  const [draft, setDraft] = useState<TDraft>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [returnError, setReturnError] = useState<unknown>(null);
  useEffect(() => { if (q.data) { setDraft(q.data.values); setNotes({}); } }, [q.data]);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const s = q.data;
  const origins = (s as TSubmission & { outreach?: Record<string, TOrigin> }).outreach ?? {};
  const items = s.sections.flatMap((x) => x.items);
  /** A log-fed figure the unit changed: it differs from the log's number. */
  const differs = (code: string) => { const o = origins[code]; const v = draft[code]; return !!o && v !== null && v !== undefined && v !== '' && Number(v) !== o.fromLog; };
  const noteOf = (code: string) => notes[code] ?? origins[code]?.note ?? '';
  const payload = () => ({ values: changed(), notes: Object.fromEntries(Object.keys(origins).filter(differs).map((c) => [c, noteOf(c)])) });
  const num = (code: string) => { const v = draft[code]; return typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number(v); };
  const live = (item: TReportItem) => (item.formula ? shareOf(item.formula, num) : draft[item.code] ?? null);
  // A log-fed figure left as the log said is sent empty: the server then follows the log as it is now.
  const changed = () => Object.fromEntries(items.filter((i) => !i.formula && i.type !== 'file').map((i) => [i.code, origins[i.code] && !differs(i.code) ? null : draft[i.code] ?? null]));
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setBusy(true); setError(null); setMessage(null);
    try { await fn(); setMessage(ok); await qc.invalidateQueries({ queryKey: ['reports'] }); } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const save = () => run(() => api.put(`/reports/submissions/${s.id}/values`, payload()), 'Đã lưu số liệu');
  const submit = () => run(async () => { await api.put(`/reports/submissions/${s.id}/values`, payload()); await api.post(`/reports/submissions/${s.id}/submit`); }, 'Đã gửi báo cáo');
  const upload = () => run(async () => {
    if (!file) throw new Error('Chưa chọn tệp');
    const f = new FormData(); f.append('file', file); f.append('indicatorCode', 'minh_chung');
    await api.upload(`/reports/submissions/${s.id}/evidence`, f);
    setFile(null);
  }, 'Đã đính kèm minh chứng');
  return (
    <Stack>
      <PageTitle actions={<Anchor component={Link} to="/bao-cao">← Báo cáo định kỳ</Anchor>}>{s.formTitle} – {s.period.label}</PageTitle>
      <Group gap="xs">
        <Text>{s.unit.name} gửi {s.receiver.name}</Text>
        <Badge color={STATE_COLORS[s.state]} size="lg">{s.stateLabel}</Badge>
        {s.late ? <Badge color="orange">Nộp muộn</Badge> : null}
        <Text size="sm" c="dimmed">Hạn nộp {formatDateVi(s.period.dueDate)}{s.submittedAt ? ` · gửi lúc ${formatDateTimeVi(s.submittedAt)}` : ''}{s.reminders ? ` · đã được nhắc ${s.reminders} lần` : ''}</Text>
      </Group>
      {s.state === 'returned' && s.returnReason ? <Alert color="red" title="Báo cáo bị trả lại">{s.returnReason}</Alert> : null}
      {s.period.overdue && (s.state === 'draft' || s.state === 'returned') ? <Alert color="orange">Đã quá hạn nộp; báo cáo gửi bây giờ sẽ được đánh dấu nộp muộn.</Alert> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {message ? <Text c="green" role="status">{message}</Text> : null}
      {s.sections.map((sec) => (
        <Card withBorder key={sec.title}>
          <Text fw={600} mb="xs">{sec.title}</Text>
          <Stack gap="sm">
            {sec.items.filter((i) => i.type !== 'file').map((i) => i.formula ? (
              <TextInput key={i.code} label={`${i.name} (tự tính)`} aria-label={i.name} readOnly value={formatValue(live(i) as number | null, i)} description={i.target !== null ? `Chỉ tiêu: ${formatValue(i.target, i)}` : undefined} />
            ) : origins[i.code] ? (
              <Stack key={i.code} gap={4} data-origin="outreach">
                <ValueInput item={i} value={draft[i.code] ?? null} onChange={(v) => setDraft((d) => ({ ...d, [i.code]: v }))} disabled={!s.can.edit} error={fieldError(error, `values.${i.code}`)}
                  description={`${origins[i.code].label}: ${formatValue(origins[i.code].fromLog, i)}${s.can.edit ? ' (tự điền; sửa thì ghi lý do)' : ''}`} />
                {s.can.edit && differs(i.code) ? (
                  <TextInput label={`Lý do điều chỉnh: ${i.name}`} required value={noteOf(i.code)} onChange={(e) => { const v = e.currentTarget.value; setNotes((n) => ({ ...n, [i.code]: v })); }} error={fieldError(error, `notes.${i.code}`)} />
                ) : null}
                {!s.can.edit && origins[i.code].corrected ? <Text size="xs" c="orange">Đơn vị đã điều chỉnh so với sổ tuyên truyền ({formatValue(origins[i.code].fromLog, i)}): {origins[i.code].note}</Text> : null}
              </Stack>
            ) : (
              <ValueInput key={i.code} item={i} value={draft[i.code] ?? null} onChange={(v) => setDraft((d) => ({ ...d, [i.code]: v }))} disabled={!s.can.edit} error={fieldError(error, `values.${i.code}`)} />
            ))}
          </Stack>
        </Card>
      ))}
      <Card withBorder>
        <Text fw={600} mb="xs">Minh chứng</Text>
        {s.evidence.length ? (
          <Table><Table.Tbody>{s.evidence.map((e) => <Table.Tr key={e.id}><Table.Td><Anchor href={`/api/v1/files/${e.attachmentId}`} target="_blank">{e.fileName}</Anchor></Table.Td><Table.Td>{Math.ceil(e.size / 1024).toLocaleString('vi-VN')} KB</Table.Td><Table.Td>{formatDateTimeVi(e.createdAt)}</Table.Td></Table.Tr>)}</Table.Tbody></Table>
        ) : <Text size="sm" c="dimmed">Chưa có tệp minh chứng</Text>}
        {s.can.edit ? (
          <Group mt="xs" align="end">
            <FileInput label="Tệp minh chứng (PDF, ảnh, DOCX, XLSX; tối đa 10 MB)" value={file} onChange={setFile} accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx" w={380} clearable />
            <Button variant="light" onClick={upload} disabled={!file || busy}>Đính kèm</Button>
          </Group>
        ) : null}
      </Card>
      <Group>
        {s.can.edit ? <Button variant="default" onClick={save} loading={busy}>Lưu nháp</Button> : null}
        {s.can.submit ? <Button onClick={submit} loading={busy}>Gửi báo cáo</Button> : null}
        {s.can.accept ? <Button color="green" onClick={() => run(() => api.post(`/reports/submissions/${s.id}/accept`), 'Đã tiếp nhận báo cáo')} loading={busy}>Tiếp nhận</Button> : null}
        {s.can.return ? <Button color="red" variant="light" onClick={() => setReturning(true)}>Trả lại</Button> : null}
      </Group>
      <FormModal title="Trả lại báo cáo" opened={returning} onClose={() => setReturning(false)} error={returnError} setError={setReturnError} submitLabel="Trả lại"
        onSubmit={async () => { await api.post(`/reports/submissions/${s.id}/return`, { reason }); setReturning(false); setReason(''); setMessage('Đã trả lại báo cáo'); await qc.invalidateQueries({ queryKey: ['reports'] }); }}>
        <Textarea label="Lý do trả lại" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={3} autosize />
      </FormModal>
    </Stack>
  );
}
