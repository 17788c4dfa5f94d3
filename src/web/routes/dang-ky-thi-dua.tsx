// Đăng ký thi đua: an individual registers themself for a plan in progress; a unit officer picks the
// plan and fills the bulk table of the unit's staff (title + commitment), plus the unit's own collective
// title; totals by title for the unit and each sub-unit (rolled up the tree).
import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, toQuery } from '../api/client';
import { useCan, useMe } from '../auth';
import type { TRegistrablePlans, TRegistration, TRoster, TTitleOption, TTotals } from '../components/participation-types';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';

function PlanSelect({ plans, value, onChange }: { plans: TRegistrablePlans | undefined; value: string | null; onChange: (id: string | null) => void }) {
  return (
    <Select label="Kế hoạch thi đua đang thực hiện" placeholder={plans?.items.length ? 'Chọn kế hoạch' : 'Không có kế hoạch đang thực hiện'} value={value} onChange={onChange} allowDeselect={false}
      data={(plans?.items ?? []).map((p) => ({ value: p.id, label: `${p.title} (${p.unitName})` }))} style={{ flex: 1, minWidth: 280 }} />
  );
}

function TotalsCard({ planId, unitId }: { planId: string; unitId: string }) {
  const { data, error } = useQuery({ queryKey: ['registrations', 'totals', planId, unitId], queryFn: () => api.get<TTotals>(`/registrations/totals${toQuery({ planId, unitId })}`) });
  if (error) return <ErrorAlert error={error} />;
  if (!data) return <Loading />;
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">Tổng số đăng ký theo danh hiệu — {data.unitName}</Title>
      {data.total === 0 ? <Empty>Chưa có đăng ký nào.</Empty> : (
        <Group gap="xs" mb="sm" aria-label="Tổng số theo danh hiệu">
          {data.titles.map((t) => <Badge key={`${t.recipientKind}${t.titleCode}`} size="lg" variant="light" data-title={t.titleCode}>{t.titleName}: {t.count.toLocaleString('vi-VN')}</Badge>)}
          <Badge size="lg" color="dark" variant="light">Tổng: {data.total.toLocaleString('vi-VN')}</Badge>
        </Group>
      )}
      {data.children.length ? (
        <Table.ScrollContainer minWidth={480}>
          <Table striped>
            <Table.Thead><Table.Tr><Table.Th>Đơn vị trực thuộc</Table.Th><Table.Th>Theo danh hiệu</Table.Th><Table.Th ta="right">Tổng</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.children.map((c) => (
                <Table.Tr key={c.unitId}>
                  <Table.Td>{c.unitName}</Table.Td>
                  <Table.Td>{c.titles.map((t) => `${t.titleName}: ${t.count}`).join('; ')}</Table.Td>
                  <Table.Td ta="right">{c.total.toLocaleString('vi-VN')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}

type TDraft = Record<string, { titleCode: string | null; commitment: string }>;

function BulkTable({ planId, unit, titles, canWrite }: { planId: string; unit: TUnitOption; titles: TTitleOption[]; canWrite: boolean }) {
  const qc = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 300);
  const [draft, setDraft] = useState<TDraft>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setDraft({}); setPage(1); }, [planId, unit.id]);
  const { data, error: loadError } = useQuery({
    queryKey: ['registrations', 'roster', planId, unit.id, page, debounced],
    queryFn: () => api.get<TRoster>(`/registrations/roster${toQuery({ planId, unitId: unit.id, page, pageSize: 50, q: debounced || undefined })}`),
  });
  const individual = titles.filter((t) => t.kind === 'individual').map((t) => ({ value: t.code, label: t.name }));
  const collective = titles.filter((t) => t.kind === 'collective').map((t) => ({ value: t.code, label: t.name }));
  const changed = Object.keys(draft).length;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const items = Object.entries(draft).map(([key, d]) => key.startsWith('unit:') ? { personId: null, unitId: key.slice(5), titleCode: d.titleCode, commitment: d.commitment || null } : { personId: key, titleCode: d.titleCode, commitment: d.commitment || null });
      const res = await api.post<{ created: number; updated: number; removed: number }>('/registrations/bulk', { planId, unitId: unit.id, items });
      setDraft({});
      await qc.invalidateQueries({ queryKey: ['registrations'] });
      notifications.show({ color: 'green', message: `Đã lưu: ${res.created} đăng ký mới, ${res.updated} sửa, ${res.removed} bỏ.` });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toNominations = async () => {
    setError(null);
    try {
      const res = await api.post<{ registrations: number; nominations: number }>('/registrations/to-nominations', { planId, unitId: unit.id });
      await qc.invalidateQueries({ queryKey: ['registrations'] });
      notifications.show({ color: 'green', message: `Đã chuyển ${res.registrations} đăng ký thành ${res.nominations} đề nghị bình xét.` });
    } catch (e) {
      setError(e);
    }
  };
  if (loadError) return <ErrorAlert error={loadError} />;
  if (!data) return <Loading />;
  const value = (key: string, saved: { titleCode: string | null; commitment: string | null }) => draft[key] ?? { titleCode: saved.titleCode, commitment: saved.commitment ?? '' };
  const set = (key: string, saved: { titleCode: string | null; commitment: string | null }, patch: Partial<{ titleCode: string | null; commitment: string }>) =>
    setDraft((d) => ({ ...d, [key]: { ...value(key, saved), ...patch } }));
  const unitKey = `unit:${data.unit.id}`;
  const unitVal = value(unitKey, data.unit);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h5">Bảng đăng ký của {data.unit.name}</Title>
        {canWrite ? (
          <Group gap="xs">
            <Button variant="light" onClick={toNominations}>Chuyển thành đề nghị bình xét</Button>
            <Button onClick={save} loading={busy} disabled={!changed}>{changed ? `Lưu đăng ký (${changed} dòng)` : 'Lưu đăng ký'}</Button>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={error} />
      <Group align="flex-end" mb="sm" wrap="wrap">
        <Select label="Danh hiệu tập thể của đơn vị" data={collective} value={unitVal.titleCode} clearable disabled={!canWrite || data.unit.nominated} w={260}
          onChange={(v) => set(unitKey, data.unit, { titleCode: v })} />
        <TextInput label="Cam kết của tập thể" value={unitVal.commitment} disabled={!canWrite || data.unit.nominated} style={{ flex: 1, minWidth: 220 }}
          onChange={(e) => set(unitKey, data.unit, { commitment: e.currentTarget.value })} />
      </Group>
      <TextInput label="Tìm cán bộ" placeholder="Gõ tên (không cần dấu)" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} mb="xs" maw={320} />
      <Table.ScrollContainer minWidth={720}>
        <Table striped highlightOnHover>
          <Table.Thead><Table.Tr><Table.Th>Họ và tên</Table.Th><Table.Th>Chức vụ</Table.Th><Table.Th>Danh hiệu đăng ký</Table.Th><Table.Th>Cam kết</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {data.items.map((p) => {
              const v = value(p.personId, p);
              return (
                <Table.Tr key={p.personId} data-person={p.fullName}>
                  <Table.Td>{p.fullName}{p.source === 'self' ? <Badge ml={6} size="xs" variant="light">tự đăng ký</Badge> : null}{p.nominated ? <Badge ml={6} size="xs" color="green" variant="light">đã chuyển bình xét</Badge> : null}</Table.Td>
                  <Table.Td>{p.position ?? ''}{p.unitId !== data.unit.id ? <Text size="xs" c="dimmed">{p.unitName}</Text> : null}</Table.Td>
                  <Table.Td w={240}>
                    <Select aria-label={`Danh hiệu của ${p.fullName}`} data={individual} value={v.titleCode} clearable placeholder="Chưa đăng ký" disabled={!canWrite || p.nominated}
                      onChange={(val) => set(p.personId, p, { titleCode: val })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput aria-label={`Cam kết của ${p.fullName}`} value={v.commitment} disabled={!canWrite || p.nominated} onChange={(e) => set(p.personId, p, { commitment: e.currentTarget.value })} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.items.length === 0 ? <Empty>Không có cán bộ phù hợp.</Empty> : null}
      <Pager page={page} pageSize={data.pageSize} total={data.total} onChange={setPage} />
    </Card>
  );
}

function UnitView() {
  const me = useMe();
  const canWrite = useCan('report.write');
  const first = me.roles[0];
  const [unit, setUnit] = useState<TUnitOption | null>(first ? { id: first.unitId, name: first.unitName } : null);
  const [planId, setPlanId] = useState<string | null>(null);
  const { data: plans, error } = useQuery({ queryKey: ['registrations', 'plans', unit?.id], enabled: !!unit, queryFn: () => api.get<TRegistrablePlans>(`/registrations/plans${toQuery({ unitId: unit?.id })}`) });
  useEffect(() => { if (plans && (!planId || !plans.items.some((p) => p.id === planId))) setPlanId(plans.items[0]?.id ?? null); }, [plans, planId]);
  return (
    <Stack>
      <Group align="flex-end" wrap="wrap">
        <UnitPicker label="Đơn vị" value={unit} onChange={(u) => u && setUnit(u)} w={320} />
        <PlanSelect plans={plans} value={planId} onChange={setPlanId} />
      </Group>
      <ErrorAlert error={error} />
      {unit && planId && plans ? (
        <>
          <TotalsCard planId={planId} unitId={unit.id} />
          <BulkTable planId={planId} unit={unit} titles={plans.titles} canWrite={canWrite} />
        </>
      ) : plans ? <Empty>Đơn vị chưa có kế hoạch thi đua đang thực hiện để đăng ký.</Empty> : null}
    </Stack>
  );
}

function SelfView() {
  const qc = useQueryClient();
  const { data: plans, error } = useQuery({ queryKey: ['registrations', 'plans', 'self'], queryFn: () => api.get<TRegistrablePlans>('/registrations/plans') });
  const { data: mine } = useQuery({ queryKey: ['registrations', 'mine'], queryFn: () => api.get<{ items: TRegistration[] }>('/registrations/mine') });
  const [planId, setPlanId] = useState<string | null>(null);
  const [titleCode, setTitleCode] = useState<string | null>(null);
  const [commitment, setCommitment] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { if (plans && !planId) setPlanId(plans.items[0]?.id ?? null); }, [plans, planId]);
  const current = mine?.items.find((r) => r.planId === planId);
  useEffect(() => { setTitleCode(current?.titleCode ?? null); setCommitment(current?.commitment ?? ''); }, [current?.id, current?.titleCode, current?.commitment]);
  const submit = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      const r = await api.post<TRegistration>('/registrations/self', { planId, titleCode, commitment: commitment.trim() || null });
      await qc.invalidateQueries({ queryKey: ['registrations'] });
      notifications.show({ color: 'green', message: `Đã đăng ký danh hiệu ${r.titleName}.` });
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };
  if (error) return <ErrorAlert error={error} />;
  if (!plans) return <Loading />;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">Đăng ký danh hiệu thi đua của tôi</Title>
        {plans.items.length === 0 ? <Empty>Chưa có kế hoạch thi đua đang thực hiện.</Empty> : (
          <Stack gap="sm">
            <PlanSelect plans={plans} value={planId} onChange={setPlanId} />
            <Select label="Danh hiệu đăng ký" placeholder="Chọn danh hiệu" data={plans.titles.filter((t) => t.kind === 'individual').map((t) => ({ value: t.code, label: t.name }))} value={titleCode} onChange={setTitleCode} disabled={current?.nominated} />
            <Textarea label="Nội dung cam kết" autosize minRows={3} value={commitment} onChange={(e) => setCommitment(e.currentTarget.value)} disabled={current?.nominated} />
            <ErrorAlert error={saveError} />
            <Group><Button onClick={submit} loading={busy} disabled={!planId || !titleCode || current?.nominated}>{current ? 'Cập nhật đăng ký' : 'Đăng ký'}</Button></Group>
          </Stack>
        )}
      </Card>
      <Card withBorder>
        <Title order={3} size="h5" mb="xs">Đăng ký đã có</Title>
        {!mine?.items.length ? <Empty>Bạn chưa đăng ký thi đua.</Empty> : (
          <Stack gap="xs">
            {mine.items.map((r) => (
              <div key={r.id}>
                <Text fw={600} size="sm">{r.titleName}{r.nominated ? <Badge ml={6} size="xs" color="green" variant="light">đã chuyển bình xét</Badge> : null}</Text>
                <Text size="xs" c="dimmed">{r.planTitle}</Text>
                {r.commitment ? <Text size="sm">{r.commitment}</Text> : null}
              </div>
            ))}
          </Stack>
        )}
      </Card>
    </SimpleGrid>
  );
}

export default function RegistrationsPage() {
  const me = useMe();
  const canRead = useCan('report.read');
  return (
    <>
      <PageTitle>Đăng ký thi đua</PageTitle>
      {canRead ? <UnitView /> : me.personId ? <SelfView /> : <Empty>Tài khoản chưa gắn với hồ sơ cán bộ.</Empty>}
    </>
  );
}
