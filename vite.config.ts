// The web app: React + Mantine, built into dist/web which the server serves (with an index.html
// fallback for client routes). Each page is its own chunk; recharts only loads with the dashboard chart.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig(({ command }) => {
  // The server may build the app from inside a test run (NODE_ENV=test): Vite and the React plugin
  // would then emit a development bundle (jsxDEV). A build is always the production bundle.
  if (command === 'build' && process.env.NODE_ENV !== 'production') process.env.NODE_ENV = 'production';
  return {
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
  };
});
