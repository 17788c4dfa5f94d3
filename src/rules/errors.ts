/** An error of the rules core with a stable code and a Vietnamese message users can read. */
export class RulesError extends Error {
  readonly code: 'NO_RULE_SET' | 'UNKNOWN_TITLE' | 'NO_BASE_SALARY' | 'NO_COEFFICIENT' | 'INVALID_VOTE';

  constructor(code: RulesError['code'], message: string) {
    super(message);
    this.name = 'RulesError';
    this.code = code;
  }
}
