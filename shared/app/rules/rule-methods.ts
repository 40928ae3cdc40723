import type { CoreApi } from '../../contract';
import type { CoreContext } from '../core-context';
import { defineMethod } from '../define-method';
import { laneCorridorId } from '../scan/lane-corridor';
import type { RuleProfileService } from './rule-profile-service';

/** The signed-in person (or the station itself) names the change in the audit log. */
const actor = (ctx: CoreContext): string => ctx.session.actor();

export function ruleMethods(ctx: CoreContext, rules: RuleProfileService): Pick<CoreApi, 'listRuleProfiles' | 'getRuleProfile' | 'saveRuleProfile'> {
  return {
    listRuleProfiles: defineMethod(
      'listRuleProfiles',
      (input) => {
        const at = ctx.now();
        const corridor = laneCorridorId(ctx);
        return {
          items: rules.list(input.history),
          inEffect: { entry: rules.resolve(corridor, 'entry', at).ref ?? null, exit: rules.resolve(corridor, 'exit', at).ref ?? null },
        };
      },
      ctx,
    ),
    getRuleProfile: defineMethod('getRuleProfile', (input) => rules.get(input.id, input.version), ctx),
    saveRuleProfile: defineMethod(
      'saveRuleProfile',
      (input) => {
        const saved = rules.save(input.profile, actor(ctx));
        // The status bar names the profile in effect.
        ctx.events.emit({ type: 'log-changed', what: 'setup' }, ctx.onListenerError);
        return saved;
      },
      ctx,
    ),
  };
}
