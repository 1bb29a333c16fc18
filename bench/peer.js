// The lean peer: a minimal Node `ws` broadcast server, the yardstick Bulletin is measured against.
// POST /publish sends the body to every connected client (framed per client by ws, the payload
// encoded once); a client that connects with ?user=NAME is that user's, and POST /notify?user=NAME
// sends the body to that user's clients; GET /stats answers the process's CPU time and memory;
// GET /gc collects garbage.
//   node --expose-gc bench/peer.js [port]
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 9100);
const users = new Map(); // user → that user's open clients

function send(request, response, clients) {
  const chunks = [];
  request.on('data', chunk => chunks.push(chunk));
  request.on('end', () => {
    const payload = Buffer.concat(chunks);
    for (const client of clients) {
      client.send(payload, { binary: false });
    }
    response.writeHead(201).end();
  });
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://peer');
  if (request.method === 'POST' && url.pathname === '/publish') {
    send(request, response, sockets.clients);
  } else if (request.method === 'POST' && url.pathname === '/notify') {
    send(request, response, users.get(url.searchParams.get('user')) ?? []);
  } else if (request.url === '/stats') {
    const cpu = process.cpuUsage();
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({
      cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss,
      heapUsed: process.memoryUsage().heapUsed, clients: sockets.clients.size }));
  } else if (request.url === '/gc') {
    globalThis.gc?.();
    response.writeHead(204).end();
  } else {
    response.writeHead(404).end();
  }
});
const sockets = new WebSocketServer({ server, perMessageDeflate: false });
sockets.on('connection', (client, request) => {
  const user = new URL(request.url, 'http://peer').searchParams.get('user');
  if (user) {
    users.set(user, (users.get(user) ?? new Set()).add(client));
    client.on('close', () => users.get(user).delete(client));
  }
});
server.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
