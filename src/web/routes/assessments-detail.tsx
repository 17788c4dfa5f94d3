// One assessment: tabs Tiêu chí, Đơn vị, Tự đánh giá, Thẩm định, Phê duyệt, Kết quả & xếp hạng, Biểu đồ.
import { Badge, Group, Stack, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { CriteriaTab, UnitsTab } from '../components/assessment-setup';
import type { TAssessment } from '../components/assessment-types';
import { ApprovalTab, GridTab, RankingTab, SelfTab } from '../components/assessment-work';
import { ErrorAlert, Loading, PageTitle } from '../components/ui';

const AssessmentCharts = lazy(() => import('../components/assessment-charts'));

export default function AssessmentDetailPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const q = useQuery({ queryKey: ['assessments', 'detail', id], queryFn: () => api.get<TAssessment>(`/assessments/${id}`) });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const a = q.data;
  const canSelf = a.units.some((u) => u.canSelfAssess) || a.can.viewGrid;
  const fallback = a.state === 'published' ? 'ket-qua' : a.state === 'appraisal' && a.can.viewGrid ? 'tham-dinh' : a.state === 'self_assessment' && a.units.some((u) => u.canSelfAssess) && !a.can.edit ? 'tu-danh-gia' : 'tieu-chi';
  const tab = params.get('tab') ?? fallback;
  return (
    <Stack>
      <PageTitle>{a.name}</PageTitle>
      <Group gap="xs">
        <Badge variant="light" color={a.state === 'published' ? 'green' : 'blue'}>{a.stateLabel}</Badge>
        {a.currentTierLabel ? <Badge variant="light" color="grape">Chờ: {a.currentTierLabel}</Badge> : null}
        <Text size="sm" c="dimmed">{a.ownerUnitName} · {a.periodLabel ?? a.year} · {a.units.length} đơn vị</Text>
      </Group>
      <Tabs value={tab} onChange={(v) => setParams((p) => { const n = new URLSearchParams(p); n.set('tab', v ?? 'tieu-chi'); return n; }, { replace: true })} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="tieu-chi">Tiêu chí</Tabs.Tab>
          <Tabs.Tab value="don-vi">Đơn vị</Tabs.Tab>
          {canSelf ? <Tabs.Tab value="tu-danh-gia">Tự đánh giá</Tabs.Tab> : null}
          {a.can.viewGrid ? <Tabs.Tab value="tham-dinh">Thẩm định</Tabs.Tab> : null}
          <Tabs.Tab value="phe-duyet">Phê duyệt</Tabs.Tab>
          <Tabs.Tab value="ket-qua">Kết quả &amp; xếp hạng</Tabs.Tab>
          {a.can.viewRanking ? <Tabs.Tab value="bieu-do">Biểu đồ</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="tieu-chi" pt="md"><CriteriaTab a={a} /></Tabs.Panel>
        <Tabs.Panel value="don-vi" pt="md"><UnitsTab a={a} /></Tabs.Panel>
        <Tabs.Panel value="tu-danh-gia" pt="md"><SelfTab a={a} /></Tabs.Panel>
        <Tabs.Panel value="tham-dinh" pt="md"><GridTab a={a} /></Tabs.Panel>
        <Tabs.Panel value="phe-duyet" pt="md"><ApprovalTab a={a} /></Tabs.Panel>
        <Tabs.Panel value="ket-qua" pt="md"><RankingTab a={a} /></Tabs.Panel>
        <Tabs.Panel value="bieu-do" pt="md"><Suspense fallback={<Loading />}><AssessmentCharts a={a} /></Suspense></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
