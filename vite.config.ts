// The web app: React + Mantine, built into dist/web which the server serves (with an index.html
// fallback for client routes). Each page is its own chunk; recharts (one `charts` chunk) only loads with
// the pages that draw a chart.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

type TModuleInfo = { importers: readonly string[]; dynamicImporters: readonly string[] } | null;

/**
 * Whether a module is only there for the charts: recharts itself, or a package every importer of
 * which is (transitively) only there for the charts (d3, victory-vendor, redux toolkit, …).
 */
function chartsOnly(id: string, info: (id: string) => TModuleInfo, seen = new Set<string>()): boolean {
  if (/[\\/]node_modules[\\/]recharts[\\/]/.test(id)) return true;
  if (!/[\\/]node_modules[\\/]/.test(id)) return false;
  if (seen.has(id)) return true;
  seen.add(id);
  const m = info(id);
  const importers = m ? [...m.importers, ...m.dynamicImporters] : [];
  return importers.length > 0 && importers.every((i) => chartsOnly(i, info, seen));
}

export default defineConfig(({ command }) => {
  // The server may build the app from inside a test run (NODE_ENV=test): Vite and the React plugin
  // would then emit a development bundle (jsxDEV). A build is always the production bundle.
  if (command === 'build' && process.env.NODE_ENV !== 'production') process.env.NODE_ENV = 'production';
  const verdicts = new Map<string, boolean>();
  return {
    root: 'src/web',
    base: '/',
    plugins: [react()],
    build: {
      outDir: '../../dist/web',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 600,
      rollupOptions: {
        output: {
          // recharts and the packages only it uses go to one `charts` chunk, loaded by the pages with a
          // chart (they import the package index; without this Rollup split its re-exports such as `Bar`
          // across chunks). What recharts shares with every page (react, react-dom, clsx, the CommonJS
          // helpers) goes to `vendor`: left alone, Rollup would pull it into `charts` and make the login
          // page load the charts.
          manualChunks(id, { getModuleInfo }) {
            const only = (m: string) => verdicts.get(m) ?? (verdicts.set(m, chartsOnly(m, getModuleInfo)), verdicts.get(m)!);
            if (only(id)) return 'charts';
            const m = getModuleInfo(id);
            if (m && [...m.importers, ...m.dynamicImporters].some(only)) return 'vendor';
            return undefined;
          },
        },
      },
    },
    server: {
      proxy: { '/api': 'http://localhost:3200', '/healthz': 'http://localhost:3200' },
    },
  };
});
