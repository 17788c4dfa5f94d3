// Outreach by channel (recharts; loaded lazily with the Truyền thông page's chart).
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TOutreachSummary } from './participation-types';

export default function OutreachChart({ summary }: { summary: TOutreachSummary }) {
  const data = summary.channels.map((c) => ({ name: c.channelLabel, activities: c.activities }));
  return (
    <div style={{ width: '100%', height: 260 }} role="img" aria-label={`Biểu đồ số hoạt động theo kênh: ${data.map((d) => `${d.name} ${d.activities}`).join(', ')}`}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ left: 0, right: 16, top: 8, bottom: 4 }}>
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => [Number(v).toLocaleString('vi-VN'), 'Số hoạt động']} />
          <Legend formatter={() => 'Số hoạt động'} />
          <Bar dataKey="activities" fill="#1c7ed6" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
