import type { SessionUser } from '../../../shared/contract';
import { roleMay } from '../../../shared/domain/auth';
import { RuleProfilesSection } from './RuleProfilesSection';
import { TrustListSection } from './TrustListSection';
import './rules.css';

/** Shift leads and admins: the DCC trust list and the corridor rules decisions are made by. */
export function RulesScreen({ user }: { user: SessionUser }) {
  return (
    <main className="page rules">
      <TrustListSection mayConfigure={roleMay(user.role, 'setTrustListStaleDays')} />
      <RuleProfilesSection mayEdit={roleMay(user.role, 'saveRuleProfile')} />
    </main>
  );
}
