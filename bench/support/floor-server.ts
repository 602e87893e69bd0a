import { createServer } from "node:http";

// The physical floor for the app's numbers: a bare Node HTTP server on loopback that
// answers a POST with one SSE frame at once (time to first frame), and on GET /ticks
// writes a time-stamped frame every few milliseconds (one-way delivery latency).

const port = Number(process.env.FLOOR_PORT ?? 4020);
const now = () => performance.timeOrigin + performance.now();

createServer((req, res) => {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  if (req.url === "/ticks") {
    let sent = 0;
    const timer = setInterval(() => {
      res.write(`event: progress\ndata: {"sentAt":${now()}}\n\n`);
      sent += 1;
      if (sent >= 300) {
        clearInterval(timer);
        res.end();
      }
    }, 5);
    req.on("close", () => clearInterval(timer));
    return;
  }
  req.resume();
  req.on("end", () => {
    res.end('id: 1\nevent: progress\ndata: {"progress":0,"message":"floor"}\n\n');
  });
}).listen(port, "127.0.0.1");
