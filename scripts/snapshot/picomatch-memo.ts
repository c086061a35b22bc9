/*
 * gitbeaker picks each request's rate limiter by matching the endpoint against its limit globs with
 * picomatch's `isMatch`, which compiles every glob to a RegExp again on every call (about fifteen
 * per request). This module, imported first by the snapshot's entry, makes `isMatch` keep the
 * matcher it compiles for a glob given without options: the same function of the same glob, so the
 * same answers. The matchers compiled during the warm-up are in the snapshot.
 */
// @ts-expect-error picomatch-browser (gitbeaker's glob matcher) ships no types
import picomatchBrowser from "picomatch-browser";

type Matcher = (input: string) => boolean;
type Picomatch = ((glob: string | string[], options?: unknown) => Matcher) & {
  isMatch: (input: string, glob: string | string[], options?: unknown) => boolean;
};

const picomatch = picomatchBrowser as Picomatch;
const matchers = new Map<string, Matcher>();
const isMatch = picomatch.isMatch;

picomatch.isMatch = (input, glob, options) => {
  if (options !== undefined || typeof glob !== "string") return isMatch(input, glob, options);
  let matcher = matchers.get(glob);
  if (!matcher) {
    matcher = picomatch(glob);
    matchers.set(glob, matcher);
  }
  return matcher(input);
};
