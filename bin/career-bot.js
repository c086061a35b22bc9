#!/usr/bin/env node
// The CLI from tsc's output in dist/, unbundled: for development and bench/ (which compares its
// start-up with the bundle's). `npx career-bot` runs the bundle, package.json's `bin`.
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
