#!/usr/bin/env node
// Parses one Terraform file with HashiCorp's own HCL parser (hcl2json, Go compiled to wasm) and
// prints the JSON it gives (expressions stay as "${...}" strings). A file that does not parse
// prints the parser's message on standard error and exits 1; bad usage exits 2.
"use strict";

const fs = require("fs");
const { parse } = require("@cdktf/hcl2json");

async function main(args) {
  if (args.length !== 1) {
    console.error("usage: hcl2json.js FILE.tf");
    return 2;
  }
  try {
    const json = await parse(args[0], fs.readFileSync(args[0], "utf8"));
    process.stdout.write(JSON.stringify(json) + "\n");
    return 0;
  } catch (e) {
    console.error(`${args[0]}: ${String(e && e.message ? e.message : e).trim()}`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
