// The web app: React + Mantine, built into dist/web which the server serves (with an index.html
// fallback for client routes). Each page is its own chunk; recharts only loads with the dashboard chart.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/api': 'http://localhost:3200', '/healthz': 'http://localhost:3200' },
  },
});
