// Preloaded into the app server by `BENCH_CPU_PROFILE_DIR=<dir> npm run bench` (with
// `--require`): SIGUSR2 starts a CPU profile of the server's thread, the next SIGUSR2
// stops it and writes `<dir>/<n>.cpuprofile`. The bench signals around each figure, so
// a profile holds that figure's work only, not the server's start-up or other figures.
// Plain CommonJS: it runs before anything else in the server's process.
const { renameSync, writeFileSync } = require("node:fs");
const path = require("node:path");
const { Session } = require("node:inspector");

const dir = process.env.BENCH_CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  let profiling = false;
  let written = 0;
  const post = (method, params) =>
    new Promise((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  process.on("SIGUSR2", async () => {
    if (!profiling) {
      profiling = true;
      await post("Profiler.enable");
      // 250 µs between samples: per-request work is a few milliseconds.
      await post("Profiler.setSamplingInterval", { interval: 250 });
      await post("Profiler.start");
      writeFileSync(path.join(dir, "profiling"), "");
      return;
    }
    profiling = false;
    const { profile } = await post("Profiler.stop");
    written += 1;
    // Written under another name and renamed: the bench never reads half a file.
    const file = path.join(dir, `${written}.cpuprofile`);
    writeFileSync(`${file}.partial`, JSON.stringify(profile));
    renameSync(`${file}.partial`, file);
  });
}
