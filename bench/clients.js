// A load process: opens subscriber connections and reports what they received. Forked by
// bench/run.js, which talks to it over IPC: {connect: {url, count, subscribe, protocol, user}},
// {reset: {every}}, {report}, {pause: {fraction}}, {exit}. Stays under 20,000 open files: at most 9,000 connections each.
import WebSocket from 'ws';

const LANES = 16; // handshakes in flight at once, as many clients arriving together
const sockets = [];
let frames = 0;
let latencies = [];
let closes = {};
let recording = 0;      // record the latency of every n-th frame; 0: none (they cost memory)
let paused = new Set();  // connections that stopped reading (S5): their frames are not counted

/**
 * Opens `count` connections to `url`. With `subscribe`, each subscribes to that topic first. With
 * `user: {prefix, from, password, query}`, connection i is user prefix(from + i), signed in with
 * Basic credentials or, when `query`, named in a ?user= parameter.
 */
function connect({ url, count, subscribe, protocol, user }) {
  let open = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  const next = index => {
    if (index >= count) {
      return;
    }
    const name = user && `${user.prefix}${user.from + index}`;
    const socket = new WebSocket(user?.query ? `${url}?user=${name}` : url, protocol ? [protocol] : [], {
      perMessageDeflate: false,
      headers: user && !user.query ? { Authorization: 'Basic ' + Buffer.from(`${name}:${user.password}`).toString('base64') } : {},
    });
    sockets.push(socket);
    let ready = subscribe == null;
    socket.on('message', data => {
      if (paused.has(socket)) {
        return;
      }
      const text = data.toString();
      if (!ready) {
        if (text.includes('"welcome"')) {
          socket.send(JSON.stringify({ type: 'subscribe', topics: [subscribe] }));
        } else if (text.includes('"subscribed"')) {
          ready = true;
          opened();
        }
        return;
      }
      frames++;
      const mark = recording > 0 && frames % recording === 0 ? text.indexOf('t=') : -1;
      if (mark >= 0) {
        const sent = BigInt(text.slice(mark + 2, text.indexOf(';', mark)));
        latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      }
    });
    socket.on('open', () => {
      if (ready) {
        opened();
      }
      next(index + LANES);
    });
    socket.on('error', () => {
      failed++;
      next(index + LANES);
      report();
    });
    socket.on('close', code => {
      closes[code] = (closes[code] ?? 0) + 1;
    });
  };
  const opened = () => {
    open++;
    report();
  };
  const report = () => {
    if (open + failed === count) {
      process.send({ connected: open, failed, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    }
  };
  for (let lane = 0; lane < Math.min(LANES, count); lane++) {
    next(lane);
  }
}

process.on('message', message => {
  if (message.connect) {
    connect(message.connect);
  } else if (message.report) {
    process.send({ frames, latencies, closes });
    latencies = [];
  } else if (message.reset) {
    recording = message.reset.every ?? 0;
    frames = 0;
    latencies = [];
    closes = {};
  } else if (message.pause) {
    // stops reading the first n connections: TCP fills up, and the server must cope
    paused = new Set(sockets.slice(0, Math.round(sockets.length * message.pause.fraction)));
    paused.forEach(socket => socket._socket.pause());
    process.send({ paused: paused.size });
  } else if (message.exit) {
    sockets.forEach(socket => socket.terminate());
    process.exit(0);
  }
});
