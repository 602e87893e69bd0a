/** Frames per generation in figure 3c (bench/job-relay.bench.ts): a long generation's worth. */
export const RELAY_FRAMES = 200;
