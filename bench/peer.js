// The lean peer: a minimal Node `ws` broadcast server, the yardstick Bulletin is measured against.
// POST /publish sends the body to every connected client (framed per client by ws, the payload
// encoded once); GET /stats answers the process's CPU time and memory; GET /gc collects garbage.
//   node --expose-gc bench/peer.js [port]
import http from 'node:http';
import { WebSocketServer } from 'ws';

const port = Number(process.argv[2] ?? 9100);
const server = http.createServer((request, response) => {
  if (request.method === 'POST' && request.url === '/publish') {
    const chunks = [];
    request.on('data', chunk => chunks.push(chunk));
    request.on('end', () => {
      const payload = Buffer.concat(chunks);
      for (const client of sockets.clients) {
        client.send(payload, { binary: false });
      }
      response.writeHead(201).end();
    });
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
server.listen(port, '127.0.0.1', () => console.log(`peer listening on 127.0.0.1:${port}`));
