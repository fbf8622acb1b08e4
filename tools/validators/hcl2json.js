#!/usr/bin/env node
// Parses Terraform files with HashiCorp's own HCL parser (hcl2json, Go compiled to wasm) and
// prints the JSON it gives (expressions stay as "${...}" strings). A file that does not parse
// prints the parser's message on standard error and exits 1; bad usage exits 2.
"use strict";

const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

async function main(args) {
  if (args.length === 0) {
    console.error("usage: hcl2json.js FILE.tf [FILE.tf ...]");
    return 2;
  }
  // One file prints its JSON; several print one object of them by file name, in one process
  // (starting the parser takes seconds).
  const all = {};
  for (const file of args) {
    try {
      all[file] = await parse(file, fs.readFileSync(file, "utf8"));
    } catch (e) {
      console.error(`${file}: ${String(e && e.message ? e.message : e).trim()}`);
      return 1;
    }
  }
  process.stdout.write(JSON.stringify(args.length === 1 ? all[args[0]] : all) + "\n");
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
