import { main } from "./cli.js";

/** The bundle's entry point (scripts/bundle.mjs), package.json's `bin`; bin/career-bot.js runs tsc's output. */
process.exitCode = await main(process.argv.slice(2));
