// Đánh giá, xếp hạng: the list of assessments in reach and "Tạo đợt đánh giá".
import { Anchor, Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, toQuery } from '../api/client';
import { useCan, useMe } from '../auth';
import { FormCheckError, FormModal } from '../components/form-modal';
import type { TAssessment, TAssessmentSummary } from '../components/assessment-types';
import { Empty, ErrorAlert, Loading, PageTitle, Pager } from '../components/ui';
import { useListParams } from '../components/use-list-params';

const PAGE_SIZE = 20;
const STATE_COLORS: Record<string, string> = { draft: 'gray', self_assessment: 'blue', appraisal: 'orange', approval: 'grape', published: 'green' };
export const ASSESSMENT_STATE_LABELS: Record<string, string> = { draft: 'Đang xây dựng bảng tiêu chí', self_assessment: 'Các đơn vị tự đánh giá', appraisal: 'Thẩm định', approval: 'Trình phê duyệt', published: 'Đã công bố kết quả' };

function CreateAssessment() {
  const me = useMe();
  const navigate = useNavigate();
  const units = [...new Map(me.roles.filter((r) => r.role === 'officer' || r.role === 'admin').map((r) => [r.unitId, r.unitName]))].map(([value, label]) => ({ value, label }));
  const [opened, setOpened] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const year = new Date().getFullYear();
  const [form, setForm] = useState({ name: `Đánh giá Chỉ số cải cách hành chính năm ${year}`, year: String(year), ownerUnitId: units[0]?.value ?? '', periodLabel: `Năm ${year}` });
  return (
    <>
      <Button onClick={() => setOpened(true)}>Tạo đợt đánh giá</Button>
      <FormModal title="Tạo đợt đánh giá" opened={opened} onClose={() => setOpened(false)} error={error} setError={setError} submitLabel="Tạo"
        onSubmit={async () => {
          if (!form.ownerUnitId) throw new FormCheckError('Chọn đơn vị tổ chức đánh giá');
          const y = Number(form.year);
          if (!Number.isInteger(y) || y < 2000 || y > 2100) throw new FormCheckError('Năm đánh giá không hợp lệ');
          const a = await api.post<TAssessment>('/assessments', { name: form.name.trim(), year: y, ownerUnitId: form.ownerUnitId, periodLabel: form.periodLabel || null });
          setOpened(false);
          navigate(`/danh-gia/${a.id}`);
        }}>
        <Stack>
          <TextInput label="Tên đợt đánh giá" required value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} />
          <Group grow>
            <TextInput label="Năm" required value={form.year} onChange={(e) => setForm({ ...form, year: e.currentTarget.value })} />
            <TextInput label="Kỳ đánh giá" value={form.periodLabel} onChange={(e) => setForm({ ...form, periodLabel: e.currentTarget.value })} />
          </Group>
          <Select label="Đơn vị tổ chức đánh giá" data={units} value={form.ownerUnitId} onChange={(v) => setForm({ ...form, ownerUnitId: v ?? '' })} allowDeselect={false} />
          <Text size="sm" c="dimmed">Sau khi tạo: nhập bảng tiêu chí (hoặc từ Excel), chọn cụm/khối được đánh giá, phân công người thẩm định và các cấp phê duyệt.</Text>
        </Stack>
      </FormModal>
    </>
  );
}

export default function AssessmentsPage() {
  const canWrite = useCan('assessment.write');
  const { params, update: set } = useListParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const year = params.get('year') ?? '';
  const list = useQuery({
    queryKey: ['assessments', 'list', page, year],
    queryFn: () => api.get<{ items: TAssessmentSummary[]; total: number; page: number; pageSize: number }>(`/assessments${toQuery({ page, pageSize: PAGE_SIZE, year })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <PageTitle actions={canWrite ? <CreateAssessment /> : null}>Đánh giá, xếp hạng</PageTitle>
      <Group>
        <TextInput label="Năm" placeholder="Tất cả" w={120} defaultValue={year} onBlur={(e) => set({ year: e.currentTarget.value, page: '' })} />
      </Group>
      {list.isPending ? <Loading /> : list.isError ? <ErrorAlert error={list.error} /> : !list.data.items.length ? <Empty>Chưa có đợt đánh giá nào.</Empty> : (
        <>
          <Table.ScrollContainer minWidth={700}>
            <Table striped highlightOnHover>
              <Table.Thead><Table.Tr><Table.Th>Đợt đánh giá</Table.Th><Table.Th>Năm</Table.Th><Table.Th>Đơn vị tổ chức</Table.Th><Table.Th>Số đơn vị</Table.Th><Table.Th>Trạng thái</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {list.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td><Anchor component={Link} to={`/danh-gia/${a.id}`}>{a.name}</Anchor></Table.Td>
                    <Table.Td>{a.year}</Table.Td>
                    <Table.Td>{a.owner_name}</Table.Td>
                    <Table.Td>{Number(a.unit_count)}</Table.Td>
                    <Table.Td><Badge color={STATE_COLORS[a.state]} variant="light">{ASSESSMENT_STATE_LABELS[a.state]}</Badge></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={(p) => set({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}
