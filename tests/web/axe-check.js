#!/usr/bin/env node
// Runs axe-core on HTML files in Debian's headless chromium and prints, as
// one JSON document on standard output, every file's violations:
//
//   node axe-check.js --modules DIR [--chromium PATH] [--filter TEXT] FILE...
//   [{"file": "a.html", "violations": [{"id": "...", "impact": "...",
//     "help": "...", "targets": ["css selector", ...]}], "passes": 31,
//     "incomplete": 0}]
//
// With --filter, TEXT is then typed into the page's #filter-text (a bundle's
// index.html) and each result also says what the filter left:
// "filter": {"rows": visible rows of the by-date table, "status": the text
// of #filter-count}.
//
// DIR is the node_modules folder scripts/web-tools filled (axe-core, ws).
// The page is loaded from file:// exactly as published, and axe-core is
// evaluated in it over the DevTools protocol (no copy of the page is
// changed, no script tag added). Chromium listens on a loopback port of its
// choosing and is ended when the check is done. Exit status 0 when the
// check ran (whatever it found), 2 when it could not run.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

function usage(message) {
  process.stderr.write(`axe-check: ${message}\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let modules = null, chromium = '/usr/bin/chromium', filter = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--modules') modules = args[++i];
  else if (args[i] === '--chromium') chromium = args[++i];
  else if (args[i] === '--filter') filter = args[++i];
  else files.push(path.resolve(args[i]));
}
if (!modules || files.length === 0) usage('usage: axe-check.js --modules DIR [--chromium PATH] FILE...');
const WebSocket = require(path.join(modules, 'ws'));
const axeSource = fs.readFileSync(path.join(modules, 'axe-core', 'axe.min.js'), 'utf8');

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pressroom-axe-'));
const browser = spawn(chromium, [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check',
  '--remote-debugging-address=127.0.0.1', '--remote-debugging-port=0', `--user-data-dir=${profile}`,
  'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });

function cleanup() {
  try { browser.kill('SIGKILL'); } catch (e) { /* already gone */ }
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch (e) { /* best effort */ }
}
const timer = setTimeout(() => { cleanup(); usage('timed out'); }, 300000);

function endpoint() {
  return new Promise((resolve, reject) => {
    let seen = '';
    browser.stderr.on('data', (chunk) => {
      seen += chunk.toString();
      const m = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    browser.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${seen.slice(-400)}`)));
  });
}

async function main() {
  const ws = new WebSocket(await endpoint(), { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024 });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let next = 0;
  const pending = new Map(), waiters = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id !== undefined && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(JSON.stringify(msg.error)));
      else resolve(msg.result);
    } else if (msg.method) {
      for (let i = waiters.length - 1; i >= 0; --i)
        if (waiters[i].method === msg.method && waiters[i].session === msg.sessionId) {
          waiters[i].resolve(msg.params);
          waiters.splice(i, 1);
        }
    }
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
  });
  const event = (method, session) => new Promise((resolve) => waiters.push({ method, session, resolve }));

  const results = [];
  for (const file of files) {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    await send('Page.enable', {}, sessionId);
    const loaded = event('Page.loadEventFired', sessionId);
    await send('Page.navigate', { url: 'file://' + file }, sessionId);
    await loaded;
    await send('Runtime.evaluate', { expression: axeSource }, sessionId);
    const run = await send('Runtime.evaluate', {
      expression: `axe.run(document, {resultTypes: ['violations']}).then(r => JSON.stringify({
        violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                            targets: v.nodes.map(n => n.target.join(' '))})),
        passes: r.passes.length, incomplete: r.incomplete.length}))`,
      awaitPromise: true, returnByValue: true }, sessionId);
    if (run.exceptionDetails) throw new Error(`${file}: ${JSON.stringify(run.exceptionDetails)}`);
    const result = Object.assign({ file }, JSON.parse(run.result.value));
    if (filter !== null) {
      const typed = await send('Runtime.evaluate', {
        expression: `(function () {
          var input = document.getElementById('filter-text');
          input.value = ${JSON.stringify(filter)};
          input.dispatchEvent(new Event('input'));
          return JSON.stringify({
            rows: document.querySelectorAll('#by-date tbody tr:not([hidden])').length,
            status: document.getElementById('filter-count').textContent});
        }())`, returnByValue: true }, sessionId);
      result.filter = JSON.parse(typed.result.value);
    }
    results.push(result);
    await send('Target.closeTarget', { targetId });
  }
  ws.close();
  return results;
}

main().then((results) => {
  clearTimeout(timer);
  cleanup();
  process.stdout.write(JSON.stringify(results, null, 1) + '\n');
  process.exit(0);
}, (err) => {
  clearTimeout(timer);
  cleanup();
  usage(err.message);
});
