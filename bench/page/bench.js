/* SPDX-License-Identifier: LGPL-2.1-or-later */

/*
 * The benchmark's workload, the same page for both programs: only ipc.js
 * differs. It makes the first call at once (the startup measurement ends
 * when it is answered), reads its parameters, runs each measurement in
 * turn, and hands everything it measured to the native side with `report`,
 * which prints it and quits.
 *
 * performance.now() is clamped to 1 ms in WebKit: the page only times spans
 * of many calls (totals, divided by their number), and per-call times come
 * from the native clock (bench-probe.c, phase_begin/phase_end).
 */
(function () {
  'use strict';

  const ipc = window.benchIpc;
  const invoke = ipc.invoke;
  const errors = [];

  /* The startup measurement: the first thing the page does. */
  const first = invoke('echo', { n: 0 });

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  function check(condition, what) {
    if (!condition && errors.length < 20)
      errors.push(what);
  }

  function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /* ASCII that JSON does not escape, so that the payload's size is the
   * string's length on both sides. */
  function makeString(size) {
    const unit = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_';
    return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  }

  function makeBytes(size) {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++)
      bytes[i] = (i * 2654435761) >>> 24;
    return bytes;
  }

  /* 1. Sequential tiny calls: each one as soon as the previous resolved. */
  async function latency(config) {
    for (let i = 0; i < config.warmupCalls; i++)
      await invoke('echo', { n: i });

    const calls = config.latencyCalls;
    await invoke('phase_begin', { name: 'latency' });
    const start = performance.now();
    for (let i = 0; i < calls; i++) {
      const result = await invoke('echo', { n: i });
      check(result && result.n === i, `latency: echo ${i} answered ${JSON.stringify(result)}`);
    }
    const total = performance.now() - start;
    const native = await invoke('phase_end', { name: 'latency' });

    return { calls, total_ms: total, mean_us: total * 1000 / calls, native };
  }

  /* 2. Many tiny calls issued at once. */
  async function throughput(config) {
    const calls = config.throughputCalls;
    const rates = [];

    async function batch() {
      const start = performance.now();
      const pending = [];
      for (let i = 0; i < calls; i++)
        pending.push(invoke('echo', { n: i }));
      const results = await Promise.all(pending);
      const elapsed = performance.now() - start;

      check(results.every((result, i) => result.n === i), 'throughput: an answer does not match its call');
      return calls / (elapsed / 1000);
    }

    await batch();                 /* warm-up */
    await invoke('phase_begin', { name: 'throughput' });
    for (let rep = 0; rep < config.throughputReps; rep++)
      rates.push(await batch());
    const native = await invoke('phase_end', { name: 'throughput' });

    return { calls, reps: config.throughputReps, calls_per_s: median(rates), all_calls_per_s: rates, native };
  }

  /* 7. The main loop's worst stall, idle and while threaded calls run. */
  async function stall(config) {
    await invoke('stall_begin');
    await sleep(200);
    const idle = await invoke('stall_end', { name: 'stall_idle' });

    const calls = config.stallCalls;
    await invoke('phase_begin', { name: 'stall' });
    await invoke('stall_begin');
    const start = performance.now();
    const pending = [];
    for (let i = 0; i < calls; i++)
      pending.push(invoke('noop_thread'));
    const results = await Promise.all(pending);
    const elapsed = performance.now() - start;
    const busy = await invoke('stall_end', { name: 'stall_threaded' });
    await invoke('phase_end', { name: 'stall' });

    check(results.every((result) => result === null), 'stall: a threaded call did not answer null');
    return {
      calls, total_ms: elapsed, idle_max_gap_us: idle.max_gap_us, max_gap_us: busy.max_gap_us,
      arrivals_in_worst_gap: busy.arrivals_in_worst_gap,
    };
  }

  /* 3. Large JSON string arguments echoed back. */
  async function payloads(config) {
    const out = {};

    for (const [size, reps] of config.payloads) {
      const payload = makeString(size);
      let last = null;

      last = await invoke('echo', { s: payload });           /* warm-up */
      await invoke('phase_begin', { name: `payload_${size}` });
      const start = performance.now();
      for (let rep = 0; rep < reps; rep++) {
        last = await invoke('echo', { s: payload });
        check(last && typeof last.s === 'string' && last.s.length === size,
              `payload ${size}: the answer has the wrong size`);
      }
      const total = performance.now() - start;
      const native = await invoke('phase_end', { name: `payload_${size}` });

      check(last.s === payload, `payload ${size}: the answer differs from the argument`);
      out[size] = {
        size, reps,
        mean_ms: total / reps,
        mb_per_s: size / 1e6 / (total / reps / 1000),
        native_round_trip_p50_us: native.round_trip_p50_us,
        native,
      };
    }

    return out;
  }

  /* 4. Raw bytes echoed back, when the program has a raw-bytes path. */
  async function rawBytes(config) {
    const size = config.rawBytesSize;
    const bytes = makeBytes(size);
    const reps = config.rawBytesReps;
    let last = await ipc.echoBytes(bytes);                   /* warm-up */

    await invoke('phase_begin', { name: 'raw_bytes' });
    const start = performance.now();
    for (let rep = 0; rep < reps; rep++) {
      last = await ipc.echoBytes(bytes);
      check(last.length === size, 'raw bytes: the answer has the wrong size');
    }
    const total = performance.now() - start;
    const native = await invoke('phase_end', { name: 'raw_bytes' });

    let same = last.length === size;
    for (let i = 0; same && i < size; i += 4093)
      same = last[i] === bytes[i];
    check(same, 'raw bytes: the answer differs from the argument');

    return { size, reps, mean_ms: total / reps, mb_per_s: size / 1e6 / (total / reps / 1000), native };
  }

  /* 5. Channel streaming, when the program has channels: from the call
   * until the last message has reached its callback. */
  async function channel(config) {
    const rates = [];

    async function once(count) {
      let received = 0;
      let inOrder = true;
      let allReceived;
      const done = new Promise((resolve) => { allReceived = resolve; });

      const start = performance.now();
      const answer = ipc.stream(count, (message) => {
        inOrder = inOrder && message === received;
        if (++received === count)
          allReceived();
      });
      const [value] = await Promise.all([answer, done]);
      const total = performance.now() - start;

      check(value === count && inOrder && received === count, 'channel: messages lost or out of order');
      return count / (total / 1000);
    }

    await once(Math.min(1000, config.channelMessages));       /* warm-up */
    await invoke('phase_begin', { name: 'channel' });
    for (let rep = 0; rep < config.channelReps; rep++)
      rates.push(await once(config.channelMessages));
    const native = await invoke('phase_end', { name: 'channel' });

    return {
      messages: config.channelMessages, reps: config.channelReps,
      messages_per_s: median(rates), all_messages_per_s: rates, native,
    };
  }

  async function measure(config, results) {
    await sleep(config.settleMs);
    results.latency = await latency(config);
    results.throughput = await throughput(config);
    results.stall = await stall(config);
    results.payloads = await payloads(config);
    results.raw_bytes = config.capabilities.raw_bytes && ipc.echoBytes ? await rawBytes(config) : null;
    results.channel = config.capabilities.channel && ipc.stream ? await channel(config) : null;
  }

  async function run() {
    const results = {};

    try {
      const answer = await first;
      check(answer && answer.n === 0, 'startup: the first call answered wrong');

      const config = await invoke('bench_config');
      results.program = config.program;
      results.capabilities = config.capabilities;

      /* The page of a further window stops here: the window's first
       * answer was what open_windows waited for. */
      if (config.secondary)
        return;

      /* A startup run ends here: the first answer was all it measured. */
      if (config.windows)
        results.windows = await invoke('open_windows', {
          upTo: config.windows, webProcess: config.webProcess, measureAt: config.measureAt,
          pauseMs: config.pauseMs || 0,
        });
      else if (!config.startupOnly)
        await measure(config, results);
    } catch (error) {
      errors.push(`${error && error.message ? error.message : error}`);
    }

    results.errors = errors;
    document.getElementById('status').textContent = errors.length ? 'Failed' : 'Done';
    await invoke('report', results);
  }

  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', run);
  else
    run();
})();
