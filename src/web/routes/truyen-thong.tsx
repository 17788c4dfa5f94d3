// Truyền thông (tuyên truyền): the outreach log of a unit and its sub-units, adding an activity, and
// the summary by channel for a period (chart + table).
import { Anchor, Button, Card, Group, NumberInput, Select, SimpleGrid, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { api, toQuery } from '../api/client';
import { useCan, useMe } from '../auth';
import { FormModal, FormCheckError, orNull, requireDate } from '../components/form-modal';
import { OUTREACH_CHANNEL_OPTIONS, type TOutreach, type TOutreachChannel, type TOutreachSummary } from '../components/participation-types';
import { UnitPicker, type TUnitOption } from '../components/unit-picker';
import { DateField, Empty, ErrorAlert, Loading, PageTitle, Pager, parseDateField } from '../components/ui';
import { formatDateVi, schoolYearOf } from '../../shared/vn';

const OutreachChart = lazy(() => import('../components/outreach-chart'));
const num = (n: number) => n.toLocaleString('vi-VN');

function AddEntry({ unit }: { unit: TUnitOption }) {
  const qc = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [channel, setChannel] = useState<string | null>('ban_tin');
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [participants, setParticipants] = useState<string | number>('');
  const [reach, setReach] = useState<string | number>('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    if (!channel) throw new FormCheckError('Chọn kênh tuyên truyền');
    await api.post('/outreach', { unitId: unit.id, channel, activityDate: requireDate(date, 'Ngày thực hiện'), title, participants: participants === '' ? 0 : Number(participants), reach: reach === '' ? 0 : Number(reach), link: orNull(link) });
    await qc.invalidateQueries({ queryKey: ['outreach'] });
    notifications.show({ color: 'green', message: 'Đã ghi hoạt động tuyên truyền.' });
    setTitle(''); setLink(''); setParticipants(''); setReach('');
    close();
  };
  return (
    <>
      <Button onClick={open}>Ghi hoạt động</Button>
      <FormModal title={`Ghi hoạt động tuyên truyền — ${unit.name}`} opened={opened} onClose={close} onSubmit={submit} error={error} setError={setError}>
        <Select label="Kênh" data={OUTREACH_CHANNEL_OPTIONS} value={channel} onChange={setChannel} allowDeselect={false} />
        <DateField label="Ngày thực hiện" value={date} onChange={setDate} required />
        <TextInput label="Nội dung" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Group grow>
          <NumberInput label="Số người tham dự" min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," value={participants} onChange={setParticipants} />
          <NumberInput label="Lượt tiếp cận (xem, đọc)" min={0} allowDecimal={false} thousandSeparator="." decimalSeparator="," value={reach} onChange={setReach} />
        </Group>
        <TextInput label="Đường dẫn (nếu có)" placeholder="https://…" value={link} onChange={(e) => setLink(e.currentTarget.value)} />
      </FormModal>
    </>
  );
}

export default function OutreachPage() {
  const me = useMe();
  const canWrite = useCan('report.write');
  const first = me.roles[0];
  const [unit, setUnit] = useState<TUnitOption | null>(first ? { id: first.unitId, name: first.unitName } : null);
  const sy = schoolYearOf(new Date().toISOString().slice(0, 10));
  const [fromText, setFromText] = useState(formatDateVi(`${sy}-08-01`));
  const [toText, setToText] = useState(formatDateVi(`${sy + 1}-07-31`));
  const [channel, setChannel] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const from = parseDateField(fromText) ?? undefined;
  const to = parseDateField(toText) ?? undefined;
  const summary = useQuery({ queryKey: ['outreach', 'summary', unit?.id, from, to], enabled: !!unit, queryFn: () => api.get<TOutreachSummary>(`/outreach/summary${toQuery({ unitId: unit?.id, from, to })}`) });
  const list = useQuery({ queryKey: ['outreach', 'list', unit?.id, from, to, channel, page], enabled: !!unit, queryFn: () => api.get<{ items: TOutreach[]; total: number; page: number; pageSize: number }>(`/outreach${toQuery({ unitId: unit?.id, from, to, channel: channel ?? undefined, page, pageSize: 25 })}`) });
  return (
    <>
      <PageTitle actions={canWrite && unit ? <AddEntry unit={unit} /> : null}>Truyền thông, tuyên truyền thi đua</PageTitle>
      <Group align="flex-end" mb="sm" wrap="wrap">
        <UnitPicker label="Đơn vị" value={unit} onChange={(u) => { if (u) { setUnit(u); setPage(1); } }} w={320} />
        <DateField label="Từ ngày" value={fromText} onChange={(t) => { setFromText(t); setPage(1); }} w={140} />
        <DateField label="Đến ngày" value={toText} onChange={(t) => { setToText(t); setPage(1); }} w={140} />
      </Group>
      <ErrorAlert error={summary.error ?? list.error} />
      {summary.data ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} mb="md">
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">Tổng hợp theo kênh</Title>
            <Table aria-label="Tổng hợp theo kênh">
              <Table.Thead><Table.Tr><Table.Th>Kênh</Table.Th><Table.Th ta="right">Số hoạt động</Table.Th><Table.Th ta="right">Người tham dự</Table.Th><Table.Th ta="right">Lượt tiếp cận</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {summary.data.channels.map((c) => <Table.Tr key={c.channel}><Table.Td>{c.channelLabel}</Table.Td><Table.Td ta="right">{num(c.activities)}</Table.Td><Table.Td ta="right">{num(c.participants)}</Table.Td><Table.Td ta="right">{num(c.reach)}</Table.Td></Table.Tr>)}
                <Table.Tr fw={700}><Table.Td>Cộng</Table.Td><Table.Td ta="right">{num(summary.data.totals.activities)}</Table.Td><Table.Td ta="right">{num(summary.data.totals.participants)}</Table.Td><Table.Td ta="right">{num(summary.data.totals.reach)}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder>
            <Title order={3} size="h5" mb="xs">Số hoạt động theo kênh</Title>
            <Suspense fallback={<Loading />}><OutreachChart summary={summary.data} /></Suspense>
          </Card>
        </SimpleGrid>
      ) : summary.isPending && unit ? <Loading /> : null}
      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={3} size="h5">Nhật ký hoạt động</Title>
          <Select aria-label="Lọc theo kênh" placeholder="Tất cả các kênh" data={OUTREACH_CHANNEL_OPTIONS} value={channel} onChange={(v) => { setChannel(v as TOutreachChannel | null); setPage(1); }} clearable w={200} />
        </Group>
        {!list.data ? <Loading /> : list.data.items.length === 0 ? <Empty>Chưa có hoạt động nào trong khoảng thời gian này.</Empty> : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped>
              <Table.Thead><Table.Tr><Table.Th>Ngày</Table.Th><Table.Th>Kênh</Table.Th><Table.Th>Nội dung</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th ta="right">Tham dự</Table.Th><Table.Th ta="right">Tiếp cận</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {list.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{formatDateVi(o.activityDate)}</Table.Td>
                    <Table.Td>{o.channelLabel}</Table.Td>
                    <Table.Td>{o.link ? <Anchor href={o.link} target="_blank" rel="noreferrer">{o.title}</Anchor> : o.title}</Table.Td>
                    <Table.Td><Text size="sm">{o.unitName}</Text></Table.Td>
                    <Table.Td ta="right">{num(o.participants)}</Table.Td>
                    <Table.Td ta="right">{num(o.reach)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {list.data ? <Pager page={page} pageSize={list.data.pageSize} total={list.data.total} onChange={setPage} /> : null}
      </Card>
    </>
  );
}
