// EU DCC business rules: CertLogic rules of the receiving states, parsed and evaluated with the reference engine.
export { BusinessRuleSchema, parseBusinessRule, type BusinessRule, type BusinessRuleProblemCode } from './business-rule';
export { evaluateRule, logicProblems, type RuleData, type RuleEvaluationCode } from './evaluate-rule';
export { judgeByRuleSet, parseRuleSet, rulesInForce, type BusinessRuleSet, type RuleSetInput, type RuleSetProblemCode, type RuleSetVerdict } from './rule-set';
