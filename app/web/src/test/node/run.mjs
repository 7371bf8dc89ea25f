// Runs one scenario of the official intercom-client SDK against Optline and prints the outcome as
// one JSON line: {"ok":true,"result":...} or {"ok":false,"status":...,"body":...}.
// Usage: OPTLINE_BASE_URL=http://127.0.0.1:PORT/api OPTLINE_TOKEN=... node run.mjs <scenario> ['<JSON arguments>']
// The arguments are the SDK method's request object, such as '{"contact_id":"42"}'.
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

/** The maximum number of pages a list or search scenario loads, so that a paging bug cannot loop forever. */
const MAX_PAGES = 200;

/**
 * Loads every page of a paged SDK call through the SDK's own paging (hasNextPage and getNextPage),
 * and returns the pages' envelopes without their contacts plus the ids of the contacts in order.
 */
async function walk(firstPage) {
  const pages = [];
  const ids = [];
  let page = await firstPage;
  for (;;) {
    pages.push({ ...page.response, data: undefined, count: page.data.length });
    ids.push(...page.data.map((contact) => contact.id));
    if (!page.hasNextPage()) {
      return { pages, ids };
    }
    if (pages.length >= MAX_PAGES) {
      throw new Error(`Stopped after ${MAX_PAGES} pages: the API kept returning pages.next.`);
    }
    page = await page.getNextPage();
  }
}

function argument() {
  const text = process.argv[3];
  if (text === undefined) {
    return {};
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    console.error(`The arguments '${text}' are not JSON: ${error.message}`);
    process.exit(2);
  }
}

const scenarios = {
  "list-subscription-types": () => client.subscriptionTypes.list(),
  "create-contact": (request) => client.contacts.create(request),
  "find-contact": (request) => client.contacts.find(request),
  "update-contact": (request) => client.contacts.update(request),
  "delete-contact": (request) => client.contacts.delete(request),
  "list-contacts": (request) => walk(client.contacts.list(request)),
  "search-contacts": (request) => walk(client.contacts.search(request)),
  "attach-subscription": (request) => client.contacts.attachSubscription(request),
  "list-attached-subscriptions": (request) => client.contacts.listAttachedSubscriptions(request),
  "detach-subscription": (request) => client.contacts.detachSubscription(request),
};

const scenario = scenarios[process.argv[2]];
if (!scenario) {
  console.error(`Unknown scenario '${process.argv[2]}'. Known: ${Object.keys(scenarios).join(", ")}`);
  process.exit(2);
}

try {
  const result = await scenario(argument());
  console.log(JSON.stringify({ ok: true, result }));
} catch (error) {
  if (error instanceof IntercomError) {
    console.log(JSON.stringify({ ok: false, status: error.statusCode, body: error.body }));
  } else {
    console.log(JSON.stringify({ ok: false, status: null, body: String(error) }));
  }
}
