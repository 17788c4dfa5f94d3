// Trend of one indicator over the periods and the ranking bars (recharts only loads with this chunk).
import { SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

type TPoint = { label: string; value: number | null };
type TBar = { name: string; value: number };

export default function ReportCharts({ trend, ranking, indicatorName, rankLabel }: { trend: TPoint[]; ranking: TBar[]; indicatorName: string; rankLabel: string }) {
  const fmt = (v: unknown) => Number(v).toLocaleString('vi-VN', { maximumFractionDigits: 2 });
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <div>
        <Text size="sm" fw={600} mb={4}>Diễn biến qua các kỳ: {indicatorName}</Text>
        <div style={{ width: '100%', height: 260 }} role="img" aria-label={`Biểu đồ diễn biến ${indicatorName}: ${trend.map((t) => `${t.label} ${t.value === null ? 'chưa có' : fmt(t.value)}`).join(', ')}`}>
          <ResponsiveContainer>
            <LineChart data={trend} margin={{ left: 8, right: 16, top: 8, bottom: 4 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis tickFormatter={fmt} />
              <Tooltip formatter={(v) => [fmt(v), indicatorName]} />
              <Line type="monotone" dataKey="value" stroke="#1c7ed6" strokeWidth={2} connectNulls />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </div>
      <div>
        <Text size="sm" fw={600} mb={4}>Xếp hạng: {rankLabel}</Text>
        <div style={{ width: '100%', height: Math.max(200, ranking.length * 26 + 40) }} role="img" aria-label={`Biểu đồ xếp hạng ${rankLabel}: ${ranking.map((r) => `${r.name} ${fmt(r.value)}`).join(', ')}`}>
          <ResponsiveContainer>
            <BarChart data={ranking} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
              <XAxis type="number" tickFormatter={fmt} />
              <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 11 }} />
              <Tooltip formatter={(v) => [fmt(v), rankLabel]} />
              <Bar dataKey="value" fill="#37b24d" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
    </SimpleGrid>
  );
}
