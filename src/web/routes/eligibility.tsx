// Xét điều kiện khen thưởng: for a unit and a school year, everyone × each title with ✓/✗/? and the
// reasons in a drawer, "chưa xác minh" where a verdict relies on an unverified value, suggestions for
// the next level, the collectives' titles; second tab: statistics of recorded awards with a chart.
import { Anchor, Badge, Button, Card, Checkbox, Drawer, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import { useMe } from '../auth';
import {
  RuleSetLine,
  VerdictBlock,
  VerdictMark,
  type TPersonEligibility,
  type TRuleSetUsed,
  type TUnitEligibility,
  type TVerdict,
} from '../components/eligibility-parts';
import type { TStatItem } from '../components/award-stats-chart';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, Pager, parseDateField } from '../components/ui';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { schoolYearLabel, schoolYearOf } from '../../shared/vn';

const AwardStatsChart = lazy(() => import('../components/award-stats-chart'));
const PAGE_SIZE = 25;

type TList = {
  schoolYear: number;
  reviewDate: string;
  ruleSet: TRuleSetUsed;
  titles: { code: string; name: string; shortName: string }[];
  summary: { titleCode: string; titleName: string; shortName: string; eligible: number; needsReview: number; notEligible: number }[];
  items: TPersonEligibility[];
  total: number;
  page: number;
  pageSize: number;
};

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function yearOptions() {
  const y = schoolYearOf(todayIso());
  return [y, y - 1, y - 2, y - 3, y - 4, y - 5].map((v) => ({ value: String(v), label: `Năm học ${schoolYearLabel(v)}` }));
}

function useDefaultUnit(): TUnitOption | null {
  const me = useMe();
  const r = me.roles.find((x) => x.role !== 'individual');
  return r ? { id: r.unitId, name: r.unitName } : null;
}

function PersonDrawer({ person, onClose }: { person: TPersonEligibility | null; onClose: () => void }) {
  return (
    <Drawer opened={!!person} onClose={onClose} position="right" size="lg" title={person ? `Điều kiện khen thưởng: ${person.fullName}` : ''} scrollAreaComponent={ScrollArea.Autosize}>
      {person ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{[person.position, person.unitName].filter(Boolean).join(' — ')}{' · '}<Anchor component={Link} to={`/can-bo/${person.personId}`} size="sm">Hồ sơ cán bộ</Anchor></Text>
          {person.suggestions.length ? (
            <Card withBorder padding="sm" bg="blue.0">
              <Text fw={600} size="sm" mb={4}>Đề xuất</Text>
              {person.suggestions.map((s) => <Text key={s.titleCode} size="sm">• {s.message}</Text>)}
            </Card>
          ) : null}
          {person.verdicts.map((v) => <VerdictBlock key={v.titleCode} verdict={v} />)}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function UnitDrawer({ unit, onClose }: { unit: TUnitEligibility | null; onClose: () => void }) {
  return (
    <Drawer opened={!!unit} onClose={onClose} position="right" size="lg" title={unit ? `Danh hiệu tập thể: ${unit.unitName}` : ''} scrollAreaComponent={ScrollArea.Autosize}>
      {unit ? (
        <Stack gap="md">
          <Text size="sm" c="dimmed">{unit.memberCount} thành viên</Text>
          {unit.verdicts.map((v) => <VerdictBlock key={v.titleCode} verdict={v} />)}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function PeopleTab({ unit, year, reviewDate }: { unit: TUnitOption; year: string; reviewDate: string | null }) {
  const [title, setTitle] = useState<string | null>(null);
  const [onlyEligible, setOnlyEligible] = useState(false);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<TPersonEligibility | null>(null);
  const [openUnit, setOpenUnit] = useState<TUnitEligibility | null>(null);
  const list = useQuery({
    queryKey: ['eligibility', unit.id, year, reviewDate, title, onlyEligible, q, page],
    queryFn: () => api.get<TList>(`/eligibility${toQuery({ unitId: unit.id, schoolYear: year, reviewDate, title, onlyEligible: onlyEligible ? 'true' : '', q, page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const units = useQuery({
    queryKey: ['eligibility', 'units', unit.id, year, reviewDate],
    queryFn: () => api.get<{ units: TUnitEligibility[] }>(`/eligibility/unit/${unit.id}${toQuery({ schoolYear: year, reviewDate })}`),
  });
  const data = list.data;
  const collectiveTitles = units.data?.units[0]?.verdicts.map((v) => ({ code: v.titleCode, name: v.titleName })) ?? [];
  return (
    <Stack gap="sm">
      <ErrorAlert error={list.error} />
      {data ? <RuleSetLine ruleSet={data.ruleSet} reviewDate={data.reviewDate} /> : null}
      {data ? (
        <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="xs">
          {data.summary.map((s) => (
            <Card key={s.titleCode} withBorder padding="xs">
              <Text size="xs" c="dimmed" lineClamp={1} title={s.titleName}>{s.titleName}</Text>
              <Text fw={700}>{s.eligible.toLocaleString('vi-VN')} <Text span size="xs" c="dimmed">đủ điều kiện</Text></Text>
              {s.needsReview ? <Text size="xs" c="yellow.8">{s.needsReview} cần xác nhận</Text> : null}
            </Card>
          ))}
        </SimpleGrid>
      ) : null}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label="Tìm theo tên" value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} placeholder="Gõ tên, không cần dấu" w={220} />
        <Select label="Danh hiệu" clearable placeholder="Tất cả" data={(data?.titles ?? []).map((t) => ({ value: t.code, label: t.name }))} value={title} onChange={(v) => { setTitle(v); setPage(1); }} w={280} />
        <Checkbox label="Chỉ người đủ điều kiện" checked={onlyEligible} onChange={(e) => { setOnlyEligible(e.currentTarget.checked); setPage(1); }} mb={8} />
      </Group>
      {list.isLoading ? <Loading /> : null}
      {data && data.items.length === 0 ? <Empty>Không có cán bộ phù hợp.</Empty> : null}
      {data && data.items.length ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Họ và tên</Table.Th>
                {data.titles.map((t) => <Table.Th key={t.code} title={t.name}>{t.shortName}</Table.Th>)}
                <Table.Th>Đề xuất</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setOpen(p)} fw={500} ta="left">{p.fullName}</Anchor>
                    <Text size="xs" c="dimmed">{p.position}</Text>
                  </Table.Td>
                  {data.titles.map((t) => {
                    const v = p.verdicts.find((x) => x.titleCode === t.code);
                    return <Table.Td key={t.code}>{v ? <VerdictMark verdict={v} /> : null}</Table.Td>;
                  })}
                  <Table.Td>{p.suggestions.map((s) => <Badge key={s.titleCode} size="xs" variant="light" color="blue" mr={4}>{s.titleName}</Badge>)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {data ? <Pager page={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} /> : null}
      <Text size="xs" c="dimmed">✓ đủ điều kiện · ✗ chưa đủ · ? cần xác nhận · * dựa trên giá trị chưa xác minh. Bấm vào tên để xem lý do.</Text>

      <Title order={3} size="h5" mt="md">Danh hiệu tập thể</Title>
      <ErrorAlert error={units.error} />
      {units.data ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tập thể</Table.Th>
                {collectiveTitles.map((t) => <Table.Th key={t.code}>{t.name}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.data.units.map((u) => (
                <Table.Tr key={u.unitId}>
                  <Table.Td>
                    <Anchor component="button" type="button" onClick={() => setOpenUnit(u)} ta="left">{u.unitName}</Anchor>
                    <Text size="xs" c="dimmed">{u.memberCount} thành viên</Text>
                  </Table.Td>
                  {collectiveTitles.map((t) => {
                    const v = u.verdicts.find((x: TVerdict) => x.titleCode === t.code);
                    return <Table.Td key={t.code}>{v ? <VerdictMark verdict={v} /> : null}</Table.Td>;
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : units.isLoading ? <Loading /> : null}
      <PersonDrawer person={open} onClose={() => setOpen(null)} />
      <UnitDrawer unit={openUnit} onClose={() => setOpenUnit(null)} />
    </Stack>
  );
}

const GROUP_LABELS = { title: 'Theo danh hiệu, hình thức', year: 'Theo năm học', unitKind: 'Theo loại đơn vị', gender: 'Theo giới tính' } as const;

function StatsTab({ unit }: { unit: TUnitOption }) {
  const years = yearOptions();
  const [groupBy, setGroupBy] = useState<keyof typeof GROUP_LABELS>('title');
  const [fromYear, setFromYear] = useState<string | null>(years[years.length - 1].value);
  const [toYear, setToYear] = useState<string | null>(years[0].value);
  const stats = useQuery({
    queryKey: ['award-stats', unit.id, groupBy, fromYear, toYear],
    queryFn: () => api.get<{ items: TStatItem[]; total: number }>(`/award-stats${toQuery({ unitId: unit.id, groupBy, fromYear, toYear })}`),
  });
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select label="Nhóm" data={Object.entries(GROUP_LABELS).map(([value, label]) => ({ value, label }))} value={groupBy} onChange={(v) => v && setGroupBy(v as keyof typeof GROUP_LABELS)} w={240} allowDeselect={false} />
        <Select label="Từ năm học" data={years} value={fromYear} onChange={setFromYear} clearable w={180} />
        <Select label="Đến năm học" data={years} value={toYear} onChange={setToYear} clearable w={180} />
      </Group>
      <ErrorAlert error={stats.error} />
      {stats.isLoading ? <Loading /> : null}
      {stats.data && stats.data.items.length === 0 ? <Empty>Chưa có khen thưởng nào được ghi trong khoảng này.</Empty> : null}
      {stats.data && stats.data.items.length ? (
        <>
          <Text size="sm">Tổng số: <b>{stats.data.total.toLocaleString('vi-VN')}</b> khen thưởng còn hiệu lực</Text>
          <Suspense fallback={<Loading />}><AwardStatsChart items={stats.data.items} /></Suspense>
          <Table striped verticalSpacing={4} maw={640}>
            <Table.Thead>
              <Table.Tr><Table.Th>{GROUP_LABELS[groupBy].replace('Theo ', '').replace(/^./, (c) => c.toUpperCase())}</Table.Th><Table.Th ta="right">Cá nhân</Table.Th><Table.Th ta="right">Tập thể</Table.Th><Table.Th ta="right">Tổng</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stats.data.items.map((i) => (
                <Table.Tr key={i.key}><Table.Td>{i.label}</Table.Td><Table.Td ta="right">{i.individual.toLocaleString('vi-VN')}</Table.Td><Table.Td ta="right">{i.collective.toLocaleString('vi-VN')}</Table.Td><Table.Td ta="right">{i.total.toLocaleString('vi-VN')}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}

export default function EligibilityPage() {
  const years = yearOptions();
  const defaultUnit = useDefaultUnit();
  const [unit, setUnit] = useState<TUnitOption | null>(defaultUnit);
  const [year, setYear] = useState<string>(years[1].value);
  const [reviewText, setReviewText] = useState('');
  const reviewDate = parseDateField(reviewText) ?? null;
  return (
    <Stack gap="sm">
      <PageTitle actions={<Button component={Link} to="/quy-dinh" variant="default" size="xs">Bộ quy tắc</Button>}>Xét điều kiện khen thưởng</PageTitle>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <UnitPicker label="Đơn vị" value={unit} onChange={setUnit} w={340} />
        <Select label="Năm học" data={years} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} w={210} />
        <DateField label="Ngày xét (chọn bộ quy tắc)" value={reviewText} onChange={setReviewText} description="Để trống: 31/5 cuối năm học" w={200} />
      </Group>
      {!unit ? <Empty>Chọn một đơn vị để xem.</Empty> : (
        <Tabs defaultValue="people" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="people">Xét điều kiện</Tabs.Tab>
            <Tabs.Tab value="stats">Thống kê</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="people" pt="sm"><PeopleTab unit={unit} year={year} reviewDate={reviewDate} /></Tabs.Panel>
          <Tabs.Panel value="stats" pt="sm"><StatsTab unit={unit} /></Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

