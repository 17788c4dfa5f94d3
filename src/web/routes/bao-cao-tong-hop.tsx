// Tổng hợp báo cáo: a period's figures per unit of my subtree with totals, the trend chart and the
// ranking (by one indicator or weighted), Excel export / import (dry run first), and the sơ kết /
// tổng kết draft made from these figures.
import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Suspense, lazy, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api, downloadFile, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan } from '../auth';
import { STATE_COLORS, formatValue, type TReportFormSummary, type TRollup } from '../components/report-types';
import { Empty, ErrorAlert, Loading, PageTitle } from '../components/ui';

const ReportCharts = lazy(() => import('../components/report-charts'));
type TImportResult = { rows: number; valid: number; errors: { row: number; unitCode: string | null; message: string }[]; applied: boolean };

export default function ReportRollupPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canWrite = useCan('report.write');
  const [weights, setWeights] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [imp, setImp] = useState<TImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const forms = useQuery({ queryKey: ['reports', 'forms', 'all'], queryFn: () => api.get<TPage<TReportFormSummary>>(`/reports/forms${toQuery({ pageSize: 100 })}`) });
  const formId = params.get('formId') ?? forms.data?.items[0]?.id ?? null;
  const periodId = params.get('periodId') ?? undefined;
  const rankBy = params.get('rankBy') ?? undefined;
  const w = params.get('weights') ?? undefined;
  const set = (k: string, v: string | null) => { const p = new URLSearchParams(params); if (formId) p.set('formId', formId); if (v) p.set(k, v); else p.delete(k); if (k === 'formId') { p.delete('periodId'); p.delete('rankBy'); p.delete('weights'); } setParams(p, { replace: true }); };
  const query = { formId, periodId, rankBy, weights: w };
  const r = useQuery({ queryKey: ['reports', 'rollup', query], queryFn: () => api.get<TRollup>(`/reports/rollup${toQuery(query)}`), enabled: !!formId });
  const items = r.data ? r.data.sections.flatMap((s) => s.items).filter((i) => i.type !== 'file') : [];
  const numeric = items.filter((i) => i.type !== 'text');
  const trendCode = r.data?.ranking.by && r.data.ranking.by !== 'composite' ? r.data.ranking.by : numeric[0]?.code;
  const trendItem = numeric.find((i) => i.code === trendCode);
  const act = async (fn: () => Promise<void>) => { setBusy(true); setError(null); try { await fn(); } catch (e) { setError(e); } finally { setBusy(false); } };
  const runImport = (dryRun: boolean) => act(async () => {
    if (!file || !r.data) return;
    const f = new FormData(); f.append('file', file);
    const res = await api.upload<TImportResult>(`/reports/import${toQuery({ formId, periodId: r.data.period.id, dryRun: dryRun ? '1' : '0' })}`, f);
    setImp(res);
    if (res.applied) await qc.invalidateQueries({ queryKey: ['reports'] });
  });
  const summary = (kind: 'so_ket' | 'tong_ket') => act(async () => {
    const res = await api.post<{ documentId: string }>('/reports/summaries', { formId, periodId: r.data!.period.id, kind });
    navigate(`/van-ban/${res.documentId}`);
  });
  return (
    <Stack>
      <PageTitle actions={<Anchor component={Link} to="/bao-cao">← Báo cáo định kỳ</Anchor>}>Tổng hợp báo cáo</PageTitle>
      {forms.isLoading ? <Loading /> : !forms.data?.items.length ? <Empty>Chưa có mẫu báo cáo nào</Empty> : (
        <Group align="end">
          <Select label="Mẫu báo cáo" w={420} data={forms.data.items.map((f) => ({ value: f.id, label: `${f.title} – ${f.unitName}` }))} value={formId} onChange={(v) => set('formId', v)} />
          <Select label="Kỳ" w={200} data={(r.data?.periods ?? []).filter((p) => p.open).map((p) => ({ value: p.id, label: p.label }))} value={r.data?.period.id ?? null} onChange={(v) => set('periodId', v)} />
          <Select label="Xếp hạng theo" w={320} data={[...numeric.map((i) => ({ value: i.code, label: i.name })), { value: 'composite', label: 'Điểm tổng hợp có trọng số' }]} value={r.data?.ranking.by ?? null} onChange={(v) => set('rankBy', v)} />
          {r.data?.ranking.by === 'composite' || rankBy === 'composite' ? (
            <Group align="end" gap="xs">
              <TextInput label="Trọng số (mã:trọng số, …)" placeholder="tthc_online_rate:2,satisfaction_rate:1" value={weights || w || ''} onChange={(e) => setWeights(e.currentTarget.value)} w={320} />
              <Button variant="light" onClick={() => set('weights', weights)}>Áp dụng</Button>
            </Group>
          ) : null}
        </Group>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {r.error ? <ErrorAlert error={r.error} /> : null}
      {r.isLoading ? <Loading /> : null}
      {r.data ? (
        <>
          <Text>{r.data.unit.name} · {r.data.period.label}: đã gửi <b>{r.data.counts.sent}</b>/{r.data.counts.total} đơn vị (tiếp nhận {r.data.counts.accepted}, trả lại {r.data.counts.returned}, chưa báo cáo {r.data.counts.missing}, nộp muộn {r.data.counts.late})</Text>
          <Suspense fallback={<Loading />}>
            <ReportCharts indicatorName={trendItem?.name ?? ''} rankLabel={r.data.ranking.label}
              trend={r.data.trend.map((t) => ({ label: t.label, value: trendCode ? t.totals[trendCode] ?? null : null }))}
              ranking={r.data.ranking.items.filter((i) => i.value !== null).slice(0, 20).map((i) => ({ name: i.unitName, value: i.value! }))} />
          </Suspense>
          <Card withBorder>
            <Text fw={600} mb="xs">Xếp hạng: {r.data.ranking.label}</Text>
            <Table striped aria-label="Xếp hạng">
              <Table.Thead><Table.Tr><Table.Th>Hạng</Table.Th><Table.Th>Đơn vị</Table.Th><Table.Th>Giá trị</Table.Th><Table.Th>Ghi chú</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {r.data.ranking.items.map((i) => (
                  <Table.Tr key={i.unitId}>
                    <Table.Td>{i.rank ?? '—'}{i.tied ? <Badge ml={4} size="xs" variant="light">đồng hạng</Badge> : null}</Table.Td>
                    <Table.Td>{i.unitName}</Table.Td>
                    <Table.Td>{i.value === null ? '—' : i.value.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}</Table.Td>
                    <Table.Td>{i.note ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
          <Card withBorder style={{ overflowX: 'auto' }}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>Số liệu theo đơn vị</Text>
              <Group>
                <Button variant="light" onClick={() => act(() => downloadFile(`/reports/rollup.xlsx${toQuery({ formId, periodId: r.data!.period.id })}`, 'tong-hop.xlsx'))}>Xuất Excel</Button>
                {canWrite ? <Button variant="default" onClick={() => summary('so_ket')} loading={busy}>Soạn báo cáo sơ kết</Button> : null}
                {canWrite ? <Button variant="default" onClick={() => summary('tong_ket')} loading={busy}>Soạn báo cáo tổng kết</Button> : null}
              </Group>
            </Group>
            <Table striped withTableBorder aria-label="Số liệu tổng hợp">
              <Table.Thead><Table.Tr><Table.Th>Đơn vị</Table.Th><Table.Th>Trạng thái</Table.Th>{items.map((i) => <Table.Th key={i.code}>{i.name}</Table.Th>)}</Table.Tr></Table.Thead>
              <Table.Tbody>
                {r.data.rows.map((row) => (
                  <Table.Tr key={row.unitId}>
                    <Table.Td>{row.submissionId ? <Anchor component={Link} to={`/bao-cao/${row.submissionId}`}>{row.unitName}</Anchor> : row.unitName}</Table.Td>
                    <Table.Td><Badge color={STATE_COLORS[row.state]} size="sm">{row.stateLabel}</Badge>{row.late ? <Badge ml={4} color="orange" size="sm" variant="light">muộn</Badge> : null}</Table.Td>
                    {items.map((i) => <Table.Td key={i.code}>{formatValue(row.values?.[i.code], i)}</Table.Td>)}
                  </Table.Tr>
                ))}
                <Table.Tr fw={700}><Table.Td>Tổng hợp</Table.Td><Table.Td /> {items.map((i) => <Table.Td key={i.code}>{i.type === 'text' ? '' : formatValue(r.data!.totals[i.code], i)}</Table.Td>)}</Table.Tr>
              </Table.Tbody>
            </Table>
          </Card>
          {canWrite ? (
            <Card withBorder>
              <Text fw={600} mb="xs">Nhập số liệu từ Excel (cùng mẫu với tệp xuất)</Text>
              <Group align="end">
                <FileInput label="Tệp .xlsx" value={file} onChange={(f) => { setFile(f); setImp(null); }} accept=".xlsx" w={320} clearable />
                <Button variant="light" disabled={!file} onClick={() => runImport(true)} loading={busy}>Kiểm tra (chạy thử)</Button>
                <Button disabled={!file || !imp || imp.errors.length > 0 || imp.applied} onClick={() => runImport(false)} loading={busy}>Ghi số liệu</Button>
              </Group>
              {imp ? (
                imp.errors.length ? (
                  <Alert color="red" mt="sm" title={`Có ${imp.errors.length} lỗi; chưa ghi dòng nào`}>
                    <Table><Table.Tbody>{imp.errors.map((e, k) => <Table.Tr key={k}><Table.Td>Dòng {e.row}</Table.Td><Table.Td>{e.unitCode}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>)}</Table.Tbody></Table>
                  </Alert>
                ) : <Alert color={imp.applied ? 'green' : 'blue'} mt="sm">{imp.applied ? `Đã ghi số liệu của ${imp.valid} đơn vị (vào bản nháp của đơn vị)` : `Tệp hợp lệ: ${imp.valid} đơn vị. Bấm "Ghi số liệu" để ghi.`}</Alert>
              ) : null}
            </Card>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
