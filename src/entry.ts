import { main } from "./cli.js";

/** The bundle's entry point (scripts/bundle.mjs); a checkout starts from bin/career-bot.js instead. */
process.exitCode = await main(process.argv.slice(2));
