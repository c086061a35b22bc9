import { FakeGitLabApi } from "../../src/gitlab/fake/http-api.js";
import { inProcessTransport } from "../../src/gitlab/fake/in-process-transport.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import { describePortContract } from "./port-contract.js";

// The snapshot's warm-up runs the gitbeaker adapter over this transport: it must answer as the server.
describePortContract("GitbeakerGitLab over the in-process transport", async (state, bot) => {
  const token = "glpat-contract-token-0002";
  const port = new GitbeakerGitLab({
    host: "http://gitlab.invalid",
    token,
    fetch: inProcessTransport(new FakeGitLabApi(state, { [token]: bot })),
    retry: { sleep: async () => {} },
  });
  return { port, close: async () => {} };
});
