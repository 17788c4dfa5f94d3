// Charts for Tổng quan (recharts is only loaded with this chunk).
import { SimpleGrid, Text } from '@mantine/core';
import { Bar, BarChart, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

type TDatum = { name: string; value: number };
const COLORS = ['#1c7ed6', '#e64980', '#37b24d', '#f59f00', '#7048e8', '#0ca678', '#f76707', '#495057'];

export default function CountCharts({ units, people }: { units: TDatum[]; people: TDatum[] }) {
  const sorted = [...units].sort((a, b) => b.value - a.value);
  return (
    <SimpleGrid cols={{ base: 1, md: people.length ? 2 : 1 }}>
      <div>
        <Text size="sm" fw={600} mb={4}>Số đơn vị theo loại</Text>
        <div style={{ width: '100%', height: Math.max(180, sorted.length * 28 + 40) }} role="img" aria-label={`Biểu đồ số đơn vị theo loại: ${sorted.map((d) => `${d.name} ${d.value}`).join(', ')}`}>
          <ResponsiveContainer>
            <BarChart data={sorted} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={150} tick={{ fontSize: 12 }} />
              <Tooltip formatter={(v) => [Number(v).toLocaleString('vi-VN'), 'Số đơn vị']} />
              <Bar dataKey="value" fill="#1c7ed6" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </div>
      {people.length ? (
        <div>
          <Text size="sm" fw={600} mb={4}>Cán bộ theo giới tính</Text>
          <div style={{ width: '100%', height: 240 }} role="img" aria-label={`Biểu đồ cán bộ theo giới tính: ${people.map((d) => `${d.name} ${d.value}`).join(', ')}`}>
            <ResponsiveContainer>
              <PieChart>
                <Pie data={people} dataKey="value" nameKey="name" outerRadius={80} label={(p) => `${p.name}: ${Number(p.value).toLocaleString('vi-VN')}`}>
                  {people.map((d, i) => <Cell key={d.name} fill={COLORS[(i + 1) % COLORS.length]} />)}
                </Pie>
                <Tooltip formatter={(v) => [Number(v).toLocaleString('vi-VN'), 'Số người']} />
                <Legend />
              </PieChart>
            </ResponsiveContainer>
          </div>
        </div>
      ) : null}
    </SimpleGrid>
  );
}
