// Kế hoạch, phong trào: the paginated list with filters, and "Tạo kế hoạch" from the catalogue of
// typical movements, from an issued plan of the unit above, or blank.
import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage, TUnitDetail } from '../api/types';
import { useCan, useMe } from '../auth';
import { FormCheckError, FormModal, requireDate } from '../components/form-modal';
import { PlanStateBadge } from '../components/plan-parts';
import type { TCatalogueEntry, TPlan, TPlanSummary } from '../components/plan-types';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';
import { PLAN_KIND_LABELS, PLAN_STATE_LABELS } from '../../shared/labels';
import { formatDateVi, schoolYearLabel, schoolYearOf } from '../../shared/vn';
import { useListParams } from '../components/use-list-params';

const PAGE_SIZE = 20;
const ISSUED = 'issued,in_progress,midterm_review,final_review';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function currentSchoolYear(): number {
  return schoolYearOf(todayIso());
}

function schoolYearOptions(): { value: string; label: string }[] {
  const y = currentSchoolYear();
  return [y + 1, y, y - 1, y - 2, y - 3].map((v) => ({ value: String(v), label: `Năm học ${schoolYearLabel(v)}` }));
}

function useOwnUnits() {
  const me = useMe();
  const seen = new Map<string, string>();
  for (const r of me.roles) if (r.role === 'officer' || r.role === 'admin') seen.set(r.unitId, r.unitName);
  return [...seen].map(([id, name]) => ({ id, name }));
}

type TMode = 'catalogue' | 'parent' | 'blank';

function CreatePlan() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  const units = useOwnUnits();
  const [opened, setOpened] = useState(false);
  const [mode, setMode] = useState<TMode>('catalogue');
  const [error, setError] = useState<unknown>(null);
  const [unitId, setUnitId] = useState<string | null>(units[0]?.id ?? null);
  const [year, setYear] = useState(String(currentSchoolYear()));
  const [code, setCode] = useState<string | null>(null);
  const [parentId, setParentId] = useState<string | null>(null);
  const [blank, setBlank] = useState({ movementName: '', title: '', kind: 'thematic', from: '', to: '' });

  const catalogue = useQuery({
    queryKey: ['plans', 'catalogue', year],
    queryFn: () => api.get<{ items: TCatalogueEntry[] }>(`/plans/catalogue${toQuery({ schoolYear: year })}`),
    enabled: opened && mode === 'catalogue',
  });
  const parents = useQuery({
    queryKey: ['plans', 'parents'],
    queryFn: () => api.get<TPage<TPlanSummary>>(`/plans${toQuery({ state: ISSUED, pageSize: 200 })}`),
    enabled: opened && mode === 'parent',
  });
  // A plan can only be implemented by a unit below the one that issued it.
  const unit = useQuery({ queryKey: ['units', 'detail', unitId], queryFn: () => api.get<TUnitDetail>(`/units/${unitId}`), enabled: opened && mode === 'parent' && !!unitId });
  const above = new Set((unit.data?.ancestors ?? []).map((a) => a.id));
  const parentOptions = (parents.data?.items ?? []).filter((p) => above.has(p.unitId) && !p.supersededById);
  // The unit's own plans that already implement one of them (any version of it): open those instead.
  const own = useQuery({
    queryKey: ['plans', 'list', 'own', unitId],
    queryFn: () => api.get<TPage<TPlanSummary>>(`/plans${toQuery({ unitId, pageSize: 200 })}`),
    enabled: opened && mode === 'parent' && !!unitId,
  });
  const rootOf = new Map((parents.data?.items ?? []).map((p) => [p.id, p.rootPlanId]));
  const existingFor = (parent: TPlanSummary) =>
    (own.data?.items ?? []).find((c) => c.parentPlanId && !c.supersededById && (rootOf.get(c.parentPlanId) ?? c.parentPlanId) === parent.rootPlanId);

  const open = () => { setError(null); setCode(null); setParentId(null); setOpened(true); };
  const submit = async () => {
    if (!unitId) throw new FormCheckError('Chọn đơn vị xây dựng kế hoạch');
    let plan: TPlan;
    if (mode === 'catalogue') {
      if (!code) throw new FormCheckError('Chọn một phong trào trong danh mục');
      plan = await api.post<TPlan>('/plans/from-catalogue', { unitId, code, schoolYear: Number(year) });
    } else if (mode === 'parent') {
      if (!parentId) throw new FormCheckError('Chọn kế hoạch cấp trên');
      plan = await api.post<TPlan>('/plans/from-parent', { unitId, parentPlanId: parentId });
    } else {
      if (blank.movementName.trim().length < 2) throw new FormCheckError('Chưa nhập tên phong trào');
      const periodFrom = requireDate(blank.from, 'Ngày bắt đầu');
      const periodTo = requireDate(blank.to, 'Ngày kết thúc');
      plan = await api.post<TPlan>('/plans', {
        unitId, kind: blank.kind, movementName: blank.movementName.trim(), title: blank.title.trim() || undefined,
        schoolYear: Number(year), periodFrom, periodTo,
      });
    }
    await qc.invalidateQueries({ queryKey: ['plans'] });
    setOpened(false);
    navigate(`/ke-hoach/${plan.id}`);
  };

  return (
    <>
      <Button onClick={open}>Tạo kế hoạch</Button>
      <FormModal title="Tạo kế hoạch" opened={opened} onClose={() => setOpened(false)} onSubmit={submit} submitLabel="Tạo dự thảo" error={error} setError={setError} size="xl"
        labels={{ movementName: 'Tên phong trào', periodFrom: 'Ngày bắt đầu', periodTo: 'Ngày kết thúc', parentPlanId: 'Kế hoạch cấp trên' }}>
        {units.length > 1 ? (
          <Select label="Đơn vị ban hành" value={unitId} allowDeselect={false} data={units.map((u) => ({ value: u.id, label: u.name }))} onChange={setUnitId} />
        ) : units.length === 1 ? <Text size="sm">Đơn vị ban hành: <b>{units[0].name}</b></Text> : <ErrorAlert error={new FormCheckError('Tài khoản không thuộc đơn vị nào được lập kế hoạch')} />}
        <Select label="Cách tạo" value={mode} allowDeselect={false} onChange={(v) => { setMode((v ?? 'catalogue') as TMode); setError(null); }}
          data={[{ value: 'catalogue', label: 'Từ danh mục phong trào mẫu' }, { value: 'parent', label: 'Từ kế hoạch cấp trên' }, { value: 'blank', label: 'Kế hoạch trống' }]} />
        {mode !== 'parent' ? (
          <Select label="Năm học" value={year} allowDeselect={false} data={schoolYearOptions()} onChange={(v) => setYear(v ?? year)} />
        ) : null}
        {mode === 'catalogue' ? (
          catalogue.error ? <ErrorAlert error={catalogue.error} /> : !catalogue.data ? <Loading /> : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" role="radiogroup" aria-label="Danh mục phong trào">
              {catalogue.data.items.map((c) => (
                <UnstyledButton key={c.code} role="radio" aria-checked={code === c.code} aria-label={c.movementName} onClick={() => setCode(c.code)}>
                  <Card withBorder padding="sm" h="100%" style={{ borderColor: code === c.code ? 'var(--mantine-color-blue-6)' : undefined, background: code === c.code ? 'var(--mantine-color-blue-0)' : undefined }}>
                    <Group justify="space-between" gap={4} wrap="nowrap" align="flex-start">
                      <Text fw={600} size="sm">{c.movementName}</Text>
                      <Badge size="xs" variant="light" color={c.kind === 'regular' ? 'grape' : 'blue'}>{c.kindLabel}</Badge>
                    </Group>
                    <Text size="xs" c="dimmed" mt={4}>{c.summary}</Text>
                    <Text size="xs" mt={4}>{formatDateVi(c.periodFrom)} – {formatDateVi(c.periodTo)}</Text>
                  </Card>
                </UnstyledButton>
              ))}
            </SimpleGrid>
          )
        ) : null}
        {mode === 'parent' ? (
          parents.error || unit.error ? <ErrorAlert error={parents.error ?? unit.error} /> : !parents.data || !unit.data ? <Loading /> : parentOptions.length === 0 ? (
            <Empty>Chưa có kế hoạch nào của cấp trên đã ban hành.</Empty>
          ) : (
            <Stack gap="xs" role="radiogroup" aria-label="Kế hoạch cấp trên">
              {parentOptions.map((p) => {
                const existing = existingFor(p);
                if (existing) {
                  return (
                    <Card key={p.id} withBorder padding="sm" bg="gray.0">
                      <Text fw={600} size="sm">{p.title}</Text>
                      <Text size="xs" c="dimmed">{p.unitName}{p.numberText ? ` · Số ${p.numberText}` : ''}{p.issuedDate ? ` ngày ${formatDateVi(p.issuedDate)}` : ''}</Text>
                      <Text size="xs" mt={4}>Đơn vị đã có kế hoạch thực hiện ({existing.stateLabel.toLowerCase()}): <Anchor component={Link} to={`/ke-hoach/${existing.id}`} size="xs" onClick={() => setOpened(false)}>mở kế hoạch</Anchor></Text>
                    </Card>
                  );
                }
                return (
                  <UnstyledButton key={p.id} role="radio" aria-checked={parentId === p.id} aria-label={p.title} onClick={() => setParentId(p.id)}>
                    <Card withBorder padding="sm" style={{ borderColor: parentId === p.id ? 'var(--mantine-color-blue-6)' : undefined, background: parentId === p.id ? 'var(--mantine-color-blue-0)' : undefined }}>
                      <Text fw={600} size="sm">{p.title}</Text>
                      <Text size="xs" c="dimmed">{p.unitName}{p.numberText ? ` · Số ${p.numberText}` : ''}{p.issuedDate ? ` ngày ${formatDateVi(p.issuedDate)}` : ''}</Text>
                    </Card>
                  </UnstyledButton>
                );
              })}
            </Stack>
          )
        ) : null}
        {mode === 'blank' ? (
          <>
            <TextInput label="Tên phong trào" withAsterisk placeholder="Ví dụ: Dạy tốt – học tốt" value={blank.movementName} onChange={(e) => setBlank({ ...blank, movementName: e.currentTarget.value })} />
            <TextInput label="Trích yếu" description="Để trống thì tạo từ tên phong trào" value={blank.title} onChange={(e) => setBlank({ ...blank, title: e.currentTarget.value })} />
            <Select label="Loại kế hoạch" value={blank.kind} allowDeselect={false} data={Object.entries(PLAN_KIND_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => setBlank({ ...blank, kind: v ?? 'thematic' })} />
            <Group grow>
              <DateField label="Ngày bắt đầu" withAsterisk value={blank.from} onChange={(t) => setBlank({ ...blank, from: t })} />
              <DateField label="Ngày kết thúc" withAsterisk value={blank.to} onChange={(t) => setBlank({ ...blank, to: t })} />
            </Group>
          </>
        ) : null}
      </FormModal>
    </>
  );
}

export default function PlansPage() {
  const canWrite = useCan('plan.write');
  const { params, q, setQ, debounced, page, update } = useListParams();
  const schoolYear = params.get('schoolYear') ?? '';
  const kind = params.get('kind') ?? '';
  const state = params.get('state') ?? '';
  const list = useQuery({
    queryKey: ['plans', 'list', debounced, schoolYear, kind, state, page],
    queryFn: () => api.get<TPage<TPlanSummary>>(`/plans${toQuery({ q: debounced, schoolYear, kind, state, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageTitle actions={canWrite ? <CreatePlan /> : null}>Kế hoạch, phong trào thi đua</PageTitle>
      <Card withBorder padding="sm">
        <Group grow preventGrowOverflow={false} wrap="wrap" mb="sm" align="flex-end">
          <TextInput label="Tìm kế hoạch" placeholder="Trích yếu, gõ không dấu cũng được" value={q} miw={200}
            onChange={(e) => { setQ(e.currentTarget.value); update({ q: e.currentTarget.value, page: '' }); }} />
          <Select label="Năm học" placeholder="Tất cả" clearable value={schoolYear || null} miw={160} data={schoolYearOptions()} onChange={(v) => update({ schoolYear: v ?? '', page: '' })} />
          <Select label="Loại kế hoạch" placeholder="Tất cả" clearable value={kind || null} miw={150}
            data={Object.entries(PLAN_KIND_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ kind: v ?? '', page: '' })} />
          <Select label="Trạng thái" placeholder="Tất cả" clearable value={state || null} miw={150}
            data={Object.entries(PLAN_STATE_LABELS).map(([value, label]) => ({ value, label }))} onChange={(v) => update({ state: v ?? '', page: '' })} />
        </Group>
        <ErrorAlert error={list.error} />
        {list.isPending ? <Loading /> : list.data && list.data.items.length === 0 ? <Empty>Chưa có kế hoạch phù hợp.</Empty> : list.data ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover aria-label="Danh sách kế hoạch">
              <Table.Thead>
                <Table.Tr><Table.Th>Trích yếu</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Loại</Table.Th><Table.Th>Số, ngày</Table.Th><Table.Th miw={130}>Trạng thái</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/ke-hoach/${p.id}`} size="sm">{p.title}</Anchor>
                      {p.schoolYearLabel ? <Text size="xs" c="dimmed">{p.schoolYearLabel}{p.version > 1 ? ` · điều chỉnh lần ${p.version - 1}` : ''}</Text> : null}
                    </Table.Td>
                    <Table.Td><Text size="sm">{p.unitName}</Text></Table.Td>
                    <Table.Td><Text size="sm">{p.kindLabel}</Text></Table.Td>
                    <Table.Td><Text size="sm">{p.numberText ? `${p.numberText}, ${formatDateVi(p.issuedDate)}` : '—'}</Text></Table.Td>
                    <Table.Td>
                      <PlanStateBadge state={p.state} label={p.stateLabel} size="sm" />
                      {p.supersededById ? <Badge ml={4} size="sm" color="gray" variant="outline">Đã được điều chỉnh</Badge> : null}
                    </Table.Td>
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
