/*
 * The dashboard shows each workflow's stage, outcome and refusals from the state marker in the bot's
 * section of the issue description, and any member can edit a description. So the bot signs the
 * marker: an HMAC-SHA256 over the issue (project id and iid, so a marker copied from another issue
 * does not verify) and the marker's payload, keyed by a secret only the bot holds. The dashboard
 * takes a marker's state only when its signature verifies; anything else counts as no marker, and
 * the dashboard falls back to what the labels say (src/dashboard/view.ts), as it always has for a
 * marker that does not check out. Verifying costs no request: the marker comes with the listings.
 *
 * The key (docs/security.md "Key management"): derived from CAREER_BOT_STATE_SECRET when it is set
 * (a masked CI/CD variable, or serve's environment), else from the bot's token. The token is a
 * secret only the bot holds, but it is rotated (project access tokens expire within a year): with
 * the token as key material, markers written before a rotation stop verifying until the bot writes
 * the issue again (an open issue's next run; a closed issue's dashboard row then comes from its
 * labels). A separate, long-lived CAREER_BOT_STATE_SECRET avoids that.
 */

const DOMAIN = "career-bot:dashboard-state:v1";
/* 128 bits of the MAC: ample against forgery, and the marker stays short. */
const SIGNATURE_BYTES = 16;

/** Signs and checks state markers of one issue with the bot's key. */
export interface StateSigner {
  sign(issue: StateIssue, payload: string): string;
  verify(issue: StateIssue, payload: string, signature: string): boolean;
}

/** The issue a marker belongs to: GitLab's project id and the issue's iid. */
export interface StateIssue {
  projectId: number;
  iid: number;
}

/** A signer keyed from `material` (CAREER_BOT_STATE_SECRET, else the token); never printed. */
export function stateSigner(material: string): StateSigner {
  // node:crypto is loaded on first use, as elsewhere (README "Performance").
  const crypto = process.getBuiltinModule("node:crypto");
  const key = crypto.createHmac("sha256", material).update(DOMAIN).digest();
  const mac = (issue: StateIssue, payload: string) =>
    crypto
      .createHmac("sha256", key)
      .update(`${issue.projectId}#${issue.iid}:${payload}`)
      .digest()
      .subarray(0, SIGNATURE_BYTES);
  return {
    sign: (issue, payload) => mac(issue, payload).toString("base64url"),
    verify: (issue, payload, signature) => {
      const given = Buffer.from(signature, "base64url");
      const wanted = mac(issue, payload);
      return given.length === wanted.length && crypto.timingSafeEqual(given, wanted);
    },
  };
}

/** The key material a run signs with: the configured state secret, else the token. */
export function stateKeyMaterial(env: NodeJS.ProcessEnv, token: string): string {
  const secret = env.CAREER_BOT_STATE_SECRET?.trim();
  return secret ? secret : token;
}
