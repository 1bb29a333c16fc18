// A load process: opens subscriber connections and reports what they received. Forked by
// bench/run.js, which talks to it over IPC: {connect: {url, count, subscribe, protocol, user}},
// {reset: {every}}, {report}, {pause: {fraction}}, {storm: {spreadMs}}, {exit}; connect's
// `track: 'notes'` keeps which notifications (note=… in their body) each user has had. Stays under 20,000
// open files: at most 9,000 connections each.
import { decode, encode } from 'cborg';
import WebSocket from 'ws';

const LANES = 16; // handshakes in flight at once, as many clients arriving together
const sockets = [];
let frames = 0;
let bytes = 0;          // the counted frames' payload bytes
let latencies = [];
let closes = {};
let recording = 0;      // record the latency of every n-th frame; 0: none (they cost memory)
let paused = new Set();  // connections that stopped reading (S5): their frames are not counted
let options;            // the connect message's, for reconnecting in a storm
// S7: each connection's last cursor, and what a storm's reconnects showed
const cursors = new Map();
let order = { gaps: 0, duplicates: 0, notResumed: 0 };
let storm = { back: 0, backMillis: [] };
// S9 (connect with track: 'notes'): the notifications note=… each connection has had, live or replayed
const notes = new Map();
let liveTwice = 0;
let storedTwice = 0;

/**
 * Opens `count` connections to `url`. With `subscribe`, each subscribes to that topic first. With
 * `user: {prefix, from, password, query}`, connection i is user prefix(from + i), signed in with
 * Basic credentials or, when `query`, named in a ?user= parameter.
 */
function connect(message) {
  options = message;
  const { count } = message;
  let open = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  const next = index => {
    if (index >= count) {
      return;
    }
    let advanced = false;
    const advance = () => {
      if (!advanced) {
        advanced = true;
        next(index + LANES);
      }
    };
    openSocket(index, null, () => { open++; report(); }, advance, () => {
      failed++;
      advance();
      report();
    });
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

/** Connection `index`: opened, subscribed (resuming after `cursor` if given), counted as it receives. */
function openSocket(index, cursor, ready, opened, failed) {
  const { url, subscribe, protocol, user } = options;
  // bulletin.v1.cbor: binary frames, read as the JSON they stand for, so that the checks below are the same
  const cbor = protocol === 'bulletin.v1.cbor';
  const send = frame => socket.send(cbor ? encode(frame) : JSON.stringify(frame));
  const name = user && `${user.prefix}${user.from + index}`;
  const socket = new WebSocket(user?.query ? `${url}?user=${name}` : url, protocol ? [protocol] : [], {
    perMessageDeflate: false,
    headers: user && !user.query ? { Authorization: 'Basic ' + Buffer.from(`${name}:${user.password}`).toString('base64') } : {},
  });
  sockets[index] = socket;
  let subscribed = subscribe == null;
  socket.on('message', data => {
    if (paused.has(socket)) {
      return;
    }
    const text = cbor ? JSON.stringify(decode(data)) : data.toString();
    if (!subscribed) {
      if (text.includes('"welcome"')) {
        send({ type: 'subscribe', topics: [subscribe], ...(cursor && { resume: { [subscribe]: cursor } }) });
      } else if (text.includes('"subscribed"')) {
        subscribed = true;
        if (cursor && !text.includes('true')) {
          order.notResumed++;
        }
        ready();
      }
      return;
    }
    if (subscribe != null) {
      follow(index, text);
    }
    if (options.track === 'notes') {
      note(index, text);
    }
    if (text.includes('"replay":true')) {
      return; // what came before this connection (a user's unread): neither a delivery nor a latency
    }
    frames++;
    bytes += data.length;
    const mark = recording > 0 && frames % recording === 0 ? text.indexOf('t=') : -1;
    if (mark >= 0) {
      const sent = BigInt(text.slice(mark + 2, text.indexOf(';', mark)));
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
    }
  });
  socket.on('open', () => {
    if (subscribed) {
      ready();
    }
    opened();
  });
  socket.on('error', () => {});
  socket.on('close', code => {
    closes[code] = (closes[code] ?? 0) + 1;
    if (!subscribed) {
      failed(); // refused, or closed before it was subscribed: counted, not waited for
    }
  });
}

/** Keeps the connection's last cursor, and counts items out of order. */
function follow(index, text) {
  const match = /"cursor":"([^"]+):(\d+)"/.exec(text);
  if (!match) {
    return;
  }
  const seq = Number(match[2]);
  const last = cursors.get(index);
  if (last !== undefined && seq <= last.seq) {
    order.duplicates++;
  } else if (last !== undefined && seq > last.seq + 1) {
    order.gaps++;
  }
  cursors.set(index, { epoch: match[1], seq: Math.max(seq, last?.seq ?? 0) });
}

/**
 * Keeps which notifications note=… the connection's user has had, and their cursors: one that comes
 * again under another cursor is in the inbox twice; one that comes live again under the same cursor
 * was sent live twice.
 */
function note(index, text) {
  const match = /"cursor":"([^"]+)".*note=(\d+);/.exec(text);
  if (!match) {
    return;
  }
  const seen = notes.get(index) ?? new Map();
  notes.set(index, seen);
  const [, cursor, k] = match;
  if (seen.has(k) && seen.get(k) !== cursor) {
    storedTwice++;
  } else if (seen.has(k) && text.includes('"replay":false')) {
    liveTwice++;
  }
  seen.set(k, cursor);
}

/** S7: every connection drops at a random moment within `spreadMs` and reconnects at once, resuming. */
function reconnectAll(spreadMs) {
  storm = { back: 0, backMillis: [] };
  sockets.forEach((socket, index) => setTimeout(() => {
    const dropped = process.hrtime.bigint();
    socket.terminate();
    const last = cursors.get(index);
    const back = () => {
      storm.back++;
      storm.backMillis.push(Number(process.hrtime.bigint() - dropped) / 1e6);
    };
    const retry = () => setTimeout(() => openSocket(index, last && `${last.epoch}:${last.seq}`, back, () => {}, retry), 500);
    openSocket(index, last && `${last.epoch}:${last.seq}`, back, () => {}, retry);
  }, Math.random() * spreadMs));
}

process.on('message', message => {
  if (message.connect) {
    connect(message.connect);
  } else if (message.report) {
    const seqs = [...cursors.values()].map(c => c.seq);
    const noted = [...notes.values()].map(seen => seen.size);
    process.send({ frames, bytes, latencies, closes, order, storm, liveTwice, storedTwice, connections: sockets.length,
      lowestSeq: seqs.length === sockets.length ? Math.min(...seqs) : 0,
      fewestNotes: noted.length === sockets.length ? Math.min(...noted) : 0,
      notesSeen: noted.reduce((sum, n) => sum + n, 0) });
    latencies = [];
    storm.backMillis = [];
  } else if (message.reset) {
    recording = message.reset.every ?? 0;
    frames = 0;
    bytes = 0;
    latencies = [];
    closes = {};
  } else if (message.pause) {
    // stops reading the first n connections: TCP fills up, and the server must cope
    paused = new Set(sockets.slice(0, Math.round(sockets.length * message.pause.fraction)));
    paused.forEach(socket => socket._socket.pause());
    process.send({ paused: paused.size });
  } else if (message.storm) {
    reconnectAll(message.storm.spreadMs);
  } else if (message.exit) {
    sockets.forEach(socket => socket.terminate());
    process.exit(0);
  }
});
