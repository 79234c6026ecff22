// run.mjs: speed of Mozilla Readability (readability.js 0.6.0 on jsdom 27.0.0)
// over a set of HTML pages, in one Node process.
//
// Measures: for every page, decode bytes -> new JSDOM -> new Readability(doc).parse()
// -> textContent, timed from the first page to the last (module loading and the
// directory walk are excluded). Peak RSS is process.resourceUsage().maxRSS.
//
// Usage (from bench/readability, after `npm ci`):
//   node run.mjs [--repeat N] [--out FILE.jsonl] PATH...
// PATH is a page or a directory walked recursively for *.html, *.htm and gzip
// files (gzip is detected by the magic bytes 1f 8b). --repeat N processes the
// whole list N times. --out writes one JSON line {source, text} per page.
// Prints one JSON object on stdout:
//   {"tool":"readability.js 0.6.0","pages":N,"failed":F,"seconds":S,
//    "pagesPerSecond":P,"peakRssMb":M}
// A page that throws counts as failed; one where Readability finds no article
// is not failed and is written with "text": null.

import { readFileSync, readdirSync, statSync, openSync, readSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

function usage(msg) {
  if (msg) console.error(msg);
  console.error("usage: node run.mjs [--repeat N] [--out FILE.jsonl] PATH...");
  process.exit(2);
}

let repeat = 1, out = null;
const paths = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--repeat") {
    repeat = Number(argv[++i]);
    if (!Number.isInteger(repeat) || repeat < 1) usage("--repeat needs a positive integer");
  } else if (a === "--out") {
    out = argv[++i];
    if (!out) usage("--out needs a file name");
  } else if (a === "-h" || a === "--help") usage();
  else paths.push(a);
}
if (paths.length === 0) usage("no PATH given");

const PAGE_NAME = /\.(html?|gz)$/i;

// Files named *.html / *.htm / *.gz are pages; other files in a directory are
// pages too when they start with the gzip magic bytes. A PATH named directly
// on the command line is always taken as a page.
function isGzip(buf) {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}
function hasGzipMagic(file) {
  const fd = openSync(file, "r");
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b) === 2 && isGzip(b);
  } finally {
    closeSync(fd);
  }
}
function walk(p, list, top) {
  const st = statSync(p);
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) walk(join(p, name), list, false);
  } else if (st.isFile() && (top || PAGE_NAME.test(p) || hasGzipMagic(p))) {
    list.push(p);
  }
}

const files = [];
for (const p of paths) walk(p, files, true);
if (files.length === 0) usage("no pages found under: " + paths.join(" "));

// Charset from <meta charset=...> or <meta http-equiv=content-type content="...charset=...">
// in the first 4 KB; UTF-8 otherwise or when TextDecoder does not know the label.
const CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;
function decode(buf) {
  const head = buf.subarray(0, 4096).toString("latin1");
  const m = CHARSET.exec(head);
  if (m) {
    try {
      return new TextDecoder(m[1]).decode(buf);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  return new TextDecoder("utf-8").decode(buf);
}

const virtualConsole = new VirtualConsole(); // swallow jsdom's CSS/parse warnings
const outFd = out ? openSync(out, "w") : null;
let pages = 0, failed = 0;

const t0 = performance.now();
for (let r = 0; r < repeat; r++) {
  for (const file of files) {
    pages++;
    let dom = null;
    try {
      let buf = readFileSync(file);
      if (isGzip(buf)) buf = gunzipSync(buf);
      dom = new JSDOM(decode(buf), { url: "https://example.invalid/", virtualConsole });
      const article = new Readability(dom.window.document).parse();
      const text = article ? article.textContent : null;
      if (outFd !== null) writeSync(outFd, JSON.stringify({ source: file, text }) + "\n");
    } catch (e) {
      failed++;
      if (outFd !== null) writeSync(outFd, JSON.stringify({ source: file, text: null, error: String(e) }) + "\n");
    } finally {
      if (dom) dom.window.close();
    }
    // Let jsdom release the closed window; without this memory grows to GBs.
    await new Promise((res) => setImmediate(res));
  }
}
const seconds = (performance.now() - t0) / 1000;
if (outFd !== null) closeSync(outFd);

const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
console.log(JSON.stringify({
  tool: "readability.js 0.6.0",
  pages,
  failed,
  seconds: round(seconds, 3),
  pagesPerSecond: round(pages / seconds, 2),
  peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
}));
