// The audit chain's signed heads: their format and the continuity rules a station and the hub both check.
export {
  SIGNED_HEAD_PURPOSE,
  VERIFIED_HEAD_PURPOSE,
  headContinuityProblems,
  signedHeadShapeProblem,
  signedHeadText,
  verifiedHeadText,
  type ChainHead,
  type SignedHead,
} from './signed-head';
