// Bulletin against the lean Node peer, on this box, in one run; prints a Markdown table and
// writes it to target/bench/report.md (and report-SERVER.json, which bench/servers.js reads to put
// every server side by side). Needs `mvn -DskipTests package` first (the WAR and the
// configured WildFly; with -Ppayara also Payara Micro) and `npm ci --prefix bench` (ws). It
// builds bench/naive itself.
//   node bench/run.js [--quick] [--only=S1,S4,S7,…] [--payara | --postgresql] [--profile]
//   --quick: 1,000 subscribers only (S5 always runs at 1,000); --subscribers=N: N only, without S1's 18,000;
//   --only: just those scenarios (S10, JSON against CBOR, runs only when named);
//   --payara (or --server=payara): Bulletin on Payara Micro instead of WildFly;
//   --server=glassfish|liberty: Bulletin on GlassFish 7 or Open Liberty, set up by servers/NAME.sh as the
//   smoke suite does (servers/bench-server), with S4's users and S6's textbook endpoint added;
//   --postgresql: WildFly on PostgreSQL (`mvn -Ppostgresql -DskipTests package` first; BULLETIN_DB_URL,
//   BULLETIN_DB_USER and BULLETIN_DB_PASSWORD name the database) instead of its embedded H2;
//   --profile: a JFR recording of each run of Bulletin's server, on any --server (target/bench/bulletin-QUEUEBOUND.jfr)
//   --histogram: S1 also writes what each idle connection holds on the heap of Bulletin's server, class by class
//   (the difference of two `jcmd GC.class_histogram`, per connection) to target/bench/histogram-bulletin-COUNT.md,
//   and what the textbook endpoint's hold to histogram-naive-COUNT.md
//   --metrics: WildFly with wildfly-config/configure-observability.cli (Micrometer, Prometheus page,
//   health), so that Bulletin records its metrics; compare with a run without it
//   --smoke: what CI runs, to show the harness works and fan-out delivers: one S2 flood of 100 B
//   items to 300 subscribers, on WildFly; exits non-zero if a frame is missing; asserts no timing
//   --tracing: WildFly with wildfly-config/configure-tracing.cli, every publish traced and exported
//   over OTLP/HTTP to a sink in this process that answers 200 and keeps nothing
// Every load loop is bounded in count and time, talks to 127.0.0.1 only, and every process it
// starts is stopped by its PID at the end.
import { execFileSync, fork, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const QUICK = process.argv.includes('--quick');
const SMOKE = process.argv.includes('--smoke');
const PROFILE = process.argv.includes('--profile');
const HISTOGRAM = process.argv.includes('--histogram');
const SERVER_NAME = process.argv.find(arg => arg.startsWith('--server='))?.slice('--server='.length)
  ?? (process.argv.includes('--payara') ? 'payara' : 'wildfly');
const PAYARA = SERVER_NAME === 'payara';
/** A server set up by its script under servers/, as the smoke suite sets it up. */
const SCRIPTED = { glassfish: 'GlassFish 7.0.21, H2', liberty: 'Open Liberty 26.0.0.3 (webProfile-10.0), H2' };
if (!['wildfly', 'payara', ...Object.keys(SCRIPTED)].includes(SERVER_NAME)) {
  throw new Error(`--server=${SERVER_NAME}: wildfly, payara, glassfish or liberty`);
}
const ONLY = SMOKE ? ['S2'] : process.argv.find(arg => arg.startsWith('--only='))?.slice('--only='.length).split(',');
const want = scenario => scenario === 'S10' ? ONLY?.includes(scenario) : !ONLY || ONLY.includes(scenario);
const POSTGRESQL = process.argv.includes('--postgresql');
const METRICS = process.argv.includes('--metrics');
const TRACING = process.argv.includes('--tracing');
const SERVER = PAYARA ? 'Payara Micro 6.2025.10, H2' : SCRIPTED[SERVER_NAME] ?? `WildFly 39.0.1, ${POSTGRESQL ? 'PostgreSQL' : 'H2'}${METRICS ? ', metrics on' : ''}${TRACING ? ', tracing on' : ''}`;
const OTLP_SINK = 4318;
const NAIVE_WAR = 'bench/naive/target/naive.war';
const SUBSCRIBERS = Number(process.argv.find(arg => arg.startsWith('--subscribers='))?.slice('--subscribers='.length)) || null;
const SIZES = SMOKE ? [300] : QUICK ? [1000] : SUBSCRIBERS ? [SUBSCRIBERS] : [1000, 5000, 10000];
const MAX_USERS = SIZES.at(-1);
const PER_PROCESS = 5000;
const DIST = POSTGRESQL ? 'target/wildfly-postgresql' : 'target/wildfly-39.0.1.Final';
const HOME = 'target/bench/wildfly';
const OUT = 'target/bench';
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
const PUBLISHERS = 16; // S4's concurrent notification requests
const publishers = new http.Agent({ keepAlive: true, maxSockets: PUBLISHERS });
const started = [];

const basic = name => 'Basic ' + Buffer.from(`${name}:${name}-secret`).toString('base64');
const READERS = 'reader'; // S4's users: reader0, reader1, …, each with the password below
const READER_PASSWORD = 'reader-secret';

/** A news frame as Bulletin sends it, for the servers that relay a body as it is. */
const newsFrame = summary => JSON.stringify({ type: 'news', topic: 'bench', cursor: '5f3a9c1e:123456', replay: false,
  item: { id: '3f0c2b7e-8a41-4d0e-9b1a-6c2d5e7f8a90', title: 'Bench item', summary, priority: 'normal', tags: [],
    publishedAt: new Date().toISOString() } });

/** A notification frame as Bulletin sends it, for the peer, which relays a body as it is. */
const notificationFrame = body => JSON.stringify({ type: 'notification', cursor: '5f3a9c1e:42', replay: false,
  item: { id: '3f0c2b7e-8a41-4d0e-9b1a-6c2d5e7f8a90', title: 'Bench notice', body, category: null,
    createdAt: new Date().toISOString(), read: false } });

/** The naive endpoint, publishing through the given path. */
function naiveTarget(publishPath) {
  return {
    url: 'ws://127.0.0.1:8080/naive/ws', protocol: 'bulletin.v1.json', subscribe: null,
    publish: summary => request('POST', 8080, publishPath, newsFrame(summary), { 'Content-Type': 'application/json' }),
  };
}

const TARGETS = {
  bulletin: {
    url: 'ws://127.0.0.1:8080/bulletin/ws/news', protocol: 'bulletin.v1.json', subscribe: 'bench',
    publish: summary => request('POST', 8080, '/bulletin/api/news', JSON.stringify({ topic: 'bench', title: 'Bench item', summary }),
      { 'Content-Type': 'application/json', Authorization: basic('publisher') }),
    users: { url: 'ws://127.0.0.1:8080/bulletin/ws/notifications', protocol: 'bulletin.v1.json',
      user: { prefix: READERS, password: READER_PASSWORD } },
    notify: (user, body) => request('POST', 8080, '/bulletin/api/notifications',
      JSON.stringify({ to: { users: [user] }, title: 'Bench notice', body }),
      { 'Content-Type': 'application/json', Authorization: basic('publisher') }, publishers),
    notifyAll: body => request('POST', 8080, '/bulletin/api/notifications',
      JSON.stringify({ to: { roles: ['user'] }, title: 'Bench notice', body }),
      { 'Content-Type': 'application/json', Authorization: basic('publisher') }),
  },
  peer: {
    url: 'ws://127.0.0.1:9100/', protocol: 'bulletin.v1.json', subscribe: null,
    publish: summary => request('POST', 9100, '/publish', newsFrame(summary)),
    users: { url: 'ws://127.0.0.1:9100/', protocol: 'bulletin.v1.json', user: { prefix: READERS, query: true } },
    notify: (user, body) => request('POST', 9100, `/notify?user=${user}`, notificationFrame(body), {}, publishers),
    // every client of the peer is a user: a broadcast is the role's fan-out, with nothing stored
    notifyAll: body => request('POST', 9100, '/publish', notificationFrame(body)),
  },
  // S10: Bulletin's news over bulletin.v1.cbor
  bulletinCbor: { url: 'ws://127.0.0.1:8080/bulletin/ws/news', protocol: 'bulletin.v1.cbor', subscribe: 'bench',
    publish: summary => TARGETS.bulletin.publish(summary) },
  // S6: the textbook JSR 356 broadcast (bench/naive) in the same server as Bulletin, encoding per session or once
  naive: naiveTarget('/naive/publish'),
  naiveOnce: naiveTarget('/naive/publish?encode=once'),
};

function request(method, port, pathname, body, headers = {}, through = agent) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathname, method, agent: through, headers }, res => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function json(port, pathname) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: pathname, agent }, res => {
      let text = '';
      res.on('data', chunk => { text += chunk; });
      res.on('end', () => resolve(JSON.parse(text)));
    }).on('error', reject);
  });
}

async function until(what, check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: not within ${seconds} s`);
}

// --- servers --------------------------------------------------------------------------------

const JVM = ['-Xms2g', '-Xmx4g', '-XX:+UseG1GC', '-Djava.net.preferIPv4Stack=true'];
const recordingFile = queueBound => path.resolve(OUT, `bulletin-${queueBound}.jfr`);
const recording = queueBound => PROFILE ? [`-XX:StartFlightRecording=name=bulletin,settings=profile`] : [];

/**
 * With --profile, writes the server's recording to its file (an explicit dump: some servers stop
 * in ways that skip JFR's dump on exit).
 */
function saveRecording(server) {
  if (PROFILE) {
    jcmd(server.pid, 'JFR.dump', 'name=bulletin', `filename=${recordingFile(server.queueBound)}`);
  }
}

/** Bulletin's server, whichever it is: started, with the WARs, until Bulletin answers. */
const startBulletin = queueBound => (PAYARA ? startPayara : SCRIPTED[SERVER_NAME] ? startScripted : startWildFly)(queueBound);

/**
 * GlassFish or Open Liberty through servers/bench-server: installed, given S4's users and the
 * benchmark's heap, started with the queue bound in its environment, and the textbook endpoint deployed.
 */
async function startScripted(queueBound) {
  const log = fs.openSync(path.join(OUT, `${SERVER_NAME}.log`), 'w');
  const benchServer = (...args) => execFileSync('servers/bench-server', [SERVER_NAME, ...args],
    { stdio: ['ignore', log, log], env: { ...serverEnv(queueBound), ...(SERVER_NAME === 'liberty' ? { JVM_ARGS: JVM.join(' ') } : {}) } });
  benchServer('install');
  (SERVER_NAME === 'glassfish' ? prepareGlassFish : prepareLiberty)(Array.from({ length: MAX_USERS }, (_, i) => `${READERS}${i}`));
  benchServer('start');
  benchServer('deploy', NAIVE_WAR);
  await until(`${SERVER_NAME} with the WARs`, async () => (await request('GET', 8080, '/naive/publish')) === 200
    && (await request('GET', 8080, '/bulletin/api/topics')) === 200, 300);
  const pid = listenerOn8080();
  started.push(pid);
  if (PROFILE) {
    jcmd(pid, 'JFR.start', 'name=bulletin', 'settings=profile');
  }
  return { ...serverOf(pid, null, queueBound), stop: async () => benchServer('stop') };
}

/**
 * S4's users in GlassFish's file realm, group user, the benchmark's heap in its domain, and no
 * limit to the requests of a keep-alive connection (250 by default: GlassFish then closes it, and a
 * publish already on its way over it fails with a reset). The realm's {SSHA256} is SHA-256 of
 * password and salt, digested 99 more times, then Base64 of hash and salt; one salt does for all.
 */
function prepareGlassFish(readers) {
  const domain = 'target/servers/glassfish7/glassfish/domains/domain1/config';
  const salt = crypto.randomBytes(8);
  let hash = crypto.createHash('sha256').update(Buffer.concat([Buffer.from(READER_PASSWORD), salt])).digest();
  for (let i = 2; i <= 100; i++) {
    hash = crypto.createHash('sha256').update(hash).digest();
  }
  const password = `{SSHA256}${Buffer.concat([hash, salt]).toString('base64')}`;
  fs.appendFileSync(path.join(domain, 'keyfile'), '\n' + readers.map(name => `${name};${password};user`).join('\n') + '\n');
  const xml = path.join(domain, 'domain.xml'); // the server's config comes first, the default config after it
  fs.writeFileSync(xml, fs.readFileSync(xml, 'utf8')
    .replace('<jvm-options>-Xmx512m</jvm-options>', JVM.map(option => `<jvm-options>${option}</jvm-options>`).join(''))
    .replace('<http max-connections="250" default-virtual-server="server">', '<http max-connections="-1" default-virtual-server="server">'));
}

/** S4's users in Open Liberty's basic registry, members of the group bound to role user. */
function prepareLiberty(readers) {
  const xml = 'target/servers/wlp/usr/servers/bulletin/server.xml';
  fs.writeFileSync(xml, fs.readFileSync(xml, 'utf8')
    .replace('<group name="user">', `${readers.map(name => `<user name="${name}" password="${READER_PASSWORD}"/>`).join('')}
        <group name="user">${readers.map(name => `<member name="${name}"/>`).join('')}`));
}

async function startWildFly(queueBound) {
  fs.rmSync(HOME, { recursive: true, force: true });
  fs.cpSync(DIST, HOME, { recursive: true });
  fs.rmSync(path.join(HOME, 'standalone/data'), { recursive: true, force: true });
  fs.copyFileSync('target/bulletin.war', path.join(HOME, 'standalone/deployments/bulletin.war'));
  fs.copyFileSync(NAIVE_WAR, path.join(HOME, 'standalone/deployments/naive.war'));
  addReaders(path.join(HOME, 'standalone/configuration'));
  for (const pair of [METRICS && 'observability', TRACING && 'tracing'].filter(Boolean)) {
    const script = path.join(OUT, `${pair}.cli`);
    fs.writeFileSync(script, 'embed-server --std-out=discard\n' + fs.readFileSync(`wildfly-config/configure-${pair}.cli`, 'utf8'));
    execFileSync(path.join(HOME, 'bin/jboss-cli.sh'), [`--file=${script}`], { stdio: 'ignore' });
  }
  const log = fs.openSync(path.join(OUT, 'wildfly.log'), 'w');
  const script = spawn(path.join(HOME, 'bin/standalone.sh'), [], {
    stdio: ['ignore', log, log],
    env: { ...serverEnv(queueBound),
      JAVA_OPTS: [...JVM, '-Djboss.modules.system.pkgs=org.jboss.byteman', ...recording(queueBound)].join(' ') },
  });
  started.push(script.pid);
  await until('WildFly with the WAR', async () => (await request('GET', 8080, '/bulletin/api/topics')) === 200, 120);
  const pid = listenerOn8080();
  started.push(pid);
  return serverOf(pid, script, queueBound);
}

/** The server's environment: the queue bound under test; with --tracing, the sink its spans go to. */
function serverEnv(queueBound) {
  const tracing = TRACING ? { OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf', OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${OTLP_SINK}` } : {};
  return { ...process.env, ...tracing, BULLETIN_QUEUE_BOUND: String(queueBound) };
}

/** With --tracing, where the server's spans go: read, answered 200, dropped. */
function startOtlpSink() {
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/x-protobuf' }).end());
  });
  sink.listen(OTLP_SINK, '127.0.0.1');
  return sink;
}

/** Payara Micro from the payara profile's build, its users from servers/payara-post-boot.asadmin plus S4's readers. */
async function startPayara(queueBound) {
  fs.rmSync('target/payara-h2', { recursive: true, force: true });
  const password = path.join(OUT, 'reader.password');
  fs.writeFileSync(password, `AS_ADMIN_USERPASSWORD=${READER_PASSWORD}\n`);
  const readers = Array.from({ length: MAX_USERS }, (_, i) => `create-file-user --groups user --passwordfile ${password} ${READERS}${i}`);
  const postBoot = path.join(OUT, 'payara-post-boot.asadmin');
  fs.writeFileSync(postBoot, [fs.readFileSync('servers/payara-post-boot.asadmin', 'utf8'), ...readers, ''].join('\n'));
  const log = fs.openSync(path.join(OUT, 'payara.log'), 'w');
  const java = spawn('java', [...JVM, ...recording(queueBound), '-jar', 'target/payara-micro.jar', '--nocluster', '--port', '8080',
    '--postbootcommandfile', postBoot, '--deploy', 'target/bulletin.war', '--deploy', NAIVE_WAR], {
    stdio: ['ignore', log, log], env: serverEnv(queueBound),
  });
  started.push(java.pid);
  await until('Payara Micro with the WARs', async () => (await request('GET', 8080, '/naive/publish')) === 200
    && (await request('GET', 8080, '/bulletin/api/topics')) === 200, 300);
  return serverOf(java.pid, java, queueBound);
}

/** What the scenarios ask of a server process: its CPU time, its memory after GC, Bulletin's evictions. */
function serverOf(pid, child, queueBound) {
  return {
    pid,
    queueBound,
    stop: () => new Promise(resolve => { child.once('exit', resolve); process.kill(pid, 'SIGTERM'); }),
    evicted: async () => (await json(8080, '/bulletin/api/stats')).evicted,
    sessions: async () => (await json(8080, '/bulletin/api/stats')).sessions + (await json(8080, '/naive/publish')).sessions,
    cpuMicros: async () => cpuMicros(pid),
    memory: async () => {
      jcmd(pid, 'GC.run');
      const info = jcmd(pid, 'GC.heap_info');
      return { heap: Number(info.match(/used (\d+)K/)[1]) * 1024, rss: rss(pid) };
    },
    histogram: () => histogram(pid),
  };
}

/** S4's users in WildFly's application realm (Bulletin's setup looks there first), role user. */
function addReaders(configuration) {
  const users = [];
  const roles = [];
  for (let i = 0; i < MAX_USERS; i++) {
    const name = `${READERS}${i}`;
    users.push(`${name}=${crypto.createHash('md5').update(`${name}:ApplicationRealm:${READER_PASSWORD}`).digest('hex')}`);
    roles.push(`${name}=user`);
  }
  fs.appendFileSync(path.join(configuration, 'application-users.properties'), users.join('\n') + '\n');
  fs.appendFileSync(path.join(configuration, 'application-roles.properties'), roles.join('\n') + '\n');
}

async function startPeer() {
  const log = fs.openSync(path.join(OUT, 'peer.log'), 'w');
  const peer = spawn(process.execPath, ['--expose-gc', 'bench/peer.js', '9100'], { stdio: ['ignore', log, log] });
  started.push(peer.pid);
  await until('the peer', async () => (await json(9100, '/stats')).clients === 0, 30);
  return {
    pid: peer.pid,
    sessions: async () => (await json(9100, '/stats')).clients,
    cpuMicros: async () => (await json(9100, '/stats')).cpuMicros,
    memory: async () => {
      await request('GET', 9100, '/gc');
      return { heap: (await json(9100, '/stats')).heapUsed, rss: rss(peer.pid) };
    },
  };
}

function cpuMicros(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 1e6 / 100; // utime + stime, in clock ticks of 10 ms
}

/** Runs a diagnostic command in the JVM with that PID; answers what it printed. */
function jcmd(pid, ...command) {
  return execFileSync('jcmd', [String(pid), ...command], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

/** The PID of the process listening on port 8080: the server just started. */
function listenerOn8080() {
  return Number(execFileSync('ss', ['-ltnpH', 'sport = :8080']).toString().match(/pid=(\d+)/)[1]);
}

/** Instances and bytes by class after a full GC (`GC.class_histogram` runs one). */
function histogram(pid) {
  const classes = new Map();
  for (const line of jcmd(pid, 'GC.class_histogram').split('\n')) {
    const match = line.match(/^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/);
    if (match) {
      classes.set(match[3], { instances: Number(match[1]), bytes: Number(match[2]) });
    }
  }
  return classes;
}

/** What `count` connections added, class by class, per connection, the biggest first, as a Markdown table. */
function histogramDelta(before, after, count) {
  const rows = [...after].map(([name, now]) => {
    const was = before.get(name) ?? { instances: 0, bytes: 0 };
    return { name, instances: (now.instances - was.instances) / count, bytes: (now.bytes - was.bytes) / count };
  }).filter(row => row.bytes >= 8).sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  return [`What each of ${fmt(count, 0)} idle connections added to ${SERVER}'s heap (classes adding 8 bytes or more; ${fmt(total, 0)} bytes in all):`, '',
    '| class | instances per connection | bytes per connection |', '|---|---|---|',
    ...rows.slice(0, 100).map(row => `| \`${row.name}\` | ${fmt(row.instances, 2)} | ${fmt(row.bytes, 0)} |`), ''].join('\n');
}

function rss(pid) {
  return Number(fs.readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
}

// --- load ---------------------------------------------------------------------------------

/** Subscribers spread over load processes; resolves when all are connected (and subscribed). */
async function subscribers(target, count) {
  const processes = [];
  let seconds = 0;
  let connected = 0;
  for (let left = count; left > 0; left -= PER_PROCESS) {
    const child = fork('bench/clients.js', [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    started.push(child.pid);
    processes.push(child);
    const done = new Promise(resolve => child.once('message', resolve));
    child.send({ connect: { url: target.url, count: Math.min(left, PER_PROCESS), subscribe: target.subscribe,
      protocol: target.protocol, track: target.track, user: target.user && { ...target.user, from: count - left } } });
    const result = await withTimeout(done, 300, 'connecting');
    seconds += result.seconds;
    connected += result.connected;
  }
  return {
    connected, seconds,
    report: () => Promise.all(processes.map(child => ask(child, { report: true }))),
    reset: every => processes.forEach(child => child.send({ reset: { every } })),
    pause: fraction => Promise.all(processes.map(child => ask(child, { pause: { fraction } }))),
    storm: spreadMs => processes.forEach(child => child.send({ storm: { spreadMs } })),
    close: () => processes.forEach(child => child.send({ exit: true })),
  };
}

function ask(child, message) {
  const answer = new Promise(resolve => child.once('message', resolve));
  child.send(message);
  return withTimeout(answer, 30, 'a report');
}

function withTimeout(promise, seconds, what) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: over ${seconds} s`)), seconds * 1000))]);
}

function summary(bytes) {
  return `t=${process.hrtime.bigint()};${'x'.repeat(bytes)}`;
}

async function received(load) {
  const reports = await load.report();
  return {
    frames: reports.reduce((sum, r) => sum + r.frames, 0),
    bytes: reports.reduce((sum, r) => sum + r.bytes, 0),
    latencies: reports.flatMap(r => r.latencies),
    closes: reports.reduce((all, r) => ({ ...all, ...r.closes }), {}),
  };
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

// --- scenarios ------------------------------------------------------------------------------

/** S1: memory per idle connection after GC, and connects per second. */
async function idle(server, target, count, label) {
  await until('the last run\'s connections closed', async () => (await server.sessions()) === 0, 60);
  const before = await server.memory();
  const classesBefore = HISTOGRAM && server.histogram ? server.histogram() : null;
  const load = await subscribers(target, count);
  const after = await server.memory();
  if (classesBefore) {
    fs.writeFileSync(`${OUT}/histogram-${label}-${count}.md`, histogramDelta(classesBefore, server.histogram(), load.connected));
  }
  load.close();
  return { heapPerConnection: (after.heap - before.heap) / load.connected, rssPerConnection: (after.rss - before.rss) / load.connected,
    connectsPerSecond: load.connected / load.seconds, connected: load.connected };
}

/** S2: publishes as fast as 8 publishers manage; delivered frames per second and server CPU per delivered frame. */
async function flood(server, target, count, bytes) {
  const load = await subscribers(target, count);
  const items = Math.max(20, Math.round(400_000 / count));
  load.reset(0);
  const cpu = await server.cpuMicros();
  const begin = process.hrtime.bigint();
  let next = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    while (next < items) {
      next++;
      await target.publish(summary(bytes));
    }
  }));
  let frames = 0;
  let payload = 0;
  await until('every frame delivered', async () => {
    ({ frames, bytes: payload } = await received(load));
    return frames >= items * load.connected;
  }, 120).catch(error => console.error(error.message));
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  const micros = (await server.cpuMicros()) - cpu;
  load.close();
  return { framesPerSecond: frames / seconds, cpuMicrosPerFrame: micros / frames, bytesPerFrame: payload / frames,
    frames, expected: items * load.connected,
    connected: load.connected };
}

/** Publishes `count` items of `bytes` at `perSecond`, each after its tick: paced, bounded. */
async function paced(target, count, perSecond, bytes) {
  for (let i = 0; i < count; i++) {
    const tick = new Promise(resolve => setTimeout(resolve, 1000 / perSecond));
    const status = await target.publish(summary(bytes));
    if (status >= 300) {
      throw new Error(`publishing answered ${status}`);
    }
    await tick;
  }
}

/** S3: 5 publishes per second for 10 s; publish-to-receive latency over every delivered frame. */
async function latency(target, count) {
  const load = await subscribers(target, count);
  load.reset(1);
  await paced(target, 50, 5, 100);
  await new Promise(resolve => setTimeout(resolve, 2000)); // the last frames drain; bounded
  const { latencies, closes } = await received(load);
  load.close();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), max: latencies.at(-1), frames: latencies.length, closes };
}

/**
 * S4: `count` users connected, one connection each; personal notifications to random users at
 * `perSecond` for `seconds`, from up to PUBLISHERS requests at once. Each item carries the time it was
 * due, not the time it went out, so a server that falls behind shows it as latency.
 */
async function notifications(server, target, count, perSecond, seconds) {
  const load = await subscribers(target.users, count);
  load.reset(1);
  const cpu = await server.cpuMicros();
  const total = perSecond * seconds;
  const start = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 10_000;
  let next = 0;
  let refused = 0;
  await Promise.all(Array.from({ length: PUBLISHERS }, async () => {
    while (next < total && Date.now() < deadline) {
      const due = start + BigInt(Math.round(next++ * 1e9 / perSecond));
      for (let wait; (wait = Number(due - process.hrtime.bigint()) / 1e6) > 0;) {
        await new Promise(resolve => setTimeout(resolve, Math.ceil(wait)));
      }
      const user = `${READERS}${Math.floor(Math.random() * count)}`;
      if (await target.notify(user, `t=${due};${'x'.repeat(100)}`) >= 300) {
        refused++;
      }
    }
  }));
  const sentPerSecond = next / (Number(process.hrtime.bigint() - start) / 1e9);
  const cpuMicrosPerNotification = ((await server.cpuMicros()) - cpu) / next;
  let latencies = [];
  await until('every notification delivered', async () => {
    latencies = latencies.concat((await received(load)).latencies);
    return latencies.length >= next - refused;
  }, 30).catch(error => console.error(error.message));
  load.close();
  latencies.sort((a, b) => a - b);
  return { sentPerSecond, cpuMicrosPerNotification, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), delivered: latencies.length, sent: next, refused };
}

/**
 * S5: 1% of the subscribers stop reading while 4 KB items go out at 40 per second for 90 s:
 * about 14 MB for each, more than loopback's socket buffers hold, so the server must queue or
 * drop. The others' p99 before and during, the server's heap after GC, and evictions.
 */
async function slowConsumers(server, target, count) {
  const load = await subscribers(target, count);
  load.reset(1);
  await paced(target, 100, 20, 3900);
  const before = await received(load);
  await load.pause(0.01);
  load.reset(10);
  await paced(target, 3600, 40, 3900);
  await new Promise(resolve => setTimeout(resolve, 2000)); // the last frames drain; bounded
  const during = await received(load);
  const memory = await server.memory();
  const evicted = server.evicted ? await server.evicted() : 0;
  load.close();
  const p99 = run => percentile(run.latencies.sort((a, b) => a - b), 0.99);
  return { before: p99(before), during: p99(during), heap: memory.heap, rss: memory.rss, evicted };
}

/**
 * S7: a reconnect storm. `count` subscribers of one topic, each with a cursor; all drop their
 * connection within 2 s and reconnect at once, resuming after their cursor, while 5 items a second
 * go out for 10 s. How long until all are back (welcomed and subscribed), the time each needed,
 * how long until every one has every item (Bulletin only: the peer has no cursors), and how long
 * the publishes during the storm waited for their answer.
 */
async function reconnectStorm(target, count) {
  const load = await subscribers(target, count);
  await paced(target, 10, 10, 100);
  const publishedBefore = 10;
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  load.storm(2000);
  const answers = [];
  const publishing = (async () => {
    for (let i = 0; i < 50; i++) {
      const tick = new Promise(resolve => setTimeout(resolve, 200));
      const sent = process.hrtime.bigint();
      const status = await target.publish(summary(100));
      answers.push(Number(process.hrtime.bigint() - sent) / 1e6);
      if (status >= 300) {
        throw new Error(`publishing during the storm answered ${status}`);
      }
      await tick;
    }
  })();
  const backMillis = [];
  let allBack = NaN;
  let caughtUp = NaN;
  let reports = [];
  await until('every client back and caught up', async () => {
    reports = await load.report();
    reports.forEach(r => backMillis.push(...r.storm.backMillis));
    if (Number.isNaN(allBack) && reports.reduce((sum, r) => sum + r.storm.back, 0) >= load.connected) {
      allBack = since();
    }
    if (Number.isNaN(caughtUp) && target.subscribe != null && answers.length === 50
        && Math.min(...reports.map(r => r.lowestSeq)) >= publishedBefore + answers.length) {
      caughtUp = since();
    }
    return !Number.isNaN(allBack) && (target.subscribe == null || !Number.isNaN(caughtUp));
  }, 120).catch(error => console.error(error.message));
  await publishing;
  load.close();
  backMillis.sort((a, b) => a - b);
  answers.sort((a, b) => a - b);
  const order = reports.reduce((all, r) => ({ gaps: all.gaps + r.order.gaps, duplicates: all.duplicates + r.order.duplicates,
    notResumed: all.notResumed + r.order.notResumed }), { gaps: 0, duplicates: 0, notResumed: 0 });
  return { allBack: allBack / 1000, caughtUp: caughtUp / 1000, p50: percentile(backMillis, 0.5) / 1000,
    p99: percentile(backMillis, 0.99) / 1000, publishP99: percentile(answers, 0.99), publishMax: answers.at(-1), ...order };
}

/**
 * S8: `count` users connected, all in the role `user`; one notification to the role. How long until
 * the last of them has it, and the median. Three rounds, one at a time.
 */
async function roleNotification(target, count) {
  const load = await subscribers(target.users, count);
  const rounds = [];
  for (let round = 0; round < 3; round++) {
    load.reset(1);
    const sent = process.hrtime.bigint();
    const status = await target.notifyAll(`t=${sent};`);
    const answered = Number(process.hrtime.bigint() - sent) / 1e6;
    if (status >= 300) {
      throw new Error(`a notification to the role answered ${status}`);
    }
    let latencies = [];
    await until('every member has the role notification', async () => {
      latencies = latencies.concat((await received(load)).latencies);
      return latencies.length >= load.connected;
    }, 120).catch(error => console.error(error.message));
    latencies.sort((a, b) => a - b);
    rounds.push({ last: latencies.length >= load.connected ? latencies.at(-1) : NaN, p50: percentile(latencies, 0.5),
      answered });
  }
  load.close();
  const worst = round => Number.isNaN(round.last) ? Infinity : round.last; // NaN: not every member had it
  rounds.sort((a, b) => worst(a) - worst(b));
  return rounds[1]; // the median round
}

/**
 * S9: a reconnect storm of `count` users, all in the role `user`, after 3 notifications to the role:
 * all drop their connection within 2 s and reconnect at once while 10 more go to the role, 2 a second.
 * How long until all are back (welcomed), and until every one has all 13 (Bulletin only: the peer
 * keeps nothing for a user who is away), and how many a user never got.
 */
async function inboxStorm(target, count) {
  const load = await subscribers({ ...target.users, track: 'notes' }, count);
  const notify = async k => {
    const status = await target.notifyAll(`t=${process.hrtime.bigint()};note=${k};`);
    if (status >= 300) {
      throw new Error(`a notification to the role answered ${status}`);
    }
  };
  for (let k = 0; k < 3; k++) {
    await notify(k);
  }
  const total = 13;
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  load.storm(2000);
  const sending = (async () => {
    for (let k = 3; k < total; k++) {
      const tick = new Promise(resolve => setTimeout(resolve, 500));
      await notify(k);
      await tick;
    }
  })();
  let allBack = NaN;
  let caughtUp = NaN;
  let reports = [];
  let sent = false;
  sending.then(() => { sent = true; });
  await until('every user back and caught up', async () => {
    reports = await load.report();
    if (Number.isNaN(allBack) && reports.reduce((sum, r) => sum + r.storm.back, 0) >= load.connected) {
      allBack = since();
    }
    if (Number.isNaN(caughtUp) && sent && Math.min(...reports.map(r => r.fewestNotes)) >= total) {
      caughtUp = since();
    }
    return !Number.isNaN(allBack) && (target === TARGETS.peer || !Number.isNaN(caughtUp));
  }, 180).catch(error => console.error(error.message));
  await sending;
  load.close();
  const missed = reports.reduce((sum, r) => sum + r.connections * total - r.notesSeen, 0);
  return { allBack: allBack / 1000, caughtUp: caughtUp / 1000, missed,
    liveTwice: reports.reduce((sum, r) => sum + r.liveTwice, 0),
    storedTwice: reports.reduce((sum, r) => sum + r.storedTwice, 0) };
}

// --- the run ------------------------------------------------------------------------------

/** Runs a scenario against Bulletin, then against the peer. */
const both = async run => ({ bulletin: await run('bulletin'), peer: await run('peer') });
const fmt = (n, digits = 1) => Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : '–';

/** S5 on a Bulletin with the default queue bound (1,024 frames), as deployed. */
async function slowConsumersOnDefaults(servers, row) {
  saveRecording(servers.bulletin);
  await servers.bulletin.stop();
  servers.bulletin = await startBulletin(1024);
  const slow = 1000;
  await flood(servers.bulletin, TARGETS.bulletin, 1000, 100); // the restarted JVM warms up, untimed
  const s5 = await both(name => slowConsumers(servers[name], TARGETS[name], slow));
  row(`S5 ${fmt(slow, 0)} subscribers, 1% stop reading`, 'others\' p99 ms before', s5.bulletin.before, s5.peer.before, 1);
  row(`S5 ${fmt(slow, 0)} subscribers, 1% stop reading`, 'others\' p99 ms while they do', s5.bulletin.during, s5.peer.during, 1);
  row(`S5 ${fmt(slow, 0)} subscribers, 1% stop reading`, 'heap MB after GC', s5.bulletin.heap / 1e6, s5.peer.heap / 1e6, 1);
  row(`S5 ${fmt(slow, 0)} subscribers, 1% stop reading`, 'RSS MB', s5.bulletin.rss / 1e6, s5.peer.rss / 1e6, 1);
  row(`S5 ${fmt(slow, 0)} subscribers, 1% stop reading`, 'evicted (1013)', s5.bulletin.evicted, s5.peer.evicted, 0);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  execFileSync('mvn', ['-B', '-q', '-f', 'bench/naive/pom.xml', 'package'], { stdio: 'inherit' });
  if (TRACING) {
    startOtlpSink(); // closed with this process
  }
  const servers = { bulletin: await startBulletin(8192), peer: await startPeer() };
  const rows = [];
  const row = (scenario, metric, bulletin, peer, digits = 1) => rows.push({ scenario, metric, bulletin, peer, digits });

  for (const count of !want('S1') ? [] : QUICK || SUBSCRIBERS ? SIZES : [...SIZES, 18000]) {
    const r = await both(name => idle(servers[name], TARGETS[name], count, name));
    row(`S1 idle ${fmt(count, 0)}`, 'heap bytes per connection', r.bulletin.heapPerConnection, r.peer.heapPerConnection, 0);
    const floor = await idle(servers.bulletin, TARGETS.naive, count, 'naive');
    row(`S1 idle ${fmt(count, 0)}`, 'heap bytes per connection of the textbook endpoint (the container\'s share)',
      floor.heapPerConnection, r.peer.heapPerConnection, 0);
    row(`S1 idle ${fmt(count, 0)}`, 'RSS bytes per connection', r.bulletin.rssPerConnection, r.peer.rssPerConnection, 0);
    row(`S1 idle ${fmt(count, 0)}`, 'connects per second', r.bulletin.connectsPerSecond, r.peer.connectsPerSecond, 0);
    console.error(`S1 ${count} done`);
  }
  // The JIT compiles the send path during a first flood: one untimed round each, so that S2 measures a warm server
  await both(name => flood(servers[name], TARGETS[name], SIZES[0], 100));
  if (want('S6')) {
    await flood(servers.bulletin, TARGETS.naive, 1000, 100);
  }
  const missing = [];
  for (const bytes of !want('S2') ? [] : QUICK || SMOKE ? [100] : [100, 1000]) {
    for (const count of SIZES) {
      const r = await both(name => flood(servers[name], TARGETS[name], count, bytes));
      row(`S2 flood ${fmt(count, 0)} × ${bytes} B`, 'delivered frames per second', r.bulletin.framesPerSecond, r.peer.framesPerSecond, 0);
      row(`S2 flood ${fmt(count, 0)} × ${bytes} B`, 'server CPU µs per delivered frame', r.bulletin.cpuMicrosPerFrame, r.peer.cpuMicrosPerFrame, 2);
      console.error(`S2 ${count} × ${bytes} done: ${r.bulletin.frames}/${r.bulletin.expected} and ${r.peer.frames}/${r.peer.expected} frames`);
      if (r.bulletin.connected < count || r.bulletin.frames < r.bulletin.expected) {
        missing.push(`S2 ${count} × ${bytes} B: Bulletin connected ${r.bulletin.connected} of ${count} subscribers and`
          + ` delivered ${r.bulletin.frames} of ${r.bulletin.expected} frames`);
      }
    }
  }
  // S6: 100 B floods through Bulletin and through the textbook endpoint, back to back in the same server
  const ablation = [];
  for (const count of want('S6') ? SIZES : []) {
    const r = { count, bulletin: await flood(servers.bulletin, TARGETS.bulletin, count, 100),
      naive: await flood(servers.bulletin, TARGETS.naive, count, 100),
      naiveOnce: await flood(servers.bulletin, TARGETS.naiveOnce, count, 100) };
    ablation.push(r);
    console.error(`S6 ${count} done: ${[r.bulletin, r.naive, r.naiveOnce].map(f => `${f.frames}/${f.expected}`).join(', ')} frames`);
  }

  // S10: the same floods over bulletin.v1.json and bulletin.v1.cbor, back to back in the same server
  const subprotocols = [];
  for (const count of want('S10') ? SIZES : []) {
    await flood(servers.bulletin, TARGETS.bulletinCbor, SIZES[0], 100); // CBOR's path compiles, untimed
    for (const bytes of [100, 1000]) {
      const r = { count, bytes, json: await flood(servers.bulletin, TARGETS.bulletin, count, bytes),
        cbor: await flood(servers.bulletin, TARGETS.bulletinCbor, count, bytes) };
      subprotocols.push(r);
      console.error(`S10 ${count} × ${bytes} done: ${r.json.frames}/${r.json.expected} JSON, ${r.cbor.frames}/${r.cbor.expected} CBOR frames`);
    }
  }

  const count = SIZES.at(-1);
  if (want('S3')) {
    const r = await both(name => latency(TARGETS[name], count));
    row(`S3 ${fmt(count, 0)} subscribers, 5 publishes/s`, 'publish→receive p50 ms', r.bulletin.p50, r.peer.p50, 2);
    row(`S3 ${fmt(count, 0)} subscribers, 5 publishes/s`, 'publish→receive p99 ms', r.bulletin.p99, r.peer.p99, 2);
    row(`S3 ${fmt(count, 0)} subscribers, 5 publishes/s`, 'publish→receive max ms', r.bulletin.max, r.peer.max, 2);
  }
  if (want('S4')) {
    // the JIT compiles the notification path during a first, untimed round at full speed (tens of
    // thousands of requests: a shorter one left the first timed rate measuring a JVM still compiling)
    await both(name => notifications(servers[name], TARGETS[name], count, 5000, 10));
  }
  for (const rate of want('S4') ? [2000, 5000] : []) {
    const r = await both(name => notifications(servers[name], TARGETS[name], count, rate, 10));
    console.error(`S4 ${rate}/s done: Bulletin ${r.bulletin.delivered}/${r.bulletin.sent} (${r.bulletin.refused} refused), peer ${r.peer.delivered}/${r.peer.sent}`);
    const scenario = `S4 ${fmt(count, 0)} users, ${fmt(rate, 0)} notifications/s offered`;
    row(scenario, 'notifications per second taken', r.bulletin.sentPerSecond, r.peer.sentPerSecond, 0);
    row(scenario, 'server CPU µs per notification', r.bulletin.cpuMicrosPerNotification, r.peer.cpuMicrosPerNotification, 1);
    row(scenario, 'due→receive p50 ms', r.bulletin.p50, r.peer.p50, 2);
    row(scenario, 'due→receive p99 ms', r.bulletin.p99, r.peer.p99, 2);
  }
  if (want('S8')) {
    const r = await both(name => roleNotification(TARGETS[name], count));
    const scenario = `S8 one notification to a role of ${fmt(count, 0)} connected users`;
    row(scenario, 'ms until the last member has it', r.bulletin.last, r.peer.last, 1);
    row(scenario, 'ms until half of them have it', r.bulletin.p50, r.peer.p50, 1);
    row(scenario, 'publish answered in, ms', r.bulletin.answered, r.peer.answered, 1);
  }
  if (want('S9')) {
    const r = await both(name => inboxStorm(TARGETS[name], count));
    const scenario = `S9 ${fmt(count, 0)} users of a role reconnect within 2 s, notified meanwhile`;
    row(scenario, 's until all are back', r.bulletin.allBack, r.peer.allBack, 2);
    row(scenario, 's until every user has every notification', r.bulletin.caughtUp, r.peer.caughtUp, 2);
    row(scenario, 'notifications a user never got', r.bulletin.missed, r.peer.missed, 0);
    console.error(`S9 done: Bulletin ${r.bulletin.missed} missed, ${r.bulletin.liveTwice} sent live twice, ${r.bulletin.storedTwice} in an inbox twice; peer ${r.peer.missed} missed`);
  }
  if (want('S7')) {
    const r = await both(name => reconnectStorm(TARGETS[name], count));
    const scenario = `S7 ${fmt(count, 0)} subscribers reconnect within 2 s, resuming`;
    row(scenario, 's until all are back', r.bulletin.allBack, r.peer.allBack, 2);
    row(scenario, 's each needed to be back, p50', r.bulletin.p50, r.peer.p50, 2);
    row(scenario, 's each needed to be back, p99', r.bulletin.p99, r.peer.p99, 2);
    row(scenario, 's until every client has every item', r.bulletin.caughtUp, r.peer.caughtUp, 2);
    row(scenario, 'publish answered in, p99 ms', r.bulletin.publishP99, r.peer.publishP99, 1);
    row(scenario, 'publish answered in, max ms', r.bulletin.publishMax, r.peer.publishMax, 1);
    console.error(`S7 done: Bulletin ${r.bulletin.gaps} gaps, ${r.bulletin.duplicates} duplicates, ${r.bulletin.notResumed} not resumed`);
  }
  if (want('S5')) {
    await slowConsumersOnDefaults(servers, row);
  }
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*: (.*)/)[1];
  const s6 = ablation.length === 0 ? [] : [
    'S6, the ablation: floods of 100 B items, back to back in the same server, through Bulletin (encodes once per item) and',
    'through the textbook JSR 356 endpoint (`bench/naive`), which either encodes per session (`getAsyncRemote().sendObject`)',
    'or once per item (`sendText` of the same string); server CPU µs per delivered frame, and delivered frames per second:', '',
    '| subscribers | metric | Bulletin | naive, sendObject | naive, encoded once | sendObject / encoded once |', '|---|---|---|---|---|---|',
    ...ablation.flatMap(r => [
      `| ${fmt(r.count, 0)} | CPU µs per frame | ${fmt(r.bulletin.cpuMicrosPerFrame, 2)} | ${fmt(r.naive.cpuMicrosPerFrame, 2)} | ${fmt(r.naiveOnce.cpuMicrosPerFrame, 2)} | ${fmt(r.naive.cpuMicrosPerFrame / r.naiveOnce.cpuMicrosPerFrame, 2)} |`,
      `| ${fmt(r.count, 0)} | frames per second | ${fmt(r.bulletin.framesPerSecond, 0)} | ${fmt(r.naive.framesPerSecond, 0)} | ${fmt(r.naiveOnce.framesPerSecond, 0)} | ${fmt(r.naive.framesPerSecond / r.naiveOnce.framesPerSecond, 2)} |`]),
    ''];
  const s10 = subprotocols.length === 0 ? [] : [
    'S10, the subprotocols: floods through Bulletin to subscribers of `bulletin.v1.json`, then of `bulletin.v1.cbor`, back to',
    'back in the same server; payload bytes per frame as received (each frame adds a 2 or 4 byte WebSocket header), server CPU',
    'µs per delivered frame, delivered frames per second (the CBOR clients also decode each frame, which takes the box\'s CPU too):', '',
    '| subscribers × summary | metric | JSON | CBOR | CBOR / JSON |', '|---|---|---|---|---|',
    ...subprotocols.flatMap(r => [['payload bytes per frame', 'bytesPerFrame', 0], ['CPU µs per frame', 'cpuMicrosPerFrame', 2],
      ['frames per second', 'framesPerSecond', 0]].map(([metric, key, digits]) =>
      `| ${fmt(r.count, 0)} × ${r.bytes} B | ${metric} | ${fmt(r.json[key], digits)} | ${fmt(r.cbor[key], digits)} | ${fmt(r.cbor[key] / r.json[key], 2)} |`)),
    ''];
  const cores = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^processor/gm).length;
  const options = [QUICK && '--quick', SUBSCRIBERS && `--subscribers=${SUBSCRIBERS}`, SMOKE ? '--smoke' : ONLY && `--only=${ONLY}`];
  const run = `${new Date().toISOString().slice(0, 16)}Z, Bulletin on ${SERVER}, on ${cpu}, ${cores} cores${options.filter(Boolean).map(o => ` (${o})`).join('')}`;
  const report = [`Run of ${run}:`, '', '| scenario | metric | Bulletin | Node peer | ratio |', '|---|---|---|---|---|',
    ...rows.map(r => `| ${r.scenario} | ${r.metric} | ${fmt(r.bulletin, r.digits)} | ${fmt(r.peer, r.digits)} | ${fmt(r.bulletin / r.peer, 2)} |`),
    '', ...s6, ...s10].join('\n');
  fs.writeFileSync(path.join(OUT, 'report.md'), report);
  // for bench/servers.js, which puts the servers side by side
  fs.writeFileSync(path.join(OUT, `report-${SERVER_NAME}.json`), JSON.stringify({ server: SERVER, run, report, rows, ablation }));
  console.log(report);
  saveRecording(servers.bulletin);
  if (missing.length > 0) {
    throw new Error(`Subscribers or frames went missing: ${missing.join('; ')}`);
  }
}

function stopAll() {
  for (const pid of started.reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

main().then(() => { stopAll(); process.exit(0); }, error => { console.error(error); stopAll(); process.exit(1); });
