#!/usr/bin/env node
// Checks that Terraform files are as `terraform fmt` writes them: HashiCorp's hclwrite formatter
// (the one terraform fmt calls, Go compiled to wasm) must give back each file unchanged. Prints
// "FILE: line N is not as terraform fmt writes it: WANTED" for the first line that differs in each
// file; exits 0 when every file is formatted, 1 when some are not, 2 on bad usage. It says nothing
// about whether the file is valid Terraform (hcl2json.js parses it).
"use strict";

const fs = require("fs");
const { format } = require("@cdktf/hcl-tools");

async function main(args) {
  if (args.length === 0) {
    console.error("usage: hcl-fmt.js FILE.tf [FILE.tf ...]");
    return 2;
  }
  let found = 0;
  for (const file of args) {
    const text = fs.readFileSync(file, "utf8");
    const formatted = await format(text);
    if (formatted === text) {
      continue;
    }
    found++;
    const have = text.split("\n");
    const want = formatted.split("\n");
    let i = 0;
    while (i < have.length && i < want.length && have[i] === want[i]) {
      i++;
    }
    console.log(`${file}: line ${i + 1} is not as terraform fmt writes it: ${JSON.stringify(want[i] ?? "")}`);
  }
  return found ? 1 : 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
