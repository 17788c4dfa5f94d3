// Kiểm tra thể thức: upload a Word file (e.g. one a school sent up) and see every departure from
// the NĐ 30/2020 format, each in Vietnamese with the rule it breaks.
import { Alert, Badge, Button, Card, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../api/client';
import { ErrorAlert } from './ui';
import type { TFormatReport } from './doc-shared';

export function FormatCheck() {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<{ name: string; report: TFormatReport } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const form = new FormData();
      form.append('file', file);
      setReport({ name: file.name, report: await api.upload<TFormatReport>('/documents/check-format', form) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const r = report?.report;
  return (
    <Card withBorder padding="sm">
      <Stack>
        <Text size="sm">Chọn một tệp Word (.docx) để kiểm tra khổ giấy, lề, phông và cỡ chữ, phần tiêu đề, số và ký hiệu, ngày tháng, chữ ký, nơi nhận theo Nghị định 30/2020/NĐ-CP.</Text>
        <Group align="flex-end">
          <FileInput label="Tệp Word (.docx)" placeholder="Chọn tệp…" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            value={file} onChange={(f) => { setFile(f); setReport(null); }} clearable miw={320} />
          <Button onClick={check} disabled={!file} loading={busy}>Kiểm tra</Button>
        </Group>
        <ErrorAlert error={error} />
        {r ? (
          r.ok ? (
            <Alert color="green" title="Đúng thể thức">{report.name}: không thấy lỗi hay lưu ý nào.</Alert>
          ) : (
            <>
              <Alert color={r.errors ? 'red' : 'yellow'} title={`${report.name}: ${r.errors} lỗi, ${r.warnings} lưu ý`}>
                Mỗi dòng dưới đây là một chỗ chưa đúng thể thức, kèm quy định tương ứng.
              </Alert>
              <Table.ScrollContainer minWidth={640}>
                <Table striped aria-label="Kết quả kiểm tra thể thức">
                  <Table.Thead><Table.Tr><Table.Th w={90}>Mức</Table.Th><Table.Th>Vấn đề</Table.Th><Table.Th>Trong tệp</Table.Th><Table.Th>Quy định</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>
                    {r.issues.map((i, k) => (
                      <Table.Tr key={k}>
                        <Table.Td><Badge color={i.severity === 'error' ? 'red' : 'yellow'} variant="light">{i.severity === 'error' ? 'Lỗi' : 'Lưu ý'}</Badge></Table.Td>
                        <Table.Td><Text size="sm">{i.message}</Text></Table.Td>
                        <Table.Td><Text size="sm" c="dimmed">{i.found ?? ''}</Text></Table.Td>
                        <Table.Td><Text size="xs" c="dimmed">{i.rule}</Text></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )
        ) : null}
      </Stack>
    </Card>
  );
}
