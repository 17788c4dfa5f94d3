// Trang công khai (no login): published award decisions (number, date, authority, names, units, titles)
// and exemplars whose owners agreed to publication.
import { Anchor, Badge, Card, Container, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import type { TPublicDecision, TPublicExemplar } from '../components/dossier-types';
import { Empty, ErrorAlert, Loading, Pager } from '../components/ui';
import { formatDateVi } from '../../shared/vn';

const PAGE_SIZE = 10;

function Decisions() {
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['public', 'decisions', page], queryFn: () => api.get<TPage<TPublicDecision>>(`/public/decisions${toQuery({ page, pageSize: PAGE_SIZE })}`), placeholderData: keepPreviousData });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data.items.length) return <Empty>Chưa có quyết định khen thưởng nào được công khai.</Empty>;
  return (
    <Stack>
      {q.data.items.map((d) => (
        <Card key={d.id} withBorder padding="sm" aria-label={`Quyết định số ${d.number}`}>
          <Group justify="space-between" wrap="wrap">
            <Title order={4}>Quyết định số {d.number} ngày {formatDateVi(d.date)}</Title>
            <Badge variant="light">Năm học {d.schoolYear}</Badge>
          </Group>
          <Text size="sm" mb="xs">{d.summary} — {d.authority}</Text>
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead><Table.Tr><Table.Th>TT</Table.Th><Table.Th>Họ và tên / tập thể</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Danh hiệu, hình thức</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {d.awardees.map((a, i) => (
                  <Table.Tr key={`${a.name}-${a.title}-${i}`}><Table.Td>{i + 1}</Table.Td><Table.Td>{a.name}</Table.Td><Table.Td>{a.unit}</Table.Td><Table.Td>{a.title}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      ))}
      <Pager page={page} pageSize={PAGE_SIZE} total={q.data.total} onChange={setPage} />
    </Stack>
  );
}

function Exemplars() {
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: ['public', 'exemplars', page], queryFn: () => api.get<TPage<TPublicExemplar>>(`/public/exemplars${toQuery({ page, pageSize: PAGE_SIZE })}`), placeholderData: keepPreviousData });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data.items.length) return <Empty>Chưa có gương điển hình nào được công khai.</Empty>;
  return (
    <Stack>
      {q.data.items.map((e) => (
        <Card key={e.id} withBorder padding="sm">
          <Text fw={600}>{e.name} — {e.unit}</Text>
          <Text size="sm" c="dimmed">{e.title} · Quý {e.quarter}, năm học {e.schoolYear}</Text>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>{e.writeUp}</Text>
        </Card>
      ))}
      <Pager page={page} pageSize={PAGE_SIZE} total={q.data.total} onChange={setPage} />
    </Stack>
  );
}

export default function PublicPage() {
  return (
    <Container size="lg" py="md">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2}>Công khai khen thưởng</Title>
        <Anchor href="/" size="sm">Đăng nhập hệ thống</Anchor>
      </Group>
      <Tabs defaultValue="decisions">
        <Tabs.List mb="md">
          <Tabs.Tab value="decisions">Quyết định khen thưởng</Tabs.Tab>
          <Tabs.Tab value="exemplars">Gương điển hình</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="decisions"><Decisions /></Tabs.Panel>
        <Tabs.Panel value="exemplars"><Exemplars /></Tabs.Panel>
      </Tabs>
    </Container>
  );
}
