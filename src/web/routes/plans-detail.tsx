// Một kế hoạch: header with state, number and date; the actions its state and the account allow
// (trình, trả lại with a reason, ban hành with number/date/signer and the cascade, …); tabs Nội
// dung, Thời gian, Triển khai, Văn bản, Lịch sử.
import { Alert, Anchor, Breadcrumbs, Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api, downloadFile, errorMessage } from '../api/client';
import { useMe } from '../auth';
import { FormCheckError, FormModal, requireDate } from '../components/form-modal';
import { PlanBoard } from '../components/plan-board';
import { PlanBodyEditor } from '../components/plan-body-editor';
import { CascadeFields, PlanStateBadge, cascadeRequestOf, emptyCascadeDraft, type TCascadeDraft } from '../components/plan-parts';
import { PlanHistory, PlanMilestones, PlanTimelineEditor } from '../components/plan-timeline';
import type { TAllowedAction, TPlan } from '../components/plan-types';
import { DateField, ErrorAlert, Loading, PageTitle, todayVi } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

const AUTHORITIES = ['KT.', 'TM.', 'Q.', 'TL.', 'TUQ.'];
const ACTION_COLORS: Record<string, string> = { return: 'red', issue: 'green', close: 'dark' };

function TransitionButton({ plan, action }: { plan: TPlan; action: TAllowedAction }) {
  const qc = useQueryClient();
  const me = useMe();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const [issue, setIssue] = useState({ number: '' as number | string, date: todayVi(), signerName: '', signerTitle: '', signerAuthority: '' });
  const [withCascade, setWithCascade] = useState(false);
  const [cascade, setCascade] = useState<TCascadeDraft>(() => emptyCascadeDraft());
  const open = () => {
    setError(null);
    setReason('');
    const isHead = me.roles.some((r) => r.role === 'head' && r.unitId === plan.unitId);
    setIssue({ number: '', date: todayVi(), signerName: isHead ? me.fullName : '', signerTitle: '', signerAuthority: '' });
    setOpened(true);
  };
  const submit = async () => {
    if (action.reasonRequired && !reason.trim()) throw new FormCheckError(`Cần ghi lý do khi ${action.label.toLowerCase()} kế hoạch`);
    const body: Record<string, unknown> = { action: action.action, reason: reason.trim() || null };
    if (action.needsIssueData) {
      if (issue.signerName.trim().length < 2) throw new FormCheckError('Chưa nhập người ký');
      body.issue = {
        number: issue.number === '' ? undefined : Number(issue.number),
        date: requireDate(issue.date, 'Ngày ban hành'),
        signerName: issue.signerName.trim(),
        signerTitle: issue.signerTitle.trim() || undefined,
        signerAuthority: issue.signerAuthority || null,
      };
      if (withCascade) body.cascade = cascadeRequestOf(cascade);
    }
    const saved = await api.post<TPlan>(`/plans/${plan.id}/transitions`, body);
    qc.setQueryData(['plans', 'detail', plan.id], saved);
    await qc.invalidateQueries({ queryKey: ['plans'] });
    setOpened(false);
  };
  return (
    <>
      <Button color={ACTION_COLORS[action.action]} variant={action.action === 'return' ? 'light' : 'filled'} onClick={open}>{action.label}</Button>
      <FormModal title={`${action.label} kế hoạch`} opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel={action.label} error={error} setError={setError}
        size={action.needsIssueData ? 'xl' : 'md'} labels={{ 'issue.date': 'Ngày ban hành', 'issue.signerName': 'Người ký', 'issue.number': 'Số văn bản', dueDate: 'Hạn ban hành kế hoạch thực hiện' }}>
        <Text size="sm">{plan.title}</Text>
        {action.needsIssueData ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput label="Số văn bản" description="Để trống: lấy số tiếp theo của sổ văn bản đi" min={1} max={99999} value={issue.number} onChange={(v) => setIssue({ ...issue, number: v })} />
              <DateField label="Ngày ban hành" withAsterisk value={issue.date} onChange={(t) => setIssue({ ...issue, date: t })} />
              <TextInput label="Người ký" withAsterisk value={issue.signerName} onChange={(e) => setIssue({ ...issue, signerName: e.currentTarget.value })} />
              <TextInput label="Chức vụ người ký" description="Để trống: theo loại đơn vị (GIÁM ĐỐC, HIỆU TRƯỞNG…)" value={issue.signerTitle} onChange={(e) => setIssue({ ...issue, signerTitle: e.currentTarget.value })} />
              <Select label="Thẩm quyền ký" placeholder="Ký trực tiếp" clearable value={issue.signerAuthority || null} data={AUTHORITIES} onChange={(v) => setIssue({ ...issue, signerAuthority: v ?? '' })} />
            </SimpleGrid>
            <Checkbox label="Giao đơn vị cấp dưới xây dựng kế hoạch thực hiện" checked={withCascade} onChange={(e) => setWithCascade(e.currentTarget.checked)} />
            {withCascade ? <Card withBorder padding="sm"><CascadeFields value={cascade} onChange={setCascade} schoolYear={plan.schoolYear} /></Card> : null}
          </>
        ) : null}
        <Textarea label={action.reasonRequired ? 'Lý do' : 'Ghi chú (không bắt buộc)'} withAsterisk={action.reasonRequired} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

function AmendButton({ plan }: { plan: TPlan }) {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const submit = async () => {
    const saved = await api.post<TPlan>(`/plans/${plan.id}/amend`, { reason });
    await qc.invalidateQueries({ queryKey: ['plans'] });
    setOpened(false);
    navigate(`/ke-hoach/${saved.id}`);
  };
  return (
    <>
      <Button variant="default" onClick={() => { setError(null); setReason(''); setOpened(true); }}>Lập bản điều chỉnh</Button>
      <FormModal title="Lập kế hoạch điều chỉnh" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Lập dự thảo điều chỉnh" error={error} setError={setError} size="md" labels={{ reason: 'Lý do' }}>
        <Text size="sm">Kế hoạch đã ban hành không sửa trực tiếp; bản điều chỉnh là một dự thảo mới, ban hành xong sẽ thay thế bản này.</Text>
        <Textarea label="Lý do điều chỉnh" withAsterisk autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

/** The PDF fetched with the session cookie and shown from a blob URL; the server's message otherwise. */
function DocumentTab({ plan }: { plan: TPlan }) {
  const pdf = useQuery({
    queryKey: ['plans', 'pdf', plan.id, plan.updatedAt, plan.stateChangedAt],
    queryFn: async () => {
      const res = await fetch(`/api/v1/plans/${plan.id}/pdf`, { credentials: 'same-origin' });
      if (!res.ok) {
        let message = 'Không tạo được bản PDF';
        try { message = ((await res.json()) as { error?: { message?: string } }).error?.message ?? message; } catch { /* not JSON */ }
        throw new ApiError(res.status, 'PDF', message);
      }
      return URL.createObjectURL(await res.blob());
    },
    staleTime: Infinity,
    gcTime: 60_000,
    retry: false,
  });
  const url = pdf.data;
  useEffect(() => () => { if (url) URL.revokeObjectURL(url); }, [url]);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const download = (ext: 'docx' | 'pdf') => {
    setDownloadError(null);
    downloadFile(`/plans/${plan.id}/${ext}`, `ke-hoach.${ext}`).catch(setDownloadError);
  };
  return (
    <Stack>
      <Group gap="xs">
        <Button variant="light" onClick={() => download('docx')}>Tải về bản Word (DOCX)</Button>
        <Button variant="light" onClick={() => download('pdf')}>Tải về bản PDF</Button>
      </Group>
      <ErrorAlert error={downloadError} />
      {pdf.isPending ? <Loading label="Đang tạo bản xem trước…" /> : pdf.error ? (
        <Alert color="yellow" title="Chưa xem trước được">{errorMessage(pdf.error)}</Alert>
      ) : (
        <object data={url} type="application/pdf" aria-label="Bản xem trước kế hoạch" style={{ width: '100%', height: '80vh', border: '1px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" p="sm">Trình duyệt không hiển thị được PDF; hãy tải về để xem.</Text>
        </object>
      )}
    </Stack>
  );
}

export default function PlanDetailPage() {
  const { id = '' } = useParams();
  const [tab, setTab] = useState<string | null>('content');
  const q = useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => api.get<TPlan>(`/plans/${id}`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const p = q.data;
  const issued = !!p.numberText;

  return (
    <Stack>
      <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
        <Anchor component={Link} to="/ke-hoach" size="sm">Kế hoạch, phong trào</Anchor>
        {p.parentPlan ? <Anchor component={Link} to={`/ke-hoach/${p.parentPlan.id}`} size="sm">{p.parentPlan.unitName}</Anchor> : null}
        <Text size="sm">{p.unitName}</Text>
      </Breadcrumbs>
      <PageTitle actions={p.allowedActions.length || p.canCascade ? (
        <>
          {p.allowedActions.map((a) => <TransitionButton key={a.action} plan={p} action={a} />)}
          {p.canCascade ? <AmendButton plan={p} /> : null}
        </>
      ) : null}>
        {p.title}
      </PageTitle>
      <Card withBorder padding="sm">
        <Group gap="sm" wrap="wrap">
          <PlanStateBadge state={p.state} label={p.stateLabel} size="lg" />
          <Text size="sm">{p.kindLabel}{p.schoolYearLabel ? ` · ${p.schoolYearLabel}` : ''}</Text>
          {issued ? <Text size="sm" fw={600}>Số {p.numberText} ngày {formatDateVi(p.issuedDate)}</Text> : null}
          {p.signer ? <Text size="sm" c="dimmed">Người ký: {p.signer.authority ? `${p.signer.authority} ` : ''}{p.signer.name}</Text> : null}
          {p.version > 1 ? <Text size="sm" c="dimmed">Điều chỉnh lần {p.version - 1}</Text> : null}
        </Group>
        {p.parentPlan ? (
          <Text size="sm" mt={6}>Thực hiện kế hoạch của {p.parentPlan.unitName}: <Anchor component={Link} to={`/ke-hoach/${p.parentPlan.id}`}>{p.parentPlan.numberText ? `Số ${p.parentPlan.numberText}` : p.parentPlan.title}</Anchor>{p.parentPlan.issuedDate ? ` ngày ${formatDateVi(p.parentPlan.issuedDate)}` : ''}</Text>
        ) : null}
        {p.cascadeTask ? <Text size="sm" mt={4}>Hạn ban hành theo yêu cầu cấp trên: {formatDateVi(p.cascadeTask.dueDate)} ({p.cascadeTask.statusLabel.toLowerCase()})</Text> : null}
        {p.amendsPlanId ? <Text size="sm" mt={4}>Điều chỉnh <Anchor component={Link} to={`/ke-hoach/${p.amendsPlanId}`}>bản trước</Anchor>.</Text> : null}
      </Card>
      {p.supersededById ? <Alert color="gray" title="Đã có bản điều chỉnh">Kế hoạch này đã được thay thế. <Anchor component={Link} to={`/ke-hoach/${p.supersededById}`}>Mở bản điều chỉnh</Anchor></Alert> : null}
      {p.returnReason && p.state === 'draft' ? <Alert color="orange" title="Kế hoạch bị trả lại">{p.returnReason}</Alert> : null}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="content">Nội dung</Tabs.Tab>
          <Tabs.Tab value="time">Thời gian</Tabs.Tab>
          <Tabs.Tab value="board">Triển khai</Tabs.Tab>
          <Tabs.Tab value="document">Văn bản</Tabs.Tab>
          <Tabs.Tab value="history">Lịch sử</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="content" pt="sm"><PlanBodyEditor plan={p} /></Tabs.Panel>
        <Tabs.Panel value="time" pt="sm"><Stack><PlanTimelineEditor plan={p} /><PlanMilestones planId={p.id} /></Stack></Tabs.Panel>
        <Tabs.Panel value="board" pt="sm"><PlanBoard plan={p} /></Tabs.Panel>
        <Tabs.Panel value="document" pt="sm"><DocumentTab plan={p} /></Tabs.Panel>
        <Tabs.Panel value="history" pt="sm"><PlanHistory planId={p.id} /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
