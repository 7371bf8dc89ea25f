// Runs one scenario of the official intercom-client SDK against Optline and prints the outcome as
// one JSON line: {"ok":true,"result":...} or {"ok":false,"status":...,"body":...}.
// Usage: OPTLINE_BASE_URL=http://127.0.0.1:PORT/api OPTLINE_TOKEN=... node run.mjs <scenario>
import { IntercomClient, IntercomError } from "intercom-client";

const baseUrl = process.env.OPTLINE_BASE_URL;
const token = process.env.OPTLINE_TOKEN;
if (!baseUrl || !token) {
  console.error("Set OPTLINE_BASE_URL (ending in /api) and OPTLINE_TOKEN.");
  process.exit(2);
}
if (!new URL(baseUrl).hostname.match(/^127\.0\.0\.1$/)) {
  console.error(`OPTLINE_BASE_URL ${baseUrl} is not on 127.0.0.1; these tests reach only a local Optline.`);
  process.exit(2);
}

const client = new IntercomClient({ token, baseUrl });

const scenarios = {
  "list-subscription-types": () => client.subscriptionTypes.list(),
};

const scenario = scenarios[process.argv[2]];
if (!scenario) {
  console.error(`Unknown scenario '${process.argv[2]}'. Known: ${Object.keys(scenarios).join(", ")}`);
  process.exit(2);
}

try {
  const result = await scenario();
  console.log(JSON.stringify({ ok: true, result }));
} catch (error) {
  if (error instanceof IntercomError) {
    console.log(JSON.stringify({ ok: false, status: error.statusCode, body: error.body }));
  } else {
    console.log(JSON.stringify({ ok: false, status: null, body: String(error) }));
  }
}
