// Bulletin on every server of the matrix, each beside the Node peer in its own run of bench/run.js,
// one server after the other on this box; writes the servers side by side, then each run's own
// table, to target/bench/servers.md and prints it. Needs what bench/run.js needs, with -Ppayara.
//   node bench/servers.js [run.js options]   (default: --subscribers=5000 --only=S1,S2,S3,S4,S6)
//   --servers=wildfly,payara,…: runs just those again; the table keeps the others' last runs
//   (target/bench/report-SERVER.json, which any bench/run.js --server=SERVER writes)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const OUT = 'target/bench';
const ALL = ['wildfly', 'payara', 'glassfish', 'liberty'];
const SERVERS = process.argv.find(arg => arg.startsWith('--servers='))?.slice('--servers='.length).split(',') ?? ALL;
const passed = process.argv.slice(2).filter(arg => !arg.startsWith('--servers='));
const options = passed.length > 0 ? passed : ['--subscribers=5000', '--only=S1,S2,S3,S4,S6'];

const fmt = (n, digits = 1) => Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : '–';

/** The first row of a run whose scenario starts with `scenario` and whose metric is `metric`. */
const find = (run, scenario, metric) => run.rows.find(r => r.scenario.startsWith(scenario) && r.metric === metric)
  ?? { bulletin: NaN, peer: NaN };

const runs = {};
const failed = [];
for (const server of SERVERS) {
  fs.rmSync(`${OUT}/report-${server}.json`, { force: true });
  try {
    execFileSync(process.execPath, ['bench/run.js', `--server=${server}`, ...options], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch {
    failed.push(server);
  }
}
for (const server of ALL) {
  if (fs.existsSync(`${OUT}/report-${server}.json`)) {
    runs[server] = JSON.parse(fs.readFileSync(`${OUT}/report-${server}.json`, 'utf8'));
  }
}

const wildfly = runs.wildfly;
// S4 runs at 2,000 notifications/s offered, then at 5,000: the last shows what the server takes
const lastS4 = run => run.rows.filter(r => r.scenario.startsWith('S4') && r.metric === 'notifications per second taken').at(-1);
/** The textbook endpoint's CPU per frame, unless it lost frames (as it does on Open Liberty). */
const textbook = flood => !flood ? '–' : flood.frames < flood.expected
  ? `lost ${fmt(100 * (1 - flood.frames / flood.expected), 0)}% of frames` : fmt(flood.cpuMicrosPerFrame, 2);
const perFrame = run => find(run, 'S2 flood', 'server CPU µs per delivered frame');
const columns = [
  ['S2 CPU µs per delivered frame', run => fmt(perFrame(run).bulletin, 2)],
  ['÷ peer', run => fmt(perFrame(run).bulletin / perFrame(run).peer, 2)],
  ['÷ WildFly', run => fmt(perFrame(run).bulletin / (wildfly ? perFrame(wildfly).bulletin : NaN), 2)],
  ['S2 frames/s', run => fmt(find(run, 'S2 flood', 'delivered frames per second').bulletin, 0)],
  ['S6 textbook endpoint, CPU µs per frame', run => textbook(run.ablation[0]?.naive)],
  ['S1 heap bytes per idle connection', run => fmt(find(run, 'S1 idle', 'heap bytes per connection').bulletin, 0)],
  ['textbook endpoint\'s', run => fmt(find(run, 'S1 idle', 'heap bytes per connection of the textbook endpoint (the container\'s share)').bulletin, 0)],
  ['S3 p99 ms', run => fmt(find(run, 'S3', 'publish→receive p99 ms').bulletin, 1)],
  ['÷ peer', run => { const r = find(run, 'S3', 'publish→receive p99 ms'); return fmt(r.bulletin / r.peer, 2); }],
  ['S4 notifications/s taken of 5,000 offered', run => fmt(lastS4(run)?.bulletin, 0)],
];

const table = [
  `Every server, one after the other on this box, each beside the Node peer in the same run (\`node bench/servers.js ${passed.join(' ')}\`,`,
  `run.js ${options.join(' ')}):`, '',
  `| server | ${columns.map(([name]) => name).join(' | ')} |`, `|---|${columns.map(() => '---|').join('')}`,
  ...Object.values(runs).map(run => `| ${run.server}, run of ${run.run.slice(0, 17)} | ${columns.map(([, value]) => value(run)).join(' | ')} |`),
  '', ...failed.map(name => `${name}: its run failed; see target/bench/${name}.log and the output above.`),
  '', ...Object.values(runs).flatMap(run => [run.report, '']),
].join('\n');
fs.writeFileSync(`${OUT}/servers.md`, table);
console.log(table);
process.exit(failed.length > 0 ? 1 : 0);
