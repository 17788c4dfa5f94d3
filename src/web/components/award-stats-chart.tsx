// Bar chart of award statistics (recharts is only loaded with this chunk).
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type TStatItem = { key: string; label: string; individual: number; collective: number; total: number };

export default function AwardStatsChart({ items }: { items: TStatItem[] }) {
  return (
    <div
      style={{ width: '100%', height: Math.max(200, items.length * 32 + 60) }}
      role="img"
      aria-label={`Biểu đồ số khen thưởng: ${items.map((d) => `${d.label} ${d.total}`).join(', ')}`}
    >
      <ResponsiveContainer>
        <BarChart data={items} layout="vertical" margin={{ left: 8, right: 16, top: 4, bottom: 4 }}>
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={220} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [Number(v).toLocaleString('vi-VN'), name]} />
          <Legend />
          <Bar dataKey="individual" name="Cá nhân" stackId="a" fill="#1c7ed6" />
          <Bar dataKey="collective" name="Tập thể" stackId="a" fill="#e64980" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
