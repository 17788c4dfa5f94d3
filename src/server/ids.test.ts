import { describe, expect, it } from 'vitest';
import { assertPasswordPolicy } from './auth/password';
import { randomPassword } from './ids';

describe('randomPassword', () => {
  it('always satisfies the password policy (letters and digits, 16 characters)', () => {
    for (let i = 0; i < 5000; i++) {
      const p = randomPassword();
      expect(p).toHaveLength(16);
      expect(() => assertPasswordPolicy(p, 'admin')).not.toThrow();
    }
  });
});
