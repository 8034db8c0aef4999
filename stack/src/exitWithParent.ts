/**
 * Preloaded (`node --import`) into every process the launcher (processes.ts) spawns. Those processes
 * run in process groups of their own, so that Ctrl-C reaches only the launcher, which stops them in
 * order; but then a launcher killed outright (SIGKILL, a crash) would leave them running. The launcher
 * holds an IPC channel to each: when it closes, the launcher is gone, and the process shuts down as on
 * SIGTERM (draining its requests). The channel itself keeps nothing alive.
 */
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
