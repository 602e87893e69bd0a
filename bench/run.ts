import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { burstToFirstFrame } from "./measures/burst";
import { claimCost } from "./measures/claim-cost";
import { clientCosts } from "./measures/client";
import { concurrentStreams } from "./measures/concurrency";
import { jobRelayCost } from "./measures/job-relay";
import { offlineEngine } from "./measures/offline";
import { parsingCost } from "./measures/parsing";
import { resumeToFirstFrame } from "./measures/resume";
import { startUp } from "./measures/startup";
import {
  addedFrameLatency,
  floorFrameLatency,
  generationOverhead,
  timeToFirstFrame,
} from "./measures/streaming";
import { profiled } from "./support/cpu-profile";
import {
  ROOT,
  startApp,
  startBareNext,
  startFake,
  startFloor,
  startNginx,
  stopAll,
} from "./support/processes";
import { type BenchResult, printTable } from "./support/result";
import { percentile } from "./support/stream-client";

// `npm run bench [figure ...]`: the streaming path's performance against the production
// build, each figure next to a baseline measured in the same run. With DATABASE_URL set
// the app (and figure 10) use that PostgreSQL server. Needs `npm run build` first;
// nginx (Debian package) is optional and only used for the proxied latency figure.

const PORTS = { fake: 4110, app: 4100, nginx: 4101, floor: 4120, bare: 4130, start: 4140 };
const only = process.argv.slice(2);
const wanted = (id: string) => only.length === 0 || only.includes(id);

async function main() {
  const results: BenchResult[] = [];
  const fake = await startFake(PORTS.fake);
  // TRUST_PROXY=1: figure 9 gives each guest its own address; without the header all
  // guests share one key, as they do without a trusted proxy.
  const app = await startApp(PORTS.app, fake.url, { TRUST_PROXY: "1" });
  const floorUrl = await startFloor(PORTS.floor);
  const report = (result: BenchResult | BenchResult[]) => {
    for (const one of [result].flat()) {
      results.push(one);
      console.log(`measured ${one.id}: ${one.measure} = ${one.value.toFixed(2)} ${one.unit}`);
    }
  };

  if (wanted("1")) {
    const bareUrl = await startBareNext(PORTS.bare);
    report(await profiled(app, "1", () => timeToFirstFrame(app, floorUrl, bareUrl)));
  }
  if (wanted("2") || wanted("5"))
    report(await profiled(app, "2", () => generationOverhead(app, fake)));
  if (wanted("5")) report(parsingCost());

  let singleStreamP99 = Number.NaN;
  let figure3p50 = Number.NaN;
  if (wanted("3") || wanted("4")) {
    const floor = await floorFrameLatency(floorUrl);
    const direct = await profiled(app, "3", () => addedFrameLatency(app.url, fake, "direct"));
    singleStreamP99 = percentile(direct, 99);
    figure3p50 = percentile(direct, 50);
    report({
      id: "3a",
      measure: "added latency per milestone frame, direct, p99",
      value: singleStreamP99,
      unit: "ms",
      baseline: percentile(floor, 99),
      baselineName: "loopback delivery floor",
      target: "p99 <= 5 ms",
      met: singleStreamP99 <= 5,
      note: `p50 ${percentile(direct, 50).toFixed(2)} ms over ${direct.length} frames`,
    });
    const nginxUrl = await startNginx(PORTS.nginx, PORTS.app);
    if (nginxUrl) {
      const proxied = await addedFrameLatency(nginxUrl, fake, "nginx");
      const p99 = percentile(proxied, 99);
      report({
        id: "3b",
        measure: "added latency per milestone frame, via nginx, p99",
        value: p99,
        unit: "ms",
        baseline: percentile(floor, 99),
        baselineName: "loopback delivery floor",
        target: "p99 <= 5 ms",
        met: p99 <= 5,
        note: `p50 ${percentile(proxied, 50).toFixed(2)} ms over ${proxied.length} frames; nginx with gzip on, default proxy buffering`,
      });
    } else {
      console.log("skipped 3b: nginx is not installed (apt-get install nginx)");
    }
  }
  if (wanted("3")) report(jobRelayCost(figure3p50));
  if (wanted("4"))
    report(await profiled(app, "4", () => concurrentStreams(app, fake, singleStreamP99)));
  if (wanted("6")) report(await clientCosts(app.url, fake, await startBareNext(PORTS.bare)));
  if (wanted("7")) report(await offlineEngine());
  if (wanted("8")) report(await profiled(app, "8", () => resumeToFirstFrame(app, floorUrl)));
  if (wanted("9")) {
    const bareUrl = await startBareNext(PORTS.bare);
    report(await profiled(app, "9", () => burstToFirstFrame(app, fake, floorUrl, bareUrl)));
  }
  if (wanted("10")) report(claimCost());
  if (wanted("11")) report(await startUp(PORTS.start));

  console.log(
    `\nmachine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  printTable(results);
  writeFileSync(
    path.join(ROOT, "bench", "latest-results.json"),
    `${JSON.stringify(results, null, 2)}\n`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(stopAll);
