#!/usr/bin/env node
// Validates SSM Automation documents (schemaVersion '0.3', YAML or JSON) against the JSON schema
// AWS ships in aws-ssm-document-language-service (dist/schema.json, the schema its editor support
// uses), with Ajv. Prints one line per problem, FILE:LINE:COL: /json/pointer: message, and exits 1
// when any document has one, 2 on bad usage.
// The schema (package 1.0.0) predates AWS's typed parameters: it allows a parameter `type` of
// String, StringList, Boolean, Integer, MapList or StringMap only, and refuses for example
// AWS::IAM::Role::Arn, which Automation accepts today.
"use strict";

const fs = require("fs");
const Ajv = require("ajv");
const YAML = require("yaml");

const SCHEMA = require("aws-ssm-document-language-service/dist/schema.json");

// The schema's editor-only keywords (defaultSnippets, markdownDescription) are not JSON Schema,
// and its patterns such as ^{{[ ]{0,1}[a-zA-Z_.]+[ ]{0,1}}}$ are valid only as non-Unicode
// regular expressions, as the editor's JSON language service reads them.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
const validate = ajv.compile(SCHEMA);

function position(doc, lineCounter, pointer) {
  const path = pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (node && node.range) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      return `${line}:${col}`;
    }
  }
  return "1:1";
}

function check(file) {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(fs.readFileSync(file, "utf8"), { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return [`${file}:${line}:${col}: ${e.message.split("\n")[0]}`];
  }
  if (validate(doc.toJS())) {
    return [];
  }
  return validate.errors
    .filter((e) => e.keyword !== "if") // "must match then schema" repeats the error beneath it
    .map((e) => {
      const at = position(doc, lineCounter, e.instancePath);
      const extra = e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : "";
      const allowed = e.params && e.params.allowedValues ? `: ${e.params.allowedValues.join(", ")}` : "";
      return `${file}:${at}: ${e.instancePath || "/"}: ${e.message}${extra}${allowed}`;
    });
}

function main(files) {
  if (files.length === 0) {
    console.error("usage: ssm-schema.js DOCUMENT...");
    return 2;
  }
  let failed = false;
  for (const file of files) {
    let problems;
    try {
      problems = check(file);
    } catch (e) {
      problems = [`${file}:1:1: ${String(e && e.message ? e.message : e).split("\n")[0]}`];
    }
    problems.forEach((p) => console.log(p));
    failed = failed || problems.length > 0;
  }
  return failed ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
