// Tab "Biểu đồ" (recharts is only loaded with this chunk): a unit's score by group against its
// cluster's average, year on year; the cluster's distribution by band.
import { Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { api, toQuery } from '../api/client';
import type { TAssessment, TCharts } from './assessment-types';
import { pts } from './assessment-types';
import { ErrorAlert, Loading } from './ui';

export default function AssessmentCharts({ a }: { a: TAssessment }) {
  const [unitId, setUnitId] = useState<string | null>(a.units.find((u) => u.canSelfAssess)?.unitId ?? a.units[0]?.unitId ?? null);
  const charts = useQuery({ queryKey: ['assessments', a.id, 'charts', unitId], queryFn: () => api.get<TCharts>(`/assessments/${a.id}/charts${toQuery({ unitId })}`) });
  if (charts.isPending) return <Loading />;
  if (charts.isError) return <ErrorAlert error={charts.error} />;
  const c = charts.data;
  const groups = c.byGroup.map((g) => ({ name: `Nhóm ${g.code}`, 'Đơn vị': g.unit ?? 0, 'Bình quân cụm/khối': g.average }));
  const years = c.years.map((y) => ({ name: String(y.year), 'Đơn vị': y.unit ?? 0, 'Bình quân cụm/khối': y.average }));
  return (
    <Stack>
      <Select label="Đơn vị" w={420} data={a.units.map((u) => ({ value: u.unitId, label: u.unitName }))} value={unitId} onChange={setUnitId} allowDeselect={false} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <div>
          <Text size="sm" fw={600} mb={4}>Điểm theo nhóm tiêu chí so với bình quân {c.clusterName ?? 'cụm/khối'}</Text>
          <div style={{ width: '100%', height: 280 }} role="img" aria-label={`Điểm theo nhóm: ${c.byGroup.map((g) => `nhóm ${g.code} ${pts(g.unit)} (bình quân ${pts(g.average)})`).join(', ')}`}>
            <ResponsiveContainer><BarChart data={groups}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="name" /><YAxis /><Tooltip /><Legend /><Bar dataKey="Đơn vị" fill="#1c7ed6" /><Bar dataKey="Bình quân cụm/khối" fill="#adb5bd" /></BarChart></ResponsiveContainer>
          </div>
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>Tổng điểm qua các năm</Text>
          <div style={{ width: '100%', height: 280 }} role="img" aria-label={`Tổng điểm qua các năm: ${c.years.map((y) => `${y.year} ${pts(y.unit)} (bình quân ${pts(y.average)})`).join(', ')}`}>
            <ResponsiveContainer><LineChart data={years}><CartesianGrid strokeDasharray="3 3" /><XAxis dataKey="name" /><YAxis domain={[0, 'auto']} /><Tooltip /><Legend /><Line dataKey="Đơn vị" stroke="#1c7ed6" /><Line dataKey="Bình quân cụm/khối" stroke="#868e96" /></LineChart></ResponsiveContainer>
          </div>
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>Phân bố xếp loại {c.clusterName ?? ''}</Text>
          <div style={{ width: '100%', height: 240 }} role="img" aria-label={`Phân bố xếp loại: ${c.distribution.map((d) => `${d.label} ${d.count}`).join(', ')}`}>
            <ResponsiveContainer><BarChart data={c.distribution.map((d) => ({ name: d.label, 'Số đơn vị': d.count }))}><XAxis dataKey="name" /><YAxis allowDecimals={false} /><Tooltip /><Bar dataKey="Số đơn vị" fill="#37b24d" /></BarChart></ResponsiveContainer>
          </div>
        </div>
      </SimpleGrid>
    </Stack>
  );
}
