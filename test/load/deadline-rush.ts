// Load test "deadline rush" (issue #9): N concurrent users (default 200) at a reporting deadline, through the
// public HTTP API only. Teachers sitting on their school's bình xét council read the session, cast their secret
// ballot once, then read their record, edit their phone number, list people, read notifications; about one user
// in ten is a school officer (vp<P>.<nn>) who opens the school's periodic report for the open period, saves it
// as a draft several times and sends it; one in ten is the Sở's TĐKT officer searching people in the province
// and reading the deadline board. A set-up phase (untimed) opens one review session per group school and makes a
// report sent by an earlier run editable again, so the script can run again on the same data. After the rush it
// checks that every ballot counted and every school officer's report is "submitted". Loopback only, bounded,
// self-terminating. Prints errors and p50/p95/max per action; exit code 1 when a request failed or a check did
// not hold. The logic is src/server/scale/rush.ts (test/integration/deadline-rush.test.ts runs it).
//
//   npx tsx test/load/deadline-rush.ts [--url http://127.0.0.1:3000] [--users 200] [--seconds 30]
//     [--pid <server pid>] [--requests 25] [--think-ms 1000] [--ramp-seconds 10] [--logins-first] [--officer-every 10]
//     [--school-officer-every 10] [--provinces 42[,01,…]] [--password demo-pass-123] [--json]
//
// Accounts come from `thidua generate-data` (so<P>.tdkt, so<P>.admin, gv<P>.<nnnn> teachers in groups of five of
// one school, vp<P>.<nn> the officer of group nn's school); user i belongs to province i mod (number of
// provinces) — national data has 10 teacher accounts (two groups) per province, province data 200 (40 groups).
import { formatRush, runDeadlineRush } from '../../src/server/scale/rush';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const opts = {
  url: arg('--url', 'http://127.0.0.1:3000'),
  users: Math.min(1000, Number(arg('--users', '200'))),
  seconds: Math.min(600, Number(arg('--seconds', '30'))),
  requests: Math.min(1000, Number(arg('--requests', '25'))),
  thinkMs: Math.max(0, Number(arg('--think-ms', '1000'))),
  rampSeconds: Math.max(0, Math.min(120, Number(arg('--ramp-seconds', '10')))),
  loginsFirst: process.argv.includes('--logins-first'),
  officerEvery: Math.max(0, Number(arg('--officer-every', '10'))),
  schoolOfficerEvery: Math.max(0, Number(arg('--school-officer-every', '10'))),
  provinces: arg('--provinces', arg('--province', '42')).split(',').map((p) => p.trim()).filter(Boolean),
  password: arg('--password', process.env.THIDUA_DEMO_PASSWORD ?? 'demo-pass-123'),
  pid: Number(arg('--pid', '0')) || 0,
};
const json = process.argv.includes('--json');

// Hard stop whatever happens (the set-up of a province's 40 sessions included).
const hardStop = setTimeout(() => { console.error('Dừng cưỡng bức: quá thời gian tối đa'); process.exit(2); }, (opts.seconds + opts.rampSeconds + 300) * 1000);
hardStop.unref();

try {
  const res = await runDeadlineRush({ ...opts, log: (line) => console.error(line) });
  if (json) console.log(JSON.stringify(res, null, 2));
  else for (const line of formatRush(res, opts)) console.log(line);
  process.exit(res.overall.errors > 0 ? 1 : 0);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
