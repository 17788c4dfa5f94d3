// One document: its facts and register number, the PDF preview (LibreOffice on the server; a clear
// message when it is not installed), downloads, "Ban hành" (takes the next number or a reserved one)
// and the signed scan (PDF) that becomes the final copy.
import { Alert, Button, Card, FileInput, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, api, downloadFile, errorMessage, toQuery } from '../api/client';
import type { TPage } from '../api/types';
import { useCan } from '../auth';
import { formatDateVi } from '../../shared/vn';
import { FormModal, requireDate } from '../components/form-modal';
import { DetailHeader, useBusyAction } from '../components/detail-parts';
import { DateField, ErrorAlert, Loading, formatDateTimeVi, todayVi } from '../components/ui';
import { DocumentStatusBadge, RegisterStatusBadge, bareNumber, type TDocument, type TDocumentDetail, type TRegisterEntry } from '../components/doc-shared';

/** Fetches the PDF as a blob so that a 503 (no LibreOffice) becomes a message instead of a broken frame. */
function PdfPreview({ doc }: { doc: TDocumentDetail }) {
  const [state, setState] = useState<{ url: string | null; error: unknown; loading: boolean }>({ url: null, error: null, loading: true });
  const path = doc.hasSignedScan ? `/api/v1/documents/${doc.id}/signed-scan` : `/api/v1/documents/${doc.id}/pdf`;
  useEffect(() => {
    let url: string | null = null;
    let alive = true;
    setState({ url: null, error: null, loading: true });
    (async () => {
      try {
        const res = await fetch(path, { credentials: 'same-origin' });
        if (!res.ok) {
          let message = res.status === 503 ? 'Máy chủ chưa cài LibreOffice nên chưa xem trước được bản PDF; hãy tải tệp Word.' : 'Không tạo được bản xem trước PDF';
          try {
            const data = (await res.json()) as { error?: { message?: string } };
            if (data.error?.message) message = data.error.message;
          } catch { /* not JSON */ }
          throw new ApiError(res.status, res.status === 503 ? 'CONVERTER_UNAVAILABLE' : `HTTP_${res.status}`, message);
        }
        url = URL.createObjectURL(await res.blob());
        if (alive) setState({ url, error: null, loading: false });
      } catch (e) {
        if (alive) setState({ url: null, error: e, loading: false });
      }
    })();
    return () => {
      alive = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, doc.updatedAt]);
  if (state.loading) return <Loading label="Đang dựng bản PDF…" />;
  if (state.error) {
    const noConverter = state.error instanceof ApiError && state.error.status === 503;
    return <Alert color={noConverter ? 'yellow' : 'red'} title={noConverter ? 'Chưa xem trước được' : 'Không xem trước được'}>{errorMessage(state.error)}</Alert>;
  }
  return <object data={state.url!} type="application/pdf" aria-label="Bản xem trước PDF" style={{ width: '100%', height: '78vh', border: '1px solid var(--mantine-color-gray-3)' }}>
    <Text size="sm" p="sm">Trình duyệt không hiển thị được PDF; hãy bấm “Tải PDF”.</Text>
  </object>;
}

function IssueModal({ doc, opened, onClose, onDone }: { doc: TDocumentDetail; opened: boolean; onClose: () => void; onDone: (d: TDocumentDetail) => void }) {
  const [date, setDate] = useState(todayVi());
  const [signer, setSigner] = useState(doc.signerName ?? '');
  const [numberId, setNumberId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reserved = useQuery({
    queryKey: ['documents', 'register', doc.unitId, 'reserved'],
    queryFn: () => api.get<TPage<TRegisterEntry>>(`/documents/register${toQuery({ unitId: doc.unitId, status: 'reserved', pageSize: 100 })}`),
    enabled: opened && doc.numbered,
  });
  return (
    <FormModal title="Ban hành văn bản" opened={opened} onClose={onClose} error={error} setError={setError} submitLabel="Ban hành" size="md"
      labels={{ date: 'Ngày ban hành', signerName: 'Người ký', numberId: 'Số giữ chỗ' }}
      onSubmit={async () => {
        const d = await api.post<TDocumentDetail>(`/documents/${doc.id}/issue`, { date: requireDate(date, 'Ngày ban hành'), signerName: signer.trim() || undefined, numberId: numberId ?? undefined });
        onDone(d);
      }}>
      <Text size="sm">{doc.numbered ? 'Văn bản nhận số tiếp theo trong sổ văn bản đi của đơn vị (hoặc một số đã giữ chỗ), được dựng lại với số và ngày; sau khi ban hành không sửa được.' : 'Loại văn bản này không vào sổ văn bản đi; sau khi ban hành không sửa được.'}</Text>
      <DateField label="Ngày ban hành" required value={date} onChange={setDate} />
      <TextInput label="Người ký" value={signer} onChange={(e) => setSigner(e.currentTarget.value)} placeholder="Để trống: theo dữ liệu văn bản" />
      {doc.numbered ? (
        <Select label="Số văn bản" clearable placeholder="Lấy số tiếp theo trong sổ" value={numberId} onChange={setNumberId}
          data={(reserved.data?.items ?? []).map((r) => ({ value: r.id, label: `${bareNumber(r.numberText)} (giữ số${r.note ? `: ${r.note}` : ''})` }))} />
      ) : null}
    </FormModal>
  );
}

function SignedScanUpload({ doc, onDone }: { doc: TDocumentDetail; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const { busy, error, run } = useBusyAction();
  const upload = () => file && run('upload', async () => {
    const form = new FormData();
    form.append('file', file);
    await api.upload<TDocument>(`/documents/${doc.id}/signed-scan`, form);
    notifications.show({ color: 'green', message: 'Đã lưu bản scan đã ký làm bản chính' });
    setFile(null);
    onDone();
  });
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <FileInput label={doc.hasSignedScan ? 'Thay bản scan đã ký (PDF)' : 'Bản scan đã ký (PDF)'} placeholder="Chọn tệp PDF…" accept=".pdf,application/pdf" value={file} onChange={setFile} clearable miw={260} />
        <Button onClick={upload} disabled={!file} loading={busy === 'upload'}>Tải lên</Button>
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}

export default function DocumentDetailPage() {
  const { id } = useParams();
  const qc = useQueryClient();
  const canWrite = useCan('document.write');
  const [issuing, setIssuing] = useState(false);
  const q = useQuery({ queryKey: ['documents', 'detail', id], queryFn: () => api.get<TDocumentDetail>(`/documents/${id}`) });
  const doc = q.data;
  const refresh = () => qc.invalidateQueries({ queryKey: ['documents'] });
  const dl = (what: 'docx' | 'pdf' | 'signed-scan') => downloadFile(`/documents/${id}/${what}`, `van-ban.${what === 'docx' ? 'docx' : 'pdf'}`).catch((e) => notifications.show({ color: 'red', message: errorMessage(e) }));

  if (q.isPending) return <Loading />;
  if (!doc) return <ErrorAlert error={q.error} />;
  const row = (label: string, value: ReactNode) => (
    <Group gap="xs" wrap="nowrap" align="flex-start"><Text size="sm" c="dimmed" w={130} style={{ flexShrink: 0 }}>{label}</Text><Text size="sm" component="div">{value}</Text></Group>
  );
  return (
    <>
      <DetailHeader back={{ to: '/van-ban', label: 'Văn bản' }} title={doc.title || doc.kindTitle} actions={<>
        <Button variant="default" onClick={() => dl('docx')}>Tải Word</Button>
        <Button variant="default" onClick={() => dl('pdf')}>Tải PDF</Button>
        {doc.hasSignedScan ? <Button variant="default" onClick={() => dl('signed-scan')}>Tải bản đã ký</Button> : null}
        {canWrite && doc.status === 'draft' ? <Button onClick={() => setIssuing(true)}>Ban hành</Button> : null}
      </>} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder padding="sm">
            <Stack gap={6}>
              {row('Loại', doc.kindTitle)}
              {row('Trạng thái', <DocumentStatusBadge doc={doc} />)}
              {row('Số, ký hiệu', doc.numberText ? <b>{bareNumber(doc.numberText)}</b> : doc.numbered ? 'Chưa cấp (cấp khi ban hành)' : 'Không vào sổ văn bản đi')}
              {doc.register ? row('Trong sổ', <Group gap={6}><RegisterStatusBadge status={doc.register.status} /><Text size="sm">năm {doc.register.year}, số {doc.register.number}</Text></Group>) : null}
              {row('Đơn vị', doc.unitName ?? '')}
              {row('Ngày ban hành', formatDateVi(doc.issuedDate) || '—')}
              {row('Người ký', doc.signerName ?? '—')}
              {row('Bản chính', doc.finalCopy === 'signed-scan' ? 'Bản scan đã ký' : doc.status === 'issued' ? 'Tệp Word (chưa có bản scan đã ký)' : '—')}
              {row('Cập nhật', formatDateTimeVi(doc.updatedAt))}
            </Stack>
          </Card>
          {canWrite && doc.status === 'issued' ? (
            <Card withBorder padding="sm" mt="md"><SignedScanUpload doc={doc} onDone={() => void refresh()} /></Card>
          ) : null}
          {doc.status === 'draft' && canWrite ? <Text size="xs" c="dimmed" mt="sm">Bản scan đã ký được tải lên sau khi ban hành.</Text> : null}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card withBorder padding="xs"><PdfPreview doc={doc} /></Card>
        </Grid.Col>
      </Grid>
      <IssueModal doc={doc} opened={issuing} onClose={() => setIssuing(false)}
        onDone={(d) => { setIssuing(false); qc.setQueryData(['documents', 'detail', id], d); void refresh(); notifications.show({ color: 'green', message: d.numberText ? `Đã ban hành, số ${bareNumber(d.numberText)}` : 'Đã ban hành' }); }} />
    </>
  );
}
