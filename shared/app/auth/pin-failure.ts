import { CoreFailure } from '../../contract';
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH, type PinProblem } from '../../domain/auth';

/** A PIN rule broken, as the error the screens translate. */
export function pinFailure(problem: PinProblem): CoreFailure {
  switch (problem.kind) {
    case 'digits-only':
      return new CoreFailure('invalid-input', 'auth.pinDigitsOnly');
    case 'length':
      return new CoreFailure('invalid-input', 'auth.pinLength', { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH });
    case 'too-easy':
      return new CoreFailure('invalid-input', 'auth.pinTooEasy');
  }
}
