// Tổng quan: how many units of each kind and how many staff (by gender) the account can see.
// Counts come from the list endpoints' `total`; the chart (recharts) loads only with this page.
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { hasPermission, useMe } from '../auth';
import { ErrorAlert, Loading, PageTitle } from '../components/ui';
import { UNIT_KINDS, UNIT_KIND_LABELS } from '../../shared/labels';

const CountCharts = lazy(() => import('../components/count-charts'));

const count = (path: string, params: Record<string, string>) => api.get<TPage<unknown>>(`${path}${toQuery({ ...params, pageSize: 1 })}`).then((r) => r.total);

function Stat({ label, value, to }: { label: string; value: number | undefined; to?: string }) {
  const body = (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} size="xl">{value === undefined ? '…' : value.toLocaleString('vi-VN')}</Text>
    </Card>
  );
  return to ? <Link to={to} style={{ textDecoration: 'none', color: 'inherit' }}>{body}</Link> : body;
}

export default function DashboardPage() {
  const me = useMe();
  const canUnits = hasPermission(me, 'unit.read');
  const canPeople = hasPermission(me, 'person.read');

  const unitTotal = useQuery({ queryKey: ['count', 'units', 'all'], queryFn: () => count('/units', { status: 'active' }), enabled: canUnits });
  const byKind = useQueries({
    queries: UNIT_KINDS.map((kind) => ({ queryKey: ['count', 'units', kind], queryFn: () => count('/units', { kind, status: 'active' }), enabled: canUnits })),
  });
  const people = useQueries({
    queries: ['', 'nam', 'nu'].map((gender) => ({ queryKey: ['count', 'people', gender], queryFn: () => count('/people', { gender }), enabled: canPeople })),
  });

  if (!canUnits && !canPeople) {
    return (
      <Stack>
        <PageTitle>Xin chào, {me.fullName}</PageTitle>
        <Text>Tài khoản của bạn có quyền xem và cập nhật hồ sơ cá nhân.</Text>
        {me.personId ? <Button component={Link} to={`/can-bo/${me.personId}`} w="fit-content">Xem hồ sơ của tôi</Button> : null}
      </Stack>
    );
  }

  const kindCounts = UNIT_KINDS.map((kind, i) => ({ kind, label: UNIT_KIND_LABELS[kind], value: byKind[i].data })).filter((k) => (k.value ?? 0) > 0);
  const kindsReady = byKind.every((q) => !q.isPending);
  const [allPeople, men, women] = people.map((q) => q.data);
  const firstError = [unitTotal, ...byKind, ...people].find((q) => q.error)?.error;

  return (
    <Stack>
      <PageTitle>Tổng quan</PageTitle>
      <Text size="sm" c="dimmed">Phạm vi: {me.roles.map((r) => `${r.roleLabel} – ${r.unitName}`).join('; ')}</Text>
      <ErrorAlert error={firstError} />
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {canUnits ? <Stat label="Đơn vị đang hoạt động" value={unitTotal.data} to="/don-vi" /> : null}
        {canPeople ? <Stat label="Cán bộ, giáo viên" value={allPeople} to="/can-bo" /> : null}
        {canPeople ? <Stat label="Nam" value={men} /> : null}
        {canPeople ? <Stat label="Nữ" value={women} /> : null}
      </SimpleGrid>
      {canUnits ? (
        <Card withBorder>
          <Title order={3} size="h5" mb="sm">Đơn vị theo loại</Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="xs" mb="md">
            {kindCounts.map((k) => (
              <Group key={k.kind} justify="space-between" wrap="nowrap">
                <Text size="sm">{k.label}</Text>
                <Text size="sm" fw={600}>{(k.value ?? 0).toLocaleString('vi-VN')}</Text>
              </Group>
            ))}
          </SimpleGrid>
          {kindsReady ? (
            <Suspense fallback={<Loading label="Đang tải biểu đồ…" />}>
              <CountCharts
                units={kindCounts.map((k) => ({ name: k.label, value: k.value ?? 0 }))}
                people={canPeople && men !== undefined && women !== undefined ? [{ name: 'Nam', value: men }, { name: 'Nữ', value: women }] : []}
              />
            </Suspense>
          ) : <Loading />}
        </Card>
      ) : null}
    </Stack>
  );
}
