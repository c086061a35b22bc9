import { FakeGitLab } from "../../src/gitlab/fake/adapter.js";
import { describePortContract } from "./port-contract.js";

describePortContract("FakeGitLab (in memory)", async (state, bot) => ({
  port: new FakeGitLab(state, { username: bot }),
  close: async () => {},
}));
