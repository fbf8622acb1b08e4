#!/usr/bin/env node
// Checks CloudFormation templates offline, two ways, and prints one line per problem:
//   FILE: [cfn-lint] RESOURCE PATH: message
//   FILE: [service-spec] RESOURCE PATH: message
//   FILE: [parse] message
// Exit 0 when every template is clean, 1 when any has a problem, 2 on bad usage.
//
// 1. npm's cfn-lint (martysweet/cfn-lint: resolves intrinsic functions, checks Ref and GetAtt
//    targets, property names, required properties and value types). The package is retired and
//    bundles resource specification 2.29.0 from 2019, which lacks properties added since (it
//    rejects AWS::RDS::DBClusterParameterGroup's DBClusterParameterGroupName), so it is given the
//    newer specification of the same format that @aws-cdk/cfnspec ships (117.0.0).
// 2. The CDK's current database of CloudFormation resources (@aws-cdk/aws-service-spec, built
//    from the CloudFormation registry schemas): every resource type and property named in the
//    template exists, and every required property is present.
"use strict";

const Module = require("module");

function useNewerSpecification() {
  const bundled = require.resolve("cfn-lint/data/aws_resources_specification.json");
  const newer = new Module(bundled);
  newer.filename = bundled;
  newer.loaded = true;
  newer.exports = require("@aws-cdk/cfnspec/spec/specification.json");
  require.cache[bundled] = newer;
}

// cfn-lint adds a "TYPE.Tag" property type per resource type before each template, by deep-merging
// it into a clone of the whole specification (about 0.2 s a template, three quarters of a run of
// 66 templates). The same definitions again change nothing, so they are merged only when one is
// new or differs: the specification each template is checked against is the same.
function mergeOnlyWhatChanges() {
  const resourcesSpec = require("cfn-lint/lib/resourcesSpec");
  const { awsResources } = require("cfn-lint/lib/awsData");
  const extend = resourcesSpec.extendSpecification;
  resourcesSpec.extendSpecification = (spec) => {
    const keys = Object.keys(spec);
    const unchanged =
      keys.length === 1 &&
      keys[0] === "PropertyTypes" &&
      Object.entries(spec.PropertyTypes).every(
        ([name, type]) =>
          JSON.stringify(awsResources.PropertyTypes[name]) === JSON.stringify(type),
      );
    if (!unchanged) {
      extend(spec);
    }
  };
}

function oneLine(text) {
  return String(text).split("\n")[0].trim();
}

function cfnLint(template, api) {
  let result;
  try {
    result = api.validateJsonObject(template);
  } catch (e) {
    return [`[cfn-lint] ${oneLine(e && e.message ? e.message : e)}`];
  }
  const problems = [];
  for (const level of ["crit", "warn"]) {
    for (const error of result.errors[level]) {
      problems.push(`[cfn-lint] ${level} ${error.resource}: ${error.message}`);
    }
  }
  return problems;
}

const INTRINSIC = /^(Ref|Condition|Fn::.*)$/;

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isIntrinsic(value) {
  const keys = isPlainObject(value) ? Object.keys(value) : [];
  return keys.length === 1 && INTRINSIC.test(keys[0]);
}

// Checks the properties `value` gives against `spec` (a resource's or a type definition's).
function checkProperties(db, where, value, spec, problems) {
  if (!isPlainObject(value) || isIntrinsic(value)) {
    return;
  }
  for (const [name, property] of Object.entries(spec.properties)) {
    if (property.required && !(name in value)) {
      problems.push(`[service-spec] ${where}: required property ${name} is missing`);
    }
  }
  for (const [name, given] of Object.entries(value)) {
    const property = spec.properties[name];
    if (!property) {
      const known = Object.keys(spec.properties).sort().join(", ");
      problems.push(`[service-spec] ${where} > ${name}: no such property; expected one of ${known}`);
      continue;
    }
    checkNested(db, `${where} > ${name}`, given, property.type, problems);
  }
}

function checkNested(db, where, given, type, problems) {
  if (type.type === "ref") {
    checkProperties(db, where, given, db.get("typeDefinition", type.reference.$ref), problems);
  } else if (type.type === "array" && Array.isArray(given)) {
    given.forEach((item, i) => checkNested(db, `${where}[${i}]`, item, type.element, problems));
  } else if (type.type === "map" && isPlainObject(given) && !isIntrinsic(given)) {
    for (const [key, item] of Object.entries(given)) {
      checkNested(db, `${where}.${key}`, item, type.element, problems);
    }
  }
}

function serviceSpec(template, db) {
  const problems = [];
  for (const [id, resource] of Object.entries((template && template.Resources) || {})) {
    const where = `Resources > ${id}`;
    const type = resource && resource.Type;
    if (typeof type !== "string" || /^Custom::|^AWS::CloudFormation::CustomResource$/.test(type)) {
      continue;
    }
    const found = db.lookup("resource", "cloudFormationType", "equals", type);
    if (found.length !== 1) {
      problems.push(`[service-spec] ${where}: resource type ${type} does not exist`);
      continue;
    }
    checkProperties(db, `${where} > Properties`, resource.Properties || {}, found[0], problems);
  }
  return problems;
}

function main(files) {
  if (files.length === 0) {
    usageError("usage: cfn-check.js TEMPLATE...");
    return 2;
  }
  useNewerSpecification();
  mergeOnlyWhatChanges();
  const api = require("cfn-lint/lib/api");
  const { openFile } = require("cfn-lint/lib/parser");
  const db = require("@aws-cdk/aws-service-spec").loadAwsServiceSpecSync();
  let failed = false;
  for (const file of files) {
    let problems;
    try {
      const template = openFile(file);
      problems = [...cfnLint(template, api), ...serviceSpec(template, db)];
    } catch (e) {
      problems = [`[parse] ${oneLine(e && e.message ? e.message : e)}`];
    }
    for (const problem of problems) {
      console.log(`${file}: ${problem}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}

// cfn-lint logs through winston, and its parser prints each failed attempt (JSON, then YAML):
// only this script's lines are wanted.
const usageError = console.error;
console.info = console.warn = console.error = () => {};
process.exitCode = main(process.argv.slice(2));
