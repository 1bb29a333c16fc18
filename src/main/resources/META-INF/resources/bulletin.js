// Bulletin's browser client: an ES module, no build step. It speaks bulletin.v1.json, or with
// { protocol: 'cbor' } bulletin.v1.cbor, for which it loads the vendored cborg (vendor/cborg.js) once.
//
//   import { Bulletin } from '/bulletin/bulletin.js';
//   const news = new Bulletin({ endpoint: 'news' });
//   news.addEventListener('news', e => console.log(e.detail.item.title));
//   news.subscribe(['world', 'tech'], { recent: 20 });
//   news.connect();
//
// It reconnects with jittered exponential backoff, resumes every topic from the last cursor it
// delivered (kept in memory and in sessionStorage, so a reload resumes too), delivers no item
// twice, and stops for good on 4001 (the login ended) or a protocol violation.
// Events: news, notification, read, error, gap, state ({state, retryIn}), stopped ({code, reason}).

/** How frames go on the wire: JSON text, or CBOR in binary messages (the same frames). */
const JSON_CODEC = { protocol: 'bulletin.v1.json', binaryType: 'blob', read: JSON.parse, write: JSON.stringify };
async function cborCodec() {
  const { encode, decode } = await import('./vendor/cborg.js');
  return {
    protocol: 'bulletin.v1.cbor', binaryType: 'arraybuffer', read: data => decode(new Uint8Array(data)),
    write: frame => encode(JSON.parse(JSON.stringify(frame))), // what JSON leaves out (undefined) is left out here too
  };
}
const FINAL_CODES = new Set([1000, 1002, 1003, 1007, 1008, 1009, 4001]);
const REMEMBERED = 2000;

export class Bulletin extends EventTarget {
  /**
   * @param {object} options
   * @param {'news'|'notifications'} [options.endpoint] which socket: public news, or the user's notifications (and news)
   * @param {string|URL} [options.base] the application's URL; by default where this script is served from
   * @param {() => Promise<string>} [options.ticket] gets a one-time ticket for each connection (notifications)
   * @param {{initial: number, max: number, tryLater: number}} [options.backoff] reconnect delays in ms
   * @param {Storage|null} [options.storage] where cursors outlive a reload; null keeps them in memory only
   * @param {'json'|'cbor'} [options.protocol] the subprotocol: JSON text frames, or the same frames as CBOR
   */
  constructor({ endpoint = 'news', base = new URL('.', import.meta.url), ticket = null,
                backoff = { initial: 500, max: 30000, tryLater: 5000 }, storage = globalThis.sessionStorage ?? null,
                protocol = 'json' } = {}) {
    super();
    if (protocol !== 'json' && protocol !== 'cbor') {
      throw new TypeError(`protocol must be 'json' or 'cbor', not ${protocol}`);
    }
    this.codec = protocol === 'json' ? JSON_CODEC : null; // CBOR's is loaded when it first connects
    const url = new URL(`ws/${endpoint}`, base);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    this.url = url;
    this.ticket = ticket;
    this.backoff = backoff;
    this.storage = storage;
    this.key = `bulletin:cursors:${url.pathname}`;
    this.cursors = new Map(Object.entries(this.#load() ?? {})); // topic -> last delivered cursor, or null
    this.recent = 0;
    this.delivered = new Set(); // in memory only: a reloaded page wants its unread notifications again
    this.pendingAcks = [];
    this.resuming = new Set();
    this.socket = null;
    this.connected = false;
    this.stopped = false;
    this.attempt = 0;
    this.timer = null;
    this.watcher = null;
    this.heard = 0;
    this.state = 'idle';
  }

  connect() {
    this.stopped = false;
    this.#open();
    return this;
  }

  /** Follows these topics, starting with their last `recent` items, and after every reconnect from where it left off. */
  subscribe(topics, { recent = 0 } = {}) {
    this.recent = Math.max(this.recent, recent);
    const added = topics.filter(topic => !this.cursors.has(topic));
    added.forEach(topic => this.cursors.set(topic, null));
    this.#save();
    if (this.connected && added.length > 0) {
      this.#send(this.#subscribeFrame(added));
    }
  }

  unsubscribe(topics) {
    const removed = topics.filter(topic => this.cursors.delete(topic));
    this.#save();
    if (this.connected && removed.length > 0) {
      this.#send({ type: 'unsubscribe', topics: removed });
    }
  }

  /** Marks notifications read: now, or as soon as the socket is back. Other tabs of the user get `read`. */
  ack(ids) {
    if (this.connected) {
      this.#send({ type: 'ack', ids });
    } else {
      this.pendingAcks.push(...ids);
    }
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.watcher);
    this.socket?.close(1000, 'client closed');
    this.#stop(1000, 'client closed');
  }

  async #open() {
    if (this.stopped) {
      return;
    }
    this.#setState('connecting');
    let url = this.url;
    try {
      this.codec ??= await cborCodec();
      if (this.ticket) {
        url = new URL(this.url);
        url.searchParams.set('ticket', await this.ticket());
      }
    } catch (failure) {
      const what = this.codec ? 'no ticket' : 'no CBOR codec';
      this.#emit('error', { code: this.codec ? 'ticket' : 'codec', message: `${what}: ${failure.message ?? failure}` });
      this.#retry(false);
      return;
    }
    const socket = new WebSocket(url, this.codec.protocol);
    socket.binaryType = this.codec.binaryType;
    this.socket = socket;
    socket.onmessage = event => {
      this.heard = Date.now();
      this.#receive(this.codec.read(event.data));
    };
    socket.onclose = event => this.#closed(socket, event.code, event.reason);
  }

  #receive(frame) {
    switch (frame.type) {
      case 'welcome':
        this.connected = true;
        this.attempt = 0;
        this.#watch(frame.heartbeat);
        if (this.cursors.size > 0) {
          this.#send(this.#subscribeFrame([...this.cursors.keys()]));
        }
        if (this.pendingAcks.length > 0) {
          this.#send({ type: 'ack', ids: this.pendingAcks.splice(0) });
        }
        this.#setState('connected');
        break;
      case 'subscribed':
        for (const [topic, resumed] of Object.entries(frame.resumed ?? {})) {
          if (this.resuming.delete(topic) && !resumed) {
            this.#emit('gap', { topic });
          }
        }
        break;
      case 'news':
        if (this.cursors.has(frame.topic) && this.#firstTime(`news ${frame.topic} ${frame.item.id}`)) {
          this.cursors.set(frame.topic, frame.cursor);
          this.#save();
          this.#emit('news', frame);
        }
        break;
      case 'notification':
        if (this.#firstTime(`notification ${frame.item.id}`)) {
          this.#emit('notification', frame);
        }
        break;
      case 'acked':
      case 'read':
        this.#emit('read', { ids: frame.ids });
        break;
      case 'error':
        this.#emit('error', { code: frame.code, message: frame.message });
        break;
      default:
        break; // pong, published, unsubscribed
    }
  }

  // Browsers do not show the server's pings: send a ping frame every heartbeat, and replace a
  // connection not heard from for two heartbeats (one that died without a close).
  #watch(heartbeat) {
    clearInterval(this.watcher);
    this.watcher = setInterval(() => {
      if (Date.now() - this.heard < 2 * heartbeat) {
        this.#send({ type: 'ping' });
        return;
      }
      const dead = this.socket;
      this.socket = null; // its late events are ignored
      this.connected = false;
      clearInterval(this.watcher);
      dead?.close(1000, 'no sign of life');
      this.#retry(false);
    }, heartbeat);
  }

  #closed(socket, code, reason) {
    if (socket !== this.socket) {
      return;
    }
    clearInterval(this.watcher);
    this.socket = null;
    this.connected = false;
    if (this.stopped) {
      return;
    }
    if (FINAL_CODES.has(code)) {
      this.stopped = true;
      this.#stop(code, reason);
    } else {
      this.#retry(code === 1013);
    }
  }

  #retry(tryAgainLater) {
    if (this.stopped) {
      return;
    }
    const ceiling = Math.min(this.backoff.max, this.backoff.initial * 2 ** Math.min(this.attempt++, 20));
    let delay = ceiling / 2 + Math.random() * ceiling / 2;
    if (tryAgainLater) {
      delay = Math.max(delay, this.backoff.tryLater);
    }
    this.#setState('reconnecting', Math.round(delay));
    this.timer = setTimeout(() => this.#open(), delay);
  }

  #stop(code, reason) {
    this.#setState('stopped');
    this.#emit('stopped', { code, reason });
  }

  #subscribeFrame(topics) {
    const resume = {};
    for (const topic of topics) {
      const cursor = this.cursors.get(topic);
      if (cursor) {
        resume[topic] = cursor;
        this.resuming.add(topic);
      }
    }
    return { type: 'subscribe', topics, resume, recent: this.recent };
  }

  #firstTime(key) {
    if (this.delivered.has(key)) {
      return false;
    }
    this.delivered.add(key);
    if (this.delivered.size > REMEMBERED) {
      this.delivered.delete(this.delivered.values().next().value);
    }
    return true;
  }

  #send(frame) {
    this.socket?.send(this.codec.write(frame));
  }

  #setState(state, retryIn = null) {
    this.state = state;
    this.#emit('state', { state, retryIn });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  #load() {
    try {
      return JSON.parse(this.storage?.getItem(this.key) ?? 'null');
    } catch {
      return null;
    }
  }

  #save() {
    this.storage?.setItem(this.key, JSON.stringify(Object.fromEntries(this.cursors)));
  }
}
