import { writeFileSync } from "node:fs";
// Reads a server's memory from inside, through the V8 inspector it was started with
// (--inspect on loopback): a full garbage collection first, then process.memoryUsage(),
// so the JavaScript heap can be told apart from what the process merely keeps reserved.
// Uses Node 20's WebSocket (run with --experimental-websocket).

export type MemoryAfterGc = {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
};

export async function connectInspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
    webSocketDebuggerUrl: string;
  }[];
  const url = targets[0]?.webSocketDebuggerUrl;
  if (!url) throw new Error("no inspector target");
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve, { once: true });
    socket.addEventListener("error", reject, { once: true });
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  let onEvent: (method: string, params: { chunk?: string }) => void = () => {};
  socket.addEventListener("message", (message) => {
    const data = JSON.parse(String(message.data)) as {
      id?: number;
      result?: unknown;
      method?: string;
      params?: { chunk?: string };
    };
    if (data.id !== undefined) pending.get(data.id)?.(data.result);
    else if (data.method) onEvent(data.method, data.params ?? {});
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    async memoryAfterGc(): Promise<MemoryAfterGc> {
      await send("HeapProfiler.collectGarbage");
      const result = (await send("Runtime.evaluate", {
        expression: "JSON.stringify(process.memoryUsage())",
        returnByValue: true,
      })) as { result: { value: string } };
      return JSON.parse(result.result.value) as MemoryAfterGc;
    },
    /** Writes a heap snapshot (for Chrome DevTools' Memory tab) to `file`. */
    async heapSnapshot(file: string): Promise<void> {
      const chunks: string[] = [];
      onEvent = (method, params) => {
        if (method === "HeapProfiler.addHeapSnapshotChunk") chunks.push(params.chunk ?? "");
      };
      await send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      onEvent = () => {};
      writeFileSync(file, chunks.join(""));
    },
    close: () => socket.close(),
  };
}
