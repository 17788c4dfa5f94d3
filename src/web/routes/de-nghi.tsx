// Đề nghị khen thưởng (nominations): the officer lists the nominations in reach (server-side pages and
// filters: unit subtree, school year, title, status, source, name without diacritics), adds nominations
// for people of a unit with each candidate's eligibility verdict and reasons beside them (titles of the
// rule set in force), withdraws one with a reason, and opens a review session with the pending ones; a
// person without officer rights nominates themself ("Tự đề nghị") and sees their own nominations.
import { Anchor, Badge, Button, Card, Checkbox, Group, List, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, errorMessage, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan, useMe } from '../auth';
import { RuleSetLine, STATUS_LABELS, UnverifiedBadge, VerdictBlock, type TPersonEligibility, type TRuleSetUsed, type TVerdict } from '../components/eligibility-parts';
import { FormCheckError, FormModal, optionalDate } from '../components/form-modal';
import type { TPlan, TPlanSummary } from '../components/plan-types';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, Pager, formatDateTimeVi } from '../components/ui';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { useListParams } from '../components/use-list-params';
import { PagedTable } from '../components/paged-list';
import { AWARD_CODE_LABELS } from '../../shared/labels';
import { schoolYearLabel, schoolYearOf } from '../../shared/vn';

const PAGE_SIZE = 20;
const CANDIDATE_PAGE_SIZE = 10;

type TNominationStatus = 'open' | 'in_review' | 'withdrawn' | 'done';
type TNomination = {
  id: string; unitId: string; unitName: string | null; schoolYear: number; schoolYearLabel: string; candidateKind: 'ca_nhan' | 'tap_the'; personId: string | null;
  candidateUnitId: string | null; candidateName: string; titleCode: string; titleName: string; source: 'registration' | 'self' | 'officer' | 'assessment'; sourceLabel: string;
  sourceRef: string | null; note: string | null; status: TNominationStatus; statusLabel: string; createdAt: string;
};
type TEligibilityList = {
  schoolYear: number; reviewDate: string; ruleSet: TRuleSetUsed; titles: { code: string; name: string; shortName: string }[];
  items: TPersonEligibility[]; total: number; page: number; pageSize: number;
};

const STATUS_OPTIONS = [
  { value: 'open', label: 'Chờ bình xét' },
  { value: 'in_review', label: 'Đang bình xét' },
  { value: 'done', label: 'Đã bình xét' },
  { value: 'withdrawn', label: 'Đã rút' },
];
const STATUS_COLORS: Record<TNominationStatus, string> = { open: 'blue', in_review: 'orange', withdrawn: 'gray', done: 'green' };
const SOURCE_OPTIONS = [
  { value: 'registration', label: 'Đăng ký thi đua' },
  { value: 'self', label: 'Tự đề nghị' },
  { value: 'officer', label: 'Cán bộ TĐKT đề nghị' },
  { value: 'assessment', label: 'Từ kết quả đánh giá' },
];
const TITLE_OPTIONS = Object.entries(AWARD_CODE_LABELS).filter(([code]) => code !== 'other').map(([value, label]) => ({ value, label }));
const VERDICT_COLORS: Record<TVerdict['status'], string> = { eligible: 'green', not_eligible: 'red', needs_review: 'yellow' };
const MARK: Record<'pass' | 'fail' | 'review', string> = { pass: '✓', fail: '✗', review: '?' };

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The school year whose results a nomination is about: from August on, the one that has just ended. */
function nominationYearDefault(): number {
  const t = todayIso();
  const y = schoolYearOf(t);
  return Number(t.slice(5, 7)) >= 8 ? y - 1 : y;
}

function yearOptions() {
  const y = schoolYearOf(todayIso());
  return [y, y - 1, y - 2, y - 3].map((v) => ({ value: String(v), label: `Năm học ${schoolYearLabel(v)}` }));
}

/** Units where the account may nominate and hold a council (officer or administrator roles). */
function useOfficerUnits(): TUnitOption[] {
  const me = useMe();
  return [...new Map(me.roles.filter((r) => r.role === 'officer' || r.role === 'admin').map((r) => [r.unitId, r.unitName])).entries()].map(([id, name]) => ({ id, name }));
}

/** The verdict for the chosen title, with every reason (rule, fact, citation) beside the candidate. */
function CandidateVerdict({ verdict }: { verdict: TVerdict | undefined }) {
  if (!verdict) return <Text size="xs" c="dimmed">Bộ quy tắc không đối chiếu danh hiệu này</Text>;
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="wrap">
        <Badge size="sm" variant="light" color={VERDICT_COLORS[verdict.status]}>{STATUS_LABELS[verdict.status]}</Badge>
        {verdict.unverified ? <UnverifiedBadge notes={verdict.unverifiedNotes} /> : null}
      </Group>
      <List size="xs" spacing={0} listStyleType="none" aria-label={`Lý do: ${verdict.titleName}`}>
        {verdict.reasons.map((r, i) => (
          <List.Item key={`${r.code}-${i}`} title={r.citation}>
            <Text span size="xs" fw={700} c={r.outcome === 'pass' ? 'green' : r.outcome === 'fail' ? 'red' : 'yellow.8'}>{MARK[r.outcome]}</Text>{' '}
            <Text span size="xs">{r.message}</Text>
            {r.unverified ? <Text span size="xs" c="orange"> (chưa xác minh)</Text> : null}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function AddNominations({ onDone }: { onDone: () => void }) {
  const officerUnits = useOfficerUnits();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unit, setUnit] = useState<TUnitOption | null>(officerUnits[0] ?? null);
  const [year, setYear] = useState(String(nominationYearDefault()));
  const [title, setTitle] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [onlyEligible, setOnlyEligible] = useState(false);
  const [page, setPage] = useState(1);
  const [picked, setPicked] = useState<Map<string, string>>(new Map());
  const [note, setNote] = useState('');

  const titles = useQuery({
    queryKey: ['eligibility', 'titles', unit?.id, year],
    queryFn: () => api.get<TEligibilityList>(`/eligibility${toQuery({ unitId: unit!.id, schoolYear: year, pageSize: 1 })}`),
    enabled: opened && !!unit,
    staleTime: 60_000,
  });
  const titleCode = title ?? titles.data?.titles[0]?.code ?? null;
  const people = useQuery({
    queryKey: ['eligibility', 'nominate', unit?.id, year, titleCode, debounced, onlyEligible, page],
    queryFn: () => api.get<TEligibilityList>(`/eligibility${toQuery({ unitId: unit!.id, schoolYear: year, title: titleCode, q: debounced, onlyEligible: onlyEligible ? 'true' : '', page, pageSize: CANDIDATE_PAGE_SIZE })}`),
    enabled: opened && !!unit && !!titleCode,
    placeholderData: keepPreviousData,
  });
  // Live nominations for the same unit, year and title: those people cannot be nominated twice.
  const existing = useQuery({
    queryKey: ['nominations', 'existing', unit?.id, year, titleCode],
    queryFn: () => api.get<TPage<TNomination>>(`/nominations${toQuery({ unitId: unit!.id, schoolYear: year, titleCode, status: 'open,in_review,done', pageSize: 200 })}`),
    enabled: opened && !!unit && !!titleCode,
  });
  const already = new Set((existing.data?.items ?? []).map((n) => n.personId).filter(Boolean));

  const reset = (patch: () => void) => { patch(); setPage(1); setPicked(new Map()); };
  const toggle = (p: TPersonEligibility, on: boolean) => {
    const next = new Map(picked);
    if (on) next.set(p.personId, p.fullName);
    else next.delete(p.personId);
    setPicked(next);
  };
  const submit = async () => {
    if (!unit) throw new FormCheckError('Chọn đơn vị có Hội đồng xét');
    if (!titleCode) throw new FormCheckError('Chọn danh hiệu, hình thức đề nghị');
    if (!picked.size) throw new FormCheckError('Chọn ít nhất một cán bộ để đề nghị');
    const res = await api.post<{ created: number; items: TNomination[] }>('/nominations/batch', { unitId: unit.id, schoolYear: Number(year), titleCode, personIds: [...picked.keys()], note: note.trim() || null });
    notifications.show({ color: 'green', message: `Đã ghi ${res.created} đề nghị "${res.items[0]?.titleName ?? ''}" năm học ${schoolYearLabel(Number(year))}.` });
    setOpened(false);
    onDone();
  };

  return (
    <>
      <Button onClick={() => { setError(null); setPicked(new Map()); setNote(''); setPage(1); setOpened(true); }}>Thêm đề nghị</Button>
      <FormModal title="Thêm đề nghị khen thưởng" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel={picked.size ? `Đề nghị ${picked.size} người` : 'Đề nghị'} error={error} setError={setError} size="xl"
        labels={{ unitId: 'Đơn vị', titleCode: 'Danh hiệu', personIds: 'Cán bộ' }}>
        <Group grow align="flex-end" wrap="wrap">
          <UnitPicker label="Đơn vị có Hội đồng xét" value={unit} onChange={(u) => reset(() => { setUnit(u); setTitle(null); })} miw={220} clearable={false} />
          <Select label="Năm học" value={year} allowDeselect={false} data={yearOptions()} onChange={(v) => reset(() => setYear(v ?? year))} miw={160} />
          <Select label="Danh hiệu, hình thức" placeholder={titles.isFetching ? 'Đang tải…' : 'Chọn'} value={titleCode} allowDeselect={false} miw={240}
            data={(titles.data?.titles ?? []).map((t) => ({ value: t.code, label: t.name }))} onChange={(v) => reset(() => setTitle(v))} />
        </Group>
        <ErrorAlert error={titles.error} />
        {titles.data ? <RuleSetLine ruleSet={titles.data.ruleSet} reviewDate={titles.data.reviewDate} /> : null}
        <Group align="flex-end" wrap="wrap">
          <TextInput label="Tìm cán bộ" placeholder="Gõ tên, không cần dấu" value={search} onChange={(e) => { setSearch(e.currentTarget.value); setPage(1); }} w={240} />
          <Checkbox label="Chỉ người đủ điều kiện" checked={onlyEligible} onChange={(e) => { setOnlyEligible(e.currentTarget.checked); setPage(1); }} mb={8} />
        </Group>
        <ErrorAlert error={people.error} />
        {!unit ? <Empty>Chọn đơn vị để xem danh sách cán bộ.</Empty> : people.isPending && titleCode ? <Loading label="Đang đối chiếu tiêu chuẩn…" /> : people.data && people.data.items.length === 0 ? <Empty>Không có cán bộ phù hợp.</Empty> : people.data ? (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} aria-label="Cán bộ có thể đề nghị">
              <Table.Thead>
                <Table.Tr><Table.Th w={40} /><Table.Th>Họ và tên</Table.Th><Table.Th>Kết quả đối chiếu tiêu chuẩn và lý do</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {people.data.items.map((p) => {
                  const taken = already.has(p.personId);
                  return (
                    <Table.Tr key={p.personId}>
                      <Table.Td><Checkbox aria-label={`Chọn ${p.fullName}`} disabled={taken} checked={picked.has(p.personId)} onChange={(e) => toggle(p, e.currentTarget.checked)} /></Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>{p.fullName}</Text>
                        <Text size="xs" c="dimmed">{[p.position, p.unitName].filter(Boolean).join(' — ')}</Text>
                        {taken ? <Badge size="xs" variant="outline" color="gray">Đã được đề nghị</Badge> : null}
                      </Table.Td>
                      <Table.Td><CandidateVerdict verdict={p.verdicts.find((v) => v.titleCode === titleCode)} /></Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {people.data ? <Pager page={page} pageSize={CANDIDATE_PAGE_SIZE} total={people.data.total} onChange={setPage} /> : null}
        {picked.size ? <Text size="sm">Đã chọn {picked.size}: {[...picked.values()].join(', ')}</Text> : null}
        <Textarea label="Ghi chú" placeholder="Ví dụ: thành tích nổi bật, sáng kiến" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={1} maxRows={4} />
      </FormModal>
    </>
  );
}

function SelfNominate({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const canWrite = useCan('commendation.write');
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [year, setYear] = useState(String(nominationYearDefault()));
  const [title, setTitle] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const elig = useQuery({
    queryKey: ['eligibility', 'self', me.personId, year],
    queryFn: () => api.get<{ schoolYear: number; reviewDate: string; ruleSet: TRuleSetUsed; person: TPersonEligibility }>(`/eligibility/person/${me.personId}${toQuery({ schoolYear: year })}`),
    enabled: opened && !!me.personId,
  });
  const verdicts = elig.data?.person.verdicts ?? [];
  const chosen = verdicts.find((v) => v.titleCode === title);
  const submit = async () => {
    if (!title) throw new FormCheckError('Chọn danh hiệu, hình thức bạn tự đề nghị');
    const n = await api.post<TNomination>('/nominations', {
      // An officer names the council's unit; for everyone else the server takes the person's own unit.
      unitId: canWrite ? elig.data?.person.unitId : undefined,
      schoolYear: Number(year), candidateKind: 'ca_nhan', personId: me.personId, titleCode: title, note: note.trim() || null,
    });
    notifications.show({ color: 'green', message: `Đã gửi đề nghị "${n.titleName}" năm học ${n.schoolYearLabel} tới Hội đồng TĐKT của ${n.unitName ?? 'đơn vị'}.` });
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button variant={canWrite ? 'light' : 'filled'} onClick={() => { setError(null); setTitle(null); setNote(''); setOpened(true); }}>Tự đề nghị</Button>
      <FormModal title="Tự đề nghị xét khen thưởng" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Gửi đề nghị" error={error} setError={setError} labels={{ titleCode: 'Danh hiệu' }}>
        <Select label="Năm học" value={year} allowDeselect={false} data={yearOptions()} onChange={(v) => { setYear(v ?? year); setTitle(null); }} />
        <ErrorAlert error={elig.error} />
        {elig.isPending ? <Loading label="Đang đối chiếu tiêu chuẩn…" /> : elig.data ? (
          <>
            <RuleSetLine ruleSet={elig.data.ruleSet} reviewDate={elig.data.reviewDate} />
            <Select label="Danh hiệu, hình thức đề nghị" placeholder="Chọn" value={title} onChange={setTitle}
              data={verdicts.map((v) => ({ value: v.titleCode, label: `${v.titleName} — ${STATUS_LABELS[v.status]}${v.unverified ? ' (chưa xác minh)' : ''}` }))} />
            {chosen ? <Card withBorder padding="sm"><VerdictBlock verdict={chosen} /></Card> : <Text size="xs" c="dimmed">Chọn danh hiệu để xem bạn đã đủ tiêu chuẩn chưa và vì sao.</Text>}
          </>
        ) : null}
        <Textarea label="Thành tích, ghi chú gửi Hội đồng" placeholder="Ví dụ: sáng kiến được công nhận cấp cơ sở" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} maxRows={5} />
        <Text size="xs" c="dimmed">Đề nghị được gửi tới Hội đồng Thi đua – Khen thưởng của đơn vị bạn công tác; bạn có thể rút lại khi đề nghị chưa được đưa vào phiên bình xét.</Text>
      </FormModal>
    </>
  );
}

function Withdraw({ n, onDone }: { n: TNomination; onDone: () => void }) {
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (reason.trim().length < 3) throw new FormCheckError('Nhập lý do rút đề nghị (ít nhất 3 ký tự)');
    await api.post(`/nominations/${n.id}/withdraw`, { reason: reason.trim() });
    notifications.show({ color: 'green', message: `Đã rút đề nghị "${n.titleName}" của ${n.candidateName}.` });
    setOpened(false);
    onDone();
  };
  return (
    <>
      <Button size="xs" variant="subtle" color="red" aria-label={`Rút đề nghị của ${n.candidateName}`} onClick={() => { setError(null); setReason(''); setOpened(true); }}>Rút</Button>
      <FormModal title={`Rút đề nghị: ${n.candidateName} – ${n.titleName}`} opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Rút đề nghị" error={error} setError={setError} labels={{ reason: 'Lý do' }}>
        <TextInput label="Lý do rút" placeholder="Ví dụ: chưa đủ minh chứng sáng kiến" value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
        <Text size="xs" c="dimmed">Lý do được ghi vào nhật ký. Sau khi rút có thể đề nghị lại.</Text>
      </FormModal>
    </>
  );
}

function OpenSession() {
  const units = useOfficerUnits();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [year, setYear] = useState(String(nominationYearDefault()));
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [planId, setPlanId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [location, setLocation] = useState('');
  const pending = useQuery({
    queryKey: ['nominations', 'pending', unitId, year],
    queryFn: () => api.get<TPage<TNomination>>(`/nominations${toQuery({ unitId, schoolYear: year, status: 'open', pageSize: 200 })}`),
    enabled: opened && !!unitId,
  });
  const plans = useQuery({
    queryKey: ['plans', 'for-review', unitId, year],
    queryFn: () => api.get<TPage<TPlanSummary>>(`/plans${toQuery({ unitId, schoolYear: year, pageSize: 50 })}`),
    enabled: opened && !!unitId,
  });
  const plan = useQuery({ queryKey: ['plans', 'detail', planId], queryFn: () => api.get<TPlan>(`/plans/${planId}`), enabled: opened && !!planId });
  const chosen = (pending.data?.items ?? []).filter((n) => !skipped.has(n.id));

  const submit = async () => {
    if (!unitId) throw new FormCheckError('Chọn đơn vị có Hội đồng bình xét');
    if (!chosen.length) throw new FormCheckError(`Không có đề nghị nào đang chờ bình xét năm học ${schoolYearLabel(Number(year))} để đưa vào phiên`);
    const reviewDate = optionalDate(date, 'Ngày họp') ?? undefined;
    const s = await api.post<{ id: string }>('/reviews', { unitId, schoolYear: Number(year), name: name.trim() || undefined, reviewDate, location: location.trim() || null, planId });
    try {
      await api.post(`/reviews/${s.id}/candidates`, { nominationIds: chosen.map((n) => n.id) });
      notifications.show({ color: 'green', message: `Đã mở phiên bình xét với ${chosen.length} ứng viên từ các đề nghị.` });
    } catch (e) {
      // The session exists; the officer fixes quotas or candidates there.
      notifications.show({ color: 'red', title: 'Đã tạo phiên nhưng chưa thêm được ứng viên', message: errorMessage(e), autoClose: false });
    }
    await qc.invalidateQueries({ queryKey: ['nominations'] });
    await qc.invalidateQueries({ queryKey: ['reviews'] });
    setOpened(false);
    navigate(`/binh-xet/${s.id}`);
  };

  return (
    <>
      <Button variant="light" onClick={() => { setError(null); setSkipped(new Set()); setPlanId(null); setOpened(true); }}>Mở phiên bình xét</Button>
      <FormModal title="Mở phiên bình xét với các đề nghị đang chờ" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Mở phiên" error={error} setError={setError} size="lg"
        labels={{ unitId: 'Đơn vị', reviewDate: 'Ngày họp', nominationIds: 'Đề nghị' }}>
        {units.length > 1 ? (
          <Select label="Đơn vị (Hội đồng TĐKT của đơn vị)" value={unitId} allowDeselect={false} data={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v) => { setUnitId(v); setSkipped(new Set()); setPlanId(null); }} />
        ) : units.length === 1 ? <Text size="sm">Đơn vị: <b>{units[0].name}</b></Text> : <Text size="sm" c="red">Tài khoản không có vai trò cán bộ TĐKT ở đơn vị nào.</Text>}
        <Select label="Năm học" value={year} allowDeselect={false} data={yearOptions()} onChange={(v) => { setYear(v ?? year); setSkipped(new Set()); setPlanId(null); }} />
        <Text fw={600} size="sm">Đề nghị đang chờ bình xét</Text>
        <ErrorAlert error={pending.error} />
        {pending.isPending ? <Loading /> : (pending.data?.items.length ?? 0) === 0 ? <Empty>Không có đề nghị nào đang chờ bình xét năm học này.</Empty> : (
          <Stack gap={4}>
            {pending.data!.items.map((n) => (
              <Checkbox key={n.id} label={`${n.candidateName} – ${n.titleName} (${n.sourceLabel})`} checked={!skipped.has(n.id)}
                onChange={(e) => { const next = new Set(skipped); if (e.currentTarget.checked) next.delete(n.id); else next.add(n.id); setSkipped(next); }} />
            ))}
            {pending.data!.total > pending.data!.items.length ? <Text size="xs" c="dimmed">Còn {pending.data!.total - pending.data!.items.length} đề nghị chưa hiện; thêm sau trong phiên.</Text> : null}
          </Stack>
        )}
        <Select label="Kế hoạch thi đua (lấy chỉ tiêu)" placeholder={(plans.data?.items.length ?? 0) ? 'Không dùng' : 'Đơn vị chưa có kế hoạch năm học này'} clearable value={planId} onChange={setPlanId}
          data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.numberText ? `${p.numberText} – ` : ''}${p.title}` }))} />
        {plan.data ? (
          plan.data.body.awards.length ? (
            <Card withBorder padding="xs">
              <Text size="sm" fw={600}>Chỉ tiêu khen thưởng theo kế hoạch</Text>
              {plan.data.body.awards.map((a, i) => <Text key={i} size="sm">• {a.name} ({a.recipient === 'individual' ? 'cá nhân' : 'tập thể'}): {a.quota}</Text>)}
              <Text size="xs" c="dimmed">Phiên bình xét kiểm tra chỉ tiêu khi thêm ứng viên và khi khai mạc.</Text>
            </Card>
          ) : <Text size="xs" c="dimmed">Kế hoạch không ghi chỉ tiêu khen thưởng.</Text>
        ) : null}
        <TextInput label="Tên phiên" placeholder={`Bình xét thi đua năm học ${schoolYearLabel(Number(year))}`} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <DateField label="Ngày họp" description="Để trống là hôm nay; ngày họp chọn bộ quy tắc áp dụng" value={date} onChange={setDate} />
        <TextInput label="Địa điểm" placeholder="Phòng họp Hội đồng" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

export default function NominationsPage() {
  const me = useMe();
  const qc = useQueryClient();
  const canRead = useCan('commendation.read');
  const canWrite = useCan('commendation.write');
  const listParams = useListParams();
  const { params, q, setQ, debounced, page, update } = listParams;
  const schoolYear = params.get('schoolYear') ?? '';
  const status = params.get('status') ?? '';
  const source = params.get('source') ?? '';
  const titleCode = params.get('titleCode') ?? '';
  const withinId = params.get('withinId') ?? '';
  const withinName = params.get('withinName') ?? '';
  const mine = !canRead || params.get('mine') === 'true';
  const list = useQuery({
    queryKey: ['nominations', 'list', debounced, schoolYear, status, source, titleCode, withinId, mine, page],
    queryFn: () => api.get<TPage<TNomination>>(`/nominations${toQuery({ q: debounced, schoolYear, status, source, titleCode, withinId: mine ? '' : withinId, mine: mine ? 'true' : '', page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
    enabled: canRead || !!me.personId,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['nominations'] });
  const canWithdraw = (n: TNomination) => n.status === 'open' && (canWrite || (n.source === 'self' && n.personId === me.personId));
  const filtered = !!(debounced || schoolYear || status || source || titleCode || withinId);

  return (
    <>
      <PageTitle actions={<>
        {canWrite ? <AddNominations onDone={refresh} /> : null}
        {me.personId ? <SelfNominate onDone={refresh} /> : null}
        {canWrite ? <OpenSession /> : null}
      </>}>
        Đề nghị khen thưởng
      </PageTitle>
      {!canRead ? <Text size="sm" c="dimmed" mb="sm">Các đề nghị của bạn. Hội đồng Thi đua – Khen thưởng của đơn vị xét các đề nghị này trong phiên bình xét.</Text> : null}
      <Card withBorder padding="sm">
        <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">
          <TextInput label="Tìm theo tên" placeholder="Gõ tên, không cần dấu" value={q} miw={180} onChange={(e) => { setQ(e.currentTarget.value); update({ q: e.currentTarget.value, page: '' }); }} />
          {canRead && !mine ? (
            <UnitPicker label="Đơn vị xét (cả đơn vị trực thuộc)" placeholder="Tất cả trong phạm vi" value={withinId ? { id: withinId, name: withinName } : null} miw={220}
              onChange={(u) => update({ withinId: u?.id ?? '', withinName: u?.name ?? '', page: '' })} />
          ) : null}
          <Select label="Năm học" placeholder="Tất cả" clearable value={schoolYear || null} miw={150} data={yearOptions()} onChange={(v) => update({ schoolYear: v ?? '', page: '' })} />
          <Select label="Danh hiệu" placeholder="Tất cả" clearable value={titleCode || null} miw={200} data={TITLE_OPTIONS} onChange={(v) => update({ titleCode: v ?? '', page: '' })} />
          <Select label="Trạng thái" placeholder="Tất cả" clearable value={status || null} miw={150} data={STATUS_OPTIONS} onChange={(v) => update({ status: v ?? '', page: '' })} />
          <Select label="Nguồn" placeholder="Tất cả" clearable value={source || null} miw={170} data={SOURCE_OPTIONS} onChange={(v) => update({ source: v ?? '', page: '' })} />
        </Group>
        {canRead && me.personId ? (
          <Checkbox mb="sm" label="Chỉ đề nghị của tôi" checked={mine} onChange={(e) => update({ mine: e.currentTarget.checked ? 'true' : '', page: '' })} />
        ) : null}
        <PagedTable query={list} list={listParams} pageSize={PAGE_SIZE} minWidth={860} label="Danh sách đề nghị khen thưởng"
          empty={filtered ? 'Không có đề nghị nào phù hợp bộ lọc.' : mine ? 'Bạn chưa có đề nghị nào. Bấm "Tự đề nghị" để đề nghị xét danh hiệu cho chính mình.' : 'Chưa có đề nghị khen thưởng nào trong phạm vi của bạn.'}
          columns={[
            { header: 'Người, tập thể được đề nghị', cell: (n) => (
              <>
                {n.personId && canRead ? <Anchor component={Link} to={`/can-bo/${n.personId}`} size="sm">{n.candidateName}</Anchor> : <Text size="sm">{n.candidateName}</Text>}
                <Text size="xs" c="dimmed">{n.candidateKind === 'ca_nhan' ? 'Cá nhân' : 'Tập thể'}{n.note ? ` · ${n.note}` : ''}</Text>
              </>
            ) },
            { header: 'Danh hiệu, hình thức', cell: (n) => n.titleName },
            { header: 'Năm học', cell: (n) => n.schoolYearLabel },
            { header: 'Hội đồng xét', cell: (n) => n.unitName },
            { header: 'Nguồn', cell: (n) => n.sourceLabel },
            { header: 'Trạng thái', cell: (n) => <Badge variant="light" color={STATUS_COLORS[n.status]}>{n.statusLabel}</Badge> },
            { header: 'Ngày đề nghị', cell: (n) => formatDateTimeVi(n.createdAt) },
            { header: '', cell: (n) => (canWithdraw(n) ? <Withdraw n={n} onDone={refresh} /> : null) },
          ]} />
      </Card>
      {canWrite ? <Text size="xs" c="dimmed" mt="xs">Đề nghị đang chờ được đưa vào phiên bình xét bằng nút "Mở phiên bình xét", hoặc trong trang <Anchor component={Link} to="/binh-xet" size="xs">Bình xét</Anchor>.</Text> : null}
    </>
  );
}
