// Giấy khen: the unit's layout for pre-printed blanks (paper, orientation, each field's position in
// mm, font, size, style) with a scaled preview, and batch printing: paste or upload the list of
// recipients → background job with a progress bar → download the PDF or the Word file.
import { Alert, Button, Card, Checkbox, FileInput, Grid, Group, NumberInput, Progress, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, downloadFile, errorMessage } from '../api/client';
import { useCan } from '../auth';
import { Empty, ErrorAlert, Loading } from './ui';
import { DocUnitPicker, useUnitChoice, type TBlankField, type TBlankLayout, type TCertificateBatch } from './doc-shared';

const PAPERS: Record<'A4' | 'A3' | 'A5', { w: number; h: number }> = { A4: { w: 210, h: 297 }, A3: { w: 297, h: 420 }, A5: { w: 148, h: 210 } };
const FONTS = ['Times New Roman', 'Arial', 'Tahoma', 'Cambria'];
const DEFAULT_LAYOUT: TBlankLayout = {
  paper: 'A4',
  orientation: 'landscape',
  fields: [
    { key: 'hoTen', xMm: 60, yMm: 92, widthMm: 177, fontFamily: 'Times New Roman', fontSizePt: 26, bold: true, italic: false, align: 'center' },
    { key: 'donVi', xMm: 60, yMm: 106, widthMm: 177, fontFamily: 'Times New Roman', fontSizePt: 16, bold: false, italic: false, align: 'center' },
    { key: 'thanhTich', xMm: 45, yMm: 118, widthMm: 207, heightMm: 20, fontFamily: 'Times New Roman', fontSizePt: 16, bold: false, italic: true, align: 'center' },
    { key: 'ngay', xMm: 160, yMm: 142, widthMm: 110, fontFamily: 'Times New Roman', fontSizePt: 14, bold: false, italic: true, align: 'center' },
  ],
};
const FIELD_HINTS: Record<string, string> = { hoTen: 'Họ và tên', donVi: 'Đơn vị', thanhTich: 'Thành tích', ngay: 'Ngày tháng', soVaoSo: 'Số vào sổ' };

function sheetMm(l: TBlankLayout): { w: number; h: number } {
  const base = typeof l.paper === 'string' ? PAPERS[l.paper] : { w: l.paper.widthMm, h: l.paper.heightMm };
  const s = Math.min(base.w, base.h);
  const g = Math.max(base.w, base.h);
  return l.orientation === 'landscape' ? { w: g, h: s } : { w: s, h: g };
}

/** The sheet drawn to scale (it fills the card's width) with each field's box and a sample text. */
function LayoutPreview({ layout, sample }: { layout: TBlankLayout; sample: Record<string, string> }) {
  const { w, h } = sheetMm(layout);
  const pct = (mm: number) => `${(mm / w) * 100}%`;
  const cqw = (mm: number) => `${(mm / w) * 100}cqw`;
  return (
    <div style={{ containerType: 'inline-size', width: '100%', maxWidth: 640 }}>
      <div aria-label="Xem trước vị trí trên phôi" style={{ position: 'relative', width: '100%', aspectRatio: `${w} / ${h}`, border: '1px solid var(--mantine-color-gray-5)', background: '#fffdf5', overflow: 'hidden' }}>
        {layout.fields.map((f, i) => {
          const sizeMm = (f.fontSizePt ?? 14) * 0.3528;
          return (
            <div key={i} title={f.key} style={{
              position: 'absolute', left: pct(f.xMm), top: `${(f.yMm / h) * 100}%`, width: pct(f.widthMm), minHeight: cqw(f.heightMm ?? sizeMm * 1.2),
              outline: '1px dashed var(--mantine-color-blue-4)', fontFamily: f.fontFamily ?? 'Times New Roman', fontSize: cqw(sizeMm), lineHeight: 1.15,
              fontWeight: f.bold ? 700 : 400, fontStyle: f.italic ? 'italic' : 'normal', textAlign: f.align ?? 'left', color: f.color ? `#${f.color}` : '#222',
            }}>
              {sample[f.key] || FIELD_HINTS[f.key] || f.key}
            </div>
          );
        })}
      </div>
      <Text size="xs" c="dimmed" mt={4}>Khổ {Math.round(w)} × {Math.round(h)} mm; khung nét đứt là vùng in của từng trường.</Text>
    </div>
  );
}

function LayoutEditor({ unitId, layout, setLayout }: { unitId: string; layout: TBlankLayout; setLayout: (l: TBlankLayout) => void }) {
  const qc = useQueryClient();
  const canWrite = useCan('document.write');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setField = (i: number, patch: Partial<TBlankField>) => setLayout({ ...layout, fields: layout.fields.map((f, k) => (k === i ? { ...f, ...patch } : f)) });
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/documents/certificate-layouts/${unitId}`, layout);
      notifications.show({ color: 'green', message: 'Đã lưu mẫu in trên phôi' });
      void qc.invalidateQueries({ queryKey: ['documents', 'certificate-layout', unitId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : Number(String(v).replace(',', '.')) || fallback);
  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select label="Khổ giấy" w={120} allowDeselect={false} value={typeof layout.paper === 'string' ? layout.paper : 'A4'}
          data={['A4', 'A3', 'A5']} onChange={(v) => setLayout({ ...layout, paper: (v ?? 'A4') as 'A4' })} />
        <Select label="Hướng giấy" w={140} allowDeselect={false} value={layout.orientation}
          data={[{ value: 'landscape', label: 'Ngang' }, { value: 'portrait', label: 'Dọc' }]} onChange={(v) => setLayout({ ...layout, orientation: (v ?? 'landscape') as 'landscape' })} />
        <Button variant="default" onClick={() => setLayout({ ...layout, fields: [...layout.fields, { key: `truong${layout.fields.length + 1}`, xMm: 30, yMm: 30, widthMm: 100, fontFamily: 'Times New Roman', fontSizePt: 14, bold: false, italic: false, align: 'left' }] })}>Thêm trường</Button>
      </Group>
      <Table.ScrollContainer minWidth={860}>
        <Table aria-label="Vị trí các trường trên phôi" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr><Table.Th>Mã trường</Table.Th><Table.Th>X (mm)</Table.Th><Table.Th>Y (mm)</Table.Th><Table.Th>Rộng (mm)</Table.Th><Table.Th>Phông</Table.Th><Table.Th>Cỡ (pt)</Table.Th><Table.Th>Đậm</Table.Th><Table.Th>Nghiêng</Table.Th><Table.Th>Căn</Table.Th><Table.Th /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {layout.fields.map((f, i) => (
              <Table.Tr key={i}>
                <Table.Td><TextInput size="xs" w={110} value={f.key} aria-label={`Mã trường ${i + 1}`} onChange={(e) => setField(i, { key: e.currentTarget.value })} /></Table.Td>
                <Table.Td><NumberInput size="xs" w={80} value={f.xMm} min={0} decimalScale={1} aria-label={`X (mm) trường ${f.key}`} onChange={(v) => setField(i, { xMm: num(v, 0) })} /></Table.Td>
                <Table.Td><NumberInput size="xs" w={80} value={f.yMm} min={0} decimalScale={1} aria-label={`Y (mm) trường ${f.key}`} onChange={(v) => setField(i, { yMm: num(v, 0) })} /></Table.Td>
                <Table.Td><NumberInput size="xs" w={80} value={f.widthMm} min={5} decimalScale={1} aria-label={`Rộng (mm) trường ${f.key}`} onChange={(v) => setField(i, { widthMm: num(v, 50) })} /></Table.Td>
                <Table.Td><Select size="xs" w={150} data={FONTS} value={f.fontFamily ?? 'Times New Roman'} allowDeselect={false} aria-label={`Phông trường ${f.key}`} onChange={(v) => setField(i, { fontFamily: v ?? 'Times New Roman' })} /></Table.Td>
                <Table.Td><NumberInput size="xs" w={70} value={f.fontSizePt ?? 14} min={6} max={72} aria-label={`Cỡ chữ trường ${f.key}`} onChange={(v) => setField(i, { fontSizePt: num(v, 14) })} /></Table.Td>
                <Table.Td><Checkbox checked={!!f.bold} aria-label={`Đậm trường ${f.key}`} onChange={(e) => setField(i, { bold: e.currentTarget.checked })} /></Table.Td>
                <Table.Td><Checkbox checked={!!f.italic} aria-label={`Nghiêng trường ${f.key}`} onChange={(e) => setField(i, { italic: e.currentTarget.checked })} /></Table.Td>
                <Table.Td><Select size="xs" w={100} allowDeselect={false} value={f.align ?? 'left'} aria-label={`Căn lề trường ${f.key}`}
                  data={[{ value: 'left', label: 'Trái' }, { value: 'center', label: 'Giữa' }, { value: 'right', label: 'Phải' }]} onChange={(v) => setField(i, { align: (v ?? 'left') as 'left' })} /></Table.Td>
                <Table.Td><Button size="compact-xs" variant="subtle" color="red" disabled={layout.fields.length <= 1} onClick={() => setLayout({ ...layout, fields: layout.fields.filter((_, k) => k !== i) })}>Xóa</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ErrorAlert error={error} />
      {canWrite ? <Group><Button onClick={save} loading={busy}>Lưu mẫu in</Button></Group> : null}
    </Stack>
  );
}

/** Pasted rows (Tab from Excel, or ";") → one record per row keyed by the layout's field keys. */
export function parseRecipients(text: string, keys: string[]): Record<string, string>[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const split = (l: string) => (l.includes('\t') ? l.split('\t') : l.split(';')).map((c) => c.trim());
  let cols = keys;
  if (lines.length) {
    const head = split(lines[0]);
    if (head.every((h) => keys.includes(h)) && head.length > 0) {
      cols = head;
      lines.shift();
    }
  }
  return lines.map((l) => Object.fromEntries(split(l).map((v, i) => [cols[i], v]).filter(([k, v]) => k && v)));
}

function BatchPrint({ unitId, layout, onSample }: { unitId: string; layout: TBlankLayout; onSample: (s: Record<string, string>) => void }) {
  const keys = layout.fields.map((f) => f.key);
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [batchId, setBatchId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entries = parseRecipients(text, keys);
  useEffect(() => onSample(entries[0] ?? {}), [text]); // eslint-disable-line react-hooks/exhaustive-deps
  const batch = useQuery({
    queryKey: ['documents', 'certificate-batch', batchId],
    queryFn: () => api.get<TCertificateBatch>(`/documents/certificates/${batchId}`),
    enabled: !!batchId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'done' || q.state.data.status === 'failed') ? false : 800),
  });
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const b = await api.post<TCertificateBatch>('/documents/certificates', { unitId, entries, layout, pdf: true });
      setBatchId(b.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const readFile = async (f: File | null) => {
    if (f) setText(await f.text());
  };
  const b = batch.data;
  const download = (which: 'pdf' | 'docx') => downloadFile(`/documents/certificates/${b!.id}/${which}`, `giay-khen.${which}`).catch((e) => notifications.show({ color: 'red', message: errorMessage(e) }));
  return (
    <Stack gap="sm">
      <Text size="sm">Mỗi dòng một người (hoặc tập thể), các cột theo thứ tự <b>{keys.join('; ')}</b>, cách nhau bằng Tab (dán từ Excel) hoặc dấu chấm phẩy. Dòng đầu có thể là tên các cột.</Text>
      <FileInput label="Hoặc chọn tệp danh sách (.csv, .txt)" placeholder="Chọn tệp…" accept=".csv,.txt,text/plain,text/csv" onChange={(f) => void readFile(f)} clearable maw={360} />
      <Textarea label="Danh sách người được khen" value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={5} maxRows={14}
        placeholder={`Nguyễn Văn An; Giáo viên Tổ Toán; Đã có thành tích xuất sắc năm học 2025-2026; Hà Tĩnh, ngày 29 tháng 5 năm 2026`} />
      <Group>
        <Button onClick={start} disabled={entries.length === 0 || (!!b && b.status !== 'done' && b.status !== 'failed')} loading={busy}>In {entries.length ? `${entries.length.toLocaleString('vi-VN')} giấy khen` : 'giấy khen'}</Button>
      </Group>
      <ErrorAlert error={error} />
      {b ? (
        <Card withBorder padding="sm">
          <Text size="sm" mb={4}>{b.progressMessage ?? (b.status === 'done' ? 'Đã xong' : 'Đang chờ xử lý…')}</Text>
          <Progress value={b.progress} color={b.status === 'failed' ? 'red' : b.status === 'done' ? 'green' : 'blue'} animated={b.status !== 'done' && b.status !== 'failed'} aria-label="Tiến độ in giấy khen" />
          {b.status === 'done' ? (
            <Group mt="sm">
              {b.pdfUrl ? <Button onClick={() => download('pdf')}>Tải PDF ({b.count} giấy khen)</Button> : <Text size="sm" c="dimmed">Máy chủ chưa cài LibreOffice nên chưa có bản PDF.</Text>}
              {b.docxUrl ? <Button variant="default" onClick={() => download('docx')}>Tải Word</Button> : null}
            </Group>
          ) : null}
        </Card>
      ) : null}
    </Stack>
  );
}

export function CertificatesPanel() {
  const [unit, setUnit] = useUnitChoice();
  const [layout, setLayout] = useState<TBlankLayout | null>(null);
  const [sample, setSample] = useState<Record<string, string>>({});
  const stored = useQuery({
    queryKey: ['documents', 'certificate-layout', unit?.id],
    queryFn: () => api.get<{ unitId: string; layout: TBlankLayout | null; updatedAt: string | null }>(`/documents/certificate-layouts/${unit!.id}`),
    enabled: !!unit,
  });
  useEffect(() => {
    if (stored.data) setLayout(stored.data.layout ?? DEFAULT_LAYOUT);
  }, [stored.data]);

  return (
    <Stack>
      <Card withBorder padding="sm">
        <Group align="flex-end"><DocUnitPicker value={unit} onChange={(u) => { setUnit(u); setLayout(null); }} label="Đơn vị khen thưởng" /></Group>
      </Card>
      {!unit ? <Empty>Chọn đơn vị để xem mẫu in giấy khen.</Empty> : null}
      <ErrorAlert error={stored.error} />
      {unit && stored.isPending ? <Loading /> : null}
      {unit && layout ? (
        <>
          {stored.data && !stored.data.layout ? <Alert color="blue">Đơn vị chưa có mẫu in trên phôi; dưới đây là mẫu gợi ý cho phôi A4 ngang, hãy đo phôi thật rồi chỉnh và lưu.</Alert> : null}
          <Card withBorder padding="sm">
            <Title order={3} size="h5" mb="xs">Mẫu in trên phôi giấy khen</Title>
            <LayoutEditor unitId={unit.id} layout={layout} setLayout={setLayout} />
          </Card>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Card withBorder padding="sm">
                <Title order={3} size="h5" mb="xs">Xem trước (theo tỉ lệ)</Title>
                <LayoutPreview layout={layout} sample={sample} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Card withBorder padding="sm">
                <Title order={3} size="h5" mb="xs">In hàng loạt</Title>
                <BatchPrint unitId={unit.id} layout={layout} onSample={setSample} />
              </Card>
            </Grid.Col>
          </Grid>
        </>
      ) : null}
    </Stack>
  );
}
