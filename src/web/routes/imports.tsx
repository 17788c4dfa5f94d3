// Nhập dữ liệu: template → upload → "Chạy thử" (background job with a progress bar) → every bad row
// listed → "Nhập thật" only after a clean dry run of the very same file → the result.
import { Alert, Badge, Button, Card, FileInput, Group, List, Progress, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, downloadFile, errorMessage } from '../api/client';
import type { TImportResult, TJob } from '../api/types';
import { useCan } from '../auth';
import { ErrorAlert, PageTitle } from '../components/ui';

type TKind = 'units' | 'people';
const KIND_LABEL: Record<TKind, string> = { units: 'Đơn vị', people: 'Cán bộ' };
type TRun = { jobId: number; dryRun: boolean; file: File; kind: TKind };

function useJob(jobId: number | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: () => api.get<TJob>(`/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 700),
  });
}

function Summary({ r }: { r: TImportResult }) {
  const cell = (label: string, value: number) => (
    <div><Text size="xs" c="dimmed">{label}</Text><Text fw={700}>{value.toLocaleString('vi-VN')}</Text></div>
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }}>
      {cell('Số dòng dữ liệu', r.totalRows)}
      {cell(r.dryRun ? 'Sẽ thêm mới' : 'Đã thêm mới', r.created)}
      {cell(r.dryRun ? 'Sẽ cập nhật' : 'Đã cập nhật', r.updated)}
      {cell('Không thay đổi', r.unchanged)}
      {cell('Số lỗi', r.errors.length)}
    </SimpleGrid>
  );
}

function ErrorTable({ r }: { r: TImportResult }) {
  if (!r.errors.length) return null;
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">Các dòng có lỗi ({r.errors.length})</Title>
      <Table.ScrollContainer minWidth={480} mah={480}>
        <Table striped withTableBorder aria-label="Các dòng có lỗi">
          <Table.Thead><Table.Tr><Table.Th w={80}>Dòng</Table.Th><Table.Th w={160}>Cột</Table.Th><Table.Th>Lỗi</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {r.errors.map((e, i) => (
              <Table.Tr key={i}><Table.Td>{e.row}</Table.Td><Table.Td>{e.column ?? ''}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

export default function ImportsPage() {
  const qc = useQueryClient();
  const canPeople = useCan('person.import');
  const canUnits = useCan('unit.structure');
  const [kind, setKind] = useState<TKind>(canPeople ? 'people' : 'units');
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<TRun | null>(null);
  const [cleanDryRun, setCleanDryRun] = useState<{ file: File; kind: TKind } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);
  const job = useJob(run?.jobId ?? null);
  const j = job.data;
  const finished = j?.status === 'done' || j?.status === 'failed';
  const result = j?.status === 'done' ? j.result : null;

  useEffect(() => {
    if (!run || !result) return;
    // Remember a clean dry run of this exact file so that "Nhập thật" becomes available.
    if (run.dryRun && result.errors.length === 0) setCleanDryRun({ file: run.file, kind: run.kind });
    if (!run.dryRun && result.applied) void qc.invalidateQueries({ queryKey: [run.kind === 'people' ? 'people' : 'units'] });
  }, [run, result, qc]);

  const start = async (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    setStarting(true);
    try {
      const form = new FormData();
      form.append('file', file);
      form.append('dryRun', dryRun ? '1' : '0');
      const { jobId } = await api.upload<{ jobId: number }>(`/imports/${kind}`, form);
      setRun({ jobId, dryRun, file, kind });
      if (!dryRun) setCleanDryRun(null);
    } catch (e) {
      setError(e);
    } finally {
      setStarting(false);
    }
  };


  const downloadTemplate = async () => {
    try {
      await downloadFile(`/imports/templates/${kind}`, `mau-nhap-${kind === 'people' ? 'can-bo' : 'don-vi'}.xlsx`);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    }
  };

  const running = !!run && !finished;
  const realAllowed = !!file && cleanDryRun?.file === file && cleanDryRun.kind === kind && !running;

  return (
    <Stack>
      <PageTitle>Nhập dữ liệu từ Excel</PageTitle>
      <Card withBorder>
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4}>Loại dữ liệu</Text>
            <SegmentedControl
              value={kind}
              onChange={(v) => { setKind(v as TKind); setRun(null); }}
              data={[{ value: 'people', label: 'Cán bộ', disabled: !canPeople }, { value: 'units', label: 'Đơn vị', disabled: !canUnits }]}
              aria-label="Loại dữ liệu"
            />
          </div>
          <List size="sm" type="ordered">
            <List.Item>Tải tệp mẫu, điền dữ liệu từ dòng thứ hai (không đổi tên cột), lưu dưới dạng .xlsx.</List.Item>
            <List.Item>Chọn tệp và bấm <b>Chạy thử</b>: hệ thống kiểm tra mọi dòng, chưa thay đổi dữ liệu.</List.Item>
            <List.Item>Khi chạy thử không còn lỗi, bấm <b>Nhập thật</b>. Nhập lại cùng một tệp không tạo bản ghi trùng.</List.Item>
          </List>
          <Group>
            <Button variant="default" onClick={downloadTemplate}>Tải tệp mẫu ({KIND_LABEL[kind]})</Button>
          </Group>
          <FileInput
            label="Tệp Excel (.xlsx)"
            placeholder="Chọn tệp…"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => { setFile(f); setRun(null); }}
            clearable
            maw={480}
          />
          <Group>
            <Button onClick={() => start(true)} disabled={!file || running} loading={starting && !run}>Chạy thử</Button>
            <Button color="green" onClick={() => start(false)} disabled={!realAllowed} title={realAllowed ? undefined : 'Cần chạy thử tệp này không có lỗi trước'}>Nhập thật</Button>
          </Group>
          {file && !realAllowed && !running ? <Text size="xs" c="dimmed">“Nhập thật” chỉ bật sau khi chạy thử chính tệp này mà không có lỗi.</Text> : null}
          <ErrorAlert error={error} />
        </Stack>
      </Card>

      {run ? (
        <Card withBorder>
          <Stack>
            <Group justify="space-between">
              <Title order={3} size="h5">{run.dryRun ? 'Kết quả chạy thử' : 'Kết quả nhập'} – {run.file.name}</Title>
              {j ? <Badge color={j.status === 'done' ? 'green' : j.status === 'failed' ? 'red' : 'blue'}>{j.statusLabel}</Badge> : null}
            </Group>
            {!finished ? (
              <div>
                <Progress value={j?.progress ?? 0} animated striped aria-label="Tiến độ" />
                <Text size="sm" c="dimmed" mt={4}>{j?.progressMessage ?? 'Đang chờ xử lý…'} ({j?.progress ?? 0}%)</Text>
              </div>
            ) : null}
            <ErrorAlert error={job.error} />
            {j?.status === 'failed' ? <Alert color="red" title="Không nhập được">{j.error ?? 'Tác vụ gặp lỗi.'}</Alert> : null}
            {result ? (
              <>
                <Alert color={result.errors.length ? 'red' : 'green'} title={result.errors.length ? 'Có lỗi trong tệp' : run.dryRun ? 'Tệp hợp lệ' : 'Đã nhập xong'}>
                  {result.message}
                </Alert>
                <Summary r={result} />
                <ErrorTable r={result} />
              </>
            ) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
