import { FakeGitLabServer } from "../../src/gitlab/fake/http-server.js";
import { GitbeakerGitLab } from "../../src/gitlab/gitbeaker.js";
import { describePortContract } from "./port-contract.js";

describePortContract("GitbeakerGitLab over HTTP", async (state, bot) => {
  const token = "glpat-contract-token-0001";
  const server = await new FakeGitLabServer(state, { tokens: { [token]: bot } }).start();
  const port = new GitbeakerGitLab({
    host: server.url,
    token,
    requestTimeoutMs: 5_000,
    retry: { sleep: async () => {} },
  });
  return { port, close: server.close };
});
