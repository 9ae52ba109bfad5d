// Runs DAISY Ace (the EPUB accessibility checker: axe-core in a headless
// Chromium, plus its own package checks) over many EPUBs in one Node
// process, as `ace-puppeteer FILE` would check each one:
//
//   node ace_batch.js NODE_MODULES EPUB...
//
// NODE_MODULES is where `npm install --ignore-scripts @daisy/ace` put Ace
// (scripts/install-ace); Chromium is PUPPETEER_EXECUTABLE_PATH. For each
// file it prints "FILE: N violations", then one line per violation
// ("  impact rule: description"), and the accessibility metadata Ace found
// missing or empty ("  metadata missing: dcterms:conformsTo"). Exit status 0
// when every file was checked, 1 when one could not be (Ace failed on it).
'use strict';

const path = require('path');
const modules = path.resolve(process.argv[2]);
const files = process.argv.slice(3);
const need = (name) => require(path.join(modules, name));

async function main() {
    const logger = need('@daisy/ace-logger');
    logger.initLogger({ verbose: false, silent: true });
    const ace = need('@daisy/ace-core');
    // One Chromium for all the files: Ace launches and closes the browser
    // for every EPUB, which costs more than checking one of ours.
    const puppeteer = need('@daisy/ace-axe-runner-puppeteer');
    let launched = false;
    const runner = Object.assign({}, puppeteer, {
        launch: async () => {
            if (!launched) await puppeteer.launch();
            launched = true;
        },
        close: async () => {},
    });
    // Ace writes the whole report to standard output when it saves none:
    // only this script's lines go there.
    const write = process.stdout.write.bind(process.stdout);
    const say = (line) => write(line + '\n');
    let failed = 0;
    for (const file of files) {
        let report;
        try {
            process.stdout.write = () => true;
            const job = await ace(path.resolve(file), { cwd: process.cwd(), silent: true, jobId: '' }, runner);
            report = job[1];
        } catch (err) {
            process.stdout.write = write;
            say(`${file}: not checked: ${err && err.message ? err.message : err}`);
            failed++;
            continue;
        }
        process.stdout.write = write;
        const lines = [];
        for (const doc of report.assertions || [])
            for (const a of doc.assertions || []) {
                if (a['earl:result']['earl:outcome'] !== 'fail') continue;
                const test = a['earl:test'];
                // One line each: axe's descriptions can hold line breaks.
                const description = String(a['earl:result']['dct:description']).replace(/\s*\n\s*/g, '; ');
                lines.push(`  ${test['earl:impact']} ${test['dct:title']}: ${description}` +
                           ` (${doc['earl:testSubject'] ? doc['earl:testSubject'].url : ''})`);
            }
        say(`${file}: ${lines.length} violations`);
        for (const l of lines) say(l);
        const meta = report['a11y-metadata'] || {};
        for (const m of meta.missing || []) say(`  metadata missing: ${m}`);
        for (const m of meta.empty || []) say(`  metadata empty: ${m}`);
        const outcome = report['earl:result'] ? report['earl:result']['earl:outcome'] : 'none';
        say(`  outcome: ${outcome}`);
    }
    if (launched) await puppeteer.close();
    return failed ? 1 : 0;
}

main().then((status) => process.exit(status), (err) => {
    console.log(`ace_batch: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
});
