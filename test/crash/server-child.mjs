// The real server for the crash test, as `thidua start` runs it but without the web build (the test
// talks to the API only, and must not rebuild dist/web while other work changes the sources).
import { register } from 'tsx/esm/api';
register();
const { loadConfig } = await import('../../src/server/config.ts');
const { startServer } = await import('../../src/server/main.ts');
const srv = await startServer(loadConfig(), { buildWeb: false });
const stop = async () => { await srv.close(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
