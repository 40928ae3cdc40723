import { evaluate, isCertLogicExpression } from 'certlogic-js';
import { validateFormat } from 'certlogic-js/dist/validation/index.js';
import { err, ok, type Problem, type Result } from '../result';

/** What a rule is evaluated against: the DCC payload (`hcert` claim's content) and the verifier's facts. */
export interface RuleData {
  readonly payload: unknown;
  readonly external: unknown;
}

export type RuleEvaluationCode = 'rule.logic' | 'rule.not-boolean' | 'rule.evaluation';

/**
 * The problems that make an expression unusable (CertLogic's own format validation): an unknown operation, wrong
 * operand counts, a `var` that is not a path. Empty when the expression can be evaluated.
 */
export function logicProblems(logic: unknown): string[] {
  if (!isCertLogicExpression(logic)) return ['not a CertLogic expression'];
  return validateFormat(logic).map((e) => e.message);
}

/**
 * Evaluates one CertLogic expression with the reference implementation (certlogic-js). A rule passes only when the
 * result is exactly `true` (CertLogic specification: a rule's value is a boolean); anything else is a rule problem,
 * never a silent pass.
 */
export function evaluateRule(logic: unknown, data: RuleData): Result<boolean, Problem<RuleEvaluationCode>> {
  const problems = logicProblems(logic);
  if (problems.length > 0) return err({ code: 'rule.logic', message: `the rule's logic is not valid CertLogic: ${problems.slice(0, 3).join('; ')}` });
  let value: unknown;
  try {
    value = evaluate(logic as Parameters<typeof evaluate>[0], { payload: data.payload, external: data.external });
  } catch (error) {
    return err({ code: 'rule.evaluation', message: `the rule could not be evaluated: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (typeof value !== 'boolean') return err({ code: 'rule.not-boolean', message: `the rule gave ${JSON.stringify(value) ?? 'nothing'} instead of true or false` });
  return ok(value);
}
